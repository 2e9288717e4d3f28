// When is a worker's next appraisal due, and how urgent is it? (Only completed, signed appraisals count.)
import { addMonths, daysBetween } from "./dates";

export const DUE_SOON_DAYS = 30;

export type AppraisalDueStatus = "overdue" | "due_soon" | "up_to_date";

/** Due 12 months after the last completed appraisal; a new starter's first is due 12 months after they started. */
export function nextAppraisalDue(contractStart: string, lastCompletedOn: string | null): string {
  return addMonths(lastCompletedOn ?? contractStart, 12);
}

export function appraisalDueStatus(dueOn: string, today: string): AppraisalDueStatus {
  const days = daysBetween(today, dueOn);
  if (days < 0) return "overdue";
  if (days <= DUE_SOON_DAYS) return "due_soon";
  return "up_to_date";
}
