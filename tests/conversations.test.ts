// Career conversations: who may read and change them, the date and barrier rules, appraisals (open to join, locked
// once signed off), steps ticked off by the worker, and steps carried into the PDP once only. Every change is audited.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { db, first as firstRow, one } from "@/db/client";
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

async function record(f: Awaited<ReturnType<typeof twoTeams>>, over: Partial<NewConversationFields> = {}) {
  const result = await recordConversation(asSession(f.users.managerA), f.workers.workerA.id, input(over), TODAY);
  if (!result.ok) throw new Error(result.message);
  return result.conversationId;
}

async function appraisal(workerId: string, status: (typeof appraisals.$inferSelect)["status"], extra: Partial<typeof appraisals.$inferInsert> = {}) {
  return await one(db
    .insert(appraisals)
    .values({ workerId, scheduledFor: "2026-11-18", heldOn: "2026-11-18", status, ...extra })
    .returning());
}

const auditFor = async (entityId: string) => await db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
const stepsOf = async (conversationId: string) =>
  await db.select().from(careerSteps).where(eq(careerSteps.conversationId, conversationId)).orderBy(careerSteps.sort);

describe("recording a conversation", () => {
  it("lets the worker's manager record it with steps and barriers, audited", async () => {
    const f = await twoTeams();
    const id = await record(f, { barriers: ["financial", "other"], otherBarrierDetail: "Caring for a parent" });
    const row = (await firstRow(db.select().from(careerConversations).where(eq(careerConversations.id, id))))!;
    expect(row).toMatchObject({ workerId: f.workers.workerA.id, heldBy: f.users.managerA.id, aspiration: "assistant_practitioner", appraisalId: null });
    expect((await stepsOf(id)).map((s) => s.description)).toEqual(["Visit the university open day", "Talk to the practice educator"]);
    const found = await db.select().from(barriers).where(eq(barriers.conversationId, id));
    expect(found.map((b) => [b.category, b.detail]).sort()).toEqual([
      ["financial", ""],
      ["other", "Caring for a parent"],
    ]);
    expect(found.every((b) => b.goalId === null && b.workerId === f.workers.workerA.id)).toBe(true);
    const events = await auditFor(id);
    expect(events.map((e) => e.action)).toEqual(["career_conversation.create"]);
    expect(JSON.parse(events[0]!.summary)).toMatchObject({ steps: 2, barriers: ["financial", "other"] });
  });

  it("lets an admin record one", async () => {
    const f = await twoTeams();
    const result = await recordConversation(asSession(f.users.admin), f.workers.workerB.id, input(), TODAY);
    expect(result.ok).toBe(true);
  });

  it("refuses a manager of another team, a lead and a support worker, leaving nothing behind", async () => {
    const f = await twoTeams();
    const w = f.workers.workerA.id;
    expect(await recordConversation(asSession(f.users.managerB), w, input(), TODAY)).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    expect((await recordConversation(asSession(f.users.lead), w, input(), TODAY)).ok).toBe(false);
    expect((await recordConversation(asSession(f.users.workerUserA), w, input(), TODAY)).ok).toBe(false);
    expect((await recordConversation(asSession(f.users.otherLead), f.workers.otherOrgWorker.id, input(), TODAY)).ok).toBe(false);
    expect(await db.select().from(careerConversations)).toHaveLength(0);
  });

  it("refuses a date in the future or before the worker started, and a next conversation before it", async () => {
    const f = await twoTeams();
    const m = asSession(f.users.managerA);
    const w = f.workers.workerA.id;
    expect(await recordConversation(m, w, input({ heldOn: "2026-11-23" }), TODAY)).toMatchObject({ ok: false, field: "heldOn" });
    expect(await recordConversation(m, w, input({ heldOn: "2022-03-31" }), TODAY)).toMatchObject({
      ok: false,
      field: "heldOn",
      message: "The date of the conversation cannot be before they started (1 April 2022)",
    });
    expect(await recordConversation(m, w, input({ nextConversationOn: "2026-11-20" }), TODAY)).toMatchObject({ ok: false, field: "nextConversationOn" });
    expect(await recordConversation(m, w, input({ steps: [{ description: "x", dueOn: "2026-11-01" }] }), TODAY)).toMatchObject({ ok: false, field: "steps.0.dueOn" });
    expect(await db.select().from(careerConversations)).toHaveLength(0);
  });

  it("refuses an 'other' barrier without detail (and the database would too)", async () => {
    const f = await twoTeams();
    expect(await recordConversation(asSession(f.users.managerA), f.workers.workerA.id, input({ barriers: ["other"], otherBarrierDetail: " " }), TODAY)).toMatchObject({
      ok: false,
      field: "otherBarrierDetail",
    });
    const id = await record(f);
    await expect(
      db.insert(barriers).values({ workerId: f.workers.workerA.id, conversationId: id, category: "other", detail: "", recordedOn: TODAY }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/barriers_other_has_detail/) } });
  });

  it("accepts only a live profession as the target", async () => {
    const f = await twoTeams();
    const retired = await one(db.insert(professions).values({ code: "retired-x", name: "Retired", kind: "ahp", retiredAt: new Date() }).returning());
    expect(await recordConversation(asSession(f.users.managerA), f.workers.workerA.id, input({ targetProfessionId: retired.id }), TODAY)).toMatchObject({
      ok: false,
      field: "targetProfessionId",
    });
    expect((await conversationFormOptions(asSession(f.users.managerA))).professions.map(([id]) => id)).toEqual([f.ref.profession.id]);
    await record(f, { aspiration: "degree_apprenticeship", targetProfessionId: f.ref.profession.id });
  });

  it("refuses a worker who has left", async () => {
    const f = await twoTeams();
    await db.update(workers).set({ status: "left", contractEnd: "2026-10-01" }).where(eq(workers.id, f.workers.workerA.id));
    expect(await recordConversation(asSession(f.users.managerA), f.workers.workerA.id, input(), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
  });
});

