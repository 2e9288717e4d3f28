import "server-only";
// Changes to a worker's apprenticeship: starting one, its status with dated transitions, off-the-job hours, tripartite
// reviews, the gateway checklist, the end-point result and the position it leads to. The worker's managers and admins
// make them (the worker logs their own hours); every change is audited.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { db, first, one } from "../client";
import { apprenticeshipOptions, apprenticeshipReviews, apprenticeshipStandards, apprenticeshipStatusChanges, apprenticeships, bands, gatewayChecks, gatewayRequirements, otjLogs, stages, workerPositions, workers } from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { notOwnRecord, refuseOwnRecord } from "../separation";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import type { EpaFields, GatewayFields, OtjFields, PositionFields, ReviewFields, StartFields, StatusFields } from "../../lib/forms/apprenticeship";
import { formatDate, todayInLondon, now as clockNow } from "../../lib/rules/dates";
import { checkApprenticeshipTransition, isLive } from "../../lib/rules/apprenticeship-lifecycle";
import { reviewDateProblem } from "../../lib/rules/apprenticeship-reviews";
import { apprenticeshipDatesProblem, gatewayOutstanding, isPassingResult, otjLogProblem, statusDateProblem } from "../../lib/rules/apprenticeship-tracking";
import { epaResultWords, type ApprenticeshipStatus } from "../../lib/vocabulary";
import { type Tx, NOT_FOUND, WORKER_NOT_FOUND, LEFT, LEAD_REFUSED, ENDED, LIVE, manageRefusal, withManagedApprenticeship, lastChangeOn, type ApprenticeshipResult } from "./apprenticeships";

