// A table of figures (lib/tables.ts) with its heading, the caption screen readers hear, and a link to download the
// same cells as CSV.
import { cellText, type TableData } from "@/lib/tables";
import { ScrollRegion } from "./scroll-region";
import { DataTableRows, type FigureRow } from "./data-table-rows";

export function DataTable({
  table,
  csvHref,
  caption,
  headingLevel = 3,
  shown,
  figureHref,
}: {
  table: TableData;
  csvHref?: string;
  caption?: string;
  headingLevel?: 2 | 3 | 4;
  /** Show only this many rows (a large trust's teams), saying so; the download has them all. */
  shown?: { rows: number; words: (shown: number, all: number) => string };
  /**
   * Where a figure opens to the people behind it: the address for a row (null for the totals) and column, or null for
   * none. Only a count above 0 is a link: a hidden ("*") or empty figure never is.
   */
  figureHref?: (row: number | null, column: number) => string | null;
}) {
  const H = `h${headingLevel}` as "h2" | "h3" | "h4";
  const id = `table-${table.key}`;
  const rows = shown ? table.rows.slice(0, shown.rows) : table.rows;
  const cut = rows.length < table.rows.length;
  /** A row's cells as text, with the address each figure opens to (only a count above 0 is a link). */
  const figureRow = (row: number | null, r: TableData["rows"][number]): FigureRow => {
    const hrefs = figureHref ? r.map((cell, i) => (i > 0 && typeof cell === "number" && cell > 0 ? figureHref(row, i) : null)) : null;
    return { cells: r.map((cell, i) => cellText(table, i, cell)), hrefs: hrefs?.some((h) => h) ? hrefs : null, header: `${r[0] ?? ""}` };
  };
  const numeric = table.columns.map((c) => !!c.numeric);
  const labels = table.columns.map((c) => c.label);
  return (
    <section aria-labelledby={id} className="mb-8">
      <H id={id} className="mb-2">
        {table.title}
      </H>
      {table.rows.length === 0 ? (
        <p className="text-nhs-secondary">Nothing to count for these filters.</p>
      ) : (
        <ScrollRegion label={`${table.title}, table`}>
          <table className="table text-sm">
            <caption className="sr-only">{`${caption ?? table.title}${cut ? `: ${rows.length} of ${table.rows.length} rows` : ""}`}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col" className={numeric[i] ? "num" : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <DataTableRows rows={rows.map((r, ri) => figureRow(ri, r))} numeric={numeric} labels={labels} />
            </tbody>
            {table.totals ? (
              <tfoot>
                <DataTableRows rows={[figureRow(null, table.totals)]} numeric={numeric} labels={labels} totals />
              </tfoot>
            ) : null}
          </table>
        </ScrollRegion>
      )}
      {cut && shown ? <p className="mt-2 text-sm text-nhs-secondary">{shown.words(rows.length, table.rows.length)}</p> : null}
      {csvHref && table.rows.length > 0 ? (
        <p className="mt-2 text-sm no-print">
          {/* The visible words start the accessible name, which says which table (WCAG 2.5.3). */}
          <a href={csvHref} download aria-label={`Download as CSV: ${table.title}`}>
            Download as CSV
          </a>
        </p>
      ) : null}
    </section>
  );
}
