// PDP goals: who may propose, agree, edit, move on and record under a goal; what changes the agreed plan; audit rows.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import {
  auditEvents,
  barriers,
  competencyStatements,
  frameworkDomains,
  frameworks,
  frameworkVersions,
  pdpActions,
  pdpGoalDomains,
  pdpGoalStatements,
  pdpGoalSupport,
  pdpGoals,
  pdpNotes,
  pdps,
  stages,
  workers,
} from "@/db/schema";
import {
  addAction,
  addNote,
  agreeGoal,
  completeAction,
  createGoal,
  goalDetail,
  goalFormOptions,
  recordBarrier,
  setGoalStatus,
  updateGoal,
} from "@/db/queries/pdp-goals";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/queries/assessed-framework";
import { barrierFields, goalFields } from "@/lib/forms/pdp-goal";
import type { GoalFields } from "@/lib/forms/pdp-goal";
import { twoTeams, asSession } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";

async function framework() {
  const fw = await one(db.insert(frameworks).values({ key: DEFAULT_FRAMEWORK_KEY, name: "HEE AHP support worker framework" }).returning());
  const published = await one(db.insert(frameworkVersions).values({ frameworkId: fw.id, version: 1, status: "published" }).returning());
  const draft = await one(db.insert(frameworkVersions).values({ frameworkId: fw.id, version: 2, status: "draft" }).returning());
  const d1 = await one(db.insert(frameworkDomains).values({ versionId: published.id, number: 1, title: "Formal knowledge" }).returning());
  const d2 = await one(db.insert(frameworkDomains).values({ versionId: published.id, number: 2, title: "Communication" }).returning());
  const draftDomain = await one(db.insert(frameworkDomains).values({ versionId: draft.id, number: 1, title: "Draft domain" }).returning());
  const st = async (domainId: string, stage: "entry" | "intermediate", number: string) =>
    await one(db
      .insert(competencyStatements)
      .values({ versionId: published.id, domainId, stage, number, lineageKey: `${number}-${stage}`, text: `Statement ${number} at ${stage}` })
      .returning());
  return { d1, d2, draftDomain, entry1: await st(d1.id, "entry", "1.1"), entry2: await st(d2.id, "entry", "2.1"), intermediate1: await st(d1.id, "intermediate", "1.1") };
}

async function setup() {
  const f = await twoTeams();
  const fw = await framework();
  const s = {
    managerA: asSession(f.users.managerA),
    managerB: asSession(f.users.managerB),
    lead: asSession(f.users.lead),
    admin: asSession(f.users.admin),
    workerA: asSession(f.users.workerUserA),
    workerB: asSession(f.users.workerUserB),
  };
  return { ...f, fw, s, workerId: f.workers.workerA.id };
}

const goal = (fw: Awaited<ReturnType<typeof framework>>, over: Partial<GoalFields> = {}): GoalFields => ({
  title: "Complete the Care Certificate",
  why: "It is the foundation of safe practice",
  successMeasure: "All 15 standards signed off",
  targetDate: "2027-03-31",
  domainIds: [fw.d1.id],
  statementIds: [],
  support: ["protected_time"],
  ...over,
});

/** An active PDP both have agreed (version 1). */
async function agreedPdp(workerId: string, managerId: string) {
  const at = new Date("2026-06-01T10:00:00Z");
  return await one(db
    .insert(pdps)
    .values({
      workerId,
      periodStart: "2026-06-01",
      periodEnd: "2027-05-31",
      status: "active",
      workerAgreedAt: at,
      managerAgreedAt: at,
      managerAgreedBy: managerId,
    })
    .returning());
}

const pdpOf = async (id: string) => (await first(db.select().from(pdps).where(eq(pdps.id, id))))!;
const goalRow = async (id: string) => (await first(db.select().from(pdpGoals).where(eq(pdpGoals.id, id))))!;
const audits = async (entityId: string) => (await db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId))).map((a) => a.action);

function created(result: Awaited<ReturnType<typeof createGoal>>) {
  if (!result.ok) throw new Error(result.message);
  return result.goalId;
}

let t: Awaited<ReturnType<typeof setup>>;
beforeEach(async () => {
  t = await setup();
});

