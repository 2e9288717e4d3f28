"use client";
// The scorecard's by-team rows, drawn from compact figures. As a server component each of a page's 275 figures came
// to the browser twice, as HTML and again as React's flight data of the same elements (a link, its hidden words, a
// rating tag: about 400 characters a figure, two thirds of the page's 200 KB); as props they come as a few characters
// each. The HTML is the same either way (server-rendered), and the rows are not interactive beyond their links.
import Link from "@/components/link";
import { Tag } from "@/components/tags";

export type Rating = "red" | "amber" | "green";

/** A team's row: its figures in the order of `measures`, each [text, whether it opens to its workers, rating]. */
export type TeamRow = { id: string; name: string; headcount: number; query: string; cells: [text: string, linked: boolean, rag: Rating | null][] };

export function ScorecardTeamRows({ rows, measures, ratingWords }: {
  rows: TeamRow[];
  /** Each column's measure: its address segment and its name in lower case, for the link and its hidden words. */
  measures: { key: string; name: string }[];
  ratingWords: Record<Rating, string>;
}) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id}>
          <th scope="row">{r.name}</th>
          <td className="num">{r.headcount}</td>
          {r.cells.map(([text, linked, rag], i) => (
            <td key={measures[i]!.key} className="num">
              <span className="block font-semibold">
                {linked ? (
                  <Link href={`/insights/${measures[i]!.key}${r.query}`} className="font-semibold">
                    {text}
                    <span className="sr-only">{`: the workers behind ${measures[i]!.name} in ${r.name}`}</span>
                  </Link>
                ) : (
                  text
                )}
              </span>
              {rag ? <Tag tone={rag}>{ratingWords[rag]}</Tag> : <Tag tone="grey">No data</Tag>}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
