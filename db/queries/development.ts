import "server-only";
// Where each worker stands in their development: appraisal, PDP, CPD, competencies, apprenticeship, supervision.
// One query for a whole team (correlated subqueries over indexed columns), never a query per worker.
import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { insertionOrder } from "../dialect";
import { competencyCounts, workerFrameworkStageSql } from "./competencies";
import { db, first } from "../client";
import {
  workers,
  teams,
  stages,
  appraisals,
  pdps,
  pdpGoals,
  pdpActions,
  pdpReviews,
  pdpNotes,
  careerSteps,
  cpdActivities,
  apprenticeships,
  apprenticeshipStandards,
  supervisionSessions,
  careerConversations,
  delegatedTasks,
} from "../schema";
import { visibleWorkers } from "../access";
import type { SessionUser } from "../../lib/session-user";
import { addDays, addMonths } from "../../lib/rules/dates";
import { nextAppraisalDue, appraisalDueStatus } from "../../lib/rules/appraisal-due";
import { appraisalState, pdpState } from "../../lib/rules/attention";
import type { AppraisalStatus, FrameworkStage, PdpStatus } from "../../lib/vocabulary";

/**
 * A worker's dates that fall due: the last completed appraisal, the current PDP with its next review, and the last
 * career conversation with the date it set to talk again.
 */
export function dueDateSelect() {
  return {
    lastConversationOn: sql<string | null>`(select max(${careerConversations.heldOn}) from ${careerConversations}
      where ${careerConversations.workerId} = ${workers.id})`,
    nextConversationOn: sql<string | null>`(select ${careerConversations.nextConversationOn} from ${careerConversations}
      where ${careerConversations.workerId} = ${workers.id} order by ${careerConversations.heldOn} desc limit 1)`,
    lastAppraisalOn: sql<string | null>`(select max(${appraisals.heldOn}) from ${appraisals}
      where ${appraisals.workerId} = ${workers.id} and ${appraisals.status} = 'completed')`,
    currentPdpId: sql<string | null>`(select ${pdps.id} from ${pdps}
      where ${pdps.workerId} = ${workers.id} and ${pdps.status} <> 'closed')`,
    pdpNextReviewOn: sql<string | null>`(select ${pdps.nextReviewOn} from ${pdps}
      where ${pdps.workerId} = ${workers.id} and ${pdps.status} <> 'closed')`,
  };
}

async function summarySelect(today: string, currentStage: SQL, nextStage: SQL) {
  const yearAgo = addMonths(today, -12);
  return {
    workerId: workers.id,
    firstName: workers.firstName,
    lastName: workers.lastName,
    jobTitle: workers.jobTitle,
    contractStart: workers.contractStart,
    teamName: teams.name,
    stage: stages.name,
    ...dueDateSelect(),
    nextAppraisalOn: sql<string | null>`(select min(${appraisals.scheduledFor}) from ${appraisals}
      where ${appraisals.workerId} = ${workers.id} and ${appraisals.status} in ('scheduled','in_progress','awaiting_sign_off'))`,
    currentPdpStatus: sql<PdpStatus | null>`(select ${pdps.status} from ${pdps}
      where ${pdps.workerId} = ${workers.id} and ${pdps.status} <> 'closed')`,
    pdpAgreed: sql<number>`coalesce((select case when ${pdps.workerAgreedAt} is not null and ${pdps.managerAgreedAt} is not null then 1 else 0 end
      from ${pdps} where ${pdps.workerId} = ${workers.id} and ${pdps.status} <> 'closed'), 0)`,
    pdpLastReviewOn: sql<string | null>`(select max(${pdpReviews.reviewedOn}) from ${pdpReviews}
      join ${pdps} on ${pdps.id} = ${pdpReviews.pdpId}
      where ${pdps.workerId} = ${workers.id} and ${pdps.status} <> 'closed')`,
    openAppraisalStatus: sql<AppraisalStatus | null>`(select ${appraisals.status} from ${appraisals}
      where ${appraisals.workerId} = ${workers.id} and ${appraisals.status} in ('scheduled','in_progress','awaiting_sign_off')
      order by ${appraisals.scheduledFor} limit 1)`,
    openAppraisalHeldOn: sql<string | null>`(select ${appraisals.heldOn} from ${appraisals}
      where ${appraisals.workerId} = ${workers.id} and ${appraisals.status} in ('scheduled','in_progress','awaiting_sign_off')
      order by ${appraisals.scheduledFor} limit 1)`,
    delegationsPastReview: sql<number>`(select count(*) from ${delegatedTasks}
      where ${delegatedTasks.workerId} = ${workers.id} and ${delegatedTasks.endedOn} is null and ${delegatedTasks.reviewOn} < ${today})`,
    cpdHours12m: sql<number>`coalesce((select sum(${cpdActivities.hours}) from ${cpdActivities}
      where ${cpdActivities.workerId} = ${workers.id} and ${cpdActivities.activityOn} > ${yearAgo}), 0)`,
    lastSupervisionOn: sql<string | null>`(select max(${supervisionSessions.heldOn}) from ${supervisionSessions}
      where ${supervisionSessions.workerId} = ${workers.id})`,
    apprenticeship: sql<string | null>`(select ${apprenticeshipStandards.title} || ' (level ' || ${apprenticeshipStandards.level} || ')'
      from ${apprenticeships} join ${apprenticeshipStandards} on ${apprenticeshipStandards.id} = ${apprenticeships.standardId}
      where ${apprenticeships.workerId} = ${workers.id} and ${apprenticeships.status} in ('planned','on_programme','break_in_learning','gateway','end_point_assessment')
      order by ${apprenticeships.startDate} desc limit 1)`,
    apprenticeshipStatus: sql<string | null>`(select ${apprenticeships.status} from ${apprenticeships}
      where ${apprenticeships.workerId} = ${workers.id} and ${apprenticeships.status} in ('planned','on_programme','break_in_learning','gateway','end_point_assessment')
      order by ${apprenticeships.startDate} desc limit 1)`,
    ...await competencySelect(today, currentStage, nextStage),
  };
}

