import "server-only";
// Career conversations: what a worker wants to do next, what stands in the way, the steps agreed and when to talk
// again. The worker, their managers, leads (read only) and admins reach them; a conversation recorded inside an
// appraisal is locked while that appraisal is signed off. Agreed steps can become PDP goals.
import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { never } from "../dialect";
import { db, first, one } from "../client";
import { workers, users, professions, appraisals, careerConversations, careerSteps, barriers, pdpGoals, pdps } from "../schema";
import { visibleWorkers, editableWorkers } from "../access";
import { audit } from "../audit";
import { refuseOwnRecord } from "../separation";
import { addGoalsToCurrentPdp } from "./pdp-intake";
import type { SessionUser } from "../../lib/session-user";
import type { BarrierCategory } from "../../lib/vocabulary";
import type { ConversationFields, NewConversationFields, StepFields } from "../../lib/forms/conversation";
import { formatDate, todayInLondon } from "../../lib/rules/dates";
import {
  appraisalTakesConversation,
  heldOnProblem,
  lockedByAppraisal,
  workerMayReadConversation,
  lockMessage,
  nextConversationProblem,
  stepDueProblem,
} from "../../lib/rules/career";
import { workerRecordHeader } from "./workers";
import type { Result } from "../result";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type ConversationResult = Result<{ workerId: string; conversationId: string }>;
export type StepResult = Result<{ workerId: string; conversationId: string; stepId: string }>;
export type StepGoalResult = Result<{ workerId: string; conversationId: string; stepId: string; goalId: string; created: boolean }>;

const NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "Career conversation not found" };
const WORKER_NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "Worker not found" };
const LEFT = { ok: false as const, code: "read_only" as const, message: "This worker has left. Their record can no longer be changed." };

const mayEdit = (user: SessionUser) => user.role === "manager" || user.role === "admin";

/** The appraisal a conversation belongs to, as the pages show it: its date, status and sign-off date. */
function appraisalSummary(a: { id: string | null; heldOn: string | null; scheduledFor: string | null; status: string | null; completedAt: Date | null }) {
  if (!a.id || !a.status || !a.scheduledFor) return null;
  return {
    id: a.id,
    on: a.heldOn ?? a.scheduledFor,
    status: a.status as (typeof appraisals.$inferSelect)["status"],
    signedOffOn: a.completedAt ? todayInLondon(a.completedAt) : null,
  };
}

const conversationColumns = {
  id: careerConversations.id,
  workerId: careerConversations.workerId,
  heldOn: careerConversations.heldOn,
  heldByName: users.name,
  aspiration: careerConversations.aspiration,
  aspirationDetail: careerConversations.aspirationDetail,
  targetProfessionId: careerConversations.targetProfessionId,
  targetProfession: professions.name,
  apprenticeshipInterest: careerConversations.apprenticeshipInterest,
  optionsDiscussed: careerConversations.optionsDiscussed,
  nextConversationOn: careerConversations.nextConversationOn,
  appraisalId: appraisals.id,
  appraisalHeldOn: appraisals.heldOn,
  appraisalScheduledFor: appraisals.scheduledFor,
  appraisalStatus: appraisals.status,
  appraisalCompletedAt: appraisals.completedAt,
};

function conversationQuery() {
  return db
    .select(conversationColumns)
    .from(careerConversations)
    .innerJoin(workers, eq(workers.id, careerConversations.workerId))
    .leftJoin(users, eq(users.id, careerConversations.heldBy))
    .leftJoin(professions, eq(professions.id, careerConversations.targetProfessionId))
    .leftJoin(appraisals, eq(appraisals.id, careerConversations.appraisalId));
}

function shapeConversation(row: Awaited<ReturnType<ReturnType<typeof conversationQuery>["all"]>>[number]) {
  const { appraisalId, appraisalHeldOn, appraisalScheduledFor, appraisalStatus, appraisalCompletedAt, ...rest } = row;
  const appraisal = appraisalSummary({
    id: appraisalId,
    heldOn: appraisalHeldOn,
    scheduledFor: appraisalScheduledFor,
    status: appraisalStatus,
    completedAt: appraisalCompletedAt,
  });
  return { ...rest, appraisal, locked: lockedByAppraisal(appraisal) };
}

