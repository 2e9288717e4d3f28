// A list of the named people behind an insights figure (team progression, barriers): who, their team, the record and
// its date, each name linked to the worker's record, with a download of all of them. It says whose names it shows: only
// people the viewer can already open, in their own scope.
import type { ReactNode } from "react";
import Link from "@/components/link";
import { ScrollRegion } from "@/components/scroll-region";
import type { SessionUser } from "@/lib/session-user";

export type PeopleRow = { key: string; workerId: string; name: string; teamName: string; cells: ReactNode[] };

/** Whose names a list can hold, in the page's words. */
export function scopeWords(user: SessionUser): string {
  return user.role === "manager"
    ? "Only the support workers in your teams, or whom you manage, are named: people whose records you can already open."
    : "Only support workers in your organisation are named: people whose records you can already open.";
}

export function PeopleList({
  user,
  back,
  heading,
  about,
  summary,
  columns,
  phoneHidden = [],
  rows,
  total,
  csvHref,
  csvLabel,
  empty,
}: {
  user: SessionUser;
  back: { href: string; words: string };
  heading: string;
  about: ReactNode;
  summary: string;
  /** The columns after "Worker" and "Team". */
  columns: string[];
  /** Which of those columns a phone leaves out (the download keeps them). */
  phoneHidden?: number[];
  rows: PeopleRow[];
  total: number;
  csvHref: string;
  csvLabel: string;
  empty: string;
}) {
  const cls = (i: number) => (phoneHidden.includes(i) ? "max-md:hidden" : undefined);
  return (
    <>
      <p className="mb-2 no-print">
        <Link href={back.href}>{back.words}</Link>
      </p>
      <h1 className="mb-2">{heading}</h1>
      <p className="mb-2 max-w-3xl text-nhs-secondary">{about}</p>
      <p className="mb-2 max-w-3xl text-nhs-secondary">{scopeWords(user)}</p>
      <p className="mb-6 font-semibold">{summary}</p>
      {rows.length === 0 ? (
        <p className="card">{empty}</p>
      ) : (
        <ScrollRegion label={`${heading}, table`}>
          <table className="table">
            <caption className="sr-only">{`${heading}: each worker, their team, ${columns.join(", ").toLowerCase()}`}</caption>
            <thead>
              <tr>
                <th scope="col">Worker</th>
                <th scope="col" className="max-md:hidden">
                  Team
                </th>
                {columns.map((c, i) => (
                  <th key={c} scope="col" className={cls(i)}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="font-normal!">
                    <Link href={`/workers/${r.workerId}`} className="font-semibold">
                      {r.name}
                    </Link>
                    {/* A phone has no room for a team column: the team goes under the name. */}
                    <span className="block text-sm text-nhs-secondary md:hidden">{r.teamName}</span>
                  </th>
                  <td className="max-md:hidden">{r.teamName}</td>
                  {r.cells.map((c, i) => (
                    <td key={i} className={cls(i)}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {total > rows.length ? <p className="mt-3 text-nhs-secondary">{`The first ${rows.length} of ${total} are shown; filter by team to see the rest, or download them all.`}</p> : null}
      {rows.length > 0 ? (
        <p className="mt-3 no-print">
          {/* The visible words start the accessible name, which says which list (WCAG 2.5.3). */}
          <a href={csvHref} download aria-label={`Download as CSV: ${csvLabel}, all ${total.toLocaleString("en-GB")}`}>
            Download as CSV
          </a>
        </p>
      ) : null}
    </>
  );
}
