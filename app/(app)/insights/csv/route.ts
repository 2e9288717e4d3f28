// GET /insights/csv: the call to action scorecard as a CSV download, for the same filters as /insights.
import { requireRole } from "@/lib/auth";
import { todayInLondon } from "@/lib/rules/dates";
import { scorecard, scorecardFilterChoices } from "@/db/queries/scorecard";
import { csvFileName, csvResponse, tableCsv } from "@/lib/tables";
import { parseInsightsFilters, searchOf } from "../filters";
import { filterNameParts } from "../insights-header";
import { scorecardTable } from "../scorecard-table";

export async function GET(request: Request) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const choices = scorecardFilterChoices(user);
  const filters = parseInsightsFilters(searchOf(request), choices, today);
  const table = scorecardTable(scorecard(user, filters));
  return csvResponse(tableCsv(table), csvFileName([table.key, ...filterNameParts(filters, choices), "12 months to", filters.end]));
}
