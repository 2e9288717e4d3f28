// /insights/progression: team progression month by month over the last 12 or 24 months (moves between stages,
// apprenticeships, competencies signed off, leavers), each as a chart and the same figures as a downloadable table.
import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { progression } from "@/db/queries/progression";
import { monthLabel, parseMonths, PROGRESSION_MONTHS } from "@/lib/rules/progression";
import { SelectField } from "@/components/forms/select-field";
import { DataTable } from "@/components/data-table";
import { BarChart, chartSummary, type BarSeries } from "@/components/bar-chart";
import type { TableData } from "@/lib/tables";
import { insightsQuery, parseInsightsFilters, type InsightsSearch } from "../filters";
import { InsightsHeader } from "../insights-header";
import { progressionPickAt, progressionTables, type ProgressionTableKey } from "./progression-tables";
import { progressionPeopleHref } from "./people/progression-people";

export const metadata: Metadata = { title: "Insights: team progression" };

type Search = InsightsSearch & { months?: string };

export default async function ProgressionPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const sp = await searchParams;
  const choices = await scorecardFilterChoices(user);
  const filters = parseInsightsFilters(sp, choices, today);
  const months = parseMonths(sp.months);
  const data = await progression(user, filters, months);
  const tables = progressionTables(data);
  const extra: Record<string, string> = months === 12 ? {} : { months: String(months) };
  const csvHref = (key: ProgressionTableKey) => `/insights/progression/csv${insightsQuery(filters, today, { ...extra, table: key })}`;
  /** Each figure opens to the people behind it (a month's, or the total's). */
  const peopleHref = (key: ProgressionTableKey) => (row: number | null, column: number) => {
    const pick = progressionPickAt(data, key, row, column);
    return pick ? progressionPeopleHref(filters, today, months, pick) : null;
  };
  const m = data.window.months;
  const labels = m.map(monthLabel);
  const first = monthLabel(m[0]!);
  const last = monthLabel(m[m.length - 1]!);

  /** One series: its chart, then its table of the same figures. */
  const block = (id: string, heading: string, table: TableData, series: BarSeries[], yLabel: string, about: React.ReactNode) => (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-1">
        {heading}
      </h2>
      <p className="mb-3 max-w-3xl text-nhs-secondary">{about}</p>
      <BarChart title={heading} labels={labels} series={series} yLabel={yLabel} summary={chartSummary(heading, labels, series)} />
      <DataTable table={table} csvHref={csvHref(table.key as ProgressionTableKey)} figureHref={peopleHref(table.key as ProgressionTableKey)} />
    </section>
  );
  const col = (key: "up" | "down" | "sideways") => data.moves.map((r) => r[key]);
  const ev = (key: "starts" | "completions" | "withdrawals" | "signOffs" | "leavers") => data.events.map((r) => r[key]);

  return (
    <>
      <InsightsHeader
        search={sp}
        user={user}
        tab="progression"
        workedOutAt={data.workedOutAt}
        title="Team progression"
        filters={filters}
        choices={choices}
        today={today}
        endLabel="Period ending"
        extraQuery={extra}
        intro={
          <p>
            How {user.role === "manager" ? "the support workers in your teams" : "the support workforce"} move on: promotions between stages,
            apprenticeships, competencies signed off and leavers, month by month. The team, profession and care setting filters use each
            worker&apos;s current record, not the one they had at the time. Each figure opens to the people behind it, for that month or the
            whole period; only people whose records you can already open are named.
          </p>
        }
      >
        <SelectField name="months" label="Over the last" options={PROGRESSION_MONTHS.map((n) => [String(n), `${n} months`] as const)} defaultValue={String(months)} />
      </InsightsHeader>
      <p className="mb-6 font-semibold">
        {first} to {last}: {formatDate(data.window.start)} to {formatDate(data.window.end)}.
      </p>

      {block(
        "moves",
        "Moves between stages",
        tables["stage-moves"],
        [
          { label: "Moves up", values: col("up") },
          { label: "Moves down", values: col("down") },
          { label: "Moves at the same stage", values: col("sideways") },
        ],
        "Moves",
        <>
          From the position history: a new position at a higher stage than the worker&apos;s previous one is a move up, a lower one a move down;
          a change of team, band or job title at the same stage is a move at the same stage. Starting in post is not a move.
        </>,
      )}
      <DataTable
        table={tables["stage-moves-from-to"]}
        csvHref={csvHref("stage-moves-from-to")}
        caption={`Moves from one stage to another, ${first} to ${last}`}
        figureHref={peopleHref("stage-moves-from-to")}
      />

      {block(
        "apprenticeships-heading",
        "Apprenticeships",
        tables.apprenticeships,
        [
          { label: "Started", values: ev("starts") },
          { label: "Completed", values: ev("completions") },
          { label: "Withdrawn", values: ev("withdrawals") },
        ],
        "Apprenticeships",
        <>Started: by the actual start date, once the apprenticeship is under way. Completed and withdrawn: by the actual end date.</>,
      )}
      {block(
        "sign-offs",
        "Competencies signed off",
        tables["competency-sign-offs"],
        [{ label: "Signed off", values: ev("signOffs") }],
        "Competencies",
        <>By the date signed off; a sign-off later reopened is not counted.</>,
      )}
      {block("leavers-heading", "Leavers", tables.leavers, [{ label: "Leavers", values: ev("leavers") }], "Leavers", <>By the last day of the contract.</>)}
    </>
  );
}
