// The one way an insights table is downloaded: GET <tab>/csv?table=<key>&<filters> requires a manager, lead or
// admin, reads the same filters as the page, builds the tab's tables with the same function the page uses (so the
// file holds what the screen showed, suppression included) and answers 404 for a table that is not there.
import { requireRole } from "@/lib/auth";
import type { SessionUser } from "@/lib/session-user";
import { todayInLondon } from "@/lib/rules/dates";
import { scorecardFilterChoices, type ScorecardFilters } from "@/db/queries/scorecard";
import { csvFileName, csvResponse, tableCsv, type TableData } from "@/lib/tables";
import { recordAccess } from "@/db/queries/audit-trail";
import { parseInsightsFilters, searchOf } from "./filters";
import { filterNameParts } from "./insights-header";

type Search = Record<string, string>;

export function insightsCsvRoute(opts: {
  /** The tab's tables for these filters (null when there is nothing to show). */
  tables: (user: SessionUser, filters: ScorecardFilters, search: Search) => Promise<readonly TableData[] | null> | readonly TableData[] | null;
  /** The period's words for the file name, after the filters: ["12 months to", "2026-12-02"]. */
  period: (filters: ScorecardFilters, search: Search) => string[];
  /** Words before the table's key in the file name ("equity"), or a function of the tables just built. */
  prefix?: string | (() => string | undefined);
  /** The table when the address names none (a tab with a single table). */
  only?: string;
  /** Equality-derived figures (the equity tab): they take no filters, and their downloads are logged as equity ones. */
  equality?: boolean;
}) {
  return async function GET(request: Request) {
    const user = await requireRole("manager", "lead", "admin");
    const today = todayInLondon();
    const search = searchOf(request);
    const choices = await scorecardFilterChoices(user);
    const filters = parseInsightsFilters(search, choices, today);
    const key = search.table ?? opts.only;
    const table = key ? (await opts.tables(user, filters, search))?.find((t) => t.key === key) : undefined;
    if (!table) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    const prefix = typeof opts.prefix === "function" ? opts.prefix() : opts.prefix;
    const fileName = csvFileName([prefix, table.key, ...(opts.equality ? [] : filterNameParts(filters, choices)), ...opts.period(filters, search)]);
    // Every download is in the audit trail: which file, for which filters, how many rows (equality-derived ones as such).
    const kind = opts.equality ? "equity" : "insights";
    await recordAccess(user, {
      action: `${kind}.download`,
      entityType: kind,
      entityId: table.key,
      summary: { file: fileName, ...(opts.equality ? {} : { filters }), rows: table.rows.length },
    });
    return csvResponse(tableCsv(table), fileName);
  };
}

/** The scorecard's and most tabs' period: the 12 months to the end date. */
export const twelveMonthsTo = (f: ScorecardFilters) => ["12 months to", f.end];
