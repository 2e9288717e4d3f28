// GET /insights/barriers/csv?table=<key>: one of the Barriers and enablers tab's tables as a CSV download.
import { barriersAndEnablers } from "@/db/queries/barriers";
import { insightsCsvRoute, twelveMonthsTo } from "../../csv-route";
import { barrierTables } from "../barriers-tables";

export const GET = insightsCsvRoute({ tables: async (user, f) => barrierTables(await barriersAndEnablers(user, f)), period: twelveMonthsTo });
