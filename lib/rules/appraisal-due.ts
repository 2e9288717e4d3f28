// When is a worker's next appraisal due, and how urgent is it? (Only completed, signed appraisals count.)
import { addDays, addMonths, daysBetween } from "./dates";

export const DUE_SOON_DAYS = 30;

export type AppraisalDueStatus = "overdue" | "due_soon" | "up_to_date";

/** Due 12 months after the last completed appraisal; a new starter's first is due 12 months after they started. */
export function nextAppraisalDue(contractStart: string, lastCompletedOn: string | null): string {
  return addMonths(lastCompletedOn ?? contractStart, 12);
}

/**
 * The last start date whose first appraisal falls due on or before `end`: everyone who started on or before it had
 * an appraisal due by then. Month arithmetic keeps to the month's last day, so two starts can fall due on one day
 * (29 and 28 February 2028 are both due on 28 February 2029): the later one is the answer.
 */
export function latestStartDueBy(end: string): string {
  let start = addMonths(end, -12);
  while (nextAppraisalDue(start, null) > end) start = addDays(start, -1);
  while (nextAppraisalDue(addDays(start, 1), null) <= end) start = addDays(start, 1);
  return start;
}

export function appraisalDueStatus(dueOn: string, today: string): AppraisalDueStatus {
  const days = daysBetween(today, dueOn);
  if (days < 0) return "overdue";
  if (days <= DUE_SOON_DAYS) return "due_soon";
  return "up_to_date";
}

/** How far ahead the schedule form suggests a date once the due date has come or gone. */
export const SUGGEST_AHEAD_DAYS = 14;

/** The date the schedule form offers: the due date while it is still ahead, otherwise a fortnight from today. */
export function suggestedAppraisalDate(dueOn: string | null | undefined, today: string): string {
  return dueOn && dueOn > today ? dueOn : addDays(today, SUGGEST_AHEAD_DAYS);
}

/** How far ahead an appraisal may be booked: beyond this a date is almost certainly a typing slip. */
export const SCHEDULE_MAX_MONTHS = 18;

/** An appraisal as the due rules see it: only a completed (signed-off) one counts, from the date it was held. */
export type AppraisalForDue = { status: string; heldOn: string | null; workerSignedAt?: Date | null };

/** The date the last completed, signed appraisal was held, or null when there is none (scheduled ones don't count). */
export function lastCompletedOn(list: readonly AppraisalForDue[]): string | null {
  let last: string | null = null;
  for (const a of list) {
    if (a.status !== "completed" || !a.heldOn) continue;
    if (a.workerSignedAt === null) continue;
    if (last === null || a.heldOn > last) last = a.heldOn;
  }
  return last;
}

/** The next due date and how urgent it is, from the worker's start date and their appraisals. */
export function appraisalDue(contractStart: string, list: readonly AppraisalForDue[], today: string) {
  const last = lastCompletedOn(list);
  const dueOn = nextAppraisalDue(contractStart, last);
  return { lastCompletedOn: last, dueOn, status: appraisalDueStatus(dueOn, today) };
}

/** Why a date cannot be an appraisal date, or null when it can: not before they started, not too far ahead. */
export function scheduleDateProblem(scheduledFor: string, today: string, contractStart: string): string | null {
  if (scheduledFor < contractStart) return "The appraisal date cannot be before the worker started";
  if (scheduledFor > addMonths(today, SCHEDULE_MAX_MONTHS)) {
    return `The appraisal date must be within ${SCHEDULE_MAX_MONTHS} months from today`;
  }
  return null;
}
