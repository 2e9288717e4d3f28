import "server-only";
// A worker's apprenticeships, read: the page of one worker's apprenticeship with its hours, reviews, gateway and the
// position it leads to, and what the changes (./apprenticeship-changes.ts) and the pipeline (./apprenticeship-pipeline.ts)
// share. Who may: the worker's managers and admins run it; the worker reads it and logs their own off-the-job hours;
// leads read; anyone else is told "not found".
import { and, asc, desc, eq, gte, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, first } from "../client";
import { apprenticeshipOptions, apprenticeshipReviews, apprenticeshipStandards, apprenticeshipStatusChanges, apprenticeships, bands, gatewayChecks, gatewayRequirements, otjLogs, otjRules, stages, users, workerPositions, workers } from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { refuseOwnRecord } from "../separation";
import type { SessionUser } from "../../lib/session-user";
import { todayInLondon } from "../../lib/rules/dates";
import { isLive, LIVE_APPRENTICESHIP_STATUSES, nextStatuses } from "../../lib/rules/apprenticeship-lifecycle";
import { trackApprenticeship, type Track } from "../../lib/rules/apprenticeship-tracking";
import type { OtjRule } from "../../lib/rules/off-the-job";
import { apprenticeshipStatusWords, epaResultWords, type ApprenticeshipStatus } from "../../lib/vocabulary";
import { workerRecordHeader } from "./workers";
import { type Refusal, type Result } from "../result";

export type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
export type Q = Tx | typeof db;

export type ApprenticeshipResult = Result<{ workerId: string; id: string }>;

export const NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Apprenticeship not found" };
export const WORKER_NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Worker not found" };
export const LEFT: Refusal = { ok: false, code: "read_only", message: "This worker has left. Their record can no longer be changed." };
export const LEAD_REFUSED: Refusal = { ok: false, code: "read_only", message: "Leads read apprenticeships; only the worker's manager or an administrator changes them" };
export const ENDED = (status: ApprenticeshipStatus): Refusal => ({
  ok: false,
  code: "read_only",
  message: `This apprenticeship is ${apprenticeshipStatusWords.label(status).toLowerCase()}; it can no longer be changed`,
});

export const LIVE = [...LIVE_APPRENTICESHIP_STATUSES];

/** Manage (start, status, reviews, gateway, result): the worker's managers and admins. Leads get a message. */
export function manageRefusal(user: SessionUser): Refusal | undefined {
  if (user.role === "lead") return LEAD_REFUSED;
  if (user.role !== "manager" && user.role !== "admin") return NOT_FOUND;
  return undefined;
}

/** The apprenticeship of this worker, if the user may run it (their manager, an admin). */
export async function managedApprenticeshipInTx(tx: Tx, user: SessionUser, workerId: string, apprenticeshipId: string) {
  return await first(tx
    .select({ a: apprenticeships, workerStatus: workers.status, standardMinimumHours: apprenticeshipStandards.otjMinimumHours })
    .from(apprenticeships)
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId))
    .where(and(eq(apprenticeships.id, apprenticeshipId), eq(apprenticeships.workerId, workerId), visibleWorkers(user), editableWorkers(user))));
}

/**
 * The opening every "run the apprenticeship" change shares: leads are told they read, anyone but the worker's manager
 * or an admin gets "not found", nobody decides on their own, a leaver's record is closed; then `change` runs in one
 * transaction.
 */
export async function withManagedApprenticeship(
  user: SessionUser,
  workerId: string,
  apprenticeshipId: string,
  change: (tx: Tx, found: NonNullable<Awaited<ReturnType<typeof managedApprenticeshipInTx>>>) => Promise<ApprenticeshipResult>,
): Promise<ApprenticeshipResult> {
  const refused = manageRefusal(user);
  if (refused) return refused;
  return await db.transaction(async (tx) => {
    const found = await managedApprenticeshipInTx(tx, user, workerId, apprenticeshipId);
    if (!found) return NOT_FOUND;
    // Nobody takes the decisions on their own apprenticeship (db/separation.ts).
    const own = await refuseOwnRecord(tx, user, workerId, "apprenticeship");
    if (own) return own;
    if (found.workerStatus === "left") return LEFT;
    return change(tx, found);
  });
}

