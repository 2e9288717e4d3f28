import "server-only";
// The annual appraisal: booking and moving it to another date, the manager's form, the two signatures (the worker's and
// the appraiser's), the lock and reopening, and new objectives becoming PDP goals. Reads join the worker through visibleWorkers(user); manager changes through
// editableWorkers(user); the worker's own steps through their own record. Every step goes through the lifecycle rules.
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { insertionOrder } from "../dialect";
import { db, first, lockFor, one } from "../client";
import {
  appraisals,
  appraisalObjectiveReviews,
  appraisalObjectives,
  appraisalReopenings,
  appraisalReschedulings,
  careerConversations,
  careerSteps,
  pdpGoals,
  pdps,
  professions,
  teams,
  users,
  workers,
} from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { audit } from "../audit";
import { ownRecordRefused, refuseOwnRecord } from "../separation";
import { addGoalsToCurrentPdp, currentPdpInTx } from "./pdp-intake";
import type { SessionUser } from "../../lib/session-user";
import type { AppraisalStatus, ObjectiveOutcome } from "../../lib/vocabulary";
import { formatDate, todayInLondon, now as clockNow } from "../../lib/rules/dates";
import { appraisalDue, scheduleDateProblem } from "../../lib/rules/appraisal-due";
import {
  alreadySignedMessage,
  checkAppraisalStep,
  isOpen,
  lockedMessage,
  objectivesToReview,
  managerMayEdit,
  OPEN_APPRAISAL_STATUSES,
  rescheduleDateProblem,
  sendForSignOffProblems,
  statusAfterSigning,
  signOffRefusal,
  workerMayReadContent,
  type AppraisalStep,
} from "../../lib/rules/appraisal-lifecycle";
import { objectiveChanges, type AppraisalFields, type RescheduleFields, type ScheduleFields } from "../../lib/forms/appraisal";
import { type Refusal, type Result } from "../result";
import type { Signature } from "../../lib/rules/signature";

// Qualified by hand: in a single-table select drizzle leaves column names bare, which inside the subquery would
// resolve to pdp_goals' own id.
// When a PDP was closed and the goal carried over, the goal in the current PDP is the one to link to.
const goalOfObjective = sql<string | null>`(select g.id from ${pdpGoals} g join ${pdps} p on p.id = g.pdp_id
  where g.source_objective_id = ${sql.raw('"appraisal_objectives"."id"')} order by p.status = 'closed', g.created_at desc limit 1)`;

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type AppraisalResult = Result<{ workerId: string; appraisalId: string; message?: string; added?: number }>;

const NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Appraisal not found" };

/** Who signed as appraiser (users is already joined as the booked appraiser). */
const appraiserSigner = alias(users, "appraiser_signer");

