import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { MEASURE_INFO } from "@/lib/rules/scorecard";
import { Tag } from "@/components/tags";
import { ScrollRegion } from "@/components/scroll-region";
import { Pagination } from "@/components/pagination";
import { insightsQuery, parseInsightsFilters, type InsightsSearch } from "../filters";
import { isBehindMeasure, isCountedMeasure, workersBehind } from "./workers-table";

export const metadata: Metadata = { title: "Insights: the workers behind a figure" };

/** Workers a page; the download has them all. */
const PER_PAGE = 50;

export default async function MeasureWorkersPage({ params, searchParams }: { params: Promise<{ measure: string }>; searchParams: Promise<InsightsSearch & { page?: string }> }) {
  const user = await requireRole("manager", "lead", "admin");
  const { measure } = await params;
  if (!isBehindMeasure(measure)) notFound();
  const counted = isCountedMeasure(measure);
  const today = todayInLondon();
  const choices = await scorecardFilterChoices(user);
  const search = await searchParams;
  const filters = parseInsightsFilters(search, choices, today);
  const info = MEASURE_INFO[measure];
  const teamName = filters.team ? choices.teams.find((t) => t.id === filters.team)?.name : null;
  // A page of them at a time: at 50,000 workers a list of hundreds took most of the page's time to draw.
  // However large the number asked for: past the end shows the first page.
  let page = Math.min(1_000_000, Math.max(1, Math.floor(Number(search.page)) || 1));
  let data = await workersBehind(user, filters, measure, PER_PAGE, (page - 1) * PER_PAGE);
  if (data.rows.length === 0 && page > 1) {
    page = 1;
    data = await workersBehind(user, filters, measure, PER_PAGE, 0);
  }
  const pages = Math.max(1, Math.ceil(data.total / PER_PAGE));

  return (
    <>
      <p className="mb-2">
        <Link href={`/insights${insightsQuery(filters, today)}`}>Back to Insights</Link>
      </p>
      <h1 className="mb-2">{info.label}: the workers behind the figure</h1>
      <p className="mb-2 max-w-3xl text-nhs-secondary">
        {info.definition}. {data.period.words}
        {teamName ? `, ${teamName}` : ""}
        {filters.profession || filters.setting ? ", filtered" : ""}.
      </p>
      <p className="mb-6 font-semibold">
        {data.summary}
      </p>
      {data.rows.length === 0 ? (
        <p className="card">
          {data.withDue
            ? `No worker in post on the last day who matches the filters had an appraisal due by then.`
            : measure === "mandatory_training"
              ? "No worker in post on the last day who matches the filters needs any mandatory training."
              : "No workers in post on the last day match the filters."}
        </p>
      ) : (
        <ScrollRegion label={`${info.label}, workers, table`}>
          <table className="table">
            <caption className="sr-only">
              {measure === "competency_coverage"
                ? `${info.label}: each worker, their team, and how many of their competencies are signed off`
                : measure === "mandatory_training"
                ? `${info.label}: each worker, their team, and how many of the subjects they need are in date`
                : `${info.label}: each worker, their team, and whether they meet it${data.withDue ? ", with when it fell or falls due" : ""}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Worker</th>
                <th scope="col">Team</th>
                <th scope="col" className="max-md:hidden">
                  Job title
                </th>
                <th scope="col">{info.label}</th>
                {data.withDue ? <th scope="col">Due</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/workers/${r.id}`} className="font-semibold">
                      {r.name}
                    </Link>
                  </td>
                  <td>{r.teamName}</td>
                  <td className="max-md:hidden">{r.jobTitle}</td>
                  <td>
                    {counted ? (
                      <>
                        <span className="mr-2">{r.standing}</span>
                        {r.done ? <Tag tone="green">{measure === "mandatory_training" ? "All in date" : "All signed off"}</Tag> : null}
                      </>
                    ) : (
                      <Tag tone={r.done ? "green" : "red"}>{r.standing}</Tag>
                    )}
                  </td>
                  {data.withDue ? <td>{r.dueOn ? formatDate(r.dueOn) : null}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={page} pages={pages} hrefFor={(p) => `/insights/${measure}${insightsQuery(filters, today, p > 1 ? { page: String(p) } : {})}`} />
      {data.rows.length > 0 ? (
        <p className="mt-3 no-print">
          {/* The visible words start the accessible name, which says which list (WCAG 2.5.3). */}
          <a href={`/insights/${measure}/csv${insightsQuery(filters, today)}`} download aria-label={`Download as CSV: ${info.label}, all ${data.total.toLocaleString("en-GB")} workers`}>
            Download as CSV
          </a>
        </p>
      ) : null}
    </>
  );
}
