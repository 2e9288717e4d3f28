import "server-only";
// What is waiting for someone (decision record 0010): the reminders and the steps that are theirs to take, derived on
// read from the current data (appraisals and the worker's preparation for them, PDPs and their goals, career
// conversations, apprenticeships, competency expiry, delegated tasks, training requests, mandatory training), for a
// support worker about themselves and for a manager about the workers they manage and themselves, and feedback a
// colleague asked of them. The inbox, its count in the navigation, the support worker's home ("Waiting for you") and the
// manager's home ("What needs doing") all take this one list, so they never disagree. A fixed number of queries, none
// per worker.
import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { insertionOrder } from "../dialect";
import { db, first } from "../client";
import { forgetKeptUntilChanged, keptUntilChanged, writesElsewhere } from "../insights-cache";
import { SHARED_CHANGE_SETTING } from "../audit";
import { appraisalPreparations, appraisals, auditEvents, pdpGoals, pdps, settings, teams, workers } from "../schema";
import { visibleWorkers } from "../access";
import { dueDateSelect } from "./development";
import { liveApprenticeshipTracking } from "./apprenticeship-pipeline";
import { signOffsExpiringBy } from "./competencies";
import { delegationsPastReview } from "./supervision";
import { trainingRequestsAwaitingDecision } from "./cpd";
import { complianceOfVisibleWorkers } from "./mandatory-training";
import { feedbackInboxVersion, feedbackRequestsWaitingFor } from "./appraisal-feedback";
import type { SessionUser } from "../../lib/session-user";
import { todayInLondon } from "../../lib/rules/dates";
import { OPEN_APPRAISAL_STATUSES } from "../../lib/rules/appraisal-lifecycle";
import {
  apprenticeshipReminders,
  appraisalReminder,
  competencyReminder,
  conversationReminder,
  delegationReminder,
  feedbackRequestReminder,
  preparationReminder,
  inboxOrder,
  mandatoryTrainingReminders,
  pdpReminders,
  soonUntil,
  trainingRequestReminder,
  type CurrentPdp,
  type OpenAppraisal,
  type Reminder,
  type Side,
} from "../../lib/rules/reminders";

/** However many a manager has, lists are read whole up to this (a team is far smaller; the guard keeps a page sane). */
const LIST_LIMIT = 2000;

/**
 * The user's own worker record seen as its owner sees it: the access rule for a support worker is exactly "their own
 * record", so a manager who is also on the register gets their own reminders by the same rule.
 */
function ownRecordView(user: SessionUser): SessionUser {
  return { ...user, role: "support_worker" };
}

/** Whose reminders the user gets: a support worker their own; a manager their team's and their own; leads and admins none. */
function viewsFor(user: SessionUser): SessionUser[] {
  switch (user.role) {
    case "support_worker":
      return [user];
    case "manager":
      return [user, ownRecordView(user)];
    case "lead":
    case "admin":
      return [];
  }
}

/**
 * The side of a worker's record the user takes in this view: their own record as its worker (a support worker) or
 * as a reader of its dates only (a manager, decision record 0016); anyone else's as their manager. A manager's own
 * record in a team they manage is left to their own view, so they are never asked to take its manager's steps.
 */
function sideIn(user: SessionUser, view: SessionUser, workerUserId: string | null): Side | null {
  if (view.role === "support_worker") return user.role === "support_worker" ? "worker" : "self";
  return workerUserId === user.id ? null : "manager";
}

function byWorker<T extends { workerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.workerId, [...(out.get(r.workerId) ?? []), r]);
  return out;
}

