// Career conversations: who may read and change them, the date and barrier rules, appraisals (open to join, locked
// once signed off), steps ticked off by the worker, and steps carried into the PDP once only. Every change is audited.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { db } from "@/db/client";
import { appraisals, auditEvents, barriers, careerConversations, careerSteps, pdpGoals, pdps, professions, workers } from "@/db/schema";
import {
  addStep,
  conversationDetail,
  conversationFormOptions,
  conversationsPage,
  openAppraisalFor,
  recordConversation,
  setStepDone,
  stepToPdpGoal,
  updateConversation,
} from "@/db/queries/conversations";
import { conversationFields, newConversationFields, type NewConversationFields } from "@/lib/forms/conversation";
import { conversationHistory } from "@/db/queries/development";
import { twoTeams, asSession } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import { recordConversationAction, setStepDoneAction, stepToPdpGoalAction, updateConversationAction } from "@/app/(app)/workers/[id]/conversations/actions";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";

function input(over: Partial<NewConversationFields> = {}): NewConversationFields {
  return {
    heldOn: "2026-11-20",
    aspiration: "assistant_practitioner",
    aspirationDetail: "Assistant practitioner in acute physiotherapy",
    targetProfessionId: null,
    apprenticeshipInterest: "yes",
    barriers: ["financial"],
    otherBarrierDetail: "",
    optionsDiscussed: "Level 5 apprenticeship; shadowing on the orthopaedic wards",
    nextConversationOn: "2027-05-20",
    appraisalId: null,
    steps: [
      { description: "Visit the university open day", dueOn: "2027-01-15" },
      { description: "Talk to the practice educator", dueOn: "2026-12-10" },
    ],
    ...over,
  };
}

function record(f: ReturnType<typeof twoTeams>, over: Partial<NewConversationFields> = {}) {
  const result = recordConversation(asSession(f.users.managerA), f.workers.workerA.id, input(over), TODAY);
  if (!result.ok) throw new Error(result.message);
  return result.conversationId;
}

function appraisal(workerId: string, status: (typeof appraisals.$inferSelect)["status"], extra: Partial<typeof appraisals.$inferInsert> = {}) {
  return db
    .insert(appraisals)
    .values({ workerId, scheduledFor: "2026-11-18", heldOn: "2026-11-18", status, ...extra })
    .returning()
    .get();
}

const auditFor = (entityId: string) => db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).all();
const stepsOf = (conversationId: string) =>
  db.select().from(careerSteps).where(eq(careerSteps.conversationId, conversationId)).orderBy(careerSteps.sort).all();