describe("inside an appraisal", () => {
  it("joins an open appraisal of the same worker", async () => {
    const f = await twoTeams();
    const a = await appraisal(f.workers.workerA.id, "in_progress");
    const id = await record(f, { appraisalId: a.id });
    expect((await firstRow(db.select().from(careerConversations).where(eq(careerConversations.id, id))))?.appraisalId).toBe(a.id);
    expect((await openAppraisalFor(asSession(f.users.managerA), f.workers.workerA.id, a.id))?.on).toBe("2026-11-18");
    expect((await conversationDetail(asSession(f.users.managerA), f.workers.workerA.id, id))?.conversation.appraisal).toMatchObject({ id: a.id, status: "in_progress" });
  });

  it("refuses another worker's appraisal, and a completed or cancelled one", async () => {
    const f = await twoTeams();
    const m = asSession(f.users.managerA);
    const others = await appraisal(f.workers.lineManagedOnly.id, "in_progress");
    expect(await recordConversation(m, f.workers.workerA.id, input({ appraisalId: others.id }), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/not found/) });
    expect(await openAppraisalFor(m, f.workers.workerA.id, others.id)).toBeUndefined();
    for (const status of ["completed", "cancelled"] as const) {
      const a = await appraisal(f.workers.workerA.id, status);
      expect(await recordConversation(m, f.workers.workerA.id, input({ appraisalId: a.id }), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/signed off or cancelled/) });
      expect(await openAppraisalFor(m, f.workers.workerA.id, a.id)).toBeUndefined();
    }
    expect(await db.select().from(careerConversations)).toHaveLength(0);
  });

  it("locks the conversation while its appraisal is signed off, but its steps can still be ticked and carried into the PDP", async () => {
    const f = await twoTeams();
    const m = asSession(f.users.managerA);
    const w = f.workers.workerA.id;
    const a = await appraisal(w, "in_progress");
    const id = await record(f, { appraisalId: a.id });
    // Sent to the worker to sign: what they read is what they sign, so it no longer changes.
    await db.update(appraisals).set({ status: "awaiting_sign_off" }).where(eq(appraisals.id, a.id));
    expect(await addStep(m, w, id, { description: "Slipped in", dueOn: "2027-01-01" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/waiting for the worker's sign-off/),
    });
    expect(await recordConversation(m, w, input({ appraisalId: a.id }), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/gone to the worker to sign/) });
    await db.update(appraisals).set({ status: "completed", completedAt: new Date("2026-11-21T10:00:00Z") }).where(eq(appraisals.id, a.id));

    const { appraisalId: _a, steps: _s, ...fields } = input({ optionsDiscussed: "Changed after sign-off" });
    expect(await updateConversation(m, w, id, fields, TODAY)).toEqual({
      ok: false,
      code: "read_only",
      message: "This conversation is part of an appraisal signed off on 21 November 2026; reopen the appraisal to change it",
    });
    expect(await addStep(m, w, id, { description: "Late step", dueOn: "2027-01-01" })).toMatchObject({ ok: false, message: expect.stringMatching(/reopen the appraisal/) });
    const detail = (await conversationDetail(m, w, id))!;
    expect(detail).toMatchObject({ canEdit: false, canManage: true, canTickSteps: true });
    expect(detail.conversation.locked).toBe(true);

    const step = (await stepsOf(id))[0]!;
    expect((await setStepDone(asSession(f.users.workerUserA), w, step.id, true, TODAY)).ok).toBe(true);
    expect((await stepToPdpGoal(m, w, step.id, TODAY)).ok).toBe(true);

    // Reopened, it can change again.
    await db.update(appraisals).set({ status: "in_progress", completedAt: null }).where(eq(appraisals.id, a.id));
    expect((await updateConversation(m, w, id, fields, TODAY)).ok).toBe(true);
  });
});