const workerName = (w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`;

/** The date something was signed, in London, as words: "3 March 2026". */
const signedOnWords = (at: Date | null) => (at ? formatDate(todayInLondon(at)) : "");

/* ------------------------------------------------------------------ reads */

const workerHeader = {
  id: workers.id,
  firstName: workers.firstName,
  lastName: workers.lastName,
  jobTitle: workers.jobTitle,
  teamName: teams.name,
  contractStart: workers.contractStart,
  status: workers.status,
  userId: workers.userId,
  lineManagerId: workers.lineManagerId,
};

async function visibleWorker(user: SessionUser, workerId: string) {
  const worker = await first(db
    .select(workerHeader)
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(eq(workers.id, workerId), visibleWorkers(user))));
  return worker && { ...worker, isOwn: worker.userId === user.id };
}

async function mayEditWorker(user: SessionUser, workerId: string): Promise<boolean> {
  return !!await first(db.select({ id: workers.id }).from(workers).where(and(eq(workers.id, workerId), editableWorkers(user))));
}

/** A worker's appraisals with the next due date, or undefined when the user may not see the worker. */
export async function appraisalsPage(user: SessionUser, workerId: string, today = todayInLondon()) {
  const worker = await visibleWorker(user, workerId);
  if (!worker) return undefined;
  const list = await db
    .select({
      id: appraisals.id,
      status: appraisals.status,
      scheduledFor: appraisals.scheduledFor,
      heldOn: appraisals.heldOn,
      workerSignedAt: appraisals.workerSignedAt,
      appraiserSignedAt: appraisals.appraiserSignedAt,
      completedAt: appraisals.completedAt,
      statusReason: appraisals.statusReason,
      appraiserName: users.name,
    })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .leftJoin(users, eq(users.id, appraisals.appraiserId))
    .where(and(eq(appraisals.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(sql`coalesce(${appraisals.heldOn}, ${appraisals.scheduledFor})`), desc(appraisals.createdAt));
  const due = appraisalDue(worker.contractStart, list, today);
  const open = list.find((a) => isOpen(a.status));
  // Nobody books or writes their own appraisal (db/separation.ts).
  const canEdit = worker.status === "in_post" && worker.userId !== user.id && await mayEditWorker(user, workerId);
  return {
    worker,
    isOwnRecord: user.role === "support_worker",
    canEdit,
    due: worker.status === "in_post" ? due : null,
    everAppraised: due.lastCompletedOn !== null,
    open,
    history: list.filter((a) => a !== open),
  };
}

export type AppraisalsPage = NonNullable<Awaited<ReturnType<typeof appraisalsPage>>>;

/** Active managers in the user's organisation, to choose the appraiser from, but the worker (`exceptUserId`). */
export async function appraiserOptions(user: SessionUser, exceptUserId?: string | null): Promise<Array<readonly [string, string]>> {
  return (await db
    .select({ id: users.id, name: users.name })
    .from(users)
    // Never the worker themselves, who cannot be their own appraiser.
    .where(and(eq(users.orgId, user.orgId), eq(users.role, "manager"), eq(users.status, "active"), exceptUserId ? ne(users.id, exceptUserId) : undefined))
    .orderBy(asc(users.name)))
    .map((u) => [u.id, u.name] as const);
}

async function linkedConversations(appraisalId: string) {
  const rows = await db
    .select({
      id: careerConversations.id,
      heldOn: careerConversations.heldOn,
      aspiration: careerConversations.aspiration,
      aspirationDetail: careerConversations.aspirationDetail,
      targetProfession: professions.name,
      apprenticeshipInterest: careerConversations.apprenticeshipInterest,
      optionsDiscussed: careerConversations.optionsDiscussed,
      nextConversationOn: careerConversations.nextConversationOn,
      heldByName: users.name,
    })
    .from(careerConversations)
    .leftJoin(professions, eq(professions.id, careerConversations.targetProfessionId))
    .leftJoin(users, eq(users.id, careerConversations.heldBy))
    .where(eq(careerConversations.appraisalId, appraisalId))
    .orderBy(asc(careerConversations.heldOn), asc(careerConversations.createdAt));
  if (rows.length === 0) return [];
  const steps = await db
    .select()
    .from(careerSteps)
    .where(
      inArray(
        careerSteps.conversationId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(careerSteps.sort));
  return rows.map((r) => ({ ...r, steps: steps.filter((s) => s.conversationId === r.id) }));
}

/**
 * Everything the appraisal page needs, or undefined when the user may not see it (or it is not this worker's).
 * A support worker sees what was written only once it is theirs to sign off or done; before that, when and with whom.
 */
export async function appraisalDetail(user: SessionUser, workerId: string, appraisalId: string) {
  const row = await first(db
    .select({ appraisal: appraisals, worker: workerHeader, appraiserName: users.name, appraiserSignedByName: appraiserSigner.name })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .leftJoin(users, eq(users.id, appraisals.appraiserId))
    .leftJoin(appraiserSigner, eq(appraiserSigner.id, appraisals.appraiserSignedBy))
    .where(and(eq(appraisals.id, appraisalId), eq(appraisals.workerId, workerId), visibleWorkers(user))));
  if (!row) return undefined;
  const a = row.appraisal;
  const isWorker = user.role === "support_worker";
  // Nobody writes their own appraisal, whatever their role (db/separation.ts).
  const canEdit = row.worker.status === "in_post" && row.worker.userId !== user.id && await mayEditWorker(user, workerId);
  const summary = {
    id: a.id,
    status: a.status,
    scheduledFor: a.scheduledFor,
    heldOn: a.heldOn,
    statusReason: a.statusReason,
    workerSignedAt: a.workerSignedAt,
    appraiserSignedAt: a.appraiserSignedAt,
    appraiserSignedByName: a.appraiserSignedAt ? (row.appraiserSignedByName ?? "a former user") : null,
    completedAt: a.completedAt,
    updatedAt: a.updatedAt,
    appraiserName: row.appraiserName,
  };
  // The moves of the booking are when and why, not what was written: everyone who sees the appraisal sees them.
  const reschedulings = await db
    .select({
      id: appraisalReschedulings.id,
      fromDate: appraisalReschedulings.fromDate,
      toDate: appraisalReschedulings.toDate,
      reason: appraisalReschedulings.reason,
      at: appraisalReschedulings.createdAt,
      byName: users.name,
    })
    .from(appraisalReschedulings)
    .leftJoin(users, eq(users.id, appraisalReschedulings.rescheduledBy))
    .where(eq(appraisalReschedulings.appraisalId, a.id))
    .orderBy(asc(appraisalReschedulings.createdAt), insertionOrder(appraisalReschedulings));
  const base = {
    worker: row.worker,
    appraisal: summary,
    isWorker,
    canEdit,
    /** The manager may write in it now. */
    editable: canEdit && managerMayEdit(a.status),
    /** The manager may move the booking to another date now. */
    canReschedule: canEdit && a.status === "scheduled",
    /** The worker may comment, sign or send it back now (until they have signed). */
    awaitingMe: isWorker && row.worker.userId === user.id && a.status === "awaiting_sign_off" && !a.workerSignedAt,
    /** The user may sign as its appraiser now: the worker's manager or an administrator, never on their own record. */
    canSignAsAppraiser: canEdit && a.status === "awaiting_sign_off" && !a.appraiserSignedAt,
    reschedulings,
  };
  // The person appraised reads it once it is theirs to sign, whatever their role.
  if ((isWorker || row.worker.userId === user.id) && !workerMayReadContent(a.status)) return { ...base, content: null };

  const reviews = await db
    .select()
    .from(appraisalObjectiveReviews)
    .where(eq(appraisalObjectiveReviews.appraisalId, a.id))
    .orderBy(asc(appraisalObjectiveReviews.sort));
  const objectives = await db
    .select({
      id: appraisalObjectives.id,
      title: appraisalObjectives.title,
      successMeasure: appraisalObjectives.successMeasure,
      targetDate: appraisalObjectives.targetDate,
      goalId: goalOfObjective,
    })
    .from(appraisalObjectives)
    .where(eq(appraisalObjectives.appraisalId, a.id))
    .orderBy(asc(appraisalObjectives.sort));
  const reopenings = await db
    .select({ id: appraisalReopenings.id, reason: appraisalReopenings.reason, at: appraisalReopenings.createdAt, byName: users.name })
    .from(appraisalReopenings)
    .leftJoin(users, eq(users.id, appraisalReopenings.reopenedBy))
    .where(eq(appraisalReopenings.appraisalId, a.id))
    .orderBy(asc(appraisalReopenings.createdAt));
  return {
    ...base,
    content: {
      achievements: a.achievements,
      wellbeing: a.wellbeing,
      feedback: a.feedback,
      trainingNeeds: a.trainingNeeds,
      appraiserSummary: a.appraiserSummary,
      workerComments: a.workerComments,
      reviews,
      objectives,
      reopenings,
      conversations: await linkedConversations(a.id),
    },
  };
}

export type AppraisalDetail = NonNullable<Awaited<ReturnType<typeof appraisalDetail>>>;

/* ------------------------------------------------------------------ changes */

/**
 * Every step on one appraisal takes its lock before reading it, so two steps at once on PostgreSQL (the worker signing
 * as the appraiser signs, a send-back as the appraiser signs) run one after the other, each reading what the other
 * wrote: both signatures then complete it. SQLite's transactions already run one at a time.
 */
async function lockAppraisal(appraisalId: string): Promise<void> {
  await lockFor(`appraisal ${appraisalId}`);
}

/** The appraisal with its worker, if the user may change this worker's record (their manager, an admin). */
async function editableAppraisal(tx: Tx, user: SessionUser, workerId: string, appraisalId: string) {
  await lockAppraisal(appraisalId);
  return await first(tx
    .select({
      appraisal: appraisals,
      worker: { firstName: workers.firstName, lastName: workers.lastName, status: workers.status, userId: workers.userId, contractStart: workers.contractStart },
    })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .where(and(eq(appraisals.id, appraisalId), eq(appraisals.workerId, workerId), editableWorkers(user))));
}

const leftRefusal = (w: { firstName: string; lastName: string }): Refusal => ({
  ok: false,
  code: "read_only",
  message: `${workerName(w)} has left, so this appraisal can only be cancelled`,
});

/** The refusal for a manager's change the appraisal's state does not allow (locked, awaiting, cancelled). */
function notEditable(a: typeof appraisals.$inferSelect, workerFullName: string): Refusal | undefined {
  if (managerMayEdit(a.status)) return undefined;
  if (a.status === "completed") return { ok: false, code: "read_only", message: lockedMessage(signedOnWords(a.completedAt)) };
  if (a.status === "awaiting_sign_off") {
    return {
      ok: false,
      code: "read_only",
      message: a.workerSignedAt
        ? `${workerFullName} has signed this appraisal; it is waiting for the appraiser's signature.`
        : `This appraisal is waiting for ${workerFullName} to sign it off. They can send it back to you if something needs changing.`,
    };
  }
  return { ok: false, code: "read_only", message: "This appraisal was cancelled and can no longer be changed" };
}

