// The scorecard as a table of cells, for its CSV download: the rows the page shows (overall first, then each team),
// each measure's figure, what it is out of and its rating in the page's words.
import type { scorecard, ScorecardRow } from "@/db/queries/scorecard";
import { MEASURE_INFO, SCORECARD_MEASURES, orderTeams, type Rag, type ScorecardMeasure, type TeamOrder } from "@/lib/rules/scorecard";
import type { TableData } from "@/lib/tables";

export const RAG_WORDS: Record<Rag, string> = { green: "On track", amber: "Getting there", red: "Behind" };

/**
 * What the figure counts and is out of: workers who met it of those it was due for, approvals of decisions,
 * competencies signed off of those required, subjects in date of those needed; the CPD median has no count, only the workers it is the median of.
 */
export function scorecardParts(row: ScorecardRow, m: ScorecardMeasure): { count: number | null; outOf: number } {
  if (m === "cpd_per_fte") return { count: null, outOf: row.headcount };
  if (m === "training_approved") return { count: row.trainingApproved, outOf: row.trainingDecided };
  if (m === "competency_coverage") return { count: row.competencySignedOff, outOf: row.competencyRequired };
  if (m === "mandatory_training") return { count: row.mandatoryInDate, outOf: row.mandatoryOwed };
  return { count: row.counts[m], outOf: row.due[m] };
}

/** What the figure is out of, in words: "41 of 52", "38 of 47 due", "12 of 15 decided", "Median of 52 workers". */
export function scorecardBase(row: ScorecardRow, m: ScorecardMeasure): string {
  const { count, outOf } = scorecardParts(row, m);
  if (count === null) return `Median of ${outOf} ${outOf === 1 ? "worker" : "workers"}`;
  if (m === "training_approved") return `${count} of ${outOf} decided`;
  if (m === "competency_coverage") return `${count} of ${outOf} competencies`;
  if (m === "mandatory_training") return `${count} of ${outOf} subjects needed`;
  return MEASURE_INFO[m].outOf === "due" ? `${count} of ${outOf} due` : `${count} of ${outOf}`;
}

/** A figure as a spreadsheet reads it: a share as its whole percentage (as the page shows it), hours to one place. */
function figureCell(m: ScorecardMeasure, value: number | null): number | null {
  if (value === null) return null;
  return MEASURE_INFO[m].kind === "share" ? Math.round(value * 100) : Math.round(value * 10) / 10;
}

/** Overall first, then every team in the page's order (the page shows them a page at a time; the download has all). */
export function scorecardTable(card: Awaited<ReturnType<typeof scorecard>>, order: TeamOrder = { sort: "team", dir: "asc" }): TableData {
  // Laid out once for each kept scorecard (db/insights-cache.ts hands each request a copy of the kept object, whose rows
  // are the kept ones): 4,167 teams at 50,000 workers took about 25 ms a download. Two orders at most, the default and
  // the last other asked for: every order of a large trust's table, with its CSV, would hold about 46 MB.
  const byOrder = laidOut.get(card.rows) ?? new Map<string, TableData>();
  laidOut.set(card.rows, byOrder);
  const key = `${order.sort} ${order.dir}`;
  const known = byOrder.get(key);
  if (known) return known;
  const table = layOut(card, order);
  if (key !== DEFAULT_ORDER) for (const other of byOrder.keys()) if (other !== DEFAULT_ORDER) byOrder.delete(other);
  byOrder.set(key, table);
  return table;
}

const DEFAULT_ORDER = "team asc";

const laidOut = new WeakMap<object, Map<string, TableData>>();

function layOut(card: Awaited<ReturnType<typeof scorecard>>, order: TeamOrder): TableData {
  const rows = [card.overall, ...(card.rows.length > 1 ? orderTeams(card.rows, order) : [])];
  return {
    key: "scorecard",
    title: "The call to action scorecard",
    // One number a cell, so a spreadsheet can add and sort them: the figure, what it counts and what it is out of
    // each in a column of their own, then the rating in words.
    columns: [
      { label: "Team" },
      { label: "Headcount", numeric: true },
      ...SCORECARD_MEASURES.flatMap((m) => {
        const label = MEASURE_INFO[m].label;
        const counted = m === "cpd_per_fte" ? [] : [{ label: `${label}: counted`, numeric: true }];
        return [
          { label: MEASURE_INFO[m].kind === "share" ? `${label} (%)` : `${label} (hours)`, numeric: true },
          ...counted,
          { label: m === "cpd_per_fte" ? `${label}: median of (workers)` : `${label}: out of`, numeric: true },
          { label: `${label}: rating` },
        ];
      }),
    ],
    rows: rows.map((r) => [
      r.teamName,
      r.headcount,
      ...SCORECARD_MEASURES.flatMap((m) => {
        const { count, outOf } = scorecardParts(r, m);
        return [figureCell(m, r.values[m]), ...(m === "cpd_per_fte" ? [] : [count]), outOf, r.rags[m] ? RAG_WORDS[r.rags[m]] : "No data"];
      }),
    ]),
  };
}
