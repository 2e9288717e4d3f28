// A worker's apprenticeship from the employer's side: who may start and run it (the worker's managers and admins;
// the worker logs their own off-the-job hours; leads read; anyone else "not found"), the lifecycle with dated
// transitions, off-the-job hours against the rule, progress reviews, the gateway, the end-point result, the position it
// leads to, and the pipeline. Reference data from the real seed; every change audited.
import { describe, expect, it, vi } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import { apprenticeshipStandards, apprenticeshipStatusChanges, apprenticeships, auditEvents, gatewayRequirements, otjLogs, stages, workerPositions, workers } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import * as page from "@/db/queries/apprenticeships";
import * as changes from "@/db/queries/apprenticeship-changes";
import * as pipeline from "@/db/queries/apprenticeship-pipeline";

/** The apprenticeship queries, read model, changes and pipeline, as one namespace for these tests. */
const q = { ...page, ...changes, ...pipeline };
import type { StartFields } from "@/lib/forms/apprenticeship";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { asSession, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import {
  changeApprenticeshipStatusAction,
  deleteOtjLogAction,
  logOtjAction,
  recordEpaAction,
  recordPositionAction,
  recordReviewAction,
  startApprenticeshipAction,
  tickGatewayAction,
} from "@/app/(app)/workers/[id]/apprenticeship/actions";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";

async function setup() {
  const f = await twoTeams();
  await seedReference(db);
  const hsw = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
  const senior = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0217"))))!;
  const s = {
    managerA: asSession(f.users.managerA),
    managerB: asSession(f.users.managerB),
    lead: asSession(f.users.lead),
    admin: asSession(f.users.admin),
    workerA: asSession(f.users.workerUserA),
    workerB: asSession(f.users.workerUserB),
  };
  return { ...f, hsw, senior, s };
}
type Fixture = Awaited<ReturnType<typeof setup>>;

function start(over: Partial<StartFields> = {}, standardId?: string): StartFields {
  return {
    standardId: standardId ?? "",
    optionId: null,
    provider: "Northbrook and District College",
    startDate: "2026-01-05",
    plannedEndDate: "2027-01-04",
    weeklyHours: 37.5,
    started: "on_programme",
    ...over,
  };
}

/** Worker A on the level 2 standard since 5 January 2026, started by manager A. */
async function started(f: Fixture, over: Partial<StartFields> = {}) {
  const r = await q.startApprenticeship(f.s.managerA, f.workers.workerA.id, start(over, f.hsw.id), TODAY);
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

const audits = async (action: string) => await db.select().from(auditEvents).where(eq(auditEvents.action, action));
const row = async (id: string) => (await first(db.select().from(apprenticeships).where(eq(apprenticeships.id, id))))!;
const history = async (id: string) =>
  await db.select().from(apprenticeshipStatusChanges).where(eq(apprenticeshipStatusChanges.apprenticeshipId, id)).orderBy(apprenticeshipStatusChanges.effectiveOn);
const move = async (f: Fixture, id: string, to: string, effectiveOn: string, reason = "", user = f.s.managerA) =>
  await q.changeApprenticeshipStatus(user, f.workers.workerA.id, id, { to: to as "gateway", effectiveOn, reason, newPlannedEndDate: null }, TODAY);
const log = async (f: Fixture, id: string, activityOn: string, hours: number, user = f.s.workerA) =>
  await q.logOtj(user, f.workers.workerA.id, id, { activityOn, hours, activityType: "Online learning module", note: "" }, TODAY);

async function tickAll(f: Fixture, id: string) {
  for (const g of await db.select().from(gatewayRequirements).where(and(eq(gatewayRequirements.standardId, f.hsw.id), isNull(gatewayRequirements.retiredAt)))) {
    const r = await q.tickGateway(f.s.managerA, f.workers.workerA.id, id, g.id, { completedOn: "2026-11-01", evidence: "Certificate seen" }, TODAY);
    if (!r.ok) throw new Error(r.message);
  }
}

describe("starting an apprenticeship", () => {
  it("lets the worker's manager start one on programme, with its status history and an audit row", async () => {
    const f = await setup();
    const id = await started(f);
    expect(await row(id)).toMatchObject({ status: "on_programme", startDate: "2026-01-05", weeklyHours: 37.5, createdBy: f.users.managerA.id });
    expect((await history(id)).map((h) => [h.fromStatus, h.toStatus, h.effectiveOn])).toEqual([
      [null, "planned", "2026-01-05"],
      ["planned", "on_programme", "2026-01-05"],
    ]);
    expect(await audits("apprenticeship.create")).toHaveLength(1);
    const page = (await q.apprenticeshipPage(f.s.managerA, f.workers.workerA.id, TODAY))!;
    expect(page.canManage).toBe(true);
    expect(page.current?.standardTitle).toBe("Healthcare support worker");
    expect(page.current?.track.required).toMatchObject({ ok: true, hours: 278 });
  });

  it("refuses another team's manager, the worker themselves and a lead (who is told they read)", async () => {
    const f = await setup();
    expect(await q.startApprenticeship(f.s.managerB, f.workers.workerA.id, start({}, f.hsw.id), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await q.startApprenticeship(f.s.workerA, f.workers.workerA.id, start({}, f.hsw.id), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await q.startApprenticeship(f.s.lead, f.workers.workerA.id, start({}, f.hsw.id), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/^Leads read/) });
    expect(await db.select().from(apprenticeships)).toHaveLength(0);
  });

  it("allows one current apprenticeship at a time, and checks the option against the standard", async () => {
    const f = await setup();
    await started(f);
    expect(await q.startApprenticeship(f.s.managerA, f.workers.workerA.id, start({}, f.hsw.id), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/already has a current apprenticeship/) });
    const other = f.workers.lineManagedOnly.id;
    expect(await q.startApprenticeship(f.s.managerA, other, start({}, f.senior.id), TODAY)).toMatchObject({ ok: false, field: "optionId" });
    const seniorOption = (await q.apprenticeshipPage(f.s.admin, other, TODAY))!.choices.find((c) => c.id === f.senior.id)!.options[0]!;
    expect(await q.startApprenticeship(f.s.managerA, other, start({ optionId: seniorOption.id }, f.hsw.id), TODAY)).toMatchObject({ ok: false, field: "optionId" });
    expect(await q.startApprenticeship(f.s.managerA, other, start({ optionId: seniorOption.id }, f.senior.id), TODAY)).toMatchObject({ ok: true });
  });

  it("refuses a start in the future for one that has started, and dates that cannot be right", async () => {
    const f = await setup();
    expect(await q.startApprenticeship(f.s.managerA, f.workers.workerA.id, start({ startDate: "2026-12-01", plannedEndDate: "2027-12-01" }, f.hsw.id), TODAY)).toMatchObject({
      ok: false,
      field: "startDate",
    });
    expect(await q.startApprenticeship(f.s.managerA, f.workers.workerA.id, start({ plannedEndDate: "2026-01-01" }, f.hsw.id), TODAY)).toMatchObject({ ok: false, field: "plannedEndDate" });
    const planned = await q.startApprenticeship(f.s.managerA, f.workers.workerA.id, start({ started: "planned", startDate: "2027-01-04", plannedEndDate: "2028-01-03" }, f.hsw.id), TODAY);
    expect(planned.ok).toBe(true);
  });

  it("through the form: the manager saves; bad input comes back with what was typed; another team's manager gets 404", async () => {
    const f = await setup();
    const today = todayInLondon();
    const form = { standardId: f.hsw.id, provider: "Westmoor College", startDate: addDays(today, -30), plannedEndDate: addDays(today, -40), weeklyHours: "22.5", started: "on_programme" };
    actAs(f.s.managerA);
    const bad = await startApprenticeshipAction(f.workers.workerA.id, {}, formData(form));
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors?.plannedEndDate).toMatch(/after the start date/);
    expect(bad.values).toMatchObject({ provider: "Westmoor College", weeklyHours: "22.5" });
    const hours = await startApprenticeshipAction(f.workers.workerA.id, {}, formData({ ...form, plannedEndDate: addDays(today, 300), weeklyHours: "90" }));
    expect(hours.fieldErrors?.weeklyHours).toMatch(/between 1 and 48/);
    expect(await startApprenticeshipAction(f.workers.workerA.id, {}, formData({ ...form, plannedEndDate: addDays(today, 300) }))).toMatchObject({ ok: true });
    actAs(f.s.managerB);
    await expect(startApprenticeshipAction(f.workers.workerA.id, {}, formData({ ...form, plannedEndDate: addDays(today, 300) }))).rejects.toThrow(NOT_FOUND);
  });
});

describe("the lifecycle", () => {
  it("moves planned → on programme (the actual start becomes the start date) and refuses a skipped step", async () => {
    const f = await setup();
    const id = await started(f, { started: "planned", startDate: "2026-11-30", plannedEndDate: "2027-11-29" });
    expect(await move(f, id, "gateway", "2026-11-20")).toMatchObject({ ok: false, field: "to", message: expect.stringMatching(/cannot move straight to gateway/) });
    expect(await move(f, id, "on_programme", "2026-11-23")).toMatchObject({ ok: false, field: "effectiveOn", message: expect.stringMatching(/future/) });
    expect(await move(f, id, "on_programme", "2026-11-16")).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ status: "on_programme", startDate: "2026-11-16" });
    expect((await audits("apprenticeship.status_change"))[0]!.summary).toContain('"startDate":{"from":"2026-11-30","to":"2026-11-16"}');
  });

  it("needs a reason for a break, re-plans the end on return, and records a withdrawal with its reason and end date", async () => {
    const f = await setup();
    const id = await started(f);
    expect(await move(f, id, "break_in_learning", "2026-03-02")).toMatchObject({ ok: false, field: "reason" });
    expect(await move(f, id, "break_in_learning", "2026-03-02", "Maternity leave")).toMatchObject({ ok: true });
    const back = await q.changeApprenticeshipStatus(f.s.managerA, f.workers.workerA.id, id, { to: "on_programme", effectiveOn: "2026-06-01", reason: "", newPlannedEndDate: "2027-04-05" }, TODAY);
    expect(back.ok).toBe(true);
    expect((await row(id)).plannedEndDate).toBe("2027-04-05");
    expect(await move(f, id, "withdrawn", "2026-05-01", "Moved away")).toMatchObject({ ok: false, field: "effectiveOn" });
    expect(await move(f, id, "withdrawn", "2026-07-01", "Moved away")).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ status: "withdrawn", withdrawnReason: "Moved away", actualEndDate: "2026-07-01" });
    expect(await move(f, id, "on_programme", "2026-07-02")).toMatchObject({ ok: false, message: expect.stringMatching(/can no longer change/) });
    // Withdrawn: a new one may start.
    expect((await q.startApprenticeship(f.s.managerA, f.workers.workerA.id, start({ startDate: "2026-09-07", plannedEndDate: "2027-09-06" }, f.hsw.id), TODAY)).ok).toBe(true);
  });

  it("starts end-point assessment only when every gateway requirement is ticked", async () => {
    const f = await setup();
    const id = await started(f);
    expect(await move(f, id, "gateway", "2026-11-02")).toMatchObject({ ok: true });
    expect(await move(f, id, "end_point_assessment", "2026-11-10")).toMatchObject({ ok: false, message: expect.stringMatching(/Tick every gateway requirement/) });
    await tickAll(f, id);
    expect(await move(f, id, "end_point_assessment", "2026-11-10")).toMatchObject({ ok: true });
  });

  it("refuses status changes to the worker, a lead and another team's manager; through the form too", async () => {
    const f = await setup();
    const id = await started(f);
    expect(await move(f, id, "gateway", "2026-11-02", "", f.s.workerA)).toMatchObject({ code: "not_found" });
    expect(await move(f, id, "gateway", "2026-11-02", "", f.s.managerB)).toMatchObject({ code: "not_found" });
    expect(await move(f, id, "gateway", "2026-11-02", "", f.s.lead)).toMatchObject({ message: expect.stringMatching(/^Leads read/) });
    actAs(f.s.workerA);
    await expect(changeApprenticeshipStatusAction(f.workers.workerA.id, id, {}, formData({ to: "gateway", effectiveOn: "2026-11-02" }))).rejects.toThrow(NOT_FOUND);
    actAs(f.s.managerA);
    const skipped = await changeApprenticeshipStatusAction(f.workers.workerA.id, id, {}, formData({ to: "completed", effectiveOn: "2026-11-02" }));
    expect(skipped.fieldErrors?.to).toBe("Select the new status");
    expect(await changeApprenticeshipStatusAction(f.workers.workerA.id, id, {}, formData({ to: "gateway", effectiveOn: "2026-11-02" }))).toMatchObject({ ok: true });
    expect((await row(id)).status).toBe("gateway");
  });
});

