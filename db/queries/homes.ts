import "server-only";
// The two homes: a support worker's ("My development", /me) and a manager's ("My team", /team). What waits for the
// person on either is the inbox's own list (db/queries/inbox.ts), taken whole, never worked out again here, so a home,
// the inbox and the count in the navigation always agree (decision record 0010).
// Each home's data is kept like the inbox, per person and day until a change to a record it is about (decision record
// 0026): a person opening their home again, or coming back to it from another page, costs a few small questions.
import { activeGoals, actionsDueSoon, appraisalHistory, conversationHistory, currentPdp, developmentSummaries, type DevelopmentSummary } from "./development";
import { inboxReminders, inboxVersion } from "./inbox";
import { ownWorkerRecord } from "./workers";
import { progressionReadiness } from "./competencies";
import { trainingRequestsAwaitingDecision } from "./cpd";
import { apprenticeshipPipeline } from "./apprenticeship-pipeline";
import { complianceOfVisibleWorkers, outOfDateToRemind, teamCompliance } from "./mandatory-training";
import { keptUntilChanged } from "../insights-cache";
import type { SessionUser } from "../../lib/session-user";
import { splitByWorker, type Reminder } from "../../lib/rules/reminders";
import { byUrgency, teamFigures } from "../../lib/rules/attention";

/** A support worker's home: where they stand, and everything in their inbox, in its order. */
export async function workerHome(user: SessionUser, today: string, workerId: string) {
  return {
    summary: (await developmentSummaries(user, today, { workerIds: [workerId] }))[0],
    waiting: await inboxReminders(user, today),
  };
}

/**
 * Everything a support worker's home (My development, /me) shows, or null when their login has no worker record:
 * kept until their record, or something shared, changes.
 */
export async function myDevelopment(user: SessionUser, today: string) {
  return await keptUntilChanged(`home ${user.id} ${user.role} ${user.orgId} ${today}`, async () => await inboxVersion(user), async () => {
    const me = await ownWorkerRecord(user);
    if (!me) return null;
    return {
      me,
      ...(await workerHome(user, today, me.id)),
      pdp: await currentPdp(user, me.id),
      goals: await activeGoals(user, me.id),
      dueSoon: await actionsDueSoon(user, me.id, today),
      appraisals: await appraisalHistory(user, me.id),
      conversations: await conversationHistory(user, me.id),
      readiness: await progressionReadiness(user, me.id, today),
      // A support worker sees only their own record: the one row is theirs.
      mandatory: (await complianceOfVisibleWorkers(user, today))[0],
    };
  });
}

export type TeamRow = DevelopmentSummary & { name: string; hasAgreedPdp: boolean; waiting: Reminder[] };

/**
 * A manager's home: each in-post worker they manage with what is waiting about them (the inbox's reminders for that
 * worker), those with most to do first; the reminders about anyone the table does not list (their own record); and
 * the figures at the top.
 */
export async function teamHome(user: SessionUser, today: string) {
  const summaries = await developmentSummaries(user, today);
  const { byWorker, rest } = splitByWorker(await inboxReminders(user, today), summaries.map((r) => r.workerId));
  const rows: TeamRow[] = summaries
    .map((r) => ({ ...r, name: `${r.lastName}, ${r.firstName}`, hasAgreedPdp: r.pdp === "agreed", waiting: byWorker.get(r.workerId) ?? [] }))
    .sort((a, b) => byUrgency({ ...a, reasons: a.waiting }, { ...b, reasons: b.waiting }));
  return { rows, forYou: rest, figures: teamFigures(rows, today) };
}

/** Everything a manager's home (My team, /team) shows, kept until a record in their teams, or something shared, changes. */
export async function myTeam(user: SessionUser, today: string) {
  return await keptUntilChanged(`team ${user.id} ${user.role} ${user.orgId} ${today}`, async () => await inboxVersion(user), async () => ({
    ...(await teamHome(user, today)),
    training: await trainingRequestsAwaitingDecision(user),
    apprentices: (await apprenticeshipPipeline(user, today)) ?? [],
    mandatory: await mandatoryTrainingOfTeam(user, today),
  }));
}

/**
 * My team's mandatory training: where each worker in the table stands (their own record too, which another manager
 * runs), the team's figures and how many a reminder would reach now (never their own record).
 */
async function mandatoryTrainingOfTeam(user: SessionUser, today: string) {
  const people = await complianceOfVisibleWorkers(user, today);
  const team = people.filter((p) => p.userId !== user.id);
  const { targets, recentlyReminded } = await outOfDateToRemind(user, today);
  return { byWorker: new Map(people.map((p) => [p.workerId, p.counts])), ...teamCompliance(team), toRemind: targets.length, recentlyReminded };
}