async function competencySelect(today: string, current: SQL, next: SQL) {
  const now = await competencyCounts(today, current);
  const ahead = await competencyCounts(today, next);
  return {
    competenciesAtStage: now.total,
    competenciesSignedOff: now.signedOff,
    competenciesExpired: now.expired,
    nextStage: sql<FrameworkStage | null>`${next}`,
    nextStageTotal: ahead.total,
    nextStageSignedOff: ahead.signedOff,
  };
}

function withDue<
  T extends {
    contractStart: string;
    lastAppraisalOn: string | null;
    currentPdpStatus: PdpStatus | null;
    pdpAgreed: number;
    pdpNextReviewOn: string | null;
    openAppraisalStatus: AppraisalStatus | null;
    nextConversationOn: string | null;
    lastConversationOn: string | null;
    delegationsPastReview: number;
    competenciesExpired: number;
  },
>(row: T, today: string) {
  const appraisalDueOn = nextAppraisalDue(row.contractStart, row.lastAppraisalOn);
  const appraisalStatus = appraisalDueStatus(appraisalDueOn, today);
  const pdp = pdpState({ status: row.currentPdpStatus, agreed: !!row.pdpAgreed });
  return {
    ...row,
    appraisalDueOn,
    appraisalStatus,
    appraisalState: appraisalState(appraisalStatus, !!row.lastAppraisalOn),
    pdp,
  };
}

/** In-post workers the user may see, each with where they stand. For a manager's team page and the worker's home. */
export async function developmentSummaries(user: SessionUser, today: string, opts: { workerIds?: string[] } = {}) {
  const rows = await db
    .select(await summarySelect(today, await workerFrameworkStageSql("current"), await workerFrameworkStageSql("next")))
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .where(
      and(
        visibleWorkers(user),
        eq(workers.status, "in_post"),
        opts.workerIds ? inArray(workers.id, opts.workerIds) : undefined,
      ),
    )
    .orderBy(asc(workers.lastName), asc(workers.firstName));
  return rows.map((r) => withDue(r, today));
}

export type DevelopmentSummary = Awaited<ReturnType<typeof developmentSummaries>>[number];

/** The worker's current (draft or active) PDP, if the user may see the worker. */
export async function currentPdp(user: SessionUser, workerId: string) {
  return await first(db
    .select({
      id: pdps.id,
      status: pdps.status,
      version: pdps.version,
      periodStart: pdps.periodStart,
      periodEnd: pdps.periodEnd,
      workerAgreedAt: pdps.workerAgreedAt,
      managerAgreedAt: pdps.managerAgreedAt,
      nextReviewOn: pdps.nextReviewOn,
    })
    .from(pdps)
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .where(and(eq(pdps.workerId, workerId), ne(pdps.status, "closed"), visibleWorkers(user))));
}

