// CPD and training requests: who may read, add, change and delete (the worker their own, their managers and admins,
// leads read, everyone else "not found"), who decides on requests (the worker's managers and admins) and who may
// withdraw one (the requester's side, while it awaits a decision), decline reasons as barriers, approved training
// recorded as attended once (and again after its entry is deleted), PDP goals checked against the worker, and an
// audit row for every change.
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import { auditEvents, cpdActivities, pdpGoals, pdps, trainingRequests, workers } from "@/db/schema";
import {
  addCpd,
  cpdEntryForEdit,
  decideRequest,
  deleteCpd,
  learningPage,
  trainingRequestView,
  requestToAttend,
  requestTraining,
  trainingRequestsAwaitingDecision,
  updateCpd,
  withdrawRequest,
} from "@/db/queries/cpd";
import type { CpdFields, RequestFields } from "@/lib/forms/cpd";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { asSession, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import {
  addCpdAction,
  decideRequestAction,
  deleteCpdAction,
  requestTrainingAction,
  updateCpdAction,
  withdrawRequestAction,
} from "@/app/(app)/workers/[id]/cpd/actions";
import { withdrawProblem } from "@/lib/rules/cpd";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";
type Fixture = Awaited<ReturnType<typeof twoTeams>>;

function cpd(over: Partial<CpdFields> = {}): CpdFields {
  return {
    activityOn: "2026-11-20",
    title: "Falls prevention e-learning",
    type: "e_learning",
    learning: "formal",
    hours: 1.5,
    reflectionWhat: "Completed the module",
    reflectionSoWhat: "I now check footwear first",
    reflectionNowWhat: "Add a footwear check to my visits",
    pdpGoalId: null,
    trainingRequestId: null,
    ...over,
  };
}

function course(over: Partial<RequestFields> = {}): RequestFields {
  return {
    courseTitle: "Moving and handling trainer",
    provider: "Skills for Health",
    cost: 12000,
    startsOn: "2027-01-10",
    endsOn: "2027-01-11",
    requestGoalId: null,
    why: "To train the team on the ward",
    ...over,
  };
}

async function goalFor(workerId: string, title = "Lead moving and handling on the ward") {
  const pdp = await one(db.insert(pdps).values({ workerId, periodStart: "2026-05-01", periodEnd: "2027-05-01", status: "active" }).returning());
  return await one(db.insert(pdpGoals).values({ pdpId: pdp.id, title, status: "in_progress", proposedBy: "manager", agreedAt: new Date() }).returning());
}

async function requested(f: Fixture, over: Partial<RequestFields> = {}, workerId = f.workers.workerA.id) {
  // Worker A asks for themselves; anyone else's request is made by an admin.
  const result = await requestTraining(asSession(workerId === f.workers.workerA.id ? f.users.workerUserA : f.users.admin), workerId, course(over));
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

const auditFor = async (entityId: string) => await db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(auditEvents.seq);
const requestRow = async (id: string) => (await first(db.select().from(trainingRequests).where(eq(trainingRequests.id, id))))!;
const cpdOf = async (workerId: string) => await db.select().from(cpdActivities).where(eq(cpdActivities.workerId, workerId));

describe("reading the CPD page", () => {
  it("shows CPD newest first with the 12-month totals, and requests awaiting a decision first", async () => {
    const f = await twoTeams();
    const worker = asSession(f.users.workerUserA);
    for (const [activityOn, hours, learning] of [
      ["2025-11-22", 7, "formal"],
      ["2026-09-01", 2.25, "informal"],
      ["2026-11-20", 1.5, "formal"],
      ["2026-10-01", 3, "formal"],
    ] as const) {
      expect((await addCpd(worker, f.workers.workerA.id, cpd({ activityOn, hours, learning, title: `On ${activityOn}` }), TODAY)).ok).toBe(true);
    }
    const decided = await requested(f, { courseTitle: "Decided first" });
    expect((await decideRequest(asSession(f.users.managerA), f.workers.workerA.id, decided, { status: "approved" })).ok).toBe(true);
    const waiting = await requested(f, { courseTitle: "Waiting" });

    const page = (await learningPage(worker, f.workers.workerA.id, TODAY))!;
    expect(page.activities.map((a) => a.activityOn)).toEqual(["2026-11-20", "2026-10-01", "2026-09-01", "2025-11-22"]);
    expect(page.totals).toEqual({ hours: 6.75, formalHours: 4.5, informalHours: 2.25, activities: 3 });
    expect(page.requests.map((r) => r.id)).toEqual([waiting, decided]);
    expect(page).toMatchObject({ ownRecord: true, canAdd: true, canDecide: false });

    expect(await learningPage(asSession(f.users.managerA), f.workers.workerA.id, TODAY)).toMatchObject({ canAdd: true, canDecide: true, ownRecord: false });
    expect(await learningPage(asSession(f.users.admin), f.workers.workerA.id, TODAY)).toMatchObject({ canAdd: true, canDecide: true });
    const lead = (await learningPage(asSession(f.users.lead), f.workers.workerA.id, TODAY))!;
    expect(lead).toMatchObject({ canAdd: false, canDecide: false, goals: [] });
    expect(lead.activities).toHaveLength(4);
  });

  it("is not found for another team's manager, another worker and another organisation", async () => {
    const f = await twoTeams();
    expect(await learningPage(asSession(f.users.managerB), f.workers.workerA.id, TODAY)).toBeUndefined();
    expect(await learningPage(asSession(f.users.workerUserB), f.workers.workerA.id, TODAY)).toBeUndefined();
    expect(await learningPage(asSession(f.users.otherLead), f.workers.workerA.id, TODAY)).toBeUndefined();
    // A manager reads a worker they line-manage in another team.
    expect(await learningPage(asSession(f.users.managerA), f.workers.lineManagedOnly.id, TODAY)).toMatchObject({ canAdd: true });
  });

  it("shows one request on its own page, to be decided only by the worker's manager or an admin while it waits", async () => {
    const f = await twoTeams();
    const waiting = await requested(f, { courseTitle: "Waiting" });
    const decided = await requested(f, { courseTitle: "Decided" });
    expect((await decideRequest(asSession(f.users.managerA), f.workers.workerA.id, decided, { status: "approved" })).ok).toBe(true);
    const view = async (who: typeof f.users.managerA, id: string) => await trainingRequestView(asSession(who), f.workers.workerA.id, id);
    expect(await view(f.users.managerA, waiting)).toMatchObject({ request: { title: "Waiting", status: "pending" }, canDecide: true });
    expect(await view(f.users.admin, waiting)).toMatchObject({ canDecide: true });
    expect(await view(f.users.managerA, decided)).toMatchObject({ request: { title: "Decided", status: "approved" }, canDecide: false });
    expect(await view(f.users.workerUserA, waiting)).toMatchObject({ worker: { isOwn: true }, canDecide: false });
    expect(await view(f.users.lead, waiting)).toMatchObject({ canDecide: false });
    for (const who of [f.users.managerB, f.users.workerUserB, f.users.otherLead]) expect(await view(who, waiting)).toBeUndefined();
    // Another worker's request named under this worker's address is not found.
    const elsewhere = await requested(f, { courseTitle: "Elsewhere" }, f.workers.workerB.id);
    expect(await trainingRequestView(asSession(f.users.admin), f.workers.workerB.id, elsewhere)).toMatchObject({ request: { title: "Elsewhere" } });
    expect(await trainingRequestView(asSession(f.users.admin), f.workers.workerA.id, elsewhere)).toBeUndefined();
  });

  it("offers only the worker's own PDP goals", async () => {
    const f = await twoTeams();
    const mine = await goalFor(f.workers.workerA.id, "Mine");
    await goalFor(f.workers.workerB.id, "Not mine");
    expect((await learningPage(asSession(f.users.workerUserA), f.workers.workerA.id, TODAY))!.goals).toEqual([{ id: mine.id, title: "Mine" }]);
  });
});

describe("adding CPD", () => {
  it("lets the worker, their manager and an admin add, with an audit row", async () => {
    const f = await twoTeams();
    for (const who of [f.users.workerUserA, f.users.managerA, f.users.admin]) {
      const result = await addCpd(asSession(who), f.workers.workerA.id, cpd({ title: `By ${who.name}` }), TODAY);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) continue;
      const [row] = await auditFor(result.id);
      expect(row).toMatchObject({ action: "cpd_activity.create", actorId: who.id, workerId: f.workers.workerA.id });
      expect(JSON.parse(row!.summary)).toMatchObject({ title: `By ${who.name}`, hours: 1.5, learning: "formal" });
    }
    expect((await cpdOf(f.workers.workerA.id)).map((c) => c.createdBy).sort()).toEqual([f.users.workerUserA.id, f.users.managerA.id, f.users.admin.id].sort());
  });

  it("refuses a lead with a message, and gives another team's manager and another worker not found", async () => {
    const f = await twoTeams();
    const lead = await addCpd(asSession(f.users.lead), f.workers.workerA.id, cpd(), TODAY);
    expect(lead).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/) });
    expect(lead).not.toHaveProperty("notFound");
    expect(await addCpd(asSession(f.users.managerB), f.workers.workerA.id, cpd(), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await addCpd(asSession(f.users.workerUserB), f.workers.workerA.id, cpd(), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await addCpd(asSession(f.users.otherLead), f.workers.workerA.id, cpd(), TODAY)).toMatchObject({ ok: false });
    expect(await cpdOf(f.workers.workerA.id)).toHaveLength(0);
  });

  it("refuses a future date, impossible hours, another worker's goal, and a worker who has left", async () => {
    const f = await twoTeams();
    const worker = asSession(f.users.workerUserA);
    expect(await addCpd(worker, f.workers.workerA.id, cpd({ activityOn: "2026-11-23" }), TODAY)).toMatchObject({ ok: false, field: "activityOn" });
    expect(await addCpd(worker, f.workers.workerA.id, cpd({ hours: 25 }), TODAY)).toMatchObject({ ok: false, field: "hours" });
    const theirs = await goalFor(f.workers.workerB.id);
    expect(await addCpd(worker, f.workers.workerA.id, cpd({ pdpGoalId: theirs.id }), TODAY)).toMatchObject({ ok: false, field: "pdpGoalId" });
    const mine = await goalFor(f.workers.workerA.id);
    expect(await addCpd(worker, f.workers.workerA.id, cpd({ pdpGoalId: mine.id }), TODAY)).toMatchObject({ ok: true });
    await db.update(workers).set({ status: "left" }).where(eq(workers.id, f.workers.workerA.id));
    expect(await addCpd(asSession(f.users.managerA), f.workers.workerA.id, cpd(), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect(await cpdOf(f.workers.workerA.id)).toHaveLength(1);
  });
});

describe("training requests", () => {
  it("lets the worker and their manager ask, checks the goal, and audits", async () => {
    const f = await twoTeams();
    const goal = await goalFor(f.workers.workerA.id);
    const byWorker = await requestTraining(asSession(f.users.workerUserA), f.workers.workerA.id, course({ requestGoalId: goal.id }));
    expect(byWorker).toMatchObject({ ok: true });
    const byManager = await requestTraining(asSession(f.users.managerA), f.workers.workerA.id, course({ courseTitle: "Manager asked", cost: null, endsOn: null }));
    expect(byManager).toMatchObject({ ok: true });
    if (!byWorker.ok || !byManager.ok) return;
    expect(await requestRow(byWorker.id)).toMatchObject({ status: "pending", costPence: 12000, pdpGoalId: goal.id, requestedBy: f.users.workerUserA.id });
    expect(await requestRow(byManager.id)).toMatchObject({ costPence: null, endsOn: null, requestedBy: f.users.managerA.id });
    expect(await auditFor(byWorker.id)).toEqual([expect.objectContaining({ action: "training_request.create", actorId: f.users.workerUserA.id })]);

    const theirs = await goalFor(f.workers.workerB.id);
    expect(await requestTraining(asSession(f.users.workerUserA), f.workers.workerA.id, course({ requestGoalId: theirs.id }))).toMatchObject({ ok: false, field: "requestGoalId" });
    expect(await requestTraining(asSession(f.users.workerUserA), f.workers.workerA.id, course({ endsOn: "2027-01-09" }))).toMatchObject({ ok: false, field: "endsOn" });
  });

  it("refuses a lead, and gives another team's manager and another worker not found", async () => {
    const f = await twoTeams();
    expect(await requestTraining(asSession(f.users.lead), f.workers.workerA.id, course())).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/) });
    expect(await requestTraining(asSession(f.users.managerB), f.workers.workerA.id, course())).toMatchObject({ ok: false, code: "not_found" });
    expect(await requestTraining(asSession(f.users.workerUserB), f.workers.workerA.id, course())).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.select().from(trainingRequests).where(eq(trainingRequests.workerId, f.workers.workerA.id))).toHaveLength(0);
  });

  it("is decided by the worker's manager only: approve, or decline with a reason counted as a barrier", async () => {
    const f = await twoTeams();
    const a = await requested(f, { courseTitle: "To approve" });
    const b = await requested(f, { courseTitle: "To decline" });
    const manager = asSession(f.users.managerA);

    expect(await decideRequest(asSession(f.users.lead), f.workers.workerA.id, a, { status: "approved" })).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/) });
    expect(await decideRequest(asSession(f.users.managerB), f.workers.workerA.id, a, { status: "approved" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await decideRequest(asSession(f.users.workerUserA), f.workers.workerA.id, a, { status: "approved" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await decideRequest(asSession(f.users.workerUserB), f.workers.workerA.id, a, { status: "approved" })).toMatchObject({ ok: false, code: "not_found" });
    // The request id must belong to the worker in the address.
    expect(await decideRequest(manager, f.workers.lineManagedOnly.id, a, { status: "approved" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await requestRow(a)).status).toBe("pending");

    expect(await decideRequest(manager, f.workers.workerA.id, a, { status: "approved" })).toMatchObject({ ok: true });
    expect(await requestRow(a)).toMatchObject({ status: "approved", decidedBy: f.users.managerA.id, declineReason: null });
    expect(await decideRequest(manager, f.workers.workerA.id, a, { status: "declined", declineReason: "funding", declineDetail: "" })).toMatchObject({
      ok: false,
      message: "This request has already been decided",
    });

    expect(await decideRequest(manager, f.workers.workerA.id, b, { status: "declined", declineReason: "other", declineDetail: " " })).toMatchObject({ ok: false, field: "declineDetail" });
    expect((await requestRow(b)).status).toBe("pending");
    expect(await decideRequest(manager, f.workers.workerA.id, b, { status: "declined", declineReason: "time_or_cover", declineDetail: "Winter pressures" })).toMatchObject({ ok: true });
    expect(await requestRow(b)).toMatchObject({ status: "declined", declineReason: "time_or_cover", declineDetail: "Winter pressures" });
    expect((await auditFor(b)).map((r) => r.action)).toEqual(["training_request.create", "training_request.declined"]);
    expect(JSON.parse((await auditFor(b))[1]!.summary)).toMatchObject({ declineReason: "time_or_cover", declineDetail: "Winter pressures" });
    expect((await auditFor(a)).map((r) => r.action)).toEqual(["training_request.create", "training_request.approved"]);
  });

  it("once approved and attended becomes one CPD entry, and only once", async () => {
    const f = await twoTeams();
    const goal = await goalFor(f.workers.workerA.id);
    const id = await requested(f, { requestGoalId: goal.id });
    const worker = asSession(f.users.workerUserA);
    const attended = cpd({ title: "Moving and handling trainer", type: "course", hours: 7.5, trainingRequestId: id, pdpGoalId: goal.id });

    expect(await requestToAttend(worker, f.workers.workerA.id, id)).toBeUndefined();
    expect(await addCpd(worker, f.workers.workerA.id, attended, TODAY)).toMatchObject({ ok: false, message: "Only approved training can be recorded as attended" });
    expect((await decideRequest(asSession(f.users.managerA), f.workers.workerA.id, id, { status: "approved" })).ok).toBe(true);
    expect(await requestToAttend(worker, f.workers.workerA.id, id)).toMatchObject({ id, title: "Moving and handling trainer", pdpGoalId: goal.id });
    expect(await requestToAttend(asSession(f.users.managerB), f.workers.workerA.id, id)).toBeUndefined();
    expect(await addCpd(asSession(f.users.managerB), f.workers.workerA.id, attended, TODAY)).toMatchObject({ ok: false, code: "not_found" });

    const first = await addCpd(worker, f.workers.workerA.id, attended, TODAY);
    expect(first).toMatchObject({ ok: true });
    expect((await requestRow(id)).status).toBe("attended");
    expect(await cpdOf(f.workers.workerA.id)).toEqual([expect.objectContaining({ trainingRequestId: id, hours: 7.5, pdpGoalId: goal.id })]);
    expect((await auditFor(id)).map((r) => r.action)).toEqual(["training_request.create", "training_request.approved", "training_request.attended"]);

    expect(await addCpd(asSession(f.users.managerA), f.workers.workerA.id, attended, TODAY)).toMatchObject({ ok: false, message: "This training has already been recorded as attended" });
    expect(await cpdOf(f.workers.workerA.id)).toHaveLength(1);
    expect(await requestToAttend(worker, f.workers.workerA.id, id)).toBeUndefined();

    // Another worker's approved request cannot be attached to this worker's CPD.
    const other = await requested(f, {}, f.workers.workerB.id);
    expect((await decideRequest(asSession(f.users.managerB), f.workers.workerB.id, other, { status: "approved" })).ok).toBe(true);
    expect(await addCpd(asSession(f.users.admin), f.workers.workerA.id, cpd({ trainingRequestId: other }), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect((await requestRow(other)).status).toBe("approved");
  });

  it("lists the requests awaiting a decision for the manager who decides them, oldest first", async () => {
    const f = await twoTeams();
    const first = await requested(f, { courseTitle: "First" });
    const second = await requested(f, { courseTitle: "Second" });
    await db.update(trainingRequests).set({ requestedAt: new Date("2026-11-01T10:00:00Z") }).where(eq(trainingRequests.id, second));
    const decided = await requested(f, { courseTitle: "Decided" });
    await decideRequest(asSession(f.users.managerA), f.workers.workerA.id, decided, { status: "approved" });
    const teamB = await requested(f, { courseTitle: "Team B" }, f.workers.workerB.id);

    const mine = await trainingRequestsAwaitingDecision(asSession(f.users.managerA));
    expect(mine.count).toBe(2);
    expect(mine.requests.map((r) => r.id)).toEqual([second, first]);
    expect(mine.requests[0]).toMatchObject({ workerId: f.workers.workerA.id, workerName: `${f.workers.workerA.firstName} ${f.workers.workerA.lastName}`, title: "Second" });
    expect((await trainingRequestsAwaitingDecision(asSession(f.users.managerB))).requests.map((r) => r.id)).toEqual([teamB]);
    expect(await trainingRequestsAwaitingDecision(asSession(f.users.managerA), 1)).toMatchObject({ count: 2, requests: [expect.objectContaining({ id: second })] });
    expect((await trainingRequestsAwaitingDecision(asSession(f.users.lead))).count).toBe(0);
    expect((await trainingRequestsAwaitingDecision(asSession(f.users.workerUserA))).count).toBe(0);
    await db.update(workers).set({ status: "left" }).where(eq(workers.id, f.workers.workerA.id));
    expect((await trainingRequestsAwaitingDecision(asSession(f.users.managerA))).count).toBe(0);
  });
});

describe("the page's actions", () => {
  const today = todayInLondon();
  const cpdForm = (over: Record<string, string> = {}) =>
    formData({
      activityOn: addDays(today, -1),
      title: "Shadowed the dietitian",
      type: "shadowing",
      learning: "informal",
      hours: "1.5",
      reflectionWhat: "Watched two clinics",
      reflectionSoWhat: "",
      reflectionNowWhat: "",
      pdpGoalId: "",
      ...over,
    });
  const requestForm = (over: Record<string, string> = {}) =>
    formData({ courseTitle: "Dysphagia awareness", provider: "RCSLT", cost: "£85.50", startsOn: addDays(today, 30), endsOn: addDays(today, 30), requestGoalId: "", why: "Ward patients", ...over });

  it("adds CPD for the worker; bad hours, a future date and no type come back with what was typed", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.workerUserA));
    for (const [hours, message] of [
      ["-1", /more than 0/],
      ["30", /24 or fewer/],
      ["lots", /as a number/],
    ] as const) {
      expect(await addCpdAction(f.workers.workerA.id, {}, cpdForm({ hours, title: "Kept text" }))).toMatchObject({
        ok: false,
        fieldErrors: { hours: expect.stringMatching(message) },
        values: { title: "Kept text", hours, reflectionWhat: "Watched two clinics" },
      });
    }
    expect(await addCpdAction(f.workers.workerA.id, {}, cpdForm({ activityOn: addDays(today, 1), type: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { activityOn: "The date of the activity cannot be in the future", type: "Select the type of activity" },
    });
    expect(await cpdOf(f.workers.workerA.id)).toHaveLength(0);
    expect(await addCpdAction(f.workers.workerA.id, {}, cpdForm())).toMatchObject({ ok: true, message: "CPD activity added" });
    expect(await cpdOf(f.workers.workerA.id)).toEqual([expect.objectContaining({ hours: 1.5, learning: "informal", pdpGoalId: null })]);
  });

  it("gives another team's manager and another worker not found, and tells a lead they only read", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.managerB));
    await expect(addCpdAction(f.workers.workerA.id, {}, cpdForm())).rejects.toThrow(NOT_FOUND);
    await expect(requestTrainingAction(f.workers.workerA.id, {}, requestForm())).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.workerUserB));
    await expect(addCpdAction(f.workers.workerA.id, {}, cpdForm())).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.lead));
    expect(await addCpdAction(f.workers.workerA.id, {}, cpdForm())).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/), values: { title: "Shadowed the dietitian" } });
    expect(await cpdOf(f.workers.workerA.id)).toHaveLength(0);
  });

  it("requests training in pounds, stored in pence; a bad cost or an end before the start come back with the text", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.workerUserA));
    expect(await requestTrainingAction(f.workers.workerA.id, {}, requestForm({ cost: "about 80", why: "Kept why" }))).toMatchObject({
      ok: false,
      fieldErrors: { cost: expect.stringMatching(/as a number/) },
      values: { why: "Kept why", cost: "about 80" },
    });
    expect(await requestTrainingAction(f.workers.workerA.id, {}, requestForm({ cost: "-5" }))).toMatchObject({ fieldErrors: { cost: "The cost cannot be negative" } });
    expect(await requestTrainingAction(f.workers.workerA.id, {}, requestForm({ endsOn: addDays(today, 29) }))).toMatchObject({
      fieldErrors: { endsOn: expect.stringMatching(/cannot be before the start date/) },
    });
    expect(await requestTrainingAction(f.workers.workerA.id, {}, requestForm())).toMatchObject({ ok: true, message: "Training requested" });
    const [row] = await db.select().from(trainingRequests).where(eq(trainingRequests.workerId, f.workers.workerA.id));
    expect(row).toMatchObject({ costPence: 8550, title: "Dysphagia awareness", status: "pending" });
  });

  it("decides only with a choice, declines only with a reason (and text for other), approves, and records as attended once", async () => {
    const f = await twoTeams();
    const a = await requested(f, { courseTitle: "Declined one" });
    const b = await requested(f, { courseTitle: "Approved one" });
    const decide = async (requestId: string, fields: Record<string, string>) => await decideRequestAction(f.workers.workerA.id, requestId, {}, formData(fields));
    actAs(asSession(f.users.workerUserA));
    await expect(decide(b, { decision: "approved" })).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.managerB));
    await expect(decide(a, { decision: "declined", declineReason: "funding" })).rejects.toThrow(NOT_FOUND);

    actAs(asSession(f.users.managerA));
    expect(await decide(a, { declineReason: "funding" })).toMatchObject({
      ok: false,
      fieldErrors: { decision: "Select whether to approve or decline the request" },
      values: { declineReason: "funding" },
    });
    expect(await decide(a, { decision: "declined", declineDetail: "Kept" })).toMatchObject({
      ok: false,
      fieldErrors: { declineReason: "Select why the request is declined" },
      values: { decision: "declined", declineDetail: "Kept" },
    });
    expect(await decide(a, { decision: "declined", declineReason: "other", declineDetail: "" })).toMatchObject({
      ok: false,
      fieldErrors: { declineDetail: "Say why the request is declined" },
    });
    expect((await requestRow(a)).status).toBe("pending");
    // Each decision goes back to the request's page, which says what was decided.
    await expect(decide(a, { decision: "declined", declineReason: "funding", declineDetail: "" })).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await requestRow(a)).toMatchObject({ status: "declined", declineReason: "funding", declineDetail: null });
    // A reason left ticked before choosing "approve" is not kept.
    await expect(decide(b, { decision: "approved", declineReason: "funding" })).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await requestRow(b)).toMatchObject({ status: "approved", declineReason: null });
    expect(await decide(b, { decision: "declined", declineReason: "funding" })).toMatchObject({ ok: false, message: "This request has already been decided" });

    actAs(asSession(f.users.workerUserA));
    const attend = cpdForm({ title: "Approved one", type: "course", learning: "formal", hours: "7.5", trainingRequestId: b });
    expect(await addCpdAction(f.workers.workerA.id, {}, attend)).toMatchObject({ ok: true, message: "Training recorded as attended and added to CPD" });
    expect(await addCpdAction(f.workers.workerA.id, {}, attend)).toMatchObject({ ok: false, message: "This training has already been recorded as attended" });
    expect(await db.select().from(cpdActivities).where(and(eq(cpdActivities.workerId, f.workers.workerA.id), eq(cpdActivities.trainingRequestId, b)))).toHaveLength(1);
  });
});