describe("creating goals", () => {
  it("a manager's goal is agreed at once, with domains, statements and support, into a new draft PDP when there is none", async () => {
    const id = created(await createGoal(t.s.managerA, t.workerId, goal(t.fw, { statementIds: [t.fw.entry2.id] }), TODAY));
    const row = await goalRow(id);
    expect(row.agreedAt).not.toBeNull();
    expect(row.proposedBy).toBe("manager");
    expect(await pdpOf(row.pdpId)).toMatchObject({ status: "draft", periodStart: TODAY, workerId: t.workerId });
    // The statement's domain joins the goal's domains.
    expect((await db.select().from(pdpGoalDomains).where(eq(pdpGoalDomains.goalId, id))).map((d) => d.domainId).sort()).toEqual([t.fw.d1.id, t.fw.d2.id].sort());
    expect(await db.select().from(pdpGoalStatements).where(eq(pdpGoalStatements.goalId, id))).toHaveLength(1);
    expect((await db.select().from(pdpGoalSupport).where(eq(pdpGoalSupport.goalId, id))).map((s) => s.kind)).toEqual(["protected_time"]);
    expect(await audits(id)).toEqual(["pdp_goal.created", "pdp_goal.linked"]);
    expect(await audits(row.pdpId)).toEqual(["pdp.created"]);
  });

  it("a worker's own proposal waits for the manager; the manager agrees it and that is a plan change", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = created(await createGoal(t.s.workerA, t.workerId, goal(t.fw), TODAY));
    expect(await goalRow(id)).toMatchObject({ agreedAt: null, proposedBy: "worker", pdpId: pdp.id });
    expect(await pdpOf(pdp.id)).toMatchObject({ version: 2, workerAgreedAt: null, managerAgreedAt: null });
    expect((await goalDetail(t.s.workerA, t.workerId, id))?.agreedAt).toBeNull();
    // Nothing moves on a goal nobody agreed.
    expect(await setGoalStatus(t.s.managerA, t.workerId, id, { status: "in_progress", reason: "" })).toMatchObject({ ok: false, message: "Agree this goal before changing its status" });

    expect(await agreeGoal(t.s.workerA, t.workerId, id)).toMatchObject({ ok: false });
    expect(await agreeGoal(t.s.managerB, t.workerId, id)).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await agreeGoal(t.s.lead, t.workerId, id)).toMatchObject({ ok: false, message: "Leads can read PDPs but not change them" });
    expect(await agreeGoal(t.s.managerA, t.workerId, id)).toMatchObject({ ok: true });
    expect((await goalRow(id)).agreedAt).not.toBeNull();
    expect(await agreeGoal(t.s.managerA, t.workerId, id)).toEqual({ ok: false, code: "conflict", message: "This goal is already agreed" });
    expect(await audits(id)).toContain("pdp_goal.agreed");
  });

  it("refuses a manager of another team, a support worker on someone else's record, and a lead", async () => {
    expect(await createGoal(t.s.managerB, t.workerId, goal(t.fw), TODAY)).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    expect(await createGoal(t.s.workerB, t.workerId, goal(t.fw), TODAY)).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    expect(await createGoal(t.s.lead, t.workerId, goal(t.fw), TODAY)).toMatchObject({ ok: false, message: "Leads can read PDPs but not change them" });
    expect(await db.select().from(pdpGoals)).toHaveLength(0);
  });

  it("refuses domains outside the published framework, statements for another stage, and targets before the PDP starts", async () => {
    expect(await createGoal(t.s.managerA, t.workerId, goal(t.fw, { domainIds: [t.fw.draftDomain.id] }), TODAY)).toMatchObject({ ok: false, field: "domainIds" });
    expect(await createGoal(t.s.managerA, t.workerId, goal(t.fw, { statementIds: [t.fw.intermediate1.id] }), TODAY)).toMatchObject({ ok: false, field: "statementIds" });
    await agreedPdp(t.workerId, t.users.managerA.id);
    expect(await createGoal(t.s.managerA, t.workerId, goal(t.fw, { targetDate: "2026-05-31" }), TODAY)).toMatchObject({
      ok: false,
      field: "targetDate",
      message: "The target date must be on or after 1 June 2026, when this PDP starts",
    });
  });

  it("refuses when the worker's PDPs are all closed", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    await db.update(pdps).set({ status: "closed", closedAt: new Date() }).where(eq(pdps.id, pdp.id));
    expect(await createGoal(t.s.managerA, t.workerId, goal(t.fw), TODAY)).toEqual({ ok: false, code: "read_only", message: "This PDP is closed; start a new one to add goals" });
  });
});

