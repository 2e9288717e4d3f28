// GET /insights/equity/csv?table=<key>&<filters>: one equity table as a CSV download, the very cells the page shows
// (already suppressed).
import { equityCounts } from "@/db/queries/equality";
import { insightsCsvRoute, twelveMonthsTo } from "../../csv-route";
import { equityTables } from "../equity-tables";

export const GET = insightsCsvRoute({
  tables: (user, f) => {
    const counts = equityCounts(user, f);
    return counts ? equityTables(counts) : null;
  },
  period: twelveMonthsTo,
  prefix: "equity",
});
