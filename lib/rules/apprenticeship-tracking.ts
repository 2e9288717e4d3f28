// Where one apprenticeship stands, worked out from its record: the off-the-job hours required (by rule), logged and
// expected by today, with red/amber/green; when the next progress review is due; what is outstanding at gateway; and
// the reasons it is at risk. Pure rules: the worker's page and the pipeline both call trackApprenticeship, so they
// never disagree.
import { addDays, addMonths, daysBetween, formatDate } from "./dates";
import { expectedOtjHoursBy, otjRag, requiredOtjHours, type LearningBreak, type OtjRag, type OtjRequirement, type OtjRule } from "./off-the-job";
import { nextReviewDue, type ReviewDue } from "./apprenticeship-reviews";
import type { ApprenticeshipStatus } from "../vocabulary";

export type StatusChange = { toStatus: ApprenticeshipStatus; effectiveOn: string };

/**
 * Breaks in learning from the status history: each runs from its change until the next change to another status
 * (open while it goes on). A break recorded while one is already going on continues it, so breaks never overlap (a
 * day in two would be taken out of the expected hours twice).
 */
export function learningBreaks(changes: readonly StatusChange[]): LearningBreak[] {
  const sorted = [...changes].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  const breaks: LearningBreak[] = [];
  sorted.forEach((c, i) => {
    if (c.toStatus !== "break_in_learning" || sorted[i - 1]?.toStatus === "break_in_learning") return;
    const next = sorted.slice(i + 1).find((n) => n.toStatus !== "break_in_learning");
    breaks.push({ from: c.effectiveOn, to: next ? next.effectiveOn : null });
  });
  return breaks;
}

/** The latest return from a break in learning, if any. */
export function lastReturnOn(changes: readonly StatusChange[]): string | null {
  const breaks = learningBreaks(changes);
  return breaks.reduce<string | null>((a, b) => (b.to !== null && (a === null || b.to > a) ? b.to : a), null);
}

/** Off-the-job training logged for one day, in all entries together, is at most this. */
export const MAX_OTJ_HOURS_PER_DAY = 12;
/** The longest planned apprenticeship accepted (a part-time degree apprenticeship runs to about six years). */
export const MAX_PLANNED_YEARS = 7;

export type FieldProblem = { field: string; message: string };

/** Why a new apprenticeship's dates cannot be right, or undefined. */
export function apprenticeshipDatesProblem(startDate: string, plannedEndDate: string): FieldProblem | undefined {
  if (plannedEndDate <= startDate) return { field: "plannedEndDate", message: `The planned end date must be after the start date (${formatDate(startDate)})` };
  if (plannedEndDate > addMonths(startDate, 12 * MAX_PLANNED_YEARS)) {
    return { field: "plannedEndDate", message: `The planned end date must be within ${MAX_PLANNED_YEARS} years of the start date` };
  }
  return undefined;
}

/** Why an off-the-job entry cannot be logged, or undefined. `alreadyThatDay` is what is already logged for that date. */
export function otjLogProblem(input: {
  activityOn: string;
  hours: number;
  startDate: string;
  endedOn: string | null;
  today: string;
  alreadyThatDay: number;
}): FieldProblem | undefined {
  const { activityOn, hours, startDate, endedOn, today, alreadyThatDay } = input;
  if (activityOn > today) return { field: "activityOn", message: "Off-the-job training cannot be logged for a future date" };
  if (activityOn < startDate) return { field: "activityOn", message: `Off-the-job training cannot be before the apprenticeship began on ${formatDate(startDate)}` };
  if (endedOn !== null && activityOn > endedOn) return { field: "activityOn", message: `Off-the-job training cannot be after the apprenticeship ended on ${formatDate(endedOn)}` };
  if (!(hours > 0)) return { field: "hours", message: "The hours must be more than 0" };
  if (hours + alreadyThatDay > MAX_OTJ_HOURS_PER_DAY) {
    return {
      field: "hours",
      message:
        alreadyThatDay > 0
          ? `No more than ${MAX_OTJ_HOURS_PER_DAY} hours can be logged for one day; ${alreadyThatDay} ${alreadyThatDay === 1 ? "hour is" : "hours are"} already logged for ${formatDate(activityOn)}`
          : `No more than ${MAX_OTJ_HOURS_PER_DAY} hours of off-the-job training can be logged for one day`,
    };
  }
  return undefined;
}

/** Why a status change cannot take effect on this date, or undefined. */
export function statusDateProblem(input: { effectiveOn: string; to: ApprenticeshipStatus; startDate: string; plannedEndDate: string; lastChangeOn: string | null; today: string }): string | undefined {
  const { effectiveOn, to, startDate, plannedEndDate, lastChangeOn, today } = input;
  if (effectiveOn > today) return "A status change cannot be dated in the future";
  if (lastChangeOn !== null && effectiveOn < lastChangeOn) return `The change must be on or after ${formatDate(lastChangeOn)}, the date of the last status change`;
  if (to === "on_programme" && effectiveOn >= plannedEndDate) return `The start must be before the planned end date (${formatDate(plannedEndDate)})`;
  if (to !== "on_programme" && to !== "withdrawn" && effectiveOn < startDate) return `The change cannot be before the apprenticeship began on ${formatDate(startDate)}`;
  return undefined;
}

/** The gateway requirements not yet ticked. */
export function gatewayOutstanding<T extends { id: string }>(requirements: readonly T[], checkedIds: ReadonlySet<string>): T[] {
  return requirements.filter((r) => !checkedIds.has(r.id));
}

export type RiskKind = "start_passed" | "end_passed" | "otj_behind" | "review_overdue";
export type Risk = { kind: RiskKind; message: string };