describe("the goal form's schema", () => {
  it("needs a title and a domain, a real target date not before the PDP, support from the list", () => {
    const parsed = goalFields("2026-06-01").safeParse({ title: " ", targetDate: "2026-02-30", domainIds: [], support: ["cake"] });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.title).toBe("Enter what the goal is");
    expect(messages.targetDate).toBe("The target date must be a real date");
    expect(messages.domainIds).toBe("Select at least one framework domain");
    expect(messages["support.0"]).toBe("Select support from the list");
    const early = goalFields("2026-06-01").safeParse({ title: "x", targetDate: "2026-05-01", domainIds: ["d"] });
    expect(early.error?.issues[0]?.message).toBe("The target date must be on or after 1 June 2026, when this PDP starts");
    expect(goalFields("2026-06-01").parse({ title: "x", targetDate: "", domainIds: ["d"] })).toMatchObject({ targetDate: null, statementIds: [], support: [] });
  });

  it("needs detail for an 'other' barrier", () => {
    const parsed = barrierFields.safeParse({ category: "other", detail: "  " });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["detail"], message: "Describe the barrier when you choose Other" });
    expect(barrierFields.safeParse({ category: "financial", detail: "" }).success).toBe(true);
  });
});

describe("editing and status", () => {
  it("a manager's rewording bumps an agreed PDP's version; an unchanged save does not; others are refused", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = await goalIn(pdp.id);
    expect(await updateGoal(t.s.managerA, t.workerId, id, goal(t.fw))).toMatchObject({ ok: true });
    expect((await pdpOf(pdp.id)).version).toBe(1);
    expect(await audits(id)).not.toContain("pdp_goal.updated");

    expect(await updateGoal(t.s.workerA, t.workerId, id, goal(t.fw, { title: "Mine" }))).toEqual({ ok: false, code: "read_only", message: "Only the worker's manager can do this" });
    expect(await updateGoal(t.s.managerB, t.workerId, id, goal(t.fw, { title: "Theirs" }))).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await updateGoal(t.s.lead, t.workerId, id, goal(t.fw, { title: "Lead" }))).toMatchObject({ ok: false });
    expect((await goalRow(id)).title).toBe("Complete the Care Certificate");

    expect(await updateGoal(t.s.admin, t.workerId, id, goal(t.fw, { title: "Complete the Care Certificate by March", support: ["funding", "supervision"] }))).toMatchObject({ ok: true });
    expect((await goalRow(id)).title).toBe("Complete the Care Certificate by March");
    expect(await pdpOf(pdp.id)).toMatchObject({ version: 2, workerAgreedAt: null, managerAgreedAt: null });
    const updated = await first(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "pdp_goal.updated"))));
    expect(JSON.parse(updated!.summary)).toEqual({ changed: ["title", "support"] });
    expect(await audits(pdp.id)).toContain("pdp.new_version");
  });

  it("dropping needs a reason and is a plan change; starting is not; the worker may only start their own goal", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = await goalIn(pdp.id);
    expect(await setGoalStatus(t.s.workerA, t.workerId, id, { status: "achieved", reason: "" })).toMatchObject({ ok: false, field: "status" });
    expect(await setGoalStatus(t.s.workerB, t.workerId, id, { status: "in_progress", reason: "" })).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await setGoalStatus(t.s.workerA, t.workerId, id, { status: "in_progress", reason: "" })).toMatchObject({ ok: true });
    expect((await pdpOf(pdp.id)).version).toBe(1);

    expect(await setGoalStatus(t.s.managerA, t.workerId, id, { status: "dropped", reason: "" })).toMatchObject({ ok: false, field: "reason" });
    expect((await goalRow(id)).status).toBe("in_progress");
    expect(await setGoalStatus(t.s.managerB, t.workerId, id, { status: "dropped", reason: "x" })).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await setGoalStatus(t.s.lead, t.workerId, id, { status: "dropped", reason: "x" })).toMatchObject({ ok: false });
    expect(await setGoalStatus(t.s.managerA, t.workerId, id, { status: "dropped", reason: "Service changed" })).toMatchObject({ ok: true });
    expect(await goalRow(id)).toMatchObject({ status: "dropped", statusReason: "Service changed" });
    expect((await pdpOf(pdp.id)).version).toBe(2);
    const change = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "pdp_goal.status_changed")));
    expect(change.map((c) => JSON.parse(c.summary))).toEqual([
      { from: "not_started", to: "in_progress", reason: null },
      { from: "in_progress", to: "dropped", reason: "Service changed" },
    ]);
  });

  it("everything is refused on a closed PDP", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = await goalIn(pdp.id);
    const action = await one(db.insert(pdpActions).values({ goalId: id, description: "Read", owner: "worker" }).returning());
    await db.update(pdps).set({ status: "closed", closedAt: new Date() }).where(eq(pdps.id, pdp.id));
    const closed = { ok: false, code: "read_only", message: "This PDP is closed; start a new one to add goals" };
    expect(await updateGoal(t.s.managerA, t.workerId, id, goal(t.fw, { title: "New" }))).toEqual(closed);
    expect(await setGoalStatus(t.s.managerA, t.workerId, id, { status: "achieved", reason: "" })).toEqual(closed);
    expect(await addAction(t.s.managerA, t.workerId, id, { description: "x", owner: "worker", dueOn: null })).toEqual(closed);
    expect(await completeAction(t.s.workerA, t.workerId, action.id, true, TODAY)).toEqual(closed);
    expect(await addNote(t.s.workerA, t.workerId, id, { kind: "reflection", body: "x" })).toEqual(closed);
    expect(await recordBarrier(t.s.workerA, t.workerId, id, { category: "financial", detail: "" }, TODAY)).toEqual(closed);
    expect((await goalDetail(t.s.managerA, t.workerId, id))?.actor).toBeNull();
  });
});

