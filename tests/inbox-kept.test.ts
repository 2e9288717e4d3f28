// The kept inbox (decision record 0026) against random writes: every change made through the data layer (the
// db/queries functions the server actions call, each writing its audit row in its own transaction) makes the kept
// inbox of everyone it concerns be worked out again, so what inboxReminders hands back always equals inboxRemindersNow.
// Each step picks an operation with a seeded generator and performs it as the person who would (a manager on their
// team's worker, an administrator for the organisation's settings, a worker on their own record); before it every
// person's inbox is kept, after it every kept inbox must equal the fresh one. A seed that fails names its step.
import { afterEach, describe, expect, it, vi } from "vitest";
// The seed's small deterministic generator: the same seed makes the same run.
import { mulberry32 } from "@/db/seed/random";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { db, first } from "@/db/client";
import { editableWorkers } from "@/db/access";
import {
  appraisalObjectiveReviews,
  appraisals,
  apprenticeshipStandards,
  apprenticeships,
  competencyAssessments,
  competencyStatements,
  delegatedTasks,
  frameworkDomains,
  frameworks,
  otjLogs,
  otjRules,
  pdpGoals,
  pdps,
  teamManagers,
  teamProfessions,
  teams,
  trainingRequests,
  users,
  workers,
} from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { forgetKeptInboxes, inboxReminders, inboxRemindersNow } from "@/db/queries/inbox";
import { myDevelopment, myTeam } from "@/db/queries/homes";
import * as appraisalChanges from "@/db/queries/appraisals";
import * as apprenticeshipChanges from "@/db/queries/apprenticeship-changes";
import * as standards from "@/db/queries/apprenticeship-standards";
import * as competencies from "@/db/queries/competencies";
import * as conversations from "@/db/queries/conversations";
import * as cpd from "@/db/queries/cpd";
import * as frameworkChanges from "@/db/queries/frameworks";
import * as goals from "@/db/queries/pdp-goals";
import * as pdpChanges from "@/db/queries/pdps";
import * as referenceChanges from "@/db/queries/reference-changes";
import * as supervision from "@/db/queries/supervision";
import * as teamChanges from "@/db/queries/teams";
import * as userChanges from "@/db/queries/users";
import * as workerChanges from "@/db/queries/worker-changes";
import { assessedFrameworkKey } from "@/db/queries/assessed-framework";
import { addDays } from "@/lib/rules/dates";
import { OPEN_APPRAISAL_STATUSES } from "@/lib/rules/appraisal-lifecycle";
import { OTJ_ACTIVITY_TYPES } from "@/lib/vocabulary";
import type { Reminder } from "@/lib/rules/reminders";
import type { SessionUser } from "@/lib/session-user";
import { asSession, makeWorker, publishedStatement, SIGNED, twoTeams } from "./support/factory";

const TODAY = "2026-12-01";
// A longer search: INBOX_KEPT_SEEDS=1,2,3 INBOX_KEPT_STEPS=200 npx vitest run tests/inbox-kept.test.ts (and
// INBOX_KEPT_TRAIL=1 prints each run's steps).
const SEEDS = process.env.INBOX_KEPT_SEEDS ? process.env.INBOX_KEPT_SEEDS.split(",").map(Number) : [20261201, 7, 4242];
const STEPS = Number(process.env.INBOX_KEPT_STEPS ?? 25);


/**
 * The organisation of tests/inbox.test.ts. Team A (manager A): worker A with an overdue appraisal, a PDP review due
 * soon, a delegated task past review, a training request, a sign-off expiring soon and an apprenticeship; a leaver.
 * Team B (manager B): worker B, the line-managed-only worker (line manager A) and manager A's own worker record.
 * Worker A has also logged some off-the-job hours, so a change to the rules or the standard's minimum moves them
 * between on track, behind and well behind.
 */
async function setup() {
  await seedReference(db);
  const f = await twoTeams();
  const { workerA, workerB, lineManagedOnly } = f.workers;
  const leaver = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, status: "left" });
  const managerOwn = await makeWorker(f.org.id, f.ref, { teamId: f.teamB.id, lineManagerId: f.users.managerB.id, userId: f.users.managerA.id });

  await db.insert(pdps).values({ workerId: workerA.id, periodStart: "2026-04-01", periodEnd: "2027-03-31", status: "active", nextReviewOn: "2026-12-10" });
  const task = (workerId: string, reviewOn: string) =>
    db.insert(delegatedTasks).values({ workerId, task: "Gait re-education with a walking aid", delegatedByName: "Priya Shah", supervisionLevel: "indirect", competentSince: "2025-06-01", reviewOn });
  await task(workerA.id, "2026-11-01");
  await db.insert(trainingRequests).values({ workerId: workerA.id, title: "Falls prevention", startsOn: "2027-01-20" });
  const statement = await publishedStatement("entry:1.1");
  await db.insert(competencyAssessments).values({ workerId: workerA.id, statementId: statement.id, status: "signed_off", signedOffOn: "2025-12-15", expiresOn: "2026-12-15" });
  const hsw = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
  const started = await apprenticeshipChanges.startApprenticeship(
    asSession(f.users.managerA),
    workerA.id,
    { standardId: hsw.id, optionId: null, provider: "Northbrook College", startDate: "2026-01-05", plannedEndDate: "2027-01-04", weeklyHours: 37.5, started: "on_programme" },
    TODAY,
  );
  if (!started.ok) throw new Error(started.message);
  // 216 hours: on track against the standard's 278, behind once the floor rises above it.
  for (let week = 0; week < 18; week++) {
    const logged = await apprenticeshipChanges.logOtj(
      asSession(f.users.workerUserA),
      workerA.id,
      started.id,
      { activityOn: addDays("2026-02-02", week * 7), hours: 12, activityType: OTJ_ACTIVITY_TYPES[0], note: "" },
      TODAY,
    );
    if (!logged.ok) throw new Error(logged.message);
  }

  await task(leaver.id, "2026-10-01");
  await db.insert(trainingRequests).values({ workerId: leaver.id, title: "Leaver's course" });
  await db.insert(competencyAssessments).values({ workerId: leaver.id, statementId: statement.id, status: "signed_off", signedOffOn: "2025-11-01", expiresOn: "2026-11-01" });

  const completed = (workerId: string, heldOn: string) =>
    db.insert(appraisals).values({ workerId, scheduledFor: heldOn, heldOn, status: "completed", workerSignedAt: new Date(), completedAt: new Date() });
  await completed(workerB.id, "2026-06-01");
  await db.insert(pdps).values({ workerId: workerB.id, periodStart: "2026-04-01", periodEnd: "2027-03-31", status: "active", nextReviewOn: "2026-11-01" });
  await completed(lineManagedOnly.id, "2025-12-20");
  await completed(managerOwn.id, "2025-11-15");
  return { ...f, leaver, managerOwn, hswId: hsw.id };
}

