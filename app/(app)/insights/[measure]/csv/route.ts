// GET /insights/<measure>/csv: every worker behind one scorecard figure, for the same filters as the page. An unknown
// measure is a 404 (after the role check, like any table the tab does not have).
import { MEASURE_INFO } from "@/lib/rules/scorecard";
import { insightsCsvRoute, twelveMonthsTo } from "../../csv-route";
import { isBehindMeasure, workersBehind, workersBehindTable } from "../workers-table";

export async function GET(request: Request, { params }: { params: Promise<{ measure: string }> }) {
  const { measure } = await params;
  return insightsCsvRoute({
    tables: async (user, f) => (isBehindMeasure(measure) ? [workersBehindTable(measure, await workersBehind(user, f, measure, null))] : null),
    period: (f) => (measure === "supervised" ? ["3 months to", f.end] : twelveMonthsTo(f)),
    prefix: isBehindMeasure(measure) ? MEASURE_INFO[measure].label : undefined,
    only: "workers",
  })(request);
}