export async function loadRules(q: Q): Promise<OtjRule[]> {
  return await q.select().from(otjRules).orderBy(asc(otjRules.effectiveFrom));
}

export async function lastChangeOn(tx: Tx, apprenticeshipId: string): Promise<string | null> {
  return (
    (await first(tx
      .select({ on: sql<string | null>`max(${apprenticeshipStatusChanges.effectiveOn})` })
      .from(apprenticeshipStatusChanges)
      .where(eq(apprenticeshipStatusChanges.apprenticeshipId, apprenticeshipId))))?.on ?? null
  );
}

/* ------------------------------------------------------------------ reading one worker's apprenticeships */

const changedBy = alias(users, "changed_by");

async function detailOf(user: SessionUser, workerId: string, a: ApprenticeshipRow, rules: OtjRule[], today: string, allLogs: boolean) {
  const changes = await db
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
    .orderBy(asc(apprenticeshipStatusChanges.effectiveOn), asc(apprenticeshipStatusChanges.createdAt));
  const logTotals = await first(db
    .select({ hours: sql<number>`coalesce(sum(${otjLogs.hours}), 0)`, count: sql<number>`count(*)` })
    .from(otjLogs)
    .where(eq(otjLogs.apprenticeshipId, a.id))) ?? { hours: 0, count: 0 };
  const logs = await db
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
    .limit(allLogs ? 10_000 : LOGS_SHOWN);
  const reviews = await db
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
    .orderBy(desc(apprenticeshipReviews.reviewedOn), desc(apprenticeshipReviews.createdAt));
  const checks = await db
    .select({
      requirementId: gatewayChecks.requirementId,
      completedOn: gatewayChecks.completedOn,
      evidence: gatewayChecks.evidence,
      checkedByName: users.name,
    })
    .from(gatewayChecks)
    .leftJoin(users, eq(users.id, gatewayChecks.checkedBy))
    .where(eq(gatewayChecks.apprenticeshipId, a.id));
  const checkBy = new Map(checks.map((c) => [c.requirementId, c]));
  // The standard's live requirements, and any retired one this apprenticeship already ticked.
  const gateway = (await db
    .select({ id: gatewayRequirements.id, label: gatewayRequirements.label, retiredAt: gatewayRequirements.retiredAt })
    .from(gatewayRequirements)
    .where(eq(gatewayRequirements.standardId, a.standardId))
    .orderBy(asc(gatewayRequirements.sort), asc(gatewayRequirements.label)))
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
    progression: a.status === "completed" ? await progressionOffer(user, workerId, a) : null,
  };
}

const LOGS_SHOWN = 10;

type ApprenticeshipRow = Awaited<ReturnType<typeof apprenticeshipRows>>[number];

async function apprenticeshipRows(user: SessionUser, workerId: string) {
  return await db
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
    .orderBy(desc(apprenticeships.startDate), desc(apprenticeships.createdAt));
}

/**
 * A completed apprenticeship offers to record the position it leads to, until a position starting on or after the
 * completion date is on the worker's history. Suggests the role at the standard's level (none for a degree
 * apprenticeship, which leads out of the support workforce into registration).
 */