/** The open appraisal, the current PDP and the goals waiting for agreement of each in-post worker in the view. */
async function developmentInView(view: SessionUser) {
  const inView = and(visibleWorkers(view), eq(workers.status, "in_post"));
  const open = await db
    .select({
      workerId: appraisals.workerId,
      id: appraisals.id,
      // The WHERE clause keeps only the open statuses.
      status: sql<OpenAppraisal["status"]>`${appraisals.status}`,
      scheduledFor: appraisals.scheduledFor,
      heldOn: appraisals.heldOn,
      workerSigned: sql<number>`${appraisals.workerSignedAt} is not null`.mapWith(Boolean),
      appraiserSigned: sql<number>`${appraisals.appraiserSignedAt} is not null`.mapWith(Boolean),
      prepared: sql<number>`exists (select 1 from ${appraisalPreparations} where ${appraisalPreparations.appraisalId} = ${appraisals.id} and ${appraisalPreparations.submittedAt} is not null)`.mapWith(Boolean),
    })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .where(and(inView, inArray(appraisals.status, OPEN_APPRAISAL_STATUSES)))
    .orderBy(asc(appraisals.scheduledFor));
  const plans = await db
    .select({
      workerId: pdps.workerId,
      id: pdps.id,
      version: pdps.version,
      workerAgreed: sql<number>`${pdps.workerAgreedAt} is not null`.mapWith(Boolean),
      managerAgreed: sql<number>`${pdps.managerAgreedAt} is not null`.mapWith(Boolean),
      nextReviewOn: pdps.nextReviewOn,
      goals: sql<number>`(select count(*) from ${pdpGoals} where ${pdpGoals.pdpId} = ${pdps.id})`,
    })
    .from(pdps)
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .where(and(inView, ne(pdps.status, "closed")));
  const proposed = await db
    .select({ workerId: pdps.workerId, goalId: pdpGoals.id, title: pdpGoals.title })
    .from(pdpGoals)
    .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .where(and(inView, ne(pdps.status, "closed"), isNull(pdpGoals.agreedAt)))
    .orderBy(asc(pdpGoals.sort), asc(pdpGoals.createdAt), insertionOrder(pdpGoals));
  const byOpen = byWorker(open);
  const byPlan = byWorker(plans);
  const byProposed = byWorker(proposed);
  return {
    // Earliest first: the one the team page shows (at most one is open at a time).
    openAppraisal: (workerId: string): OpenAppraisal | null => byOpen.get(workerId)?.[0] ?? null,
    pdp: (workerId: string): CurrentPdp | null => byPlan.get(workerId)?.[0] ?? null,
    proposedGoals: (workerId: string) => byProposed.get(workerId) ?? [],
  };
}

async function remindersSeenAs(user: SessionUser, view: SessionUser, today: string): Promise<Reminder[]> {
  const out: Reminder[] = [];
  const inPost = await db
    .select({
      workerId: workers.id,
      workerName: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
      userId: workers.userId,
      contractStart: workers.contractStart,
      ...dueDateSelect(),
    })
    .from(workers)
    // A second table in the query makes drizzle qualify the correlated subqueries' columns.
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(visibleWorkers(view), eq(workers.status, "in_post")));
  const development = await developmentInView(view);
  for (const w of inPost) {
    const side = sideIn(user, view, w.userId);
    if (!side) continue;
    const openAppraisal = development.openAppraisal(w.workerId);
    const appraisal = appraisalReminder({ ...w, openAppraisal }, today, side);
    if (appraisal) out.push(appraisal);
    const preparation = preparationReminder({ ...w, openAppraisal }, today, side);
    if (preparation) out.push(preparation);
    out.push(...pdpReminders({ ...w, pdp: development.pdp(w.workerId), proposedGoals: development.proposedGoals(w.workerId) }, today, side));
    const conversation = conversationReminder(w, today, side);
    if (conversation) out.push(conversation);
  }
  for (const a of await liveApprenticeshipTracking(view, today)) {
    out.push(...apprenticeshipReminders({ workerId: a.workerId, workerName: a.workerName, apprenticeshipId: a.id, track: a.track }));
  }
  for (const c of await signOffsExpiringBy(view, soonUntil(today))) {
    const r = competencyReminder(c, today);
    if (r) out.push(r);
  }
  for (const t of (await delegationsPastReview(view, today, LIST_LIMIT)).tasks) {
    const r = delegationReminder({ ...t, taskId: t.id }, today);
    if (r) out.push(r);
  }
  // Only those who decide (a manager of the worker) get these: the query reads through editableWorkers.
  for (const t of (await trainingRequestsAwaitingDecision(view, LIST_LIMIT)).requests) {
    out.push(trainingRequestReminder({ ...t, requestId: t.id }, today));
  }
  for (const w of await complianceOfVisibleWorkers(view, today, { limit: LIST_LIMIT })) {
    const side = sideIn(user, view, w.userId);
    if (side) out.push(...mandatoryTrainingReminders({ workerId: w.workerId, workerName: `${w.firstName} ${w.lastName}`, needed: w.needed }, side));
  }
  return out;
}