describe("recording a conversation", () => {
  it("lets the worker's manager record it with steps and barriers, audited", () => {
    const f = twoTeams();
    const id = record(f, { barriers: ["financial", "other"], otherBarrierDetail: "Caring for a parent" });
    const row = db.select().from(careerConversations).where(eq(careerConversations.id, id)).get()!;
    expect(row).toMatchObject({ workerId: f.workers.workerA.id, heldBy: f.users.managerA.id, aspiration: "assistant_practitioner", appraisalId: null });
    expect(stepsOf(id).map((s) => s.description)).toEqual(["Visit the university open day", "Talk to the practice educator"]);
    const found = db.select().from(barriers).where(eq(barriers.conversationId, id)).all();
    expect(found.map((b) => [b.category, b.detail]).sort()).toEqual([
      ["financial", ""],
      ["other", "Caring for a parent"],
    ]);
    expect(found.every((b) => b.goalId === null && b.workerId === f.workers.workerA.id)).toBe(true);
    const events = auditFor(id);
    expect(events.map((e) => e.action)).toEqual(["career_conversation.create"]);
    expect(JSON.parse(events[0]!.summary)).toMatchObject({ steps: 2, barriers: ["financial", "other"] });
  });

  it("lets an admin record one", () => {
    const f = twoTeams();
    const result = recordConversation(asSession(f.users.admin), f.workers.workerB.id, input(), TODAY);
    expect(result.ok).toBe(true);
  });

  it("refuses a manager of another team, a lead and a support worker, leaving nothing behind", () => {
    const f = twoTeams();
    const w = f.workers.workerA.id;
    expect(recordConversation(asSession(f.users.managerB), w, input(), TODAY)).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    expect(recordConversation(asSession(f.users.lead), w, input(), TODAY).ok).toBe(false);
    expect(recordConversation(asSession(f.users.workerUserA), w, input(), TODAY).ok).toBe(false);
    expect(recordConversation(asSession(f.users.otherLead), f.workers.otherOrgWorker.id, input(), TODAY).ok).toBe(false);
    expect(db.select().from(careerConversations).all()).toHaveLength(0);
  });

  it("refuses a date in the future or before the worker started, and a next conversation before it", () => {
    const f = twoTeams();
    const m = asSession(f.users.managerA);
    const w = f.workers.workerA.id;
    expect(recordConversation(m, w, input({ heldOn: "2026-11-23" }), TODAY)).toMatchObject({ ok: false, field: "heldOn" });
    expect(recordConversation(m, w, input({ heldOn: "2022-03-31" }), TODAY)).toMatchObject({
      ok: false,
      field: "heldOn",
      message: "The date of the conversation cannot be before they started (1 April 2022)",
    });
    expect(recordConversation(m, w, input({ nextConversationOn: "2026-11-20" }), TODAY)).toMatchObject({ ok: false, field: "nextConversationOn" });
    expect(recordConversation(m, w, input({ steps: [{ description: "x", dueOn: "2026-11-01" }] }), TODAY)).toMatchObject({ ok: false, field: "steps.0.dueOn" });
    expect(db.select().from(careerConversations).all()).toHaveLength(0);
  });

  it("refuses an 'other' barrier without detail (and the database would too)", () => {
    const f = twoTeams();
    expect(recordConversation(asSession(f.users.managerA), f.workers.workerA.id, input({ barriers: ["other"], otherBarrierDetail: " " }), TODAY)).toMatchObject({
      ok: false,
      field: "otherBarrierDetail",
    });
    const id = record(f);
    expect(() =>
      db.insert(barriers).values({ workerId: f.workers.workerA.id, conversationId: id, category: "other", detail: "", recordedOn: TODAY }).run(),
    ).toThrow(/CHECK/);
  });

  it("accepts only a live profession as the target", () => {
    const f = twoTeams();
    const retired = db.insert(professions).values({ code: "retired-x", name: "Retired", kind: "ahp", retiredAt: new Date() }).returning().get();
    expect(recordConversation(asSession(f.users.managerA), f.workers.workerA.id, input({ targetProfessionId: retired.id }), TODAY)).toMatchObject({
      ok: false,
      field: "targetProfessionId",
    });
    expect(conversationFormOptions(asSession(f.users.managerA)).professions.map(([id]) => id)).toEqual([f.ref.profession.id]);
    record(f, { aspiration: "degree_apprenticeship", targetProfessionId: f.ref.profession.id });
  });

  it("refuses a worker who has left", () => {
    const f = twoTeams();
    db.update(workers).set({ status: "left", contractEnd: "2026-10-01" }).where(eq(workers.id, f.workers.workerA.id)).run();
    expect(recordConversation(asSession(f.users.managerA), f.workers.workerA.id, input(), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
  });
});

describe("inside an appraisal", () => {
  it("joins an open appraisal of the same worker", () => {
    const f = twoTeams();
    const a = appraisal(f.workers.workerA.id, "in_progress");
    const id = record(f, { appraisalId: a.id });
    expect(db.select().from(careerConversations).where(eq(careerConversations.id, id)).get()?.appraisalId).toBe(a.id);
    expect(openAppraisalFor(asSession(f.users.managerA), f.workers.workerA.id, a.id)?.on).toBe("2026-11-18");
    expect(conversationDetail(asSession(f.users.managerA), f.workers.workerA.id, id)?.conversation.appraisal).toMatchObject({ id: a.id, status: "in_progress" });
  });

  it("refuses another worker's appraisal, and a completed or cancelled one", () => {
    const f = twoTeams();
    const m = asSession(f.users.managerA);
    const others = appraisal(f.workers.lineManagedOnly.id, "in_progress");
    expect(recordConversation(m, f.workers.workerA.id, input({ appraisalId: others.id }), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/not found/) });
    expect(openAppraisalFor(m, f.workers.workerA.id, others.id)).toBeUndefined();
    for (const status of ["completed", "cancelled"] as const) {
      const a = appraisal(f.workers.workerA.id, status);
      expect(recordConversation(m, f.workers.workerA.id, input({ appraisalId: a.id }), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/signed off or cancelled/) });
      expect(openAppraisalFor(m, f.workers.workerA.id, a.id)).toBeUndefined();
    }
    expect(db.select().from(careerConversations).all()).toHaveLength(0);
  });

  it("locks the conversation while its appraisal is signed off, but its steps can still be ticked and carried into the PDP", () => {
    const f = twoTeams();
    const m = asSession(f.users.managerA);
    const w = f.workers.workerA.id;
    const a = appraisal(w, "in_progress");
    const id = record(f, { appraisalId: a.id });
    // Sent to the worker to sign: what they read is what they sign, so it no longer changes.
    db.update(appraisals).set({ status: "awaiting_sign_off" }).where(eq(appraisals.id, a.id)).run();
    expect(addStep(m, w, id, { description: "Slipped in", dueOn: "2027-01-01" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/waiting for the worker's sign-off/),
    });
    expect(recordConversation(m, w, input({ appraisalId: a.id }), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/gone to the worker to sign/) });
    db.update(appraisals).set({ status: "completed", completedAt: new Date("2026-11-21T10:00:00Z") }).where(eq(appraisals.id, a.id)).run();

    const { appraisalId: _a, steps: _s, ...fields } = input({ optionsDiscussed: "Changed after sign-off" });
    expect(updateConversation(m, w, id, fields, TODAY)).toEqual({
      ok: false,
      code: "read_only",
      message: "This conversation is part of an appraisal signed off on 21 November 2026; reopen the appraisal to change it",
    });
    expect(addStep(m, w, id, { description: "Late step", dueOn: "2027-01-01" })).toMatchObject({ ok: false, message: expect.stringMatching(/reopen the appraisal/) });
    const detail = conversationDetail(m, w, id)!;
    expect(detail).toMatchObject({ canEdit: false, canManage: true, canTickSteps: true });
    expect(detail.conversation.locked).toBe(true);

    const step = stepsOf(id)[0]!;
    expect(setStepDone(asSession(f.users.workerUserA), w, step.id, true, TODAY).ok).toBe(true);
    expect(stepToPdpGoal(m, w, step.id, TODAY).ok).toBe(true);

    // Reopened, it can change again.
    db.update(appraisals).set({ status: "in_progress", completedAt: null }).where(eq(appraisals.id, a.id)).run();
    expect(updateConversation(m, w, id, fields, TODAY).ok).toBe(true);
  });
});

