import "server-only";
// A worker's apprenticeships from the employer's side: starting one, its status with dated transitions, off-the-job
// hours against the rule, tripartite progress reviews, the gateway checklist, the end-point result, and the position
// it leads to. Who may: the worker's managers and admins run it; the worker reads it and logs their own off-the-job
// hours; leads read; anyone else is told "not found". Every change is audited.
import { and, asc, desc, eq, gte, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "../client";
import {
  apprenticeshipOptions,
  apprenticeshipReviews,
  apprenticeshipStandards,
  apprenticeshipStatusChanges,
  apprenticeships,
  bands,
  gatewayChecks,
  gatewayRequirements,
  otjLogs,
  otjRules,
  stages,
  teams,
  users,
  workerPositions,
  workers,
} from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import type { EpaFields, GatewayFields, OtjFields, PositionFields, ReviewFields, StartFields, StatusFields } from "../../lib/forms/apprenticeship";
import { addMonths, formatDate, todayInLondon, now as clockNow } from "../../lib/rules/dates";
import { checkApprenticeshipTransition, isLive, LIVE_APPRENTICESHIP_STATUSES, nextStatuses } from "../../lib/rules/apprenticeship-lifecycle";
import { reviewDateProblem } from "../../lib/rules/apprenticeship-reviews";
import {
  apprenticeshipDatesProblem,
  gatewayOutstanding,
  isPassingResult,
  otjLogProblem,
  statusDateProblem,
  trackApprenticeship,
  type StatusChange,
  type Track,
} from "../../lib/rules/apprenticeship-tracking";
import type { OtjRule } from "../../lib/rules/off-the-job";
import { apprenticeshipStatusWords, epaResultWords, type ApprenticeshipStatus } from "../../lib/vocabulary";
import { workerRecordHeader } from "./workers";
import { type Refusal, type Result } from "../result";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
type Q = Tx | typeof db;

export type ApprenticeshipResult = Result<{ workerId: string; id: string }>;

const NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Apprenticeship not found" };
const WORKER_NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Worker not found" };
const LEFT: Refusal = { ok: false, code: "read_only", message: "This worker has left. Their record can no longer be changed." };
const LEAD_REFUSED: Refusal = { ok: false, code: "read_only", message: "Leads read apprenticeships; only the worker's manager or an administrator changes them" };
const ENDED = (status: ApprenticeshipStatus): Refusal => ({
  ok: false,
  code: "read_only",
  message: `This apprenticeship is ${apprenticeshipStatusWords.label(status).toLowerCase()}; it can no longer be changed`,
});

const LIVE = [...LIVE_APPRENTICESHIP_STATUSES];

/** Manage (start, status, reviews, gateway, result): the worker's managers and admins. Leads get a message. */
function manageRefusal(user: SessionUser): Refusal | undefined {
  if (user.role === "lead") return LEAD_REFUSED;
  if (user.role !== "manager" && user.role !== "admin") return NOT_FOUND;
  return undefined;
}

/** The apprenticeship of this worker, if the user may run it (their manager, an admin). */
function managedApprenticeshipInTx(tx: Tx, user: SessionUser, workerId: string, apprenticeshipId: string) {
  return tx
    .select({ a: apprenticeships, workerStatus: workers.status, standardMinimumHours: apprenticeshipStandards.otjMinimumHours })
    .from(apprenticeships)
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId))
    .where(and(eq(apprenticeships.id, apprenticeshipId), eq(apprenticeships.workerId, workerId), visibleWorkers(user), editableWorkers(user)))
    .get();
}

/**
 * The opening every "run the apprenticeship" change shares: leads are told they read, anyone but the worker's manager
 * or an admin gets "not found", a leaver's record is closed; then `change` runs in one transaction.
 */
function withManagedApprenticeship(
  user: SessionUser,
  workerId: string,
  apprenticeshipId: string,
  change: (tx: Tx, found: NonNullable<ReturnType<typeof managedApprenticeshipInTx>>) => ApprenticeshipResult,
): ApprenticeshipResult {
  const refused = manageRefusal(user);
  if (refused) return refused;
  return db.transaction((tx) => {
    const found = managedApprenticeshipInTx(tx, user, workerId, apprenticeshipId);
    if (!found) return NOT_FOUND;
    if (found.workerStatus === "left") return LEFT;
    return change(tx, found);
  });
}

function loadRules(q: Q): OtjRule[] {
  return q.select().from(otjRules).orderBy(asc(otjRules.effectiveFrom)).all();
}

function lastChangeOn(tx: Tx, apprenticeshipId: string): string | null {
  return (
    tx
      .select({ on: sql<string | null>`max(${apprenticeshipStatusChanges.effectiveOn})` })
      .from(apprenticeshipStatusChanges)
      .where(eq(apprenticeshipStatusChanges.apprenticeshipId, apprenticeshipId))
      .get()?.on ?? null
  );
}

/* ------------------------------------------------------------------ reading one worker's apprenticeships */

const changedBy = alias(users, "changed_by");

