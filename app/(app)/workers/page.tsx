import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { canManageWorkers } from "@/lib/roles";
import { listWorkers } from "@/db/queries/workers";
import { TeamFilterField, TeamMatches } from "@/components/team-filter";
import { pickTeam } from "@/lib/team-filter";
import { teamOptions, professionOptions, stageOptions, bandOptions, careSettingOptions } from "@/db/queries/reference";
import { parseWorkerFilters, filtersToQuery, SEARCH_MAX, type WorkerFilters, type WorkerSort } from "@/lib/worker-filters";
import { FieldMessages, describedBy } from "@/components/forms/field-shell";
import { formatDate } from "@/lib/rules/dates";
import { SortHeader } from "@/components/sort-header";
import { Pagination } from "@/components/pagination";
import { ScrollRegion } from "@/components/scroll-region";
import { Tag } from "@/components/tags";

export const metadata: Metadata = { title: "Workers" };

type Search = Promise<Record<string, string | string[] | undefined>>;

function FilterSelect({ name, label, options, value, all }: { name: string; label: string; options: ReadonlyArray<readonly [string, string]>; value?: string; all: string }) {
  return (
    <div>
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

export default async function WorkersPage({ searchParams }: { searchParams: Search }) {
  const user = await requireRole("manager", "lead", "admin");
  const search = await searchParams;
  const parsed = parseWorkerFilters(search);
  const teams = (await teamOptions(user)).map(([id, name]) => ({ id, name }));
  // Words typed in the team box of a large organisation (lib/team-filter.ts) pick the team when they name one.
  const picked = pickTeam(parsed.team, typeof search.teamq === "string" ? search.teamq : undefined, teams);
  const f = { ...parsed, team: typeof search.teamq === "string" ? (picked.team ?? undefined) : parsed.team };
  const result = await listWorkers(user, f);
  const href = (change: Partial<WorkerFilters>) => `/workers${filtersToQuery({ ...f, ...change })}`;
  const sortHref = (sort: string, dir: "asc" | "desc") => href({ sort: sort as WorkerSort, dir, page: 1 });
  const moreFilters = !!(f.team || picked.typed || f.profession || f.stage || f.band || f.setting || f.apprentice || f.status !== "in_post");
  const filtered = moreFilters || !!f.q;
  const exportHref = `/workers/export${filtersToQuery({ ...f, page: 1 })}`;

  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1>Workers</h1>
          <p className="text-nhs-secondary">
            {user.role === "manager" ? "Support workers in the teams you manage or line-manage." : "Every support worker in the organisation."}
          </p>
        </div>
        {canManageWorkers(user.role) ? (
          <div className="flex flex-wrap gap-3">
            <Link href="/workers/new" className="btn">
              Add a worker
            </Link>
            <Link href="/workers/import" className="btn btn-secondary">
              Import from CSV
            </Link>
          </div>
        ) : null}
      </div>

      <form method="get" action="/workers" className="card mb-6" role="search" aria-label="Filter workers">
        <div className="flex flex-wrap items-end gap-4">
          <div className="min-w-0 flex-1 basis-64">
            <label htmlFor="f-q" className="label text-sm">
              Name or employee number
            </label>
            <FieldMessages name="f-q" error={f.searchRefused ? `Search for ${SEARCH_MAX.toLocaleString("en-GB")} characters or fewer` : undefined} />
            <input
              id="f-q"
              name="q"
              type="search"
              defaultValue={f.q ?? ""}
              className="input"
              aria-invalid={f.searchRefused ? true : undefined}
              aria-describedby={describedBy("f-q", undefined, f.searchRefused ? "refused" : undefined)}
            />
          </div>
          <button type="submit" className="btn">
            Search
          </button>
        </div>
        {/* Open when a filter is in use, so a filtered view shows what filtered it. */}
        <details className="mt-4" open={moreFilters}>
          <summary className="cursor-pointer font-semibold text-nhs-blue">More filters{moreFilters ? " (in use)" : ""}</summary>
          <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <TeamFilterField teams={teams} picked={{ ...picked, team: f.team ?? null }} id="f-team" labelClassName="label text-sm" />
            <FilterSelect name="profession" label="Profession" options={await professionOptions()} value={f.profession} all="All professions" />
            <FilterSelect name="stage" label="Role" options={await stageOptions()} value={f.stage} all="All roles" />
            <FilterSelect name="band" label="Band" options={await bandOptions()} value={f.band} all="All bands" />
            <FilterSelect name="setting" label="Care setting" options={await careSettingOptions()} value={f.setting} all="All settings" />
            <FilterSelect
              name="status"
              label="Status"
              options={[
                ["left", "Left"],
                ["all", "In post and left"],
              ]}
              value={f.status === "in_post" ? "" : f.status}
              all="In post"
            />
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
            <label className="flex items-center gap-3">
              <input type="checkbox" name="apprentice" value="1" defaultChecked={f.apprentice} className="size-6 accent-nhs-blue" />
              On an apprenticeship
            </label>
            <button type="submit" className="btn">
              Apply filters
            </button>
          </div>
        </details>
        {filtered ? (
          <p className="mt-4">
            <Link href="/workers">Clear search and filters</Link>
          </p>
        ) : null}
      </form>
      <TeamMatches picked={picked} hrefFor={(team) => href({ team, page: 1 })} />

      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-4">
        <p role="status" className="text-lg">
          <strong>{result.headcount.toLocaleString("en-GB")}</strong> {result.headcount === 1 ? "worker" : "workers"} ·{" "}
          <strong>{Number(result.fte.toFixed(2)).toLocaleString("en-GB")}</strong> FTE
        </p>
        <span className="flex flex-wrap gap-x-4">
          <a href={exportHref} download>
            Download these workers as CSV
          </a>
          <a href={`/mandatory-training/export${filtersToQuery({ ...f, page: 1 }) || "?status=in_post"}`} download>
            Download these workers&apos; mandatory training (CSV)
          </a>
        </span>
      </div>

      {result.rows.length === 0 ? (
        <p className="card">No workers match. {filtered ? <Link href="/workers">Clear the filters</Link> : null}</p>
      ) : (
        <ScrollRegion label="Workers">
          <table className="table">
            <caption className="sr-only">Workers, sortable by column</caption>
            <thead>
              <tr>
                <SortHeader label="Name" column="name" current={f.sort} dir={f.dir} hrefFor={sortHref} />
                <SortHeader label="Employee no." column="employeeNumber" current={f.sort} dir={f.dir} hrefFor={sortHref} className="max-md:hidden" />
                <SortHeader label="Job title" column="jobTitle" current={f.sort} dir={f.dir} hrefFor={sortHref} />
                <SortHeader label="Team" column="team" current={f.sort} dir={f.dir} hrefFor={sortHref} />
                <SortHeader label="Profession" column="profession" current={f.sort} dir={f.dir} hrefFor={sortHref} className="max-md:hidden" />
                <SortHeader label="Role" column="stage" current={f.sort} dir={f.dir} hrefFor={sortHref} />
                <SortHeader label="Band" column="band" current={f.sort} dir={f.dir} hrefFor={sortHref} />
                <SortHeader label="FTE" column="fte" current={f.sort} dir={f.dir} hrefFor={sortHref} className="num" />
                <SortHeader label="Started" column="start" current={f.sort} dir={f.dir} hrefFor={sortHref} className="max-md:hidden" />
              </tr>
            </thead>
            <tbody>
              {result.rows.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link href={`/workers/${w.id}`} className="font-semibold">
                      {w.lastName}, {w.firstName}
                    </Link>
                    {w.status === "left" ? (
                      <span className="ml-2">
                        <Tag tone="grey">Left</Tag>
                      </span>
                    ) : null}
                  </td>
                  <td className="font-mono max-md:hidden">{w.employeeNumber}</td>
                  <td>{w.jobTitle}</td>
                  <td>{w.teamName}</td>
                  <td className="max-md:hidden">{w.profession}</td>
                  <td>{w.stage}</td>
                  <td className="whitespace-nowrap">{w.band ?? "–"}</td>
                  <td className="num">{w.fte.toFixed(2)}</td>
                  <td className="whitespace-nowrap max-md:hidden">{formatDate(w.contractStart)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={result.page} pages={result.pages} hrefFor={(page) => href({ page })} />
    </>
  );
}