/** The worker as every conversation page's heading shows them, if the user may see them. */
async function visibleWorker(user: SessionUser, workerId: string) {
  return await workerRecordHeader(user, workerId);
}

/** What the user may do with this worker's conversations. */
function permissions(user: SessionUser, worker: { status: string; userId: string | null; editable: boolean }) {
  const inPost = worker.status === "in_post";
  const manages = inPost && mayEdit(user) && worker.editable;
  // Nobody records a career conversation with themselves (db/separation.ts); ticking a step done is anyone's on their own record.
  const canEdit = manages && worker.userId !== user.id;
  const ownRecord = user.role === "support_worker" && worker.userId === user.id;
  return { canEdit, canTickSteps: manages || (inPost && ownRecord) };
}

async function stepsFor(conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return await db
    .select({
      id: careerSteps.id,
      conversationId: careerSteps.conversationId,
      description: careerSteps.description,
      dueOn: careerSteps.dueOn,
      doneOn: careerSteps.doneOn,
      // The goal the step became; when a PDP was closed and the goal carried over, the one in the current PDP.
      goalId: sql<string | null>`(select ${pdpGoals.id} from ${pdpGoals} join ${pdps} on ${pdps.id} = ${pdpGoals.pdpId}
        where ${pdpGoals.sourceStepId} = ${careerSteps.id} order by ${pdps.status} = 'closed', ${pdpGoals.createdAt} desc limit 1)`,
    })
    .from(careerSteps)
    // Joined so that drizzle qualifies the columns in the subquery above (see tests/support/sql-guard.ts).
    .innerJoin(careerConversations, eq(careerConversations.id, careerSteps.conversationId))
    .where(inArray(careerSteps.conversationId, conversationIds))
    .orderBy(asc(careerSteps.sort), asc(careerSteps.id));
}

async function barriersFor(conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return await db
    .select({ id: barriers.id, conversationId: barriers.conversationId, category: barriers.category, detail: barriers.detail })
    .from(barriers)
    .where(inArray(barriers.conversationId, conversationIds))
    .orderBy(asc(barriers.category));
}

