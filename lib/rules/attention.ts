// Ordering a team so that what needs doing comes first.
import type { AppraisalDueStatus } from "./appraisal-due";

const URGENCY: Record<AppraisalDueStatus, number> = { overdue: 0, due_soon: 1, up_to_date: 2 };

export function byUrgency<T extends { appraisalStatus: AppraisalDueStatus; appraisalDueOn: string; hasAgreedPdp: boolean; name: string }>(
  a: T,
  b: T,
): number {
  return (
    URGENCY[a.appraisalStatus] - URGENCY[b.appraisalStatus] ||
    Number(a.hasAgreedPdp) - Number(b.hasAgreedPdp) ||
    a.appraisalDueOn.localeCompare(b.appraisalDueOn) ||
    a.name.localeCompare(b.name)
  );
}
