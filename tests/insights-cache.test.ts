// Kept insights (db/insights-cache.ts): exact while the database is unchanged; a lead's slow organisation-wide tab
// served for a while after a change (marked with when it was worked out), anything else never; one entry per scope.
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { databaseKind, databaseTarget, db } from "@/db/client";
import pg from "pg";
import { appraisals, workers } from "@/db/schema";
import { keptInsight, makeInsightCache, MAX_STALE_MS, maxStaleMs } from "@/db/insights-cache";
import { scorecard, type ScorecardFilters } from "@/db/queries/scorecard";
import { asSession, twoTeams } from "./support/factory";

/** A cache over a version and a clock the test moves; each computation takes `took` of the clock's time. */
function fake() {
  let version = 1;
  let now = 1_000_000;
  let took = 10;
  const cache = makeInsightCache({ version: () => String(version), clock: () => now, slowMs: 300, maxStaleMs: 60_000, maxEntries: 3 });
  let runs = 0;
  const get = async (key = "k", mayBeStale = true) =>
    await cache.get(
      key,
      async () => {
        now += took;
        return ++runs;
      },
      mayBeStale,
    );
  return {
    get,
    change: () => version++,
    wait: (ms: number) => (now += ms),
    slow: (ms: number) => (took = ms),
    runs: () => runs,
    clear: () => cache.clear(),
  };
}

describe("the insight cache's rules", () => {
  it("serves a kept result, as current, while the version is unchanged however old it is", async () => {
    const c = fake();
    expect(await c.get()).toEqual({ value: 1, workedOutAt: null });
    c.wait(10 * 60_000);
    expect(await c.get()).toEqual({ value: 1, workedOutAt: null });
    expect(c.runs()).toBe(1);
  });

  it("works a quick result out again after any change", async () => {
    const c = fake();
    await c.get();
    c.change();
    expect(await c.get()).toEqual({ value: 2, workedOutAt: null });
  });

  it("serves a slow result for up to the limit after a change, saying when it was worked out, then works it out again", async () => {
    const c = fake();
    c.slow(300);
    await c.get();
    const at = 1_000_300;
    c.change();
    c.wait(59_000);
    expect(await c.get()).toEqual({ value: 1, workedOutAt: new Date(at) });
    c.wait(1_000); // 60 s after it was worked out
    expect(await c.get()).toEqual({ value: 2, workedOutAt: null });
    // Worked out again under the new version, it is current once more.
    expect(await c.get()).toEqual({ value: 2, workedOutAt: null });
  });

  it("takes its limit from INSIGHTS_MAX_STALE_SECONDS, and with 0 never serves a slow result stale", async () => {
    const saved = process.env.INSIGHTS_MAX_STALE_SECONDS;
    try {
      delete process.env.INSIGHTS_MAX_STALE_SECONDS;
      expect(maxStaleMs()).toBe(MAX_STALE_MS);
      process.env.INSIGHTS_MAX_STALE_SECONDS = "90";
      expect(maxStaleMs()).toBe(90_000);
      process.env.INSIGHTS_MAX_STALE_SECONDS = "0";
      expect(maxStaleMs()).toBe(0);
      let now = 0;
      let version = 1;
      const cache = makeInsightCache({ version: () => String(version), clock: () => now, slowMs: 300, maxStaleMs: maxStaleMs() });
      await cache.get("k", async () => ((now += 5_000), "first"), true);
      version++;
      expect(await cache.get("k", async () => "second", true)).toEqual({ value: "second", workedOutAt: null });
      process.env.INSIGHTS_MAX_STALE_SECONDS = "-1";
      expect(() => maxStaleMs()).toThrow(/INSIGHTS_MAX_STALE_SECONDS/);
    } finally {
      if (saved === undefined) delete process.env.INSIGHTS_MAX_STALE_SECONDS;
      else process.env.INSIGHTS_MAX_STALE_SECONDS = saved;
    }
  });

  it("never serves a slow result stale unless asked to", async () => {
    const c = fake();
    c.slow(5_000);
    await c.get("k", false);
    c.change();
    expect(await c.get("k", false)).toEqual({ value: 2, workedOutAt: null });
  });

  it("keeps each key apart, forgets the least recently used beyond the limit, and forgets everything when cleared", async () => {
    const c = fake();
    for (const k of ["a", "b", "c"]) await c.get(k);
    await c.get("a"); // used again: now the most recent
    await c.get("d"); // the fourth key pushes out the least recently used, "b"
    expect(c.runs()).toBe(4);
    await c.get("a");
    await c.get("c");
    expect(c.runs()).toBe(4);
    await c.get("b");
    expect(c.runs()).toBe(5);
    c.clear();
    await c.get("a");
    expect(c.runs()).toBe(6);
  });
});