function refuseUnlessManagerRole(user: SessionUser): Refusal | undefined {
  if (user.role === "manager" || user.role === "admin") return undefined;
  return { ok: false, code: "read_only", message: "Only the worker's manager or an administrator can do this" };
}

/** Books an appraisal: a real date within 18 months and not before they started, an active manager, one open at a time. */
export async function scheduleAppraisal(user: SessionUser, workerId: string, f: ScheduleFields, today = todayInLondon()): Promise<AppraisalResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const worker = await first(tx.select().from(workers).where(and(eq(workers.id, workerId), editableWorkers(user))));
    if (!worker) return { ok: false, code: "not_found", message: "Worker not found" };
    const own = await refuseOwnRecord(tx, user, workerId, "appraisal");
    if (own) return own;
    if (worker.status !== "in_post") return { ok: false, code: "read_only", message: `${workerName(worker)} has left, so no appraisal can be booked` };
    const dateProblem = scheduleDateProblem(f.scheduledFor, today, worker.contractStart);
    if (dateProblem) return { ok: false, code: "invalid", field: "scheduledFor", message: dateProblem };
    const appraiser = await first(tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, f.appraiserId), eq(users.orgId, user.orgId), eq(users.role, "manager"), eq(users.status, "active"))));
    if (!appraiser) return { ok: false, code: "invalid", field: "appraiserId", message: "Select the appraiser from the list" };
    if (appraiser.id === worker.userId) return { ok: false, code: "invalid", field: "appraiserId", message: `${workerName(worker)} cannot be their own appraiser. Select another manager.` };
    const open = await first(tx
      .select({ id: appraisals.id, status: appraisals.status })
      .from(appraisals)
      .where(and(eq(appraisals.workerId, workerId), inArray(appraisals.status, [...OPEN_APPRAISAL_STATUSES]))));
    if (open) return { ok: false, code: "conflict", message: `${workerName(worker)} already has an appraisal that is not finished. Complete or cancel it first.` };
    const row = await one(tx
      .insert(appraisals)
      .values({ workerId, appraiserId: appraiser.id, scheduledFor: f.scheduledFor, status: "scheduled", createdBy: user.id })
      .returning({ id: appraisals.id }));
    await audit(tx, user, {
      action: "appraisal.scheduled",
      entityType: "appraisal",
      entityId: row.id,
      workerId,
      summary: { scheduledFor: f.scheduledFor, appraiserId: appraiser.id },
    });
    return { ok: true, workerId, appraisalId: row.id };
  });
}