describe("reading conversations", () => {
  it("keeps a conversation held inside an appraisal from the worker until the appraisal is sent to them", () => {
    const f = twoTeams();
    const w = f.workers.workerA.id;
    const a = appraisal(w, "in_progress");
    const id = record(f, { appraisalId: a.id });
    const me = asSession(f.users.workerUserA);
    expect(conversationsPage(me, w)?.conversations).toEqual([]);
    expect(conversationDetail(me, w, id)).toBeUndefined();
    expect(conversationHistory(me, w)).toEqual([]);
    // Their manager sees it all along.
    expect(conversationDetail(asSession(f.users.managerA), w, id)?.conversation.id).toBe(id);

    db.update(appraisals).set({ status: "awaiting_sign_off" }).where(eq(appraisals.id, a.id)).run();
    expect(conversationsPage(me, w)?.conversations.map((c) => c.id)).toEqual([id]);
    expect(conversationDetail(me, w, id)?.conversation.id).toBe(id);
    expect(conversationHistory(me, w).map((c) => c.id)).toEqual([id]);
  });

  it("shows the worker their own, newest first, and their managers, leads and admins; hides them from others", () => {
    const f = twoTeams();
    const older = record(f, { heldOn: "2026-05-01", nextConversationOn: "2026-11-01", steps: [{ description: "Old step", dueOn: "2026-06-01" }] });
    const newer = record(f);
    const w = f.workers.workerA.id;
    for (const u of [f.users.workerUserA, f.users.managerA, f.users.lead, f.users.admin]) {
      const page = conversationsPage(asSession(u), w);
      expect(page?.conversations.map((c) => c.id)).toEqual([newer, older]);
      expect(conversationDetail(asSession(u), w, newer)?.steps).toHaveLength(2);
    }
    expect(conversationsPage(asSession(f.users.managerA), w)).toMatchObject({ canEdit: true, canTickSteps: true });
    expect(conversationsPage(asSession(f.users.workerUserA), w)).toMatchObject({ canEdit: false, canTickSteps: true });
    expect(conversationsPage(asSession(f.users.lead), w)).toMatchObject({ canEdit: false, canTickSteps: false });
    for (const u of [f.users.managerB, f.users.workerUserB, f.users.otherLead]) {
      expect(conversationsPage(asSession(u), w)).toBeUndefined();
      expect(conversationDetail(asSession(u), w, newer)).toBeUndefined();
    }
    // A conversation id under another worker's address is not found.
    expect(conversationDetail(asSession(f.users.managerA), f.workers.lineManagedOnly.id, newer)).toBeUndefined();
  });
});

