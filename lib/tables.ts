// A table of figures as data: the page renders it (components/data-table.tsx) and the CSV download writes the very
// same cells, so what a lead downloads is what they saw. Cells are numbers, or already worded ("*", "12.50").
import { toCsv } from "./csv";

export type Cell = string | number | null;

export type TableData = {
  /** Names the table in its download's address (?table=) and file name: "moves-by-month". */
  key: string;
  /** The table's heading, and its caption. */
  title: string;
  /**
   * A numeric column's cells are numbers; a `percent` column's are whole percentages, shown with "%" on the page and
   * written as plain numbers in the download, whose heading says "(%)" instead, so a spreadsheet can add them up.
   */
  columns: { label: string; numeric?: boolean; percent?: boolean }[];
  /** The first cell of each row is its row header. */
  rows: Cell[][];
  /** A last row of totals, when the table has one. */
  totals?: Cell[];
};

/** The table as a CSV file: the column headings, the rows, then the totals. */
export function tableCsv(t: TableData): string {
  const known = written.get(t);
  if (known !== undefined) return known;
  const csv = writeCsv(t);
  written.set(t, csv);
  return csv;
}

/** The CSV of each table already written: a table laid out once for many downloads (a kept scorecard's) is written once. */
const written = new WeakMap<TableData, string>();

function writeCsv(t: TableData): string {
  return toCsv([t.columns.map((c) => (c.percent ? `${c.label} (%)` : c.label)), ...t.rows, ...(t.totals ? [t.totals] : [])]);
}

/** The file name of a download: "pathways-" then the parts (table, filters, period) as lower-case words with hyphens. */
export function csvFileName(parts: readonly (string | null | undefined)[]): string {
  const slug = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const words = parts.filter((p): p is string => !!p).map(slug).filter(Boolean);
  return `pathways-${words.join("-")}.csv`;
}

/** A CSV download: never kept by a shared cache or the browser's, since tables can name people. */
export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** A cell as the page shows it: a dash for none, a percentage column's number with "%". */
export function cellText(t: TableData, column: number, cell: Cell): string | number {
  if (cell === null) return "–";
  return t.columns[column]?.percent && typeof cell === "number" ? `${cell}%` : cell;
}