/** A goal agreed by the manager in the given PDP. */
async function goalIn(pdpId: string) {
  const g = await one(db
    .insert(pdpGoals)
    .values({ pdpId, title: "Complete the Care Certificate", why: "It is the foundation of safe practice", successMeasure: "All 15 standards signed off", targetDate: "2027-03-31", proposedBy: "manager", agreedAt: new Date() })
    .returning());
  await db.insert(pdpGoalDomains).values({ goalId: g.id, domainId: t.fw.d1.id });
  await db.insert(pdpGoalSupport).values({ goalId: g.id, kind: "protected_time" });
  return g.id;
}

describe("actions, notes and barriers", () => {
  it("the manager adds actions for either side; the worker only their own, on their own goals; none of it changes the plan", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = await goalIn(pdp.id);
    expect(await addAction(t.s.managerA, t.workerId, id, { description: "Book the course", owner: "manager", dueOn: "2026-12-01" })).toMatchObject({ ok: true });
    expect(await addAction(t.s.workerA, t.workerId, id, { description: "Ask my manager", owner: "manager", dueOn: null })).toMatchObject({ ok: false, field: "owner" });
    expect(await addAction(t.s.workerA, t.workerId, id, { description: "Read the handbook", owner: "worker", dueOn: null })).toMatchObject({ ok: true });
    expect(await addAction(t.s.workerB, t.workerId, id, { description: "x", owner: "worker", dueOn: null })).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await addAction(t.s.managerB, t.workerId, id, { description: "x", owner: "worker", dueOn: null })).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await addAction(t.s.lead, t.workerId, id, { description: "x", owner: "worker", dueOn: null })).toMatchObject({ ok: false });
    const actions = await db.select().from(pdpActions).where(eq(pdpActions.goalId, id));
    expect(actions.map((a) => a.owner).sort()).toEqual(["manager", "worker"]);
    const mine = actions.find((a) => a.owner === "worker")!;
    const theirs = actions.find((a) => a.owner === "manager")!;

    expect(await completeAction(t.s.workerA, t.workerId, theirs.id, true, TODAY)).toEqual({ ok: false, code: "read_only", message: "Your manager marks their own actions done" });
    expect(await completeAction(t.s.workerB, t.workerId, mine.id, true, TODAY)).toEqual({ ok: false, code: "not_found", message: "Action not found" });
    expect(await completeAction(t.s.managerB, t.workerId, mine.id, true, TODAY)).toEqual({ ok: false, code: "not_found", message: "Action not found" });
    // An action id from another worker's goal, sent with this worker's id, is not found either.
    expect(await completeAction(t.s.managerA, t.workers.workerB.id, mine.id, true, TODAY)).toEqual({ ok: false, code: "not_found", message: "Action not found" });
    expect(await completeAction(t.s.workerA, t.workerId, mine.id, true, TODAY)).toMatchObject({ ok: true, goalId: id });
    expect((await first(db.select().from(pdpActions).where(eq(pdpActions.id, mine.id))))!.doneOn).toBe(TODAY);
    expect(await completeAction(t.s.workerA, t.workerId, mine.id, false, TODAY)).toMatchObject({ ok: true });
    expect((await first(db.select().from(pdpActions).where(eq(pdpActions.id, mine.id))))!.doneOn).toBeNull();
    expect(await completeAction(t.s.managerA, t.workerId, theirs.id, true, TODAY)).toMatchObject({ ok: true });
    expect(await audits(mine.id)).toEqual(["pdp_action.created", "pdp_action.done", "pdp_action.undone"]);
    expect((await pdpOf(pdp.id)).version).toBe(1);
  });

  it("the worker writes reflections and progress notes; the manager progress notes; notes come newest first with their author", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = await goalIn(pdp.id);
    expect(await addNote(t.s.workerA, t.workerId, id, { kind: "reflection", body: "I felt more confident" })).toMatchObject({ ok: true });
    expect(await addNote(t.s.managerA, t.workerId, id, { kind: "reflection", body: "x" })).toMatchObject({ ok: false, field: "kind" });
    expect(await addNote(t.s.managerA, t.workerId, id, { kind: "progress", body: "Two modules done" })).toMatchObject({ ok: true });
    expect(await addNote(t.s.workerB, t.workerId, id, { kind: "progress", body: "x" })).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await addNote(t.s.managerB, t.workerId, id, { kind: "progress", body: "x" })).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await addNote(t.s.lead, t.workerId, id, { kind: "progress", body: "x" })).toMatchObject({ ok: false });
    const detail = (await goalDetail(t.s.lead, t.workerId, id))!;
    expect(detail.notes.map((n) => [n.kind, n.body, n.authorName])).toEqual([
      ["progress", "Two modules done", "Manager A"],
      ["reflection", "I felt more confident", t.users.workerUserA.name],
    ]);
    expect(detail.actor).toBeNull();
    expect(await db.select().from(pdpNotes)).toHaveLength(2);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "pdp_note.created"))).toHaveLength(2);
    expect((await pdpOf(pdp.id)).version).toBe(1);
  });

  it("barriers are recorded today against the goal; 'other' needs detail; others are refused", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = await goalIn(pdp.id);
    expect(await recordBarrier(t.s.workerA, t.workerId, id, { category: "other", detail: " " }, TODAY)).toEqual({
      ok: false,
      code: "invalid",
      field: "detail",
      message: "Describe the barrier when you choose Other",
    });
    expect(await recordBarrier(t.s.workerA, t.workerId, id, { category: "time_constraints", detail: "" }, TODAY)).toMatchObject({ ok: true });
    expect(await recordBarrier(t.s.managerA, t.workerId, id, { category: "other", detail: "Parking" }, TODAY)).toMatchObject({ ok: true });
    expect(await recordBarrier(t.s.workerB, t.workerId, id, { category: "financial", detail: "" }, TODAY)).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await recordBarrier(t.s.managerB, t.workerId, id, { category: "financial", detail: "" }, TODAY)).toEqual({ ok: false, code: "not_found", message: "Goal not found" });
    expect(await recordBarrier(t.s.lead, t.workerId, id, { category: "financial", detail: "" }, TODAY)).toMatchObject({ ok: false });
    const rows = await db.select().from(barriers).where(eq(barriers.goalId, id));
    expect(rows.map((b) => [b.category, b.recordedOn, b.conversationId, b.workerId])).toEqual([
      ["time_constraints", TODAY, null, t.workerId],
      ["other", TODAY, null, t.workerId],
    ]);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "barrier.recorded"))).toHaveLength(2);
    expect((await pdpOf(pdp.id)).version).toBe(1);
  });
});