describe("reading conversations", () => {
  it("keeps a conversation held inside an appraisal from the worker until the appraisal is sent to them", async () => {
    const f = await twoTeams();
    const w = f.workers.workerA.id;
    const a = await appraisal(w, "in_progress");
    const id = await record(f, { appraisalId: a.id });
    const me = asSession(f.users.workerUserA);
    expect((await conversationsPage(me, w))?.conversations).toEqual([]);
    expect(await conversationDetail(me, w, id)).toBeUndefined();
    expect(await conversationHistory(me, w)).toEqual([]);
    // Their manager sees it all along.
    expect((await conversationDetail(asSession(f.users.managerA), w, id))?.conversation.id).toBe(id);

    await db.update(appraisals).set({ status: "awaiting_sign_off" }).where(eq(appraisals.id, a.id));
    expect((await conversationsPage(me, w))?.conversations.map((c) => c.id)).toEqual([id]);
    expect((await conversationDetail(me, w, id))?.conversation.id).toBe(id);
    expect((await conversationHistory(me, w)).map((c) => c.id)).toEqual([id]);
  });

  it("shows the worker their own, newest first, and their managers, leads and admins; hides them from others", async () => {
    const f = await twoTeams();
    const older = await record(f, { heldOn: "2026-05-01", nextConversationOn: "2026-11-01", steps: [{ description: "Old step", dueOn: "2026-06-01" }] });
    const newer = await record(f);
    const w = f.workers.workerA.id;
    for (const u of [f.users.workerUserA, f.users.managerA, f.users.lead, f.users.admin]) {
      const page = await conversationsPage(asSession(u), w);
      expect(page?.conversations.map((c) => c.id)).toEqual([newer, older]);
      expect((await conversationDetail(asSession(u), w, newer))?.steps).toHaveLength(2);
    }
    expect(await conversationsPage(asSession(f.users.managerA), w)).toMatchObject({ canEdit: true, canTickSteps: true });
    expect(await conversationsPage(asSession(f.users.workerUserA), w)).toMatchObject({ canEdit: false, canTickSteps: true });
    expect(await conversationsPage(asSession(f.users.lead), w)).toMatchObject({ canEdit: false, canTickSteps: false });
    for (const u of [f.users.managerB, f.users.workerUserB, f.users.otherLead]) {
      expect(await conversationsPage(asSession(u), w)).toBeUndefined();
      expect(await conversationDetail(asSession(u), w, newer)).toBeUndefined();
    }
    // A conversation id under another worker's address is not found.
    expect(await conversationDetail(asSession(f.users.managerA), f.workers.lineManagedOnly.id, newer)).toBeUndefined();
  });
});