/** A worker's conversations, newest first, with their steps and barriers; undefined when the user may not see the worker. */
export async function conversationsPage(user: SessionUser, workerId: string) {
  const worker = await visibleWorker(user, workerId);
  if (!worker) return undefined;
  const rows = (await conversationQuery()
    .where(and(eq(careerConversations.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(careerConversations.heldOn), desc(careerConversations.createdAt)))
    .map(shapeConversation)
    // The person the conversation is about, whatever their role, reads one tied to an appraisal once they may read it.
    .filter((c) => (user.role !== "support_worker" && worker.userId !== user.id) || workerMayReadConversation(c.appraisal));
  const ids = rows.map((r) => r.id);
  const steps = await stepsFor(ids);
  const found = await barriersFor(ids);
  return {
    worker,
    ...permissions(user, worker),
    conversations: rows.map((r) => ({
      ...r,
      steps: steps.filter((s) => s.conversationId === r.id),
      barriers: found.filter((b) => b.conversationId === r.id),
    })),
  };
}

/** One conversation with its steps (and the PDP goal each became), barriers and appraisal; undefined when not visible. */
export async function conversationDetail(user: SessionUser, workerId: string, conversationId: string) {
  const worker = await visibleWorker(user, workerId);
  if (!worker) return undefined;
  const row = await first(conversationQuery()
    .where(and(eq(careerConversations.id, conversationId), eq(careerConversations.workerId, workerId), visibleWorkers(user))));
  if (!row) return undefined;
  const conversation = shapeConversation(row);
  if ((user.role === "support_worker" || worker.userId === user.id) && !workerMayReadConversation(conversation.appraisal)) return undefined;
  const perms = permissions(user, worker);
  return {
    worker,
    conversation,
    steps: await stepsFor([conversationId]),
    barriers: await barriersFor([conversationId]),
    canEdit: perms.canEdit && !conversation.locked,
    // Steps are progress, not the appraisal's record: they can be ticked and carried into the PDP after sign-off.
    canTickSteps: perms.canTickSteps,
    // Managers of the worker and admins: make steps PDP goals, open the edit page (which explains a lock).
    canManage: perms.canEdit,
  };
}

/** The worker, when the user may record a conversation for them (managers of the worker, admins; in post). */
export async function conversationWorker(user: SessionUser, workerId: string) {
  const worker = await visibleWorker(user, workerId);
  if (!worker || !permissions(user, worker).canEdit) return undefined;
  return worker;
}

/** An appraisal of this worker that can still take a conversation (not signed off, not cancelled), for the new form. */
export async function openAppraisalFor(user: SessionUser, workerId: string, appraisalId: string) {
  if (!mayEdit(user)) return undefined;
  const row = await first(db
    .select({ id: appraisals.id, heldOn: appraisals.heldOn, scheduledFor: appraisals.scheduledFor, status: appraisals.status })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .where(and(eq(appraisals.id, appraisalId), eq(appraisals.workerId, workerId), editableWorkers(user))));
  if (!row || !appraisalTakesConversation(row.status)) return undefined;
  return { id: row.id, on: row.heldOn ?? row.scheduledFor, status: row.status };
}

/** The choices the form offers: live professions (a degree apprenticeship or registration leads into one). */
export async function conversationFormOptions(_user: SessionUser) {
  return {
    professions: (await db
      .select({ id: professions.id, name: professions.name })
      .from(professions)
      .where(isNull(professions.retiredAt))
      .orderBy(asc(professions.sort), asc(professions.name)))
      .map((p) => [p.id, p.name] as const),
  };
}

/* ------------------------------------------------------------------ changes */

/** The worker, if this user may change their conversations (managers of the worker, admins). */
async function editableWorkerInTx(tx: Tx, user: SessionUser, workerId: string) {
  if (!mayEdit(user)) return undefined;
  return await first(tx
    .select({ id: workers.id, status: workers.status, contractStart: workers.contractStart })
    .from(workers)
    .where(and(eq(workers.id, workerId), editableWorkers(user))));
}

/** The checks a conversation's fields must pass beyond their shape: dates against the worker and today, a live profession. */
async function checkFields(tx: Tx, f: ConversationFields, contractStart: string, today: string, keepProfessionId?: string | null) {
  const held = heldOnProblem(f.heldOn, today, contractStart);
  if (held) return { ok: false as const, code: "invalid" as const, field: "heldOn", message: held };
  const next = nextConversationProblem(f.heldOn, f.nextConversationOn);
  if (next) return { ok: false as const, code: "invalid" as const, field: "nextConversationOn", message: next };
  if (f.barriers.includes("other") && f.otherBarrierDetail.trim() === "") {
    return { ok: false as const, code: "invalid" as const, field: "otherBarrierDetail", message: "Say what else gets in the way" };
  }
  if (f.targetProfessionId && f.targetProfessionId !== keepProfessionId) {
    const live = await first(tx
      .select({ id: professions.id })
      .from(professions)
      .where(and(eq(professions.id, f.targetProfessionId), isNull(professions.retiredAt))));
    if (!live) return { ok: false as const, code: "invalid" as const, field: "targetProfessionId", message: "Select a profession from the list" };
  }
  return undefined;
}

function conversationValues(f: ConversationFields) {
  return {
    heldOn: f.heldOn,
    aspiration: f.aspiration,
    aspirationDetail: f.aspirationDetail,
    targetProfessionId: f.targetProfessionId,
    apprenticeshipInterest: f.apprenticeshipInterest,
    optionsDiscussed: f.optionsDiscussed,
    nextConversationOn: f.nextConversationOn,
  };
}

function barrierDetail(category: BarrierCategory, f: ConversationFields) {
  return category === "other" ? f.otherBarrierDetail.trim() : "";
}

/** Records a conversation (managers of the worker, admins), with its steps and barriers, optionally inside an open appraisal. */
export async function recordConversation(user: SessionUser, workerId: string, f: NewConversationFields, today = todayInLondon()): Promise<ConversationResult> {
  if (!mayEdit(user)) return { ok: false, code: "read_only", message: "Only the worker's manager or an administrator records a career conversation" };
  return await db.transaction(async (tx) => {
    const worker = await editableWorkerInTx(tx, user, workerId);
    if (!worker) return WORKER_NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "conversation");
    if (own) return own;
    if (worker.status === "left") return LEFT;
    const problem = await checkFields(tx, f, worker.contractStart, today);
    if (problem) return problem;
    for (const [i, s] of f.steps.entries()) {
      const due = stepDueProblem(f.heldOn, s.dueOn);
      if (due) return { ok: false, code: "invalid", field: `steps.${i}.dueOn`, message: due };
    }
    if (f.appraisalId) {
      // Never trust the id from the link: it must be this worker's appraisal, and still open.
      const appraisal = await first(tx
        .select({ id: appraisals.id, status: appraisals.status })
        .from(appraisals)
        .where(and(eq(appraisals.id, f.appraisalId), eq(appraisals.workerId, workerId))));
      if (!appraisal) return { ok: false, code: "invalid", message: "That appraisal was not found for this worker" };
      if (!appraisalTakesConversation(appraisal.status)) {
        return { ok: false, code: "read_only", message: "That appraisal has gone to the worker to sign, or is signed off or cancelled, so a conversation cannot be added to it" };
      }
    }
    const conversation = await one(tx
      .insert(careerConversations)
      .values({ workerId, appraisalId: f.appraisalId, heldBy: user.id, ...conversationValues(f) })
      .returning({ id: careerConversations.id }));
    for (const [sort, s] of f.steps.entries()) {
      await tx.insert(careerSteps).values({ conversationId: conversation.id, description: s.description, dueOn: s.dueOn, sort });
    }
    for (const category of f.barriers) {
      await tx.insert(barriers)
        .values({ workerId, conversationId: conversation.id, category, detail: barrierDetail(category, f), recordedOn: f.heldOn, recordedBy: user.id });
    }
    await audit(tx, user, {
      action: "career_conversation.create",
      entityType: "career_conversation",
      entityId: conversation.id,
      workerId,
      summary: {
        heldOn: f.heldOn,
        aspiration: f.aspiration,
        apprenticeshipInterest: f.apprenticeshipInterest,
        appraisalId: f.appraisalId,
        barriers: f.barriers,
        steps: f.steps.length,
        nextConversationOn: f.nextConversationOn,
      },
    });
    return { ok: true, workerId, conversationId: conversation.id };
  });
}

/** The conversation with its appraisal's status, inside a change, if this user may change it. */
async function editableConversationInTx(tx: Tx, user: SessionUser, workerId: string, conversationId: string) {
  if (!mayEdit(user)) return undefined;
  const row = await first(tx
    .select({
      conversation: careerConversations,
      workerStatus: workers.status,
      contractStart: workers.contractStart,
      appraisalStatus: appraisals.status,
      appraisalCompletedAt: appraisals.completedAt,
    })
    .from(careerConversations)
    .innerJoin(workers, eq(workers.id, careerConversations.workerId))
    .leftJoin(appraisals, eq(appraisals.id, careerConversations.appraisalId))
    .where(and(eq(careerConversations.id, conversationId), eq(careerConversations.workerId, workerId), editableWorkers(user))));
  if (!row) return undefined;
  const appraisal = row.appraisalStatus
    ? { status: row.appraisalStatus, signedOffOn: row.appraisalCompletedAt ? todayInLondon(row.appraisalCompletedAt) : null }
    : null;
  return { ...row, locked: lockedByAppraisal(appraisal), lockMessage: lockMessage(appraisal) };
}

/** Changes a conversation's fields and barriers (managers of the worker, admins); refused while its appraisal is signed off. */
export async function updateConversation(
  user: SessionUser,
  workerId: string,
  conversationId: string,
  f: ConversationFields,
  today = todayInLondon(),
): Promise<ConversationResult> {
  if (!mayEdit(user)) return { ok: false, code: "read_only", message: "Only the worker's manager or an administrator changes a career conversation" };
  return await db.transaction(async (tx) => {
    const found = await editableConversationInTx(tx, user, workerId, conversationId);
    if (!found) return NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "conversation");
    if (own) return own;
    if (found.workerStatus === "left") return LEFT;
    if (found.locked) return { ok: false, code: "read_only", message: found.lockMessage };
    const before = found.conversation;
    const problem = await checkFields(tx, f, found.contractStart, today, before.targetProfessionId);
    if (problem) return problem;
    const steps = await tx.select({ dueOn: careerSteps.dueOn }).from(careerSteps).where(eq(careerSteps.conversationId, conversationId));
    const early = steps.find((s) => s.dueOn !== null && s.dueOn < f.heldOn);
    if (early) return { ok: false, code: "invalid", field: "heldOn", message: `The conversation cannot be after a step agreed in it was due (${formatDate(early.dueOn)})` };

    const values = conversationValues(f);
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => before[k] !== values[k]);
    await tx.update(careerConversations).set(values).where(eq(careerConversations.id, conversationId));

    const existing = await tx.select().from(barriers).where(eq(barriers.conversationId, conversationId));
    const removed = existing.filter((b) => !f.barriers.includes(b.category));
    const added = f.barriers.filter((c) => !existing.some((b) => b.category === c));
    if (removed.length) await tx.delete(barriers).where(inArray(barriers.id, removed.map((b) => b.id)));
    for (const category of added) {
      await tx.insert(barriers)
        .values({ workerId, conversationId, category, detail: barrierDetail(category, f), recordedOn: f.heldOn, recordedBy: user.id });
    }
    const other = existing.find((b) => b.category === "other" && f.barriers.includes("other"));
    const otherChanged = !!other && other.detail !== f.otherBarrierDetail.trim();
    if (other && otherChanged) await tx.update(barriers).set({ detail: f.otherBarrierDetail.trim() }).where(eq(barriers.id, other.id));

    if (changed.length || removed.length || added.length || otherChanged) {
      await audit(tx, user, {
        action: "career_conversation.update",
        entityType: "career_conversation",
        entityId: conversationId,
        workerId,
        summary: {
          changed,
          barriersAdded: added,
          barriersRemoved: removed.map((b) => b.category),
          ...(otherChanged ? { otherBarrierDetailChanged: true } : {}),
        },
      });
    }
    return { ok: true, workerId, conversationId };
  });
}