/** Moves a step the manager takes; checks the lifecycle and writes the audit row. */
async function managerStep(
  tx: Tx,
  user: SessionUser,
  workerId: string,
  appraisalId: string,
  step: AppraisalStep,
  reason = "",
): Promise<{ ok: true; appraisal: typeof appraisals.$inferSelect; worker: { contractStart: string }; to: AppraisalStatus } | Refusal> {
  const found = await editableAppraisal(tx, user, workerId, appraisalId);
  if (!found) return NOT_FOUND;
  if (found.worker.userId === user.id) return ownRecordRefused("appraisal");
  // A leaver's open appraisal can only be cancelled; nothing else moves on their record.
  if (found.worker.status !== "in_post" && step !== "cancel") return leftRefusal(found.worker);
  const check = checkAppraisalStep(step, found.appraisal.status, "manager", reason);
  if (!check.ok) {
    if (found.appraisal.status === "completed" && step !== "reopen") return { ok: false, code: "read_only", message: lockedMessage(signedOnWords(found.appraisal.completedAt)) };
    return { ok: false, code: "invalid", message: check.message, field: check.field };
  }
  return { ok: true, appraisal: found.appraisal, worker: found.worker, to: check.to };
}

/**
 * Moves a booked appraisal to another date, with a reason, by whoever may book it: a real date other than the one
 * booked, within the limits booking uses. Each move is kept (appraisal_reschedulings) and audited; reminders follow the
 * new date, since they are worked out from it.
 */