type Fixture = Awaited<ReturnType<typeof setup>>;

/** A worker record the steps act on, with its own login when a support worker signs in to it. */
type PoolWorker = { id: string; label: string; login?: SessionUser };

type World = {
  f: Fixture;
  admin: SessionUser;
  /** Managers A and B's accounts; an administrator may change their roles, so their sessions are read as they stand. */
  managerAccounts: Fixture["users"]["managerA"][];
  pool: PoolWorker[];
  rand: () => number;
  /** Counters for names and dates that must not repeat. */
  n: number;
  nextPositionDay: number;
};

type Outcome = { ok: boolean; what: string; message?: string };

const int = (w: World, lo: number, hi: number) => lo + Math.floor(w.rand() * (hi - lo + 1));
const pick = <T>(w: World, list: readonly T[]): T => list[Math.floor(w.rand() * list.length)]!;
const chance = (w: World, p: number) => w.rand() < p;

function outcome(what: string, result: { ok: boolean; message?: string } | { ok: false; message: string }): Outcome {
  return { ok: result.ok, what, message: result.ok ? undefined : (result as { message?: string }).message };
}
const nothing = (what: string): Outcome => ({ ok: false, what, message: "nothing to act on" });
const nameOf = (w: World, u: SessionUser) => (u.id === w.admin.id ? "the admin" : u.name);

async function workerRow(id: string) {
  return (await first(db.select().from(workers).where(eq(workers.id, id))))!;
}

async function inPost(w: World): Promise<PoolWorker[]> {
  const live = new Set((await db.select({ id: workers.id }).from(workers).where(and(inArray(workers.id, w.pool.map((p) => p.id)), eq(workers.status, "in_post")))).map((r) => r.id));
  return w.pool.filter((p) => live.has(p.id));
}

/** A session as the person would have it if they signed in now: with the role their account has now. */
async function sessionNow(account: Fixture["users"]["managerA"]): Promise<SessionUser & { active: boolean }> {
  const row = (await first(db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, account.id))))!;
  return { ...asSession({ ...account, role: row.role }), active: row.status === "active" };
}

const withoutStatus = ({ active: _, ...session }: SessionUser & { active: boolean }): SessionUser => session;

/** Those of managers A and B who are managers now and can sign in (a manager whose own record left cannot). */
async function managersNow(w: World): Promise<SessionUser[]> {
  return (await Promise.all(w.managerAccounts.map(sessionNow))).filter((s) => s.role === "manager" && s.active).map(withoutStatus);
}

/** The managers who may change the worker's record now (they manage their team or line-manage them), never on their own. */
async function managersOf(w: World, workerId: string): Promise<SessionUser[]> {
  const out: SessionUser[] = [];
  for (const m of await managersNow(w)) {
    const row = await first(db.select({ userId: workers.userId }).from(workers).where(and(eq(workers.id, workerId), editableWorkers(m))));
    if (row && row.userId !== m.id) out.push(m);
  }
  return out;
}

/** Who takes the manager's side: one of the worker's managers, or (where the action allows it) an administrator. */
async function actorFor(w: World, workerId: string, adminToo = true): Promise<SessionUser | undefined> {
  const candidates = [...(await managersOf(w, workerId)), ...(adminToo ? [w.admin] : [])];
  return candidates.length ? pick(w, candidates) : undefined;
}

/** A worker in post, and one of their managers (or an admin). */
async function managedWorker(w: World, adminToo = true): Promise<{ worker: PoolWorker; by: SessionUser } | undefined> {
  const live = await inPost(w);
  if (!live.length) return undefined;
  const worker = pick(w, live);
  const by = await actorFor(w, worker.id, adminToo);
  return by ? { worker, by } : undefined;
}

/** A worker in post with a row that matches, and who acts on it. */
async function withRow<T extends { workerId: string }>(w: World, rows: T[], adminToo = true) {
  const live = new Set((await inPost(w)).map((p) => p.id));
  const candidates = rows.filter((r) => live.has(r.workerId));
  if (!candidates.length) return undefined;
  const row = pick(w, candidates);
  const worker = w.pool.find((p) => p.id === row.workerId)!;
  const by = await actorFor(w, worker.id, adminToo);
  return by ? { row, worker, by } : undefined;
}