describe("off-the-job hours", () => {
  it("lets the worker log their own and the manager log for them, refusing other workers, other teams and leads", async () => {
    const f = await setup();
    const id = await started(f);
    expect(await log(f, id, "2026-02-02", 6)).toMatchObject({ ok: true });
    expect(await log(f, id, "2026-02-03", 6, f.s.managerA)).toMatchObject({ ok: true });
    expect(await log(f, id, "2026-02-04", 6, f.s.workerB)).toMatchObject({ code: "not_found" });
    expect(await log(f, id, "2026-02-04", 6, f.s.managerB)).toMatchObject({ code: "not_found" });
    expect(await log(f, id, "2026-02-04", 6, f.s.lead)).toMatchObject({ message: expect.stringMatching(/^Leads read/) });
    expect(await db.select().from(otjLogs)).toHaveLength(2);
    expect(await audits("otj_log.create")).toHaveLength(2);
    expect((await q.apprenticeshipPage(f.s.workerA, f.workers.workerA.id, TODAY))!.current?.track.logged).toBe(12);
  });

  it("refuses more than 12 hours in a day, hours before the start, and hours on a planned apprenticeship", async () => {
    const f = await setup();
    const id = await started(f);
    expect(await log(f, id, "2026-02-02", 8)).toMatchObject({ ok: true });
    expect(await log(f, id, "2026-02-02", 5)).toMatchObject({ ok: false, field: "hours", message: expect.stringMatching(/8 hours are already logged/) });
    expect(await log(f, id, "2026-01-04", 2)).toMatchObject({ ok: false, field: "activityOn" });
    const other = await q.startApprenticeship(f.s.managerA, f.workers.lineManagedOnly.id, start({ started: "planned", startDate: "2027-01-04", plannedEndDate: "2028-01-03" }, f.hsw.id), TODAY);
    if (!other.ok) throw new Error(other.message);
    expect(await q.logOtj(f.s.managerA, f.workers.lineManagedOnly.id, other.id, { activityOn: "2026-11-20", hours: 2, activityType: "Simulation", note: "" }, TODAY)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/once the apprenticeship has started/),
    });
  });

  it("through the form: 30 hours in one day is refused with the input kept; the worker removes only their own entries", async () => {
    const f = await setup();
    const id = await started(f);
    const today = todayInLondon();
    actAs(f.s.workerA);
    const absurd = await logOtjAction(f.workers.workerA.id, id, {}, formData({ activityOn: addDays(today, -1), hours: "30", activityType: "Simulation", note: "Skills lab" }));
    expect(absurd.ok).toBe(false);
    expect(absurd.fieldErrors?.hours).toMatch(/24 or fewer/);
    expect(absurd.values?.note).toBe("Skills lab");
    expect(await logOtjAction(f.workers.workerA.id, id, {}, formData({ activityOn: addDays(today, -1), hours: "3.5", activityType: "Simulation" }))).toMatchObject({ ok: true });
    const mine = (await first(db.select().from(otjLogs)))!;
    expect((await log(f, id, "2026-02-03", 2, f.s.managerA)).ok).toBe(true);
    const managers = (await first(db.select().from(otjLogs).where(eq(otjLogs.loggedBy, f.users.managerA.id))))!;
    await expect(deleteOtjLogAction(f.workers.workerA.id, managers.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(await deleteOtjLogAction(f.workers.workerA.id, mine.id, {}, formData({}))).toMatchObject({ ok: true });
    actAs(f.s.workerB);
    await expect(logOtjAction(f.workers.workerA.id, id, {}, formData({ activityOn: addDays(today, -1), hours: "2", activityType: "Simulation" }))).rejects.toThrow(NOT_FOUND);
    expect((await db.select().from(otjLogs)).map((l) => l.id)).toEqual([managers.id]);
    expect(await audits("otj_log.delete")).toHaveLength(1);
  });
});

