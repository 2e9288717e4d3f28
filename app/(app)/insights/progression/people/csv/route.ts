// GET /insights/progression/people/csv?figure=…&…: every event behind one team progression figure, for the same
// address as the page (anything unknown is a 404), audited like every insights download.
import { insightsCsvRoute } from "../../../csv-route";
import { todayInLondon } from "@/lib/rules/dates";
import { searchOf } from "../../../filters";
import { figureInWords, parseProgressionPeople, progressionPeopleList, progressionPeopleTable } from "../progression-people";

export async function GET(request: Request) {
  const search = searchOf(request);
  let prefix: string | undefined;
  return insightsCsvRoute({
    tables: async (user) => {
      const ask = await parseProgressionPeople(user, search, todayInLondon());
      if (!ask) return null;
      const data = await progressionPeopleList(user, ask, null);
      prefix = figureInWords(ask, data.window);
      return [progressionPeopleTable(`${prefix}: the people behind the figure`, data.rows)];
    },
    period: (f) => [`${search.months === "24" ? 24 : 12} months to`, f.end],
    prefix: () => prefix,
    only: "people",
  })(request);
}
