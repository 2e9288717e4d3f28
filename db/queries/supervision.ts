import "server-only";
// Supervision sessions and the delegation register (scope of practice). The worker reads their own; their managers
// and admins record sessions and delegate, review and end tasks; leads read. Every change is audited.
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { db, first, one } from "../client";
import { delegatedTasks, supervisionSessions, teamManagers, users, workers } from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { audit } from "../audit";
import { refuseOwnRecord } from "../separation";
import type { SessionUser } from "../../lib/session-user";
import type { DelegationFields, SessionFields } from "../../lib/forms/supervision";
import { todayInLondon } from "../../lib/rules/dates";
import {
  compareDelegatedTasks,
  competentSinceProblem,
  delegationReviewProblem,
  nextReviewProblem,
  pastReview,
  sessionDateProblem,
} from "../../lib/rules/supervision";
import { workerRecordHeader } from "./workers";
import type { Result } from "../result";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type SupervisionResult = Result<{ workerId: string; id: string }>;

const WORKER_NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "Worker not found" };
const TASK_NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "Delegated task not found" };
const LEFT = { ok: false as const, code: "read_only" as const, message: "This worker has left. Their record can no longer be changed." };
const LEAD_REFUSED = {
  ok: false as const,
  code: "read_only" as const,
  message: "Leads read supervision and delegation records; only the worker's manager or an administrator changes them",
};

const mayEdit = (user: SessionUser) => user.role === "manager" || user.role === "admin";

/** Why this user may not change supervision records at all, before any worker is looked at. */
function refusedByRole(user: SessionUser) {
  if (user.role === "lead") return LEAD_REFUSED;
  if (!mayEdit(user)) return WORKER_NOT_FOUND;
  return undefined;
}

/** The worker as the page's heading shows them, if the user may see them. */
async function visibleWorker(user: SessionUser, workerId: string) {
  return await workerRecordHeader(user, workerId);
}

/** Who may supervise: active managers and leads of the user's organisation, never the worker themselves. */
function mayBeSupervisor(user: SessionUser, exceptUserId: string | null | undefined) {
  return and(eq(users.orgId, user.orgId), eq(users.status, "active"), inArray(users.role, ["manager", "lead"]), exceptUserId ? ne(users.id, exceptUserId) : undefined)!;
}

/**
 * The supervisors offered for a worker: of those who may supervise, the user recording, the worker's line manager,
 * their team's managers and whoever was picked as their supervisor before, by name; anyone else is typed. An
 * organisation of 50,000 workers has over 2,000 managers and leads, too many to list. A typed name is never matched to
 * an account: a namesake, or an outside supervisor who shares a name with someone here, would be linked wrongly.
 */
export async function supervisorOptions(user: SessionUser, worker: { id: string; userId: string | null; lineManagerId?: string | null }) {
  const workerTeam = db.select({ teamId: workers.teamId }).from(workers).where(eq(workers.id, worker.id));
  return await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(
      mayBeSupervisor(user, worker.userId),
      or(
        eq(users.id, user.id),
        worker.lineManagerId ? eq(users.id, worker.lineManagerId) : undefined,
        inArray(users.id, db.select({ id: teamManagers.userId }).from(teamManagers).where(inArray(teamManagers.teamId, workerTeam))),
        inArray(users.id, db.select({ id: supervisionSessions.supervisorId }).from(supervisionSessions).where(eq(supervisionSessions.workerId, worker.id))),
      ),
    ))
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * A worker's supervision sessions (newest first) and delegated tasks (current ones past review first, then by review
 * date, then ended ones); undefined when the user may not see the worker.
 */
