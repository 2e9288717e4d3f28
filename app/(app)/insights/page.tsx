import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { headlineMeasures } from "@/db/queries/insights";
import { scorecard, scorecardFilterChoices, type ScorecardRow } from "@/db/queries/scorecard";
import { isBehindMeasure } from "./[measure]/workers-table";
import { todayInLondon } from "@/lib/rules/dates";
import { insightsQuery, parseInsightsFilters, type InsightsSearch } from "./filters";
import { InsightsHeader } from "./insights-header";
import { ScorecardTeamRows } from "./scorecard-team-rows";
import { RAG_WORDS, scorecardBase } from "./scorecard-table";
import { MEASURE_INFO, SCORECARD_MEASURES, formatMeasure, orderTeams, parseTeamOrder, type Rag, type ScorecardMeasure } from "@/lib/rules/scorecard";
import { Stat } from "@/components/stat";
import { Tag } from "@/components/tags";
import { ScrollRegion } from "@/components/scroll-region";
import { PrintButton } from "@/components/print-button";
import { Pagination } from "@/components/pagination";
import { SortHeader } from "@/components/sort-header";

export const metadata: Metadata = { title: "Insights" };

function RagTag({ rag }: { rag: Rag | null }) {
  return rag ? <Tag tone={rag}>{RAG_WORDS[rag]}</Tag> : <Tag tone="grey">No data</Tag>;
}

/** A threshold as a person would say it: "at least 90%", "below 10 hours". */
function thresholdWords(m: ScorecardMeasure, value: number, how: "at least" | "below"): string {
  const amount = MEASURE_INFO[m].kind === "hours" ? `${formatMeasure("hours", value)} hours` : formatMeasure("share", value);
  return `${how === "at least" ? "At least" : "Below"} ${amount}`;
}

/**
 * Teams a page in the scorecard's by-team table: a large trust has thousands; the download has them all. Each row is ten
 * linked figures and their ratings, twice over with the page's flight data: 50 a page made a 344 KB page at 4,167 teams.
 */
const TEAMS_PER_PAGE = 25;

