// /insights/barriers: the source report's theory of change in figures: the barriers (disabling mechanisms) recorded on
// PDP goals and career conversations and the reasons training was declined, by category, team, profession and quarter;
// beside them the enablers in use. Aggregates only: no barrier's own words appear here.
import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { barriersAndEnablers, DECLINE_CATEGORY } from "@/db/queries/barriers";
import { todayInLondon } from "@/lib/rules/dates";
import { barrierWords, DECLINE_REASONS } from "@/lib/vocabulary";
import { declineReasonWords } from "@/lib/rules/cpd";
import { DataTable } from "@/components/data-table";
import { insightsQuery, parseInsightsFilters, type InsightsSearch } from "../filters";
import { InsightsHeader, filtersInWords } from "../insights-header";
import { barrierFigureAt, barrierTables, ENABLER_WORDS } from "./barriers-tables";
import { barrierPeopleHref } from "./people/barrier-people";
import { BarChart, chartSummary, type BarSeries } from "@/components/bar-chart";
import { monthLabel } from "@/lib/rules/progression";

export const metadata: Metadata = { title: "Insights: barriers and enablers" };

export default async function BarriersPage({ searchParams }: { searchParams: Promise<InsightsSearch> }) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const choices = await scorecardFilterChoices(user);
  const search = await searchParams;
  const filters = parseInsightsFilters(search, choices, today);
  const data = await barriersAndEnablers(user, filters);
  // Each quarter is named by the month it ends in: "to Mar 2026".
  const quarterLabels = data.trend.map((q) => `to ${monthLabel(q.end.slice(0, 7))}`);
  const quarterSeries: BarSeries[] = [
    { label: "Barriers recorded", values: data.trend.map((q) => q.recorded) },
    { label: "Training requests declined", values: data.trend.map((q) => q.declined) },
  ];
  const tables = barrierTables(data);
  const t = (key: string) => tables.find((x) => x.key === key)!;
  const q = insightsQuery(filters, today);
  const csv = (key: string) => `/insights/barriers/csv${q ? `${q}&` : "?"}table=${key}`;
  const words = filtersInWords(filters, choices);
  /** Each barrier figure opens to the people behind it; a profession no longer offered as a filter does not. */
  const people = (key: string) => (row: number | null, column: number) => {
    const figure = barrierFigureAt(data, key, row, column);
    if (!figure || (figure.profession && !choices.professions.some((p) => p.id === figure.profession))) return null;
    return barrierPeopleHref(filters, today, figure);
  };
  const total = data.byCategory.reduce((a, c) => a + c.total, 0);
  return (
    <>
      <InsightsHeader
        search={search}
        user={user}
        tab="barriers"
        workedOutAt={data.workedOutAt}
        title="Barriers and enablers"
        filters={filters}
        choices={choices}
        today={today}
        intro={
          <p>
            What gets in the way of support workers&rsquo; development (the report&rsquo;s disabling mechanisms: availability of training, money, time,
            and organisational support) and what is helping (learning needs assessed, formal and informal learning, bespoke competencies).
          </p>
        }
      />
      <section aria-labelledby="barriers" className="mb-10">
        <h2 id="barriers" className="mb-1">
          Barriers
        </h2>
        <p className="mb-2 max-w-3xl text-nhs-secondary">
          {data.period.words}
          {words ? ` (${words})` : ""}: <strong className="text-nhs-text">{total} {total === 1 ? "barrier" : "barriers"}</strong> met by{" "}
          {data.allWorkers} {data.allWorkers === 1 ? "worker" : "workers"}.
        </p>
        <p className="mb-6 max-w-3xl text-sm text-nhs-secondary">
          A barrier is one recorded against a PDP goal or a career conversation on a day in the period, or a training request declined in it. A
          declined request is counted under its reason&rsquo;s category:{" "}
          {DECLINE_REASONS.map((r) => `${declineReasonWords.label(r).toLowerCase()} as ${barrierWords.label(DECLINE_CATEGORY[r]).toLowerCase()}`).join("; ")}.
          Workers are counted once each, whether or not they are still in post; teams and professions are their current ones.
          Each count opens to the people behind it and where each barrier was met; only people whose records you can already open are named.
        </p>
        <DataTable table={t("barriers-by-category")} csvHref={csv("barriers-by-category")} figureHref={people("barriers-by-category")} />
        <DataTable
          table={t("barriers-by-team")}
          csvHref={csv("barriers-by-team")}
          figureHref={people("barriers-by-team")}
          shown={{ rows: 25, words: (n, all) => `The ${n} teams with the most barriers are shown, of ${all}; the download has every team.` }}
        />
        <DataTable table={t("barriers-by-profession")} csvHref={csv("barriers-by-profession")} figureHref={people("barriers-by-profession")} />
        <h3 className="mb-2">The trend</h3>
        <p className="mb-3 max-w-3xl text-sm text-nhs-secondary">Barriers in each three-month span of the two years to the end date, the last four being the period above; each bar is labelled with the month its span ends.</p>
        <BarChart
          title="Barriers by quarter"
          labels={quarterLabels}
          series={quarterSeries}
          yLabel="Barriers"
          summary={chartSummary("Barriers by quarter", quarterLabels, quarterSeries)}
        />
        <DataTable table={t("barriers-by-quarter")} csvHref={csv("barriers-by-quarter")} figureHref={people("barriers-by-quarter")} headingLevel={4} />
      </section>
      <section aria-labelledby="enablers">
        <h2 id="enablers" className="mb-1">
          Enablers
        </h2>
        <p className="mb-3 max-w-3xl text-nhs-secondary">In use in the same period, for the same workers. Workers are counted once for each enabler.</p>
        <dl className="mb-6 max-w-3xl text-sm">
          {data.enablers.map((e) => (
            <div key={e.key} className="mb-2">
              <dt className="inline font-semibold">{ENABLER_WORDS[e.key].label}: </dt>
              <dd className="inline text-nhs-secondary">{ENABLER_WORDS[e.key].definition}</dd>
            </div>
          ))}
        </dl>
        <DataTable table={t("enablers")} csvHref={csv("enablers")} />
        <DataTable table={t("cpd-by-type")} csvHref={csv("cpd-by-type")} />
      </section>
    </>
  );
}
