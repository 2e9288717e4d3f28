// The workforce register: the list's access rule and filters, creating and changing workers, position history, leavers.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import { workers, workerPositions, users, auditEvents, bands, professions, apprenticeships, apprenticeshipStandards } from "@/db/schema";
import { listWorkers, allWorkersMatching } from "@/db/queries/workers";
import { createWorker, updateWorker, recordLeaving } from "@/db/queries/worker-changes";
import { parseWorkerFilters, filtersToQuery } from "@/lib/worker-filters";
import { workerFields } from "@/lib/forms/worker";
import { twoTeams, asSession, makeWorker } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";
const filters = (q: Record<string, string> = {}) => parseWorkerFilters(q);

function fields(f: Awaited<ReturnType<typeof twoTeams>>, over: Record<string, unknown> = {}) {
  return {
    firstName: "Amara",
    lastName: "Okafor",
    employeeNumber: "99000001",
    jobTitle: "Therapy Support Worker",
    professionId: f.ref.profession.id,
    stageId: f.ref.stage.id,
    bandId: f.ref.band.id,
    careSettingId: null,
    teamId: f.teamA.id,
    lineManagerId: null,
    fte: 0.8,
    contractStart: "2026-01-05",
    ...over,
  };
}

describe("the workers list", () => {
  it("shows a manager their workers, a lead everyone, with headcount and FTE of the filtered set", async () => {
    const f = await twoTeams();
    await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, fte: 0.5 });
    const a = await listWorkers(asSession(f.users.managerA), filters());
    expect(a.headcount).toBe(3); // workerA, the half-time worker, and the one they line-manage in team B
    expect(a.fte).toBe(2.5);
    expect((await listWorkers(asSession(f.users.lead), filters())).headcount).toBe(4);
    expect((await listWorkers(asSession(f.users.lead), filters({ team: f.teamB.id }))).headcount).toBe(2);
    // A manager filtering by a team they cannot see gets only what they may see in it.
    expect((await listWorkers(asSession(f.users.managerB), filters({ team: f.teamA.id }))).headcount).toBe(0);
  });

  it("searches by name and employee number, treating % and _ literally", async () => {
    const f = await twoTeams();
    const lead = asSession(f.users.lead);
    const w = f.workers.workerA;
    expect((await listWorkers(lead, filters({ q: w.firstName.toLowerCase() }))).rows.map((r) => r.id)).toEqual([w.id]);
    expect((await listWorkers(lead, filters({ q: `${w.lastName}, ${w.firstName}` }))).rows.map((r) => r.id)).toEqual([w.id]);
    expect((await listWorkers(lead, filters({ q: w.employeeNumber }))).rows.map((r) => r.id)).toEqual([w.id]);
    expect((await listWorkers(lead, filters({ q: "%" }))).headcount).toBe(0);
  });

  it("leaves leavers out by default, and filters on an apprenticeship", async () => {
    const f = await twoTeams();
    const lead = asSession(f.users.lead);
    await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, status: "left" });
    expect((await listWorkers(lead, filters())).headcount).toBe(3);
    expect((await listWorkers(lead, filters({ status: "left" }))).headcount).toBe(1);
    expect((await listWorkers(lead, filters({ status: "all" }))).headcount).toBe(4);
    const standard = await one(db.insert(apprenticeshipStandards).values({ reference: "ST0217", title: "Senior HCSW", level: 3, typicalDurationMonths: 18 }).returning());
    await db.insert(apprenticeships)
      .values({ workerId: f.workers.workerB.id, standardId: standard.id, provider: "College", startDate: "2026-01-05", plannedEndDate: "2027-07-05", status: "on_programme" });
    expect((await listWorkers(lead, filters({ apprentice: "1" }))).rows.map((r) => r.id)).toEqual([f.workers.workerB.id]);
  });

  it("sorts and pages on the server", async () => {
    const f = await twoTeams();
    for (let i = 0; i < 30; i++) await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, fte: 0.5 + (i % 5) / 10 });
    const lead = asSession(f.users.lead);
    const page1 = await listWorkers(lead, filters({ sort: "fte", dir: "desc" }));
    expect(page1.pages).toBe(2);
    expect(page1.rows).toHaveLength(25);
    const ftes = page1.rows.map((r) => r.fte);
    expect(ftes).toEqual([...ftes].sort((a, b) => b - a));
    const page2 = await listWorkers(lead, filters({ sort: "fte", dir: "desc", page: "2" }));
    expect(page2.rows).toHaveLength(8);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(33);
    // A page past the end shows the last page.
    expect((await listWorkers(lead, filters({ page: "99" }))).page).toBe(2);
    expect(await allWorkersMatching(lead, filters())).toHaveLength(33);
  });

  it("pages every sort, either way, exactly as the whole sorted list does (the download's single query)", async () => {
    const f = await twoTeams();
    for (let i = 0; i < 30; i++) await makeWorker(f.org.id, f.ref, { teamId: i % 2 ? f.teamA.id : f.teamB.id, fte: 0.5 + (i % 5) / 10 });
    const lead = asSession(f.users.lead);
    const manager = asSession(f.users.managerA);
    for (const user of [lead, manager]) {
      for (const sort of ["name", "employeeNumber", "jobTitle", "team", "profession", "stage", "band", "fte", "start"]) {
        for (const dir of ["asc", "desc"]) {
          const whole = (await allWorkersMatching(user, filters({ sort, dir }))).map((r) => r.id);
          const paged = [];
          for (let page = 1; page <= Math.ceil(whole.length / 25); page++) paged.push(...(await listWorkers(user, filters({ sort, dir, page: String(page) }))).rows.map((r) => r.id));
          expect(paged, `${user.role} by ${sort} ${dir}`).toEqual(whole);
        }
      }
    }
    // By name, either way, is by last name then first name, both in that direction.
    for (const dir of ["asc", "desc"] as const) {
      const names = (await allWorkersMatching(lead, filters({ sort: "name", dir }))).map((r) => `${r.lastName}\u0000${r.firstName}`.toLowerCase());
      const sorted = [...names].sort();
      expect(names, dir).toEqual(dir === "asc" ? sorted : sorted.reverse());
    }
  });

  it("reads filters from the URL, ignoring nonsense, and writes them back without defaults", () => {
    const f = parseWorkerFilters({ sort: "drop table", dir: "sideways", page: "-3", status: "gone", q: "  ann ", apprentice: "yes" });
    expect(f).toMatchObject({ sort: "name", dir: "asc", page: 1, status: "in_post", q: "ann", apprentice: false });
    expect(filtersToQuery(f)).toBe("?q=ann");
    expect(filtersToQuery(parseWorkerFilters({ team: "t1", sort: "fte", dir: "desc", page: "2" }))).toBe("?team=t1&sort=fte&dir=desc&page=2");
  });
});