describe("kept insights over the database", () => {
  const END = "2026-11-22";
  const all: ScorecardFilters = { team: null, profession: null, setting: null, end: END };

  it("follows this connection's writes and another connection's commits", async () => {
    const f = await twoTeams();
    const lead = asSession(f.users.lead);
    let runs = 0;
    const count = async () => await keptInsight("test", lead, [], async () => (runs++, (await db.select().from(workers)).length));
    const before = (await count()).value;
    expect((await count()).value).toBe(before);
    expect(runs).toBe(1);
    await db.update(workers).set({ fte: 0.8 }).where(eq(workers.id, f.workers.workerA.id));
    await count();
    expect(runs).toBe(2);
    // Another process (another app instance, a script) commits a change on a connection of its own.
    if (databaseKind() === "postgres") {
      const other = new pg.Client({ connectionString: databaseTarget() });
      await other.connect();
      await other.query("update workers set fte = 0.6 where id = $1", [f.workers.workerA.id]);
      await other.end();
    } else {
      const other = new Database(databaseTarget());
      other.prepare("update workers set fte = 0.6 where id = ?").run(f.workers.workerA.id);
      other.close();
    }
    await count();
    expect(runs).toBe(3);
  });

  it("shares one entry between a lead and an admin, and keeps each manager's apart", async () => {
    const f = await twoTeams();
    const seen: string[] = [];
    const who = async (u: Parameters<typeof asSession>[0]) => (await keptInsight("who", asSession(u), [], async () => (seen.push(u.email), u.email))).value;
    expect(await who(f.users.lead)).toBe(f.users.lead.email);
    expect(await who(f.users.admin)).toBe(f.users.lead.email); // the same figures: both see the whole organisation
    expect(await who(f.users.managerA)).toBe(f.users.managerA.email);
    expect(await who(f.users.managerB)).toBe(f.users.managerB.email);
    expect(seen).toEqual([f.users.lead.email, f.users.managerA.email, f.users.managerB.email]);
  });

  it("serves a slow organisation-wide tab stale to a lead for a while after a change, never a manager's", async () => {
    const f = await twoTeams();
    let runs = 0;
    // Slow on purpose: over the 300 ms beyond which a lead's tab may be served stale.
    const slow = async () => {
      const start = performance.now();
      while (performance.now() - start < 310);
      return ++runs;
    };
    const lead = asSession(f.users.lead);
    const manager = asSession(f.users.managerA);
    await keptInsight("tab", lead, [], slow, true);
    await keptInsight("tab", manager, [], slow, true);
    await keptInsight("list", lead, [], slow); // not a tab: a list that names people
    expect(runs).toBe(3);
    await db.update(workers).set({ fte: 0.8 }).where(eq(workers.id, f.workers.workerA.id));
    const forLead = await keptInsight("tab", lead, [], slow, true);
    expect(forLead.value).toBe(1);
    expect(forLead.workedOutAt).toBeInstanceOf(Date);
    expect(await keptInsight("tab", manager, [], slow, true)).toEqual({ value: 4, workedOutAt: null });
    expect(await keptInsight("list", lead, [], slow)).toEqual({ value: 5, workedOutAt: null });
  });

  it("shows a change on the scorecard at once in a small organisation", async () => {
    const f = await twoTeams();
    const lead = asSession(f.users.lead);
    const first = await scorecard(lead, all);
    expect(first.overall.counts.appraised).toBe(0);
    await db.insert(appraisals).values({ workerId: f.workers.workerA.id, scheduledFor: "2026-03-01", heldOn: "2026-03-01", status: "completed" });
    const next = await scorecard(lead, all);
    expect(next.overall.counts.appraised).toBe(1);
    expect(next.workedOutAt).toBeNull();
    expect(MAX_STALE_MS).toBe(5 * 60_000);
  });
});