describe("progress reviews", () => {
  it("are recorded by the manager, not before the start, and set when the next is due", async () => {
    const f = await setup();
    const id = await started(f);
    const review = { reviewedOn: "2026-03-02", attendees: "Apprentice, manager, tutor", progress: "On track", concerns: "", actions: "", nextReviewOn: "2026-05-04" };
    expect(await q.recordReview(f.s.managerA, f.workers.workerA.id, id, { ...review, reviewedOn: "2026-01-02" }, TODAY)).toMatchObject({ ok: false, field: "reviewedOn", message: expect.stringMatching(/before the apprenticeship began/) });
    expect(await q.recordReview(f.s.workerA, f.workers.workerA.id, id, review, TODAY)).toMatchObject({ code: "not_found" });
    expect(await q.recordReview(f.s.managerB, f.workers.workerA.id, id, review, TODAY)).toMatchObject({ code: "not_found" });
    expect(await q.recordReview(f.s.managerA, f.workers.workerA.id, id, review, TODAY)).toMatchObject({ ok: true });
    const track = (await q.apprenticeshipPage(f.s.lead, f.workers.workerA.id, TODAY))!.current!.track;
    expect(track.review).toMatchObject({ dueOn: "2026-05-04", status: "overdue" });
    expect(track.risks.map((r) => r.kind)).toContain("review_overdue");

    actAs(f.s.managerA);
    const late = await recordReviewAction(f.workers.workerA.id, id, {}, formData({ ...review, reviewedOn: "2026-11-02", nextReviewOn: "2027-03-01" }));
    expect(late.fieldErrors?.nextReviewOn).toMatch(/within 12 weeks/);
    expect(late.values?.attendees).toBe("Apprentice, manager, tutor");
    expect(await recordReviewAction(f.workers.workerA.id, id, {}, formData({ ...review, reviewedOn: "2026-11-02", nextReviewOn: "" }))).toMatchObject({ ok: true });
    expect((await q.apprenticeshipPage(f.s.managerA, f.workers.workerA.id, TODAY))!.current!.track.review?.status).toBe("in_time");
  });
});

