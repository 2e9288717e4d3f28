// The scorecard as a table of cells, for its CSV download: the rows the page shows (overall first, then each team),
// each measure's figure, what it is out of and its rating in the page's words.
import type { scorecard, ScorecardRow } from "@/db/queries/scorecard";
import { MEASURE_INFO, SCORECARD_MEASURES, formatMeasure, orderTeams, type Rag, type ScorecardMeasure, type TeamOrder } from "@/lib/rules/scorecard";
import type { TableData } from "@/lib/tables";

export const RAG_WORDS: Record<Rag, string> = { green: "On track", amber: "Getting there", red: "Behind" };

/** What the figure is out of, in words: "41 of 52", "38 of 47 due", "12 of 15 decided", "Median of 52 workers". */
export function scorecardBase(row: ScorecardRow, m: ScorecardMeasure): string {
  if (m === "cpd_per_fte") return `Median of ${row.headcount} ${row.headcount === 1 ? "worker" : "workers"}`;
  if (m === "training_approved") return `${row.trainingApproved} of ${row.trainingDecided} decided`;
  if (m === "competency_coverage") return `${row.competencySignedOff} of ${row.competencyRequired} competencies`;
  return MEASURE_INFO[m].outOf === "due" ? `${row.counts[m]} of ${row.due[m]} due` : `${row.counts[m]} of ${row.due[m]}`;
}

/** Overall first, then every team in the page's order (the page shows them a page at a time; the download has all). */
export function scorecardTable(card: ReturnType<typeof scorecard>, order: TeamOrder = { sort: "team", dir: "asc" }): TableData {
  const rows = [card.overall, ...(card.rows.length > 1 ? orderTeams(card.rows, order) : [])];
  return {
    key: "scorecard",
    title: "The call to action scorecard",
    columns: [
      { label: "Team" },
      { label: "Headcount", numeric: true },
      ...SCORECARD_MEASURES.flatMap((m) => [
        { label: MEASURE_INFO[m].label, numeric: true },
        { label: `${MEASURE_INFO[m].label}: out of` },
        { label: `${MEASURE_INFO[m].label}: rating` },
      ]),
    ],
    rows: rows.map((r) => [
      r.teamName,
      r.headcount,
      ...SCORECARD_MEASURES.flatMap((m) => [formatMeasure(MEASURE_INFO[m].kind, r.values[m]), scorecardBase(r, m), r.rags[m] ? RAG_WORDS[r.rags[m]] : "No data"]),
    ]),
  };
}
