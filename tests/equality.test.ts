// Equality monitoring: a support worker saves, changes and clears their own answers (the audit names the questions,
// never the answers); nobody else can read or write them, however they ask; and the equity figures against a
// hand-built dataset with known answers: a big group's rate shown, a small group suppressed, counts rounded, a
// manager's scope; and the differencing attacks (adjacent days and quarters, team against team-minus-one, filters).
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import { appraisals, auditEvents, equalityMonitoring, stages, trainingRequests, workerPositions, workers } from "@/db/schema";
import { clearInsightCache } from "@/db/insights-cache";
import { equityFigures, myEquality, saveMyEquality, type EquityFigures } from "@/db/queries/equality";
import { equityTables } from "@/app/(app)/insights/equity/equity-tables";
import { GET as csvGET } from "@/app/(app)/insights/equity/csv/route";
import { tableCsv } from "@/lib/tables";
import { saveEqualityAction } from "@/app/(app)/me/equality/actions";
import { equityPeriod, equityPeriodFor, MINIMUM_CHANGE, MINIMUM_SCOPE, ROUND_TO } from "@/lib/rules/equity";
import { asSession, makeWorker, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const PERIOD = equityPeriod("2026-09-30");
const rowFor = async (workerId: string) => await first(db.select().from(equalityMonitoring).where(eq(equalityMonitoring.workerId, workerId)));

describe("a worker's own answers", () => {
  it("saves, changes and clears them, auditing only which questions changed", async () => {
    const f = await twoTeams();
    const me = asSession(f.users.workerUserA);
    expect(await myEquality(me)).toMatchObject({ ethnicGroup: null, disability: null, sex: null, ageBand: null, updatedAt: null });

    expect(await saveMyEquality(me, { ethnicGroup: "asian", disability: "prefer_not_to_say", sex: null, ageBand: "25_34" })).toEqual({ ok: true, outcome: "saved" });
    expect(await myEquality(me)).toMatchObject({ ethnicGroup: "asian", disability: "prefer_not_to_say", sex: null, ageBand: "25_34" });
    expect(await saveMyEquality(me, { ethnicGroup: "asian", disability: "no", sex: "female", ageBand: "25_34" })).toEqual({ ok: true, outcome: "saved" });
    expect(await rowFor(f.workers.workerA.id)).toMatchObject({ disability: "no", sex: "female" });
    expect(await saveMyEquality(me, { ethnicGroup: "asian", disability: "no", sex: "female", ageBand: "25_34" })).toEqual({ ok: true, outcome: "unchanged" });

    expect(await saveMyEquality(me, { ethnicGroup: null, disability: null, sex: null, ageBand: null })).toEqual({ ok: true, outcome: "cleared" });
    expect(await rowFor(f.workers.workerA.id)).toBeUndefined();

    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityType, "equality_monitoring"));
    expect(events.map((e) => e.action)).toEqual(["equality.update", "equality.update", "equality.clear"]);
    expect(JSON.parse(events[1]!.summary as unknown as string)).toEqual({ questionsChanged: ["disability", "sex"] });
    const logged = JSON.stringify(events);
    for (const value of ["asian", "prefer_not_to_say", "female", "25_34"]) expect(logged).not.toContain(value);
  });

  it("through the form: answers by the login, ignoring any worker id sent; a bad value keeps what was sent", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.workerUserA));
    await expect(saveEqualityAction({}, formData({ ethnicGroup: "white", sex: "", workerId: f.workers.workerB.id }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await rowFor(f.workers.workerA.id)).toMatchObject({ ethnicGroup: "white", sex: null });
    expect(await rowFor(f.workers.workerB.id)).toBeUndefined();

    const bad = await saveEqualityAction({}, formData({ ethnicGroup: "martian", ageBand: "35_44" }));
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.ethnicGroup).toMatch(/Select your ethnic group/);
    expect(bad.values).toMatchObject({ ethnicGroup: "martian", ageBand: "35_44" });
    expect(await rowFor(f.workers.workerA.id)).toMatchObject({ ethnicGroup: "white", ageBand: null });

    await expect(saveEqualityAction({}, formData({ intent: "clear", ethnicGroup: "white" }))).rejects.toMatchObject({ digest: expect.stringContaining("/me/equality?saved=cleared") });
    expect(await rowFor(f.workers.workerA.id)).toBeUndefined();
  });

  it("denies a manager, a lead and an administrator: no answers to read, none written", async () => {
    const f = await twoTeams();
    await saveMyEquality(asSession(f.users.workerUserA), { ethnicGroup: "black", disability: "yes", sex: "male", ageBand: "45_54" });
    for (const who of [f.users.managerA, f.users.lead, f.users.admin]) {
      const user = asSession(who);
      expect(await myEquality(user)).toBeUndefined();
      expect((await saveMyEquality(user, { ethnicGroup: "white", disability: null, sex: null, ageBand: null })).ok).toBe(false);
      actAs(user);
      await expect(saveEqualityAction({}, formData({ ethnicGroup: "white", workerId: f.workers.workerA.id }))).rejects.toThrow(NOT_FOUND);
    }
    expect(await rowFor(f.workers.workerA.id)).toMatchObject({ ethnicGroup: "black", disability: "yes", sex: "male", ageBand: "45_54" });
  });
});