describe("changing a conversation", () => {
  it("lets the manager change its fields and barriers, audited with what changed", async () => {
    const f = await twoTeams();
    const id = await record(f);
    const { appraisalId: _a, steps: _s, ...fields } = input({
      aspiration: "degree_apprenticeship",
      barriers: ["time_constraints", "other"],
      otherBarrierDetail: "No cover on the ward",
    });
    expect((await updateConversation(asSession(f.users.managerA), f.workers.workerA.id, id, fields, TODAY)).ok).toBe(true);
    expect((await firstRow(db.select().from(careerConversations).where(eq(careerConversations.id, id))))?.aspiration).toBe("degree_apprenticeship");
    const found = await db.select().from(barriers).where(eq(barriers.conversationId, id));
    expect(found.map((b) => b.category).sort()).toEqual(["other", "time_constraints"]);
    const update = (await auditFor(id)).find((e) => e.action === "career_conversation.update")!;
    expect(JSON.parse(update.summary)).toMatchObject({ changed: ["aspiration"], barriersAdded: ["time_constraints", "other"], barriersRemoved: ["financial"] });
  });

  it("refuses a lead, a support worker and another team's manager", async () => {
    const f = await twoTeams();
    const id = await record(f);
    const { appraisalId: _a, steps: _s, ...fields } = input({ optionsDiscussed: "Sneaky" });
    for (const u of [f.users.lead, f.users.workerUserA, f.users.managerB]) {
      expect((await updateConversation(asSession(u), f.workers.workerA.id, id, fields, TODAY)).ok).toBe(false);
      expect((await addStep(asSession(u), f.workers.workerA.id, id, { description: "x", dueOn: "2027-01-01" })).ok).toBe(false);
    }
    expect((await firstRow(db.select().from(careerConversations).where(eq(careerConversations.id, id))))?.optionsDiscussed).not.toBe("Sneaky");
    expect(await stepsOf(id)).toHaveLength(2);
  });

  it("adds a step at the end, audited", async () => {
    const f = await twoTeams();
    const id = await record(f);
    const result = await addStep(asSession(f.users.managerA), f.workers.workerA.id, id, { description: "Book a shadowing day", dueOn: "2027-02-01" });
    expect(result.ok).toBe(true);
    expect((await stepsOf(id)).map((s) => s.description)).toEqual(["Visit the university open day", "Talk to the practice educator", "Book a shadowing day"]);
    if (result.ok) expect((await auditFor(result.stepId)).map((e) => e.action)).toEqual(["career_step.create"]);
    expect(await addStep(asSession(f.users.managerA), f.workers.workerA.id, id, { description: "Too early", dueOn: "2026-11-01" })).toMatchObject({ ok: false, field: "dueOn" });
  });
});

describe("ticking steps off", () => {
  it("lets the worker tick their own step done and undo it, audited", async () => {
    const f = await twoTeams();
    const id = await record(f);
    const step = (await stepsOf(id))[0]!;
    const me = asSession(f.users.workerUserA);
    expect((await setStepDone(me, f.workers.workerA.id, step.id, true, TODAY)).ok).toBe(true);
    expect((await stepsOf(id))[0]?.doneOn).toBe(TODAY);
    expect((await setStepDone(me, f.workers.workerA.id, step.id, false, TODAY)).ok).toBe(true);
    expect((await stepsOf(id))[0]?.doneOn).toBeNull();
    expect((await auditFor(step.id)).map((e) => e.action)).toEqual(["career_step.done", "career_step.undone"]);
    expect((await setStepDone(asSession(f.users.managerA), f.workers.workerA.id, step.id, true, TODAY)).ok).toBe(true);
  });

  it("refuses another worker, a lead and another team's manager", async () => {
    const f = await twoTeams();
    const id = await record(f);
    const step = (await stepsOf(id))[0]!;
    for (const u of [f.users.workerUserB, f.users.lead, f.users.managerB]) {
      expect(await setStepDone(asSession(u), f.workers.workerA.id, step.id, true, TODAY)).toEqual({ ok: false, code: "not_found", message: "Step not found" });
    }
    // Their own worker id with someone else's step does not reach it either.
    expect((await setStepDone(asSession(f.users.workerUserB), f.workers.workerB.id, step.id, true, TODAY)).ok).toBe(false);
    expect((await stepsOf(id))[0]?.doneOn).toBeNull();
  });
});