describe("gateway, result and the position it leads to", () => {
  async function toEpa(f: Fixture) {
    const id = await started(f);
    expect((await move(f, id, "gateway", "2026-11-02")).ok).toBe(true);
    await tickAll(f, id);
    expect((await move(f, id, "end_point_assessment", "2026-11-10")).ok).toBe(true);
    return id;
  }

  it("ticks the standard's own requirements only, and not for another team's manager", async () => {
    const f = await setup();
    const id = await started(f);
    await move(f, id, "gateway", "2026-11-02");
    const seniorReq = (await first(db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id))))!;
    expect(await q.tickGateway(f.s.managerA, f.workers.workerA.id, id, seniorReq.id, { completedOn: "2026-11-01", evidence: "x" }, TODAY)).toMatchObject({ code: "not_found" });
    const own = (await first(db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.hsw.id))))!;
    expect(await q.tickGateway(f.s.managerB, f.workers.workerA.id, id, own.id, { completedOn: "2026-11-01", evidence: "x" }, TODAY)).toMatchObject({ code: "not_found" });
    actAs(f.s.managerA);
    const noEvidence = await tickGatewayAction(f.workers.workerA.id, id, own.id, {}, formData({ completedOn: "2026-11-01", evidence: "" }));
    expect(noEvidence.fieldErrors?.evidence).toMatch(/evidence/);
    expect(await tickGatewayAction(f.workers.workerA.id, id, own.id, {}, formData({ completedOn: "2026-11-01", evidence: "Certificate seen" }))).toMatchObject({ ok: true });
    const page = (await q.apprenticeshipPage(f.s.managerA, f.workers.workerA.id, TODAY))!.current!;
    expect(page.gateway.find((g) => g.id === own.id)?.check).toMatchObject({ completedOn: "2026-11-01", evidence: "Certificate seen" });
    expect((await q.untickGateway(f.s.managerA, f.workers.workerA.id, id, own.id)).ok).toBe(true);
    expect(await audits("gateway_check.delete")).toHaveLength(1);
  });

  it("keeps a fail in end-point assessment, completes on a pass, and offers the new position until it is recorded", async () => {
    const f = await setup();
    const id = await toEpa(f);
    expect(await q.recordEpaResult(f.s.managerA, f.workers.workerA.id, id, { result: "fail", resultOn: "2026-11-15" }, TODAY)).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ status: "end_point_assessment", epaResult: "fail" });
    expect(await q.recordEpaResult(f.s.lead, f.workers.workerA.id, id, { result: "pass", resultOn: "2026-11-20" }, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/^Leads read/) });
    expect(await q.recordEpaResult(f.s.managerA, f.workers.workerA.id, id, { result: "merit", resultOn: "2026-11-20" }, TODAY)).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ status: "completed", epaResult: "merit", actualEndDate: "2026-11-20" });

    const page = (await q.apprenticeshipPage(f.s.managerA, f.workers.workerA.id, TODAY))!;
    expect(page.current).toBeNull();
    const offer = page.past[0]!.progression!;
    expect(offer).toMatchObject({ recorded: false, completedOn: "2026-11-20", reason: "Completed the Healthcare support worker apprenticeship (level 2), merit" });
    // The test reference data has one level 2 role, the fixture's own support worker stage.
    expect(offer.recorded === false && offer.suggestedStageId).toBe(f.ref.stage.id);

    const senior = await one(db.insert(stages).values({ code: "senior-test", name: "Senior support worker", rank: 2, educationLevel: 3, frameworkStage: "intermediate" }).returning());
    const position = { effectiveFrom: "2026-11-21", stageId: senior.id, bandId: "", jobTitle: "Senior therapy support worker", positionReason: offer.reason ?? "" };
    actAs(f.s.managerB);
    await expect(recordPositionAction(f.workers.workerA.id, id, {}, formData(position))).rejects.toThrow(NOT_FOUND);
    actAs(f.s.managerA);
    const early = await recordPositionAction(f.workers.workerA.id, id, {}, formData({ ...position, effectiveFrom: "2026-11-19" }));
    expect(early.fieldErrors?.effectiveFrom).toMatch(/before the apprenticeship was completed/);
    expect(early.values?.jobTitle).toBe("Senior therapy support worker");
    expect(await q.recordProgressionPosition(f.s.managerA, f.workers.workerA.id, id, { ...position, bandId: null }, TODAY)).toMatchObject({ ok: true });
    expect(await first(db.select().from(workers).where(eq(workers.id, f.workers.workerA.id)))).toMatchObject({ stageId: senior.id, jobTitle: "Senior therapy support worker", bandId: null });
    const positions = await db.select().from(workerPositions).where(eq(workerPositions.workerId, f.workers.workerA.id)).orderBy(workerPositions.effectiveFrom);
    expect(positions.map((p) => [p.effectiveFrom, p.effectiveTo, p.reason])).toEqual([
      ["2022-04-01", "2026-11-21", "Started"],
      ["2026-11-21", null, offer.reason],
    ]);
    expect((await q.apprenticeshipPage(f.s.managerA, f.workers.workerA.id, TODAY))!.past[0]!.progression).toMatchObject({ recorded: true });
  });

  it("through the form: a pass completes; a result before end-point assessment is refused", async () => {
    const f = await setup();
    const id = await started(f);
    actAs(f.s.managerA);
    const early = await recordEpaAction(f.workers.workerA.id, id, {}, formData({ result: "pass", resultOn: "2026-11-01" }));
    expect(early).toMatchObject({ ok: false, message: expect.stringMatching(/once end-point assessment has started/) });
    actAs(f.s.workerA);
    await expect(recordEpaAction(f.workers.workerA.id, id, {}, formData({ result: "pass", resultOn: "2026-11-01" }))).rejects.toThrow(NOT_FOUND);
  });
});

