// Equality monitoring: a support worker saves, changes and clears their own answers (the audit names the questions,
// never the answers); nobody else can read or write them, however they ask; and the equity figures against a
// hand-built dataset with known answers: a big group's rate shown, a small group suppressed, a manager's scope.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { appraisals, auditEvents, equalityMonitoring, stages, trainingRequests, workerPositions, workers } from "@/db/schema";
import { equityCounts, myEquality, saveMyEquality } from "@/db/queries/equality";
import type { ScorecardFilters } from "@/db/queries/scorecard";
import { equityTables } from "@/app/(app)/insights/equity/equity-tables";
import { GET as csvGET } from "@/app/(app)/insights/equity/csv/route";
import { tableCsv } from "@/lib/tables";
import { saveEqualityAction } from "@/app/(app)/me/equality/actions";
import { isSmall } from "@/lib/rules/suppression";
import { asSession, makeWorker, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const END = "2026-11-22";
const all = (over: Partial<ScorecardFilters> = {}): ScorecardFilters => ({ team: null, profession: null, setting: null, end: END, ...over });
const rowFor = (workerId: string) => db.select().from(equalityMonitoring).where(eq(equalityMonitoring.workerId, workerId)).get();

describe("a worker's own answers", () => {
  it("saves, changes and clears them, auditing only which questions changed", () => {
    const f = twoTeams();
    const me = asSession(f.users.workerUserA);
    expect(myEquality(me)).toMatchObject({ ethnicGroup: null, disability: null, sex: null, ageBand: null, updatedAt: null });

    expect(saveMyEquality(me, { ethnicGroup: "asian", disability: "prefer_not_to_say", sex: null, ageBand: "25_34" })).toEqual({ ok: true, outcome: "saved" });
    expect(myEquality(me)).toMatchObject({ ethnicGroup: "asian", disability: "prefer_not_to_say", sex: null, ageBand: "25_34" });
    expect(saveMyEquality(me, { ethnicGroup: "asian", disability: "no", sex: "female", ageBand: "25_34" })).toEqual({ ok: true, outcome: "saved" });
    expect(rowFor(f.workers.workerA.id)).toMatchObject({ disability: "no", sex: "female" });
    expect(saveMyEquality(me, { ethnicGroup: "asian", disability: "no", sex: "female", ageBand: "25_34" })).toEqual({ ok: true, outcome: "unchanged" });

    expect(saveMyEquality(me, { ethnicGroup: null, disability: null, sex: null, ageBand: null })).toEqual({ ok: true, outcome: "cleared" });
    expect(rowFor(f.workers.workerA.id)).toBeUndefined();

    const events = db.select().from(auditEvents).where(eq(auditEvents.entityType, "equality_monitoring")).all();
    expect(events.map((e) => e.action)).toEqual(["equality.update", "equality.update", "equality.clear"]);
    expect(JSON.parse(events[1]!.summary as unknown as string)).toEqual({ questionsChanged: ["disability", "sex"] });
    const logged = JSON.stringify(events);
    for (const value of ["asian", "prefer_not_to_say", "female", "25_34"]) expect(logged).not.toContain(value);
  });

  it("through the form: answers by the login, ignoring any worker id sent; a bad value keeps what was sent", async () => {
    const f = twoTeams();
    actAs(asSession(f.users.workerUserA));
    await expect(saveEqualityAction({}, formData({ ethnicGroup: "white", sex: "", workerId: f.workers.workerB.id }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(rowFor(f.workers.workerA.id)).toMatchObject({ ethnicGroup: "white", sex: null });
    expect(rowFor(f.workers.workerB.id)).toBeUndefined();

    const bad = await saveEqualityAction({}, formData({ ethnicGroup: "martian", ageBand: "35_44" }));
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.ethnicGroup).toMatch(/Select your ethnic group/);
    expect(bad.values).toMatchObject({ ethnicGroup: "martian", ageBand: "35_44" });
    expect(rowFor(f.workers.workerA.id)).toMatchObject({ ethnicGroup: "white", ageBand: null });

    await expect(saveEqualityAction({}, formData({ intent: "clear", ethnicGroup: "white" }))).rejects.toMatchObject({ digest: expect.stringContaining("/me/equality?saved=cleared") });
    expect(rowFor(f.workers.workerA.id)).toBeUndefined();
  });

  it("denies a manager, a lead and an administrator: no answers to read, none written", async () => {
    const f = twoTeams();
    saveMyEquality(asSession(f.users.workerUserA), { ethnicGroup: "black", disability: "yes", sex: "male", ageBand: "45_54" });
    for (const who of [f.users.managerA, f.users.lead, f.users.admin]) {
      const user = asSession(who);
      expect(myEquality(user)).toBeUndefined();
      expect(saveMyEquality(user, { ethnicGroup: "white", disability: null, sex: null, ageBand: null }).ok).toBe(false);
      actAs(user);
      await expect(saveEqualityAction({}, formData({ ethnicGroup: "white", workerId: f.workers.workerA.id }))).rejects.toThrow(NOT_FOUND);
    }
    expect(rowFor(f.workers.workerA.id)).toMatchObject({ ethnicGroup: "black", disability: "yes", sex: "male", ageBand: "45_54" });
  });
});

describe("the equity figures", () => {
  /** Team A: 20 White workers (10 appraised, 2 with training, 1 promoted), 10 Black (8 appraised), 3 Asian (1 appraised). */
  function dataset() {
    const f = twoTeams();
    const higher = db.insert(stages).values({ code: "senior-x", name: "Senior", rank: 2 }).returning().get();
    const add = (n: number, ethnicGroup: "white" | "black" | "asian", appraised: number) =>
      Array.from({ length: n }, (_, i) => {
        const w = makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id });
        db.insert(equalityMonitoring).values({ workerId: w.id, ethnicGroup, disability: "no", sex: "female", ageBand: "35_44" }).run();
        if (i < appraised) db.insert(appraisals).values({ workerId: w.id, scheduledFor: "2026-03-01", heldOn: "2026-03-01", status: "completed" }).run();
        return w;
      });
    const white = add(20, "white", 10);
    add(10, "black", 8);
    add(3, "asian", 1);
    db.insert(trainingRequests)
      .values([
        { workerId: white[0]!.id, title: "Falls", status: "approved", startsOn: "2026-05-01" },
        { workerId: white[1]!.id, title: "Falls", status: "attended", startsOn: "2026-04-01" },
        { workerId: white[2]!.id, title: "Falls", status: "withdrawn", startsOn: "2026-04-01" },
      ])
      .run();
    db.update(workerPositions).set({ effectiveTo: "2026-06-30" }).where(eq(workerPositions.workerId, white[3]!.id)).run();
    db.insert(workerPositions).values({ workerId: white[3]!.id, effectiveFrom: "2026-07-01", stageId: higher.id, jobTitle: "Senior", teamId: f.teamA.id }).run();
    db.update(workers).set({ stageId: higher.id }).where(eq(workers.id, white[3]!.id)).run();
    return f;
  }

  it("counts each group, with not declared for workers without answers", () => {
    const f = dataset();
    const c = equityCounts(asSession(f.users.lead), all())!;
    // 33 with answers and the factory's three workers without (the other organisation's is not counted).
    expect(c.overall.headcount).toBe(36);
    const group = (key: string) => c.by.ethnicGroup.find((g) => g.key === key)!;
    expect(group("white")).toEqual({ key: "white", headcount: 20, met: { appraised: 10, training: 2, apprenticeship: 0, progressed: 1 } });
    expect(group("black").met.appraised).toBe(8);
    expect(group("asian").headcount).toBe(3);
    expect(group("not_declared").headcount).toBe(3);
    expect(group("prefer_not_to_say").headcount).toBe(0);
  });

  it("shows a big group's rate, hides a small group, and never shows 1 to 7", () => {
    const f = dataset();
    const tables = equityTables(equityCounts(asSession(f.users.lead), all())!);
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
    expect(ethnic.totals?.[col("In post")]).toBe(36);
    for (const t of tables) for (const cell of [...t.rows.flat(), ...(t.totals ?? [])]) if (typeof cell === "number") expect(isSmall(cell)).toBe(false);
  });

  it("downloads a table as the very cells the page shows, suppressed; an unknown table is 404, a worker is refused", async () => {
    const f = dataset();
    actAs(asSession(f.users.lead));
    const res = await csvGET(new Request(`http://x/insights/equity/csv?table=ethnic-group&end=${END}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="pathways-equity-ethnic-group-12-months-to-${END}.csv"`);
    const table = equityTables(equityCounts(asSession(f.users.lead), all())!).find((t) => t.key === "ethnic-group")!;
    // Read with the byte-order mark kept: Excel needs it to read the file as UTF-8.
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(tableCsv(table));
    expect((await csvGET(new Request("http://x/insights/equity/csv?table=nonsense"))).status).toBe(404);
    actAs(asSession(f.users.workerUserA));
    await expect(csvGET(new Request("http://x/insights/equity/csv?table=ethnic-group"))).rejects.toThrow(NOT_FOUND);
  });

  it("keeps a manager to their teams: another team's figures are not theirs to see, and a worker gets none", () => {
    const f = dataset();
    const managerB = asSession(f.users.managerB);
    expect(equityCounts(managerB, all({ team: f.teamA.id }))!.overall.headcount).toBe(0);
    // Manager B's own team: workerB, and lineManagedOnly (in team B), none of the 33 in team A.
    expect(equityCounts(managerB, all())!.overall.headcount).toBe(2);
    expect(equityCounts(asSession(f.users.managerA), all())!.overall.headcount).toBe(35);
    expect(equityCounts(asSession(f.users.workerUserA), all())).toBeUndefined();
  });
});
