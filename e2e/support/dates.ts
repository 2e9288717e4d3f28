// Dates as the tests reason about them, worked out independently of the app's own date rules.

/** Today as the app under test has it: PATHWAYS_TODAY, which playwright.config.ts always sets. */
export function today(): string {
  const day = process.env.PATHWAYS_TODAY;
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error("PATHWAYS_TODAY is not set: playwright.config.ts sets it for every run.");
  return day;
}

/** Today's date in England by the real clock, as YYYY-MM-DD (the default for PATHWAYS_TODAY). */
export const londonToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

/** A date some days before (negative) or after a YYYY-MM-DD date. */
export function shift(iso: string, days: number) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "22 November 2026", as pages show dates. */
export const long = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

/** Some years on from a date, as a person counts it: the same day, or 28 February for 29 February in a common year. */
export function yearsOn(iso: string, years: number) {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
