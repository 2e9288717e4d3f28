// A table of figures (lib/tables.ts) with its heading, the caption screen readers hear, and a link to download the
// same cells as CSV.
import { cellText, type TableData } from "@/lib/tables";
import { ScrollRegion } from "./scroll-region";

export function DataTable({
  table,
  csvHref,
  caption,
  headingLevel = 3,
  shown,
}: {
  table: TableData;
  csvHref?: string;
  caption?: string;
  headingLevel?: 2 | 3 | 4;
  /** Show only this many rows (a large trust's teams), saying so; the download has them all. */
  shown?: { rows: number; words: (shown: number, all: number) => string };
}) {
  const H = `h${headingLevel}` as "h2" | "h3" | "h4";
  const id = `table-${table.key}`;
  const num = (i: number) => (table.columns[i]?.numeric ? "num" : undefined);
  const rows = shown ? table.rows.slice(0, shown.rows) : table.rows;
  const cut = rows.length < table.rows.length;
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
                        {cellText(table, i, cell)}
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
                        {cellText(table, i, cell)}
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