/**
 * What is waiting for the user: overdue first, then what is theirs to do now, then what is due soon; each says whose,
 * what, when and where to deal with it. The inbox, its count and both homes show this list.
 */
export async function inboxReminders(user: SessionUser, today = todayInLondon()): Promise<Reminder[]> {
  // Every page's navigation counts these, and a home shows them: kept per person, role and day until a change to
  // what they are about (decision record 0026), so a page asks two or three small questions rather than some 25.
  const kept = await keptUntilChanged(
    `inbox ${user.id} ${user.role} ${user.orgId} ${today}`,
    async () => await inboxVersion(user),
    async () => await inboxRemindersNow(user, today),
  );
  return [...kept];
}

/** inboxReminders worked out from the data as it is now, never kept: the daily email, sent once, takes these. */
export async function inboxRemindersNow(user: SessionUser, today = todayInLondon()): Promise<Reminder[]> {
  const seen = (await Promise.all(viewsFor(user).map(async (view) => await remindersSeenAs(user, view, today)))).flat();
  // Feedback asked of the user for a colleague's appraisal: about a worker who need not be in any of their views.
  const feedback = (await feedbackRequestsWaitingFor(user)).map((r) => feedbackRequestReminder(r, today));
  return inboxOrder([...seen, ...feedback], today);
}

/**
 * What the user's inbox is worked out from, as it stands: for each of their views, how many workers are in it and
 * the last audited change to any of their records (the audit trail records every change, in its writer's transaction);
 * and the last audited change that is about no one worker (a team's managers, a reference list, a setting:
 * db/audit.ts). A worker who joins a view brings a change newer than any before; one who leaves makes the count
 * smaller. The role is in the key, and the day. On SQLite, a write by another process (the reminder job) counts too;
 * a write that bypasses the data layer on PostgreSQL shows within KEPT_AT_MOST_MS.
 */
export async function inboxVersion(user: SessionUser): Promise<string> {
  const parts: unknown[] = [writesElsewhere(), await feedbackInboxVersion(user)];
  for (const view of viewsFor(user)) {
    parts.push(await first(db
      .select({
        workers: count(),
        lastChange: sql<number | null>`max((select max(${auditEvents.seq}) from ${auditEvents} where ${auditEvents.workerId} = ${workers.id}))`,
        shared: sql<unknown>`(select ${settings.value} from ${settings} where ${settings.key} = ${SHARED_CHANGE_SETTING})`,
      })
      .from(workers)
      // A second table in the query makes drizzle qualify the correlated subquery's columns.
      .leftJoin(teams, eq(teams.id, workers.teamId))
      .where(visibleWorkers(view))));
  }
  return JSON.stringify(parts);
}

/** Forgets every kept inbox (the benchmark, to time the queries). */
export const forgetKeptInboxes = forgetKeptUntilChanged;

/** How many reminders the user has, for the navigation. */
export async function inboxCount(user: SessionUser, today = todayInLondon()): Promise<number> {
  return (await inboxReminders(user, today)).length;
}
