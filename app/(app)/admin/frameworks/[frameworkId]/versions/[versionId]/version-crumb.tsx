// The top of a page inside a version (a statement, a domain, a new statement): the way back, and which version it is.
import Link from "@/components/link";

export function VersionCrumb({ frameworkId, version }: { frameworkId: string; version: { id: string; version: number; status: string; frameworkName: string } }) {
  return (
    <>
      <p className="mb-2">
        <Link href={`/admin/frameworks/${frameworkId}/versions/${version.id}`}>Back to version {version.version}</Link>
      </p>
      <p className="text-nhs-secondary break-words">
        {version.frameworkName}, {version.status === "draft" ? "draft " : ""}version {version.version}
      </p>
    </>
  );
}