async function progressionOffer(user: SessionUser, workerId: string, a: ApprenticeshipRow) {
  const completedOn = a.actualEndDate ?? a.epaResultOn ?? a.plannedEndDate;
  const since = await first(db
    .select({ id: workerPositions.id })
    .from(workerPositions)
    .innerJoin(workers, eq(workers.id, workerPositions.workerId))
    .where(and(eq(workerPositions.workerId, workerId), gte(workerPositions.effectiveFrom, completedOn), visibleWorkers(user))));
  if (since) return { recorded: true as const, completedOn };
  const suggested = await first(db
    .select({ id: stages.id, name: stages.name })
    .from(stages)
    .where(and(eq(stages.educationLevel, a.level), isNull(stages.retiredAt)))
    .orderBy(desc(stages.rank)));
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
async function startChoices() {
  const standards = await db
    .select({ id: apprenticeshipStandards.id, title: apprenticeshipStandards.title, level: apprenticeshipStandards.level, months: apprenticeshipStandards.typicalDurationMonths })
    .from(apprenticeshipStandards)
    .where(isNull(apprenticeshipStandards.retiredAt))
    .orderBy(asc(apprenticeshipStandards.level), asc(apprenticeshipStandards.title));
  const options = await db
    .select({ id: apprenticeshipOptions.id, standardId: apprenticeshipOptions.standardId, name: apprenticeshipOptions.name })
    .from(apprenticeshipOptions)
    .where(isNull(apprenticeshipOptions.retiredAt))
    .orderBy(asc(apprenticeshipOptions.name));
  return standards.map((s) => ({ ...s, options: options.filter((o) => o.standardId === s.id).map(({ id, name }) => ({ id, name })) }));
}

/** Live roles and bands, for the position a completed apprenticeship leads to. */
async function positionChoices() {
  return {
    stages: await db.select({ id: stages.id, name: stages.name }).from(stages).where(isNull(stages.retiredAt)).orderBy(asc(stages.rank), asc(stages.sort)),
    bands: await db.select({ id: bands.id, name: bands.name }).from(bands).where(isNull(bands.retiredAt)).orderBy(asc(bands.sort)),
  };
}

/**
 * The worker's apprenticeships: the current (live) one in full, past ones below; with what this user may do.
 * Undefined when the user may not see the worker.
 */
export async function apprenticeshipPage(user: SessionUser, workerId: string, today = todayInLondon(), opts: { allLogs?: boolean } = {}) {
  const worker = await workerRecordHeader(user, workerId);
  if (!worker) return undefined;
  const inPost = worker.status === "in_post";
  const ownRecord = user.role === "support_worker" && worker.userId === user.id;
  const managesRecord = inPost && (user.role === "manager" || user.role === "admin") && worker.editable;
  // Nobody runs their own apprenticeship (db/separation.ts); logging hours is adding to the record, anyone's own included.
  const canManage = managesRecord && worker.userId !== user.id;
  const canLog = managesRecord || (inPost && ownRecord);
  const rules = await loadRules(db);
  const rows = await apprenticeshipRows(user, workerId);
  const all = await Promise.all(rows.map(async (a) => {
    const detail = await detailOf(user, workerId, a, rules, today, !!opts.allLogs);
    // Who may take an off-the-job entry away, as deleteOtjLog decides: whoever manages the record, or the worker for an
    // entry they logged themselves; nobody once the apprenticeship has ended.
    const logs = detail.logs.map((l) => ({ ...l, canRemove: canLog && isLive(detail.status) && (canManage || l.loggedById === user.id) }));
    return { ...detail, logs };
  }));
  const current = all.find((a) => isLive(a.status)) ?? null;
  const past = all.filter((a) => a !== current);
  const post = await first(db.select({ bandId: workers.bandId, fte: workers.fte }).from(workers).where(eq(workers.id, workerId)));
  return {
    worker,
    ownRecord,
    canManage,
    /** The worker themselves logs off-the-job hours too. */
    canLog,
    current,
    past,
    choices: canManage && !current ? await startChoices() : [],
    positionChoices: canManage && past.some((p) => p.progression && !p.progression.recorded) ? await positionChoices() : null,
    currentBandId: post?.bandId ?? null,
    /** Contracted hours a week to suggest: the worker's FTE of a 37.5-hour week. */
    suggestedWeeklyHours: String(Math.round((post?.fte ?? 1) * 37.5 * 100) / 100),
  };
}

/* ------------------------------------------------------------------ changes */