/** Adds an agreed step to a conversation (managers of the worker, admins); refused while its appraisal is signed off. */
export async function addStep(user: SessionUser, workerId: string, conversationId: string, step: StepFields): Promise<StepResult> {
  if (!mayEdit(user)) return { ok: false, code: "read_only", message: "Only the worker's manager or an administrator adds a step" };
  return await db.transaction(async (tx) => {
    const found = await editableConversationInTx(tx, user, workerId, conversationId);
    if (!found) return NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "conversation");
    if (own) return own;
    if (found.workerStatus === "left") return LEFT;
    if (found.locked) return { ok: false, code: "read_only", message: found.lockMessage };
    const due = stepDueProblem(found.conversation.heldOn, step.dueOn);
    if (due) return { ok: false, code: "invalid", field: "dueOn", message: due };
    const sort = ((await first(tx.select({ n: max(careerSteps.sort) }).from(careerSteps).where(eq(careerSteps.conversationId, conversationId))))?.n ?? -1) + 1;
    const row = await one(tx
      .insert(careerSteps)
      .values({ conversationId, description: step.description, dueOn: step.dueOn, sort })
      .returning({ id: careerSteps.id }));
    await audit(tx, user, {
      action: "career_step.create",
      entityType: "career_step",
      entityId: row.id,
      workerId,
      summary: { conversationId, dueOn: step.dueOn },
    });
    return { ok: true, workerId, conversationId, stepId: row.id };
  });
}

