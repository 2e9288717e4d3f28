// Off-the-job training: how many hours an apprenticeship needs, which rule said so, how many should be done by a
// given date, and whether the logged hours are on track. Pure rules: the rules themselves arrive as data (the
// otj_rules rows, with their half-open effective ranges), so a new funding rule is a new row, not a code change.
import { addDays, daysBetween } from "./dates";
import type { OTJ_RULE_KINDS } from "../vocabulary";

export type OtjRuleKind = (typeof OTJ_RULE_KINDS)[number];

/** One off-the-job rule as stored: it governs apprenticeships that start in [effectiveFrom, effectiveTo). */
export type OtjRule = {
  id?: string;
  effectiveFrom: string;
  /** Exclusive; null while the rule is current. */
  effectiveTo: string | null;
  kind: OtjRuleKind;
  /** percent_of_hours: a fraction (0.2); hours_per_week: hours for a full-time apprentice (6); standard_minimum: unused. */
  value: number;
  /** A floor on the programme's required hours, e.g. 187. */
  minimumHours: number | null;
  description: string;
};

export type OtjInput = {
  startDate: string;
  plannedEndDate: string;
  /** Contracted hours a week (37.5 full time). */
  weeklyHours: number;
  /** The standard's own published minimum for the whole programme, if recorded. */
  standardMinimumHours: number | null;
};

/** An apprentice contracted for this many hours a week or more counts as full time for the hours-a-week rule. */
export const FULL_TIME_WEEKLY_HOURS = 30;
/**
 * Statutory annual leave (5.6 weeks a year) is excluded from the planned duration for the percentage and
 * hours-a-week rules; it is spread evenly over the programme rather than taken on particular dates.
 */
export const ANNUAL_LEAVE_WEEKS_PER_YEAR = 5.6;
const WEEKS_PER_YEAR = 52;

export type OtjRequirement =
  | {
      ok: true;
      /** Whole hours, rounded up: an apprentice who does exactly this many has done enough. */
      hours: number;
      rule: OtjRule;
      /** How the figure was reached, in plain words, for the tracker to show. */
      basis: string;
      /** True when the rule's floor, not the calculation, set the figure. */
      floorApplied: boolean;
    }
  | { ok: false; message: string; rule?: OtjRule };

/** The rule whose range contains the start date; undefined when none does (or the data overlaps, which is refused). */
export function ruleFor(rules: readonly OtjRule[], startDate: string): OtjRule | { overlap: OtjRule[] } | undefined {
  const matching = rules.filter((r) => r.effectiveFrom <= startDate && (r.effectiveTo === null || startDate < r.effectiveTo));
  if (matching.length > 1) return { overlap: matching };
  return matching[0];
}

/** Weeks of the planned duration with annual leave taken out. */
export function workingWeeks(startDate: string, plannedEndDate: string): number {
  const weeks = daysBetween(startDate, plannedEndDate) / 7;
  return weeks * ((WEEKS_PER_YEAR - ANNUAL_LEAVE_WEEKS_PER_YEAR) / WEEKS_PER_YEAR);
}