describe("reading", () => {
  it("shows a goal to the worker, their manager, a lead and an admin; not to another team's manager, another worker, or under another worker's id", async () => {
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = await goalIn(pdp.id);
    expect((await goalDetail(t.s.workerA, t.workerId, id))?.actor).toBe("worker");
    expect((await goalDetail(t.s.managerA, t.workerId, id))?.actor).toBe("manager");
    expect((await goalDetail(t.s.admin, t.workerId, id))?.actor).toBe("manager");
    expect((await goalDetail(t.s.lead, t.workerId, id))?.pdp.status).toBe("active");
    expect(await goalDetail(t.s.managerB, t.workerId, id)).toBeUndefined();
    expect(await goalDetail(t.s.workerB, t.workerId, id)).toBeUndefined();
    expect(await goalDetail(t.s.lead, t.workers.workerB.id, id)).toBeUndefined();
  });

  it("offers the published domains and the statements for the worker's stage, grouped by domain", async () => {
    const options = (await goalFormOptions(t.s.workerA, t.workerId))!;
    expect(options.domains.map((d) => d.title)).toEqual(["Formal knowledge", "Communication"]);
    expect(options.domains.map((d) => d.statements.map((s) => s.id))).toEqual([[t.fw.entry1.id], [t.fw.entry2.id]]);
    expect(options).toMatchObject({ frameworkStage: "entry", currentPdp: null, onlyClosed: false, actor: "worker" });
    expect((await goalFormOptions(t.s.lead, t.workerId))?.actor).toBeNull();
    expect(await goalFormOptions(t.s.managerB, t.workerId)).toBeUndefined();
  });

  it("offers a trainee, whose role holds no framework stage, the statements of the stage they work towards (entry)", async () => {
    const trainee = await one(db.insert(stages).values({ code: "trainee-goals", name: "Trainee", rank: 0, frameworkStage: null }).returning());
    await db.update(workers).set({ stageId: trainee.id }).where(eq(workers.id, t.workerId));
    const options = (await goalFormOptions(t.s.workerA, t.workerId))!;
    expect(options.frameworkStage).toBe("entry");
    expect(options.domains.map((d) => d.statements.map((s) => s.id))).toEqual([[t.fw.entry1.id], [t.fw.entry2.id]]);
  });
});

