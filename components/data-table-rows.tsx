"use client";
// A DataTable's rows (components/data-table.tsx), drawn from their cells' text and addresses. As server-rendered
// elements every figure came to the browser twice, as HTML and again as React's flight data of the same elements (a
// cell, a link, its name: about 200 characters each); as props it comes as its text and address. The HTML is the same.
import Link from "./link";

/** A row: each cell's text, the address of the people behind each figure (null where none), and the row's header as the link names say it. */
export type FigureRow = { cells: (string | number)[]; hrefs: (string | null)[] | null; header: string };

export function DataTableRows({ rows, numeric, labels, totals = false }: {
  rows: FigureRow[];
  /** Whether each column is numeric (right-aligned). */
  numeric: boolean[];
  /** Each column's label, for the links' names. */
  labels: string[];
  /** The totals row: bold, and its header not lightened. */
  totals?: boolean;
}) {
  return rows.map((r, ri) => (
    <tr key={ri} className={totals ? "font-semibold" : undefined}>
      {r.cells.map((text, i) => {
        if (i === 0) {
          return (
            <th key={i} scope="row" className={totals ? undefined : "font-normal!"}>
              {text}
            </th>
          );
        }
        const href = r.hrefs?.[i];
        return (
          <td key={i} className={numeric[i] ? "num" : undefined}>
            {href ? (
              // The name says which figure; the cell's text stays the figure alone, as the download has it.
              <Link href={href} aria-label={`${text}: the people behind ${labels[i] ?? ""}, ${r.header}`}>
                {text}
              </Link>
            ) : (
              text
            )}
          </td>
        );
      })}
    </tr>
  ));
}