const hoursWords = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1)} hours`;

export function requiredOtjHours(rules: readonly OtjRule[], input: OtjInput): OtjRequirement {
  if (!(input.plannedEndDate > input.startDate)) return { ok: false, message: "The planned end date must be after the start date" };
  if (!(input.weeklyHours > 0)) return { ok: false, message: "Contracted hours a week must be more than 0" };
  const found = ruleFor(rules, input.startDate);
  if (!found) return { ok: false, message: `No off-the-job rule covers apprenticeships starting on ${input.startDate}` };
  if ("overlap" in found) return { ok: false, message: `More than one off-the-job rule covers apprenticeships starting on ${input.startDate}; correct the rules first` };
  const rule = found;
  const weeks = workingWeeks(input.startDate, input.plannedEndDate);

  let calculated: number;
  let basis: string;
  switch (rule.kind) {
    case "percent_of_hours":
      calculated = rule.value * input.weeklyHours * weeks;
      basis = `${Math.round(rule.value * 100)}% of ${hoursWords(input.weeklyHours)} a week over ${weeks.toFixed(1)} working weeks`;
      break;
    case "hours_per_week": {
      // Full time (30 hours or more) does the full weekly figure however many hours above 30; part time pro rata.
      const share = Math.min(input.weeklyHours, FULL_TIME_WEEKLY_HOURS) / FULL_TIME_WEEKLY_HOURS;
      const perWeek = rule.value * share;
      calculated = perWeek * weeks;
      basis =
        share === 1
          ? `${hoursWords(rule.value)} a week (full time) over ${weeks.toFixed(1)} working weeks`
          : `${hoursWords(perWeek)} a week (${hoursWords(rule.value)} pro rata for ${hoursWords(input.weeklyHours)} of ${FULL_TIME_WEEKLY_HOURS}) over ${weeks.toFixed(1)} working weeks`;
      break;
    }
    case "standard_minimum":
      if (input.standardMinimumHours === null) {
        if (rule.minimumHours === null) return { ok: false, rule, message: "The standard has no published off-the-job minimum recorded" };
        calculated = 0;
        basis = "the standard has no published minimum recorded, so the floor applies";
      } else {
        calculated = input.standardMinimumHours;
        basis = `the standard's published minimum of ${hoursWords(input.standardMinimumHours)}`;
      }
      break;
  }
  const rounded = Math.ceil(calculated - 1e-9);
  const floor = rule.minimumHours ?? 0;
  const floorApplied = rounded < floor;
  return {
    ok: true,
    hours: floorApplied ? floor : rounded,
    rule,
    basis: floorApplied && input.standardMinimumHours !== null ? `${basis}, raised to the floor of ${hoursWords(floor)}` : basis,
    floorApplied,
  };
}

/** A break in learning, [from, to); to is null while the break goes on. */
export type LearningBreak = { from: string; to: string | null };

/** Days in [from, to) that fall outside every break. */
function activeDays(from: string, to: string, breaks: readonly LearningBreak[]): number {
  let days = Math.max(0, daysBetween(from, to));
  for (const b of breaks) {
    const start = b.from > from ? b.from : from;
    const endOfBreak = b.to ?? addDays(to, 1);
    const end = endOfBreak < to ? endOfBreak : to;
    if (end > start) days -= daysBetween(start, end);
  }
  return Math.max(0, days);
}

/**
 * The hours that should be done by the end of `asOf`, spread evenly over the planned duration's days outside breaks
 * in learning: no hours fall due during a break, and the planned end date is taken as given (when a break moves the
 * end date, pass the re-planned one). Overlapping breaks are the caller's to merge.
 */
export function expectedOtjHoursBy(required: number, startDate: string, plannedEndDate: string, asOf: string, breaks: readonly LearningBreak[] = []): number {
  if (asOf < startDate) return 0;
  const total = activeDays(startDate, plannedEndDate, breaks);
  if (total === 0) return required;
  const dayAfter = addDays(asOf, 1);
  const done = activeDays(startDate, dayAfter < plannedEndDate ? dayAfter : plannedEndDate, breaks);
  return Math.min(required, (required * done) / total);
}

/** On track: logged hours are at least 90% of the hours expected by now. */
export const OTJ_GREEN_AT = 0.9;
/** Falling behind: at least 75% of expected; below that the apprenticeship is behind (red). */
export const OTJ_AMBER_AT = 0.75;

export type OtjRag = "green" | "amber" | "red";

/** Red, amber or green for logged against expected hours; nothing expected yet is green. */
export function otjRag(logged: number, expected: number): OtjRag {
  if (expected <= 0) return "green";
  const ratio = logged / expected;
  if (ratio >= OTJ_GREEN_AT) return "green";
  if (ratio >= OTJ_AMBER_AT) return "amber";
  return "red";
}
