// GET /insights/equity/csv?table=<key>&end=<quarter end>: one equity table as a CSV download, the very cells the page
// shows (suppressed and rounded), for the same reporting period; nothing for a period the page does not publish.
import { equityFigures } from "@/db/queries/equality";
import { equityPeriodFor } from "@/lib/rules/equity";
import { todayInLondon } from "@/lib/rules/dates";
import { insightsCsvRoute } from "../../csv-route";
import { equityTables } from "../equity-tables";

export const GET = insightsCsvRoute({
  tables: async (user, _filters, search) => {
    const figures = await equityFigures(user, equityPeriodFor(search.end, todayInLondon()));
    return figures?.status === "published" ? equityTables(figures) : null;
  },
  // The equity tab takes no filters: its file name is the table and the period only.
  equality: true,
  period: (_filters, search) => ["12 months to", equityPeriodFor(search.end, todayInLondon()).end],
  prefix: "equity",
});
