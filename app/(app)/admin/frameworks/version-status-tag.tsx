// A version's status as a tag: a draft is in progress, the published version is the one workers see.
import { Tag } from "@/components/tags";
import { versionStatusWords, type VersionStatus } from "@/lib/forms/framework";

const TONE: Record<VersionStatus, "amber" | "green" | "grey"> = { draft: "amber", published: "green", superseded: "grey" };

export function VersionStatusTag({ status }: { status: VersionStatus }) {
  return <Tag tone={TONE[status]}>{versionStatusWords[status]}</Tag>;
}
