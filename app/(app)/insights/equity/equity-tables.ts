// The equity tab's tables as data, already suppressed (lib/rules/suppression.ts) and rounded (lib/rules/equity.ts):
// one per monitoring characteristic, a row per group with its headcount and, for each measure, how many and what
// share. The page and the CSV download both build them here, so a download is the screen. Each measure is suppressed
// as a table of [met, not met] by group, linked through the groups' headcounts, so no hidden count comes back from a
// rate, a total or a difference; what shows is then rounded to 5, and rates are worked out from the rounded figures.
import type { Characteristic, EquityFigures, EquityMeasure } from "@/db/queries/equality";
import { EQUITY_MEASURES } from "@/db/queries/equality";
import { gridOf, suppressLinked } from "@/lib/rules/suppression";
import { roundedCount as countCell, roundedRate as rateCell } from "@/lib/rules/equity";
import { ageBandWords, disabilityWords, ethnicGroupWords, sexWords } from "@/lib/vocabulary";
import type { TableData } from "@/lib/tables";

export const CHARACTERISTIC_INFO: Record<Characteristic, { key: string; title: string; label: (v: string) => string }> = {
  ethnicGroup: { key: "ethnic-group", title: "By ethnic group", label: (v) => ethnicGroupWords.label(v as never) },
  disability: { key: "disability", title: "By disability", label: (v) => disabilityWords.label(v as never) },
  sex: { key: "sex", title: "By sex", label: (v) => sexWords.label(v as never) },
  ageBand: { key: "age-band", title: "By age band", label: (v) => ageBandWords.label(v as never) },
};

export const MEASURE_WORDS: Record<EquityMeasure, { label: string; definition: string }> = {
  appraised: { label: "Appraisal", definition: "a completed (signed) appraisal held in the 12 months" },
  training: { label: "Training access", definition: "a training request approved (or attended) for training starting in the 12 months" },
  apprenticeship: { label: "Apprenticeship", definition: "on an apprenticeship (started, not just planned) at any time in the 12 months" },
  progressed: { label: "Progression", definition: "moved to a higher stage in their position history in the 12 months" },
};

type Counts = Extract<EquityFigures, { status: "published" }>;

export function equityTable(counts: Counts, c: Characteristic): TableData {
  const info = CHARACTERISTIC_INFO[c];
  const groups = counts.by[c];
  const grids = EQUITY_MEASURES.map((m) => gridOf(groups.map((g) => [g.met[m], g.headcount - g.met[m]]), 2));
  const hidden = suppressLinked(grids);
  const label = (key: string) => (key === "not_declared" ? "Not declared" : info.label(key));
  return {
    key: info.key,
    title: info.title,
    columns: [
      { label: "Group" },
      { label: "In post", numeric: true },
      ...EQUITY_MEASURES.flatMap((m) => [
        { label: `${MEASURE_WORDS[m].label}: number`, numeric: true },
        { label: `${MEASURE_WORDS[m].label}: rate`, numeric: true },
      ]),
    ],
    rows: groups.map((g, i) => [
      label(g.key),
      countCell(g.headcount, hidden[0]!.rowTotals[i]!),
      ...EQUITY_MEASURES.flatMap((m, k) => {
        const h = hidden[k]!;
        return [countCell(g.met[m], h.cells[i]![0]!), rateCell(g.met[m], g.headcount, h.cells[i]![0]! || h.cells[i]![1]! || h.rowTotals[i]!)];
      }),
    ]),
    totals: [
      "All in post",
      countCell(counts.overall.headcount, hidden[0]!.total),
      ...EQUITY_MEASURES.flatMap((m, k) => {
        const h = hidden[k]!;
        return [countCell(counts.overall.met[m], h.columnTotals[0]!), rateCell(counts.overall.met[m], counts.overall.headcount, h.columnTotals[0]! || h.columnTotals[1]! || h.total)];
      }),
    ],
  };
}

export function equityTables(counts: Counts): TableData[] {
  return (Object.keys(CHARACTERISTIC_INFO) as Characteristic[]).map((c) => equityTable(counts, c));
}