const openAppraisals = async (status?: (typeof OPEN_APPRAISAL_STATUSES)[number]) =>
  await db
    .select({ id: appraisals.id, workerId: appraisals.workerId, status: appraisals.status })
    .from(appraisals)
    .where(status ? eq(appraisals.status, status) : inArray(appraisals.status, [...OPEN_APPRAISAL_STATUSES]));

const currentPdps = async () => await db.select({ id: pdps.id, workerId: pdps.workerId, version: pdps.version, periodStart: pdps.periodStart }).from(pdps).where(inArray(pdps.status, ["draft", "active"]));

const pendingRequests = async () => await db.select({ id: trainingRequests.id, workerId: trainingRequests.workerId }).from(trainingRequests).where(eq(trainingRequests.status, "pending"));

const currentTasks = async () => await db.select({ id: delegatedTasks.id, workerId: delegatedTasks.workerId }).from(delegatedTasks).where(isNull(delegatedTasks.endedOn));

const liveApprenticeships = async () =>
  await db
    .select({ id: apprenticeships.id, workerId: apprenticeships.workerId, status: apprenticeships.status, startDate: apprenticeships.startDate })
    .from(apprenticeships)
    .where(inArray(apprenticeships.status, ["on_programme", "break_in_learning"]));

async function firstDomainId(): Promise<string> {
  const version = (await competencies.publishedFrameworkVersion())!;
  return (await first(db.select({ id: frameworkDomains.id }).from(frameworkDomains).where(eq(frameworkDomains.versionId, version.id)).orderBy(asc(frameworkDomains.number))))!.id;
}

const goalInput = async (w: World) => ({
  title: `Goal ${++w.n}`,
  why: "",
  successMeasure: "",
  targetDate: null,
  domainIds: [await firstDomainId()],
  statementIds: [],
  support: [],
});

/** The statements a sign-off can be renewed against: 1.1 (worker A's, no renewal period) and 3.6 (every 12 months). */
const SIGN_OFF_STATEMENTS = ["entry:1.1", "entry:3.6"] as const;

async function workerFields(id: string) {
  const r = await workerRow(id);
  return {
    firstName: r.firstName,
    lastName: r.lastName,
    employeeNumber: r.employeeNumber,
    jobTitle: r.jobTitle,
    professionId: r.professionId,
    stageId: r.stageId,
    bandId: r.bandId,
    careSettingId: r.careSettingId,
    teamId: r.teamId,
    lineManagerId: r.lineManagerId,
    fte: r.fte,
    contractStart: r.contractStart,
  };
}

type Operation = { name: string; weight: number; run: (w: World) => Promise<Outcome> };

