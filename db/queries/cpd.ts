import "server-only";
// CPD and training requests. The worker adds, changes and deletes their own CPD and asks for training (and may
// withdraw a request still awaiting a decision); their managers and admins may do all of that too, and decide on
// requests (approve, or decline with a reason counted as a barrier); leads read. An approved request, once attended,
// becomes a CPD entry in one step, once; deleting that entry puts the request back to approved. Every change is
// audited.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db, first, one } from "../client";
import { cpdActivities, pdpGoals, pdps, trainingRequests, users, workers } from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { audit } from "../audit";
import { notOwnRecord, refuseOwnRecord } from "../separation";
import type { SessionUser } from "../../lib/session-user";
import type { CpdChange, CpdFields, DeclineFields, RequestFields } from "../../lib/forms/cpd";
import { todayInLondon, now as clockNow } from "../../lib/rules/dates";
import { courseDatesProblem, cpdDateProblem, declineProblem, MAX_HOURS_PER_ENTRY, totalsLast12Months, withdrawProblem } from "../../lib/rules/cpd";
import { workerRecordHeader } from "./workers";
import type { Result } from "../result";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type LearningResult = Result<{ workerId: string; id: string }>;

const WORKER_NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "Worker not found" };
const REQUEST_NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "Training request not found" };
const CPD_NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "CPD activity not found" };
const LEFT = { ok: false as const, code: "read_only" as const, message: "This worker has left. Their record can no longer be changed." };
const LEAD_REFUSED = {
  ok: false as const,
  code: "read_only" as const,
  message: "Leads read CPD and training requests; only the worker, their manager or an administrator adds to them",
};
const LEAD_CHANGE_REFUSED = {
  ok: false as const,
  code: "read_only" as const,
  message: "Leads read CPD and training requests; only the worker, their manager or an administrator changes them",
};
const LEAD_DECIDE_REFUSED = {
  ok: false as const,
  code: "read_only" as const,
  message: "Leads read training requests; only the worker's manager or an administrator decides on them",
};

/** The worker, if this user may add CPD and requests to their record: the worker themselves, their managers, admins. */
async function addableWorkerInTx(tx: Tx, user: SessionUser, workerId: string) {
  const own = user.role === "support_worker" ? eq(workers.userId, user.id) : editableWorkers(user);
  return await first(tx
    .select({ id: workers.id, status: workers.status })
    .from(workers)
    .where(and(eq(workers.id, workerId), visibleWorkers(user), own)));
}

/** A goal in one of this worker's PDPs: the id from the form is checked against the worker, never trusted. */
async function goalOfWorkerInTx(tx: Tx, workerId: string, goalId: string) {
  return await first(tx
    .select({ id: pdpGoals.id })
    .from(pdpGoals)
    .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
    .where(and(eq(pdpGoals.id, goalId), eq(pdps.workerId, workerId))));
}

/** A request of this worker that this user may see. */
async function visibleRequestInTx(tx: Tx, user: SessionUser, workerId: string, requestId: string) {
  return await first(tx
    .select({ request: trainingRequests, workerStatus: workers.status })
    .from(trainingRequests)
    .innerJoin(workers, eq(workers.id, trainingRequests.workerId))
    .where(and(eq(trainingRequests.id, requestId), eq(trainingRequests.workerId, workerId), visibleWorkers(user))));
}

function addRefusedByRole(user: SessionUser) {
  return user.role === "lead" ? LEAD_REFUSED : undefined;
}

/** Whether this user may add to (and change the CPD and requests of) a worker they can see: see addableWorkerInTx. */
function mayAdd(user: SessionUser, worker: { status: string; userId: string | null; editable: boolean }) {
  const ownRecord = user.role === "support_worker" && worker.userId === user.id;
  return worker.status === "in_post" && (ownRecord || ((user.role === "manager" || user.role === "admin") && worker.editable));
}