function detailOf(user: SessionUser, workerId: string, a: ApprenticeshipRow, rules: OtjRule[], today: string, allLogs: boolean) {
  const changes = db
    .select({
      id: apprenticeshipStatusChanges.id,
      fromStatus: apprenticeshipStatusChanges.fromStatus,
      toStatus: apprenticeshipStatusChanges.toStatus,
      effectiveOn: apprenticeshipStatusChanges.effectiveOn,
      reason: apprenticeshipStatusChanges.reason,
      byName: changedBy.name,
    })
    .from(apprenticeshipStatusChanges)
    .leftJoin(changedBy, eq(changedBy.id, apprenticeshipStatusChanges.changedBy))
    .where(eq(apprenticeshipStatusChanges.apprenticeshipId, a.id))
    .orderBy(asc(apprenticeshipStatusChanges.effectiveOn), asc(apprenticeshipStatusChanges.createdAt))
    .all();
  const logTotals = db
    .select({ hours: sql<number>`coalesce(sum(${otjLogs.hours}), 0)`, count: sql<number>`count(*)` })
    .from(otjLogs)
    .where(eq(otjLogs.apprenticeshipId, a.id))
    .get() ?? { hours: 0, count: 0 };
  const logs = db
    .select({
      id: otjLogs.id,
      activityOn: otjLogs.activityOn,
      hours: otjLogs.hours,
      activityType: otjLogs.activityType,
      note: otjLogs.note,
      loggedById: otjLogs.loggedBy,
      loggedByName: users.name,
    })
    .from(otjLogs)
    .leftJoin(users, eq(users.id, otjLogs.loggedBy))
    .where(eq(otjLogs.apprenticeshipId, a.id))
    .orderBy(desc(otjLogs.activityOn), desc(otjLogs.createdAt))
    .limit(allLogs ? 10_000 : LOGS_SHOWN)
    .all();
  const reviews = db
    .select({
      id: apprenticeshipReviews.id,
      reviewedOn: apprenticeshipReviews.reviewedOn,
      attendees: apprenticeshipReviews.attendees,
      progress: apprenticeshipReviews.progress,
      concerns: apprenticeshipReviews.concerns,
      actions: apprenticeshipReviews.actions,
      nextReviewOn: apprenticeshipReviews.nextReviewOn,
      recordedByName: users.name,
    })
    .from(apprenticeshipReviews)
    .leftJoin(users, eq(users.id, apprenticeshipReviews.recordedBy))
    .where(eq(apprenticeshipReviews.apprenticeshipId, a.id))
    .orderBy(desc(apprenticeshipReviews.reviewedOn), desc(apprenticeshipReviews.createdAt))
    .all();
  const checks = db
    .select({
      requirementId: gatewayChecks.requirementId,
      completedOn: gatewayChecks.completedOn,
      evidence: gatewayChecks.evidence,
      checkedByName: users.name,
    })
    .from(gatewayChecks)
    .leftJoin(users, eq(users.id, gatewayChecks.checkedBy))
    .where(eq(gatewayChecks.apprenticeshipId, a.id))
    .all();
  const checkBy = new Map(checks.map((c) => [c.requirementId, c]));
  // The standard's live requirements, and any retired one this apprenticeship already ticked.
  const gateway = db
    .select({ id: gatewayRequirements.id, label: gatewayRequirements.label, retiredAt: gatewayRequirements.retiredAt })
    .from(gatewayRequirements)
    .where(eq(gatewayRequirements.standardId, a.standardId))
    .orderBy(asc(gatewayRequirements.sort), asc(gatewayRequirements.label))
    .all()
    .filter((r) => r.retiredAt === null || checkBy.has(r.id))
    .map((r) => ({ id: r.id, label: r.label, check: checkBy.get(r.id) ?? null }));
  const latest = reviews[0];
  const track: Track = trackApprenticeship(
    rules,
    {
      status: a.status,
      startDate: a.startDate,
      plannedEndDate: a.plannedEndDate,
      weeklyHours: a.weeklyHours,
      standardMinimumHours: a.standardMinimumHours,
      loggedHours: logTotals.hours,
      changes,
      reviewDates: reviews.map((r) => r.reviewedOn),
      agreedNextReview: latest?.nextReviewOn ?? null,
    },
    today,
  );
  return {
    ...a,
    changes,
    logs,
    logCount: logTotals.count,
    reviews,
    gateway,
    gatewayOutstanding: gateway.filter((g) => g.check === null).length,
    track,
    nextStatuses: isLive(a.status) ? nextStatuses(a.status).filter((s) => s !== "completed") : [],
    progression: a.status === "completed" ? progressionOffer(user, workerId, a) : null,
  };
}

const LOGS_SHOWN = 10;

type ApprenticeshipRow = ReturnType<typeof apprenticeshipRows>[number];

