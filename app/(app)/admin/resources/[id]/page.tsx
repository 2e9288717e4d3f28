import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { resourceForAdmin } from "@/db/queries/resources";
import { professionOptions } from "@/db/queries/reference";
import { resourceTypeWords } from "@/lib/forms/resource";
import { formatDateTime } from "@/lib/rules/dates";
import { SummaryList } from "@/components/summary-list";
import { Tag } from "@/components/tags";
import { updateResourceAction } from "../actions";
import { ResourceForm } from "../resource-form";
import { RetireResourceForm } from "./retire-form";
import { SavedBanner } from "@/components/saved-banner";

export const metadata: Metadata = { title: "Resource" };

const SAVED: Record<string, string> = {
  created: "Added. It now appears on the resources hub.",
  updated: "Changes saved.",
  retired: "Retired. It no longer appears on the resources hub.",
  restored: "Restored. It appears on the resources hub again.",
};

export default async function ResourcePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const admin = await requireRole("admin");
  const { id } = await params;
  const resource = await resourceForAdmin(admin, id);
  if (!resource) notFound();
  const saved = SAVED[(await searchParams).saved ?? ""];
  const options = await professionOptions();
  // An entry for a since-retired profession keeps it on the form, so saving other changes does not move it.
  const professions =
    resource.professionId && resource.professionName && !options.some(([value]) => value === resource.professionId)
      ? [...options, [resource.professionId, `${resource.professionName} (retired)`] as const]
      : options;
  const defaults: Record<string, string> = {
    title: resource.title,
    url: resource.url,
    type: resource.type,
    professionId: resource.professionId ?? "",
    body: resource.body,
  };

  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/admin/resources">Back to manage resources</Link>
      </p>
      <p className="text-nhs-secondary">Resource</p>
      <h1 className="mb-2 break-words">{resource.title}</h1>
      <p className="mb-4">{resource.retiredAt ? <Tag tone="grey">Retired</Tag> : <Tag tone="green">Current</Tag>}</p>
      <SavedBanner message={saved} />
      <div className="mb-8">
        <SummaryList
          rows={[
            ["For", resource.professionName ?? "Everyone"],
            ["Kind", resourceTypeWords.label(resource.type)],
            ["Web address", <a key="url" href={resource.url} className="break-all">{resource.url}</a>],
            ...(resource.retiredAt ? ([["Retired", formatDateTime(resource.retiredAt)]] as Array<[string, string]>) : []),
          ]}
        />
      </div>

      <section aria-labelledby="change" className="mb-8">
        <h2 id="change" className="mb-4">
          Change
        </h2>
        <ResourceForm action={updateResourceAction.bind(null, id)} defaults={defaults} professions={professions} mode="edit" />
      </section>

      <section aria-labelledby="retire" className="card">
        <h2 id="retire" className="mb-3 text-xl">
          {resource.retiredAt ? "Restore this resource" : "Retire this resource"}
        </h2>
        <RetireResourceForm id={id} retired={!!resource.retiredAt} />
      </section>
    </div>
  );
}