export async function supervisionPage(user: SessionUser, workerId: string, today = todayInLondon()) {
  const worker = await visibleWorker(user, workerId);
  if (!worker) return undefined;
  const sessions = await db
    .select({
      id: supervisionSessions.id,
      heldOn: supervisionSessions.heldOn,
      type: supervisionSessions.type,
      supervisorName: supervisionSessions.supervisorName,
      summary: supervisionSessions.summary,
      actions: supervisionSessions.actions,
    })
    .from(supervisionSessions)
    .innerJoin(workers, eq(workers.id, supervisionSessions.workerId))
    .where(and(eq(supervisionSessions.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(supervisionSessions.heldOn), desc(supervisionSessions.createdAt));
  const tasks = (await db
    .select({
      id: delegatedTasks.id,
      task: delegatedTasks.task,
      delegatedByName: delegatedTasks.delegatedByName,
      delegatedByProfession: delegatedTasks.delegatedByProfession,
      delegatedByRegistration: delegatedTasks.delegatedByRegistration,
      supervisionLevel: delegatedTasks.supervisionLevel,
      competentSince: delegatedTasks.competentSince,
      reviewOn: delegatedTasks.reviewOn,
      endedOn: delegatedTasks.endedOn,
    })
    .from(delegatedTasks)
    .innerJoin(workers, eq(workers.id, delegatedTasks.workerId))
    .where(and(eq(delegatedTasks.workerId, workerId), visibleWorkers(user))))
    .map((t) => ({ ...t, pastReview: pastReview(t, today) }))
    .sort((a, b) => compareDelegatedTasks(a, b, today));
  // Nobody records their own supervision or delegates to themselves (db/separation.ts).
  const canEdit = worker.status === "in_post" && mayEdit(user) && worker.editable && worker.userId !== user.id;
  return {
    worker,
    canEdit,
    ownRecord: user.role === "support_worker" && worker.userId === user.id,
    supervisors: canEdit ? await supervisorOptions(user, worker) : [],
    sessions,
    current: tasks.filter((t) => t.endedOn === null),
    ended: tasks.filter((t) => t.endedOn !== null),
  };
}

/**
 * Current delegated tasks past their review date, across the workers the user may see (in post), oldest review first:
 * the count of all of them and the first `limit` to list.
 */
export async function delegationsPastReview(user: SessionUser, today = todayInLondon(), limit = 20) {
  const where = and(isNull(delegatedTasks.endedOn), lt(delegatedTasks.reviewOn, today), eq(workers.status, "in_post"), visibleWorkers(user));
  const count =
    (await first(db
      .select({ n: sql<number>`count(*)` })
      .from(delegatedTasks)
      .innerJoin(workers, eq(workers.id, delegatedTasks.workerId))
      .where(where)))?.n ?? 0;
  const tasks = await db
    .select({
      id: delegatedTasks.id,
      workerId: workers.id,
      workerName: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
      task: delegatedTasks.task,
      reviewOn: delegatedTasks.reviewOn,
    })
    .from(delegatedTasks)
    .innerJoin(workers, eq(workers.id, delegatedTasks.workerId))
    .where(where)
    .orderBy(asc(delegatedTasks.reviewOn), asc(workers.lastName), asc(workers.firstName), asc(delegatedTasks.id))
    .limit(limit);
  return { count, tasks };
}

/* ------------------------------------------------------------------ changes */

/** The worker, if this user may change their supervision records (managers of the worker, admins). */
async function editableWorkerInTx(tx: Tx, user: SessionUser, workerId: string) {
  return await first(tx
    .select({ id: workers.id, status: workers.status, contractStart: workers.contractStart, userId: workers.userId })
    .from(workers)
    .where(and(eq(workers.id, workerId), editableWorkers(user))));
}

/** A delegated task of this worker, if this user may change it. */
async function editableTaskInTx(tx: Tx, user: SessionUser, workerId: string, taskId: string) {
  return await first(tx
    .select({ task: delegatedTasks, workerStatus: workers.status })
    .from(delegatedTasks)
    .innerJoin(workers, eq(workers.id, delegatedTasks.workerId))
    .where(and(eq(delegatedTasks.id, taskId), eq(delegatedTasks.workerId, workerId), editableWorkers(user))));
}

/** Records a supervision session (managers of the worker, admins). A picked supervisor's name is taken from their account. */
export async function recordSession(user: SessionUser, workerId: string, f: SessionFields, today = todayInLondon()): Promise<SupervisionResult> {
  const refused = refusedByRole(user);
  if (refused) return refused;
  return await db.transaction(async (tx) => {
    const worker = await editableWorkerInTx(tx, user, workerId);
    if (!worker) return WORKER_NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "supervision");
    if (own) return own;
    if (worker.status === "left") return LEFT;
    const dateProblem = sessionDateProblem(f.heldOn, today, worker.contractStart);
    if (dateProblem) return { ok: false, code: "invalid", field: "heldOn", message: dateProblem };
    let supervisorName = f.supervisorName.trim();
    if (f.supervisorId) {
      // Never trust the id from the form: an active manager or lead of this organisation.
      const supervisor = await first(tx
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.id, f.supervisorId), mayBeSupervisor(user, null))));
      if (!supervisor) return { ok: false, code: "invalid", field: "supervisorId", message: "Select a supervisor from the list, or type their name" };
      if (f.supervisorId === worker.userId) return { ok: false, code: "invalid", field: "supervisorId", message: "Nobody supervises themselves. Select another supervisor." };
      supervisorName = supervisor.name;
    }
    if (supervisorName === "") return { ok: false, code: "invalid", field: "supervisorName", message: "Select the supervisor or type their name" };
    const session = await one(tx
      .insert(supervisionSessions)
      .values({
        workerId,
        heldOn: f.heldOn,
        supervisorId: f.supervisorId,
        supervisorName,
        type: f.type,
        summary: f.summary,
        actions: f.actions,
        recordedBy: user.id,
      })
      .returning({ id: supervisionSessions.id }));
    await audit(tx, user, {
      action: "supervision_session.create",
      entityType: "supervision_session",
      entityId: session.id,
      workerId,
      summary: { heldOn: f.heldOn, type: f.type, supervisorId: f.supervisorId, supervisorName },
    });
    return { ok: true, workerId, id: session.id };
  });
}