describe("validating a worker", () => {
  const schema = workerFields(TODAY);
  const base = { firstName: "A", lastName: "B", employeeNumber: "1", jobTitle: "J", professionId: "p", stageId: "s", teamId: "t", contractStart: "2026-01-01" };
  it.each([
    ["0", "FTE must be more than 0"],
    ["0.004", "FTE must be at least 0.01"],
    ["1.5", "FTE must be 1 or less (1 is full time)"],
    ["abc", "Enter FTE as a number from 0.01 to 1, like 0.8 (1 is full time)"],
    ["", "Enter the FTE"],
  ])("refuses an FTE of %j", (fte, message) => {
    const r = schema.safeParse({ ...base, fte });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === "fte")?.message).toBe(message);
  });
  it("accepts 0,6 as 0.6 and a start date up to a year ahead, not 2099", () => {
    expect(schema.parse({ ...base, fte: "0,6" }).fte).toBe(0.6);
    expect(schema.safeParse({ ...base, fte: "1", contractStart: "2027-11-22" }).success).toBe(true);
    const far = schema.safeParse({ ...base, fte: "1", contractStart: "2099-01-01" });
    expect(far.error?.issues[0]?.message).toBe("Start date cannot be more than a year from now");
  });
  it("refuses empty and overlong names", () => {
    const r = schema.safeParse({ ...base, fte: "1", firstName: "  ", lastName: "x".repeat(81) });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["Enter a first name", "A last name must be 80 characters or fewer"]);
  });
});

