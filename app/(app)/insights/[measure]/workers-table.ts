// The workers behind one figure, as data: the page lists them (with links to their records) and the CSV download
// writes the same columns for every one of them, not only the first page's worth.
import type { SessionUser } from "@/lib/session-user";
import { coverageWorkers, mandatoryTrainingWorkers, scorecardWorkers, WORKER_MEASURES, type ScorecardFilters, type WorkerMeasure } from "@/db/queries/scorecard";
import { MEASURE_INFO } from "@/lib/rules/scorecard";
import { formatDate } from "@/lib/rules/dates";
import type { TableData } from "@/lib/tables";

export type BehindMeasure = WorkerMeasure | "competency_coverage" | "mandatory_training";

export function isBehindMeasure(m: string): m is BehindMeasure {
  return m === "competency_coverage" || m === "mandatory_training" || (WORKER_MEASURES as readonly string[]).includes(m);
}

/** The measures that stand as two numbers a worker (so many of so many), not as met or not. */
export function isCountedMeasure(m: BehindMeasure): m is "competency_coverage" | "mandatory_training" {
  return m === "competency_coverage" || m === "mandatory_training";
}

export type WorkersBehind = {
  period: { words: string };
  /** Every worker behind the figure; `rows` may be fewer (the limit). */
  total: number;
  summary: string;
  /** Whether the list has a due date for each worker (a measure counted out of those for whom it had fallen due). */
  withDue: boolean;
  rows: {
    id: string;
    name: string;
    jobTitle: string;
    teamName: string;
    standing: string;
    done: boolean;
    dueOn: string | null;
    /** Competency coverage's or mandatory training's two numbers behind its standing ("10 of 43"). */
    counts?: { signedOff: number; required: number };
  }[];
};

/** The workers behind the figure, those still to do first, from `offset` on; `limit` null for all of them (the download). */
export async function workersBehind(user: SessionUser, f: ScorecardFilters, measure: BehindMeasure, limit: number | null, offset = 0): Promise<WorkersBehind> {
  const bound = limit ?? -1; // SQLite reads LIMIT -1 as no limit
  const many = (n: number) => `${n} ${n === 1 ? "worker" : "workers"}`;
  if (measure === "competency_coverage") {
    const data = await coverageWorkers(user, f, bound, offset);
    return {
      period: data.period,
      total: data.total,
      summary: `${data.signedOff} of ${data.required} competencies signed off across ${many(data.total)}; the least covered are listed first.`,
      withDue: false,
      rows: data.rows.map((r) => ({
        ...r,
        standing: `${r.signedOff} of ${r.required}`,
        done: r.signedOff === r.required,
        dueOn: null,
        counts: { signedOff: r.signedOff, required: r.required },
      })),
    };
  }
  if (measure === "mandatory_training") {
    const data = await mandatoryTrainingWorkers(user, f, bound, offset);
    return {
      period: data.period,
      total: data.total,
      summary: `${data.inDate} of ${data.needed} mandatory training subjects needed are in date across ${many(data.total)}; ${many(data.outOfDate)} with anything out of date, listed first.`,
      withDue: false,
      rows: data.rows.map((r) => ({
        ...r,
        standing: `${r.inDate} of ${r.needed}`,
        done: r.inDate === r.needed,
        dueOn: null,
        counts: { signedOff: r.inDate, required: r.needed },
      })),
    };
  }
  const data = await scorecardWorkers(user, f, measure, bound, offset);
  const due = MEASURE_INFO[measure].outOf === "due";
  const whose = due ? ` whose ${MEASURE_INFO[measure].label.toLowerCase()} had fallen due by ${formatDate(data.period.end)}` : "";
  return {
    period: data.period,
    total: data.total,
    summary: `${data.met} of ${many(data.total)}${whose}; ${data.total - data.met} still to do, listed first.`,
    withDue: due,
    rows: data.rows.map((r) => ({ ...r, standing: r.met ? "Done" : "Not yet", done: r.met })),
  };
}

/**
 * The list as a table: worker, team, job title, where they stand on the measure and, where it has one, its due date.
 * Competency coverage stands as two numbers (signed off, and owed at their stage), and mandatory training as two (in
 * date, and needed), a column each, so a spreadsheet can add them up.
 */
export function workersBehindTable(measure: BehindMeasure, w: WorkersBehind): TableData {
  const label = MEASURE_INFO[measure].label;
  const counted = isCountedMeasure(measure);
  const countColumns =
    measure === "mandatory_training"
      ? [{ label: "Subjects in date", numeric: true }, { label: "Subjects needed", numeric: true }]
      : [{ label: "Competencies signed off", numeric: true }, { label: "Competencies owed at their stage", numeric: true }];
  return {
    key: "workers",
    title: `${label}: the workers behind the figure`,
    columns: [
      { label: "Worker" },
      { label: "Team" },
      { label: "Job title" },
      ...(counted ? countColumns : [{ label }]),
      ...(w.withDue ? [{ label: "Due" }] : []),
    ],
    rows: w.rows.map((r) => [
      r.name,
      r.teamName,
      r.jobTitle,
      ...(counted ? [r.counts?.signedOff ?? null, r.counts?.required ?? null] : [r.standing]),
      ...(w.withDue ? [r.dueOn ?? ""] : []),
    ]),
  };
}
