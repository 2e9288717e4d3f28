// Status tags: colour plus words (never colour alone).
import type { AppraisalDueStatus } from "@/lib/rules/appraisal-due";
import { assessmentStatusWords, type AssessmentStatus } from "@/lib/vocabulary";

type Tone = "red" | "amber" | "green" | "grey" | "blue";

export function Tag({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return <strong className={`tag tag-${tone}`}>{children}</strong>;
}

export function AppraisalStatusTag({ status, everAppraised }: { status: AppraisalDueStatus; everAppraised: boolean }) {
  if (status === "overdue") return <Tag tone="red">Overdue</Tag>;
  if (status === "due_soon") return <Tag tone="amber">Due soon</Tag>;
  return everAppraised ? <Tag tone="green">Up to date</Tag> : <Tag tone="blue">First due</Tag>;
}

const ASSESSMENT_TONE = { not_started: "grey", self_assessed: "blue", evidence_added: "amber", signed_off: "green", expired: "red" } as const;

/** Where a worker stands on a competency statement. */
export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  return <Tag tone={ASSESSMENT_TONE[status]}>{assessmentStatusWords.label(status)}</Tag>;
}