/** The checks a CPD entry's fields get, added or changed: a past date, the hours, a goal of this worker's. */
async function cpdProblem(tx: Tx, workerId: string, f: CpdChange, today: string): Promise<Extract<LearningResult, { ok: false }> | undefined> {
  const problem = cpdDateProblem(f.activityOn, today);
  if (problem) return { ok: false, code: "invalid", field: "activityOn", message: problem };
  if (!(f.hours > 0 && f.hours <= MAX_HOURS_PER_ENTRY)) return { ok: false, code: "invalid", field: "hours", message: `The hours must be more than 0 and ${MAX_HOURS_PER_ENTRY} or fewer` };
  if (f.pdpGoalId && !await goalOfWorkerInTx(tx, workerId, f.pdpGoalId)) {
    return { ok: false, code: "invalid", field: "pdpGoalId", message: "Select one of the goals in this worker's PDP, or none" };
  }
  return undefined;
}

/** One CPD entry of this worker, for a user who may change it (inside the transaction that changes it). */
async function changeableCpdInTx(tx: Tx, user: SessionUser, workerId: string, cpdId: string) {
  const worker = await addableWorkerInTx(tx, user, workerId);
  if (!worker) return WORKER_NOT_FOUND;
  const entry = await first(tx
    .select()
    .from(cpdActivities)
    .where(and(eq(cpdActivities.id, cpdId), eq(cpdActivities.workerId, workerId))));
  if (!entry) return CPD_NOT_FOUND;
  if (worker.status === "left") return LEFT;
  return { ok: true as const, entry };
}

/** The PDP goals a CPD entry or request may be linked to: every goal of the worker's PDPs, the current plan first. */
async function goalOptions(user: SessionUser, workerId: string) {
  return (await db
    .select({ id: pdpGoals.id, title: pdpGoals.title, pdpStatus: pdps.status, periodStart: pdps.periodStart })
    .from(pdpGoals)
    .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .where(and(eq(pdps.workerId, workerId), visibleWorkers(user)))
    .orderBy(sql`case when ${pdps.status} = 'closed' then 1 else 0 end`, desc(pdps.periodStart), asc(pdpGoals.sort), asc(pdpGoals.title)))
    .map((g) => ({ id: g.id, title: g.pdpStatus === "closed" ? `${g.title} (earlier PDP)` : g.title }));
}

/** Whether this user decides a worker's training requests: their manager or an admin, never on their own record (db/separation.ts). */
function mayDecide(user: SessionUser, worker: { status: string; userId: string | null; editable: boolean }) {
  return worker.status === "in_post" && (user.role === "manager" || user.role === "admin") && worker.editable && worker.userId !== user.id;
}

/** A worker's training requests the user may see (or one of them): awaiting a decision first, then newest. */
async function requestRows(user: SessionUser, workerId: string, requestId?: string) {
  return await db
    .select({
      id: trainingRequests.id,
      title: trainingRequests.title,
      provider: trainingRequests.provider,
      costPence: trainingRequests.costPence,
      startsOn: trainingRequests.startsOn,
      endsOn: trainingRequests.endsOn,
      why: trainingRequests.why,
      status: trainingRequests.status,
      requestedAt: trainingRequests.requestedAt,
      decidedAt: trainingRequests.decidedAt,
      decidedByName: users.name,
      /** When it was last changed: for a withdrawn request, when it was withdrawn (who is in the audit trail). */
      updatedAt: trainingRequests.updatedAt,
      declineReason: trainingRequests.declineReason,
      declineDetail: trainingRequests.declineDetail,
      pdpGoalId: trainingRequests.pdpGoalId,
      goalTitle: pdpGoals.title,
    })
    .from(trainingRequests)
    .innerJoin(workers, eq(workers.id, trainingRequests.workerId))
    .leftJoin(pdpGoals, eq(pdpGoals.id, trainingRequests.pdpGoalId))
    .leftJoin(users, eq(users.id, trainingRequests.decidedBy))
    .where(and(eq(trainingRequests.workerId, workerId), requestId === undefined ? undefined : eq(trainingRequests.id, requestId), visibleWorkers(user)))
    .orderBy(sql`case when ${trainingRequests.status} = 'pending' then 0 else 1 end`, desc(trainingRequests.requestedAt));
}

