// The kept summaries' periods on PostgreSQL (db/summary-periods.ts): a drop of other periods, begun on another
// connection before a view marks its period in use, must not take the rows that view then reads. Without the advisory
// lock the mark and the drop share, the view's staleness check ran while the drop was uncommitted (it saw the rows),
// the drop committed, and the view read none: an empty scorecard, kept as current. Here the drop is held open on its
// own connection and committed just before the view's read, or, if the view waits for it, after half a second.
import { describe, expect, it } from "vitest";
import pg from "pg";
import { like, sql } from "drizzle-orm";
import { connectionToken, databaseKind, db } from "@/db/client";
import { factVersions } from "@/db/schema";
import { clearInsightCache } from "@/db/insights-cache";
import { scorecard, type ScorecardFilters } from "@/db/queries/scorecard";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { asSession, twoTeams } from "../support/factory";

const filters = (end: string): ScorecardFilters => ({ team: null, profession: null, setting: null, end });

describe("summaries of a period in use, on PostgreSQL", () => {
  it("survive a drop of other periods that another view had begun before the view marked its period", async () => {
    expect(databaseKind()).toBe("postgres");
    const f = await twoTeams();
    const lead = asSession(f.users.lead);
    const today = todayInLondon();
    const [p1, p2] = [addDays(today, -20), addDays(today, -21)];
    clearInsightCache();
    const before = await scorecard(lead, filters(p1));
    expect(before.rows.length).toBeGreaterThan(1);
    // P1 was last viewed more than ten minutes ago: a drop after a view of P2 may take it.
    await db.update(factVersions).set({ version: sql`${factVersions.version} - 11` }).where(like(factVersions.subject, "in use:%"));

    // The drop, as dropPeriodsNotKept makes it after a view of P2, held open on a connection of its own.
    const conn = connectionToken() as unknown as { url: string; pool: pg.Pool };
    const other = new pg.Client({ connectionString: conn.url });
    await other.connect();
    await other.query("begin");
    await other.query("select pg_advisory_xact_lock(hashtext('summary periods'))");
    const kept = [today, addDays(today, -1), p2];
    await other.query("delete from worker_scorecard_facts where period_end <> all($1)", [kept]);
    expect((await other.query("delete from team_scorecard_facts where period_end <> all($1)", [kept])).rowCount).toBeGreaterThan(0);

    // The view of P1: the drop commits just before the view reads the team sums, or after half a second if the view
    // is waiting for it (as it should: the mark takes the same lock).
    const query = conn.pool.query.bind(conn.pool) as (...args: unknown[]) => unknown;
    let committed: Promise<unknown> | null = null;
    const commit = () => (committed ??= other.query("commit"));
    (conn.pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
      const text = typeof args[0] === "string" ? args[0] : (args[0] as { text: string }).text;
      if (/"headcount" > 0/.test(text)) await commit();
      return await query(...args);
    };
    const timer = setTimeout(() => void commit(), 500);
    try {
      clearInsightCache();
      const seen = await scorecard(lead, filters(p1));
      expect(seen.rows).toEqual(before.rows);
    } finally {
      clearTimeout(timer);
      (conn.pool as unknown as { query: unknown }).query = query;
      await commit();
      await other.end();
    }
  }, 60_000);
});
