// The team progression window: the last 12 or 24 calendar months ending with the period end's month (that month
// counted up to the period end itself), as month keys ("2026-01") and labels ("Jan 2026").

export const PROGRESSION_MONTHS = [12, 24] as const;
export type ProgressionMonths = (typeof PROGRESSION_MONTHS)[number];

/** The URL's `months`: 12 or 24, anything else 12. */
export function parseMonths(value: string | undefined): ProgressionMonths {
  return value === "24" ? 24 : 12;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-01" → "Jan 2026". */
export function monthLabel(key: string): string {
  return `${MONTH_NAMES[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}

export type ProgressionWindow = { start: string; end: string; months: string[] };

/** The window's first day, last day (the period end) and its month keys, oldest first. */
export function progressionWindow(end: string, months: number): ProgressionWindow {
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7)) - 1;
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const idx = y * 12 + m - i;
    keys.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`);
  }
  return { start: `${keys[0]}-01`, end, months: keys };
}
