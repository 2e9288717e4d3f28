import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { coverageWorkers, scorecardFilterChoices, scorecardWorkers, WORKER_MEASURES, type WorkerMeasure } from "@/db/queries/scorecard";
import { todayInLondon } from "@/lib/rules/dates";
import { MEASURE_INFO, type ScorecardMeasure } from "@/lib/rules/scorecard";
import { Tag } from "@/components/tags";
import { ScrollRegion } from "@/components/scroll-region";
import { insightsQuery, parseInsightsFilters, type InsightsSearch } from "../filters";

export const metadata: Metadata = { title: "The workers behind a figure" };

export default async function MeasureWorkersPage({ params, searchParams }: { params: Promise<{ measure: string }>; searchParams: Promise<InsightsSearch> }) {
  const user = await requireRole("manager", "lead", "admin");
  const { measure } = await params;
  const coverage = measure === "competency_coverage";
  if (!coverage && !(WORKER_MEASURES as readonly string[]).includes(measure)) notFound();
  const today = todayInLondon();
  const choices = scorecardFilterChoices(user);
  const filters = parseInsightsFilters(await searchParams, choices, today);
  const info = MEASURE_INFO[measure as ScorecardMeasure];
  const teamName = filters.team ? choices.teams.find((t) => t.id === filters.team)?.name : null;
  // One shape for both kinds of figure: each worker with where they stand, and a line summing them up.
  let view: { period: { words: string }; total: number; summary: string; rows: { id: string; name: string; jobTitle: string; teamName: string; standing: React.ReactNode }[] };
  if (coverage) {
    const data = coverageWorkers(user, filters);
    view = {
      ...data,
      summary: `${data.signedOff} of ${data.required} competencies signed off across ${data.total} ${data.total === 1 ? "worker" : "workers"}; the least covered are listed first.`,
      rows: data.rows.map((r) => ({
        ...r,
        standing: (
          <>
            <span className="mr-2">{`${r.signedOff} of ${r.required}`}</span>
            {r.signedOff === r.required ? <Tag tone="green">All signed off</Tag> : null}
          </>
        ),
      })),
    };
  } else {
    const data = scorecardWorkers(user, filters, measure as WorkerMeasure);
    view = {
      ...data,
      summary: `${data.met} of ${data.total} ${data.total === 1 ? "worker" : "workers"}; ${data.total - data.met} still to do, listed first.`,
      rows: data.rows.map((r) => ({ ...r, standing: r.met ? <Tag tone="green">Done</Tag> : <Tag tone="red">Not yet</Tag> })),
    };
  }
  const data = view;

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
        <p className="card">No workers in post on the last day match the filters.</p>
      ) : (
        <ScrollRegion label={`${info.label}, workers, table`}>
          <table className="table">
            <caption className="sr-only">{coverage ? `${info.label}: each worker, their team, and how many of their competencies are signed off` : `${info.label}: each worker, their team, and whether they meet it`}</caption>
            <thead>
              <tr>
                <th scope="col">Worker</th>
                <th scope="col">Team</th>
                <th scope="col" className="max-md:hidden">
                  Job title
                </th>
                <th scope="col">{info.label}</th>
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
                  <td>{r.standing}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {data.total > data.rows.length ? <p className="mt-3 text-nhs-secondary">{`The first ${data.rows.length} of ${data.total} are shown; filter by team to see the rest.`}</p> : null}
    </>
  );
}