export async function rescheduleAppraisal(user: SessionUser, workerId: string, appraisalId: string, f: RescheduleFields, today = todayInLondon()): Promise<AppraisalResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const step = await managerStep(tx, user, workerId, appraisalId, "reschedule", f.reason);
    if (!step.ok) return step;
    const from = step.appraisal.scheduledFor;
    const problem = rescheduleDateProblem(f.scheduledFor, from, today, step.worker.contractStart);
    if (problem) return { ok: false, code: "invalid", field: "scheduledFor", message: problem };
    const reason = f.reason.trim();
    await tx.insert(appraisalReschedulings).values({ appraisalId, fromDate: from, toDate: f.scheduledFor, reason, rescheduledBy: user.id });
    await tx.update(appraisals).set({ scheduledFor: f.scheduledFor }).where(eq(appraisals.id, appraisalId));
    await audit(tx, user, {
      action: "appraisal.rescheduled",
      entityType: "appraisal",
      entityId: appraisalId,
      workerId,
      summary: { from, to: f.scheduledFor, reason },
    });
    return { ok: true, workerId, appraisalId };
  });
}

/**
 * Starts the appraisal: last year's objectives to review are filled in from the previous completed appraisal's new
 * objectives and the current PDP's agreed goals (not dropped; a proposal nobody agreed is not an objective), one row
 * per title (objectivesToReview, lib/rules/appraisal-lifecycle.ts).
 */
export async function startAppraisal(user: SessionUser, workerId: string, appraisalId: string): Promise<AppraisalResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const step = await managerStep(tx, user, workerId, appraisalId, "start");
    if (!step.ok) return step;
    const previous = await first(tx
      .select({ id: appraisals.id })
      .from(appraisals)
      .where(and(eq(appraisals.workerId, workerId), eq(appraisals.status, "completed"), ne(appraisals.id, appraisalId)))
      .orderBy(desc(appraisals.heldOn)));
    const fromAppraisal = previous
      ? (await tx
          .select({ title: appraisalObjectives.title })
          .from(appraisalObjectives)
          .where(eq(appraisalObjectives.appraisalId, previous.id))
          .orderBy(asc(appraisalObjectives.sort)))
          .map((o) => o.title)
      : [];
    const pdp = await currentPdpInTx(tx, workerId);
    const goals = pdp
      ? await tx
          .select({ title: pdpGoals.title, status: pdpGoals.status, agreedAt: pdpGoals.agreedAt })
          .from(pdpGoals)
          .where(eq(pdpGoals.pdpId, pdp.id))
          .orderBy(asc(pdpGoals.sort), asc(pdpGoals.createdAt), insertionOrder(pdpGoals))
      : [];
    const listed = (await tx
      .select({ objective: appraisalObjectiveReviews.objective })
      .from(appraisalObjectiveReviews)
      .where(eq(appraisalObjectiveReviews.appraisalId, appraisalId)))
      .map((r) => r.objective);
    const toReview = objectivesToReview(fromAppraisal, goals, listed);
    let sort = listed.length;
    for (const objective of toReview) await tx.insert(appraisalObjectiveReviews).values({ appraisalId, objective, sort: sort++ });
    const added = toReview.length;
    await tx.update(appraisals).set({ status: step.to, statusReason: null }).where(eq(appraisals.id, appraisalId));
    await audit(tx, user, { action: "appraisal.started", entityType: "appraisal", entityId: appraisalId, workerId, summary: { objectivesToReview: added } });
    return { ok: true, workerId, appraisalId };
  });
}

