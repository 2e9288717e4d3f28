import "server-only";
// The apprenticeship pipeline: every current apprentice a user may see, with their hours and next review, who is at
// risk, and counts by status, standard and level.
import { and, asc, eq, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import { caseless } from "../dialect";
import { db } from "../client";
import { apprenticeshipStandards, apprenticeshipStatusChanges, apprenticeships, teams, workers } from "../schema";
import { visibleWorkers } from "../access";
import type { SessionUser } from "../../lib/session-user";
import { addMonths, todayInLondon } from "../../lib/rules/dates";
import { trackApprenticeship, type StatusChange, type Track } from "../../lib/rules/apprenticeship-tracking";
import { type ApprenticeshipStatus } from "../../lib/vocabulary";
import { LIVE, loadRules } from "./apprenticeships";

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
export async function apprenticeshipPipeline(user: SessionUser, today = todayInLondon()) {
  if (user.role === "support_worker") return undefined;
  const since = addMonths(today, -12);
  return await trackedApprenticeships(
    user,
    or(inArray(apprenticeships.status, LIVE), and(inArray(apprenticeships.status, ["completed", "withdrawn"]), gte(apprenticeships.actualEndDate, since)))!,
    today,
  );
}

/**
 * The live apprenticeships of in-post workers the user may see (a support worker their own), with their tracking:
 * what the inbox reminds about. The same two queries as the pipeline, whatever the number of apprentices.
 */
export async function liveApprenticeshipTracking(user: SessionUser, today = todayInLondon()) {
  return await trackedApprenticeships(user, and(inArray(apprenticeships.status, LIVE), eq(workers.status, "in_post"))!, today);
}

async function trackedApprenticeships(user: SessionUser, which: SQL, today: string) {
  const where: SQL = and(visibleWorkers(user), which)!;
  const rows = await db
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
      // The summaries on the apprenticeship's own row (migration apprenticeship_summaries, decision record 0027): one row
      // an apprenticeship, not every log and review of the organisation.
      loggedHours: apprenticeships.otjHoursLogged,
      lastReviewedOn: apprenticeships.lastReviewedOn,
      nextReviewAgreedOn: apprenticeships.nextReviewAgreedOn,
    })
    .from(apprenticeships)
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId))
    .where(where)
    .orderBy(caseless(workers.lastName), caseless(workers.firstName), asc(apprenticeships.id));
  // The status histories of the live ones, read with the same access rule (one query, not one a row).
  const liveWhere = and(visibleWorkers(user), inArray(apprenticeships.status, LIVE));
  const changes = new Map<string, StatusChange[]>();
  for (const c of await db
    .select({ apprenticeshipId: apprenticeshipStatusChanges.apprenticeshipId, toStatus: apprenticeshipStatusChanges.toStatus, effectiveOn: apprenticeshipStatusChanges.effectiveOn })
    .from(apprenticeshipStatusChanges)
    .innerJoin(apprenticeships, eq(apprenticeships.id, apprenticeshipStatusChanges.apprenticeshipId))
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .where(liveWhere)
    .orderBy(asc(apprenticeshipStatusChanges.effectiveOn), asc(apprenticeshipStatusChanges.createdAt))) {
    const list = changes.get(c.apprenticeshipId) ?? [];
    list.push({ toStatus: c.toStatus, effectiveOn: c.effectiveOn });
    changes.set(c.apprenticeshipId, list);
  }
  const rules = await loadRules(db);
  const out: PipelineRow[] = rows.map((r) => {
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
          // The latest review is the one the next is due from (nextReviewDue takes the latest of those given).
          reviewDates: r.lastReviewedOn ? [r.lastReviewedOn] : [],
          agreedNextReview: r.nextReviewAgreedOn,
        },
        today,
      ),
    };
  });
  return out;
}