describe("the equity figures", () => {
  /**
   * Team A: 20 White workers (10 appraised, 2 with training, 1 promoted), 10 Black (8 appraised), 3 Asian (1 appraised),
   * all in post since 2022, everything happening in January to March 2026: the periods to 30 June and 30 September
   * 2026 have the same figures, and the periods of 2025 differ from them by many people.
   */
  async function dataset() {
    const f = await twoTeams();
    const higher = await one(db.insert(stages).values({ code: "senior-x", name: "Senior", rank: 2 }).returning());
    const add = async (n: number, ethnicGroup: "white" | "black" | "asian", appraised: number) => {
      const made = [];
      for (let i = 0; i < n; i++) {
        const w = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id });
        await db.insert(equalityMonitoring).values({ workerId: w.id, ethnicGroup, disability: "no", sex: "female", ageBand: "35_44" });
        if (i < appraised) await db.insert(appraisals).values({ workerId: w.id, scheduledFor: "2026-03-01", heldOn: "2026-03-01", status: "completed" });
        made.push(w);
      }
      return made;
    };
    const white = await add(20, "white", 10);
    await add(10, "black", 8);
    await add(3, "asian", 1);
    await db.insert(trainingRequests)
      .values([
        { workerId: white[0]!.id, title: "Falls", status: "approved", startsOn: "2026-02-01" },
        { workerId: white[1]!.id, title: "Falls", status: "attended", startsOn: "2026-03-01" },
        { workerId: white[2]!.id, title: "Falls", status: "withdrawn", startsOn: "2026-03-01" },
      ]);
    await db.update(workerPositions).set({ effectiveTo: "2026-02-28" }).where(eq(workerPositions.workerId, white[3]!.id));
    await db.insert(workerPositions).values({ workerId: white[3]!.id, effectiveFrom: "2026-03-01", stageId: higher.id, jobTitle: "Senior", teamId: f.teamA.id });
    await db.update(workers).set({ stageId: higher.id }).where(eq(workers.id, white[3]!.id));
    return f;
  }

  const published = (figures: EquityFigures | undefined) => {
    if (figures?.status !== "published") throw new Error(`Expected published figures, got ${figures?.status}`);
    return figures;
  };

  it("counts each group, with not declared for workers without answers", async () => {
    const f = await dataset();
    const c = published(await equityFigures(asSession(f.users.lead), PERIOD));
    // 33 with answers and the factory's three workers without (the other organisation's is not counted).
    expect(c.overall.headcount).toBe(36);
    const group = (key: string) => c.by.ethnicGroup.find((g) => g.key === key)!;
    expect(group("white")).toEqual({ key: "white", headcount: 20, met: { appraised: 10, training: 2, apprenticeship: 0, progressed: 1 } });
    expect(group("black").met.appraised).toBe(8);
    expect(group("asian").headcount).toBe(3);
    expect(group("not_declared").headcount).toBe(3);
    expect(group("prefer_not_to_say").headcount).toBe(0);
  });

  it("rounds what shows to 5, hides a small group, never shows 1 to 7, and rates from the rounded figures", async () => {
    const f = await dataset();
    const tables = equityTables(published(await equityFigures(asSession(f.users.lead), PERIOD)));
    const ethnic = tables.find((t) => t.key === "ethnic-group")!;
    const row = (label: string) => ethnic.rows.find((r) => r[0] === label)!;
    const col = (label: string) => ethnic.columns.findIndex((c) => c.label === label);
    expect(row("White")[col("In post")]).toBe(20);
    expect(row("White")[col("Appraisal: number")]).toBe(10);
    expect(row("White")[col("Appraisal: rate")]).toBe("50%");
    expect(row("Asian or Asian British")[col("In post")]).toBe("*");
    expect(row("Asian or Asian British")[col("Appraisal: number")]).toBe("*");
    expect(row("Asian or Asian British")[col("Appraisal: rate")]).toBe("*");
    // Secondary: the Asian count hidden in the appraisal column, the next smallest (Black, 8) goes too.
    expect(row("Black, Black British, Caribbean or African")[col("Appraisal: number")]).toBe("*");
    expect(row("Prefer not to say")[col("In post")]).toBe(0);
    // 36 in post shows as 35; 19 appraised as 20, and the rate is 20 of 35.
    expect(ethnic.totals?.[col("In post")]).toBe(35);
    expect(ethnic.totals?.[col("Appraisal: number")]).toBe(20);
    expect(ethnic.totals?.[col("Appraisal: rate")]).toBe("57%");
    for (const t of tables) {
      for (const cell of [...t.rows.flat(), ...(t.totals ?? [])]) if (typeof cell === "number") expect(cell % ROUND_TO, `${t.key}: ${cell}`).toBe(0);
    }
  });

  it("downloads a table as the very cells the page shows; an unknown table is 404, a worker is refused", async () => {
    const f = await dataset();
    actAs(asSession(f.users.lead));
    const res = await csvGET(new Request(`http://x/insights/equity/csv?table=ethnic-group&end=${PERIOD.end}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="pathways-equity-ethnic-group-12-months-to-${PERIOD.end}.csv"`);
    const table = equityTables(published(await equityFigures(asSession(f.users.lead), PERIOD))).find((t) => t.key === "ethnic-group")!;
    // Read with the byte-order mark kept: Excel needs it to read the file as UTF-8.
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(tableCsv(table));
    // The download is in the audit trail as an equality-derived one: the file and its row count, no filters.
    const logged = await db.select().from(auditEvents).where(eq(auditEvents.action, "equity.download"));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorId: f.users.lead.id, entityType: "equity", entityId: "ethnic-group" });
    expect(JSON.parse(logged[0]!.summary)).toEqual({ file: `pathways-equity-ethnic-group-12-months-to-${PERIOD.end}.csv`, rows: table.rows.length });
    expect((await csvGET(new Request("http://x/insights/equity/csv?table=nonsense"))).status).toBe(404);
    actAs(asSession(f.users.workerUserA));
    await expect(csvGET(new Request("http://x/insights/equity/csv?table=ethnic-group"))).rejects.toThrow(NOT_FOUND);
  });

  it("keeps a manager to their teams, and gives a view under the minimum size no figures at all", async () => {
    const f = await dataset();
    // Manager B's own team: workerB and lineManagedOnly, far under the minimum.
    expect(await equityFigures(asSession(f.users.managerB), PERIOD)).toMatchObject({ status: "too_small" });
    expect(MINIMUM_SCOPE).toBeGreaterThan(2);
    // Manager A: the 33 in team A, their own worker and the line-managed one in team B.
    expect(published(await equityFigures(asSession(f.users.managerA), PERIOD)).overall.headcount).toBe(35);
    expect(await equityFigures(asSession(f.users.workerUserA), PERIOD)).toBeUndefined();
  });
});

