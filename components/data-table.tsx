// A table of figures (lib/tables.ts) with its heading, the caption screen readers hear, and a link to download the
// same cells as CSV.
import { cellText, type TableData } from "@/lib/tables";
import { ScrollRegion } from "./scroll-region";
import Link from "./link";

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
  const num = (i: number) => (table.columns[i]?.numeric ? "num" : undefined);
  const rows = shown ? table.rows.slice(0, shown.rows) : table.rows;
  const cut = rows.length < table.rows.length;
  /** A figure, linked when it opens to people; its link says which figure (visible number first, WCAG 2.5.3). */
  const figure = (row: number | null, i: number, cell: TableData["rows"][number][number], rowHeader: TableData["rows"][number][number]) => {
    const text = cellText(table, i, cell);
    const href = typeof cell === "number" && cell > 0 ? figureHref?.(row, i) : null;
    if (!href) return text;
    // The name says which figure; the cell's text stays the figure alone, as the download has it.
    return (
      <Link href={href} aria-label={`${text}: the people behind ${table.columns[i]?.label ?? ""}, ${rowHeader ?? ""}`}>
        {text}
      </Link>
    );
  };
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
                  <th key={i} scope="col" className={num(i)}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, ri) => (
                <tr key={ri}>
                  {r.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="font-normal!">
                        {cellText(table, i, cell)}
                      </th>
                    ) : (
                      <td key={i} className={num(i)}>
                        {figure(ri, i, cell, r[0] ?? null)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
            {table.totals ? (
              <tfoot>
                <tr className="font-semibold">
                  {table.totals.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cellText(table, i, cell)}
                      </th>
                    ) : (
                      <td key={i} className={num(i)}>
                        {figure(null, i, cell, table.totals?.[0] ?? null)}
                      </td>
                    ),
                  )}
                </tr>
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
