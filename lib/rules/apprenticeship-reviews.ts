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
  /** What the due date counts from: the start, the latest review (or the date it agreed), or a return from a break. */
  from: "start" | "last_review" | "agreed" | "return";
  status: "not_started" | "in_time" | "due_soon" | "overdue";
  /** Days until due (negative once overdue). */
  daysLeft: number;
};

export type ReviewDueOptions = {
  /** The next review date the latest review agreed; it brings the due date forward, never past 12 weeks. */
  agreedNext?: string | null;
  /** The latest return from a break in learning: the 12 weeks count again from there. */
  resumedOn?: string | null;
};

/**
 * When the next review is due: 12 weeks from the latest review on or after the start (or from the start, or from a
 * later return from a break), or the date that review agreed if sooner.
 */
export function nextReviewDue(startDate: string, reviewDates: readonly string[], today: string, opts: ReviewDueOptions = {}): ReviewDue {
  const last = reviewDates.filter((d) => d >= startDate).reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);
  let base = last ?? startDate;
  let from: ReviewDue["from"] = last ? "last_review" : "start";
  if (opts.resumedOn && opts.resumedOn > base) {
    base = opts.resumedOn;
    from = "return";
  }
  let dueOn = addDays(base, REVIEW_INTERVAL_DAYS);
  if (from === "last_review" && opts.agreedNext && opts.agreedNext > base && opts.agreedNext < dueOn) {
    dueOn = opts.agreedNext;
    from = "agreed";
  }
  const daysLeft = daysBetween(today, dueOn);
  const status = today < startDate ? "not_started" : daysLeft < 0 ? "overdue" : daysLeft <= REVIEW_DUE_SOON_DAYS ? "due_soon" : "in_time";
  return { dueOn, from, status, daysLeft };
}

/** Why the agreed next review date cannot be used, or undefined if it can (or none was given). */
export function nextReviewDateProblem(reviewedOn: string, nextReviewOn: string | null): string | undefined {
  if (nextReviewOn === null) return undefined;
  if (nextReviewOn <= reviewedOn) return "The next review must be after this one";
  const latest = addDays(reviewedOn, REVIEW_INTERVAL_DAYS);
  if (nextReviewOn > latest) return `The next review must be within 12 weeks of this one: by ${formatDate(latest)}`;
  return undefined;
}

/** Why a review cannot be recorded on this date, or undefined if it can. */
export function reviewDateProblem(reviewedOn: string, startDate: string, today: string): string | undefined {
  if (reviewedOn < startDate) return `A progress review cannot be before the apprenticeship began on ${formatDate(startDate)}`;
  if (reviewedOn > today) return "A progress review cannot be dated in the future";
  return undefined;
}
