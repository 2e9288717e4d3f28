// Team progression against a hand-built dataset with known answers: a promotion and a move down from the position
// history, an apprenticeship start, completion and withdrawal (a planned one is not a start), a competency signed off
// (a reopened one is not), a leaver, events a day outside the window, every month present with 0; the manager of a
// team sees it, the manager of another team none of it; a lead the whole organisation and not another's; a support
// worker is refused by the page and the CSV route; the CSV is the page's table.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, one } from "@/db/client";
import { apprenticeshipStandards, apprenticeships, competencyAssessments, competencyStatements, stages, workerPositions, workers } from "@/db/schema";
import { progression } from "@/db/queries/progression";
import type { ScorecardFilters } from "@/db/queries/scorecard";
import { seedReference } from "@/db/seed/reference";
import { monthLabel, parseMonths, progressionWindow } from "@/lib/rules/progression";
import { tableCsv } from "@/lib/tables";
import { progressionPickAt, progressionTables, PROGRESSION_TABLE_KEYS } from "@/app/(app)/insights/progression/progression-tables";
import { parseProgressionPeople, progressionPeopleHref, progressionPeopleList } from "@/app/(app)/insights/progression/people/progression-people";
import { GET as peopleCsvGET } from "@/app/(app)/insights/progression/people/csv/route";
import ProgressionPeoplePage from "@/app/(app)/insights/progression/people/page";
import { progressionPeople } from "@/db/queries/progression";
import { auditEvents } from "@/db/schema";
import { auditActionWords } from "@/lib/audit-words";
import { GET as csvGET } from "@/app/(app)/insights/progression/csv/route";
import ProgressionPage from "@/app/(app)/insights/progression/page";
import { asSession, makeWorker, twoTeams } from "./support/factory";
import { actAs, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const END = "2026-11-22"; // 12 months: Dec 2025 to Nov 2026, from 2025-12-01
const all = (over: Partial<ScorecardFilters> = {}): ScorecardFilters => ({ team: null, profession: null, setting: null, end: END, ...over });

async function dataset() {
  await seedReference(db);
  const f = await twoTeams();
  const { workerA, workerB, otherOrgWorker } = f.workers;
  const senior = await one(db.insert(stages).values({ code: "senior-test", name: "Senior support worker", rank: 2 }).returning());
  const position = async (workerId: string, teamId: string, stageId: string, effectiveFrom: string) =>
    await db.insert(workerPositions).values({ workerId, teamId, stageId, effectiveFrom, jobTitle: "Worker", reason: "Change" });
  // workerA (team A): promoted in March, moved back down in June, then a team move at the same stage in July.
  await position(workerA.id, f.teamA.id, senior.id, "2026-03-10");
  await position(workerA.id, f.teamA.id, f.ref.stage.id, "2026-06-05");
  await position(workerA.id, f.teamA.id, f.ref.stage.id, "2026-07-01");
  // workerB (team B): promoted in April; and a promotion a day before the window, not counted.
  await position(workerB.id, f.teamB.id, senior.id, "2026-04-01");
  const early = await makeWorker(f.org.id, f.ref, { teamId: f.teamB.id, contractStart: "2020-01-01" });
  await position(early.id, f.teamB.id, senior.id, "2025-11-30");
  // Another organisation's promotion: nobody here sees it.
  await position(otherOrgWorker.id, otherOrgWorker.teamId, senior.id, "2026-05-01");

  const standard = await one(db.insert(apprenticeshipStandards).values({ reference: "ST9999", title: "Test standard", level: 3, typicalDurationMonths: 18 }).returning());
  const partTime = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, fte: 0.5 });
  const app = (workerId: string, startDate: string, status: (typeof apprenticeships.$inferInsert)["status"], actualEndDate: string | null = null) => ({
    workerId,
    standardId: standard.id,
    provider: "College",
    startDate,
    plannedEndDate: "2028-01-01",
    actualEndDate,
    status,
  });
  await db.insert(apprenticeships)
    .values([
      app(workerA.id, "2026-02-03", "on_programme"), // a start in Feb 2026
      app(workerB.id, "2024-01-05", "completed", "2026-04-15"), // a completion in Apr 2026 (started before the window)
      app(partTime.id, "2025-11-30", "withdrawn", "2026-05-20"), // started a day early; withdrawn in May 2026
      app(early.id, "2026-05-01", "planned"), // planned: not a start
      app(otherOrgWorker.id, "2026-05-01", "on_programme"), // another organisation
    ]);

  const [s1, s2] = await db.select().from(competencyStatements).limit(2);
  await db.insert(competencyAssessments)
    .values([
      { workerId: workerA.id, statementId: s1!.id, status: "signed_off", signedOffOn: "2026-09-14" },
      { workerId: workerA.id, statementId: s2!.id, status: "evidence_added", signedOffOn: null }, // reopened
      { workerId: workerB.id, statementId: s1!.id, status: "signed_off", signedOffOn: "2026-11-23" }, // a day after the end
    ]);

  const leaver = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, status: "left" });
  await db.update(workers).set({ contractEnd: "2026-07-31" }).where(eq(workers.id, leaver.id));
  return { ...f, senior, partTime, leaver };
}

