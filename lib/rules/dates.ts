// Calendar dates as ISO "YYYY-MM-DD" strings: no time zones, safe to compare as text.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function parts(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// en-CA formats as YYYY-MM-DD. Made once: a formatter costs far more to build than to use.
const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in England at a moment. */
export function londonDateOf(at: Date): string {
  return LONDON_DAY.format(at);
}

/** Today's date where the organisation is (England), or the day PATHWAYS_TODAY pins; with `at`, that moment's date. */
export function todayInLondon(at?: Date): string {
  return at ? londonDateOf(at) : (pinnedToday() ?? londonDateOf(new Date()));
}

/** Adds calendar months; a day that does not exist in the target month falls back to its last day (29 Feb + 12 months = 28 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const targetMonthIndex = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonthIndex + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(y, targetMonthIndex, Math.min(d, lastDay))));
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return fromUtc(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one (10,000 rows of an import).
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "22 November 2026" — the NHS style for dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = parts(iso);
  return LONG_DATE.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "22 Nov 2026, 14:05" in London time. */
export function formatDateTime(at: Date | null | undefined): string {
  if (!at) return "";
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  }).format(at);
}

/** The moment a London calendar day begins, in milliseconds since the epoch (midnight GMT or BST). */
export function londonDayStartMs(iso: string): number {
  const [y, m, d] = parts(iso);
  // Midnight UTC is 00:00 or 01:00 in London; step back an hour when London is an hour ahead (BST).
  const utcMidnight = Date.UTC(y, m - 1, d);
  return londonDateOf(new Date(utcMidnight - 1)) === iso ? utcMidnight - 3_600_000 : utcMidnight;
}

// The app's clock. PATHWAYS_TODAY (a YYYY-MM-DD date) pins "today" for the app, the demo seed and the tests, so they
// can be run on awkward days (29 February, 31 December, the day the clocks change) and never depend on the real date.
// It is for tests and demonstrations; a live installation leaves it unset.
let checkedPin: string | undefined;

/** The day PATHWAYS_TODAY pins, or undefined when it is not set. A value that is not a real date stops the app. */
export function pinnedToday(): string | undefined {
  const raw = typeof process === "undefined" ? undefined : process.env.PATHWAYS_TODAY?.trim();
  if (!raw) return undefined;
  if (raw !== checkedPin) {
    if (!isIsoDate(raw)) throw new Error(`PATHWAYS_TODAY must be a real date written like 2028-02-29, not "${raw}".`);
    checkedPin = raw;
  }
  return raw;
}

/**
 * The current moment for what the app records (agreed at, signed at, created at). With PATHWAYS_TODAY, the same
 * London time of day on the pinned day, so timestamps agree with "today". Sessions and sign-in throttling keep the
 * real clock.
 */
export function now(): Date {
  const real = new Date();
  const day = pinnedToday();
  if (!day) return real;
  const realDay = londonDateOf(real);
  if (realDay === day) return real;
  const start = londonDayStartMs(day);
  const end = londonDayStartMs(addDays(day, 1));
  // A day the clocks change is 23 or 25 hours long: stay inside it.
  return new Date(Math.min(start + (real.getTime() - londonDayStartMs(realDay)), end - 1));
}
