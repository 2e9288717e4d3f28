// GET /insights/workforce/csv?table=<key>: one of the Workforce tab's tables as a CSV download.
import { workforceComposition } from "@/db/queries/workforce";
import { insightsCsvRoute } from "../../csv-route";
import { workforceTables } from "../workforce-tables";

export const GET = insightsCsvRoute({ tables: async (user, f) => workforceTables(await workforceComposition(user, f)), period: (f) => ["in post on", f.end] });
