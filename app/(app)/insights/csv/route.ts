// GET /insights/csv: the call to action scorecard as a CSV download, for the same filters as /insights.
import { scorecard } from "@/db/queries/scorecard";
import { insightsCsvRoute, twelveMonthsTo } from "../csv-route";
import { scorecardTable } from "../scorecard-table";
import { parseTeamOrder } from "@/lib/rules/scorecard";

export const GET = insightsCsvRoute({
  tables: async (user, f, search) => [scorecardTable(await scorecard(user, f), parseTeamOrder(search.sort, search.dir))],
  period: twelveMonthsTo,
  only: "scorecard",
});
