// The "row by row" part of an import's dry run (a staff list, a file of completions): links to show the rows of one
// verdict with their counts, then the rows, each with its number, employee number, name, verdict and what importing
// it would do; on a phone as cards, since a five-column table would hide the reasons off to the side.
import Link from "@/components/link";
import { Tag } from "@/components/tags";
import { Pagination } from "@/components/pagination";
import { ScrollRegion } from "@/components/scroll-region";
import { importVerdictWords, type ImportVerdict } from "@/lib/vocabulary";

const TONE = { create: "green", update: "blue", unchanged: "grey", rejected: "red" } as const;

type Row = { rowNumber: number; employeeNumber: string; name: string; verdict: ImportVerdict };

export function ImportRows<S extends string, R extends Row>({
  heading,
  shows,
  show,
  counts,
  href,
  rows,
  page,
  pages,
  details,
}: {
  heading: string;
  /** Each choice of rows to show, in order, with its words. */
  shows: Record<S, { label: string }>;
  show: S;
  counts: Record<S, number>;
  href: (show: S, page?: number) => string;
  rows: readonly R[];
  page: number;
  pages: number;
  details: (row: R) => React.ReactNode;
}) {
  return (
    <section aria-labelledby="rows-heading">
      <h2 id="rows-heading" className="mb-3">
        {heading}
      </h2>
      <nav aria-label="Show rows" className="mb-4">
        <ul className="flex flex-wrap gap-x-5 gap-y-2">
          {(Object.keys(shows) as S[]).map((s) => (
            <li key={s}>
              <Link href={href(s)} aria-current={s === show ? "page" : undefined} className={s === show ? "font-bold text-nhs-text! no-underline" : undefined}>
                {shows[s].label} ({counts[s].toLocaleString("en-GB")})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p className="card">No rows to show here.</p>
      ) : (
        <>
          <ol className="space-y-3 sm:hidden" aria-label="Rows of the file">
            {rows.map((row) => (
              <li key={row.rowNumber} className="card p-4">
                <p className="mb-1 flex flex-wrap items-center justify-between gap-2">
                  <span className="font-semibold">Row {row.rowNumber}</span>
                  <Tag tone={TONE[row.verdict]}>{importVerdictWords.label(row.verdict)}</Tag>
                </p>
                <p className="font-semibold break-words">{row.name || "No name"}</p>
                <p className="mb-2 font-mono text-sm break-all">{row.employeeNumber || "No employee number"}</p>
                {details(row)}
              </li>
            ))}
          </ol>
          <div className="max-sm:hidden">
            <ScrollRegion label="Rows of the file">
              <table className="table">
                <caption className="sr-only">{shows[show].label} rows of the file, with what importing each would do</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Row
                    </th>
                    <th scope="col">Employee number</th>
                    <th scope="col">Name</th>
                    <th scope="col">Result</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.rowNumber}>
                      <td className="num">{row.rowNumber}</td>
                      <td className="font-mono whitespace-nowrap">{row.employeeNumber || <span className="text-nhs-secondary">None</span>}</td>
                      <td className="min-w-32">{row.name || <span className="text-nhs-secondary">None</span>}</td>
                      <td>
                        <Tag tone={TONE[row.verdict]}>{importVerdictWords.label(row.verdict)}</Tag>
                      </td>
                      <td className="min-w-64">{details(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </div>
        </>
      )}
      <Pagination page={page} pages={pages} hrefFor={(p) => href(show, p)} />
    </section>
  );
}