describe("changing a conversation", () => {
  it("lets the manager change its fields and barriers, audited with what changed", () => {
    const f = twoTeams();
    const id = record(f);
    const { appraisalId: _a, steps: _s, ...fields } = input({
      aspiration: "degree_apprenticeship",
      barriers: ["time_constraints", "other"],
      otherBarrierDetail: "No cover on the ward",
    });
    expect(updateConversation(asSession(f.users.managerA), f.workers.workerA.id, id, fields, TODAY).ok).toBe(true);
    expect(db.select().from(careerConversations).where(eq(careerConversations.id, id)).get()?.aspiration).toBe("degree_apprenticeship");
    const found = db.select().from(barriers).where(eq(barriers.conversationId, id)).all();
    expect(found.map((b) => b.category).sort()).toEqual(["other", "time_constraints"]);
    const update = auditFor(id).find((e) => e.action === "career_conversation.update")!;
    expect(JSON.parse(update.summary)).toMatchObject({ changed: ["aspiration"], barriersAdded: ["time_constraints", "other"], barriersRemoved: ["financial"] });
  });

  it("refuses a lead, a support worker and another team's manager", () => {
    const f = twoTeams();
    const id = record(f);
    const { appraisalId: _a, steps: _s, ...fields } = input({ optionsDiscussed: "Sneaky" });
    for (const u of [f.users.lead, f.users.workerUserA, f.users.managerB]) {
      expect(updateConversation(asSession(u), f.workers.workerA.id, id, fields, TODAY).ok).toBe(false);
      expect(addStep(asSession(u), f.workers.workerA.id, id, { description: "x", dueOn: "2027-01-01" }).ok).toBe(false);
    }
    expect(db.select().from(careerConversations).where(eq(careerConversations.id, id)).get()?.optionsDiscussed).not.toBe("Sneaky");
    expect(stepsOf(id)).toHaveLength(2);
  });

  it("adds a step at the end, audited", () => {
    const f = twoTeams();
    const id = record(f);
    const result = addStep(asSession(f.users.managerA), f.workers.workerA.id, id, { description: "Book a shadowing day", dueOn: "2027-02-01" });
    expect(result.ok).toBe(true);
    expect(stepsOf(id).map((s) => s.description)).toEqual(["Visit the university open day", "Talk to the practice educator", "Book a shadowing day"]);
    if (result.ok) expect(auditFor(result.stepId).map((e) => e.action)).toEqual(["career_step.create"]);
    expect(addStep(asSession(f.users.managerA), f.workers.workerA.id, id, { description: "Too early", dueOn: "2026-11-01" })).toMatchObject({ ok: false, field: "dueOn" });
  });
});