/** Saves the manager's form while it is theirs to write. Objectives already made PDP goals cannot be removed. */
export async function saveAppraisal(user: SessionUser, workerId: string, appraisalId: string, f: AppraisalFields, today = todayInLondon()): Promise<AppraisalResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const found = await editableAppraisal(tx, user, workerId, appraisalId);
    if (!found) return NOT_FOUND;
    if (found.worker.userId === user.id) return ownRecordRefused("appraisal");
    const a = found.appraisal;
    if (found.worker.status !== "in_post") return leftRefusal(found.worker);
    const refusal = notEditable(a, workerName(found.worker));
    if (refusal) return refusal;
    if (f.heldOn !== null && f.heldOn > today) return { ok: false, code: "invalid", field: "heldOn", message: "The meeting date cannot be in the future" };

    // New objectives: edit, add, remove.
    const existing = await tx
      .select({
        id: appraisalObjectives.id,
        title: appraisalObjectives.title,
        goalId: goalOfObjective,
      })
      .from(appraisalObjectives)
      .where(eq(appraisalObjectives.appraisalId, appraisalId));
    const byId = new Map(existing.map((o) => [o.id, o]));
    const changes = objectiveChanges(f.objectives);
    for (const [i, o] of f.objectives.entries()) {
      const current = o.remove && o.id ? byId.get(o.id) : undefined;
      if (current?.goalId) {
        return {
          ok: false,
          code: "conflict",
          field: `objectives.${i}.title`,
          message: `“${current.title}” is already a goal in the PDP, so it cannot be removed here. Drop the goal in the PDP instead.`,
        };
      }
    }

    await tx.update(appraisals)
      .set({
        heldOn: f.heldOn,
        achievements: f.achievements,
        wellbeing: f.wellbeing,
        feedback: f.feedback,
        trainingNeeds: f.trainingNeeds,
        appraiserSummary: f.appraiserSummary,
      })
      .where(eq(appraisals.id, appraisalId));

    // Reviews: only this appraisal's rows, matched by id.
    const reviewIds = new Set(
      (await tx.select({ id: appraisalObjectiveReviews.id }).from(appraisalObjectiveReviews).where(eq(appraisalObjectiveReviews.appraisalId, appraisalId))).map((r) => r.id),
    );
    for (const r of f.reviews) {
      if (!reviewIds.has(r.id)) continue;
      await tx.update(appraisalObjectiveReviews)
        .set({ outcome: r.outcome as ObjectiveOutcome | null, comment: r.comment })
        .where(and(eq(appraisalObjectiveReviews.id, r.id), eq(appraisalObjectiveReviews.appraisalId, appraisalId)));
    }

    let sort = 0;
    let added = 0;
    let removed = 0;
    for (const o of changes) {
      const current = o.id ? byId.get(o.id) : undefined;
      if (o.remove) {
        if (!current) continue;
        await tx.delete(appraisalObjectives).where(and(eq(appraisalObjectives.id, current.id), eq(appraisalObjectives.appraisalId, appraisalId)));
        removed++;
        continue;
      }
      const values = { title: o.title, successMeasure: o.successMeasure, targetDate: o.targetDate, sort: sort++ };
      if (current) {
        await tx.update(appraisalObjectives).set(values).where(and(eq(appraisalObjectives.id, current.id), eq(appraisalObjectives.appraisalId, appraisalId)));
      } else {
        await tx.insert(appraisalObjectives).values({ appraisalId, ...values });
        added++;
      }
    }
    await audit(tx, user, {
      action: "appraisal.saved",
      entityType: "appraisal",
      entityId: appraisalId,
      workerId,
      summary: {
        fields: ["heldOn", "achievements", "wellbeing", "feedback", "trainingNeeds", "appraiserSummary", "reviews"],
        objectivesAdded: added,
        objectivesRemoved: removed,
      },
    });
    return { ok: true, workerId, appraisalId };
  });
}

/** Asks the worker to read and sign: needs the meeting date (not in the future), every objective marked, a summary. */
export async function sendForSignOff(user: SessionUser, workerId: string, appraisalId: string, today = todayInLondon()): Promise<AppraisalResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const step = await managerStep(tx, user, workerId, appraisalId, "send_for_sign_off");
    if (!step.ok) return step;
    const reviews = await tx.select({ outcome: appraisalObjectiveReviews.outcome }).from(appraisalObjectiveReviews).where(eq(appraisalObjectiveReviews.appraisalId, appraisalId));
    const problems = sendForSignOffProblems({ ...step.appraisal, reviews }, today);
    const keys = Object.keys(problems);
    if (keys.length > 0) return { ok: false, code: "invalid", message: "The appraisal is not ready for sign-off", fieldErrors: problems, field: keys[0] };
    await tx.update(appraisals).set({ status: step.to, statusReason: null }).where(eq(appraisals.id, appraisalId));
    await audit(tx, user, { action: "appraisal.sent_for_sign_off", entityType: "appraisal", entityId: appraisalId, workerId });
    return { ok: true, workerId, appraisalId };
  });
}

/**
 * The worker's own step (sign off, send back). Anyone else who can see the appraisal is told only the worker can;
 * a support worker reaching for another worker's appraisal finds nothing.
 */