describe("server actions", () => {
  it("createGoalAction: bad input keeps what was typed; a good one redirects to the goal; another team's manager gets 404", async () => {
    const { createGoalAction } = await import("@/app/(app)/workers/[id]/pdp/goals/actions");
    actAs(t.s.workerA);
    const state = await createGoalAction(t.workerId, {}, formData({ title: "", why: "To be safer", domainIds: [t.fw.d1.id], support: ["funding"] }));
    expect(state.fieldErrors?.title).toBe("Enter what the goal is");
    expect(state.values?.why).toBe("To be safer");
    expect(state.lists?.support).toEqual(["funding"]);
    await expect(createGoalAction(t.workerId, {}, formData({ title: "Learn Makaton", domainIds: [t.fw.d1.id] }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await db.select().from(pdpGoals)).map((g) => [g.title, g.proposedBy])).toEqual([["Learn Makaton", "worker"]]);
    actAs(t.s.managerB);
    await expect(createGoalAction(t.workerId, {}, formData({ title: "x", domainIds: [t.fw.d1.id] }))).rejects.toThrow(NOT_FOUND);
  });

  it("setGoalStatusAction and recordBarrierAction come back with the message and the input", async () => {
    const { setGoalStatusAction, recordBarrierAction } = await import("@/app/(app)/workers/[id]/pdp/goals/actions");
    const pdp = await agreedPdp(t.workerId, t.users.managerA.id);
    const id = await goalIn(pdp.id);
    actAs(t.s.managerA);
    const state = await setGoalStatusAction(t.workerId, id, {}, formData({ status: "dropped", reason: "" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { reason: "Give a reason for marking this goal dropped" }, values: { status: "dropped" } });
    actAs(t.s.workerA);
    const barrier = await recordBarrierAction(t.workerId, id, {}, formData({ category: "other", detail: "" }));
    expect(barrier.fieldErrors?.detail).toBe("Describe the barrier when you choose Other");
    expect(barrier.values?.category).toBe("other");
    actAs(t.s.lead);
    const lead = await recordBarrierAction(t.workerId, id, {}, formData({ category: "financial", detail: "" }));
    expect(lead.message).toBe("Leads can read PDPs but not change them");
  });
});
