import type { Metadata } from "next";
import Link from "@/components/link";
import { requireUser } from "@/lib/auth";
import { canManageResources } from "@/lib/roles";
import { resourcesFor } from "@/db/queries/resources";
import { professionOptions } from "@/db/queries/reference";
import { parseResourceFilters, resourceTypeWords } from "@/lib/forms/resource";
import { siteOf, type HubGroup, type HubResource } from "@/lib/rules/resources";
import { Tag } from "@/components/tags";

export const metadata: Metadata = { title: "Resources" };

type Search = Promise<Record<string, string | string[] | undefined>>;

function ResourceCard({ resource, heading: Heading }: { resource: HubResource; heading: "h3" | "h4" }) {
  return (
    <li className="card flex flex-col gap-2">
      <p>
        <Tag tone="blue">{resourceTypeWords.label(resource.type)}</Tag>
      </p>
      <Heading className="text-lg leading-snug break-words">
        <a href={resource.url}>{resource.title}</a>
      </Heading>
      <p className="text-sm break-all text-nhs-secondary">
        <span className="sr-only">Website: </span>
        {siteOf(resource.url)}
      </p>
      {resource.body ? <p>{resource.body}</p> : null}
    </li>
  );
}

function Cards({ resources, heading }: { resources: HubResource[]; heading: "h3" | "h4" }) {
  return (
    <ul className="grid list-none gap-4 p-0 md:grid-cols-2">
      {resources.map((r) => (
        <ResourceCard key={r.id} resource={r} heading={heading} />
      ))}
    </ul>
  );
}

function FilterSelect({ name, label, options, value, all }: { name: string; label: string; options: ReadonlyArray<readonly [string, string]>; value?: string; all: string }) {
  return (
    <div className="min-w-0 flex-1 basis-56">
      <label htmlFor={`f-${name}`} className="label text-sm">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{all}</option>
        {options.map(([v, t]) => (
          <option key={v} value={v}>
            {t}
          </option>
        ))}
      </select>
    </div>
  );
}

const sectionId = (g: HubGroup) => (g.kind === "everyone" ? "for-everyone" : g.kind === "featured" ? "for-featured" : `for-${g.professionId}`);

export default async function ResourcesPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser();
  const filters = parseResourceFilters(await searchParams);
  const hub = await resourcesFor(user, filters);
  const filtered = !!(filters.type || filters.profession);
  const typeLabel = filters.type ? resourceTypeWords.label(filters.type) : undefined;
  const featured = hub.groups.find((g) => g.kind === "featured");
  const everyone = hub.groups.find((g) => g.kind === "everyone");
  const others = hub.groups.filter((g) => g.kind === "profession");
  const typeOptions = resourceTypeWords.values.map((t) => [t, resourceTypeWords.label(t)] as const);

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="mb-2">Resources</h1>
          <p className="max-w-3xl">
            Professional bodies and trade unions, role and responsibility guides, supervision and delegation guidance, and education and
            career frameworks for the allied health support workforce. Links go to each organisation&apos;s own website.
          </p>
        </div>
        {canManageResources(user.role) ? (
          <Link href="/admin/resources" className="btn btn-secondary">
            Manage resources
          </Link>
        ) : null}
      </div>

      <form method="get" action="/resources" className="card mb-8" role="search" aria-label="Filter resources">
        <div className="flex flex-wrap items-end gap-4">
          <FilterSelect name="type" label="Kind of resource" options={typeOptions} value={filters.type} all="All kinds" />
          <FilterSelect name="profession" label="Profession" options={await professionOptions()} value={filters.profession} all="All professions" />
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="btn">
              Show resources
            </button>
            {filtered ? <Link href="/resources">Clear filters</Link> : null}
          </div>
        </div>
        {filters.profession ? <p className="mt-3 text-sm text-nhs-secondary">A profession shows its own resources and those for everyone.</p> : null}
      </form>

      <p role="status" className="mb-6">
        {hub.total === 0
          ? "No resources match these filters."
          : `Showing ${hub.total.toLocaleString("en-GB")} ${hub.total === 1 ? "resource" : "resources"}${typeLabel ? ` (${typeLabel})` : ""}.`}
      </p>

      {featured && featured.kind === "featured" ? (
        <section aria-labelledby={sectionId(featured)} className="mb-10">
          <h2 id={sectionId(featured)} className="mb-4">
            {hub.featured?.own ? "For your profession: " : "For "}
            {featured.professionName}
          </h2>
          {featured.resources.length > 0 ? (
            <Cards resources={featured.resources} heading="h3" />
          ) : (
            <p>
              There are no resources{typeLabel ? " of this kind" : ""} for {featured.professionName} here yet.
              {hub.featured?.own ? " The ones below are for every support worker." : ""}
            </p>
          )}
        </section>
      ) : null}

      {everyone ? (
        <section aria-labelledby={sectionId(everyone)} className="mb-10">
          <h2 id={sectionId(everyone)} className="mb-4">
            For everyone
          </h2>
          <Cards resources={everyone.resources} heading="h3" />
        </section>
      ) : null}

      {others.length > 0 ? (
        <section aria-labelledby="other-professions" className="mb-10">
          <h2 id="other-professions" className="mb-2">
            {featured ? "Other professions" : "By profession"}
          </h2>
          <nav aria-label="Jump to a profession" className="mb-6">
            <ul className="flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
              {others.map((g) => (
                <li key={sectionId(g)}>
                  <a href={`#${sectionId(g)}`}>{g.kind === "profession" ? g.professionName : null}</a>
                </li>
              ))}
            </ul>
          </nav>
          {others.map((g) =>
            g.kind === "profession" ? (
              <section key={g.professionId} aria-labelledby={sectionId(g)} className="mb-8">
                <h3 id={sectionId(g)} className="mb-3 text-xl">
                  {g.professionName}
                </h3>
                <Cards resources={g.resources} heading="h4" />
              </section>
            ) : null,
          )}
        </section>
      ) : null}
    </>
  );
}