export default async function InsightsPage({ searchParams }: { searchParams: Promise<InsightsSearch & { sort?: string; dir?: string; page?: string }> }) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const sp = await searchParams;
  const choices = await scorecardFilterChoices(user);
  const filters = parseInsightsFilters(sp, choices, today);
  const card = await scorecard(user, filters);
  const h = await headlineMeasures(user, today);
  const filtered = !!(filters.team || filters.profession || filters.setting);
  const order = parseTeamOrder(sp.sort, sp.dir);
  const pages = Math.max(1, Math.ceil(card.rows.length / TEAMS_PER_PAGE));
  const page = Math.min(pages, Math.max(1, Math.floor(Number(sp.page)) || 1));
  const teamRows = orderTeams(card.rows, order).slice((page - 1) * TEAMS_PER_PAGE, page * TEAMS_PER_PAGE);
  /** The order in the address, left out when it is the default (by team name). */
  const orderIn = (o: { sort: string; dir: string }): Record<string, string> => (o.sort === "team" && o.dir === "asc" ? {} : { sort: o.sort, dir: o.dir });
  const orderQuery = orderIn(order);
  const tableHref = (o: { sort: string; dir: string }, p = 1) => `/insights${insightsQuery(filters, today, { ...orderIn(o), ...(p > 1 ? { page: String(p) } : {}) })}#by-team`;
  /** A figure, linked to the workers behind it where it counts workers. */
  const figure = (m: ScorecardMeasure, row: ScorecardRow, big: boolean) => {
    const text = formatMeasure(MEASURE_INFO[m].kind, row.values[m]);
    // Figures that count workers, and competency coverage, open the workers behind them.
    if (!isBehindMeasure(m) || row.values[m] === null) return text;
    const q = insightsQuery(row.teamId ? { ...filters, team: row.teamId } : filters, today);
    return (
      <Link href={`/insights/${m}${q}`} className={big ? "" : "font-semibold"}>
        {text}
        <span className="sr-only">
          {`: the workers behind ${MEASURE_INFO[m].label.toLowerCase()}${row.teamId ? ` in ${row.teamName}` : ""}`}
        </span>
      </Link>
    );
  };

  return (
    <>
      <InsightsHeader
        search={sp}
        user={user}
        tab="scorecard"
        workedOutAt={card.workedOutAt}
        title="The call to action"
        filters={filters}
        choices={choices}
        today={today}
        intro={
          <p>
            {user.role === "manager" ? "The support workers in your teams" : "The support workforce across the organisation"}, and whether the 2025 call to
            action is happening: PDPs, appraisals, career conversations, supervision, CPD, structured education, access to training, and mandatory training in date.
          </p>
        }
      >
        {/* The teams' order is kept when the filters change. */}
        {Object.entries(orderQuery).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
      </InsightsHeader>
      <section aria-labelledby="scorecard" className="mb-10">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="scorecard" className="mb-1">
              The call to action scorecard
            </h2>
            <p className="text-nhs-secondary">
              {card.period.words}. {card.overall.headcount.toLocaleString("en-GB")} support {card.overall.headcount === 1 ? "worker" : "workers"} in post on the last day
              {filtered ? ", filtered" : ""}; anyone who left before then is not counted.
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-4 no-print">
            <a href={`/insights/csv${insightsQuery(filters, today, orderQuery)}`} download aria-label="Download as CSV: the call to action scorecard">
              Download as CSV
            </a>
            <PrintButton />
          </div>
        </div>
        <ul className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="The call to action, overall">
          {SCORECARD_MEASURES.map((m) => (
            <li key={m} className="card">
              <h3 className="text-base font-semibold text-nhs-secondary">{MEASURE_INFO[m].label}</h3>
              <p className="mt-1 flex flex-wrap items-center gap-3">
                <span className="text-3xl font-bold tabular-nums">{figure(m, card.overall, true)}</span>
                <RagTag rag={card.overall.rags[m]} />
              </p>
              <p className="mt-1 text-sm">{scorecardBase(card.overall, m)}</p>
              <p className="mt-2 text-sm text-nhs-secondary">{MEASURE_INFO[m].definition}.</p>
            </li>
          ))}
        </ul>
        {card.rows.length > 1 ? (
          <>
            <h3 id="by-team" className="mb-1">
              By team
            </h3>
            <p className="mb-2 text-sm text-nhs-secondary no-print">
              {`${card.rows.length.toLocaleString("en-GB")} teams. A column's heading orders the teams by it (lowest first, then highest); the download has every team in the same order.`}
            </p>
            <ScrollRegion label="The call to action by team, table">
              <table className="table table-compact text-sm">
                <caption className="sr-only">
                  {`The call to action scorecard by team: headcount and each measure with its red, amber or green rating${pages > 1 ? `, teams ${(page - 1) * TEAMS_PER_PAGE + 1} to ${(page - 1) * TEAMS_PER_PAGE + teamRows.length} of ${card.rows.length}` : ""}`}
                </caption>
                <thead>
                  <tr>
                    <SortHeader label="Team" column="team" current={order.sort} dir={order.dir} hrefFor={(sort, dir) => tableHref({ sort, dir })} />
                    <th scope="col" className="num">
                      Headcount
                    </th>
                    {SCORECARD_MEASURES.map((m) => (
                      <SortHeader key={m} label={MEASURE_INFO[m].label} column={m} current={order.sort} dir={order.dir} hrefFor={(sort, dir) => tableHref({ sort, dir })} className="num" />
                    ))}
                  </tr>
                </thead>
                <ScorecardTeamRows
                  rows={teamRows.map((r) => ({
                    id: r.teamId!,
                    name: r.teamName,
                    headcount: r.headcount,
                    query: insightsQuery({ ...filters, team: r.teamId }, today),
                    cells: SCORECARD_MEASURES.map((m) => [formatMeasure(MEASURE_INFO[m].kind, r.values[m]), isBehindMeasure(m) && r.values[m] !== null, r.rags[m]]),
                  }))}
                  measures={SCORECARD_MEASURES.map((m) => ({ key: m, name: MEASURE_INFO[m].label.toLowerCase() }))}
                  ratingWords={RAG_WORDS}
                />
              </table>
            </ScrollRegion>
            <div className="no-print">
              <Pagination page={page} pages={pages} hrefFor={(p) => tableHref(order, p)} />
            </div>
          </>
        ) : null}
        <details className="mt-4 text-sm">
          <summary>How the ratings are set</summary>
          <table className="table mt-2 max-w-3xl">
            <caption className="sr-only">The thresholds for each measure&apos;s rating</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">{RAG_WORDS.green}</th>
                <th scope="col">{RAG_WORDS.amber}</th>
                <th scope="col">{RAG_WORDS.red}</th>
              </tr>
            </thead>
            <tbody>
              {SCORECARD_MEASURES.map((m) => {
                const t = card.thresholds[m];
                return (
                  <tr key={m}>
                    <th scope="row">{MEASURE_INFO[m].label}</th>
                    <td>{thresholdWords(m, t.green, "at least")}</td>
                    <td>{thresholdWords(m, t.amber, "at least")}</td>
                    <td>{thresholdWords(m, t.amber, "below")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {user.role === "admin" ? (
            <p className="mt-2 no-print">
              <Link href="/admin/scorecard">Change the thresholds</Link>
            </p>
          ) : null}
        </details>
      </section>

      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Support workers in post today" value={h.inPost} note={`${h.fte} FTE`} />
        <Stat label="On an apprenticeship now" value={h.onApprenticeship} note="On programme, on a break, at gateway or in EPA" />
      </div>
      <p className="mb-8 no-print">
        <Link href={`/insights/workforce${insightsQuery(filters, today)}`}>Headcount and FTE by role, profession, care setting and band</Link>
        {" are on the Workforce tab, with totals and downloads."}
      </p>
    </>
  );
}