describe("creating and changing workers", () => {
  it("lets a manager add a worker to their own team, with an opening position and an audit row", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    const result = await createWorker(manager, fields(f));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const w = (await first(db.select().from(workers).where(eq(workers.id, result.workerId))))!;
    expect(w).toMatchObject({ lineManagerId: manager.id, teamId: f.teamA.id, fte: 0.8 });
    expect(await db.select().from(workerPositions).where(eq(workerPositions.workerId, w.id))).toMatchObject([
      { effectiveFrom: "2026-01-05", effectiveTo: null, reason: "Started" },
    ]);
    expect(await first(db.select().from(auditEvents).where(eq(auditEvents.entityId, w.id)))).toMatchObject({ action: "worker.create", actorId: manager.id });
  });

  it("refuses a manager adding to another team, a duplicate employee number, a support worker or lead adding anyone", async () => {
    const f = await twoTeams();
    expect(await createWorker(asSession(f.users.managerA), fields(f, { teamId: f.teamB.id }))).toMatchObject({ ok: false, field: "teamId" });
    expect(await createWorker(asSession(f.users.managerA), fields(f, { employeeNumber: f.workers.workerB.employeeNumber }))).toMatchObject({
      ok: false,
      field: "employeeNumber",
    });
    expect(await createWorker(asSession(f.users.workerUserA), fields(f))).toMatchObject({ ok: false });
    expect(await createWorker(asSession(f.users.lead), fields(f))).toMatchObject({ ok: false });
    expect((await createWorker(asSession(f.users.admin), fields(f, { teamId: f.teamB.id }))).ok).toBe(true);
  });

  it("records a band change as a new position from its effective date, keeping the old one", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    const created = await createWorker(manager, fields(f));
    if (!created.ok) throw new Error(created.message);
    const band4 = await one(db.insert(bands).values({ code: "4x", name: "Band 4" }).returning());

    expect(await updateWorker(manager, created.workerId, { ...fields(f), bandId: band4.id })).toMatchObject({ ok: false, field: "effectiveFrom" });
    expect(await updateWorker(manager, created.workerId, { ...fields(f), bandId: band4.id, effectiveFrom: "2026-01-05" })).toMatchObject({
      ok: false,
      field: "effectiveFrom",
    });
    const ok = await updateWorker(manager, created.workerId, { ...fields(f), bandId: band4.id, effectiveFrom: "2026-09-01", changeReason: "Regraded" });
    expect(ok.ok).toBe(true);
    const history = await db.select().from(workerPositions).where(eq(workerPositions.workerId, created.workerId)).orderBy(workerPositions.effectiveFrom);
    expect(history.map((p) => [p.effectiveFrom, p.effectiveTo, p.bandId, p.reason])).toEqual([
      ["2026-01-05", "2026-09-01", f.ref.band.id, "Started"],
      ["2026-09-01", null, band4.id, "Regraded"],
    ]);
    expect((await first(db.select().from(workers).where(eq(workers.id, created.workerId))))?.bandId).toBe(band4.id);
  });

  it("corrects names and FTE without touching the history", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    const created = await createWorker(manager, fields(f));
    if (!created.ok) throw new Error(created.message);
    expect((await updateWorker(manager, created.workerId, { ...fields(f), lineManagerId: manager.id, firstName: "Amarachi", fte: 0.6 })).ok).toBe(true);
    expect(await db.select().from(workerPositions).where(eq(workerPositions.workerId, created.workerId))).toHaveLength(1);
    const audit = await first(db.select().from(auditEvents).where(eq(auditEvents.action, "worker.update")));
    expect(JSON.parse(audit!.summary)).toEqual({ changed: ["firstName", "fte"] });
  });

  it("keeps a retired profession on a worker who has it, but offers it to no one new", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    const created = await createWorker(manager, fields(f));
    if (!created.ok) throw new Error(created.message);
    await db.update(professions).set({ retiredAt: new Date() }).where(eq(professions.id, f.ref.profession.id));
    expect((await updateWorker(manager, created.workerId, { ...fields(f), lineManagerId: manager.id, fte: 0.7 })).ok).toBe(true);
    expect(await createWorker(manager, fields(f, { employeeNumber: "99000002" }))).toMatchObject({ ok: false, field: "professionId" });
  });

  it("lets no one outside the worker's managers change them", async () => {
    const f = await twoTeams();
    const target = f.workers.workerA;
    const change = { ...fields(f), employeeNumber: target.employeeNumber, firstName: "Changed" };
    for (const who of [f.users.managerB, f.users.workerUserA, f.users.lead, f.users.otherLead]) {
      expect(await updateWorker(asSession(who), target.id, change)).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
      expect(await recordLeaving(asSession(who), target.id, { leftOn: "2026-10-01", reason: "x" })).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    }
    expect((await first(db.select().from(workers).where(eq(workers.id, target.id))))?.firstName).toBe(target.firstName);
  });

  it("records a leaver: end date, reason, closed position, disabled login; then refuses changes", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    const w = f.workers.workerA;
    expect(await recordLeaving(manager, w.id, { leftOn: "2020-01-01", reason: "Retired" })).toMatchObject({ ok: false, field: "leftOn" });
    expect((await recordLeaving(manager, w.id, { leftOn: "2026-10-31", reason: "Retired" })).ok).toBe(true);
    expect(await first(db.select().from(workers).where(eq(workers.id, w.id)))).toMatchObject({ status: "left", contractEnd: "2026-10-31", leavingReason: "Retired" });
    expect((await first(db.select().from(workerPositions).where(eq(workerPositions.workerId, w.id))))?.effectiveTo).toBe("2026-10-31");
    expect(await first(db.select().from(users).where(eq(users.id, f.users.workerUserA.id)))).toMatchObject({ status: "disabled", sessionVersion: 2 });
    expect(await recordLeaving(manager, w.id, { leftOn: "2026-11-01", reason: "Again" })).toMatchObject({ ok: false });
    expect(await updateWorker(manager, w.id, { ...fields(f), employeeNumber: w.employeeNumber })).toMatchObject({ ok: false });
  });
});