/** A step of this worker's conversation, if the user may tick it: managers of the worker, admins, and the worker themselves. */
async function tickableStepInTx(tx: Tx, user: SessionUser, workerId: string, stepId: string) {
  const access = user.role === "support_worker" ? visibleWorkers(user) : mayEdit(user) ? editableWorkers(user) : never;
  return await first(tx
    .select({ step: careerSteps, workerStatus: workers.status })
    .from(careerSteps)
    .innerJoin(careerConversations, eq(careerConversations.id, careerSteps.conversationId))
    .innerJoin(workers, eq(workers.id, careerConversations.workerId))
    .where(and(eq(careerSteps.id, stepId), eq(careerConversations.workerId, workerId), access)));
}

/** Marks a step done today, or not done (undo). The worker may tick off their own steps. */
export async function setStepDone(user: SessionUser, workerId: string, stepId: string, done: boolean, today = todayInLondon()): Promise<StepResult> {
  return await db.transaction(async (tx) => {
    const found = await tickableStepInTx(tx, user, workerId, stepId);
    if (!found) return { ok: false, code: "not_found", message: "Step not found" };
    if (found.workerStatus === "left") return LEFT;
    const { step } = found;
    const result = { ok: true as const, workerId, conversationId: step.conversationId, stepId };
    if (!!step.doneOn === done) return result;
    await tx.update(careerSteps)
      .set({ doneOn: done ? today : null })
      .where(eq(careerSteps.id, stepId));
    await audit(tx, user, {
      action: done ? "career_step.done" : "career_step.undone",
      entityType: "career_step",
      entityId: stepId,
      workerId,
      summary: { conversationId: step.conversationId, doneOn: done ? today : null, was: step.doneOn },
    });
    return result;
  });
}