const OPERATIONS: Operation[] = [
  {
    name: "book an appraisal",
    weight: 3,
    run: async (w) => {
      const t = await managedWorker(w);
      if (!t) return nothing("book an appraisal");
      const worker = await workerRow(t.worker.id);
      const appraisers = (await managersNow(w)).filter((m) => m.id !== worker.userId);
      if (!appraisers.length) return nothing("book an appraisal");
      const appraiser = pick(w, appraisers);
      const scheduledFor = addDays(TODAY, int(w, -30, 60));
      const what = `${nameOf(w, t.by)} books ${t.worker.label}'s appraisal for ${scheduledFor}`;
      return outcome(what, await appraisalChanges.scheduleAppraisal(t.by, t.worker.id, { scheduledFor, appraiserId: appraiser.id }, TODAY));
    },
  },
  {
    name: "start an appraisal",
    weight: 2,
    run: async (w) => {
      const t = await withRow(w, await openAppraisals("scheduled"));
      if (!t) return nothing("start an appraisal");
      return outcome(`${nameOf(w, t.by)} starts ${t.worker.label}'s appraisal`, await appraisalChanges.startAppraisal(t.by, t.worker.id, t.row.id));
    },
  },
  {
    name: "hold an appraisal and send it for sign-off",
    weight: 2,
    run: async (w) => {
      const t = await withRow(w, await openAppraisals("in_progress"));
      if (!t) return nothing("hold an appraisal");
      const heldOn = addDays(TODAY, -int(w, 0, 20));
      const reviews = (await db.select({ id: appraisalObjectiveReviews.id }).from(appraisalObjectiveReviews).where(eq(appraisalObjectiveReviews.appraisalId, t.row.id)))
        .map((r) => ({ id: r.id, outcome: "met" as const, comment: "" }));
      const form = { heldOn, achievements: "", wellbeing: "", feedback: "", trainingNeeds: "", appraiserSummary: "A strong year", reviews, objectives: [] };
      const what = `${nameOf(w, t.by)} holds ${t.worker.label}'s appraisal on ${heldOn} and sends it for sign-off`;
      // The action's "save and send": the form saved, then sent.
      const saved = await appraisalChanges.saveAppraisal(t.by, t.worker.id, t.row.id, form, TODAY);
      if (!saved.ok) return outcome(what, saved);
      return outcome(what, await appraisalChanges.sendForSignOff(t.by, t.worker.id, t.row.id, TODAY));
    },
  },
  {
    name: "sign off or send back an appraisal (the worker)",
    weight: 2,
    run: async (w) => {
      const live = new Set((await inPost(w)).map((p) => p.id));
      const rows = (await openAppraisals("awaiting_sign_off")).filter((r) => live.has(r.workerId) && w.pool.find((p) => p.id === r.workerId)?.login);
      if (!rows.length) return nothing("sign off an appraisal");
      const row = pick(w, rows);
      const worker = w.pool.find((p) => p.id === row.workerId)!;
      if (chance(w, 0.25)) {
        return outcome(`${worker.label} sends their appraisal back`, await appraisalChanges.returnToManager(worker.login!, worker.id, row.id, "Please add the course"));
      }
      return outcome(`${worker.label} signs their appraisal off`, await appraisalChanges.signOff(worker.login!, worker.id, row.id, { workerComments: "" }, SIGNED));
    },
  },
  {
    name: "sign an appraisal as its appraiser (the manager)",
    weight: 2,
    run: async (w) => {
      const t = await withRow(w, await openAppraisals("awaiting_sign_off"));
      if (!t) return nothing("sign an appraisal as its appraiser");
      return outcome(`${nameOf(w, t.by)} signs ${t.worker.label}'s appraisal as appraiser`, await appraisalChanges.signAsAppraiser(t.by, t.worker.id, t.row.id, SIGNED));
    },
  },
  {
    name: "cancel an appraisal",
    weight: 1,
    run: async (w) => {
      const t = await withRow(w, (await openAppraisals()).filter((r) => r.status !== "awaiting_sign_off"));
      if (!t) return nothing("cancel an appraisal");
      return outcome(`${nameOf(w, t.by)} cancels ${t.worker.label}'s appraisal`, await appraisalChanges.cancelAppraisal(t.by, t.worker.id, t.row.id, "Booked in error"));
    },
  },
  {
    name: "reopen a signed-off appraisal",
    weight: 1,
    run: async (w) => {
      const completed = await db
        .select({ id: appraisals.id, workerId: appraisals.workerId })
        .from(appraisals)
        .where(eq(appraisals.status, "completed"))
        .orderBy(desc(appraisals.heldOn));
      const t = await withRow(w, completed);
      if (!t) return nothing("reopen an appraisal");
      return outcome(`${nameOf(w, t.by)} reopens ${t.worker.label}'s appraisal`, await appraisalChanges.reopenAppraisal(t.by, t.worker.id, t.row.id, "The objectives were wrong"));
    },
  },
  {
    name: "record a career conversation",
    weight: 2,
    run: async (w) => {
      const t = await managedWorker(w);
      if (!t) return nothing("record a career conversation");
      const heldOn = addDays(TODAY, -int(w, 0, 500));
      const nextConversationOn = chance(w, 0.6) ? addDays(heldOn, int(w, 30, 400)) : null;
      const what = `${nameOf(w, t.by)} records a conversation with ${t.worker.label} on ${heldOn}, next ${nextConversationOn ?? "not set"}`;
      return outcome(
        what,
        await conversations.recordConversation(
          t.by,
          t.worker.id,
          {
            heldOn,
            aspiration: "stay_and_grow",
            aspirationDetail: "",
            targetProfessionId: null,
            apprenticeshipInterest: "maybe",
            barriers: [],
            otherBarrierDetail: "",
            optionsDiscussed: "",
            nextConversationOn,
            steps: [],
            appraisalId: null,
          },
          TODAY,
        ),
      );
    },
  },
  {
    name: "start a PDP",
    weight: 2,
    run: async (w) => {
      const t = await managedWorker(w);
      if (!t) return nothing("start a PDP");
      const periodStart = addDays(TODAY, -int(w, 0, 200));
      const nextReviewOn = addDays(periodStart, int(w, 30, 300));
      return outcome(
        `${nameOf(w, t.by)} starts ${t.worker.label}'s PDP from ${periodStart}, review ${nextReviewOn}`,
        await pdpChanges.startPdp(t.by, t.worker.id, { periodStart, periodEnd: addDays(periodStart, 364), nextReviewOn }),
      );
    },
  },
  {
    name: "propose a PDP goal (the worker)",
    weight: 2,
    run: async (w) => {
      const live = (await inPost(w)).filter((p) => p.login);
      if (!live.length) return nothing("propose a goal");
      const worker = pick(w, live);
      return outcome(`${worker.label} proposes a goal`, await goals.createGoal(worker.login!, worker.id, await goalInput(w), TODAY));
    },
  },
  {
    name: "agree a proposed goal, or add one (a manager)",
    weight: 2,
    run: async (w) => {
      const proposed = await db
        .select({ id: pdpGoals.id, workerId: pdps.workerId })
        .from(pdpGoals)
        .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
        .where(and(isNull(pdpGoals.agreedAt), inArray(pdps.status, ["draft", "active"])));
      const t = await withRow(w, proposed);
      if (t) return outcome(`${nameOf(w, t.by)} agrees ${t.worker.label}'s goal`, await goals.agreeGoal(t.by, t.worker.id, t.row.id));
      const m = await managedWorker(w);
      if (!m) return nothing("add a goal");
      return outcome(`${nameOf(w, m.by)} adds a goal for ${m.worker.label}`, await goals.createGoal(m.by, m.worker.id, await goalInput(w), TODAY));
    },
  },
  {
    name: "agree a PDP",
    weight: 2,
    run: async (w) => {
      const t = await withRow(w, await currentPdps());
      if (!t) return nothing("agree a PDP");
      const by = t.worker.login && chance(w, 0.5) ? t.worker.login : t.by;
      return outcome(`${by === t.worker.login ? t.worker.label : nameOf(w, by)} agrees ${t.worker.label}'s PDP`, await pdpChanges.agreePdp(by, t.worker.id, t.row.id, SIGNED, t.row.version));
    },
  },
  {
    name: "record a PDP review",
    weight: 2,
    run: async (w) => {
      const t = await withRow(w, await currentPdps());
      if (!t) return nothing("review a PDP");
      const reviewedOn = [addDays(TODAY, -int(w, 0, 30)), t.row.periodStart].sort().at(-1)!;
      const nextReviewOn = addDays(reviewedOn, int(w, 1, 120));
      return outcome(
        `${nameOf(w, t.by)} records a review of ${t.worker.label}'s PDP on ${reviewedOn}, next ${nextReviewOn}`,
        await pdpChanges.recordPdpReview(t.by, t.worker.id, t.row.id, { reviewedOn, summary: "Going well", nextReviewOn }, TODAY),
      );
    },
  },
  {
    name: "close a PDP",
    weight: 1,
    run: async (w) => {
      const t = await withRow(w, await currentPdps());
      if (!t) return nothing("close a PDP");
      const carryOver = chance(w, 0.5);
      return outcome(`${nameOf(w, t.by)} closes ${t.worker.label}'s PDP${carryOver ? ", carrying goals over" : ""}`, await pdpChanges.closePdp(t.by, t.worker.id, t.row.id, { carryOver }, TODAY));
    },
  },
  {
    name: "request training",
    weight: 2,
    run: async (w) => {
      const live = await inPost(w);
      if (!live.length) return nothing("request training");
      const worker = pick(w, live);
      const by = worker.login && chance(w, 0.6) ? worker.login : await actorFor(w, worker.id);
      if (!by) return nothing("request training");
      const startsOn = addDays(TODAY, int(w, -10, 60));
      return outcome(
        `${by === worker.login ? worker.label : nameOf(w, by)} requests training for ${worker.label} starting ${startsOn}`,
        await cpd.requestTraining(by, worker.id, { courseTitle: `Course ${++w.n}`, provider: "", cost: null, startsOn, endsOn: null, requestGoalId: null, why: "To do the job well" }),
      );
    },
  },
  {
    name: "decide a training request",
    weight: 2,
    run: async (w) => {
      const t = await withRow(w, await pendingRequests());
      if (!t) return nothing("decide a training request");
      const approve = chance(w, 0.5);
      return outcome(
        `${nameOf(w, t.by)} ${approve ? "approves" : "declines"} ${t.worker.label}'s training request`,
        await cpd.decideRequest(t.by, t.worker.id, t.row.id, approve ? { status: "approved" } : { status: "declined", declineReason: "funding", declineDetail: "No budget this year" }),
      );
    },
  },
  {
    name: "withdraw a training request",
    weight: 1,
    run: async (w) => {
      const t = await withRow(w, await pendingRequests());
      if (!t) return nothing("withdraw a training request");
      const by = t.worker.login ?? t.by;
      return outcome(`${by === t.worker.login ? t.worker.label : nameOf(w, by)} withdraws ${t.worker.label}'s training request`, await cpd.withdrawRequest(by, t.worker.id, t.row.id));
    },
  },
  {
    name: "delegate a task",
    weight: 2,
    run: async (w) => {
      const t = await managedWorker(w);
      if (!t) return nothing("delegate a task");
      const competentSince = addDays(TODAY, -int(w, 30, 400));
      const reviewOn = addDays(competentSince, int(w, 1, 500));
      return outcome(
        `${nameOf(w, t.by)} delegates a task to ${t.worker.label}, review ${reviewOn}`,
        await supervision.delegateTask(
          t.by,
          t.worker.id,
          { task: `Task ${++w.n}`, delegatedByName: "Priya Shah", delegatedByProfession: "Physiotherapist", delegatedByRegistration: null, supervisionLevel: "indirect", competentSince, reviewOn },
          TODAY,
        ),
      );
    },
  },
  {
    name: "review a delegated task",
    weight: 2,
    run: async (w) => {
      const t = await withRow(w, await currentTasks());
      if (!t) return nothing("review a delegated task");
      const reviewOn = addDays(TODAY, int(w, 1, 365));
      return outcome(`${nameOf(w, t.by)} reviews ${t.worker.label}'s task, next ${reviewOn}`, await supervision.reviewTask(t.by, t.worker.id, t.row.id, reviewOn, TODAY));
    },
  },
  {
    name: "end a delegated task",
    weight: 1,
    run: async (w) => {
      const t = await withRow(w, await currentTasks());
      if (!t) return nothing("end a delegated task");
      return outcome(`${nameOf(w, t.by)} ends ${t.worker.label}'s task`, await supervision.endTask(t.by, t.worker.id, t.row.id, "No longer needed", TODAY));
    },
  },
  {
    name: "sign off a competency",
    weight: 2,
    run: async (w) => {
      // Only the worker's manager signs off (an administrator is told so).
      const t = await managedWorker(w, false);
      if (!t) return nothing("sign off a competency");
      const statement = await publishedStatement(pick(w, SIGN_OFF_STATEMENTS));
      const signedOffOn = addDays(TODAY, -int(w, 300, 400));
      const what = `${nameOf(w, t.by)} signs off ${t.worker.label}'s ${statement.lineageKey} on ${signedOffOn}`;
      const evidence = await competencies.addEvidence(
        t.by,
        t.worker.id,
        statement.id,
        { type: "direct_observation", evidenceDate: signedOffOn, description: "Observed on the ward", link: null },
        TODAY,
      );
      if (!evidence.ok) return outcome(what, evidence);
      const assessor = { assessorName: "Priya Shah", assessorProfession: "Physiotherapist", assessorRegistration: "PH123456", signedOffOn };
      return outcome(what, await competencies.signOff(t.by, t.worker.id, statement.id, assessor, SIGNED, TODAY));
    },
  },
  {
    name: "reopen a competency sign-off",
    weight: 1,
    run: async (w) => {
      const signed = await db
        .select({ workerId: competencyAssessments.workerId, lineageKey: competencyStatements.lineageKey })
        .from(competencyAssessments)
        .innerJoin(competencyStatements, eq(competencyStatements.id, competencyAssessments.statementId))
        .where(eq(competencyAssessments.status, "signed_off"));
      const t = await withRow(w, signed, false);
      if (!t) return nothing("reopen a sign-off");
      const statement = await publishedStatement(t.row.lineageKey);
      return outcome(`${nameOf(w, t.by)} reopens ${t.worker.label}'s ${t.row.lineageKey}`, await competencies.reopen(t.by, t.worker.id, statement.id, "Signed off in error", TODAY));
    },
  },
  {
    name: "log off-the-job hours",
    weight: 2,
    run: async (w) => {
      const live = await liveApprenticeships();
      if (!live.length) return nothing("log off-the-job hours");
      const a = pick(w, live);
      const worker = w.pool.find((p) => p.id === a.workerId)!;
      const by = worker.login && chance(w, 0.6) ? worker.login : await actorFor(w, worker.id);
      if (!by) return nothing("log off-the-job hours");
      const activityOn = addDays(TODAY, -int(w, 0, 300));
      const hours = int(w, 1, 12);
      return outcome(
        `${by === worker.login ? worker.label : nameOf(w, by)} logs ${hours} hours for ${worker.label} on ${activityOn}`,
        await apprenticeshipChanges.logOtj(by, worker.id, a.id, { activityOn, hours, activityType: pick(w, OTJ_ACTIVITY_TYPES), note: "" }, TODAY),
      );
    },
  },
  {
    name: "remove off-the-job hours",
    weight: 1,
    run: async (w) => {
      const logs = await db
        .select({ id: otjLogs.id, workerId: apprenticeships.workerId, hours: otjLogs.hours })
        .from(otjLogs)
        .innerJoin(apprenticeships, eq(apprenticeships.id, otjLogs.apprenticeshipId));
      const t = await withRow(w, logs);
      if (!t) return nothing("remove off-the-job hours");
      return outcome(`${nameOf(w, t.by)} removes ${t.row.hours} hours from ${t.worker.label}'s log`, await apprenticeshipChanges.deleteOtjLog(t.by, t.worker.id, t.row.id));
    },
  },
  {
    name: "record an apprenticeship review",
    weight: 2,
    run: async (w) => {
      const t = await withRow(w, await liveApprenticeships());
      if (!t) return nothing("record an apprenticeship review");
      const reviewedOn = [addDays(TODAY, -int(w, 0, 120)), t.row.startDate].sort().at(-1)!;
      const nextReviewOn = chance(w, 0.5) ? addDays(reviewedOn, int(w, 1, 84)) : null;
      return outcome(
        `${nameOf(w, t.by)} records ${t.worker.label}'s apprenticeship review on ${reviewedOn}, next ${nextReviewOn ?? "not set"}`,
        await apprenticeshipChanges.recordReview(
          t.by,
          t.worker.id,
          t.row.id,
          { reviewedOn, attendees: "Apprentice and manager", progress: "On track", concerns: "", actions: "", nextReviewOn },
          TODAY,
        ),
      );
    },
  },
  {
    name: "start or end a break in learning",
    weight: 1,
    run: async (w) => {
      const t = await withRow(w, await liveApprenticeships());
      if (!t) return nothing("change an apprenticeship's status");
      const to = t.row.status === "on_programme" ? "break_in_learning" : "on_programme";
      return outcome(
        `${nameOf(w, t.by)} moves ${t.worker.label}'s apprenticeship to ${to}`,
        await apprenticeshipChanges.changeApprenticeshipStatus(t.by, t.worker.id, t.row.id, { to, effectiveOn: TODAY, reason: "Illness", newPlannedEndDate: null }, TODAY),
      );
    },
  },
  {
    name: "move a worker to another team or line manager",
    weight: 3,
    run: async (w) => {
      const live = await inPost(w);
      if (!live.length) return nothing("move a worker");
      const worker = pick(w, live);
      const fields = await workerFields(worker.id);
      const row = await workerRow(worker.id);
      const teamId = pick(w, [w.f.teamA.id, w.f.teamB.id]);
      const managers = await managersNow(w);
      const lineManagerId = pick(w, [null, ...managers.map((m) => m.id)].filter((id) => id !== row.userId));
      const effectiveFrom = addDays("2026-06-01", w.nextPositionDay++);
      const team = teamId === w.f.teamA.id ? "team A" : "team B";
      const manager = managers.find((m) => m.id === lineManagerId)?.name ?? "no line manager";
      return outcome(
        `the admin moves ${worker.label} to ${team}, ${manager}, from ${effectiveFrom}`,
        await workerChanges.updateWorker(w.admin, worker.id, { ...fields, teamId, lineManagerId, effectiveFrom, changeReason: "Moved" }),
      );
    },
  },
  {
    name: "correct a worker's name or start date",
    weight: 2,
    run: async (w) => {
      const t = await managedWorker(w);
      if (!t) return nothing("correct a worker's record");
      const fields = await workerFields(t.worker.id);
      const change = chance(w, 0.5)
        ? { firstName: pick(w, ["Amara", "Ben", "Chidi", "Dana"]) }
        : { contractStart: pick(w, ["2022-04-01", "2024-01-15", "2025-11-20"]) };
      return outcome(`${nameOf(w, t.by)} corrects ${t.worker.label}'s ${JSON.stringify(change)}`, await workerChanges.updateWorker(t.by, t.worker.id, { ...fields, ...change }));
    },
  },
  {
    name: "record that a worker left",
    weight: 1,
    run: async (w) => {
      // Someone always stays, so a long run still has records to change.
      if ((await inPost(w)).length <= 3) return nothing("record a leaver");
      const t = await managedWorker(w);
      if (!t) return nothing("record a leaver");
      return outcome(`${nameOf(w, t.by)} records that ${t.worker.label} left`, await workerChanges.recordLeaving(t.by, t.worker.id, { leftOn: TODAY, reason: "Moved away" }));
    },
  },
  {
    name: "add a worker",
    weight: 1,
    run: async (w) => {
      const by = pick(w, [w.admin, ...(await managersNow(w))]);
      const teamId = by.id === w.admin.id ? pick(w, [w.f.teamA.id, w.f.teamB.id]) : (await first(db.select({ teamId: teamManagers.teamId }).from(teamManagers).where(eq(teamManagers.userId, by.id))))?.teamId;
      if (!teamId) return nothing(`${nameOf(w, by)} adds a worker`);
      const n = ++w.n;
      const result = await workerChanges.createWorker(by, {
        firstName: "New",
        lastName: `Starter${n}`,
        employeeNumber: `NEW${n}`,
        jobTitle: "Therapy Support Worker",
        professionId: w.f.ref.profession.id,
        stageId: w.f.ref.stage.id,
        bandId: w.f.ref.band.id,
        careSettingId: null,
        teamId,
        lineManagerId: null,
        fte: 1,
        contractStart: addDays(TODAY, -int(w, 0, 900)),
      });
      if (result.ok) w.pool.push({ id: result.workerId, label: `new worker ${n}` });
      return outcome(`${nameOf(w, by)} adds new worker ${n} to ${teamId === w.f.teamA.id ? "team A" : "team B"}`, result);
    },
  },
  {
    name: "change which managers a team has",
    weight: 3,
    run: async (w) => {
      const [teamId, label] = pick(w, [[w.f.teamA.id, "team A"], [w.f.teamB.id, "team B"]] as const);
      const team = (await first(db.select().from(teams).where(eq(teams.id, teamId))))!;
      const professionIds = (await db.select({ id: teamProfessions.professionId }).from(teamProfessions).where(eq(teamProfessions.teamId, teamId))).map((r) => r.id);
      const managers = await managersNow(w);
      const managerIds = managers.filter(() => chance(w, 0.5)).map((m) => m.id);
      const names = managers.filter((m) => managerIds.includes(m.id)).map((m) => m.name).join(" and ") || "nobody";
      return outcome(
        `the admin makes ${names} the managers of ${label}`,
        await teamChanges.updateTeam(w.admin, teamId, { name: team.name, service: team.service, careSettingId: team.careSettingId, professionIds, managerIds }),
      );
    },
  },
  {
    name: "change a manager's role",
    weight: 1,
    run: async (w) => {
      const account = pick(w, w.managerAccounts);
      const now = await sessionNow(account);
      // Only someone with a worker record can be a support worker: manager A has one.
      const role = now.role !== "manager" ? "manager" : account.id === w.f.users.managerA.id && chance(w, 0.5) ? "support_worker" : "lead";
      return outcome(`the admin makes ${account.name} a ${role}`, await userChanges.changeUserRole(w.admin, account.id, role));
    },
  },
  {
    name: "rename a band (a reference list)",
    weight: 1,
    run: async (w) => {
      const name = `Band 3 (${++w.n})`;
      return outcome(`the admin renames the band ${name}`, await referenceChanges.updateReferenceValue(w.admin, "bands", w.f.ref.band.id, { name }));
    },
  },
  {
    name: "change the off-the-job rule",
    weight: 2,
    run: async (w) => {
      const rule = (await first(db.select().from(otjRules).where(isNull(otjRules.effectiveTo))))!;
      const minimumHours = pick(w, [187, 280, 320, 400, 1500].filter((h) => h !== rule.minimumHours));
      return outcome(
        `the admin sets the current off-the-job rule's floor to ${minimumHours} hours`,
        await standards.updateOtjRule(w.admin, rule.id, { description: rule.description, value: null, minimumHours }),
      );
    },
  },
  {
    name: "change a standard's off-the-job minimum",
    weight: 1,
    run: async (w) => {
      const s = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, w.f.hswId))))!;
      const otjMinimumHours = pick(w, [278, 300, 360, 2000].filter((h) => h !== s.otjMinimumHours));
      return outcome(
        `the admin sets ST0216's off-the-job minimum to ${otjMinimumHours} hours`,
        await standards.updateStandard(w.admin, s.id, { title: s.title, level: s.level, typicalDurationMonths: s.typicalDurationMonths, otjMinimumHours, professionId: s.professionId }),
      );
    },
  },
  {
    name: "publish a new framework version",
    weight: 1,
    run: async (w) => {
      const framework = (await first(db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.key, await assessedFrameworkKey()))))!;
      const what = "the admin starts a draft of the framework and publishes it";
      const draft = await frameworkChanges.startDraftVersion(w.admin, framework.id);
      if (!draft.ok) return outcome(what, draft);
      return outcome(what, await frameworkChanges.publishVersion(w.admin, draft.id, { notes: `Version ${++w.n}` }));
    },
  },
];

