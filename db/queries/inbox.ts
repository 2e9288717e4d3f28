import "server-only";
// The inbox: reminders derived on read from the current data (appraisals, PDP reviews, apprenticeships, competency
// expiry, delegated tasks, training requests), for a support worker about themselves and for a manager about the
// workers they manage and themselves (decision record 0010). A fixed number of queries, none per worker; the nav
// count is the length of the same list, so the two never disagree.
import { and, eq, sql } from "drizzle-orm";
import { db } from "../client";
import { teams, workers } from "../schema";
import { visibleWorkers } from "../access";
import { dueDateSelect } from "./development";
import { liveApprenticeshipTracking } from "./apprenticeship-pipeline";
import { signOffsExpiringBy } from "./competencies";
import { delegationsPastReview } from "./supervision";
import { trainingRequestsAwaitingDecision } from "./cpd";
import type { SessionUser } from "../../lib/session-user";
import { todayInLondon } from "../../lib/rules/dates";
import {
  apprenticeshipReminders,
  appraisalReminder,
  competencyReminder,
  delegationReminder,
  inboxOrder,
  pdpReviewReminder,
  soonUntil,
  trainingRequestReminder,
  type Reminder,
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

function remindersSeenAs(view: SessionUser, today: string): Reminder[] {
  const out: Reminder[] = [];
  const inPost = db
    .select({
      workerId: workers.id,
      workerName: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
      contractStart: workers.contractStart,
      ...dueDateSelect(),
    })
    .from(workers)
    // A second table in the query makes drizzle qualify the correlated subqueries' columns.
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(visibleWorkers(view), eq(workers.status, "in_post")))
    .all();
  for (const w of inPost) {
    const appraisal = appraisalReminder(w, today);
    if (appraisal) out.push(appraisal);
    const pdp = pdpReviewReminder({ ...w, pdpId: w.currentPdpId }, today);
    if (pdp) out.push(pdp);
  }
  for (const a of liveApprenticeshipTracking(view, today)) {
    out.push(...apprenticeshipReminders({ workerId: a.workerId, workerName: a.workerName, apprenticeshipId: a.id, track: a.track }));
  }
  for (const c of signOffsExpiringBy(view, soonUntil(today))) {
    const r = competencyReminder(c, today);
    if (r) out.push(r);
  }
  for (const t of delegationsPastReview(view, today, LIST_LIMIT).tasks) {
    const r = delegationReminder({ ...t, taskId: t.id }, today);
    if (r) out.push(r);
  }
  // Only those who decide (a manager of the worker) get these: the query reads through editableWorkers.
  for (const t of trainingRequestsAwaitingDecision(view, LIST_LIMIT).requests) {
    out.push(trainingRequestReminder({ ...t, requestId: t.id }, today));
  }
  return out;
}

/** The user's reminders, overdue first then by due date; each says whose, what, when and where to deal with it. */
export function inboxReminders(user: SessionUser, today = todayInLondon()): Reminder[] {
  return inboxOrder(
    viewsFor(user).flatMap((view) => remindersSeenAs(view, today)),
    today,
  );
}

/** How many reminders the user has, for the navigation. */
export function inboxCount(user: SessionUser, today = todayInLondon()): number {
  return inboxReminders(user, today).length;
}
