// GET /insights/barriers/people/csv?…: every barrier behind one figure of the Barriers tab, for the same address as the
// page (anything unknown is a 404), audited like every insights download.
import { insightsCsvRoute, twelveMonthsTo } from "../../../csv-route";
import { todayInLondon } from "@/lib/rules/dates";
import { searchOf } from "../../../filters";
import { barrierPeopleList, barrierPeopleTable, parseBarrierPeople } from "../barrier-people";

export async function GET(request: Request) {
  const search = searchOf(request);
  let prefix: string | undefined;
  return insightsCsvRoute({
    tables: async (user) => {
      const ask = await parseBarrierPeople(user, search, todayInLondon());
      if (!ask) return null;
      prefix = `${ask.pick.category ?? "all"} barriers${ask.pick.source ? ` ${ask.pick.source}` : ""}`;
      return [barrierPeopleTable(`${ask.words}: the people behind the figure`, (await barrierPeopleList(user, ask, null)).rows)];
    },
    period: (f) => (search.quarter ? ["quarter to", search.quarter] : twelveMonthsTo(f)),
    prefix: () => prefix,
    only: "people",
  })(request);
}
