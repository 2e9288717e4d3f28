// /insights/barriers/people?[category=…][&source=goal|conversation|declined|recorded][&quarter=YYYY-MM-DD][&filters]:
// the barriers behind one figure of the Barriers tab (a category's count, a team's or profession's, a quarter's): the
// worker, their team, where it was met (the PDP goal, career conversation or declined training request) and when,
// newest first, linked to the worker's record. Never a barrier's own words. Anything unknown in the address is a 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { formatDate, todayInLondon } from "@/lib/rules/dates";
import { barrierWords } from "@/lib/vocabulary";
import { PeopleList } from "../../people-list";
import { barrierPeopleList, barriersTabHref, parseBarrierPeople, recordHref, recordWords } from "./barrier-people";

export const metadata: Metadata = { title: "Insights: the people behind a barriers figure" };

export default async function BarrierPeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const search = await searchParams;
  const ask = await parseBarrierPeople(user, search, today);
  if (!ask) notFound();
  const data = await barrierPeopleList(user, ask, 500);
  const query = new URLSearchParams(search as Record<string, string>).toString();
  const oneCategory = ask.pick.category !== null;
  const many = (n: number) => `${n} ${n === 1 ? "barrier" : "barriers"}`;
  return (
    <PeopleList
      user={user}
      back={{ href: barriersTabHref(ask.filters, today), words: "Back to Barriers and enablers" }}
      heading={`${ask.words}: the people behind the figure`}
      about={`${formatDate(data.period.start)} to ${formatDate(data.period.end)}. Teams are each worker's current team, as the figures use. What the barrier was, in anyone's words, is on the worker's record, not here.`}
      summary={`${many(data.total)}, newest first.`}
      // A list of one category leaves its column out (the download keeps it); a phone leaves it out too.
      columns={[...(oneCategory ? [] : ["Category"]), "Where", "On"]}
      phoneHidden={oneCategory ? [] : [0]}
      rows={data.rows.map((r, i) => ({
        key: `${r.workerId} ${r.on} ${i}`,
        workerId: r.workerId,
        name: r.name,
        teamName: r.teamName,
        cells: [
          ...(oneCategory ? [] : [barrierWords.label(r.category)]),
          <Link key="where" href={recordHref(r)}>
            {recordWords(r)}
          </Link>,
          formatDate(r.on),
        ],
      }))}
      total={data.total}
      csvHref={`/insights/barriers/people/csv${query ? `?${query}` : ""}`}
      csvLabel={ask.words}
      empty="Nobody: no barrier of this kind was recorded for these filters."
    />
  );
}
