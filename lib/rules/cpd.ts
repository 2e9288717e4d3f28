// CPD and training requests: the limits on hours, dates and cost, the 12-month totals, and the words for the closed
// lists. Pure; the form schema and the data layer both apply them.
import { DECLINE_REASONS, labels, LEARNING_KINDS, TRAINING_REQUEST_STATUSES } from "../vocabulary";
import { addMonths, formatDate } from "./dates";

export const learningKindWords = labels(LEARNING_KINDS, { formal: "Formal learning", informal: "Informal learning" });

export const trainingStatusWords = labels(TRAINING_REQUEST_STATUSES, {
  pending: "Awaiting a decision",
  approved: "Approved",
  declined: "Declined",
  attended: "Attended",
  withdrawn: "Withdrawn",
});

/** Why a request was declined; each counts as a barrier to training. */
export const declineReasonWords = labels(DECLINE_REASONS, {
  funding: "Funding",
  time_or_cover: "Time or staffing cover",
  availability_of_training: "Availability of training",
  not_relevant: "Not relevant to role",
  other: "Other",
});

/** One CPD entry is one day's learning: at most a day, in quarters of an hour. */
export const MAX_HOURS_PER_ENTRY = 24;

export const HOURS_MESSAGE = "Enter the hours as a number, like 1.5 (quarters of an hour: .25, .5, .75)";

/**
 * Hours as typed ("1.5", "1,5", "2") to a number, or a message saying what is wrong. Quarters of an hour only, more
 * than 0 and no more than 24 (one entry is one day).
 */
export function parseHours(raw: string): { hours: number } | { problem: string } {
  const text = raw.trim().replace(",", ".");
  if (text === "") return { problem: "Enter how many hours it took" };
  if (!/^-?\d*\.?\d+$/.test(text)) return { problem: HOURS_MESSAGE };
  const hours = Number(text);
  if (hours <= 0) return { problem: "The hours must be more than 0" };
  if (hours > MAX_HOURS_PER_ENTRY) return { problem: `The hours must be ${MAX_HOURS_PER_ENTRY} or fewer: record each day of learning as its own entry` };
  if (Math.round(hours * 4) !== hours * 4) return { problem: "Round the hours to the nearest quarter of an hour, like 1.25 or 1.5" };
  return { hours };
}

/** The date of a CPD activity: it has happened, so not in the future. Undefined when fine. */
export function cpdDateProblem(activityOn: string, today: string): string | undefined {
  if (activityOn > today) return "The date of the activity cannot be in the future";
  if (activityOn < addMonths(today, -12 * 10)) return "The date of the activity must be within the last 10 years";
  return undefined;
}

/** A course's end date: not before it starts. Undefined when fine. */
export function courseDatesProblem(startsOn: string, endsOn: string | null): string | undefined {
  if (endsOn !== null && endsOn < startsOn) return `The end date cannot be before the start date (${formatDate(startsOn)})`;
  return undefined;
}

export const COST_MESSAGE = "Enter the cost in pounds as a number, like 120 or 85.50";
export const MAX_COST_PENCE = 100_000 * 100;

/** A cost in pounds as typed ("£1,250.50", "85") to pence; empty is no cost given. */
export function parseCostPence(raw: string): { pence: number | null } | { problem: string } {
  const text = raw.trim().replace(/^£/, "").replace(/,(?=\d{3}(\D|$))/g, "").trim();
  if (text === "") return { pence: null };
  if (text.startsWith("-")) return { problem: "The cost cannot be negative" };
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return { problem: COST_MESSAGE };
  const [pounds, pennies = ""] = text.split(".");
  const pence = Number(pounds) * 100 + Number(pennies.padEnd(2, "0"));
  if (pence > MAX_COST_PENCE) return { problem: "The cost must be £100,000 or less" };
  return { pence };
}

/** Pence as the page shows money: "£1,250.50", "£85". */
export function formatPounds(pence: number): string {
  const pounds = pence / 100;
  return new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: pence % 100 === 0 ? 0 : 2 }).format(pounds);
}

/**
 * The last 12 months, as the team page counts them: after the same date a year ago, up to and including today.
 * An activity exactly a year ago falls out; one the day after is in.
 */
export function inLast12Months(activityOn: string, today: string): boolean {
  return activityOn > addMonths(today, -12) && activityOn <= today;
}

export type Totals = { hours: number; formalHours: number; informalHours: number; activities: number };

/** Hours of CPD in the last 12 months, formal and informal. */
export function totalsLast12Months(activities: ReadonlyArray<{ activityOn: string; hours: number; learning: string }>, today: string): Totals {
  const totals: Totals = { hours: 0, formalHours: 0, informalHours: 0, activities: 0 };
  for (const a of activities) {
    if (!inLast12Months(a.activityOn, today)) continue;
    totals.activities += 1;
    totals.hours += a.hours;
    if (a.learning === "formal") totals.formalHours += a.hours;
    else totals.informalHours += a.hours;
  }
  return totals;
}

/** Hours as the page shows them: "1.5", "12", "0.25". */
/** The date approved training is recorded as attended on: its last day if that has come, else its first, else today. */
export function attendedOnDefault(training: { startsOn: string | null; endsOn: string | null }, today: string): string {
  return [training.endsOn, training.startsOn].find((d): d is string => !!d && d <= today) ?? today;
}

export const formatHours = (hours: number) => String(Number(hours.toFixed(2)));

/** A decline's detail: needed when the reason is "other". Undefined when fine. */
export function declineProblem(reason: string | undefined, detail: string): { field: "declineReason" | "declineDetail"; message: string } | undefined {
  if (!reason || !(DECLINE_REASONS as readonly string[]).includes(reason)) return { field: "declineReason", message: "Select why the request is declined" };
  if (reason === "other" && detail.trim() === "") return { field: "declineDetail", message: "Say why the request is declined" };
  return undefined;
}

/** Only a request still awaiting a decision can be withdrawn; otherwise why not. Undefined when it can. */
export function withdrawProblem(status: (typeof TRAINING_REQUEST_STATUSES)[number]): string | undefined {
  switch (status) {
    case "pending":
      return undefined;
    case "withdrawn":
      return "This request has already been withdrawn";
    case "declined":
      return "This request has already been declined, so it can no longer be withdrawn";
    case "approved":
    case "attended":
      return "This request has already been approved, so it can no longer be withdrawn";
  }
}
