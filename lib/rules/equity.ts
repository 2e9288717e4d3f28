// What the Equity tab may publish (docs/decisions/0011): figures for fixed reporting periods only, counts rounded to
// 5 as well as suppressed, a scope large enough, and no period whose figures differ from an earlier one's by so few
// people that comparing the two would point at them. Pure, so the attack tests can reason about it.
import { addDays, addMonths, formatDate } from "./dates";
import { SMALL_NUMBER, SUPPRESSED } from "./suppression";

/** Counts are shown to the nearest multiple of this, as NHS statistical publications do. */
export const ROUND_TO = 5;
/** The fewest people in post a view must cover (a manager's teams, or the organisation) for any equity figure. */
export const MINIMUM_SCOPE = 30;
/** How many reporting periods the tab offers, newest first: two years of quarters. */
export const PERIODS_OFFERED = 8;
/** A period is checked against this many periods before it (a year of quarters). */
export const PERIODS_COMPARED = 4;
/** Two periods' figures may differ by no people, or by at least this many (the small-number threshold). */
export const MINIMUM_CHANGE = SMALL_NUMBER;

export type EquityPeriod = { end: string; start: string; words: string };

const QUARTER_END_MONTHS = ["03-31", "06-30", "09-30", "12-31"];

/** The quarter end on or before a date. */
function quarterEndOnOrBefore(iso: string): string {
  const year = Number(iso.slice(0, 4));
  for (const y of [year, year - 1]) {
    for (const md of [...QUARTER_END_MONTHS].reverse()) {
      const end = `${y}-${md}`;
      if (end <= iso) return end;
    }
  }
  throw new Error(`No quarter end before ${iso}`);
}

/** The 12 months to a quarter end. */
export function equityPeriod(end: string): EquityPeriod {
  const start = addDays(addMonths(end, -12), 1);
  return { end, start, words: `12 months to ${formatDate(end)}` };
}

/** The quarter end before this period's. */
export const previousPeriod = (p: EquityPeriod): EquityPeriod => equityPeriod(quarterEndOnOrBefore(addDays(p.end, -1)));

/** The periods the tab offers, newest first: the 12 months to each of the last completed quarter ends. */
export function equityPeriods(today: string): EquityPeriod[] {
  const periods = [equityPeriod(quarterEndOnOrBefore(addDays(today, -1)))];
  while (periods.length < PERIODS_OFFERED) periods.push(previousPeriod(periods.at(-1)!));
  return periods;
}

/**
 * The period asked for: an offered one whose end is the date given, else the newest offered one ending on or before
 * it, else the newest. Any day maps to a quarter, so two adjacent days give the same figures.
 */
export function equityPeriodFor(requestedEnd: string | undefined, today: string): EquityPeriod {
  const offered = equityPeriods(today);
  if (!requestedEnd) return offered[0]!;
  return offered.find((p) => p.end <= requestedEnd) ?? offered[0]!;
}

/** A count as published: hidden ("*"), 0, or rounded to the nearest 5 (so 8 shows as 10). */
export function roundedCount(n: number, hidden: boolean): string | number {
  if (hidden) return SUPPRESSED;
  return Math.round(n / ROUND_TO) * ROUND_TO;
}

/**
 * A rate as published: worked out from the rounded count and base, so that it gives away nothing the rounding hid;
 * none where either is hidden or the base is under the small-number threshold.
 */
export function roundedRate(met: number, base: number, hidden: boolean): string {
  if (hidden || base < SMALL_NUMBER) return SUPPRESSED;
  const [m, b] = [Math.round(met / ROUND_TO) * ROUND_TO, Math.round(base / ROUND_TO) * ROUND_TO];
  return `${Math.round((100 * Math.min(m, b)) / b)}%`;
}

/** One person's part in a period's figures: absent (not in post), or the measures they met, as a short key. */
export type PersonFigures = ReadonlyMap<string, string>;

/** How many people's part differs between two periods' figures (in one and not the other, or a measure changed). */
export function peopleChanged(a: PersonFigures, b: PersonFigures): number {
  let n = 0;
  for (const [id, key] of a) if (b.get(id) !== key) n++;
  for (const id of b.keys()) if (!a.has(id)) n++;
  return n;
}

/** Whether a change between two periods' figures is safe to publish: none at all, or enough people that none stands out. */
export const changeIsSafe = (changed: number) => changed === 0 || changed >= MINIMUM_CHANGE;
