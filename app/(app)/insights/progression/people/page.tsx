// /insights/progression/people?figure=…[&month=YYYY-MM][&from=…&to=…][&months=24][&filters]: the events behind one team
// progression figure (a month's cell, or a table's total): who, their current team, what happened and when, newest
// first, each linked to the worker's record. Only the viewer's own scope; anything unknown in the address is a 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { insightsQuery } from "../../filters";
import { filtersInWords } from "../../insights-header";
import { PeopleList } from "../../people-list";
import { figureInWords, parseProgressionPeople, progressionPeopleHref, progressionPeopleList } from "./progression-people";

export const metadata: Metadata = { title: "Insights: the people behind a progression figure" };

export default async function ProgressionPeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const ask = await parseProgressionPeople(user, await searchParams, today);
  if (!ask) notFound();
  const data = await progressionPeopleList(user, ask, 500);
  const what = figureInWords(ask, data.window);
  const words = filtersInWords(ask.filters, await scorecardFilterChoices(user));
  const back = `/insights/progression${insightsQuery(ask.filters, today, ask.months === 12 ? {} : { months: String(ask.months) })}`;
  const many = (n: number) => `${n} ${n === 1 ? "event" : "events"}`;
  return (
    <PeopleList
      user={user}
      back={{ href: back, words: "Back to Team progression" }}
      heading={`${what}: the people behind the figure`}
      about={`${formatDate(data.window.start)} to ${formatDate(data.window.end)}${words ? ` (${words})` : ""}. Teams are each worker's current team, as the figures use.`}
      summary={`${many(data.total)}, newest first.`}
      columns={["Job title", "What happened", "On"]}
      phoneHidden={[0]}
      rows={data.rows.map((r, i) => ({ key: `${r.workerId} ${r.on} ${i}`, workerId: r.workerId, name: r.name, teamName: r.teamName, cells: [r.jobTitle, r.what, formatDate(r.on)] }))}
      total={data.total}
      csvHref={progressionPeopleHref(ask.filters, today, ask.months, ask.pick).replace("/people", "/people/csv")}
      csvLabel={what}
      empty="Nobody: nothing of this kind happened for these filters."
    />
  );
}