describe("a step becomes a PDP goal", () => {
  it("adds it to the current PDP (a new draft when there is none), links it, and does it only once", async () => {
    const f = await twoTeams();
    const id = await record(f);
    const step = (await stepsOf(id))[0]!;
    const m = asSession(f.users.managerA);
    const first = await stepToPdpGoal(m, f.workers.workerA.id, step.id, TODAY);
    expect(first).toMatchObject({ ok: true, created: true });
    const goal = (await firstRow(db.select().from(pdpGoals).where(eq(pdpGoals.sourceStepId, step.id))))!;
    expect(goal).toMatchObject({ title: step.description, targetDate: step.dueOn, proposedBy: "manager" });
    expect(await db.select().from(pdps).where(eq(pdps.workerId, f.workers.workerA.id))).toHaveLength(1);
    expect((await auditFor(step.id)).map((e) => e.action)).toEqual(["career_step.to_pdp_goal"]);

    const again = await stepToPdpGoal(m, f.workers.workerA.id, step.id, TODAY);
    expect(again).toMatchObject({ ok: true, created: false, goalId: goal.id });
    expect(await db.select().from(pdpGoals).where(eq(pdpGoals.sourceStepId, step.id))).toHaveLength(1);
    expect(await auditFor(step.id)).toHaveLength(1);
    expect((await conversationDetail(m, f.workers.workerA.id, id))?.steps[0]?.goalId).toBe(goal.id);
  });

  it("refuses a lead, the worker and another team's manager", async () => {
    const f = await twoTeams();
    const id = await record(f);
    const step = (await stepsOf(id))[0]!;
    for (const u of [f.users.lead, f.users.workerUserA, f.users.managerB]) {
      expect((await stepToPdpGoal(asSession(u), f.workers.workerA.id, step.id, TODAY)).ok).toBe(false);
    }
    expect(await db.select().from(pdpGoals)).toHaveLength(0);
    expect(await db.select().from(pdps)).toHaveLength(0);
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
    const f = await twoTeams();
    actAs(asSession(f.users.managerA));
    const state = await recordConversationAction(f.workers.workerA.id, {}, formData(fields()));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.nextConversationOn).toMatch(/must be after this one/);
    expect(state.values?.aspirationDetail).toBe("conversations.test typed text");
    expect(state.lists?.stepDescription).toEqual(["First step", "", ""]);
    expect(state.lists?.barriers).toEqual(["financial"]);
  });

  it("adds a step row without saving", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.managerA));
    const state = await recordConversationAction(f.workers.workerA.id, {}, formData({ ...fields(), intent: "add-step" }));
    expect(state.values?.stepRows).toBe("4");
    expect(state.values?.aspirationDetail).toBe("conversations.test typed text");
    expect(await db.select().from(careerConversations)).toHaveLength(0);
  });

  it("records and redirects to the conversation; a lead or support worker is not found", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.managerA));
    await expect(recordConversationAction(f.workers.workerA.id, {}, formData(fields({ nextConversationOn: addDays(today, 180) })))).rejects.toThrow(/NEXT_REDIRECT/);
    const c = (await firstRow(db.select().from(careerConversations)))!;
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
    const f = await twoTeams();
    const id = await record(f);
    const step = (await stepsOf(id))[0]!;
    actAs(asSession(f.users.workerUserA));
    expect(await setStepDoneAction(f.workers.workerA.id, step.id, {}, formData({ done: "1" }))).toMatchObject({ ok: true, message: "Marked done" });
    actAs(asSession(f.users.workerUserB));
    await expect(setStepDoneAction(f.workers.workerA.id, step.id, {}, formData({ done: "0" }))).rejects.toThrow(NOT_FOUND);
    expect((await firstRow(db.select().from(careerSteps).where(eq(careerSteps.id, step.id))))?.doneOn).toBe(today);
  });
});