/**
 * A worker's CPD (newest first) with the last 12 months' totals, and their training requests (awaiting a decision
 * first, then newest); undefined when the user may not see the worker.
 */
export async function learningPage(user: SessionUser, workerId: string, today = todayInLondon()) {
  const worker = await workerRecordHeader(user, workerId);
  if (!worker) return undefined;
  const activities = await db
    .select({
      id: cpdActivities.id,
      activityOn: cpdActivities.activityOn,
      title: cpdActivities.title,
      type: cpdActivities.type,
      learning: cpdActivities.learning,
      hours: cpdActivities.hours,
      reflectionWhat: cpdActivities.reflectionWhat,
      reflectionSoWhat: cpdActivities.reflectionSoWhat,
      reflectionNowWhat: cpdActivities.reflectionNowWhat,
      goalTitle: pdpGoals.title,
      trainingRequestId: cpdActivities.trainingRequestId,
    })
    .from(cpdActivities)
    .innerJoin(workers, eq(workers.id, cpdActivities.workerId))
    .leftJoin(pdpGoals, eq(pdpGoals.id, cpdActivities.pdpGoalId))
    .where(and(eq(cpdActivities.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(cpdActivities.activityOn), desc(cpdActivities.createdAt));
  const requests = await requestRows(user, workerId);
  const ownRecord = user.role === "support_worker" && worker.userId === user.id;
  const canAdd = mayAdd(user, worker);
  const canDecide = mayDecide(user, worker);
  return {
    worker,
    ownRecord,
    canAdd,
    canDecide,
    goals: canAdd ? await goalOptions(user, workerId) : [],
    activities,
    totals: totalsLast12Months(activities, today),
    requests,
  };
}

/** Adds a CPD activity; with a training request, records that approved request as attended, once. */
export async function addCpd(user: SessionUser, workerId: string, f: CpdFields, today = todayInLondon()): Promise<LearningResult> {
  const refused = addRefusedByRole(user);
  if (refused) return refused;
  return await db.transaction(async (tx) => {
    const worker = await addableWorkerInTx(tx, user, workerId);
    if (!worker) return WORKER_NOT_FOUND;
    if (worker.status === "left") return LEFT;
    const problem = await cpdProblem(tx, workerId, f, today);
    if (problem) return problem;
    if (f.trainingRequestId) {
      const found = await visibleRequestInTx(tx, user, workerId, f.trainingRequestId);
      if (!found) return REQUEST_NOT_FOUND;
      if (found.request.status === "attended") return { ok: false, code: "conflict", message: "This training has already been recorded as attended" };
      if (found.request.status !== "approved") return { ok: false, code: "invalid", message: "Only approved training can be recorded as attended" };
      await tx.update(trainingRequests).set({ status: "attended", updatedAt: clockNow() }).where(eq(trainingRequests.id, f.trainingRequestId));
      await audit(tx, user, {
        action: "training_request.attended",
        entityType: "training_request",
        entityId: f.trainingRequestId,
        workerId,
        summary: { attendedOn: f.activityOn, title: found.request.title },
      });
    }
    const row = await one(tx
      .insert(cpdActivities)
      .values({
        workerId,
        activityOn: f.activityOn,
        title: f.title,
        type: f.type,
        learning: f.learning,
        hours: f.hours,
        reflectionWhat: f.reflectionWhat,
        reflectionSoWhat: f.reflectionSoWhat,
        reflectionNowWhat: f.reflectionNowWhat,
        pdpGoalId: f.pdpGoalId,
        trainingRequestId: f.trainingRequestId,
        createdBy: user.id,
      })
      .returning({ id: cpdActivities.id }));
    await audit(tx, user, {
      action: "cpd_activity.create",
      entityType: "cpd_activity",
      entityId: row.id,
      workerId,
      summary: {
        activityOn: f.activityOn,
        title: f.title,
        type: f.type,
        learning: f.learning,
        hours: f.hours,
        pdpGoalId: f.pdpGoalId,
        trainingRequestId: f.trainingRequestId,
      },
    });
    return { ok: true, workerId, id: row.id };
  });
}

/**
 * One CPD entry with what its edit page needs: the worker's header, the goals it may be linked to, and whether this
 * user may change it (`refusal` says why not: a lead reads, a leaver's record is closed). Undefined when the user may
 * not see the worker or the entry is not theirs.
 */
export async function cpdEntryForEdit(user: SessionUser, workerId: string, cpdId: string) {
  const worker = await workerRecordHeader(user, workerId);
  if (!worker) return undefined;
  const found = await first(db
    .select({ entry: cpdActivities, requestTitle: trainingRequests.title })
    .from(cpdActivities)
    .innerJoin(workers, eq(workers.id, cpdActivities.workerId))
    .leftJoin(trainingRequests, eq(trainingRequests.id, cpdActivities.trainingRequestId))
    .where(and(eq(cpdActivities.id, cpdId), eq(cpdActivities.workerId, workerId), visibleWorkers(user))));
  if (!found) return undefined;
  const canChange = mayAdd(user, worker);
  const refusal = canChange ? undefined : user.role === "lead" ? `${LEAD_CHANGE_REFUSED.message}.` : worker.status === "left" ? LEFT.message : undefined;
  // Someone who can see the worker but is neither the worker, their manager nor an admin has nothing to do here.
  if (!canChange && !refusal) return undefined;
  return { worker, entry: found.entry, requestTitle: found.requestTitle, canChange, refusal, goals: canChange ? await goalOptions(user, workerId) : [] };
}

const CPD_CHANGE_FIELDS = ["activityOn", "title", "type", "learning", "hours", "reflectionWhat", "reflectionSoWhat", "reflectionNowWhat", "pdpGoalId"] as const;

/** Changes a CPD entry's fields, with the same checks as adding it; the training request it came from stays linked. */
export async function updateCpd(user: SessionUser, workerId: string, cpdId: string, f: CpdChange, today = todayInLondon()): Promise<LearningResult> {
  if (user.role === "lead") return LEAD_CHANGE_REFUSED;
  return await db.transaction(async (tx): Promise<LearningResult> => {
    const found = await changeableCpdInTx(tx, user, workerId, cpdId);
    if (!found.ok) return found;
    const problem = await cpdProblem(tx, workerId, f, today);
    if (problem) return problem;
    const before = found.entry;
    const changed = CPD_CHANGE_FIELDS.filter((k) => before[k] !== f[k]);
    if (changed.length === 0) return { ok: true, workerId, id: cpdId };
    // Only the fields of the form: the training request an entry came from is never changed here.
    const values = Object.fromEntries(CPD_CHANGE_FIELDS.map((k) => [k, f[k]])) as CpdChange;
    await tx.update(cpdActivities)
      .set({ ...values, updatedAt: clockNow() })
      .where(eq(cpdActivities.id, cpdId));
    await audit(tx, user, {
      action: "cpd_activity.update",
      entityType: "cpd_activity",
      entityId: cpdId,
      workerId,
      summary: { title: before.title, changed, from: Object.fromEntries(changed.map((k) => [k, before[k]])), to: Object.fromEntries(changed.map((k) => [k, f[k]])) },
    });
    return { ok: true, workerId, id: cpdId };
  });
}

/**
 * Deletes a CPD entry; the audit row keeps everything it said. An entry recorded from a training request puts that
 * request back to approved, so the training can be recorded as attended again.
 */
export async function deleteCpd(user: SessionUser, workerId: string, cpdId: string): Promise<LearningResult> {
  if (user.role === "lead") return LEAD_CHANGE_REFUSED;
  return await db.transaction(async (tx): Promise<LearningResult> => {
    const found = await changeableCpdInTx(tx, user, workerId, cpdId);
    if (!found.ok) return found;
    const { id, trainingRequestId, createdBy } = found.entry;
    const deleted = { ...Object.fromEntries(CPD_CHANGE_FIELDS.map((k) => [k, found.entry[k]])), trainingRequestId, createdBy };
    await tx.delete(cpdActivities).where(eq(cpdActivities.id, id));
    await audit(tx, user, { action: "cpd_activity.delete", entityType: "cpd_activity", entityId: id, workerId, summary: deleted });
    if (trainingRequestId) {
      const request = await first(tx.select({ status: trainingRequests.status, title: trainingRequests.title }).from(trainingRequests).where(eq(trainingRequests.id, trainingRequestId)));
      if (request?.status === "attended") {
        await tx.update(trainingRequests).set({ status: "approved", updatedAt: clockNow() }).where(eq(trainingRequests.id, trainingRequestId));
        await audit(tx, user, {
          action: "training_request.attendance_removed",
          entityType: "training_request",
          entityId: trainingRequestId,
          workerId,
          summary: { title: request.title, cpdActivityId: id, from: "attended", to: "approved" },
        });
      }
    }
    return { ok: true, workerId, id };
  });
}

/** Asks for a course: the worker for themselves, or their manager (or an admin) for them. */
export async function requestTraining(user: SessionUser, workerId: string, f: RequestFields): Promise<LearningResult> {
  const refused = addRefusedByRole(user);
  if (refused) return refused;
  return await db.transaction(async (tx) => {
    const worker = await addableWorkerInTx(tx, user, workerId);
    if (!worker) return WORKER_NOT_FOUND;
    if (worker.status === "left") return LEFT;
    const problem = courseDatesProblem(f.startsOn, f.endsOn);
    if (problem) return { ok: false, code: "invalid", field: "endsOn", message: problem };
    if (f.cost !== null && f.cost < 0) return { ok: false, code: "invalid", field: "cost", message: "The cost cannot be negative" };
    if (f.requestGoalId && !await goalOfWorkerInTx(tx, workerId, f.requestGoalId)) {
      return { ok: false, code: "invalid", field: "requestGoalId", message: "Select one of the goals in this worker's PDP, or none" };
    }
    const row = await one(tx
      .insert(trainingRequests)
      .values({
        workerId,
        title: f.courseTitle,
        provider: f.provider,
        costPence: f.cost,
        startsOn: f.startsOn,
        endsOn: f.endsOn,
        pdpGoalId: f.requestGoalId,
        why: f.why,
        status: "pending",
        requestedBy: user.id,
      })
      .returning({ id: trainingRequests.id }));
    await audit(tx, user, {
      action: "training_request.create",
      entityType: "training_request",
      entityId: row.id,
      workerId,
      summary: { title: f.courseTitle, provider: f.provider, costPence: f.cost, startsOn: f.startsOn, endsOn: f.endsOn, pdpGoalId: f.requestGoalId },
    });
    return { ok: true, workerId, id: row.id };
  });
}

type Decision = { status: "approved" } | ({ status: "declined" } & DeclineFields);

/** Approves or declines a request awaiting a decision: the worker's managers and admins only. */
export async function decideRequest(user: SessionUser, workerId: string, requestId: string, decision: Decision): Promise<LearningResult> {
  if (user.role === "lead") return LEAD_DECIDE_REFUSED;
  if (user.role !== "manager" && user.role !== "admin") return REQUEST_NOT_FOUND;
  if (decision.status === "declined") {
    const problem = declineProblem(decision.declineReason, decision.declineDetail);
    if (problem) return { ok: false, code: "invalid", ...problem };
  }
  return await db.transaction(async (tx) => {
    const found = await first(tx
      .select({ request: trainingRequests, workerStatus: workers.status })
      .from(trainingRequests)
      .innerJoin(workers, eq(workers.id, trainingRequests.workerId))
      .where(and(eq(trainingRequests.id, requestId), eq(trainingRequests.workerId, workerId), editableWorkers(user))));
    if (!found) return REQUEST_NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "trainingDecision");
    if (own) return own;
    if (found.workerStatus === "left") return LEFT;
    if (found.request.status !== "pending") return { ok: false, code: "conflict", message: "This request has already been decided" };
    const declined = decision.status === "declined";
    const detail = declined ? decision.declineDetail.trim() : "";
    await tx.update(trainingRequests)
      .set({
        status: decision.status,
        decidedBy: user.id,
        decidedAt: clockNow(),
        declineReason: declined ? decision.declineReason : null,
        declineDetail: declined && detail !== "" ? detail : null,
        updatedAt: clockNow(),
      })
      .where(eq(trainingRequests.id, requestId));
    await audit(tx, user, {
      action: declined ? "training_request.declined" : "training_request.approved",
      entityType: "training_request",
      entityId: requestId,
      workerId,
      summary: declined ? { title: found.request.title, declineReason: decision.declineReason, declineDetail: detail || null } : { title: found.request.title },
    });
    return { ok: true, workerId, id: requestId };
  });
}

/**
 * Withdraws a request still awaiting a decision: the requester's side (the worker, their managers, admins). It stays
 * on the record as withdrawn, and no longer waits for a decision.
 */
export async function withdrawRequest(user: SessionUser, workerId: string, requestId: string): Promise<LearningResult> {
  if (user.role === "lead") return LEAD_CHANGE_REFUSED;
  return await db.transaction(async (tx): Promise<LearningResult> => {
    const worker = await addableWorkerInTx(tx, user, workerId);
    if (!worker) return REQUEST_NOT_FOUND;
    const found = await visibleRequestInTx(tx, user, workerId, requestId);
    if (!found) return REQUEST_NOT_FOUND;
    if (worker.status === "left") return LEFT;
    const { status, title } = found.request;
    const problem = withdrawProblem(status);
    if (problem) return { ok: false, code: "conflict", message: problem };
    await tx.update(trainingRequests).set({ status: "withdrawn", updatedAt: clockNow() }).where(eq(trainingRequests.id, requestId));
    await audit(tx, user, { action: "training_request.withdrawn", entityType: "training_request", entityId: requestId, workerId, summary: { title } });
    return { ok: true, workerId, id: requestId };
  });
}

/**
 * One training request with its worker, for the page where it is decided: `canDecide` when it awaits a decision that
 * is this user's to take. Undefined when the user may not see it.
 */
export async function trainingRequestView(user: SessionUser, workerId: string, requestId: string) {
  const worker = await workerRecordHeader(user, workerId);
  if (!worker) return undefined;
  const request = (await requestRows(user, workerId, requestId))[0];
  if (!request) return undefined;
  return { worker, request, canDecide: request.status === "pending" && mayDecide(user, worker) };
}

/** An approved request of this worker, to prefill "Record as attended"; undefined when there is none to record. */
export async function requestToAttend(user: SessionUser, workerId: string, requestId: string) {
  return await first(db
    .select({
      id: trainingRequests.id,
      title: trainingRequests.title,
      provider: trainingRequests.provider,
      startsOn: trainingRequests.startsOn,
      endsOn: trainingRequests.endsOn,
      pdpGoalId: trainingRequests.pdpGoalId,
    })
    .from(trainingRequests)
    .innerJoin(workers, eq(workers.id, trainingRequests.workerId))
    .where(and(eq(trainingRequests.id, requestId), eq(trainingRequests.workerId, workerId), eq(trainingRequests.status, "approved"), visibleWorkers(user))));
}

/**
 * Training requests awaiting a decision, across the workers the user may change (in post), oldest first: the count
 * of all of them and the first `limit` to list.
 */
export async function trainingRequestsAwaitingDecision(user: SessionUser, limit = 20) {
  // Only the requests this user may decide: never their own (db/separation.ts).
  const where = and(eq(trainingRequests.status, "pending"), eq(workers.status, "in_post"), editableWorkers(user), visibleWorkers(user), notOwnRecord(user));
  const count =
    (await first(db
      .select({ n: sql<number>`count(*)` })
      .from(trainingRequests)
      .innerJoin(workers, eq(workers.id, trainingRequests.workerId))
      .where(where)))?.n ?? 0;
  const requests = await db
    .select({
      id: trainingRequests.id,
      workerId: workers.id,
      workerName: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
      title: trainingRequests.title,
      startsOn: trainingRequests.startsOn,
      requestedAt: trainingRequests.requestedAt,
    })
    .from(trainingRequests)
    .innerJoin(workers, eq(workers.id, trainingRequests.workerId))
    .where(where)
    .orderBy(asc(trainingRequests.requestedAt), asc(workers.lastName), asc(trainingRequests.id))
    .limit(limit);
  return { count, requests };
}
