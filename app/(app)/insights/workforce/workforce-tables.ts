// The Workforce tab's tables as cells (lib/tables.ts): the page renders them and the CSV download writes the same.
// Cross-tables have a row per profession (or care setting), a column per role (stage) in ladder order, and totals
// for each row and column; FTE is shown to two decimal places, shares as whole
// percentages (percent columns: numbers in the download).
import type { CrossCell, WorkforceComposition } from "@/db/queries/workforce";
import type { Cell, TableData } from "@/lib/tables";

export const fteText = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
/** A share as its whole percentage (a percent column's number, lib/tables.ts); none of nothing. */
const share = (n: number, of: number): Cell => (of === 0 ? null : Math.round((100 * n) / of));

function crossTable(key: string, title: string, rowLabel: string, cells: CrossCell[], measure: "headcount" | "fte", notRecorded: string): TableData {
  const stageList = [...new Map(cells.map((c) => [c.stageId, c])).values()].sort((a, b) => a.stageRank - b.stageRank || a.stageSort - b.stageSort || a.stageName.localeCompare(b.stageName));
  const rowIds = [...new Set(cells.map((c) => c.rowId))];
  const value = (rowId: string | null, stageId: string) => cells.find((c) => c.rowId === rowId && c.stageId === stageId)?.[measure] ?? 0;
  const show = (n: number): Cell => (measure === "fte" ? fteText(n) : n);
  const rows = rowIds.map((rowId) => {
    const name = cells.find((c) => c.rowId === rowId)?.rowName ?? notRecorded;
    const values = stageList.map((s) => value(rowId, s.stageId));
    return [name, ...values.map(show), show(values.reduce((a, b) => a + b, 0))];
  });
  const columnTotals = stageList.map((s) => cells.filter((c) => c.stageId === s.stageId).reduce((a, c) => a + c[measure], 0));
  return {
    key,
    title,
    columns: [{ label: rowLabel }, ...stageList.map((s) => ({ label: s.stageName, numeric: true })), { label: "Total", numeric: true }],
    rows,
    totals: ["Total", ...columnTotals.map(show), show(columnTotals.reduce((a, b) => a + b, 0))],
  };
}

export const WORKFORCE_TABLE_KEYS = ["headcount-by-profession", "fte-by-profession", "headcount-by-setting", "fte-by-setting", "by-band"] as const;

/** Every table of the tab, in the page's order. */
export function workforceTables(w: WorkforceComposition): TableData[] {
  const headcount = w.byBand.reduce((a, b) => a + b.headcount, 0);
  const fte = w.byBand.reduce((a, b) => a + b.fte, 0);
  return [
    crossTable("headcount-by-profession", "Headcount by profession and role", "Profession", w.byProfession, "headcount", "Not recorded"),
    crossTable("fte-by-profession", "FTE by profession and role", "Profession", w.byProfession, "fte", "Not recorded"),
    crossTable("headcount-by-setting", "Headcount by care setting and role", "Care setting", w.bySetting, "headcount", "Care setting not recorded"),
    crossTable("fte-by-setting", "FTE by care setting and role", "Care setting", w.bySetting, "fte", "Care setting not recorded"),
    {
      key: "by-band",
      title: "Headcount and FTE by pay band",
      columns: [{ label: "Pay band" }, { label: "Headcount", numeric: true }, { label: "FTE", numeric: true }, { label: "Share of headcount", numeric: true, percent: true }, { label: "Share of FTE", numeric: true, percent: true }],
      rows: w.byBand.map((b) => [b.bandName ?? "Band not recorded", b.headcount, fteText(b.fte), share(b.headcount, headcount), share(b.fte, fte)]),
      totals: ["Total", headcount, fteText(fte), share(headcount, headcount), share(fte, fte)],
    },
  ];
}