async function workerStep(
  tx: Tx,
  user: SessionUser,
  workerId: string,
  appraisalId: string,
  step: "sign_off" | "return_to_manager",
  reason = "",
): Promise<{ ok: true; appraisal: typeof appraisals.$inferSelect; to: AppraisalStatus } | Refusal> {
  await lockAppraisal(appraisalId);
  const found = await first(tx
    .select({ appraisal: appraisals, firstName: workers.firstName, lastName: workers.lastName, userId: workers.userId })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .where(and(eq(appraisals.id, appraisalId), eq(appraisals.workerId, workerId), visibleWorkers(user))));
  if (!found) return NOT_FOUND;
  const isTheWorker = user.role === "support_worker" && found.userId === user.id;
  if (!isTheWorker) {
    return { ok: false, code: "read_only", message: step === "sign_off" ? signOffRefusal(workerName(found)) : `Only ${workerName(found)} can send their own appraisal back` };
  }
  const check = checkAppraisalStep(step, found.appraisal.status, "worker", reason);
  if (!check.ok) {
    if (found.appraisal.status === "completed") return { ok: false, code: "read_only", message: lockedMessage(signedOnWords(found.appraisal.completedAt)) };
    return { ok: false, code: "invalid", message: check.message, field: check.field };
  }
  // Once they have signed, the worker neither signs again nor sends it back: it waits for the appraiser.
  if (found.appraisal.workerSignedAt) return { ok: false, code: "conflict", message: alreadySignedMessage("worker", signedOnWords(found.appraisal.workerSignedAt)) };
  return { ok: true, appraisal: found.appraisal, to: check.to };
}

export type SignatureResult = Result<{ workerId: string; appraisalId: string; completed: boolean }>;

/**
 * The worker signs off their own appraisal, with optional comments. If the appraiser has already signed it is then
 * completed and locked; otherwise it waits for the appraiser's signature. The audit row records how they proved it
 * was them (lib/rules/signature.ts).
 */
export async function signOff(user: SessionUser, workerId: string, appraisalId: string, f: { workerComments: string }, signature: Signature): Promise<SignatureResult> {
  return await db.transaction(async (tx) => {
    const step = await workerStep(tx, user, workerId, appraisalId, "sign_off");
    if (!step.ok) return step;
    const now = clockNow();
    const status = statusAfterSigning(step.appraisal, "worker");
    const completed = status === "completed";
    await tx.update(appraisals)
      .set({ status, workerComments: f.workerComments, workerSignedAt: now, completedAt: completed ? now : null, statusReason: null })
      .where(eq(appraisals.id, appraisalId));
    await audit(tx, user, {
      action: "appraisal.signed_off",
      entityType: "appraisal",
      entityId: appraisalId,
      workerId,
      summary: { withComments: f.workerComments.length > 0, reauthenticated: signature.reauthenticated, completed },
    });
    return { ok: true, workerId, appraisalId, completed };
  });
}

/**
 * The appraiser signs: the worker's manager or an administrator (whoever may write the appraisal), never on their own
 * record. If the worker has already signed it is then completed and locked; otherwise it waits for the worker. The
 * signer is kept (appraiser_signed_by), and the audit row records how they proved it was them.
 */
export async function signAsAppraiser(user: SessionUser, workerId: string, appraisalId: string, signature: Signature): Promise<SignatureResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const found = await editableAppraisal(tx, user, workerId, appraisalId);
    if (!found) return NOT_FOUND;
    if (found.worker.userId === user.id) return ownRecordRefused("appraisal");
    const a = found.appraisal;
    if (found.worker.status !== "in_post") return leftRefusal(found.worker);
    const check = checkAppraisalStep("appraiser_sign", a.status, "manager");
    if (!check.ok) {
      if (a.status === "completed") return { ok: false, code: "read_only", message: lockedMessage(signedOnWords(a.completedAt)) };
      return { ok: false, code: "invalid", message: check.message };
    }
    if (a.appraiserSignedAt) return { ok: false, code: "conflict", message: alreadySignedMessage("manager", signedOnWords(a.appraiserSignedAt)) };
    const now = clockNow();
    const status = statusAfterSigning(a, "manager");
    const completed = status === "completed";
    await tx.update(appraisals)
      .set({ status, appraiserSignedAt: now, appraiserSignedBy: user.id, completedAt: completed ? now : null })
      .where(eq(appraisals.id, appraisalId));
    await audit(tx, user, {
      action: "appraisal.appraiser_signed",
      entityType: "appraisal",
      entityId: appraisalId,
      workerId,
      summary: { reauthenticated: signature.reauthenticated, completed },
    });
    return { ok: true, workerId, appraisalId, completed };
  });
}

/**
 * The worker sends it back to their manager with a reason instead of signing. What the appraiser signed is going to
 * change, so their signature, if any, is cleared.
 */
