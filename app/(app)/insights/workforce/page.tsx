// /insights/workforce: the support workforce's composition on a date, in the shape of the source report's tables
// (headcount and FTE by profession × role, by care setting × role, and by pay band), each downloadable as CSV.
import type { Metadata } from "next";
import { requireRole } from "@/lib/auth";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { workforceComposition } from "@/db/queries/workforce";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { DataTable } from "@/components/data-table";
import { insightsQuery, parseInsightsFilters, type InsightsSearch } from "../filters";
import { InsightsHeader, filtersInWords } from "../insights-header";
import { fteText, workforceTables } from "./workforce-tables";

export const metadata: Metadata = { title: "Insights: workforce" };

export default async function WorkforcePage({ searchParams }: { searchParams: Promise<InsightsSearch> }) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const choices = await scorecardFilterChoices(user);
  const search = await searchParams;
  const filters = parseInsightsFilters(search, choices, today);
  const composition = await workforceComposition(user, filters);
  const tables = workforceTables(composition);
  const headcount = composition.byBand.reduce((a, b) => a + b.headcount, 0);
  const fte = composition.byBand.reduce((a, b) => a + b.fte, 0);
  const q = insightsQuery(filters, today);
  const words = filtersInWords(filters, choices);
  return (
    <>
      <InsightsHeader
        search={search}
        user={user}
        tab="workforce"
        workedOutAt={composition.workedOutAt}
        title="The support workforce"
        filters={filters}
        choices={choices}
        today={today}
        endLabel="In post on"
        intro={
          <p>
            Who the support workforce is: headcount and full-time equivalent (FTE) by profession, care setting, role and pay band, in the shape of the
            national workforce tables, for workforce and business plans that include support roles.
          </p>
        }
      />
      <section aria-labelledby="composition">
        <h2 id="composition" className="mb-1">
          In post on {formatDate(filters.end)}
        </h2>
        <p className="mb-6 max-w-3xl text-nhs-secondary">
          <strong className="text-nhs-text">
            {headcount} support {headcount === 1 ? "worker" : "workers"}, {fteText(fte)} FTE
          </strong>
          {words ? ` (${words})` : ""}. A worker counts when their contract had started by that day and they had not left before it; each is
          counted once, under their current profession, care setting, role and band. FTE is the sum of contracted full-time equivalents.
        </p>
        {tables.map((t) => (
          <DataTable key={t.key} table={t} headingLevel={3} csvHref={`/insights/workforce/csv${q ? `${q}&` : "?"}table=${t.key}`} />
        ))}
      </section>
    </>
  );
}
