import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VersionCrumb } from "../../version-crumb";
import { requireRole } from "@/lib/auth";
import { domainForAdmin } from "@/db/queries/frameworks";
import { saveDomainAction } from "../../../../../actions";
import { DomainForm } from "./domain-form";

export const metadata: Metadata = { title: "Framework domain" };

export default async function DomainPage({ params }: { params: Promise<{ frameworkId: string; versionId: string; domainId: string }> }) {
  const admin = await requireRole("admin");
  const { frameworkId, versionId, domainId } = await params;
  const found = await domainForAdmin(admin, frameworkId, versionId, domainId);
  if (!found) notFound();
  const { version, domain, editable } = found;
  return (
    <div className="max-w-2xl">
      <VersionCrumb frameworkId={frameworkId} version={version} />
      <h1 className="mb-6">
        Domain {domain.number}: {domain.title}
      </h1>
      {editable ? (
        <DomainForm action={saveDomainAction.bind(null, domainId)} defaults={{ title: domain.title, description: domain.description }} />
      ) : (
        <>
          <p className="mb-4">{domain.description}</p>
          <p>This version is {version.status}, so its domains cannot be changed.</p>
        </>
      )}
    </div>
  );
}
