// GET /insights/csv: the call to action scorecard as a CSV download, for the same filters as /insights.
import { scorecard } from "@/db/queries/scorecard";
import { insightsCsvRoute, twelveMonthsTo } from "../csv-route";
import { scorecardTable } from "../scorecard-table";

export const GET = insightsCsvRoute({ tables: (user, f) => [scorecardTable(scorecard(user, f))], period: twelveMonthsTo, only: "scorecard" });
