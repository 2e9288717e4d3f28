// GET /insights/equity/csv?table=<key>&<filters>: one equity table as a CSV download, the very cells the page shows
// (already suppressed); an unknown table is a 404.
import { requireRole } from "@/lib/auth";
import { todayInLondon } from "@/lib/rules/dates";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { equityCounts } from "@/db/queries/equality";
import { csvFileName, csvResponse, tableCsv } from "@/lib/tables";
import { parseInsightsFilters, searchOf } from "../../filters";
import { filterNameParts } from "../../insights-header";
import { equityTableByKey } from "../equity-tables";

export async function GET(request: Request) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const choices = scorecardFilterChoices(user);
  const search = searchOf(request);
  const filters = parseInsightsFilters(search, choices, today);
  const counts = equityCounts(user, filters);
  const table = counts ? equityTableByKey(counts, search.table ?? null) : undefined;
  if (!table) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return csvResponse(tableCsv(table), csvFileName(["equity", table.key, ...filterNameParts(filters, choices), "12 months to", filters.end]));
}