export async function returnToManager(user: SessionUser, workerId: string, appraisalId: string, reason: string): Promise<AppraisalResult> {
  return await db.transaction(async (tx) => {
    const step = await workerStep(tx, user, workerId, appraisalId, "return_to_manager", reason);
    if (!step.ok) return step;
    await tx.update(appraisals)
      .set({ status: step.to, statusReason: reason.trim(), appraiserSignedAt: null, appraiserSignedBy: null })
      .where(eq(appraisals.id, appraisalId));
    await audit(tx, user, {
      action: "appraisal.returned",
      entityType: "appraisal",
      entityId: appraisalId,
      workerId,
      summary: { reason: reason.trim(), appraiserSignatureCleared: step.appraisal.appraiserSignedAt !== null },
    });
    return { ok: true, workerId, appraisalId };
  });
}

/** Unlocks a completed appraisal for changes: a reason, a reopening row, and both signatures cleared (both sign again). */
export async function reopenAppraisal(user: SessionUser, workerId: string, appraisalId: string, reason: string): Promise<AppraisalResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const step = await managerStep(tx, user, workerId, appraisalId, "reopen", reason);
    if (!step.ok) return step;
    await tx.insert(appraisalReopenings).values({ appraisalId, reason: reason.trim(), reopenedBy: user.id });
    await tx.update(appraisals)
      .set({ status: step.to, workerSignedAt: null, appraiserSignedAt: null, appraiserSignedBy: null, completedAt: null })
      .where(eq(appraisals.id, appraisalId));
    await audit(tx, user, {
      action: "appraisal.reopened",
      entityType: "appraisal",
      entityId: appraisalId,
      workerId,
      summary: {
        reason: reason.trim(),
        previouslySignedAt: step.appraisal.workerSignedAt?.toISOString() ?? null,
        appraiserPreviouslySignedAt: step.appraisal.appraiserSignedAt?.toISOString() ?? null,
      },
    });
    return { ok: true, workerId, appraisalId };
  });
}

/** Cancels an appraisal that has not reached sign-off, with a reason. */
export async function cancelAppraisal(user: SessionUser, workerId: string, appraisalId: string, reason: string): Promise<AppraisalResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const step = await managerStep(tx, user, workerId, appraisalId, "cancel", reason);
    if (!step.ok) return step;
    await tx.update(appraisals).set({ status: step.to, statusReason: reason.trim() }).where(eq(appraisals.id, appraisalId));
    await audit(tx, user, { action: "appraisal.cancelled", entityType: "appraisal", entityId: appraisalId, workerId, summary: { reason: reason.trim() } });
    return { ok: true, workerId, appraisalId };
  });
}

/**
 * Makes the appraisal's new objectives goals in the worker's current PDP, each linked back to its objective. Doing it
 * again adds only objectives not yet goals. Any status but cancelled (it changes the PDP, not the appraisal).
 */
export async function objectivesToPdp(user: SessionUser, workerId: string, appraisalId: string, today = todayInLondon()): Promise<AppraisalResult> {
  const denied = refuseUnlessManagerRole(user);
  if (denied) return denied;
  return await db.transaction(async (tx) => {
    const found = await editableAppraisal(tx, user, workerId, appraisalId);
    if (!found) return NOT_FOUND;
    if (found.worker.userId === user.id) return ownRecordRefused("appraisal");
    if (found.appraisal.status === "cancelled") return { ok: false, code: "read_only", message: "This appraisal was cancelled, so its objectives cannot go into the PDP" };
    if (found.worker.status !== "in_post") return { ok: false, code: "read_only", message: `${workerName(found.worker)} has left, so their PDP cannot change` };
    const objectives = await tx
      .select()
      .from(appraisalObjectives)
      .where(eq(appraisalObjectives.appraisalId, appraisalId))
      .orderBy(asc(appraisalObjectives.sort));
    if (objectives.length === 0) return { ok: false, code: "invalid", message: "Save at least one new objective first" };
    const result = await addGoalsToCurrentPdp(
      tx,
      user,
      workerId,
      objectives.map((o) => ({
        title: o.title,
        successMeasure: o.successMeasure,
        targetDate: o.targetDate,
        proposedBy: "manager" as const,
        sourceObjectiveId: o.id,
      })),
      today,
    );
    await audit(tx, user, {
      action: "appraisal.objectives_to_pdp",
      entityType: "appraisal",
      entityId: appraisalId,
      workerId,
      summary: { pdpId: result.pdpId, goalIds: result.goalIds, skipped: result.skipped, createdPdp: result.createdPdp },
    });
    const n = result.goalIds.length;
    const message =
      n === 0
        ? "These objectives are already goals in the PDP"
        : `${n === 1 ? "1 objective" : `${n} objectives`} added to the PDP${result.createdPdp ? " (a new draft PDP was started)" : ""}`;
    return { ok: true, workerId, appraisalId, message, added: n };
  }, { behavior: "immediate" });
}
