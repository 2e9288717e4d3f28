// GET /insights/progression/csv?table=<key>&months=12|24: one of the team progression tables as a CSV download.
import { progression } from "@/db/queries/progression";
import { parseMonths } from "@/lib/rules/progression";
import { insightsCsvRoute } from "../../csv-route";
import { progressionTables } from "../progression-tables";

export const GET = insightsCsvRoute({
  tables: async (user, f, search) => Object.values(progressionTables(await progression(user, f, parseMonths(search.months)))),
  period: (f, search) => [`${parseMonths(search.months)} months to`, f.end],
});
