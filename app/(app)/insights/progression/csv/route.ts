// GET /insights/progression/csv?table=<key>: one of the team progression tables as a CSV download, built by the same
// function as the page for the same filters and months, so the file holds what the screen showed. Unknown key: 404.
import { requireRole } from "@/lib/auth";
import { todayInLondon } from "@/lib/rules/dates";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { progression } from "@/db/queries/progression";
import { parseMonths } from "@/lib/rules/progression";
import { csvFileName, csvResponse, tableCsv } from "@/lib/tables";
import { parseInsightsFilters, searchOf } from "../../filters";
import { filterNameParts } from "../../insights-header";
import { isProgressionTableKey, progressionTables } from "../progression-tables";

export async function GET(request: Request) {
  const user = await requireRole("manager", "lead", "admin");
  const sp = searchOf(request);
  if (!isProgressionTableKey(sp.table)) return new Response("Not found", { status: 404 });
  const today = todayInLondon();
  const choices = scorecardFilterChoices(user);
  const filters = parseInsightsFilters(sp, choices, today);
  const months = parseMonths(sp.months);
  const table = progressionTables(progression(user, filters, months))[sp.table];
  return csvResponse(tableCsv(table), csvFileName([table.key, ...filterNameParts(filters, choices), `${months} months to`, filters.end]));
}