export type TrackInput = {
  status: ApprenticeshipStatus;
  startDate: string;
  plannedEndDate: string;
  weeklyHours: number;
  standardMinimumHours: number | null;
  loggedHours: number;
  changes: readonly StatusChange[];
  reviewDates: readonly string[];
  /** The next review date the latest review agreed. */
  agreedNextReview: string | null;
};

export type Track = {
  required: OtjRequirement;
  logged: number;
  /** Hours that should be done by today; null when the requirement could not be worked out. */
  expected: number | null;
  rag: OtjRag | null;
  /** Logged as a whole-number percentage of expected; null when nothing is expected yet. */
  percentOfExpected: number | null;
  /** Null when reviews are not being counted (planned, on a break, ended). */
  review: ReviewDue | null;
  risks: Risk[];
};

const REVIEWED_STATUSES: readonly ApprenticeshipStatus[] = ["on_programme", "gateway", "end_point_assessment"];
/** By gateway every required hour should be done. */
const ALL_HOURS_DUE: readonly ApprenticeshipStatus[] = ["gateway", "end_point_assessment", "completed"];

const hoursText = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1));

export function trackApprenticeship(rules: readonly OtjRule[], a: TrackInput, today: string): Track {
  const required = requiredOtjHours(rules, a);
  const logged = a.loggedHours;
  let expected: number | null = null;
  if (required.ok) {
    if (a.status === "planned") expected = 0;
    else if (ALL_HOURS_DUE.includes(a.status)) expected = required.hours;
    else expected = expectedOtjHoursBy(required.hours, a.startDate, a.plannedEndDate, today, learningBreaks(a.changes));
  }
  // Nothing to be on track with before the start, and nothing left to chase once withdrawn.
  const counting = expected !== null && a.status !== "planned" && a.status !== "withdrawn";
  const rag = counting && expected !== null ? otjRag(logged, expected) : null;
  const percentOfExpected = expected !== null && expected > 0 ? Math.round((logged / expected) * 100) : null;
  const review = REVIEWED_STATUSES.includes(a.status)
    ? nextReviewDue(a.startDate, a.reviewDates, today, { agreedNext: a.agreedNextReview, resumedOn: lastReturnOn(a.changes) })
    : null;

  const risks: Risk[] = [];
  if (a.status === "planned" && today > a.startDate) {
    risks.push({ kind: "start_passed", message: `The planned start date (${formatDate(a.startDate)}) has passed` });
  }
  // The planned end is the end of the practical period: past it, gateway and end-point assessment are expected.
  if ((a.status === "on_programme" || a.status === "break_in_learning") && today > a.plannedEndDate) {
    risks.push({ kind: "end_passed", message: `The planned end date (${formatDate(a.plannedEndDate)}) has passed` });
  }
  if ((a.status === "on_programme" || a.status === "gateway") && (rag === "red" || rag === "amber") && expected !== null) {
    risks.push({
      kind: "otj_behind",
      message: `Off-the-job hours behind: ${hoursText(logged)} of ${hoursText(Math.round(expected * 10) / 10)} expected by now (${percentOfExpected}%)`,
    });
  }
  if (review?.status === "overdue") {
    risks.push({ kind: "review_overdue", message: `Progress review overdue since ${formatDate(review.dueOn)}` });
  }
  return { required, logged, expected, rag, percentOfExpected, review, risks };
}

/** What atRiskFrom gives an apprenticeship at risk whatever the day: before any date a record can hold. */
export const EVERY_DAY = "0001-01-01";

/**
 * The first day on which the apprenticeship is at risk (trackApprenticeship gives it a risk), or null if it never is
 * while its record stays as it is. Being at risk only ever starts with the passing days and never stops on its own:
 * a planned start or end passes once; the hours expected grow with the days (so logged hours fall behind and stay
 * behind); a review falls overdue on its due date. So one date, worked out when the record changes, says whether the
 * apprenticeship is at risk on any day, and a list of thousands counts its at-risk ones without the rule (decision
 * record 0029). Found by halving between the day before anything can be due and the day after everything has.
 */
/**
 * Raised whenever what trackApprenticeship counts as a risk changes in code (not in the rules' rows): first days at
 * risk worked out before are then worked out again (db/queries/apprenticeship-pipeline.ts labels them with it).
 */
export const AT_RISK_RULE_VERSION = 2;

export function atRiskFrom(rules: readonly OtjRule[], a: TrackInput): string | null {
  const atRisk = (day: string) => trackApprenticeship(rules, a, day).risks.length > 0;
  // Before both the start and the planned end nothing is late and no review is counted; only what is owed whatever
  // the day (every hour, at gateway) can be behind, and then it is on every day.
  const before = addDays(a.startDate < a.plannedEndDate ? a.startDate : a.plannedEndDate, -1);
  if (atRisk(before)) return EVERY_DAY;
  // After the planned end the hours expected stop growing; after the review's due date and the start, nothing else moves.
  const dueOn = trackApprenticeship(rules, a, before).review?.dueOn ?? a.startDate;
  const last = [a.startDate, a.plannedEndDate, dueOn].reduce((x, y) => (y > x ? y : x));
  const after = addDays(last, 1);
  if (!atRisk(after)) return null;
  // The answer is after `before` and at most `after`.
  let lo = 0;
  let hi = daysBetween(before, after);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (atRisk(addDays(before, mid))) hi = mid;
    else lo = mid;
  }
  return addDays(before, hi);
}

/** The result that completes an apprenticeship: any but a fail (a fail leaves it in end-point assessment for a resit). */
export function isPassingResult(result: string): boolean {
  return result === "pass" || result === "merit" || result === "distinction";
}
