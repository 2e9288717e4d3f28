// Team progression as tables of cells (lib/tables.ts): the page renders each one under its chart, and the CSV route
// writes the very same cells, so a download is what the screen showed. One function builds them all, by key.
import type { Progression, ProgressionPick } from "@/db/queries/progression";
import { monthLabel, type ProgressionFigure } from "@/lib/rules/progression";
import type { TableData } from "@/lib/tables";

export const PROGRESSION_TABLE_KEYS = ["stage-moves", "stage-moves-from-to", "apprenticeships", "competency-sign-offs", "leavers"] as const;
export type ProgressionTableKey = (typeof PROGRESSION_TABLE_KEYS)[number];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function progressionTables(p: Progression): Record<ProgressionTableKey, TableData> {
  const month = (m: string) => monthLabel(m);
  return {
    "stage-moves": {
      key: "stage-moves",
      title: "Moves between stages by month",
      columns: [{ label: "Month" }, { label: "Moves up", numeric: true }, { label: "Moves down", numeric: true }, { label: "Moves at the same stage", numeric: true }],
      rows: p.moves.map((r) => [month(r.month), r.up, r.down, r.sideways]),
      totals: ["Total", sum(p.moves.map((r) => r.up)), sum(p.moves.map((r) => r.down)), sum(p.moves.map((r) => r.sideways))],
    },
    "stage-moves-from-to": {
      key: "stage-moves-from-to",
      title: "Moves from one stage to another",
      columns: [{ label: "From stage" }, { label: "To stage" }, { label: "Direction" }, { label: "Moves", numeric: true }],
      rows: p.stageMoves.map((s) => [s.fromStage, s.toStage, s.direction === "up" ? "Up" : "Down", s.count]),
      totals: ["Total", null, null, sum(p.stageMoves.map((s) => s.count))],
    },
    apprenticeships: {
      key: "apprenticeships",
      title: "Apprenticeships started, completed and withdrawn by month",
      columns: [{ label: "Month" }, { label: "Started", numeric: true }, { label: "Completed", numeric: true }, { label: "Withdrawn", numeric: true }],
      rows: p.events.map((r) => [month(r.month), r.starts, r.completions, r.withdrawals]),
      totals: ["Total", sum(p.events.map((r) => r.starts)), sum(p.events.map((r) => r.completions)), sum(p.events.map((r) => r.withdrawals))],
    },
    "competency-sign-offs": {
      key: "competency-sign-offs",
      title: "Competencies signed off by month",
      columns: [{ label: "Month" }, { label: "Signed off", numeric: true }],
      rows: p.events.map((r) => [month(r.month), r.signOffs]),
      totals: ["Total", sum(p.events.map((r) => r.signOffs))],
    },
    leavers: {
      key: "leavers",
      title: "Leavers by month",
      columns: [{ label: "Month" }, { label: "Leavers", numeric: true }],
      rows: p.events.map((r) => [month(r.month), r.leavers]),
      totals: ["Total", sum(p.events.map((r) => r.leavers))],
    },
  };
}

/**
 * The figure a cell of a progression table counts, so it can open to the people behind it: a month's cell or its
 * column's total in the by-month tables, and a row of moves from one stage to another (its total is not one figure).
 */
export function progressionPickAt(p: Progression, key: ProgressionTableKey, row: number | null, column: number): ProgressionPick | null {
  const month = row === null ? null : (p.moves[row]?.month ?? null);
  if (row !== null && month === null && key !== "stage-moves-from-to") return null;
  const byColumn: Partial<Record<ProgressionTableKey, (ProgressionFigure | null)[]>> = {
    "stage-moves": [null, "up", "down", "sideways"],
    apprenticeships: [null, "starts", "completions", "withdrawals"],
    "competency-sign-offs": [null, "signOffs"],
    leavers: [null, "leavers"],
  };
  if (key === "stage-moves-from-to") {
    const s = row === null ? undefined : p.stageMoves[row];
    return s && column === 3 ? { figure: "stage-move", month: null, from: s.fromCode, to: s.toCode } : null;
  }
  const figure = byColumn[key]?.[column];
  return figure ? { figure, month } : null;
}
