// Barriers and enablers against a hand-built dataset with known answers: barriers on PDP goals and career
// conversations in the period (one just outside it is not counted), a declined training request counted under its
// reason's category, by team and profession, by quarter; the enablers (learning needs at appraisal, formal and
// informal CPD, bespoke competencies); a manager sees only their teams; the CSV is the page's table.
import { describe, expect, it, vi } from "vitest";
import { db, one } from "@/db/client";
import {
  appraisals,
  barriers,
  careerConversations,
  competencyAssessments,
  competencyStatements,
  cpdActivities,
  frameworkDomains,
  frameworks,
  frameworkVersions,
  pdpGoals,
  pdps,
  trainingRequests,
} from "@/db/schema";
import { barriersAndEnablers, quartersEnding } from "@/db/queries/barriers";
import type { ScorecardFilters } from "@/db/queries/scorecard";
import { barrierFigureAt, barrierTables } from "@/app/(app)/insights/barriers/barriers-tables";
import { barrierPeopleHref, barrierPeopleList, parseBarrierPeople } from "@/app/(app)/insights/barriers/people/barrier-people";
import { GET as peopleCsvGET } from "@/app/(app)/insights/barriers/people/csv/route";
import BarrierPeoplePage from "@/app/(app)/insights/barriers/people/page";
import { auditEvents } from "@/db/schema";
import { GET } from "@/app/(app)/insights/barriers/csv/route";
import { tableCsv } from "@/lib/tables";
import { asSession, twoTeams } from "./support/factory";
import { actAs, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const END = "2026-11-22";
const all = (over: Partial<ScorecardFilters> = {}): ScorecardFilters => ({ team: null, profession: null, setting: null, end: END, ...over });

async function dataset() {
  const f = await twoTeams();
  const { workerA, workerB } = f.workers;
  const pdpA = await one(db.insert(pdps).values({ workerId: workerA.id, periodStart: "2026-01-01", periodEnd: "2027-01-01", status: "active" }).returning());
  const goalA = await one(db.insert(pdpGoals).values({ pdpId: pdpA.id, title: "Level 3", proposedBy: "worker" }).returning());
  const convB = await one(db.insert(careerConversations).values({ workerId: workerB.id, heldOn: "2026-05-01", aspiration: "stay_and_grow", apprenticeshipInterest: "maybe" }).returning());
  await db.insert(barriers)
    .values([
      { workerId: workerA.id, goalId: goalA.id, category: "time_constraints", detail: "Private: short-staffed", recordedOn: "2026-02-01" },
      { workerId: workerA.id, goalId: goalA.id, category: "financial", recordedOn: "2026-11-22" }, // the last day
      { workerId: workerA.id, goalId: goalA.id, category: "financial", recordedOn: "2025-11-22" }, // a day before the period
      { workerId: workerB.id, conversationId: convB.id, category: "time_constraints", recordedOn: "2026-05-01" },
    ]);
  // Declined for funding in the period (counted as financial); declined a year earlier (only in the trend); pending.
  await db.insert(trainingRequests)
    .values([
      { workerId: workerB.id, title: "Course", status: "declined", declineReason: "funding", decidedAt: new Date("2026-10-01T10:00:00Z") },
      { workerId: workerB.id, title: "Old course", status: "declined", declineReason: "time_or_cover", decidedAt: new Date("2025-10-01T10:00:00Z") },
      { workerId: workerA.id, title: "Pending", status: "pending" },
    ]);
  // Enablers: learning needs at a completed appraisal (one with none recorded does not count), formal and informal CPD,
  // a bespoke statement self-assessed in the period (a standard statement does not count).
  await db.insert(appraisals)
    .values([
      { workerId: workerA.id, scheduledFor: "2026-03-01", heldOn: "2026-03-01", status: "completed", trainingNeeds: "Manual handling refresher" },
      { workerId: workerB.id, scheduledFor: "2026-03-01", heldOn: "2026-03-01", status: "completed", trainingNeeds: " " },
    ]);
  await db.insert(cpdActivities)
    .values([
      { workerId: workerA.id, activityOn: "2026-04-01", title: "Course", type: "course", learning: "formal", hours: 6 },
      { workerId: workerB.id, activityOn: "2026-04-02", title: "Course", type: "course", learning: "formal", hours: 3.5 },
      { workerId: workerB.id, activityOn: "2026-04-03", title: "Shadow", type: "shadowing", learning: "informal", hours: 2 },
      { workerId: workerB.id, activityOn: "2025-11-01", title: "Old", type: "reading", learning: "informal", hours: 1 },
    ]);
  const fw = await one(db.insert(frameworks).values({ key: "local-wf", name: "Local" }).returning());
  const version = await one(db.insert(frameworkVersions).values({ frameworkId: fw.id, version: 1, status: "published" }).returning());
  const domain = await one(db.insert(frameworkDomains).values({ versionId: version.id, number: 1, title: "Domain" }).returning());
  const statement = async (bespoke: boolean, n: string) =>
    await one(db.insert(competencyStatements).values({ versionId: version.id, domainId: domain.id, stage: "entry", number: n, lineageKey: n, text: "Can", bespoke }).returning());
  const local = await statement(true, "9.1");
  const standard = await statement(false, "1.1");
  await db.insert(competencyAssessments)
    .values([
      { workerId: workerA.id, statementId: local.id, status: "self_assessed", selfAssessedAt: new Date("2026-06-01T09:00:00Z") },
      { workerId: workerA.id, statementId: standard.id, status: "self_assessed", selfAssessedAt: new Date("2026-06-01T09:00:00Z") },
    ]);
  return f;
}

const table = async (user: ReturnType<typeof asSession>, key: string, f = all()) => barrierTables(await barriersAndEnablers(user, f)).find((t) => t.key === key)!;

describe("barriers", () => {
  it("counts barriers and declined requests in the period by category, source and workers", async () => {
    const d = await dataset();
    const t = await table(asSession(d.users.lead), "barriers-by-category");
    expect(t.rows).toEqual([
      ["Availability of training", 0, 0, 0, 0, 0],
      ["Financial", 1, 0, 1, 2, 2],
      ["Time constraints", 1, 1, 0, 2, 2],
      ["Lack of organisational support or awareness", 0, 0, 0, 0, 0],
      ["Other", 0, 0, 0, 0, 0],
    ]);
    expect(t.totals).toEqual(["Total", 2, 1, 1, 4, 2]);
  });

  it("counts by team and profession, and by quarter over two years", async () => {
    const d = await dataset();
    const lead = asSession(d.users.lead);
    expect((await table(lead, "barriers-by-team")).rows).toEqual([
      ["Team A", 0, 1, 1, 0, 0, 2],
      ["Team B", 0, 1, 1, 0, 0, 2],
    ]);
    expect((await table(lead, "barriers-by-profession")).totals).toEqual(["Total", 0, 2, 2, 0, 0, 4]);
    const trend = (await barriersAndEnablers(lead, all())).trend;
    expect(trend.map((q) => q.end)).toEqual(quartersEnding(END).map((q) => q.end));
    expect(trend[7]).toMatchObject({ start: "2026-08-23", end: "2026-11-22", recorded: 1, declined: 1 });
    // The barrier a day before the period and the request declined a year earlier fall in the fourth quarter back.
    expect(trend[3]).toMatchObject({ start: "2025-08-23", end: "2025-11-22", recorded: 1, declined: 1 });
    expect(trend.reduce((a, q) => a + q.recorded + q.declined, 0)).toBe(6);
  });

  it("keeps to the user's scope: a manager of another team sees none of it", async () => {
    const d = await dataset();
    // Manager A sees team A and lineManagedOnly (no barriers): workerA's two barriers in the period.
    expect((await table(asSession(d.users.managerA), "barriers-by-category")).totals).toEqual(["Total", 2, 0, 0, 2, 1]);
    expect((await table(asSession(d.users.managerB), "barriers-by-category", all({ team: d.teamA.id }))).rows).toEqual([]);
    expect((await table(asSession(d.users.managerB), "barriers-by-team", all({ team: d.teamA.id }))).rows).toEqual([]);
    expect((await table(asSession(d.users.otherLead), "barriers-by-category")).rows).toEqual([]);
    expect((await table(asSession(d.users.lead), "barriers-by-category", all({ team: d.teamB.id }))).totals).toEqual(["Total", 0, 1, 1, 2, 1]);
  });
});

describe("enablers", () => {
  it("counts learning needs assessed, formal and informal learning and bespoke competencies in the period", async () => {
    const d = await dataset();
    expect((await table(asSession(d.users.lead), "enablers")).rows).toEqual([
      ["Learning needs assessed", 1, 1, "–"],
      ["Formal learning", 2, 2, "9.5"],
      ["Informal learning", 1, 1, "2.0"],
      ["Bespoke competencies", 1, 1, "–"],
    ]);
    expect((await table(asSession(d.users.lead), "cpd-by-type")).rows).toEqual([
      ["Course", "Formal", 2, 2, "9.5"],
      ["Shadowing", "Informal", 1, 1, "2.0"],
    ]);
    expect((await table(asSession(d.users.managerB), "enablers", all({ team: d.teamA.id }))).rows.map((r) => r[1])).toEqual([0, 0, 0, 0]);
  });
});

describe("the barriers CSV download", () => {
  it("writes the page's table for the filters, without any barrier's own words, and 404s an unknown table or a worker", async () => {
    const d = await dataset();
    actAs(asSession(d.users.lead));
    const res = await GET(new Request(`http://x/insights/barriers/csv?table=barriers-by-category&team=${d.teamA.id}&end=${END}`));
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="pathways-barriers-by-category-team-a-12-months-to-${END}.csv"`);
    const body = await res.text();
    expect(body).toBe(tableCsv(await table(asSession(d.users.lead), "barriers-by-category", all({ team: d.teamA.id }))).replace(/^\uFEFF/, ""));
    expect(body).not.toContain("short-staffed");
    expect((await GET(new Request("http://x/insights/barriers/csv?table=nope"))).status).toBe(404);
    actAs(asSession(d.users.workerUserA));
    await expect(GET(new Request("http://x/insights/barriers/csv?table=enablers"))).rejects.toThrow(NOT_FOUND);
  });
});

describe("the people behind a barriers figure", () => {
  type User = ReturnType<typeof asSession>;
  /** Each linked figure of the four barrier tables with the length of the list its address opens, for one user. */
  async function everyFigure(user: User, f = all()) {
    const b = await barriersAndEnablers(user, f);
    const out: { key: string; row: number | null; column: number; figure: number; listed: number }[] = [];
    for (const t of barrierTables(b)) {
      const lines: [number | null, (typeof t.rows)[number]][] = [...t.rows.map((r, i) => [i, r] as [number, typeof r]), [null, t.totals ?? []]];
      for (const [row, cells] of lines)
        for (const [column, cell] of cells.entries()) {
          const figure = barrierFigureAt(b, t.key, row, column);
          if (!figure || typeof cell !== "number") continue;
          const href = new URL(`http://x${barrierPeopleHref(f, "2026-12-31", figure)}`);
          const ask = await parseBarrierPeople(user, Object.fromEntries(href.searchParams), "2026-12-31");
          expect(ask, href.search).not.toBeNull();
          out.push({ key: t.key, row, column, figure: cell, listed: (await barrierPeopleList(user, ask!, null)).total });
        }
    }
    return out;
  }

  it("lists exactly the barriers each count is made of: by category and source, by team, by profession, by quarter", async () => {
    const d = await dataset();
    for (const [who, user] of [["lead", d.users.lead], ["manager A", d.users.managerA], ["manager B", d.users.managerB]] as const) {
      const figures = await everyFigure(asSession(user));
      for (const x of figures) expect(x.listed, `${who}: ${x.key} row ${x.row} column ${x.column}`).toBe(x.figure);
    }
    const lead = await everyFigure(asSession(d.users.lead));
    expect(new Set(lead.map((x) => x.key))).toEqual(new Set(["barriers-by-category", "barriers-by-team", "barriers-by-profession", "barriers-by-quarter"]));
    expect(lead.filter((x) => x.figure > 0).length).toBeGreaterThan(10);
    // The workers column and the two-year total are not one list of barriers.
    const b = await barriersAndEnablers(asSession(d.users.lead), all());
    expect(barrierFigureAt(b, "barriers-by-category", 1, 5)).toBeNull();
    expect(barrierFigureAt(b, "barriers-by-quarter", null, 3)).toBeNull();
    expect(barrierFigureAt(b, "enablers", 0, 1)).toBeNull();
  });

  it("names the worker, their team, where the barrier was met and when, never its own words", async () => {
    const d = await dataset();
    const lead = asSession(d.users.lead);
    const ask = (await parseBarrierPeople(lead, { category: "financial", end: END }, END))!;
    expect(ask.words).toBe("Financial barriers");
    const list = await barrierPeopleList(lead, ask, null);
    expect(list.rows.map((r) => [r.workerId, r.teamName, r.source, r.title, r.declineReason, r.on])).toEqual([
      [d.workers.workerA.id, "Team A", "goal", "Level 3", null, "2026-11-22"],
      [d.workers.workerB.id, "Team B", "declined", "Course", "funding", "2026-10-01"],
    ]);
    const time = await barrierPeopleList(lead, (await parseBarrierPeople(lead, { category: "time_constraints", source: "goal", end: END }, END))!, null);
    expect(time.rows).toHaveLength(1);
    expect(JSON.stringify(time)).not.toContain("short-staffed");
    // A quarter of the trend before the period: the barrier a day early and the request declined a year before.
    const q = await barrierPeopleList(lead, (await parseBarrierPeople(lead, { quarter: "2025-11-22", end: END }, END))!, null);
    expect(q.rows.map((r) => [r.source, r.on])).toEqual([["goal", "2025-11-22"], ["declined", "2025-10-01"]]);
  });

  it("keeps to the viewer's scope: another team's manager and another organisation's lead see nobody of it", async () => {
    const d = await dataset();
    const managerB = asSession(d.users.managerB);
    const listed = async (user: User, search: Record<string, string>) => (await barrierPeopleList(user, (await parseBarrierPeople(user, { end: END, ...search }, END))!, null)).rows.map((r) => r.workerId);
    expect(new Set(await listed(managerB, {}))).toEqual(new Set([d.workers.workerB.id]));
    expect(await listed(managerB, { source: "goal" })).toEqual([]); // workerA's goal barriers
    expect(await parseBarrierPeople(managerB, { team: d.teamA.id, end: END }, END)).toBeNull(); // not one of their teams: 404
    const otherLead = asSession(d.users.otherLead);
    expect(await listed(otherLead, {})).toEqual([]);
    expect(await parseBarrierPeople(otherLead, { team: d.teamA.id, end: END }, END)).toBeNull();
  });

  it("answers 404 for anything the address should not hold; downloads them all, audited", async () => {
    const d = await dataset();
    const lead = asSession(d.users.lead);
    actAs(lead);
    const bad: Record<string, string>[] = [{ category: "nope" }, { source: "nope" }, { quarter: "2026-11-21" }, { quarter: "2020-11-22" }, { team: "nope" }, { detail: "1" }, { end: "2026-13-01" }];
    for (const search of bad) {
      const withEnd: Record<string, string> = { end: END, ...search };
      await expect(BarrierPeoplePage({ searchParams: Promise.resolve(withEnd) }), JSON.stringify(search)).rejects.toThrow(NOT_FOUND);
      expect((await peopleCsvGET(new Request(`http://x/insights/barriers/people/csv?${new URLSearchParams(withEnd)}`))).status, JSON.stringify(search)).toBe(404);
    }
    const before = (await db.select().from(auditEvents)).length;
    const res = await peopleCsvGET(new Request(`http://x/insights/barriers/people/csv?category=financial&team=${d.teamB.id}&end=${END}`));
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="pathways-financial-barriers-people-team-b-12-months-to-${END}.csv"`);
    const body = await res.text();
    expect(body.trim().split(/\r?\n/)).toEqual([
      "Worker,Team,Category,Where,On",
      `${d.workers.workerB.firstName} ${d.workers.workerB.lastName},Team B,Financial,Training request declined: Course (funding),2026-10-01`,
    ]);
    expect((await db.select().from(auditEvents)).slice(before).map((e) => e.action)).toEqual(["insights.download"]);
    actAs(asSession(d.users.workerUserA));
    await expect(BarrierPeoplePage({ searchParams: Promise.resolve({}) })).rejects.toThrow(NOT_FOUND);
    await expect(peopleCsvGET(new Request("http://x/insights/barriers/people/csv"))).rejects.toThrow(NOT_FOUND);
  });
});
