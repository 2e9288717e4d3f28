// Where a worker stands on a mandatory training subject, as a coloured tag with its words.
import { Tag } from "./tags";
import { complianceStatusWords, type ComplianceStatus } from "@/lib/vocabulary";

const TONE = { expired: "red", never: "red", expiring: "amber", in_date: "green" } as const;

export function ComplianceTag({ status }: { status: ComplianceStatus }) {
  return <Tag tone={TONE[status]}>{complianceStatusWords.label(status)}</Tag>;
}