/** Starts an apprenticeship, planned or already on programme; a worker has at most one current apprenticeship. */
export async function startApprenticeship(user: SessionUser, workerId: string, f: StartFields, today = todayInLondon()): Promise<ApprenticeshipResult> {
  const refused = manageRefusal(user);
  if (refused) return refused;
  const dates = apprenticeshipDatesProblem(f.startDate, f.plannedEndDate);
  if (dates) return { ok: false, code: "invalid", ...dates };
  if (f.started === "on_programme" && f.startDate > today) {
    return { ok: false, code: "invalid", field: "startDate", message: "An apprenticeship that has started cannot have a start date in the future; record it as planned" };
  }
  return await db.transaction(async (tx) => {
    const worker = await first(tx
      .select({ id: workers.id, status: workers.status })
      .from(workers)
      .where(and(eq(workers.id, workerId), visibleWorkers(user), editableWorkers(user))));
    if (!worker) return WORKER_NOT_FOUND;
    const own = await refuseOwnRecord(tx, user, workerId, "apprenticeship");
    if (own) return own;
    if (worker.status === "left") return LEFT;
    const live = await first(tx
      .select({ id: apprenticeships.id })
      .from(apprenticeships)
      .where(and(eq(apprenticeships.workerId, workerId), inArray(apprenticeships.status, LIVE))));
    if (live) return { ok: false, code: "conflict", message: "This worker already has a current apprenticeship. Complete or withdraw it before starting another." };
    const standard = await first(tx
      .select({ id: apprenticeshipStandards.id, title: apprenticeshipStandards.title })
      .from(apprenticeshipStandards)
      .where(and(eq(apprenticeshipStandards.id, f.standardId), isNull(apprenticeshipStandards.retiredAt))));
    if (!standard) return { ok: false, code: "invalid", field: "standardId", message: "Select an apprenticeship standard from the list" };
    const options = await tx
      .select({ id: apprenticeshipOptions.id })
      .from(apprenticeshipOptions)
      .where(and(eq(apprenticeshipOptions.standardId, f.standardId), isNull(apprenticeshipOptions.retiredAt)));
    if (f.optionId && !options.some((o) => o.id === f.optionId)) {
      return { ok: false, code: "invalid", field: "optionId", message: "Select one of this standard's options" };
    }
    if (!f.optionId && options.length > 0) return { ok: false, code: "invalid", field: "optionId", message: `Select the ${standard.title} option` };
    const row = await one(tx
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
      .returning({ id: apprenticeships.id }));
    const agreedOn = f.started === "planned" ? (today < f.startDate ? today : f.startDate) : f.startDate;
    await tx.insert(apprenticeshipStatusChanges).values({ apprenticeshipId: row.id, fromStatus: null, toStatus: "planned", effectiveOn: agreedOn, reason: "Apprenticeship agreed", changedBy: user.id });
    if (f.started === "on_programme") {
      await tx.insert(apprenticeshipStatusChanges)
        .values({ apprenticeshipId: row.id, fromStatus: "planned", toStatus: "on_programme", effectiveOn: f.startDate, reason: "Started the programme", changedBy: user.id });
    }
    await audit(tx, user, {
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
export async function changeApprenticeshipStatus(user: SessionUser, workerId: string, apprenticeshipId: string, f: StatusFields, today = todayInLondon()): Promise<ApprenticeshipResult> {
  return await withManagedApprenticeship(user, workerId, apprenticeshipId, async (tx, found) => {
    const a = found.a;
    const to = f.to as ApprenticeshipStatus;
    const check = checkApprenticeshipTransition(a.status, to, f.reason);
    if (!check.ok) return { ok: false, code: "invalid", field: check.field ?? "to", message: check.message };
    // Starting may be dated before the day the place was recorded (a late entry): only later steps follow the last change.
    const last = a.status === "planned" ? null : await lastChangeOn(tx, a.id);
    const problem = statusDateProblem({ effectiveOn: f.effectiveOn, to, startDate: a.startDate, plannedEndDate: a.plannedEndDate, lastChangeOn: last, today });
    if (problem) return { ok: false, code: "invalid", field: "effectiveOn", message: problem };
    if (to === "end_point_assessment") {
      const requirements = await tx
        .select({ id: gatewayRequirements.id, label: gatewayRequirements.label })
        .from(gatewayRequirements)
        .where(and(eq(gatewayRequirements.standardId, a.standardId), isNull(gatewayRequirements.retiredAt)));
      const ticked = new Set((await tx.select({ id: gatewayChecks.requirementId }).from(gatewayChecks).where(eq(gatewayChecks.apprenticeshipId, a.id))).map((c) => c.id));
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
    await tx.update(apprenticeships)
      .set({
        status: to,
        startDate: starting ? f.effectiveOn : a.startDate,
        plannedEndDate,
        actualEndDate: to === "withdrawn" ? f.effectiveOn : a.actualEndDate,
        withdrawnReason: to === "withdrawn" ? reason : a.withdrawnReason,
        updatedAt: clockNow(),
      })
      .where(eq(apprenticeships.id, a.id));
    if (starting) {
      // The agreement cannot post-date the start it led to.
      await tx.update(apprenticeshipStatusChanges)
        .set({ effectiveOn: f.effectiveOn })
        .where(and(eq(apprenticeshipStatusChanges.apprenticeshipId, a.id), eq(apprenticeshipStatusChanges.toStatus, "planned"), sql`${apprenticeshipStatusChanges.effectiveOn} > ${f.effectiveOn}`));
    }
    await tx.insert(apprenticeshipStatusChanges)
      .values({ apprenticeshipId: a.id, fromStatus: a.status, toStatus: to, effectiveOn: f.effectiveOn, reason, changedBy: user.id });
    await audit(tx, user, {
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
export async function logOtj(user: SessionUser, workerId: string, apprenticeshipId: string, f: OtjFields, today = todayInLondon()): Promise<ApprenticeshipResult> {
  if (user.role === "lead") return LEAD_REFUSED;
  return await db.transaction(async (tx) => {
    const own = user.role === "support_worker" ? eq(workers.userId, user.id) : editableWorkers(user);
    const found = await first(tx
      .select({ a: apprenticeships, workerStatus: workers.status })
      .from(apprenticeships)
      .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
      .where(and(eq(apprenticeships.id, apprenticeshipId), eq(apprenticeships.workerId, workerId), visibleWorkers(user), own)));
    if (!found) return NOT_FOUND;
    if (found.workerStatus === "left") return LEFT;
    const a = found.a;
    if (a.status === "planned") return { ok: false, code: "invalid", message: "Off-the-job hours are logged once the apprenticeship has started" };
    if (a.status === "completed" || a.status === "withdrawn") return ENDED(a.status);
    const already =
      (await first(tx
        .select({ h: sql<number>`coalesce(sum(${otjLogs.hours}), 0)` })
        .from(otjLogs)
        .where(and(eq(otjLogs.apprenticeshipId, a.id), eq(otjLogs.activityOn, f.activityOn)))))?.h ?? 0;
    const problem = otjLogProblem({ activityOn: f.activityOn, hours: f.hours, startDate: a.startDate, endedOn: a.actualEndDate, today, alreadyThatDay: already });
    if (problem) return { ok: false, code: "invalid", ...problem };
    const row = await one(tx
      .insert(otjLogs)
      .values({ apprenticeshipId: a.id, activityOn: f.activityOn, hours: f.hours, activityType: f.activityType, note: f.note, loggedBy: user.id })
      .returning({ id: otjLogs.id }));
    await audit(tx, user, {
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
export async function deleteOtjLog(user: SessionUser, workerId: string, logId: string): Promise<ApprenticeshipResult> {
  if (user.role === "lead") return LEAD_REFUSED;
  return await db.transaction(async (tx) => {
    // On one's own record, whatever the role, only the entries one logged oneself: the others are evidence someone
    // else recorded towards one's own gateway (db/separation.ts).
    const mine =
      user.role === "support_worker"
        ? and(eq(workers.userId, user.id), eq(otjLogs.loggedBy, user.id))
        : and(editableWorkers(user), or(notOwnRecord(user), eq(otjLogs.loggedBy, user.id)));
    const found = await first(tx
      .select({ log: otjLogs, status: apprenticeships.status, workerStatus: workers.status })
      .from(otjLogs)
      .innerJoin(apprenticeships, eq(apprenticeships.id, otjLogs.apprenticeshipId))
      .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
      .where(and(eq(otjLogs.id, logId), eq(apprenticeships.workerId, workerId), visibleWorkers(user), mine)));
    if (!found) return { ok: false, code: "not_found", message: "Off-the-job entry not found" };
    if (found.workerStatus === "left") return LEFT;
    if (found.status === "completed" || found.status === "withdrawn") return ENDED(found.status);
    await tx.delete(otjLogs).where(eq(otjLogs.id, logId));
    await audit(tx, user, {
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
export async function recordReview(user: SessionUser, workerId: string, apprenticeshipId: string, f: ReviewFields, today = todayInLondon()): Promise<ApprenticeshipResult> {
  return await withManagedApprenticeship(user, workerId, apprenticeshipId, async (tx, found) => {
    const a = found.a;
    if (a.status === "planned") return { ok: false, code: "invalid", message: "Progress reviews are recorded once the apprenticeship has started" };
    if (a.status === "completed" || a.status === "withdrawn") return ENDED(a.status);
    const problem = reviewDateProblem(f.reviewedOn, a.startDate, today);
    if (problem) return { ok: false, code: "invalid", field: "reviewedOn", message: problem };
    const row = await one(tx
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
      .returning({ id: apprenticeshipReviews.id }));
    await audit(tx, user, {
      action: "apprenticeship_review.create",
      entityType: "apprenticeship_review",
      entityId: row.id,
      workerId,
      summary: { apprenticeshipId: a.id, reviewedOn: f.reviewedOn, nextReviewOn: f.nextReviewOn },
    });
    return { ok: true, workerId, id: row.id };
  });
}

async function liveRequirementInTx(tx: Tx, standardId: string, requirementId: string) {
  return await first(tx
    .select({ id: gatewayRequirements.id, label: gatewayRequirements.label })
    .from(gatewayRequirements)
    .where(and(eq(gatewayRequirements.id, requirementId), eq(gatewayRequirements.standardId, standardId), isNull(gatewayRequirements.retiredAt))));
}

/** Ticks a gateway requirement with the date it was met and the evidence seen. */
export async function tickGateway(user: SessionUser, workerId: string, apprenticeshipId: string, requirementId: string, f: GatewayFields, today = todayInLondon()): Promise<ApprenticeshipResult> {
  return await withManagedApprenticeship(user, workerId, apprenticeshipId, async (tx, found) => {
    const a = found.a;
    if (!isLive(a.status)) return ENDED(a.status);
    if (a.status === "end_point_assessment") return { ok: false, code: "read_only", message: "The gateway has been passed; its checklist can no longer change" };
    const requirement = await liveRequirementInTx(tx, a.standardId, requirementId);
    if (!requirement) return { ok: false, code: "not_found", message: "Gateway requirement not found" };
    if (f.completedOn > today) return { ok: false, code: "invalid", field: "completedOn", message: "The date it was met cannot be in the future" };
    const exists = await first(tx.select({ id: gatewayChecks.id }).from(gatewayChecks).where(and(eq(gatewayChecks.apprenticeshipId, a.id), eq(gatewayChecks.requirementId, requirementId))));
    if (exists) return { ok: false, code: "conflict", message: "This requirement is already ticked" };
    const row = await one(tx
      .insert(gatewayChecks)
      .values({ apprenticeshipId: a.id, requirementId, completedOn: f.completedOn, evidence: f.evidence, checkedBy: user.id })
      .returning({ id: gatewayChecks.id }));
    await audit(tx, user, {
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
export async function untickGateway(user: SessionUser, workerId: string, apprenticeshipId: string, requirementId: string): Promise<ApprenticeshipResult> {
  return await withManagedApprenticeship(user, workerId, apprenticeshipId, async (tx, found) => {
    const a = found.a;
    if (!isLive(a.status)) return ENDED(a.status);
    if (a.status === "end_point_assessment") return { ok: false, code: "read_only", message: "The gateway has been passed; its checklist can no longer change" };
    const check = await first(tx
      .select({ id: gatewayChecks.id, completedOn: gatewayChecks.completedOn, label: gatewayRequirements.label })
      .from(gatewayChecks)
      .innerJoin(gatewayRequirements, eq(gatewayRequirements.id, gatewayChecks.requirementId))
      .where(and(eq(gatewayChecks.apprenticeshipId, a.id), eq(gatewayChecks.requirementId, requirementId))));
    if (!check) return { ok: false, code: "not_found", message: "Gateway check not found" };
    await tx.delete(gatewayChecks).where(eq(gatewayChecks.id, check.id));
    await audit(tx, user, {
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
export async function recordEpaResult(user: SessionUser, workerId: string, apprenticeshipId: string, f: EpaFields, today = todayInLondon()): Promise<ApprenticeshipResult> {
  return await withManagedApprenticeship(user, workerId, apprenticeshipId, async (tx, found) => {
    const a = found.a;
    if (a.status !== "end_point_assessment") {
      return isLive(a.status)
        ? { ok: false, code: "invalid", message: "The end-point result is recorded once end-point assessment has started" }
        : ENDED(a.status);
    }
    if (f.resultOn > today) return { ok: false, code: "invalid", field: "resultOn", message: "The date of the result cannot be in the future" };
    const last = await lastChangeOn(tx, a.id);
    if (last && f.resultOn < last) return { ok: false, code: "invalid", field: "resultOn", message: `The result cannot be before end-point assessment started on ${formatDate(last)}` };
    const passed = isPassingResult(f.result);
    await tx.update(apprenticeships)
      .set({
        epaResult: f.result,
        epaResultOn: f.resultOn,
        status: passed ? "completed" : a.status,
        actualEndDate: passed ? f.resultOn : a.actualEndDate,
        updatedAt: clockNow(),
      })
      .where(eq(apprenticeships.id, a.id));
    if (passed) {
      await tx.insert(apprenticeshipStatusChanges)
        .values({
          apprenticeshipId: a.id,
          fromStatus: a.status,
          toStatus: "completed",
          effectiveOn: f.resultOn,
          reason: `End-point assessment: ${epaResultWords.label(f.result).toLowerCase()}`,
          changedBy: user.id,
        });
    }
    await audit(tx, user, {
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
export async function recordProgressionPosition(user: SessionUser, workerId: string, apprenticeshipId: string, f: PositionFields, today = todayInLondon()): Promise<ApprenticeshipResult> {
  return await withManagedApprenticeship(user, workerId, apprenticeshipId, async (tx, found) => {
    const a = found.a;
    if (a.status !== "completed") return { ok: false, code: "invalid", message: "The new position is recorded once the apprenticeship is completed" };
    const completedOn = a.actualEndDate ?? a.epaResultOn ?? a.plannedEndDate;
    if (f.effectiveFrom < completedOn) return { ok: false, code: "invalid", field: "effectiveFrom", message: `The new position cannot start before the apprenticeship was completed on ${formatDate(completedOn)}` };
    if (f.effectiveFrom > today) return { ok: false, code: "invalid", field: "effectiveFrom", message: "Record the new position once it has started: the date cannot be in the future" };
    const stage = await first(tx.select({ id: stages.id, name: stages.name }).from(stages).where(and(eq(stages.id, f.stageId), isNull(stages.retiredAt))));
    if (!stage) return { ok: false, code: "invalid", field: "stageId", message: "Select a role from the list" };
    if (f.bandId && !await first(tx.select({ id: bands.id }).from(bands).where(and(eq(bands.id, f.bandId), isNull(bands.retiredAt))))) {
      return { ok: false, code: "invalid", field: "bandId", message: "Select a band from the list" };
    }
    const worker = (await first(tx.select().from(workers).where(eq(workers.id, workerId))))!;
    const open = await first(tx.select().from(workerPositions).where(and(eq(workerPositions.workerId, workerId), isNull(workerPositions.effectiveTo))));
    if (open && f.effectiveFrom <= open.effectiveFrom) {
      return { ok: false, code: "invalid", field: "effectiveFrom", message: `The new position must start after ${formatDate(open.effectiveFrom)}, when the current one began` };
    }
    if (open) await tx.update(workerPositions).set({ effectiveTo: f.effectiveFrom }).where(eq(workerPositions.id, open.id));
    await tx.insert(workerPositions)
      .values({ workerId, effectiveFrom: f.effectiveFrom, stageId: f.stageId, bandId: f.bandId, jobTitle: f.jobTitle, teamId: worker.teamId, reason: f.positionReason, recordedBy: user.id });
    await tx.update(workers).set({ stageId: f.stageId, bandId: f.bandId, jobTitle: f.jobTitle }).where(eq(workers.id, workerId));
    await audit(tx, user, {
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
export async function withdrawOnLeavingInTx(tx: Tx, user: SessionUser, workerId: string, leftOn: string, leavingReason: string): Promise<void> {
  const live = await tx
    .select()
    .from(apprenticeships)
    .where(and(eq(apprenticeships.workerId, workerId), inArray(apprenticeships.status, LIVE)));
  for (const a of live) {
    const on = leftOn < a.startDate ? a.startDate : leftOn;
    const reason = `Left the organisation${leavingReason ? `: ${leavingReason}` : ""}`;
    await tx.update(apprenticeships).set({ status: "withdrawn", actualEndDate: on, withdrawnReason: reason, updatedAt: clockNow() }).where(eq(apprenticeships.id, a.id));
    await tx.insert(apprenticeshipStatusChanges).values({ apprenticeshipId: a.id, fromStatus: a.status, toStatus: "withdrawn", effectiveOn: on, reason, changedBy: user.id });
    await audit(tx, user, { action: "apprenticeship.status_change", entityType: "apprenticeship", entityId: a.id, workerId, summary: { from: a.status, to: "withdrawn", effectiveOn: on, reason } });
  }
}

/* ------------------------------------------------------------------ the pipeline */