describe("ticking steps off", () => {
  it("lets the worker tick their own step done and undo it, audited", () => {
    const f = twoTeams();
    const id = record(f);
    const step = stepsOf(id)[0]!;
    const me = asSession(f.users.workerUserA);
    expect(setStepDone(me, f.workers.workerA.id, step.id, true, TODAY).ok).toBe(true);
    expect(stepsOf(id)[0]?.doneOn).toBe(TODAY);
    expect(setStepDone(me, f.workers.workerA.id, step.id, false, TODAY).ok).toBe(true);
    expect(stepsOf(id)[0]?.doneOn).toBeNull();
    expect(auditFor(step.id).map((e) => e.action)).toEqual(["career_step.done", "career_step.undone"]);
    expect(setStepDone(asSession(f.users.managerA), f.workers.workerA.id, step.id, true, TODAY).ok).toBe(true);
  });

  it("refuses another worker, a lead and another team's manager", () => {
    const f = twoTeams();
    const id = record(f);
    const step = stepsOf(id)[0]!;
    for (const u of [f.users.workerUserB, f.users.lead, f.users.managerB]) {
      expect(setStepDone(asSession(u), f.workers.workerA.id, step.id, true, TODAY)).toEqual({ ok: false, code: "not_found", message: "Step not found" });
    }
    // Their own worker id with someone else's step does not reach it either.
    expect(setStepDone(asSession(f.users.workerUserB), f.workers.workerB.id, step.id, true, TODAY).ok).toBe(false);
    expect(stepsOf(id)[0]?.doneOn).toBeNull();
  });
});

describe("a step becomes a PDP goal", () => {
  it("adds it to the current PDP (a new draft when there is none), links it, and does it only once", () => {
    const f = twoTeams();
    const id = record(f);
    const step = stepsOf(id)[0]!;
    const m = asSession(f.users.managerA);
    const first = stepToPdpGoal(m, f.workers.workerA.id, step.id, TODAY);
    expect(first).toMatchObject({ ok: true, created: true });
    const goal = db.select().from(pdpGoals).where(eq(pdpGoals.sourceStepId, step.id)).get()!;
    expect(goal).toMatchObject({ title: step.description, targetDate: step.dueOn, proposedBy: "manager" });
    expect(db.select().from(pdps).where(eq(pdps.workerId, f.workers.workerA.id)).all()).toHaveLength(1);
    expect(auditFor(step.id).map((e) => e.action)).toEqual(["career_step.to_pdp_goal"]);

    const again = stepToPdpGoal(m, f.workers.workerA.id, step.id, TODAY);
    expect(again).toMatchObject({ ok: true, created: false, goalId: goal.id });
    expect(db.select().from(pdpGoals).where(eq(pdpGoals.sourceStepId, step.id)).all()).toHaveLength(1);
    expect(auditFor(step.id)).toHaveLength(1);
    expect(conversationDetail(m, f.workers.workerA.id, id)?.steps[0]?.goalId).toBe(goal.id);
  });

  it("refuses a lead, the worker and another team's manager", () => {
    const f = twoTeams();
    const id = record(f);
    const step = stepsOf(id)[0]!;
    for (const u of [f.users.lead, f.users.workerUserA, f.users.managerB]) {
      expect(stepToPdpGoal(asSession(u), f.workers.workerA.id, step.id, TODAY).ok).toBe(false);
    }
    expect(db.select().from(pdpGoals).all()).toHaveLength(0);
    expect(db.select().from(pdps).all()).toHaveLength(0);
  });
});

