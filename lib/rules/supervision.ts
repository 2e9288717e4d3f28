// Supervision sessions and the delegation register (scope of practice): the date rules a record must keep, when a
// delegated task is past its review, and the words for the closed lists. Pure; the form schema and the data layer
// both apply them.
import { labels, SUPERVISION_LEVELS, SUPERVISION_TYPES } from "../vocabulary";
import { addMonths, formatDate } from "./dates";

export const supervisionTypeWords = labels(SUPERVISION_TYPES, { clinical: "Clinical", managerial: "Managerial" });

export const supervisionLevelWords = labels(SUPERVISION_LEVELS, { direct: "Direct", indirect: "Indirect", remote: "Remote" });

/** What each level means for the worker doing the task, said in their terms. */
export const supervisionLevelMeaning = labels(SUPERVISION_LEVELS, {
  direct: "A registered professional is with you while you carry out the task.",
  indirect: "You carry out the task yourself; a registered professional is nearby and can be called on.",
  remote: "You carry out the task on your own; a registered professional is available by phone or video.",
});

/** How far ahead a delegation's review may be set: competence is looked at again at least this often. */
export const REVIEW_MAX_YEARS = 3;

export const latestReviewOn = (today: string) => addMonths(today, 12 * REVIEW_MAX_YEARS);

/** A current (not ended) task whose review date has gone by: flagged to the manager until reviewed or ended. */
export function pastReview(task: { reviewOn: string; endedOn: string | null }, today: string): boolean {
  return task.endedOn === null && task.reviewOn < today;
}

/** Current tasks past review first (longest overdue first), then by review date; ended tasks last, latest ended first. */
export function compareDelegatedTasks(
  a: { reviewOn: string; endedOn: string | null; task: string },
  b: { reviewOn: string; endedOn: string | null; task: string },
  today: string,
): number {
  const rank = (t: typeof a) => (t.endedOn !== null ? 2 : pastReview(t, today) ? 0 : 1);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a.endedOn !== null && b.endedOn !== null && a.endedOn !== b.endedOn) return a.endedOn < b.endedOn ? 1 : -1;
  if (a.reviewOn !== b.reviewOn) return a.reviewOn < b.reviewOn ? -1 : 1;
  return a.task.localeCompare(b.task);
}

/** The date a session was held: not in the future, not before the worker started. Undefined when fine. */
export function sessionDateProblem(heldOn: string, today: string, contractStart: string): string | undefined {
  if (heldOn > today) return "The date of the session cannot be in the future";
  if (heldOn < contractStart) return `The date of the session cannot be before they started (${formatDate(contractStart)})`;
  return undefined;
}

/** Competence is recorded once it has been shown, so not in the future. Undefined when fine. */
export function competentSinceProblem(competentSince: string, today: string): string | undefined {
  if (competentSince > today) return "The date they were assessed as competent cannot be in the future";
  return undefined;
}

/**
 * The review date of a delegation being recorded: after competence was signed off and not more than
 * REVIEW_MAX_YEARS ahead. It may already have gone by: a delegation made before the register was kept is recorded
 * as it stands, and is flagged for review straight away rather than given a made-up date.
 */
export function delegationReviewProblem(competentSince: string, reviewOn: string, today: string): string | undefined {
  if (reviewOn <= competentSince) return `The review date must be after the date they were assessed as competent (${formatDate(competentSince)})`;
  if (reviewOn > latestReviewOn(today)) return `The review date must be within ${REVIEW_MAX_YEARS} years from today`;
  return undefined;
}

/** A review done today sets the next one: after today, not more than REVIEW_MAX_YEARS ahead. Undefined when fine. */
export function nextReviewProblem(reviewOn: string, today: string): string | undefined {
  if (reviewOn <= today) return "The next review date must be after today";
  if (reviewOn > latestReviewOn(today)) return `The next review date must be within ${REVIEW_MAX_YEARS} years from today`;
  return undefined;
}

/**
 * A professional registration number as typed ("PH 123456", "98a1234e"): letters and digits only, with at least one
 * digit, up to 20 once spaces and hyphens are taken out. Returns it tidied (capitals, no spaces), or undefined if
 * it is not plausible.
 */
export function normaliseRegistration(raw: string): string | undefined {
  const tidy = raw.replace(/[\s-]+/g, "").toUpperCase();
  if (tidy.length < 4 || tidy.length > 20) return undefined;
  if (!/^[A-Z0-9]+$/.test(tidy) || !/\d/.test(tidy)) return undefined;
  return tidy;
}

export const REGISTRATION_MESSAGE = "Enter the registration number as letters and numbers only, up to 20, for example PH123456";
