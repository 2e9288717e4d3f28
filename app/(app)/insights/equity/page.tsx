// /insights/equity: appraisal, training access, apprenticeship and progression rates by each equality monitoring
// characteristic, for the scorecard's population, with small numbers suppressed. Leads and admins see the whole
// organisation, managers their own teams (suppression protects the few people there too).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { equityCounts, EQUITY_MEASURES } from "@/db/queries/equality";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { todayInLondon } from "@/lib/rules/dates";
import { SMALL_NUMBER, SUPPRESSED } from "@/lib/rules/suppression";
import { DataTable } from "@/components/data-table";
import { insightsQuery, parseInsightsFilters, type InsightsSearch } from "../filters";
import { InsightsHeader } from "../insights-header";
import { equityTables, MEASURE_WORDS } from "./equity-tables";

export const metadata: Metadata = { title: "Insights: equity" };

export default async function EquityPage({ searchParams }: { searchParams: Promise<InsightsSearch> }) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const choices = scorecardFilterChoices(user);
  const filters = parseInsightsFilters(await searchParams, choices, today);
  const counts = equityCounts(user, filters);
  if (!counts) notFound();
  const tables = equityTables(counts);
  const csv = (key: string) => `/insights/equity/csv${insightsQuery(filters, today, { table: key })}`;

  return (
    <>
      <InsightsHeader
        user={user}
        tab="equity"
        workedOutAt={counts?.workedOutAt}
        title="Equity"
        filters={filters}
        choices={choices}
        today={today}
        intro={
          <p>
            Whether appraisals, training, apprenticeships and progression reach every group of {user.role === "manager" ? "your teams'" : "the"} support
            workforce alike, by the equality monitoring answers workers give for themselves.
          </p>
        }
      />
      <p className="mb-4">
        {counts.period.words}. Everyone in post on the last day{user.role === "manager" ? " in your teams" : ""}, as on the call to action scorecard.
      </p>

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
      </section>

      {tables.map((t) => (
        <DataTable
          key={t.key}
          table={t}
          headingLevel={2}
          csvHref={csv(t.key)}
          caption={`${t.title}: people in post and, for each measure, the number and rate; ${SUPPRESSED} marks a suppressed figure`}
        />
      ))}
    </>
  );
}