function chooseOperation(w: World): Operation {
  const total = OPERATIONS.reduce((sum, op) => sum + op.weight, 0);
  let r = w.rand() * total;
  for (const op of OPERATIONS) {
    r -= op.weight;
    if (r < 0) return op;
  }
  return OPERATIONS.at(-1)!;
}

/** Whether a list is the one kept before, handed back again: the same reminder objects, not ones worked out anew. */
const sameObjects = (a: readonly Reminder[], b: readonly Reminder[]) => a.length > 0 && a.length === b.length && a.every((r, i) => r === b[i]);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the kept inbox", () => {
  it("is handed back from memory while nothing it is about changes", async () => {
    vi.stubEnv("PATHWAYS_TODAY", TODAY);
    const f = await setup();
    const manager = asSession(f.users.managerA);
    const kept = await inboxReminders(manager, TODAY);
    const again = await inboxReminders(manager, TODAY);
    expect(kept.length).toBeGreaterThan(5);
    expect(again).not.toBe(kept); // a copy of the kept array, which callers may not change
    expect(sameObjects(kept, again)).toBe(true);
    const fresh = await inboxRemindersNow(manager, TODAY);
    expect(fresh).toEqual(kept);
    expect(fresh.some((r, i) => r === kept[i])).toBe(false);
  });

  /** The person's home, kept like their inbox: My development for a support worker, My team for a manager. */
  const home = async (user: SessionUser) =>
    user.role === "support_worker" ? await myDevelopment(user, TODAY) : user.role === "manager" ? await myTeam(user, TODAY) : null;

  it.each(SEEDS)("equals the inbox worked out afresh after every change through the data layer, and so do the homes (seed %i)", async (seed) => {
    vi.stubEnv("PATHWAYS_TODAY", TODAY);
    const f = await setup();
    const w: World = {
      f,
      admin: asSession(f.users.admin),
      managerAccounts: [f.users.managerA, f.users.managerB],
      pool: [
        { id: f.workers.workerA.id, label: "worker A", login: asSession(f.users.workerUserA) },
        { id: f.workers.workerB.id, label: "worker B", login: asSession(f.users.workerUserB) },
        { id: f.workers.lineManagedOnly.id, label: "the line-managed-only worker" },
        { id: f.leaver.id, label: "the leaver" },
        { id: f.managerOwn.id, label: "manager A's own record" },
      ],
      rand: mulberry32(seed),
      n: 0,
      nextPositionDay: 0,
    };
    /** Everyone whose inbox is kept, each as they would be signed in now (managers A and B with their roles as they stand). */
    const people = async (): Promise<Array<[string, SessionUser]>> => [
      ["worker A", asSession(f.users.workerUserA)],
      ["worker B", asSession(f.users.workerUserB)],
      ["manager A", withoutStatus(await sessionNow(f.users.managerA))],
      ["manager B", withoutStatus(await sessionNow(f.users.managerB))],
      // Manager A's own record as its worker sees it (their inbox, were they made a support worker).
      ["manager A as the worker on their own record", { ...asSession(f.users.managerA), role: "support_worker" }],
    ];

    const trail: string[] = [];
    const done = new Set<string>();
    let changed = 0;
    let steps = 0;
    let servedFromMemory = 0;
    for (let step = 1; step <= STEPS; step++) {
      const before = new Map<string, Reminder[]>();
      for (const [label, user] of await people()) {
        before.set(label, await inboxReminders(user, TODAY));
        await home(user); // kept too
      }
      const op = chooseOperation(w);
      const result = await op.run(w);
      trail.push(`${step}. ${result.what}: ${result.ok ? "done" : `refused (${result.message})`}`);
      if (result.ok) {
        steps++;
        done.add(op.name);
      }
      let inboxChanged = false;
      for (const [label, user] of await people()) {
        const kept = await inboxReminders(user, TODAY);
        const now = await inboxRemindersNow(user, TODAY);
        expect(kept, `seed ${seed}, step ${step} (${op.name}: ${result.what}), ${label}'s inbox as a ${user.role}. The run so far:\n${trail.join("\n")}`).toEqual(now);
        if (sameObjects(before.get(label)!, kept)) servedFromMemory++;
        if (JSON.stringify(before.get(label)) !== JSON.stringify(now)) inboxChanged = true;
      }
      if (inboxChanged) changed++;
      // Each home is kept by the same version: what is kept now equals what is worked out once nothing is kept.
      const keptHomes: unknown[] = [];
      for (const [, user] of await people()) keptHomes.push(await home(user));
      forgetKeptInboxes();
      let i = 0;
      for (const [label, user] of await people()) {
        expect(keptHomes[i++], `seed ${seed}, step ${step} (${op.name}: ${result.what}), ${label}'s home as a ${user.role}. The run so far:\n${trail.join("\n")}`).toEqual(await home(user));
      }
    }
    // Most steps changed something, many changed someone's inbox, and a kept inbox outlived changes not about it
    // (else a cache that never kept anything would pass).
    expect(steps, trail.join("\n")).toBeGreaterThanOrEqual(STEPS * 0.5);
    expect(changed, trail.join("\n")).toBeGreaterThanOrEqual(STEPS * 0.2);
    expect(done.size, trail.join("\n")).toBeGreaterThanOrEqual(8);
    expect(servedFromMemory).toBeGreaterThan(0);
    if (process.env.INBOX_KEPT_TRAIL) console.log(`seed ${seed}: ${steps} of ${STEPS} steps changed something, ${changed} changed an inbox, ${servedFromMemory} inboxes kept through a change\n${trail.join("\n")}`);
  }, 60_000 * Math.max(1, STEPS / 25));
});
