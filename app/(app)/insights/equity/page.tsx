// /insights/equity: appraisal, training access, apprenticeship and progression rates by each equality monitoring
// characteristic, for the scorecard's population, for fixed reporting periods, with small numbers suppressed and
// counts rounded. Leads and admins see the whole organisation, managers their own teams when large enough
// (docs/decisions/0011). No filters: every view that could be compared with another is one the rules allow.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { recordView } from "@/lib/access-log";
import { equityFigures, EQUITY_MEASURES } from "@/db/queries/equality";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { SMALL_NUMBER, SUPPRESSED } from "@/lib/rules/suppression";
import { equityPeriodFor, equityPeriods, MINIMUM_CHANGE, MINIMUM_SCOPE, ROUND_TO } from "@/lib/rules/equity";
import { DataTable } from "@/components/data-table";
import { parseInsightsFilters, type InsightsSearch } from "../filters";
import { InsightsHeader } from "../insights-header";
import { equityTables, MEASURE_WORDS } from "./equity-tables";

export const metadata: Metadata = { title: "Insights: equity" };

export default async function EquityPage({ searchParams }: { searchParams: Promise<InsightsSearch> }) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const choices = await scorecardFilterChoices(user);
  const search = await searchParams;
  const filters = parseInsightsFilters(search, choices, today);
  const period = equityPeriodFor(search.end, today);
  const figures = await equityFigures(user, period);
  if (!figures) notFound();
  // Equality-derived figures: every view is in the audit trail, with the period and whether figures were shown.
  await recordView(user, { action: "equity.view", entityType: "equity", entityId: period.end, summary: { period: period.end, shown: figures.status } });
  const tables = figures.status === "published" ? equityTables(figures) : [];
  const csv = (key: string) => `/insights/equity/csv?${new URLSearchParams({ table: key, end: period.end })}`;
  const scope = user.role === "manager" ? "your teams" : "the organisation";

  return (
    <>
      <InsightsHeader
        user={user}
        tab="equity"
        workedOutAt={figures.workedOutAt}
        title="Equity"
        filters={filters}
        choices={choices}
        today={today}
        periods={{ offered: equityPeriods(today), shown: period.end }}
        intro={
          <p>
            Whether appraisals, training, apprenticeships and progression reach every group of {user.role === "manager" ? "your teams'" : "the"} support
            workforce alike, by the equality monitoring answers workers give for themselves.
          </p>
        }
      />
      <p className="mb-4">
        {period.words} ({formatDate(period.start)} to {formatDate(period.end)}). Everyone in post on the last day{user.role === "manager" ? " in your teams" : ""}, as
        on the call to action scorecard.
      </p>
      {figures.status === "too_small" ? (
        <p className="card mb-8 max-w-3xl" role="status">
          <strong>No equity figures for {scope}.</strong> Fewer than {MINIMUM_SCOPE} people were in post in {scope} at the end of this period, too few for
          figures about equality monitoring answers to be safe: they could point at a person. {user.role === "manager" ? "Your workforce lead sees them for the whole organisation." : ""}
        </p>
      ) : null}
      {figures.status === "withheld" ? (
        <p className="card mb-8 max-w-3xl" role="status">
          <strong>The figures for this period are withheld.</strong> They differ from an earlier period&apos;s by fewer than {MINIMUM_CHANGE} people, so comparing
          the two could point at those people&apos;s answers. Choose another period, or wait for the next quarter.
        </p>
      ) : null}

      <section aria-labelledby="how-to-read" className="card mb-8 max-w-3xl">
        <h2 id="how-to-read" className="mb-2 text-lg">
          How to read these tables
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {EQUITY_MEASURES.map((m) => (
            <li key={m}>
              <strong>{MEASURE_WORDS[m].label}</strong>: {MEASURE_WORDS[m].definition}. The rate is of the group&apos;s people in post.
            </li>
          ))}
          <li>
            <strong>Not declared</strong> is anyone who has not answered that question; <strong>Prefer not to say</strong> is an answer they chose.
          </li>
        </ul>
        <h3 className="mt-4 mb-1 text-base">Why some figures show {SUPPRESSED}</h3>
        <p>
          These answers are special-category personal data, so no figure here may point at a person. Any count from 1 to {SMALL_NUMBER - 1} shows as{" "}
          {SUPPRESSED}, and no rate is given for a group of fewer than {SMALL_NUMBER} people. Where one figure in a row or column is hidden, the next
          smallest in it is hidden too (and a total where needed), so a hidden figure cannot be worked out from the totals or by taking the other figures
          away. A 0 may be shown. Nobody, including managers, can see an individual&apos;s answers.
        </p>
        <h3 className="mt-4 mb-1 text-base">Why the figures are rounded, and only for quarters</h3>
        <p>
          Every count is rounded to the nearest {ROUND_TO} (as NHS statistics are), and rates are worked out from the rounded figures, so totals may not
          add up exactly. Figures come only for the 12 months to the end of a quarter, for the whole of {scope}, and a period is shown only when its figures
          differ from each of the year of periods before it by no people or by at least {MINIMUM_CHANGE}, so that comparing two views does not single out one
          starter, leaver or team member by difference.
        </p>
      </section>

      {tables.map((t) => (
        <DataTable
          key={t.key}
          table={t}
          headingLevel={2}
          csvHref={csv(t.key)}
          caption={`${t.title}: people in post and, for each measure, the number and rate; ${SUPPRESSED} marks a suppressed figure; counts are rounded to the nearest ${ROUND_TO}`}
        />
      ))}
    </>
  );
}