describe("the form's rules", () => {
  const base = {
    heldOn: "2026-11-20",
    aspiration: "senior_support_worker",
    apprenticeshipInterest: "maybe",
    barriers: [],
  };

  it("wants a next conversation after this one, detail for 'other', and a description and date for each step", () => {
    const r = newConversationFields(TODAY).safeParse({
      ...base,
      aspiration: "other",
      barriers: ["other"],
      nextConversationOn: "2026-11-19",
      steps: [
        { description: "", dueOn: "" },
        { description: "Only a description", dueOn: "" },
        { description: "", dueOn: "2027-01-01" },
      ],
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths.sort()).toEqual(["aspirationDetail", "nextConversationOn", "otherBarrierDetail", "steps.1.dueOn", "steps.2.description"].sort());
  });

  it("drops blank step rows and keeps the 'other' detail only when 'other' is ticked", () => {
    const r = newConversationFields(TODAY).parse({
      ...base,
      barriers: ["financial", "financial"],
      otherBarrierDetail: "left over",
      steps: [
        { description: "", dueOn: "" },
        { description: "Apply for the level 3 apprenticeship", dueOn: "2027-01-10" },
      ],
    });
    expect(r.steps).toEqual([{ description: "Apply for the level 3 apprenticeship", dueOn: "2027-01-10" }]);
    expect(r.barriers).toEqual(["financial"]);
    expect(r.otherBarrierDetail).toBe("");
    expect(r.nextConversationOn).toBeNull();
  });

  it("reports every problem at once, even when a choice is missing", () => {
    const r = newConversationFields(TODAY).safeParse({
      heldOn: "2026-11-20",
      barriers: ["other"],
      nextConversationOn: "2026-11-01",
      steps: [{ description: "No date yet", dueOn: "" }],
    });
    expect(r.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(
      ["apprenticeshipInterest", "aspiration", "nextConversationOn", "otherBarrierDetail", "steps.0.dueOn"].sort(),
    );
  });

  it("refuses a date in the future and an unknown choice", () => {
    const r = conversationFields(TODAY).safeParse({ ...base, heldOn: "2026-11-23", aspiration: "astronaut", barriers: ["bad"] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["aspiration", "barriers.0", "heldOn"]);
  });
});

describe("the actions", () => {
  // The actions use the real date.
  const today = todayInLondon();
  const fields = (over: Record<string, string | string[]> = {}) => ({
    heldOn: addDays(today, -2),
    aspiration: "assistant_practitioner",
    aspirationDetail: "conversations.test typed text",
    apprenticeshipInterest: "yes",
    barriers: ["financial"],
    optionsDiscussed: "Options typed",
    nextConversationOn: addDays(today, -3),
    stepDescription: ["First step", "", ""],
    stepDueOn: [addDays(today, 30), "", ""],
    ...over,
  });

  it("gives a bad form back with what was typed and says what to fix", async () => {
    const f = twoTeams();
    actAs(asSession(f.users.managerA));
    const state = await recordConversationAction(f.workers.workerA.id, {}, formData(fields()));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.nextConversationOn).toMatch(/must be after this one/);
    expect(state.values?.aspirationDetail).toBe("conversations.test typed text");
    expect(state.lists?.stepDescription).toEqual(["First step", "", ""]);
    expect(state.lists?.barriers).toEqual(["financial"]);
  });

  it("adds a step row without saving", async () => {
    const f = twoTeams();
    actAs(asSession(f.users.managerA));
    const state = await recordConversationAction(f.workers.workerA.id, {}, formData({ ...fields(), intent: "add-step" }));
    expect(state.values?.stepRows).toBe("4");
    expect(state.values?.aspirationDetail).toBe("conversations.test typed text");
    expect(db.select().from(careerConversations).all()).toHaveLength(0);
  });

  it("records and redirects to the conversation; a lead or support worker is not found", async () => {
    const f = twoTeams();
    actAs(asSession(f.users.managerA));
    await expect(recordConversationAction(f.workers.workerA.id, {}, formData(fields({ nextConversationOn: addDays(today, 180) })))).rejects.toThrow(/NEXT_REDIRECT/);
    const c = db.select().from(careerConversations).get()!;
    expect(c.aspirationDetail).toBe("conversations.test typed text");
    for (const u of [f.users.lead, f.users.workerUserA]) {
      actAs(asSession(u));
      await expect(recordConversationAction(f.workers.workerA.id, {}, formData(fields()))).rejects.toThrow(NOT_FOUND);
      await expect(updateConversationAction(f.workers.workerA.id, c.id, {}, formData(fields()))).rejects.toThrow(NOT_FOUND);
      await expect(stepToPdpGoalAction(f.workers.workerA.id, "x", {}, formData({}))).rejects.toThrow(NOT_FOUND);
    }
    actAs(asSession(f.users.managerB));
    await expect(recordConversationAction(f.workers.workerA.id, {}, formData(fields({ nextConversationOn: addDays(today, 180) })))).rejects.toThrow(NOT_FOUND);
  });

  it("lets the worker tick their step through the action, and not someone else's", async () => {
    const f = twoTeams();
    const id = record(f);
    const step = stepsOf(id)[0]!;
    actAs(asSession(f.users.workerUserA));
    expect(await setStepDoneAction(f.workers.workerA.id, step.id, {}, formData({ done: "1" }))).toMatchObject({ ok: true, message: "Marked done" });
    actAs(asSession(f.users.workerUserB));
    await expect(setStepDoneAction(f.workers.workerA.id, step.id, {}, formData({ done: "0" }))).rejects.toThrow(NOT_FOUND);
    expect(db.select().from(careerSteps).where(eq(careerSteps.id, step.id)).get()?.doneOn).toBe(today);
  });
});
