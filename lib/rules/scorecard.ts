// The 2025 call to action as measured figures: what each measure counts (its definition is shown beside it), the
// period it looks back over, and red/amber/green against thresholds. Pure rules; the counting is SQL in
// db/queries/scorecard.ts, and the thresholds are a setting an administrator can change (defaults here).
import { addDays, addMonths, formatDate } from "./dates";

export const SCORECARD_MEASURES = ["pdp_reviewed", "appraised", "career_conversation", "supervised", "cpd_per_fte", "structured_education", "training_approved", "competency_coverage", "mandatory_training"] as const;
export type ScorecardMeasure = (typeof SCORECARD_MEASURES)[number];

export type MeasureInfo = {
  label: string;
  /** What is counted, in plain words, shown beside the figure. */
  definition: string;
  /** A share of workers (0..1), hours, or a share of decisions. */
  kind: "share" | "hours";
  /**
   * Out of whom a share of workers is: everyone in post on the last day, or only those for whom the thing had fallen
   * due by then (a new starter's first appraisal is not due until 12 months after they start).
   */
  outOf?: "in_post" | "due";
};

export const MEASURE_INFO: Record<ScorecardMeasure, MeasureInfo> = {
  pdp_reviewed: {
    label: "PDP agreed and reviewed",
    definition: "Of everyone in post on the last day, those with a PDP agreed by both the worker and a manager, and a review of it recorded in the 12 months",
    kind: "share",
    outOf: "in_post",
  },
  appraised: {
    label: "Annual appraisal",
    definition:
      "Of the workers whose appraisal had fallen due by the last day (a new starter's first falls due 12 months after they start; until then they are not counted), those with an appraisal held in the 12 months and signed by the worker (scheduled or unsigned ones do not count)",
    kind: "share",
    outOf: "due",
  },
  career_conversation: {
    label: "Career conversation",
    definition: "Of everyone in post on the last day (a first conversation is due from the start), those with a career conversation held in the 12 months, on its own or in an appraisal",
    kind: "share",
    outOf: "in_post",
  },
  supervised: {
    label: "Supervision",
    definition: "Of everyone in post on the last day, those with a supervision session (clinical or managerial) recorded in the last 3 months of the period",
    kind: "share",
    outOf: "in_post",
  },
  cpd_per_fte: {
    label: "CPD hours per FTE",
    definition: "The median, across workers, of each worker's CPD hours in the 12 months divided by their FTE (a 0.5 FTE worker's 10 hours count as 20)",
    kind: "hours",
  },
  structured_education: {
    label: "In structured education",
    definition: "Of everyone in post on the last day, those on an apprenticeship at any time in the 12 months (started, not only planned), or with approved training starting in them",
    kind: "share",
    outOf: "in_post",
  },
  training_approved: {
    label: "Training requests approved",
    definition: "Of the training requests decided in the 12 months, the share approved; the rest were declined, each with a barrier reason",
    kind: "share",
  },
  competency_coverage: {
    label: "Competencies signed off",
    definition:
      "Of the competencies at each worker's current stage (the published framework with their profession's and team's own statements), the share signed off and not expired on the last day",
    kind: "share",
  },
  mandatory_training: {
    label: "Mandatory training in date",
    definition:
      "Of the current mandatory training subjects each worker in post on the last day needs (by their role, profession or care setting, their own or else their team's), the share in date on the last day: done on or before it, not removed, and expiring on or after it or never (expiring soon counts as in date)",
    kind: "share",
  },
};

/** Green at or above `green`, amber at or above `amber`, red below. Shares as fractions (0.9), hours as hours. */
export type Threshold = { green: number; amber: number };
export type Thresholds = Record<ScorecardMeasure, Threshold>;

export const DEFAULT_THRESHOLDS: Thresholds = {
  pdp_reviewed: { green: 0.9, amber: 0.75 },
  appraised: { green: 0.9, amber: 0.75 },
  career_conversation: { green: 0.8, amber: 0.6 },
  supervised: { green: 0.8, amber: 0.6 },
  cpd_per_fte: { green: 20, amber: 10 },
  structured_education: { green: 0.2, amber: 0.1 },
  training_approved: { green: 0.8, amber: 0.6 },
  competency_coverage: { green: 0.8, amber: 0.6 },
  // Trusts usually aim for 90% of statutory and mandatory training in date, some for 85% (decision record 0033).
  mandatory_training: { green: 0.9, amber: 0.8 },
};

/** The stored setting's key. */
export const THRESHOLDS_SETTING = "scorecard_thresholds";

/** The thresholds from a stored setting, falling back to the defaults for anything missing or malformed. */
export function thresholdsFrom(stored: unknown): Thresholds {
  const out: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (!stored || typeof stored !== "object") return out;
  for (const key of SCORECARD_MEASURES) {
    const t = (stored as Record<string, unknown>)[key];
    if (!t || typeof t !== "object") continue;
    const { green, amber } = t as { green?: unknown; amber?: unknown };
    if (typeof green === "number" && typeof amber === "number" && Number.isFinite(green) && Number.isFinite(amber) && amber <= green && amber >= 0) {
      out[key] = { green, amber };
    }
  }
  return out;
}

export type Rag = "red" | "amber" | "green";

/** Red, amber or green for a value; null when there is nothing to rate (no workers, no decisions). */
export function rag(value: number | null, t: Threshold): Rag | null {
  if (value === null) return null;
  if (value >= t.green) return "green";
  if (value >= t.amber) return "amber";
  return "red";
}

/** The share, or null when there is no one to count. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export type Period = {
  /** The last day counted. */
  end: string;
  /** The first day of the 12 months ending on `end`. */
  start: string;
  /** The first day of the last 3 months (for supervision). */
  recentStart: string;
  words: string;
};

/** The 12 months ending on `end`, both ends included. */
export function periodEnding(end: string): Period {
  const start = addDays(addMonths(end, -12), 1);
  return { end, start, recentStart: addDays(addMonths(end, -3), 1), words: `${formatDate(start)} to ${formatDate(end)}` };
}

/** How a figure reads: a percentage, or hours to one decimal place. */
export function formatMeasure(kind: MeasureInfo["kind"], value: number | null): string {
  if (value === null) return "–";
  return kind === "share" ? `${Math.round(value * 100)}%` : Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** How the scorecard's teams are ordered: by name, or by a measure (its value, no figure last, then by name). */
export type TeamOrder = { sort: "team" | ScorecardMeasure; dir: "asc" | "desc" };

export function parseTeamOrder(sort: string | undefined, dir: string | undefined): TeamOrder {
  const s = sort && (sort === "team" || (SCORECARD_MEASURES as readonly string[]).includes(sort)) ? (sort as TeamOrder["sort"]) : "team";
  return { sort: s, dir: dir === "desc" ? "desc" : "asc" };
}

const byTeamName = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true }).compare;

/** The rows in that order; a row with no figure for the measure goes last either way. */
export function orderTeams<T extends { teamName: string; values: Record<ScorecardMeasure, number | null> }>(rows: readonly T[], o: TeamOrder): T[] {
  const sign = o.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (o.sort === "team") return sign * byTeamName(a.teamName, b.teamName);
    const x = a.values[o.sort];
    const y = b.values[o.sort];
    if (x === null || y === null) return x === y ? byTeamName(a.teamName, b.teamName) : x === null ? 1 : -1;
    return sign * (x - y) || byTeamName(a.teamName, b.teamName);
  });
}