describe("the pipeline", () => {
  it("shows managers their teams' apprentices and leads everyone's, with who is at risk; support workers none", async () => {
    const f = await setup();
    const a = await started(f);
    const b = await q.startApprenticeship(f.s.managerB, f.workers.workerB.id, start({ startDate: "2026-09-07", plannedEndDate: "2027-09-06" }, f.hsw.id), TODAY);
    if (!b.ok) throw new Error(b.message);
    expect((await log(f, a, "2026-02-02", 6)).ok).toBe(true);
    const mine = (await q.apprenticeshipPipeline(f.s.managerA, TODAY))!;
    expect(mine.map((r) => r.id)).toEqual([a]);
    expect(mine[0]!.track.rag).toBe("red");
    expect(mine[0]!.track.risks.map((r) => r.kind).sort()).toEqual(["otj_behind", "review_overdue"]);
    expect((await q.apprenticeshipPipeline(f.s.lead, TODAY))!.map((r) => r.id).sort()).toEqual([a, b.id].sort());
    expect(await q.apprenticeshipPipeline(f.s.workerA, TODAY)).toBeUndefined();
    expect(await q.apprenticeshipPage(f.s.managerB, f.workers.workerA.id, TODAY)).toBeUndefined();
    const asLead = (await q.apprenticeshipPage(f.s.lead, f.workers.workerA.id, TODAY))!;
    expect([asLead.canManage, asLead.canLog]).toEqual([false, false]);
    const asWorker = (await q.apprenticeshipPage(f.s.workerA, f.workers.workerA.id, TODAY))!;
    expect([asWorker.canManage, asWorker.canLog, asWorker.ownRecord]).toEqual([false, true, true]);
  });
});

describe("a worker who leaves", () => {
  it("has their current apprenticeship withdrawn on the leaving date, with the reason, so it leaves the pipeline", async () => {
    const { recordLeaving } = await import("@/db/queries/worker-changes");
    const f = await setup();
    const id = await started(f);
    expect((await recordLeaving(f.s.managerA, f.workers.workerA.id, { leftOn: "2026-10-31", reason: "Relocation" })).ok).toBe(true);
    expect(await row(id)).toMatchObject({ status: "withdrawn", actualEndDate: "2026-10-31", withdrawnReason: "Left the organisation: Relocation" });
    expect((await history(id)).at(-1)).toMatchObject({ fromStatus: "on_programme", toStatus: "withdrawn", effectiveOn: "2026-10-31" });
    const pipeline = (await q.apprenticeshipPipeline(f.s.lead, TODAY))!;
    expect(pipeline.map((r) => [r.id, r.status])).toEqual([[id, "withdrawn"]]);
    expect(pipeline[0]!.track.risks).toEqual([]);
  });
});