describe("comparing two views of the equity figures points at nobody (the attacks of issue 16)", () => {
  /** Exactly MINIMUM_SCOPE + 2 long-standing workers in team A with answers, appraised in March 2026 (so periods of 2026 agree), and a lead. */
  async function trust() {
    const f = await twoTeams();
    for (let i = 0; i < MINIMUM_SCOPE + 2; i++) {
      const w = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id });
      await db.insert(equalityMonitoring).values({ workerId: w.id, ethnicGroup: i % 2 ? "white" : "black", disability: "no", sex: "female", ageBand: "35_44" });
      await db.insert(appraisals).values({ workerId: w.id, scheduledFor: "2026-03-01", heldOn: "2026-03-01", status: "completed" });
    }
    return f;
  }

  /** A named starter, the only one, who joined on 27 October 2026 and told the monitoring questions she is disabled. */
  async function starter(f: Awaited<ReturnType<typeof twoTeams>>, contractStart: string, disability: "yes" | "no" = "yes") {
    const w = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, contractStart });
    await db.insert(equalityMonitoring).values({ workerId: w.id, ethnicGroup: "white", disability, sex: "female", ageBand: "25_34" });
    return w;
  }

  async function csv(query: string): Promise<{ status: number; body: string }> {
    const res = await csvGET(new Request(`http://x/insights/equity/csv?${query}`));
    return { status: res.status, body: res.status === 200 ? new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()) : "" };
  }

  it("adjacent end dates: 26 and 27 October give the same quarter's figures, byte for byte", async () => {
    const f = await trust();
    await starter(f, "2026-10-27");
    actAs(asSession(f.users.lead));
    const today = "2026-12-06";
    expect(equityPeriodFor("2026-10-26", today)).toEqual(equityPeriodFor("2026-10-27", today));
    expect(equityPeriodFor("2026-10-27", today).end).toBe("2026-09-30");
    const [before, after] = [await csv("table=disability&end=2026-10-26"), await csv("table=disability&end=2026-10-27")];
    expect(before.status).toBe(200);
    expect(after).toEqual(before);
  });

  it("adjacent quarters: a period whose only change is one starter is withheld, on the page and in the download", async () => {
    const f = await trust();
    await starter(f, "2026-08-10");
    const lead = asSession(f.users.lead);
    expect(await equityFigures(lead, equityPeriod("2026-06-30"))).toMatchObject({ status: "published" });
    // Published, the September quarter's disability table against June's would give her answer away.
    expect(await equityFigures(lead, equityPeriod("2026-09-30"))).toMatchObject({ status: "withheld" });
    actAs(lead);
    expect((await csv("table=disability&end=2026-09-30")).status).toBe(404);
    expect((await csv("table=disability&end=2026-06-30")).status).toBe(200);
  });

  it("adjacent quarters: with enough starters that none stands out, the period is published", async () => {
    const f = await trust();
    for (let i = 0; i < MINIMUM_CHANGE; i++) await starter(f, "2026-08-10", i % 2 ? "yes" : "no");
    expect(await equityFigures(asSession(f.users.lead), equityPeriod("2026-09-30"))).toMatchObject({ status: "published" });
  });

  it("a change in one person's measures (an appraisal) is a change too: alone, it withholds the period", async () => {
    const f = await trust();
    const w = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id });
    await db.insert(equalityMonitoring).values({ workerId: w.id, ethnicGroup: "asian", disability: "yes", sex: "male", ageBand: "55_64" });
    await db.insert(appraisals).values({ workerId: w.id, scheduledFor: "2026-08-01", heldOn: "2026-08-01", status: "completed" });
    expect(await equityFigures(asSession(f.users.lead), equityPeriod("2026-09-30"))).toMatchObject({ status: "withheld" });
  });

  it("a change against one earlier quarter alone withholds the period, though it matches the quarters before that", async () => {
    const f = await trust();
    // Appraised in May 2025 and August 2026: in the years to September 2026, March 2026, December 2025 and September
    // 2025, but not in the year to June 2026. Against that quarter alone the figures differ by one person.
    const w = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id });
    await db.insert(equalityMonitoring).values({ workerId: w.id, ethnicGroup: "asian", disability: "yes", sex: "male", ageBand: "55_64" });
    await db.insert(appraisals).values([
      { workerId: w.id, scheduledFor: "2025-05-01", heldOn: "2025-05-01", status: "completed" },
      { workerId: w.id, scheduledFor: "2026-08-01", heldOn: "2026-08-01", status: "completed" },
    ]);
    expect(await equityFigures(asSession(f.users.lead), equityPeriod("2026-09-30"))).toMatchObject({ status: "withheld" });
    await db.delete(appraisals).where(eq(appraisals.workerId, w.id));
    clearInsightCache();
    expect(await equityFigures(asSession(f.users.lead), equityPeriod("2026-09-30"))).toMatchObject({ status: "published" });
  });

  it("an answer outside the question's list (written past the form) counts as not declared: the groups add up to everyone", async () => {
    const f = await trust();
    const w = (await db.select({ workerId: equalityMonitoring.workerId }).from(equalityMonitoring))[0]!;
    await db.update(equalityMonitoring).set({ ethnicGroup: "martian" as never }).where(eq(equalityMonitoring.workerId, w.workerId));
    const c = await equityFigures(asSession(f.users.lead), equityPeriod("2026-09-30"));
    if (c?.status !== "published") throw new Error(`Expected published figures, got ${c?.status}`);
    expect(c.by.ethnicGroup.reduce((n, g) => n + g.headcount, 0)).toBe(c.overall.headcount);
    expect(c.by.ethnicGroup.find((g) => g.key === "not_declared")!.headcount).toBeGreaterThan(0);
  });

  it("team versus team-minus-one, and profession filters: the equity figures take no filters, so every such pair is the same", async () => {
    const f = await trust();
    actAs(asSession(f.users.lead));
    const whole = await csv("table=disability&end=2026-06-30");
    expect(whole.status).toBe(200);
    expect(await csv(`table=disability&end=2026-06-30&team=${f.teamA.id}`)).toEqual(whole);
    expect(await csv(`table=disability&end=2026-06-30&team=${f.teamB.id}`)).toEqual(whole);
    expect(await csv(`table=disability&end=2026-06-30&profession=${f.ref.profession.id}`)).toEqual(whole);
  });

  it("a manager whose teams are under the minimum size gets no equity figures to compare with the organisation's", async () => {
    const f = await trust();
    actAs(asSession(f.users.managerB));
    expect((await csv("table=disability&end=2026-06-30")).status).toBe(404);
  });
});
