// GET /insights/workforce/csv?table=<key>: one of the Workforce tab's tables as a CSV download, built by the same
// function as the page for the same filters; an unknown table is 404.
import { requireRole } from "@/lib/auth";
import { todayInLondon } from "@/lib/rules/dates";
import { scorecardFilterChoices } from "@/db/queries/scorecard";
import { workforceComposition } from "@/db/queries/workforce";
import { csvFileName, csvResponse, tableCsv } from "@/lib/tables";
import { parseInsightsFilters, searchOf } from "../../filters";
import { filterNameParts } from "../../insights-header";
import { workforceTables } from "../workforce-tables";

export async function GET(request: Request) {
  const user = await requireRole("manager", "lead", "admin");
  const today = todayInLondon();
  const search = searchOf(request);
  const choices = scorecardFilterChoices(user);
  const filters = parseInsightsFilters(search, choices, today);
  const table = workforceTables(workforceComposition(user, filters)).find((t) => t.key === search.table);
  if (!table) return new Response("Not found", { status: 404 });
  return csvResponse(tableCsv(table), csvFileName([table.key, ...filterNameParts(filters, choices), "in post on", filters.end]));
}