/** The current PDP's goals for a worker the user may see, with progress: actions done, the next one due, the last note. */
export async function activeGoals(user: SessionUser, workerId: string) {
  return await db
    .select({
      id: pdpGoals.id,
      title: pdpGoals.title,
      status: pdpGoals.status,
      targetDate: pdpGoals.targetDate,
      proposedBy: pdpGoals.proposedBy,
      pending: sql<boolean>`${pdpGoals.agreedAt} is null`.mapWith(Boolean),
      nextActionDue: sql<string | null>`(select min(${pdpActions.dueOn}) from ${pdpActions}
        where ${pdpActions.goalId} = ${pdpGoals.id} and ${pdpActions.doneOn} is null)`,
      openActions: sql<number>`(select count(*) from ${pdpActions}
        where ${pdpActions.goalId} = ${pdpGoals.id} and ${pdpActions.doneOn} is null)`,
      doneActions: sql<number>`(select count(*) from ${pdpActions}
        where ${pdpActions.goalId} = ${pdpGoals.id} and ${pdpActions.doneOn} is not null)`,
      lastNoteAt: sql<number | null>`(select max(${pdpNotes.createdAt}) from ${pdpNotes} where ${pdpNotes.goalId} = ${pdpGoals.id})`,
    })
    .from(pdpGoals)
    .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .where(and(eq(pdps.workerId, workerId), ne(pdps.status, "closed"), visibleWorkers(user)))
    // created_at has whole seconds: goals added in the same second keep the order they were added (rowid).
    .orderBy(asc(pdpGoals.sort), asc(pdpGoals.createdAt), insertionOrder(pdpGoals));
}

/** Open actions in the current PDP that are overdue or due within `days`, soonest first. */
export async function actionsDueSoon(user: SessionUser, workerId: string, today: string, days = 14) {
  const until = addDays(today, days);
  return await db
    .select({
      id: pdpActions.id,
      description: pdpActions.description,
      owner: pdpActions.owner,
      dueOn: pdpActions.dueOn,
      goalId: pdpGoals.id,
      goalTitle: pdpGoals.title,
    })
    .from(pdpActions)
    .innerJoin(pdpGoals, eq(pdpGoals.id, pdpActions.goalId))
    .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .where(
      and(
        eq(pdps.workerId, workerId),
        ne(pdps.status, "closed"),
        isNull(pdpActions.doneOn),
        inArray(pdpGoals.status, ["not_started", "in_progress"]),
        lte(pdpActions.dueOn, until),
        visibleWorkers(user),
      ),
    )
    .orderBy(asc(pdpActions.dueOn));
}

/** Career conversations with a worker the user may see, newest first, with how many agreed steps are still open. */
export async function conversationHistory(user: SessionUser, workerId: string) {
  return await db
    .select({
      id: careerConversations.id,
      heldOn: careerConversations.heldOn,
      aspiration: careerConversations.aspiration,
      nextConversationOn: careerConversations.nextConversationOn,
      openSteps: sql<number>`(select count(*) from ${careerSteps}
        where ${careerSteps.conversationId} = ${careerConversations.id} and ${careerSteps.doneOn} is null)`,
    })
    .from(careerConversations)
    .innerJoin(workers, eq(workers.id, careerConversations.workerId))
    .leftJoin(appraisals, eq(appraisals.id, careerConversations.appraisalId))
    .where(
      and(
        eq(careerConversations.workerId, workerId),
        visibleWorkers(user),
        // The worker reads a conversation held inside an appraisal once the appraisal is sent to them.
        user.role === "support_worker"
          ? or(isNull(careerConversations.appraisalId), inArray(appraisals.status, ["awaiting_sign_off", "completed", "cancelled"]))
          : undefined,
      ),
    )
    .orderBy(desc(careerConversations.heldOn));
}

/** Completed and upcoming appraisals for a worker the user may see, newest first. */
export async function appraisalHistory(user: SessionUser, workerId: string) {
  return await db
    .select({
      id: appraisals.id,
      status: appraisals.status,
      scheduledFor: appraisals.scheduledFor,
      heldOn: appraisals.heldOn,
      workerSignedAt: appraisals.workerSignedAt,
      completedAt: appraisals.completedAt,
    })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .where(and(eq(appraisals.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(sql`coalesce(${appraisals.heldOn}, ${appraisals.scheduledFor})`));
}
