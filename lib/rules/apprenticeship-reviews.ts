// Tripartite progress reviews (employer, provider, apprentice): when the next is due, whether it is overdue, and
// whether a review's date can be right. Pure rules over ISO dates.
import { addDays, daysBetween, formatDate } from "./dates";

/** The next review is due within 12 weeks of the last one, or of the start if there has been none. */
export const REVIEW_INTERVAL_DAYS = 12 * 7;
/** Shown as due soon this many days before the due date. */
export const REVIEW_DUE_SOON_DAYS = 14;

export type ReviewDue = {
  /** The last day the next review is in time. */
  dueOn: string;
  /** What the due date counts from. */
  from: "start" | "last_review";
  status: "not_started" | "in_time" | "due_soon" | "overdue";
  /** Days until due (negative once overdue). */
  daysLeft: number;
};

/** When the next review is due, counting from the latest review on or after the start (or from the start). */
export function nextReviewDue(startDate: string, reviewDates: readonly string[], today: string): ReviewDue {
  const last = reviewDates.filter((d) => d >= startDate).reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);
  const dueOn = addDays(last ?? startDate, REVIEW_INTERVAL_DAYS);
  const daysLeft = daysBetween(today, dueOn);
  const status = today < startDate ? "not_started" : daysLeft < 0 ? "overdue" : daysLeft <= REVIEW_DUE_SOON_DAYS ? "due_soon" : "in_time";
  return { dueOn, from: last ? "last_review" : "start", status, daysLeft };
}

/** Why a review cannot be recorded on this date, or undefined if it can. */
export function reviewDateProblem(reviewedOn: string, startDate: string, today: string): string | undefined {
  if (reviewedOn < startDate) return `A progress review cannot be before the apprenticeship began on ${formatDate(startDate)}`;
  if (reviewedOn > today) return "A progress review cannot be dated in the future";
  return undefined;
}