describe("the worker actions", () => {
  let f: Awaited<ReturnType<typeof twoTeams>>;
  beforeEach(async () => {
    f = await twoTeams();
  });
  const form = (over: Record<string, string> = {}) =>
    formData({
      firstName: "Kwame",
      lastName: "Asante",
      employeeNumber: "99000077",
      jobTitle: "Physiotherapy Assistant",
      professionId: f.ref.profession.id,
      stageId: f.ref.stage.id,
      bandId: f.ref.band.id,
      teamId: f.teamA.id,
      fte: "1",
      contractStart: "2026-02-02",
      ...over,
    });

  it("addWorkerAction: a manager adds to their team; a support worker and a lead get 404", async () => {
    const { addWorkerAction } = await import("@/app/(app)/workers/actions");
    actAs(asSession(f.users.workerUserA));
    await expect(addWorkerAction({}, form())).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.lead));
    await expect(addWorkerAction({}, form())).rejects.toThrow(NOT_FOUND);
    expect(await first(db.select().from(workers).where(eq(workers.employeeNumber, "99000077")))).toBeUndefined();
    actAs(asSession(f.users.managerA));
    await expect(addWorkerAction({}, form())).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await first(db.select().from(workers).where(eq(workers.employeeNumber, "99000077")))).toBeDefined();
  });

  it("addWorkerAction: bad input comes back with the fields' messages and what was typed", async () => {
    const { addWorkerAction } = await import("@/app/(app)/workers/actions");
    actAs(asSession(f.users.managerA));
    const state = await addWorkerAction({}, form({ fte: "abc", firstName: "", contractStart: "2099-01-01" }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toMatchObject({
      fte: "Enter FTE as a number from 0.01 to 1, like 0.8 (1 is full time)",
      firstName: "Enter a first name",
      contractStart: "Start date cannot be more than a year from now",
    });
    expect(state.values).toMatchObject({ fte: "abc", lastName: "Asante", contractStart: "2099-01-01" });
    const dup = await addWorkerAction({}, form({ employeeNumber: f.workers.workerB.employeeNumber }));
    expect(dup.fieldErrors?.employeeNumber).toMatch(/already in use/);
  });

  it("saveWorkerAction and markLeavingAction: another team's manager gets 404 and nothing changes", async () => {
    const { saveWorkerAction, markLeavingAction } = await import("@/app/(app)/workers/actions");
    actAs(asSession(f.users.managerB));
    await expect(saveWorkerAction(f.workers.workerA.id, {}, form({ employeeNumber: f.workers.workerA.employeeNumber }))).rejects.toThrow(NOT_FOUND);
    await expect(markLeavingAction(f.workers.workerA.id, {}, formData({ leftOn: "2026-10-01", reason: "Moved" }))).rejects.toThrow(NOT_FOUND);
    expect((await first(db.select().from(workers).where(eq(workers.id, f.workers.workerA.id))))?.status).toBe("in_post");
    actAs(asSession(f.users.managerA));
    await expect(markLeavingAction(f.workers.workerA.id, {}, formData({ leftOn: "2026-10-01", reason: "Moved" }))).rejects.toThrow(/NEXT_REDIRECT/);
  });
});