async function added(f: Fixture, over: Partial<CpdFields> = {}, today = TODAY) {
  const result = await addCpd(asSession(f.users.workerUserA), f.workers.workerA.id, cpd(over), today);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

const cpdRow = async (id: string) => await first(db.select().from(cpdActivities).where(eq(cpdActivities.id, id)));

describe("changing and deleting CPD", () => {
  it("lets the worker, their manager and an admin change an entry, audited with before and after; no change, no audit", async () => {
    const f = await twoTeams();
    const id = await added(f);
    const goal = await goalFor(f.workers.workerA.id);
    const worker = asSession(f.users.workerUserA);
    expect(await updateCpd(worker, f.workers.workerA.id, id, cpd({ hours: 2, title: "Falls prevention e-learning, part 2", pdpGoalId: goal.id }), TODAY)).toMatchObject({ ok: true });
    expect(await cpdRow(id)).toMatchObject({ hours: 2, title: "Falls prevention e-learning, part 2", pdpGoalId: goal.id, createdBy: f.users.workerUserA.id });
    const [, update] = await auditFor(id);
    expect(update).toMatchObject({ action: "cpd_activity.update", actorId: f.users.workerUserA.id, workerId: f.workers.workerA.id });
    expect(JSON.parse(update!.summary)).toEqual({
      title: "Falls prevention e-learning",
      changed: ["title", "hours", "pdpGoalId"],
      from: { title: "Falls prevention e-learning", hours: 1.5, pdpGoalId: null },
      to: { title: "Falls prevention e-learning, part 2", hours: 2, pdpGoalId: goal.id },
    });
    for (const who of [f.users.managerA, f.users.admin]) {
      expect(await updateCpd(asSession(who), f.workers.workerA.id, id, cpd({ learning: who === f.users.admin ? "formal" : "informal", hours: 2, title: "Falls prevention e-learning, part 2", pdpGoalId: goal.id }), TODAY)).toMatchObject({ ok: true });
    }
    expect((await auditFor(id)).map((r) => [r.action, r.actorId])).toEqual([
      ["cpd_activity.create", f.users.workerUserA.id],
      ["cpd_activity.update", f.users.workerUserA.id],
      ["cpd_activity.update", f.users.managerA.id],
      ["cpd_activity.update", f.users.admin.id],
    ]);
    // Saving what is already there writes nothing.
    expect(await updateCpd(worker, f.workers.workerA.id, id, cpd({ hours: 2, title: "Falls prevention e-learning, part 2", pdpGoalId: goal.id }), TODAY)).toMatchObject({ ok: true });
    expect(await auditFor(id)).toHaveLength(4);

    const page = (await cpdEntryForEdit(worker, f.workers.workerA.id, id))!;
    expect(page).toMatchObject({ canChange: true, refusal: undefined, entry: { id, hours: 2 }, goals: [{ id: goal.id }] });
  });

  it("refuses a lead with a message, and gives another team's manager and another worker not found", async () => {
    const f = await twoTeams();
    const id = await added(f);
    for (const change of [async () => await updateCpd(asSession(f.users.lead), f.workers.workerA.id, id, cpd({ hours: 3 }), TODAY), async () => await deleteCpd(asSession(f.users.lead), f.workers.workerA.id, id)]) {
      const result = await change();
      expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^Leads read/) });
      expect(result).not.toHaveProperty("notFound");
    }
    // A lead of another organisation is refused as a lead; they learn nothing of the record either way.
    expect(await updateCpd(asSession(f.users.otherLead), f.workers.workerA.id, id, cpd({ hours: 3 }), TODAY)).toMatchObject({ ok: false });
    expect(await cpdEntryForEdit(asSession(f.users.otherLead), f.workers.workerA.id, id)).toBeUndefined();
    for (const who of [f.users.managerB, f.users.workerUserB]) {
      expect(await updateCpd(asSession(who), f.workers.workerA.id, id, cpd({ hours: 3 }), TODAY)).toMatchObject({ ok: false, code: "not_found" });
      expect(await deleteCpd(asSession(who), f.workers.workerA.id, id)).toMatchObject({ ok: false, code: "not_found" });
      expect(await cpdEntryForEdit(asSession(who), f.workers.workerA.id, id)).toBeUndefined();
    }
    // The entry must belong to the worker in the address, even for a manager of both.
    const theirs = await addCpd(asSession(f.users.managerA), f.workers.lineManagedOnly.id, cpd(), TODAY);
    if (!theirs.ok) throw new Error(theirs.message);
    expect(await updateCpd(asSession(f.users.managerA), f.workers.workerA.id, theirs.id, cpd({ hours: 3 }), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteCpd(asSession(f.users.managerA), f.workers.workerA.id, theirs.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await cpdEntryForEdit(asSession(f.users.managerA), f.workers.workerA.id, theirs.id)).toBeUndefined();

    expect(await cpdEntryForEdit(asSession(f.users.lead), f.workers.workerA.id, id)).toMatchObject({ canChange: false, refusal: expect.stringMatching(/^Leads read/), goals: [] });
    expect(await cpdRow(id)).toMatchObject({ hours: 1.5 });
    expect(await cpdRow(theirs.id)).toBeDefined();
    expect((await auditFor(id)).map((r) => r.action)).toEqual(["cpd_activity.create"]);
  });

  it("checks a change like an entry: a future date, impossible hours, another worker's goal; a leaver's entries stay as they are", async () => {
    const f = await twoTeams();
    const id = await added(f);
    const worker = asSession(f.users.workerUserA);
    expect(await updateCpd(worker, f.workers.workerA.id, id, cpd({ activityOn: "2026-11-23" }), TODAY)).toMatchObject({ ok: false, field: "activityOn" });
    expect(await updateCpd(worker, f.workers.workerA.id, id, cpd({ hours: 25 }), TODAY)).toMatchObject({ ok: false, field: "hours" });
    expect(await updateCpd(worker, f.workers.workerA.id, id, cpd({ pdpGoalId: (await goalFor(f.workers.workerB.id)).id }), TODAY)).toMatchObject({ ok: false, field: "pdpGoalId" });
    await db.update(workers).set({ status: "left" }).where(eq(workers.id, f.workers.workerA.id));
    const manager = asSession(f.users.managerA);
    expect(await updateCpd(manager, f.workers.workerA.id, id, cpd({ hours: 3 }), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect(await deleteCpd(manager, f.workers.workerA.id, id)).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect(await cpdEntryForEdit(manager, f.workers.workerA.id, id)).toMatchObject({ canChange: false, refusal: expect.stringMatching(/has left/) });
    expect(await cpdRow(id)).toMatchObject({ hours: 1.5 });
    expect(await auditFor(id)).toHaveLength(1);
  });

  it("deletes an entry, keeping in the audit trail everything it said", async () => {
    const f = await twoTeams();
    const id = await added(f, { reflectionSoWhat: "Footwear matters" });
    expect(await deleteCpd(asSession(f.users.managerA), f.workers.workerA.id, id)).toMatchObject({ ok: true, id });
    expect(await cpdRow(id)).toBeUndefined();
    const [, deleted] = await auditFor(id);
    expect(deleted).toMatchObject({ action: "cpd_activity.delete", actorId: f.users.managerA.id, workerId: f.workers.workerA.id });
    expect(JSON.parse(deleted!.summary)).toEqual({
      activityOn: "2026-11-20",
      title: "Falls prevention e-learning",
      type: "e_learning",
      learning: "formal",
      hours: 1.5,
      reflectionWhat: "Completed the module",
      reflectionSoWhat: "Footwear matters",
      reflectionNowWhat: "Add a footwear check to my visits",
      pdpGoalId: null,
      trainingRequestId: null,
      createdBy: f.users.workerUserA.id,
    });
    expect(await deleteCpd(asSession(f.users.managerA), f.workers.workerA.id, id)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("deleting an entry recorded from a training request puts the request back to approved, so it can be recorded again", async () => {
    const f = await twoTeams();
    const requestId = await requested(f);
    await decideRequest(asSession(f.users.managerA), f.workers.workerA.id, requestId, { status: "approved" });
    const worker = asSession(f.users.workerUserA);
    const attended = cpd({ title: "Moving and handling trainer", type: "course", hours: 7, trainingRequestId: requestId });
    const first = await addCpd(worker, f.workers.workerA.id, attended, TODAY);
    if (!first.ok) throw new Error(first.message);

    // Changing it keeps the link, whatever the form sends.
    expect(await updateCpd(worker, f.workers.workerA.id, first.id, { ...attended, hours: 7.5, trainingRequestId: null } as CpdFields, TODAY)).toMatchObject({ ok: true });
    expect(await cpdRow(first.id)).toMatchObject({ hours: 7.5, trainingRequestId: requestId });
    expect(await cpdEntryForEdit(worker, f.workers.workerA.id, first.id)).toMatchObject({ requestTitle: "Moving and handling trainer" });

    expect(await deleteCpd(worker, f.workers.workerA.id, first.id)).toMatchObject({ ok: true });
    expect((await requestRow(requestId)).status).toBe("approved");
    expect((await auditFor(requestId)).map((r) => r.action)).toEqual([
      "training_request.create",
      "training_request.approved",
      "training_request.attended",
      "training_request.attendance_removed",
    ]);
    expect(JSON.parse((await auditFor(requestId))[3]!.summary)).toEqual({ title: "Moving and handling trainer", cpdActivityId: first.id, from: "attended", to: "approved" });
    expect(await requestToAttend(worker, f.workers.workerA.id, requestId)).toMatchObject({ id: requestId });
    expect(await addCpd(worker, f.workers.workerA.id, attended, TODAY)).toMatchObject({ ok: true });
    expect((await requestRow(requestId)).status).toBe("attended");
    expect(await cpdOf(f.workers.workerA.id)).toHaveLength(1);
  });
});

describe("withdrawing a training request", () => {
  it("the worker, their manager or an admin withdraws a request awaiting a decision; it stays listed, no longer waiting", async () => {
    const f = await twoTeams();
    const mine = await requested(f, { courseTitle: "Mine" });
    const managers = await requested(f, { courseTitle: "Manager's" });
    const admins = await requested(f, { courseTitle: "Admin's" });
    expect((await trainingRequestsAwaitingDecision(asSession(f.users.managerA))).count).toBe(3);

    expect(await withdrawRequest(asSession(f.users.workerUserA), f.workers.workerA.id, mine)).toMatchObject({ ok: true, id: mine });
    expect(await withdrawRequest(asSession(f.users.managerA), f.workers.workerA.id, managers)).toMatchObject({ ok: true });
    expect(await withdrawRequest(asSession(f.users.admin), f.workers.workerA.id, admins)).toMatchObject({ ok: true });
    expect(await requestRow(mine)).toMatchObject({ status: "withdrawn", decidedBy: null, decidedAt: null, declineReason: null });
    expect((await auditFor(mine)).map((r) => [r.action, r.actorId])).toEqual([
      ["training_request.create", f.users.workerUserA.id],
      ["training_request.withdrawn", f.users.workerUserA.id],
    ]);
    expect(JSON.parse((await auditFor(mine))[1]!.summary)).toEqual({ title: "Mine" });
    expect((await auditFor(managers)).at(-1)).toMatchObject({ action: "training_request.withdrawn", actorId: f.users.managerA.id });

    expect((await learningPage(asSession(f.users.workerUserA), f.workers.workerA.id, TODAY))!.requests.map((r) => [r.title, r.status])).toEqual(
      expect.arrayContaining([
        ["Mine", "withdrawn"],
        ["Manager's", "withdrawn"],
        ["Admin's", "withdrawn"],
      ]),
    );
    expect((await trainingRequestsAwaitingDecision(asSession(f.users.managerA))).count).toBe(0);
    // A withdrawn request cannot then be decided.
    expect(await decideRequest(asSession(f.users.managerA), f.workers.workerA.id, mine, { status: "approved" })).toMatchObject({ ok: false, message: "This request has already been decided" });
  });

  it("refuses once decided, with a clear message", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    const worker = asSession(f.users.workerUserA);
    const approved = await requested(f);
    await decideRequest(manager, f.workers.workerA.id, approved, { status: "approved" });
    const declined = await requested(f);
    await decideRequest(manager, f.workers.workerA.id, declined, { status: "declined", declineReason: "funding", declineDetail: "" });
    const attended = await requested(f);
    await decideRequest(manager, f.workers.workerA.id, attended, { status: "approved" });
    await addCpd(worker, f.workers.workerA.id, cpd({ trainingRequestId: attended }), TODAY);
    const withdrawn = await requested(f);
    await withdrawRequest(worker, f.workers.workerA.id, withdrawn);

    expect(await withdrawRequest(worker, f.workers.workerA.id, approved)).toEqual({ ok: false, code: "conflict", message: "This request has already been approved, so it can no longer be withdrawn" });
    expect(await withdrawRequest(manager, f.workers.workerA.id, declined)).toEqual({ ok: false, code: "conflict", message: "This request has already been declined, so it can no longer be withdrawn" });
    expect(await withdrawRequest(worker, f.workers.workerA.id, attended)).toMatchObject({ ok: false, message: expect.stringMatching(/already been approved/) });
    expect(await withdrawRequest(worker, f.workers.workerA.id, withdrawn)).toEqual({ ok: false, code: "conflict", message: "This request has already been withdrawn" });
    expect(await Promise.all([approved, declined, attended, withdrawn].map(async (id) => (await requestRow(id)).status))).toEqual(["approved", "declined", "attended", "withdrawn"]);
    expect(withdrawProblem("pending")).toBeUndefined();
  });

  it("refuses a lead with a message, gives another team's manager and another worker not found, and leaves a leaver's requests alone", async () => {
    const f = await twoTeams();
    const id = await requested(f);
    const lead = await withdrawRequest(asSession(f.users.lead), f.workers.workerA.id, id);
    expect(lead).toMatchObject({ ok: false, message: expect.stringMatching(/^Leads read/) });
    expect(lead).not.toHaveProperty("notFound");
    for (const who of [f.users.managerB, f.users.workerUserB]) {
      expect(await withdrawRequest(asSession(who), f.workers.workerA.id, id)).toMatchObject({ ok: false, code: "not_found" });
    }
    // The request must belong to the worker in the address.
    expect(await withdrawRequest(asSession(f.users.managerA), f.workers.lineManagedOnly.id, id)).toMatchObject({ ok: false, code: "not_found" });
    await db.update(workers).set({ status: "left" }).where(eq(workers.id, f.workers.workerA.id));
    expect(await withdrawRequest(asSession(f.users.managerA), f.workers.workerA.id, id)).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect((await requestRow(id)).status).toBe("pending");
    expect(await auditFor(id)).toHaveLength(1);
  });
});

describe("the change, delete and withdraw actions", () => {
  const today = todayInLondon();
  const changeForm = (over: Record<string, string> = {}) =>
    formData({ activityOn: addDays(today, -1), title: "Shadowed the dietitian", type: "shadowing", learning: "informal", hours: "2", reflectionWhat: "Kept reflection", pdpGoalId: "", ...over });

  it("changes an entry and goes back to the CPD page; bad input comes back with what was typed", async () => {
    const f = await twoTeams();
    const id = await added(f, { activityOn: addDays(today, -2) }, today);
    actAs(asSession(f.users.workerUserA));
    expect(await updateCpdAction(f.workers.workerA.id, id, {}, changeForm({ hours: "30" }))).toMatchObject({
      ok: false,
      fieldErrors: { hours: expect.stringMatching(/24 or fewer/) },
      values: { hours: "30", title: "Shadowed the dietitian", reflectionWhat: "Kept reflection" },
    });
    expect(await updateCpdAction(f.workers.workerA.id, id, {}, changeForm({ activityOn: "2026-02-30", type: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { activityOn: expect.stringMatching(/real date/), type: "Select the type of activity" },
    });
    expect(await cpdRow(id)).toMatchObject({ hours: 1.5 });
    await expect(updateCpdAction(f.workers.workerA.id, id, {}, changeForm())).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await cpdRow(id)).toMatchObject({ hours: 2, type: "shadowing", learning: "informal", title: "Shadowed the dietitian" });
  });

  it("deletes only with the box ticked; another team's manager gets 404 and a lead is told they only read", async () => {
    const f = await twoTeams();
    const id = await added(f, { activityOn: addDays(today, -2) }, today);
    actAs(asSession(f.users.managerB));
    await expect(deleteCpdAction(f.workers.workerA.id, id, {}, formData({ confirm: "yes" }))).rejects.toThrow(NOT_FOUND);
    await expect(updateCpdAction(f.workers.workerA.id, id, {}, changeForm())).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.workerUserB));
    await expect(deleteCpdAction(f.workers.workerA.id, id, {}, formData({ confirm: "yes" }))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.lead));
    expect(await deleteCpdAction(f.workers.workerA.id, id, {}, formData({ confirm: "yes" }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Leads read/) });
    expect(await updateCpdAction(f.workers.workerA.id, id, {}, changeForm())).toMatchObject({ ok: false, message: expect.stringMatching(/^Leads read/), values: { reflectionWhat: "Kept reflection" } });

    actAs(asSession(f.users.workerUserA));
    expect(await deleteCpdAction(f.workers.workerA.id, id, {}, formData({}))).toMatchObject({
      ok: false,
      fieldErrors: { confirm: "Tick the box to confirm that this CPD activity is to be deleted" },
    });
    expect(await cpdRow(id)).toBeDefined();
    await expect(deleteCpdAction(f.workers.workerA.id, id, {}, formData({ confirm: "yes" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await cpdRow(id)).toBeUndefined();
  });

  it("withdraws only with the box ticked; another team's manager gets 404", async () => {
    const f = await twoTeams();
    const id = await requested(f);
    actAs(asSession(f.users.managerB));
    await expect(withdrawRequestAction(f.workers.workerA.id, id, {}, formData({ confirm: "yes" }))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.lead));
    expect(await withdrawRequestAction(f.workers.workerA.id, id, {}, formData({ confirm: "yes" }))).toMatchObject({ ok: false, message: expect.stringMatching(/^Leads read/) });
    actAs(asSession(f.users.workerUserA));
    expect(await withdrawRequestAction(f.workers.workerA.id, id, {}, formData({}))).toMatchObject({
      ok: false,
      fieldErrors: { confirm: "Tick the box to confirm that this request is to be withdrawn" },
    });
    expect((await requestRow(id)).status).toBe("pending");
    expect(await withdrawRequestAction(f.workers.workerA.id, id, {}, formData({ confirm: "yes" }))).toEqual({ ok: true, message: "Request withdrawn" });
    expect((await requestRow(id)).status).toBe("withdrawn");
    expect(await withdrawRequestAction(f.workers.workerA.id, id, {}, formData({ confirm: "yes" }))).toMatchObject({ ok: false, message: "This request has already been withdrawn" });
  });
});
