import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VersionCrumb } from "../../version-crumb";
import { requireRole } from "@/lib/auth";
import { frameworkVersionView } from "@/db/queries/frameworks";
import { professionOptions, teamOptions } from "@/db/queries/reference";
import { addStatementAction } from "../../../../../actions";
import { StatementForm } from "../../statement-form";

export const metadata: Metadata = { title: "Add a statement" };

export default async function NewStatementPage({ params }: { params: Promise<{ frameworkId: string; versionId: string }> }) {
  const admin = await requireRole("admin");
  const { frameworkId, versionId } = await params;
  const view = await frameworkVersionView(admin, frameworkId, versionId);
  if (!view || !view.editable) notFound();
  const domains = view.domains.map((d) => [d.id, `Domain ${d.number}: ${d.title}`] as const);
  return (
    <div className="max-w-2xl">
      <VersionCrumb frameworkId={frameworkId} version={view.version} />
      <h1 className="mb-2">Add a statement</h1>
      <p className="mb-6 text-nhs-secondary">Workers are assessed against it once this version is published.</p>
      <StatementForm
        action={addStatementAction.bind(null, versionId)}
        defaults={{ bespoke: "no" }}
        mode="create"
        domains={domains}
        professions={await professionOptions()}
        teams={await teamOptions(admin)}
      />
    </div>
  );
}