/**
 * Carries an agreed step into the worker's current PDP as a goal (creating a draft PDP when there is none).
 * Doing it twice gives back the goal made the first time.
 */
export async function stepToPdpGoal(user: SessionUser, workerId: string, stepId: string, today = todayInLondon()): Promise<StepGoalResult> {
  if (!mayEdit(user)) return { ok: false, code: "read_only", message: "Only the worker's manager or an administrator adds a goal to their PDP" };
  return await db.transaction(async (tx) => {
    const found = await tickableStepInTx(tx, user, workerId, stepId);
    if (!found) return { ok: false, code: "not_found", message: "Step not found" };
    const own = await refuseOwnRecord(tx, user, workerId, "goalDecision");
    if (own) return own;
    if (found.workerStatus === "left") return LEFT;
    const { step } = found;
    const result = await addGoalsToCurrentPdp(
      tx,
      user,
      workerId,
      [{ title: step.description, targetDate: step.dueOn, proposedBy: "manager", sourceStepId: step.id }],
      today,
    );
    const created = result.goalIds[0];
    const goalId =
      created ??
      (await first(tx
        .select({ id: pdpGoals.id })
        .from(pdpGoals)
        .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
        .where(and(eq(pdpGoals.sourceStepId, step.id), eq(pdps.workerId, workerId)))
        .orderBy(sql`${pdps.status} = 'closed'`, desc(pdpGoals.createdAt))))?.id;
    if (!goalId) return { ok: false, code: "invalid", message: "The goal could not be added" };
    if (created) {
      await audit(tx, user, {
        action: "career_step.to_pdp_goal",
        entityType: "career_step",
        entityId: step.id,
        workerId,
        summary: { conversationId: step.conversationId, goalId, pdpId: result.pdpId, createdPdp: result.createdPdp },
      });
    }
    return { ok: true, workerId, conversationId: step.conversationId, stepId: step.id, goalId, created: !!created };
  }, { behavior: "immediate" });
}