const month = (p: Awaited<ReturnType<typeof progression>>, key: string) => ({
  moves: p.moves.find((m) => m.month === key)!,
  events: p.events.find((m) => m.month === key)!,
});
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("the progression window", () => {
  it("is the 12 or 24 calendar months ending with the period end's month", () => {
    const w = progressionWindow("2026-11-22", 12);
    expect(w.start).toBe("2025-12-01");
    expect(w.months).toHaveLength(12);
    expect(w.months[0]).toBe("2025-12");
    expect(w.months[11]).toBe("2026-11");
    expect(progressionWindow("2026-01-05", 24).months[0]).toBe("2024-02");
    expect(monthLabel("2026-01")).toBe("Jan 2026");
    expect(parseMonths("24")).toBe(24);
    expect(parseMonths("36")).toBe(12);
    expect(parseMonths(undefined)).toBe(12);
  });
});

describe("team progression", () => {
  it("counts each kind of event by month for a lead, with every month present", async () => {
    const f = await dataset();
    const p = await progression(asSession(f.users.lead), all(), 12);
    expect(p.moves.map((m) => m.month)).toEqual(p.window.months);
    expect(month(p, "2026-03").moves).toMatchObject({ up: 1, down: 0 });
    expect(month(p, "2026-04").moves).toMatchObject({ up: 1, down: 0 });
    expect(month(p, "2026-06").moves).toMatchObject({ up: 0, down: 1 });
    expect(month(p, "2026-07").moves).toMatchObject({ up: 0, down: 0, sideways: 1 });
    expect(month(p, "2026-01").moves).toEqual({ month: "2026-01", up: 0, down: 0, sideways: 0 });
    expect(total(p.moves.map((m) => m.up))).toBe(2); // not the one a day early, not the other organisation's
    expect(p.stageMoves).toEqual([
      { fromStage: "Support worker", toStage: "Senior support worker", fromCode: f.ref.stage.code, toCode: "senior-test", direction: "up", count: 2 },
      { fromStage: "Senior support worker", toStage: "Support worker", fromCode: "senior-test", toCode: f.ref.stage.code, direction: "down", count: 1 },
    ]);
    expect(month(p, "2026-02").events.starts).toBe(1);
    expect(total(p.events.map((m) => m.starts))).toBe(1); // not the planned one, not the one a day early
    expect(month(p, "2026-04").events.completions).toBe(1);
    expect(month(p, "2026-05").events.withdrawals).toBe(1);
    expect(month(p, "2026-09").events.signOffs).toBe(1);
    expect(total(p.events.map((m) => m.signOffs))).toBe(1); // not the reopened one, not the day after
    expect(month(p, "2026-07").events.leavers).toBe(1);
    expect(total(p.events.map((m) => m.leavers))).toBe(1);
  });

  it("over 24 months takes in the events before the 12", async () => {
    const f = await dataset();
    const p = await progression(asSession(f.users.lead), all(), 24);
    expect(p.moves).toHaveLength(24);
    expect(month(p, "2025-11").moves.up).toBe(1);
    expect(month(p, "2025-11").events.starts).toBe(1);
  });

  it("shows a manager their own teams only, and the other team's manager none of them", async () => {
    const f = await dataset();
    const a = await progression(asSession(f.users.managerA), all(), 12);
    expect(total(a.moves.map((m) => m.up))).toBe(1); // workerA's, not workerB's
    expect(month(a, "2026-04").moves.up).toBe(0);
    expect(total(a.moves.map((m) => m.down))).toBe(1);
    expect(total(a.events.map((m) => m.withdrawals))).toBe(1);
    expect(total(a.events.map((m) => m.completions))).toBe(0); // workerB's
    expect(total(a.events.map((m) => m.leavers))).toBe(1);
    const b = await progression(asSession(f.users.managerB), all(), 12);
    expect(total(b.moves.map((m) => m.up))).toBe(1); // workerB's only
    expect(total(b.moves.map((m) => m.down))).toBe(0);
    expect(total(b.events.map((m) => m.starts + m.withdrawals + m.signOffs + m.leavers))).toBe(0);
    expect(total(b.events.map((m) => m.completions))).toBe(1);
    const other = await progression(asSession(f.users.otherLead), all(), 12);
    expect(total(other.moves.map((m) => m.up))).toBe(1); // the other organisation's own
    expect(total(other.events.map((m) => m.completions + m.leavers + m.signOffs))).toBe(0);
  });

  it("applies the team filter to the worker's current team", async () => {
    const f = await dataset();
    const p = await progression(asSession(f.users.lead), all({ team: f.teamB.id }), 12);
    expect(total(p.moves.map((m) => m.up))).toBe(1);
    expect(total(p.events.map((m) => m.leavers + m.withdrawals))).toBe(0);
  });

  it("builds tables with totals, and the CSV route writes the same cells", async () => {
    const f = await dataset();
    const lead = asSession(f.users.lead);
    const tables = progressionTables(await progression(lead, all(), 12));
    expect(tables["stage-moves"].rows[0]).toEqual(["Dec 2025", 0, 0, 0]);
    expect(tables["stage-moves"].totals).toEqual(["Total", 2, 1, 1]);
    expect(tables.apprenticeships.totals).toEqual(["Total", 1, 1, 1]);
    actAs(lead);
    const res = await csvGET(new Request(`http://x/insights/progression/csv?table=apprenticeships&end=${END}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("pathways-apprenticeships-12-months-to-2026-11-22.csv");
    expect(await res.text()).toBe(tableCsv(tables.apprenticeships).replace(/^\ufeff/, "")); // text() drops the BOM
    const teamB = await csvGET(new Request(`http://x/insights/progression/csv?table=leavers&months=24&team=${f.teamB.id}&end=${END}`));
    expect(teamB.headers.get("Content-Disposition")).toContain("pathways-leavers-team-b-24-months-to-2026-11-22.csv");
    expect((await csvGET(new Request("http://x/insights/progression/csv?table=nope"))).status).toBe(404);
  });

  it("refuses a support worker, on the page and the download", async () => {
    const f = await dataset();
    actAs(asSession(f.users.workerUserA));
    await expect(ProgressionPage({ searchParams: Promise.resolve({}) })).rejects.toThrow(NOT_FOUND);
    await expect(csvGET(new Request("http://x/insights/progression/csv?table=leavers"))).rejects.toThrow(NOT_FOUND);
  });
});

describe("the people behind a progression figure", () => {
  /** The figures of every table as the page shows them, each with the list its link opens, for one user. */
  async function everyFigure(user: ReturnType<typeof asSession>, filters = all(), months: 12 | 24 = 12) {
    const p = await progression(user, filters, months);
    const tables = progressionTables(p);
    const out: { key: string; row: number | null; column: number; figure: number; listed: number }[] = [];
    for (const key of PROGRESSION_TABLE_KEYS) {
      const t = tables[key];
      const lines: [number | null, (typeof t.rows)[number]][] = [...t.rows.map((r, i) => [i, r] as [number, typeof r]), [null, t.totals ?? []]];
      for (const [row, cells] of lines)
        for (const [column, cell] of cells.entries()) {
          const pick = progressionPickAt(p, key, row, column);
          if (pick && typeof cell === "number") out.push({ key, row, column, figure: cell, listed: (await progressionPeople(user, filters, months, pick, null)).total });
        }
    }
    return out;
  }

  it("lists exactly the events each figure counts, a month's cell and the total, in every table", async () => {
    const f = await dataset();
    for (const [who, user] of [["lead", f.users.lead], ["manager A", f.users.managerA], ["manager B", f.users.managerB]] as const) {
      const figures = await everyFigure(asSession(user));
      expect(figures.length, who).toBeGreaterThan(5 * 12);
      for (const x of figures) expect(x.listed, `${who}: ${x.key} row ${x.row} column ${x.column}`).toBe(x.figure);
    }
    // Over 24 months too, where the early promotion and start come in.
    for (const x of await everyFigure(asSession(f.users.lead), all(), 24)) expect(x.listed, `${x.key} ${x.row} ${x.column}`).toBe(x.figure);
    // Some of them are more than nothing, so the check above checks something.
    expect((await everyFigure(asSession(f.users.lead))).filter((x) => x.figure > 0).length).toBeGreaterThan(10);
  });

  it("names who, their team, what happened and when", async () => {
    const f = await dataset();
    const lead = asSession(f.users.lead);
    const ask = (await parseProgressionPeople(lead, { figure: "up", month: "2026-03", end: END }, END))!;
    const up = await progressionPeopleList(lead, ask, null);
    expect(up.rows).toEqual([
      { workerId: f.workers.workerA.id, name: `${f.workers.workerA.firstName} ${f.workers.workerA.lastName}`, teamName: "Team A", jobTitle: f.workers.workerA.jobTitle, what: "Support worker to Senior support worker", on: "2026-03-10" },
    ]);
    const moves = await progressionPeopleList(lead, (await parseProgressionPeople(lead, { figure: "stage-move", from: f.ref.stage.code, to: "senior-test", end: END }, END))!, null);
    expect(moves.rows.map((r) => [r.teamName, r.on])).toEqual([["Team B", "2026-04-01"], ["Team A", "2026-03-10"]]); // newest first
    const ended = await progressionPeopleList(lead, (await parseProgressionPeople(lead, { figure: "withdrawals", end: END }, END))!, null);
    expect(ended.rows.map((r) => [r.workerId, r.what, r.on])).toEqual([[f.partTime.id, "Withdrew from Test standard (level 3)", "2026-05-20"]]);
    expect((await progressionPeopleList(lead, (await parseProgressionPeople(lead, { figure: "leavers", end: END }, END))!, null)).rows.map((r) => r.workerId)).toEqual([f.leaver.id]);
  });

  it("keeps to the viewer's scope: another team's manager and another organisation's lead see nobody of it", async () => {
    const f = await dataset();
    const ask = async (user: ReturnType<typeof asSession>, search: Record<string, string>) => await parseProgressionPeople(user, { end: END, ...search }, END);
    const listed = async (user: ReturnType<typeof asSession>, search: Record<string, string>) => (await progressionPeopleList(user, (await ask(user, search))!, null)).rows.map((r) => r.workerId);
    const managerB = asSession(f.users.managerB);
    expect(await listed(managerB, { figure: "up" })).toEqual([f.workers.workerB.id]);
    expect(await listed(managerB, { figure: "down" })).toEqual([]); // workerA's, in team A
    expect(await listed(managerB, { figure: "leavers" })).toEqual([]);
    // Team A is not one of manager B's filters: naming it is a 404, not team A's people.
    expect(await ask(managerB, { figure: "up", team: f.teamA.id })).toBeNull();
    const otherLead = asSession(f.users.otherLead);
    expect(await listed(otherLead, { figure: "up" })).toEqual([f.workers.otherOrgWorker.id]); // their own organisation's only
    expect(await listed(otherLead, { figure: "down" })).toEqual([]);
    expect(await listed(otherLead, { figure: "signOffs" })).toEqual([]);
    expect(await ask(otherLead, { figure: "up", team: f.teamA.id })).toBeNull();
  });

  it("answers 404 for anything the address should not hold, on the page and the download", async () => {
    const f = await dataset();
    const lead = asSession(f.users.lead);
    const bad: Record<string, string>[] = [
      {},
      { figure: "nope" },
      { figure: "toString" },
      { figure: "up", month: "2025-11" }, // before the 12 months
      { figure: "up", month: "2026-13" },
      { figure: "up", months: "36" },
      { figure: "up", from: f.ref.stage.code },
      { figure: "stage-move", from: f.ref.stage.code },
      { figure: "stage-move", from: f.ref.stage.code, to: "nope" },
      { figure: "stage-move", from: "senior-test", to: "senior-test" },
      { figure: "up", team: "nope" },
      { figure: "up", end: "2026-02-30" },
      { figure: "up", end: "2999-01-01" },
      { figure: "up", sort: "name" },
    ];
    actAs(lead);
    for (const search of bad) {
      const withEnd = { end: END, ...search };
      expect(await parseProgressionPeople(lead, withEnd, END), JSON.stringify(search)).toBeNull();
      await expect(ProgressionPeoplePage({ searchParams: Promise.resolve(withEnd) }), JSON.stringify(search)).rejects.toThrow(NOT_FOUND);
      const res = await peopleCsvGET(new Request(`http://x/insights/progression/people/csv?${new URLSearchParams(withEnd)}`));
      expect(res.status, JSON.stringify(search)).toBe(404);
    }
    expect(await parseProgressionPeople(lead, { figure: "up", month: "2025-11", months: "24", end: END }, END)).not.toBeNull();
    actAs(asSession(f.users.workerUserA));
    await expect(ProgressionPeoplePage({ searchParams: Promise.resolve({ figure: "up" }) })).rejects.toThrow(NOT_FOUND);
    await expect(peopleCsvGET(new Request("http://x/insights/progression/people/csv?figure=up"))).rejects.toThrow(NOT_FOUND);
  });

  it("downloads every one of them, named for the figure, and the download is audited", async () => {
    const f = await dataset();
    const lead = asSession(f.users.lead);
    actAs(lead);
    const href = progressionPeopleHref(all({ team: f.teamA.id }), "2026-12-31", 12, { figure: "down", month: null });
    expect(href).toBe(`/insights/progression/people?team=${f.teamA.id}&end=${END}&figure=down`);
    const before = (await db.select().from(auditEvents)).length;
    const res = await peopleCsvGET(new Request(`http://x${href.replace("/people", "/people/csv")}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("pathways-moves-down-dec-2025-to-nov-2026-people-team-a-12-months-to-2026-11-22.csv");
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toBe("Worker,Team,Job title,What happened,On");
    expect(lines.slice(1)).toEqual([`${f.workers.workerA.firstName} ${f.workers.workerA.lastName},Team A,${f.workers.workerA.jobTitle},Senior support worker to Support worker,2026-06-05`]);
    const logged = (await db.select().from(auditEvents)).slice(before);
    expect(logged.map((e) => e.action)).toEqual(["insights.download"]);
    expect(auditActionWords(logged[0]!.action, logged[0]!.entityType)).toBe("downloaded an insights table");
    expect(JSON.stringify(logged[0]!.summary)).toContain("pathways-moves-down");
  });
});