function apprenticeshipRows(user: SessionUser, workerId: string) {
  return db
    .select({
      id: apprenticeships.id,
      standardId: apprenticeships.standardId,
      standardTitle: apprenticeshipStandards.title,
      standardReference: apprenticeshipStandards.reference,
      level: apprenticeshipStandards.level,
      standardMinimumHours: apprenticeshipStandards.otjMinimumHours,
      optionName: apprenticeshipOptions.name,
      provider: apprenticeships.provider,
      startDate: apprenticeships.startDate,
      plannedEndDate: apprenticeships.plannedEndDate,
      actualEndDate: apprenticeships.actualEndDate,
      status: apprenticeships.status,
      withdrawnReason: apprenticeships.withdrawnReason,
      weeklyHours: apprenticeships.weeklyHours,
      epaResult: apprenticeships.epaResult,
      epaResultOn: apprenticeships.epaResultOn,
    })
    .from(apprenticeships)
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId))
    .leftJoin(apprenticeshipOptions, eq(apprenticeshipOptions.id, apprenticeships.optionId))
    .where(and(eq(apprenticeships.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(apprenticeships.startDate), desc(apprenticeships.createdAt))
    .all();
}

/**
 * A completed apprenticeship offers to record the position it leads to, until a position starting on or after the
 * completion date is on the worker's history. Suggests the role at the standard's level (none for a degree
 * apprenticeship, which leads out of the support workforce into registration).
 */
function progressionOffer(user: SessionUser, workerId: string, a: ApprenticeshipRow) {
  const completedOn = a.actualEndDate ?? a.epaResultOn ?? a.plannedEndDate;
  const since = db
    .select({ id: workerPositions.id })
    .from(workerPositions)
    .innerJoin(workers, eq(workers.id, workerPositions.workerId))
    .where(and(eq(workerPositions.workerId, workerId), gte(workerPositions.effectiveFrom, completedOn), visibleWorkers(user)))
    .get();
  if (since) return { recorded: true as const, completedOn };
  const suggested = db
    .select({ id: stages.id, name: stages.name })
    .from(stages)
    .where(and(eq(stages.educationLevel, a.level), isNull(stages.retiredAt)))
    .orderBy(desc(stages.rank))
    .get();
  const result = a.epaResult ? `, ${epaResultWords.label(a.epaResult).toLowerCase()}` : "";
  return {
    recorded: false as const,
    completedOn,
    suggestedStageId: suggested?.id ?? null,
    suggestedJobTitle: suggested?.name ?? "",
    reason: `Completed the ${a.standardTitle} apprenticeship (level ${a.level})${result}`,
  };
}

/** Standards (live) with their live options, for starting an apprenticeship. */
function startChoices() {
  const standards = db
    .select({ id: apprenticeshipStandards.id, title: apprenticeshipStandards.title, level: apprenticeshipStandards.level, months: apprenticeshipStandards.typicalDurationMonths })
    .from(apprenticeshipStandards)
    .where(isNull(apprenticeshipStandards.retiredAt))
    .orderBy(asc(apprenticeshipStandards.level), asc(apprenticeshipStandards.title))
    .all();
  const options = db
    .select({ id: apprenticeshipOptions.id, standardId: apprenticeshipOptions.standardId, name: apprenticeshipOptions.name })
    .from(apprenticeshipOptions)
    .where(isNull(apprenticeshipOptions.retiredAt))
    .orderBy(asc(apprenticeshipOptions.name))
    .all();
  return standards.map((s) => ({ ...s, options: options.filter((o) => o.standardId === s.id).map(({ id, name }) => ({ id, name })) }));
}

/** Live roles and bands, for the position a completed apprenticeship leads to. */
function positionChoices() {
  return {
    stages: db.select({ id: stages.id, name: stages.name }).from(stages).where(isNull(stages.retiredAt)).orderBy(asc(stages.rank), asc(stages.sort)).all(),
    bands: db.select({ id: bands.id, name: bands.name }).from(bands).where(isNull(bands.retiredAt)).orderBy(asc(bands.sort)).all(),
  };
}

/**
 * The worker's apprenticeships: the current (live) one in full, past ones below; with what this user may do.
 * Undefined when the user may not see the worker.
 */
export function apprenticeshipPage(user: SessionUser, workerId: string, today = todayInLondon(), opts: { allLogs?: boolean } = {}) {
  const worker = workerRecordHeader(user, workerId);
  if (!worker) return undefined;
  const inPost = worker.status === "in_post";
  const ownRecord = user.role === "support_worker" && worker.userId === user.id;
  const canManage = inPost && (user.role === "manager" || user.role === "admin") && worker.editable;
  const canLog = inPost && (canManage || ownRecord);
  const rules = loadRules(db);
  const rows = apprenticeshipRows(user, workerId);
  const all = rows.map((a) => {
    const detail = detailOf(user, workerId, a, rules, today, !!opts.allLogs);
    // Who may take an off-the-job entry away, as deleteOtjLog decides: whoever manages the record, or the worker for an
    // entry they logged themselves; nobody once the apprenticeship has ended.
    const logs = detail.logs.map((l) => ({ ...l, canRemove: canLog && isLive(detail.status) && (canManage || l.loggedById === user.id) }));
    return { ...detail, logs };
  });
  const current = all.find((a) => isLive(a.status)) ?? null;
  const past = all.filter((a) => a !== current);
  const post = db.select({ bandId: workers.bandId, fte: workers.fte }).from(workers).where(eq(workers.id, workerId)).get();
  return {
    worker,
    ownRecord,
    canManage,
    /** The worker themselves logs off-the-job hours too. */
    canLog,
    current,
    past,
    choices: canManage && !current ? startChoices() : [],
    positionChoices: canManage && past.some((p) => p.progression && !p.progression.recorded) ? positionChoices() : null,
    currentBandId: post?.bandId ?? null,
    /** Contracted hours a week to suggest: the worker's FTE of a 37.5-hour week. */
    suggestedWeeklyHours: String(Math.round((post?.fte ?? 1) * 37.5 * 100) / 100),
  };
}

/* ------------------------------------------------------------------ changes */

/** Starts an apprenticeship, planned or already on programme; a worker has at most one current apprenticeship. */
export function startApprenticeship(user: SessionUser, workerId: string, f: StartFields, today = todayInLondon()): ApprenticeshipResult {
  const refused = manageRefusal(user);
  if (refused) return refused;
  const dates = apprenticeshipDatesProblem(f.startDate, f.plannedEndDate);
  if (dates) return { ok: false, code: "invalid", ...dates };
  if (f.started === "on_programme" && f.startDate > today) {
    return { ok: false, code: "invalid", field: "startDate", message: "An apprenticeship that has started cannot have a start date in the future; record it as planned" };
  }
  return db.transaction((tx) => {
    const worker = tx
      .select({ id: workers.id, status: workers.status })
      .from(workers)
      .where(and(eq(workers.id, workerId), visibleWorkers(user), editableWorkers(user)))
      .get();
    if (!worker) return WORKER_NOT_FOUND;
    if (worker.status === "left") return LEFT;
    const live = tx
      .select({ id: apprenticeships.id })
      .from(apprenticeships)
      .where(and(eq(apprenticeships.workerId, workerId), inArray(apprenticeships.status, LIVE)))
      .get();
    if (live) return { ok: false, code: "conflict", message: "This worker already has a current apprenticeship. Complete or withdraw it before starting another." };
    const standard = tx
      .select({ id: apprenticeshipStandards.id, title: apprenticeshipStandards.title })
      .from(apprenticeshipStandards)
      .where(and(eq(apprenticeshipStandards.id, f.standardId), isNull(apprenticeshipStandards.retiredAt)))
      .get();
    if (!standard) return { ok: false, code: "invalid", field: "standardId", message: "Select an apprenticeship standard from the list" };
    const options = tx
      .select({ id: apprenticeshipOptions.id })
      .from(apprenticeshipOptions)
      .where(and(eq(apprenticeshipOptions.standardId, f.standardId), isNull(apprenticeshipOptions.retiredAt)))
      .all();
    if (f.optionId && !options.some((o) => o.id === f.optionId)) {
      return { ok: false, code: "invalid", field: "optionId", message: "Select one of this standard's options" };
    }
    if (!f.optionId && options.length > 0) return { ok: false, code: "invalid", field: "optionId", message: `Select the ${standard.title} option` };
    const row = tx
      .insert(apprenticeships)
      .values({
        workerId,
        standardId: f.standardId,
        optionId: f.optionId,
        provider: f.provider,
        startDate: f.startDate,
        plannedEndDate: f.plannedEndDate,
        weeklyHours: f.weeklyHours,
        status: f.started,
        createdBy: user.id,
      })
      .returning({ id: apprenticeships.id })
      .get();
    const agreedOn = f.started === "planned" ? (today < f.startDate ? today : f.startDate) : f.startDate;
    tx.insert(apprenticeshipStatusChanges).values({ apprenticeshipId: row.id, fromStatus: null, toStatus: "planned", effectiveOn: agreedOn, reason: "Apprenticeship agreed", changedBy: user.id }).run();
    if (f.started === "on_programme") {
      tx.insert(apprenticeshipStatusChanges)
        .values({ apprenticeshipId: row.id, fromStatus: "planned", toStatus: "on_programme", effectiveOn: f.startDate, reason: "Started the programme", changedBy: user.id })
        .run();
    }
    audit(tx, user, {
      action: "apprenticeship.create",
      entityType: "apprenticeship",
      entityId: row.id,
      workerId,
      summary: { standard: standard.title, optionId: f.optionId, provider: f.provider, startDate: f.startDate, plannedEndDate: f.plannedEndDate, weeklyHours: f.weeklyHours, status: f.started },
    });
    return { ok: true, workerId, id: row.id };
  });
}

/**
 * Moves the apprenticeship along its lifecycle on a date: start (the actual start date becomes the start date), a
 * break in learning (with a reason) and the return (optionally re-planning the end), gateway, end-point assessment
 * (every gateway requirement ticked first), or withdrawal (with a reason). Completion comes with the result.
 */
export function changeApprenticeshipStatus(user: SessionUser, workerId: string, apprenticeshipId: string, f: StatusFields, today = todayInLondon()): ApprenticeshipResult {
  return withManagedApprenticeship(user, workerId, apprenticeshipId, (tx, found) => {
    const a = found.a;
    const to = f.to as ApprenticeshipStatus;
    const check = checkApprenticeshipTransition(a.status, to, f.reason);
    if (!check.ok) return { ok: false, code: "invalid", field: check.field ?? "to", message: check.message };
    // Starting may be dated before the day the place was recorded (a late entry): only later steps follow the last change.
    const last = a.status === "planned" ? null : lastChangeOn(tx, a.id);
    const problem = statusDateProblem({ effectiveOn: f.effectiveOn, to, startDate: a.startDate, plannedEndDate: a.plannedEndDate, lastChangeOn: last, today });
    if (problem) return { ok: false, code: "invalid", field: "effectiveOn", message: problem };
    if (to === "end_point_assessment") {
      const requirements = tx
        .select({ id: gatewayRequirements.id, label: gatewayRequirements.label })
        .from(gatewayRequirements)
        .where(and(eq(gatewayRequirements.standardId, a.standardId), isNull(gatewayRequirements.retiredAt)))
        .all();
      const ticked = new Set(tx.select({ id: gatewayChecks.requirementId }).from(gatewayChecks).where(eq(gatewayChecks.apprenticeshipId, a.id)).all().map((c) => c.id));
      const outstanding = gatewayOutstanding(requirements, ticked);
      if (outstanding.length > 0) {
        return {
          ok: false,
          code: "invalid",
          field: "to",
          message: `Tick every gateway requirement before end-point assessment starts: ${outstanding.length} ${outstanding.length === 1 ? "is" : "are"} still to do`,
        };
      }
    }
    let plannedEndDate = a.plannedEndDate;
    if (f.newPlannedEndDate) {
      if (to !== "on_programme" || a.status !== "break_in_learning") {
        return { ok: false, code: "invalid", field: "newPlannedEndDate", message: "Re-plan the end date when the apprentice returns from a break in learning" };
      }
      if (f.newPlannedEndDate <= f.effectiveOn) return { ok: false, code: "invalid", field: "newPlannedEndDate", message: "The new planned end date must be after the return" };
      const dates = apprenticeshipDatesProblem(a.startDate, f.newPlannedEndDate);
      if (dates) return { ok: false, code: "invalid", field: "newPlannedEndDate", message: dates.message };
      plannedEndDate = f.newPlannedEndDate;
    }
    const starting = a.status === "planned" && to === "on_programme";
    const reason = f.reason.trim();
    tx.update(apprenticeships)
      .set({
        status: to,
        startDate: starting ? f.effectiveOn : a.startDate,
        plannedEndDate,
        actualEndDate: to === "withdrawn" ? f.effectiveOn : a.actualEndDate,
        withdrawnReason: to === "withdrawn" ? reason : a.withdrawnReason,
        updatedAt: clockNow(),
      })
      .where(eq(apprenticeships.id, a.id))
      .run();
    if (starting) {
      // The agreement cannot post-date the start it led to.
      tx.update(apprenticeshipStatusChanges)
        .set({ effectiveOn: f.effectiveOn })
        .where(and(eq(apprenticeshipStatusChanges.apprenticeshipId, a.id), eq(apprenticeshipStatusChanges.toStatus, "planned"), sql`${apprenticeshipStatusChanges.effectiveOn} > ${f.effectiveOn}`))
        .run();
    }
    tx.insert(apprenticeshipStatusChanges)
      .values({ apprenticeshipId: a.id, fromStatus: a.status, toStatus: to, effectiveOn: f.effectiveOn, reason, changedBy: user.id })
      .run();
    audit(tx, user, {
      action: "apprenticeship.status_change",
      entityType: "apprenticeship",
      entityId: a.id,
      workerId,
      summary: {
        from: a.status,
        to,
        effectiveOn: f.effectiveOn,
        reason: reason || null,
        ...(starting && f.effectiveOn !== a.startDate ? { startDate: { from: a.startDate, to: f.effectiveOn } } : {}),
        ...(plannedEndDate !== a.plannedEndDate ? { plannedEndDate: { from: a.plannedEndDate, to: plannedEndDate } } : {}),
      },
    });
    return { ok: true, workerId, id: a.id };
  });
}

/** Logs off-the-job training: the worker on their own apprenticeship, or their manager or an admin. */
export function logOtj(user: SessionUser, workerId: string, apprenticeshipId: string, f: OtjFields, today = todayInLondon()): ApprenticeshipResult {
  if (user.role === "lead") return LEAD_REFUSED;
  return db.transaction((tx) => {
    const own = user.role === "support_worker" ? eq(workers.userId, user.id) : editableWorkers(user);
    const found = tx
      .select({ a: apprenticeships, workerStatus: workers.status })
      .from(apprenticeships)
      .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
      .where(and(eq(apprenticeships.id, apprenticeshipId), eq(apprenticeships.workerId, workerId), visibleWorkers(user), own))
      .get();
    if (!found) return NOT_FOUND;
    if (found.workerStatus === "left") return LEFT;
    const a = found.a;
    if (a.status === "planned") return { ok: false, code: "invalid", message: "Off-the-job hours are logged once the apprenticeship has started" };
    if (a.status === "completed" || a.status === "withdrawn") return ENDED(a.status);
    const already =
      tx
        .select({ h: sql<number>`coalesce(sum(${otjLogs.hours}), 0)` })
        .from(otjLogs)
        .where(and(eq(otjLogs.apprenticeshipId, a.id), eq(otjLogs.activityOn, f.activityOn)))
        .get()?.h ?? 0;
    const problem = otjLogProblem({ activityOn: f.activityOn, hours: f.hours, startDate: a.startDate, endedOn: a.actualEndDate, today, alreadyThatDay: already });
    if (problem) return { ok: false, code: "invalid", ...problem };
    const row = tx
      .insert(otjLogs)
      .values({ apprenticeshipId: a.id, activityOn: f.activityOn, hours: f.hours, activityType: f.activityType, note: f.note, loggedBy: user.id })
      .returning({ id: otjLogs.id })
      .get();
    audit(tx, user, {
      action: "otj_log.create",
      entityType: "otj_log",
      entityId: row.id,
      workerId,
      summary: { apprenticeshipId: a.id, activityOn: f.activityOn, hours: f.hours, activityType: f.activityType },
    });
    return { ok: true, workerId, id: row.id };
  });
}

/** Removes an off-the-job entry logged by mistake: whoever logged it, or the worker's manager or an admin. */
export function deleteOtjLog(user: SessionUser, workerId: string, logId: string): ApprenticeshipResult {
  if (user.role === "lead") return LEAD_REFUSED;
  return db.transaction((tx) => {
    const mine = user.role === "support_worker" ? and(eq(workers.userId, user.id), eq(otjLogs.loggedBy, user.id)) : editableWorkers(user);
    const found = tx
      .select({ log: otjLogs, status: apprenticeships.status, workerStatus: workers.status })
      .from(otjLogs)
      .innerJoin(apprenticeships, eq(apprenticeships.id, otjLogs.apprenticeshipId))
      .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
      .where(and(eq(otjLogs.id, logId), eq(apprenticeships.workerId, workerId), visibleWorkers(user), mine))
      .get();
    if (!found) return { ok: false, code: "not_found", message: "Off-the-job entry not found" };
    if (found.workerStatus === "left") return LEFT;
    if (found.status === "completed" || found.status === "withdrawn") return ENDED(found.status);
    tx.delete(otjLogs).where(eq(otjLogs.id, logId)).run();
    audit(tx, user, {
      action: "otj_log.delete",
      entityType: "otj_log",
      entityId: logId,
      workerId,
      summary: { apprenticeshipId: found.log.apprenticeshipId, activityOn: found.log.activityOn, hours: found.log.hours, activityType: found.log.activityType },
    });
    return { ok: true, workerId, id: logId };
  });
}

/** Records a tripartite progress review (the employer's side records it). */
export function recordReview(user: SessionUser, workerId: string, apprenticeshipId: string, f: ReviewFields, today = todayInLondon()): ApprenticeshipResult {
  return withManagedApprenticeship(user, workerId, apprenticeshipId, (tx, found) => {
    const a = found.a;
    if (a.status === "planned") return { ok: false, code: "invalid", message: "Progress reviews are recorded once the apprenticeship has started" };
    if (a.status === "completed" || a.status === "withdrawn") return ENDED(a.status);
    const problem = reviewDateProblem(f.reviewedOn, a.startDate, today);
    if (problem) return { ok: false, code: "invalid", field: "reviewedOn", message: problem };
    const row = tx
      .insert(apprenticeshipReviews)
      .values({
        apprenticeshipId: a.id,
        reviewedOn: f.reviewedOn,
        attendees: f.attendees,
        progress: f.progress,
        concerns: f.concerns,
        actions: f.actions,
        nextReviewOn: f.nextReviewOn,
        recordedBy: user.id,
      })
      .returning({ id: apprenticeshipReviews.id })
      .get();
    audit(tx, user, {
      action: "apprenticeship_review.create",
      entityType: "apprenticeship_review",
      entityId: row.id,
      workerId,
      summary: { apprenticeshipId: a.id, reviewedOn: f.reviewedOn, nextReviewOn: f.nextReviewOn },
    });
    return { ok: true, workerId, id: row.id };
  });
}

function liveRequirementInTx(tx: Tx, standardId: string, requirementId: string) {
  return tx
    .select({ id: gatewayRequirements.id, label: gatewayRequirements.label })
    .from(gatewayRequirements)
    .where(and(eq(gatewayRequirements.id, requirementId), eq(gatewayRequirements.standardId, standardId), isNull(gatewayRequirements.retiredAt)))
    .get();
}

/** Ticks a gateway requirement with the date it was met and the evidence seen. */
export function tickGateway(user: SessionUser, workerId: string, apprenticeshipId: string, requirementId: string, f: GatewayFields, today = todayInLondon()): ApprenticeshipResult {
  return withManagedApprenticeship(user, workerId, apprenticeshipId, (tx, found) => {
    const a = found.a;
    if (!isLive(a.status)) return ENDED(a.status);
    if (a.status === "end_point_assessment") return { ok: false, code: "read_only", message: "The gateway has been passed; its checklist can no longer change" };
    const requirement = liveRequirementInTx(tx, a.standardId, requirementId);
    if (!requirement) return { ok: false, code: "not_found", message: "Gateway requirement not found" };
    if (f.completedOn > today) return { ok: false, code: "invalid", field: "completedOn", message: "The date it was met cannot be in the future" };
    const exists = tx.select({ id: gatewayChecks.id }).from(gatewayChecks).where(and(eq(gatewayChecks.apprenticeshipId, a.id), eq(gatewayChecks.requirementId, requirementId))).get();
    if (exists) return { ok: false, code: "conflict", message: "This requirement is already ticked" };
    const row = tx
      .insert(gatewayChecks)
      .values({ apprenticeshipId: a.id, requirementId, completedOn: f.completedOn, evidence: f.evidence, checkedBy: user.id })
      .returning({ id: gatewayChecks.id })
      .get();
    audit(tx, user, {
      action: "gateway_check.create",
      entityType: "gateway_check",
      entityId: row.id,
      workerId,
      summary: { apprenticeshipId: a.id, requirement: requirement.label, completedOn: f.completedOn },
    });
    return { ok: true, workerId, id: row.id };
  });
}

/** Unticks a gateway requirement ticked by mistake, before end-point assessment. */
export function untickGateway(user: SessionUser, workerId: string, apprenticeshipId: string, requirementId: string): ApprenticeshipResult {
  return withManagedApprenticeship(user, workerId, apprenticeshipId, (tx, found) => {
    const a = found.a;
    if (!isLive(a.status)) return ENDED(a.status);
    if (a.status === "end_point_assessment") return { ok: false, code: "read_only", message: "The gateway has been passed; its checklist can no longer change" };
    const check = tx
      .select({ id: gatewayChecks.id, completedOn: gatewayChecks.completedOn, label: gatewayRequirements.label })
      .from(gatewayChecks)
      .innerJoin(gatewayRequirements, eq(gatewayRequirements.id, gatewayChecks.requirementId))
      .where(and(eq(gatewayChecks.apprenticeshipId, a.id), eq(gatewayChecks.requirementId, requirementId)))
      .get();
    if (!check) return { ok: false, code: "not_found", message: "Gateway check not found" };
    tx.delete(gatewayChecks).where(eq(gatewayChecks.id, check.id)).run();
    audit(tx, user, {
      action: "gateway_check.delete",
      entityType: "gateway_check",
      entityId: check.id,
      workerId,
      summary: { apprenticeshipId: a.id, requirement: check.label, completedOn: check.completedOn },
    });
    return { ok: true, workerId, id: a.id };
  });
}

/**
 * Records the end-point result. A pass, merit or distinction completes the apprenticeship on that date; a fail is
 * kept and the apprenticeship stays in end-point assessment for a resit.
 */
export function recordEpaResult(user: SessionUser, workerId: string, apprenticeshipId: string, f: EpaFields, today = todayInLondon()): ApprenticeshipResult {
  return withManagedApprenticeship(user, workerId, apprenticeshipId, (tx, found) => {
    const a = found.a;
    if (a.status !== "end_point_assessment") {
      return isLive(a.status)
        ? { ok: false, code: "invalid", message: "The end-point result is recorded once end-point assessment has started" }
        : ENDED(a.status);
    }
    if (f.resultOn > today) return { ok: false, code: "invalid", field: "resultOn", message: "The date of the result cannot be in the future" };
    const last = lastChangeOn(tx, a.id);
    if (last && f.resultOn < last) return { ok: false, code: "invalid", field: "resultOn", message: `The result cannot be before end-point assessment started on ${formatDate(last)}` };
    const passed = isPassingResult(f.result);
    tx.update(apprenticeships)
      .set({
        epaResult: f.result,
        epaResultOn: f.resultOn,
        status: passed ? "completed" : a.status,
        actualEndDate: passed ? f.resultOn : a.actualEndDate,
        updatedAt: clockNow(),
      })
      .where(eq(apprenticeships.id, a.id))
      .run();
    if (passed) {
      tx.insert(apprenticeshipStatusChanges)
        .values({
          apprenticeshipId: a.id,
          fromStatus: a.status,
          toStatus: "completed",
          effectiveOn: f.resultOn,
          reason: `End-point assessment: ${epaResultWords.label(f.result).toLowerCase()}`,
          changedBy: user.id,
        })
        .run();
    }
    audit(tx, user, {
      action: passed ? "apprenticeship.completed" : "apprenticeship.epa_fail",
      entityType: "apprenticeship",
      entityId: a.id,
      workerId,
      summary: { result: f.result, resultOn: f.resultOn, previousResult: a.epaResult },
    });
    return { ok: true, workerId, id: a.id };
  });
}

/**
 * Records the position a completed apprenticeship led to on the worker's history (closing the open position), so
 * progression counts it: the new role, band and job title from a date on or after completion.
 */
export function recordProgressionPosition(user: SessionUser, workerId: string, apprenticeshipId: string, f: PositionFields, today = todayInLondon()): ApprenticeshipResult {
  return withManagedApprenticeship(user, workerId, apprenticeshipId, (tx, found) => {
    const a = found.a;
    if (a.status !== "completed") return { ok: false, code: "invalid", message: "The new position is recorded once the apprenticeship is completed" };
    const completedOn = a.actualEndDate ?? a.epaResultOn ?? a.plannedEndDate;
    if (f.effectiveFrom < completedOn) return { ok: false, code: "invalid", field: "effectiveFrom", message: `The new position cannot start before the apprenticeship was completed on ${formatDate(completedOn)}` };
    if (f.effectiveFrom > today) return { ok: false, code: "invalid", field: "effectiveFrom", message: "Record the new position once it has started: the date cannot be in the future" };
    const stage = tx.select({ id: stages.id, name: stages.name }).from(stages).where(and(eq(stages.id, f.stageId), isNull(stages.retiredAt))).get();
    if (!stage) return { ok: false, code: "invalid", field: "stageId", message: "Select a role from the list" };
    if (f.bandId && !tx.select({ id: bands.id }).from(bands).where(and(eq(bands.id, f.bandId), isNull(bands.retiredAt))).get()) {
      return { ok: false, code: "invalid", field: "bandId", message: "Select a band from the list" };
    }
    const worker = tx.select().from(workers).where(eq(workers.id, workerId)).get()!;
    const open = tx.select().from(workerPositions).where(and(eq(workerPositions.workerId, workerId), isNull(workerPositions.effectiveTo))).get();
    if (open && f.effectiveFrom <= open.effectiveFrom) {
      return { ok: false, code: "invalid", field: "effectiveFrom", message: `The new position must start after ${formatDate(open.effectiveFrom)}, when the current one began` };
    }
    if (open) tx.update(workerPositions).set({ effectiveTo: f.effectiveFrom }).where(eq(workerPositions.id, open.id)).run();
    tx.insert(workerPositions)
      .values({ workerId, effectiveFrom: f.effectiveFrom, stageId: f.stageId, bandId: f.bandId, jobTitle: f.jobTitle, teamId: worker.teamId, reason: f.positionReason, recordedBy: user.id })
      .run();
    tx.update(workers).set({ stageId: f.stageId, bandId: f.bandId, jobTitle: f.jobTitle }).where(eq(workers.id, workerId)).run();
    audit(tx, user, {
      action: "worker.position_change",
      entityType: "worker",
      entityId: workerId,
      workerId,
      summary: {
        changed: ["stageId", "bandId", "jobTitle"].filter((k) => (worker as Record<string, unknown>)[k] !== (f as Record<string, unknown>)[k]),
        effectiveFrom: f.effectiveFrom,
        stage: stage.name,
        apprenticeshipId: a.id,
        reason: f.positionReason,
      },
    });
    return { ok: true, workerId, id: a.id };
  });
}

/**
 * When a worker leaves, their current apprenticeship ends with them: withdrawn on the leaving date (or on its start,
 * if it had not begun), with the leaving reason, audited. Runs inside the leaving's own transaction.
 */
export function withdrawOnLeavingInTx(tx: Tx, user: SessionUser, workerId: string, leftOn: string, leavingReason: string): void {
  const live = tx
    .select()
    .from(apprenticeships)
    .where(and(eq(apprenticeships.workerId, workerId), inArray(apprenticeships.status, LIVE)))
    .all();
  for (const a of live) {
    const on = leftOn < a.startDate ? a.startDate : leftOn;
    const reason = `Left the organisation${leavingReason ? `: ${leavingReason}` : ""}`;
    tx.update(apprenticeships).set({ status: "withdrawn", actualEndDate: on, withdrawnReason: reason, updatedAt: clockNow() }).where(eq(apprenticeships.id, a.id)).run();
    tx.insert(apprenticeshipStatusChanges).values({ apprenticeshipId: a.id, fromStatus: a.status, toStatus: "withdrawn", effectiveOn: on, reason, changedBy: user.id }).run();
    audit(tx, user, { action: "apprenticeship.status_change", entityType: "apprenticeship", entityId: a.id, workerId, summary: { from: a.status, to: "withdrawn", effectiveOn: on, reason } });
  }
}

/* ------------------------------------------------------------------ the pipeline */

export type PipelineFilters = { status: ApprenticeshipStatus | "at_risk" | "all_live"; team: string | null };

export type PipelineRow = {
  id: string;
  workerId: string;
  workerName: string;
  teamId: string;
  teamName: string;
  standardId: string;
  standardTitle: string;
  level: number;
  status: ApprenticeshipStatus;
  startDate: string;
  plannedEndDate: string;
  track: Track;
};

/**
 * Every apprenticeship the user may see that is live, or ended in the last 12 months: managers their teams', leads
 * and admins all. Each carries its tracking (hours, reviews, risks), worked out by the same rule as the worker's page.
 */
export function apprenticeshipPipeline(user: SessionUser, today = todayInLondon()) {
  if (user.role === "support_worker") return undefined;
  const since = addMonths(today, -12);
  return trackedApprenticeships(
    user,
    or(inArray(apprenticeships.status, LIVE), and(inArray(apprenticeships.status, ["completed", "withdrawn"]), gte(apprenticeships.actualEndDate, since)))!,
    today,
  );
}

/**
 * The live apprenticeships of in-post workers the user may see (a support worker their own), with their tracking:
 * what the inbox reminds about. The same three queries as the pipeline, whatever the number of apprentices.
 */
export function liveApprenticeshipTracking(user: SessionUser, today = todayInLondon()) {
  return trackedApprenticeships(user, and(inArray(apprenticeships.status, LIVE), eq(workers.status, "in_post"))!, today);
}

function trackedApprenticeships(user: SessionUser, which: SQL, today: string) {
  const where: SQL = and(visibleWorkers(user), which)!;
  const rows = db
    .select({
      id: apprenticeships.id,
      workerId: workers.id,
      workerName: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
      lastName: workers.lastName,
      teamId: teams.id,
      teamName: teams.name,
      standardId: apprenticeshipStandards.id,
      standardTitle: apprenticeshipStandards.title,
      level: apprenticeshipStandards.level,
      standardMinimumHours: apprenticeshipStandards.otjMinimumHours,
      status: apprenticeships.status,
      startDate: apprenticeships.startDate,
      plannedEndDate: apprenticeships.plannedEndDate,
      weeklyHours: apprenticeships.weeklyHours,
      // Per apprenticeship through its index, rather than totalling every log in the organisation first.
      loggedHours: sql<number>`(select coalesce(sum(${otjLogs.hours}), 0) from ${otjLogs} where ${otjLogs.apprenticeshipId} = ${apprenticeships.id})`,
    })
    .from(apprenticeships)
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId))
    .where(where)
    .orderBy(sql`${workers.lastName} collate nocase`, sql`${workers.firstName} collate nocase`, asc(apprenticeships.id))
    .all();
  // The status histories and reviews of the live ones, read with the same access rule (two queries, not one a row).
  const liveWhere = and(visibleWorkers(user), inArray(apprenticeships.status, LIVE));
  const changes = new Map<string, StatusChange[]>();
  for (const c of db
    .select({ apprenticeshipId: apprenticeshipStatusChanges.apprenticeshipId, toStatus: apprenticeshipStatusChanges.toStatus, effectiveOn: apprenticeshipStatusChanges.effectiveOn })
    .from(apprenticeshipStatusChanges)
    .innerJoin(apprenticeships, eq(apprenticeships.id, apprenticeshipStatusChanges.apprenticeshipId))
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .where(liveWhere)
    .orderBy(asc(apprenticeshipStatusChanges.effectiveOn), asc(apprenticeshipStatusChanges.createdAt))
    .all()) {
    const list = changes.get(c.apprenticeshipId) ?? [];
    list.push({ toStatus: c.toStatus, effectiveOn: c.effectiveOn });
    changes.set(c.apprenticeshipId, list);
  }
  const reviews = new Map<string, { dates: string[]; agreedNext: string | null }>();
  for (const r of db
    .select({ apprenticeshipId: apprenticeshipReviews.apprenticeshipId, reviewedOn: apprenticeshipReviews.reviewedOn, nextReviewOn: apprenticeshipReviews.nextReviewOn })
    .from(apprenticeshipReviews)
    .innerJoin(apprenticeships, eq(apprenticeships.id, apprenticeshipReviews.apprenticeshipId))
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .where(liveWhere)
    .orderBy(asc(apprenticeshipReviews.reviewedOn), asc(apprenticeshipReviews.createdAt))
    .all()) {
    const entry = reviews.get(r.apprenticeshipId) ?? { dates: [], agreedNext: null };
    // Ordered by date, so the last one seen is the latest review and its agreed next date counts.
    entry.dates.push(r.reviewedOn);
    entry.agreedNext = r.nextReviewOn;
    reviews.set(r.apprenticeshipId, entry);
  }
  const rules = loadRules(db);
  const out: PipelineRow[] = rows.map((r) => {
    const rev = reviews.get(r.id);
    return {
      id: r.id,
      workerId: r.workerId,
      workerName: r.workerName,
      teamId: r.teamId,
      teamName: r.teamName,
      standardId: r.standardId,
      standardTitle: r.standardTitle,
      level: r.level,
      status: r.status,
      startDate: r.startDate,
      plannedEndDate: r.plannedEndDate,
      track: trackApprenticeship(
        rules,
        {
          status: r.status,
          startDate: r.startDate,
          plannedEndDate: r.plannedEndDate,
          weeklyHours: r.weeklyHours,
          standardMinimumHours: r.standardMinimumHours,
          loggedHours: r.loggedHours,
          changes: changes.get(r.id) ?? [],
          reviewDates: rev?.dates ?? [],
          agreedNextReview: rev?.agreedNext ?? null,
        },
        today,
      ),
    };
  });
  return out;
}
