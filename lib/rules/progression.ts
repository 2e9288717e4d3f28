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

/**
 * The figures of the team progression tables that open to the people behind them: each column of the by-month tables,
 * and a move from one stage to another (`stage-move`, named by its two stages' codes).
 */
export const PROGRESSION_FIGURES = {
  up: { label: "Moves up", table: "stage-moves" },
  down: { label: "Moves down", table: "stage-moves" },
  sideways: { label: "Moves at the same stage", table: "stage-moves" },
  "stage-move": { label: "Moves from one stage to another", table: "stage-moves-from-to" },
  starts: { label: "Apprenticeships started", table: "apprenticeships" },
  completions: { label: "Apprenticeships completed", table: "apprenticeships" },
  withdrawals: { label: "Apprenticeships withdrawn", table: "apprenticeships" },
  signOffs: { label: "Competencies signed off", table: "competency-sign-offs" },
  leavers: { label: "Leavers", table: "leavers" },
} as const;
export type ProgressionFigure = keyof typeof PROGRESSION_FIGURES;

export const isProgressionFigure = (v: string | undefined): v is ProgressionFigure => !!v && Object.hasOwn(PROGRESSION_FIGURES, v);