/** Records a task delegated to the worker by a registered professional (managers of the worker, admins). */
export async function delegateTask(user: SessionUser, workerId: string, f: DelegationFields, today = todayInLondon()): Promise<SupervisionResult> {
  const refused = refusedByRole(user);
  if (refused) return refused;
  return await db.transaction(async (tx) => {
    const worker = await editableWorkerInTx(tx, user, workerId);
    if (!worker) return WORKER_NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "delegation");
    if (own) return own;
    if (worker.status === "left") return LEFT;
    const early = competentSinceProblem(f.competentSince, today);
    if (early) return { ok: false, code: "invalid", field: "competentSince", message: early };
    const review = delegationReviewProblem(f.competentSince, f.reviewOn, today);
    if (review) return { ok: false, code: "invalid", field: "reviewOn", message: review };
    const task = await one(tx
      .insert(delegatedTasks)
      .values({
        workerId,
        task: f.task,
        delegatedByName: f.delegatedByName,
        delegatedByProfession: f.delegatedByProfession,
        delegatedByRegistration: f.delegatedByRegistration,
        supervisionLevel: f.supervisionLevel,
        competentSince: f.competentSince,
        reviewOn: f.reviewOn,
        recordedBy: user.id,
      })
      .returning({ id: delegatedTasks.id }));
    await audit(tx, user, {
      action: "delegated_task.create",
      entityType: "delegated_task",
      entityId: task.id,
      workerId,
      summary: {
        task: f.task,
        delegatedByName: f.delegatedByName,
        delegatedByProfession: f.delegatedByProfession,
        delegatedByRegistration: f.delegatedByRegistration,
        supervisionLevel: f.supervisionLevel,
        competentSince: f.competentSince,
        reviewOn: f.reviewOn,
      },
    });
    return { ok: true, workerId, id: task.id };
  });
}

/** "Reviewed today": sets the next review date (after today), audited as a review. */
export async function reviewTask(user: SessionUser, workerId: string, taskId: string, reviewOn: string, today = todayInLondon()): Promise<SupervisionResult> {
  const refused = refusedByRole(user);
  if (refused) return refused;
  return await db.transaction(async (tx) => {
    const found = await editableTaskInTx(tx, user, workerId, taskId);
    if (!found) return TASK_NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "delegation");
    if (own) return own;
    if (found.workerStatus === "left") return LEFT;
    if (found.task.endedOn !== null) return { ok: false, code: "read_only", message: "This delegation has ended, so it is no longer reviewed" };
    const problem = nextReviewProblem(reviewOn, today);
    if (problem) return { ok: false, code: "invalid", field: "reviewOn", message: problem };
    await tx.update(delegatedTasks).set({ reviewOn }).where(eq(delegatedTasks.id, taskId));
    await audit(tx, user, {
      action: "delegated_task.reviewed",
      entityType: "delegated_task",
      entityId: taskId,
      workerId,
      summary: { reviewedOn: today, previousReviewOn: found.task.reviewOn, nextReviewOn: reviewOn, wasPastReview: pastReview(found.task, today) },
    });
    return { ok: true, workerId, id: taskId };
  });
}

/** Ends a delegation today, with the reason kept in the audit trail. */
export async function endTask(user: SessionUser, workerId: string, taskId: string, reason: string, today = todayInLondon()): Promise<SupervisionResult> {
  const refused = refusedByRole(user);
  if (refused) return refused;
  const why = reason.trim();
  if (why === "") return { ok: false, code: "invalid", field: "reason", message: "Say why the delegation is ending" };
  return await db.transaction(async (tx) => {
    const found = await editableTaskInTx(tx, user, workerId, taskId);
    if (!found) return TASK_NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "delegation");
    if (own) return own;
    if (found.workerStatus === "left") return LEFT;
    if (found.task.endedOn !== null) return { ok: false, code: "conflict", message: "This delegation has already ended" };
    await tx.update(delegatedTasks).set({ endedOn: today }).where(eq(delegatedTasks.id, taskId));
    await audit(tx, user, {
      action: "delegated_task.ended",
      entityType: "delegated_task",
      entityId: taskId,
      workerId,
      summary: { endedOn: today, reason: why, task: found.task.task },
    });
    return { ok: true, workerId, id: taskId };
  });
}
