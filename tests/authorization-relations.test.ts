// The authorization matrix's second dimension: who may act on which record. tests/authorization-matrix.test.ts proves
// each action's first check (its roles); this runs every action that names a record with a real record, sent by each
// role in each relation to that record, and compares what happened with the table below.
//
// The relations, for the acting user (the "actor"):
// - own:   the actor's own worker record. A manager's own record is in the team they manage (so the team rule alone
//          would let them change it), line-managed by another manager; a lead's or an administrator's is in another
//          team of their organisation.
// - team:  a support worker in the team the actor manages (for a support worker: a colleague in their own team; for
//          a lead or an administrator, whose scope is the organisation, a worker in one of its teams).
// - other: a support worker in another team of the same organisation, managed by another manager.
// - org:   a support worker in another organisation.
//
// What happened, one letter per relation in that order:
// - D  done: the change was made (the action went on to its next page or said it was saved), and audited.
// - R  refused with a reason the person can read (a lead only reads; nobody decides about their own record; only
//      the worker signs their appraisal), and nothing was written.
// - N  404: as if the record did not exist, and nothing was written.
// - -  the relation does not apply (adding a worker names a team, not a worker; a worker's record always has a login).
// A cell that comes out otherwise fails, as does a fixture whose form does not pass the action's own schema (that
// would make every cell an R and prove nothing).
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, first, one, selectRow, databaseKind } from "@/db/client";
import { appraisalFeedbackRequests, apprenticeshipStandards, auditEvents, competencyStatements, frameworkDomains, gatewayRequirements, otjLogs, stages, trainingSubjects, workers } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import * as appraisals from "@/db/queries/appraisals";
import * as apprenticeships from "@/db/queries/apprenticeship-changes";
import * as competencies from "@/db/queries/competencies";
import * as conversations from "@/db/queries/conversations";
import * as cpd from "@/db/queries/cpd";
import * as pdps from "@/db/queries/pdps";
import * as goals from "@/db/queries/pdp-goals";
import * as supervision from "@/db/queries/supervision";
import * as mandatory from "@/db/queries/mandatory-training";
import * as teams from "@/db/queries/teams";
import { addDays, addMonths, todayInLondon } from "@/lib/rules/dates";
import { ROLES, type Role } from "@/lib/vocabulary";
import type { SessionUser } from "@/lib/session-user";
import { asSession, freshSignOn, makeOrg, makeReference, makeTeam, makeUser, makeWorker, SIGNED } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import { MATRIX } from "./support/authorization-table";
import { newId } from "@/db/schema/_shared";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const RELATIONS = ["own", "team", "other", "org"] as const;
type Relation = (typeof RELATIONS)[number];
type Outcome = "D" | "R" | "N" | "-";

const TODAY = todayInLondon();

/** One organisation's people, built afresh for every cell so no cell sees another's records. */
type Target = {
  relation: Relation;
  workerId: string;
  /** The worker's own login. */
  worker: SessionUser;
  /** The worker's line manager, who manages their team (for the actor's own record: another manager). */
  manager: SessionUser;
  /** An administrator of the worker's organisation who has no worker record: sets up what the action acts on. */
  admin: SessionUser;
  teamId: string;
  stageId: string;
  /** A published framework statement at the worker's stage, and its domain. */
  statementId: string;
  domainId: string;
  /** The level 2 healthcare support worker standard and one of its gateway requirements. */
  standardId: string;
  requirementId: string;
};

type Ref = Awaited<ReturnType<typeof makeReference>> & { statementId: string; domainId: string; standardId: string; requirementId: string };

async function reference(): Promise<Ref> {
  await seedReference(db);
  const ref = await makeReference();
  const version = (await competencies.publishedFrameworkVersion())!;
  const statement = (await first(db
    .select()
    .from(competencyStatements)
    .where(and(eq(competencyStatements.versionId, version.id), eq(competencyStatements.stage, "entry")))))!;
  const domain = (await first(db.select().from(frameworkDomains).where(eq(frameworkDomains.id, statement.domainId))))!;
  const standard = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
  const requirement = (await first(db
    .select()
    .from(gatewayRequirements)
    .where(and(eq(gatewayRequirements.standardId, standard.id), isNull(gatewayRequirements.retiredAt)))))!;
  return { ...ref, statementId: statement.id, domainId: domain.id, standardId: standard.id, requirementId: requirement.id };
}

/** The actor (signed in with a fresh single sign-on, so a signature asks nothing more) and the target record. */
async function world(ref: Ref, role: Role, relation: Relation): Promise<{ actor: SessionUser; target: Target }> {
  const org = await makeOrg();
  const actorUser = await makeUser(org.id, role, `Acting ${role}`);
  const teamManager = role === "manager" ? actorUser : await makeUser(org.id, "manager", "Team manager");
  const otherManager = await makeUser(org.id, "manager", "Other manager");
  const admin = await makeUser(org.id, "admin", "Setting-up admin");
  const team = await makeTeam(org.id, "Team", [teamManager.id]);
  const otherTeam = await makeTeam(org.id, "Other team", [otherManager.id]);
  // A support worker always has a record of their own, in the team.
  const actorRecord =
    role === "support_worker" || relation === "own"
      ? await makeWorker(org.id, ref, {
          teamId: role === "support_worker" || role === "manager" ? team.id : otherTeam.id,
          lineManagerId: role === "support_worker" ? teamManager.id : otherManager.id,
          userId: actorUser.id,
        })
      : undefined;
  const base = { relation, stageId: ref.stage.id, statementId: ref.statementId, domainId: ref.domainId, standardId: ref.standardId, requirementId: ref.requirementId };
  let target: Target;
  if (relation === "own") {
    target = {
      ...base,
      workerId: actorRecord!.id,
      worker: asSession(actorUser),
      manager: asSession(role === "support_worker" ? teamManager : otherManager),
      admin: asSession(admin),
      teamId: actorRecord!.teamId,
    };
  } else if (relation === "org") {
    const otherOrg = await makeOrg("Other Trust");
    const manager = await makeUser(otherOrg.id, "manager");
    const otherAdmin = await makeUser(otherOrg.id, "admin");
    const workerUser = await makeUser(otherOrg.id, "support_worker");
    const otherOrgTeam = await makeTeam(otherOrg.id, "Their team", [manager.id]);
    const record = await makeWorker(otherOrg.id, ref, { teamId: otherOrgTeam.id, lineManagerId: manager.id, userId: workerUser.id });
    target = { ...base, workerId: record.id, worker: asSession(workerUser), manager: asSession(manager), admin: asSession(otherAdmin), teamId: otherOrgTeam.id };
  } else {
    const manager = relation === "team" ? teamManager : otherManager;
    const teamId = relation === "team" ? team.id : otherTeam.id;
    const workerUser = await makeUser(org.id, "support_worker");
    const record = await makeWorker(org.id, ref, { teamId, lineManagerId: manager.id, userId: workerUser.id });
    target = { ...base, workerId: record.id, worker: asSession(workerUser), manager: asSession(manager), admin: asSession(admin), teamId };
  }
  return {
    actor: freshSignOn(asSession(actorUser)),
    target: { ...target, worker: freshSignOn(target.worker), manager: freshSignOn(target.manager), admin: freshSignOn(target.admin) },
  };
}

/**
 * The worker, as the support worker who made their side of the record: for a manager's, lead's or administrator's own
 * record, what they did while they were one (only a support worker signs, proposes or logs as the worker).
 */
const asWorker = (t: Target): SessionUser => ({ ...t.worker, role: "support_worker" });

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`fixture refused: ${(result as unknown as { message: string }).message}`);
  return result as Extract<T, { ok: true }>;
}

// ---------------------------------------------------------------------------------------------------------------------
// What each action acts on, made by the people who would make it, and a form that passes the action's schema.

type Call = { ids: string[]; form: Record<string, string | string[]> };
type Fixture = (t: Target, actor: SessionUser) => Call | null | Promise<Call | null>;

const yesterday = addDays(TODAY, -1);

async function scheduled(t: Target) {
  return ok(await appraisals.scheduleAppraisal(t.manager, t.workerId, { scheduledFor: addDays(TODAY, 7), appraiserId: t.manager.id }, TODAY)).appraisalId;
}
/** A support worker with a login in the target worker's team: a colleague who may be asked for feedback. */
async function teamColleague(t: Target) {
  const colleague = await makeUser(t.admin.orgId, "support_worker", "Team colleague");
  const w = (await first(db.select().from(workers).where(eq(workers.id, t.workerId))))!;
  const ref = { profession: { id: w.professionId }, stage: { id: w.stageId }, band: { id: w.bandId } } as Parameters<typeof makeWorker>[1];
  await makeWorker(t.admin.orgId, ref, { teamId: t.teamId, lineManagerId: t.manager.id, userId: colleague.id });
  return colleague.id;
}
/** A booked appraisal of the target worker with feedback asked of the actor (made as asking would, whoever they are). */
async function feedbackAsked(t: Target, actor: SessionUser): Promise<[string, string]> {
  const appraisalId = await scheduled(t);
  const request = await one(db.insert(appraisalFeedbackRequests).values({ appraisalId, inviteeId: actor.id, invitedBy: t.manager.id }).returning());
  return [appraisalId, request.id];
}
async function startedAppraisal(t: Target) {
  const id = await scheduled(t);
  ok(await appraisals.startAppraisal(t.manager, t.workerId, id));
  return id;
}
async function awaitingSignOff(t: Target) {
  const id = await startedAppraisal(t);
  const empty = { achievements: "", wellbeing: "", feedback: "", trainingNeeds: "", reviews: [] };
  const objective = { id: null, title: "Lead the falls huddle", successMeasure: "Weekly", targetDate: addMonths(TODAY, 6), remove: false };
  ok(await appraisals.saveAppraisal(t.manager, t.workerId, id, { ...empty, heldOn: TODAY, appraiserSummary: "A strong year", objectives: [objective] }, TODAY));
  ok(await appraisals.sendForSignOff(t.manager, t.workerId, id, TODAY));
  return id;
}
async function signedAppraisal(t: Target) {
  const id = await awaitingSignOff(t);
  ok(await appraisals.signOff(asWorker(t), t.workerId, id, { workerComments: "Agreed" }, SIGNED));
  ok(await appraisals.signAsAppraiser(t.manager, t.workerId, id, SIGNED));
  return id;
}

const apprenticeshipStart = (t: Target) => ({
  standardId: t.standardId,
  optionId: null,
  provider: "Northbrook College",
  startDate: addMonths(TODAY, -3),
  plannedEndDate: addMonths(TODAY, 12),
  weeklyHours: 37.5,
  started: "on_programme" as const,
});
async function apprenticeship(t: Target) {
  return ok(await apprenticeships.startApprenticeship(t.manager, t.workerId, apprenticeshipStart(t), TODAY)).id;
}
async function atGateway(t: Target) {
  const id = await apprenticeship(t);
  ok(await apprenticeships.changeApprenticeshipStatus(t.manager, t.workerId, id, { to: "gateway", effectiveOn: addDays(TODAY, -10), reason: "", newPlannedEndDate: null }, TODAY));
  return id;
}
async function atEpa(t: Target) {
  const id = await atGateway(t);
  for (const g of await db.select().from(gatewayRequirements).where(and(eq(gatewayRequirements.standardId, t.standardId), isNull(gatewayRequirements.retiredAt)))) {
    ok(await apprenticeships.tickGateway(t.manager, t.workerId, id, g.id, { completedOn: addDays(TODAY, -9), evidence: "Certificate seen" }, TODAY));
  }
  ok(await apprenticeships.changeApprenticeshipStatus(t.manager, t.workerId, id, { to: "end_point_assessment", effectiveOn: addDays(TODAY, -5), reason: "", newPlannedEndDate: null }, TODAY));
  return id;
}
async function passed(t: Target) {
  const id = await atEpa(t);
  ok(await apprenticeships.recordEpaResult(t.manager, t.workerId, id, { result: "pass", resultOn: addDays(TODAY, -2) }, TODAY));
  return id;
}

const evidence = { type: "direct_observation" as const, evidenceDate: yesterday, description: "Observed on the ward", link: null };
const assessor = { assessorName: "Priya Shah", assessorProfession: "Physiotherapist", assessorRegistration: "PH123456", signedOffOn: TODAY };
async function withEvidence(t: Target) {
  ok(await competencies.addEvidence(asWorker(t), t.workerId, t.statementId, evidence, TODAY));
}
async function signedOffCompetency(t: Target) {
  await withEvidence(t);
  ok(await competencies.signOff(t.manager, t.workerId, t.statementId, assessor, SIGNED, TODAY));
}

const conversationForm = { heldOn: TODAY, aspiration: "stay_and_grow", apprenticeshipInterest: "maybe" };
async function conversation(t: Target) {
  return ok(
    await conversations.recordConversation(
      t.manager,
      t.workerId,
      {
        heldOn: TODAY,
        aspiration: "stay_and_grow",
        aspirationDetail: "",
        targetProfessionId: null,
        apprenticeshipInterest: "maybe",
        barriers: [],
        otherBarrierDetail: "",
        optionsDiscussed: "",
        nextConversationOn: null,
        steps: [{ description: "Shadow the senior", dueOn: addMonths(TODAY, 2) }],
        appraisalId: null,
      },
      TODAY,
    ),
  ).conversationId;
}
async function step(t: Target) {
  const conversationId = await conversation(t);
  return (await conversations.conversationDetail(t.manager, t.workerId, conversationId))!.steps[0]!.id;
}

const cpdForm = { activityOn: yesterday, title: "Falls prevention e-learning", type: "e_learning", learning: "formal", hours: "2" };
async function cpdEntry(t: Target) {
  return ok(
    await cpd.addCpd(
      asWorker(t),
      t.workerId,
      { activityOn: yesterday, title: "Falls", type: "e_learning", learning: "formal", hours: 2, reflectionWhat: "", reflectionSoWhat: "", reflectionNowWhat: "", pdpGoalId: null, trainingRequestId: null },
      TODAY,
    ),
  ).id!;
}
async function trainingRequest(t: Target) {
  return ok(
    await cpd.requestTraining(asWorker(t), t.workerId, { courseTitle: "Makaton", provider: "", cost: null, startsOn: addMonths(TODAY, 1), endsOn: null, requestGoalId: null, why: "To talk with patients" }),
  ).id!;
}

async function pdp(t: Target) {
  ok(await pdps.startPdp(t.manager, t.workerId, { periodStart: addMonths(TODAY, -1), periodEnd: addDays(addMonths(TODAY, 11), -1), nextReviewOn: addMonths(TODAY, 2) }));
  return (await pdps.pdpPage(t.manager, t.workerId))!.current!.id;
}
const goalInput = (t: Target) => ({ title: "Learn Makaton", why: "", successMeasure: "", targetDate: null, domainIds: [t.domainId], statementIds: [], support: [] });
/** A goal the worker proposed on an open PDP. */
async function proposedGoal(t: Target) {
  await pdp(t);
  return ok(await goals.createGoal(asWorker(t), t.workerId, goalInput(t), TODAY)).goalId;
}
async function agreedGoal(t: Target) {
  await pdp(t);
  return ok(await goals.createGoal(t.manager, t.workerId, goalInput(t), TODAY)).goalId;
}

/** A current mandatory training subject (seedReference ships the framework's). */
async function anySubject(): Promise<string> {
  return (await first(db.select({ id: trainingSubjects.id }).from(trainingSubjects).where(isNull(trainingSubjects.retiredAt))))!.id;
}

/** A completion on the worker's record, recorded by an administrator of their organisation. */
async function completion(t: Target) {
  return ok(await mandatory.recordCompletion(t.admin, t.workerId, { subjectId: await anySubject(), completedOn: TODAY, note: "" }, TODAY)).id;
}

async function delegation(t: Target) {
  return ok(
    await supervision.delegateTask(
      t.manager,
      t.workerId,
      {
        task: "Blood pressure",
        delegatedByName: "Priya Shah",
        delegatedByProfession: "Physiotherapist",
        delegatedByRegistration: null,
        supervisionLevel: "indirect",
        competentSince: addDays(TODAY, -7),
        reviewOn: addMonths(TODAY, 3),
      },
      TODAY,
    ),
  ).id!;
}

async function workerForm(workerId: string) {
  const w = (await first(db.select().from(workers).where(eq(workers.id, workerId))))!;
  return {
    firstName: w.firstName,
    lastName: w.lastName,
    employeeNumber: w.employeeNumber,
    jobTitle: "Senior Therapy Support Worker",
    professionId: w.professionId,
    stageId: w.stageId,
    bandId: w.bandId ?? "",
    teamId: w.teamId,
    lineManagerId: w.lineManagerId ?? "",
    fte: "1",
    contractStart: w.contractStart,
    effectiveFrom: TODAY,
    changeReason: "New job title",
  };
}

const reason = { reason: "Recorded in error" };
let added = 0;

async function otjLogOf(apprenticeshipId: string) {
  return (await first(db.select().from(otjLogs).where(eq(otjLogs.apprenticeshipId, apprenticeshipId))))!.id;
}
const seniorStage = async () => (await first(db.select().from(stages).where(eq(stages.code, "senior_support_worker"))))!.id;

/** Administrators only: everyone else gets 404 wherever the relation applies. */
const adminOnly = (admin: string): Record<Role, string> => {
  const others = admin.replace(/[DR]/g, "N");
  return { support_worker: others, manager: others, lead: others, admin };
};

/** An organisation record: the target's team for "other" (the actor's organisation) and "org"; no "own" or "team". */
const orgRecord = (make: (t: Target) => Call | Promise<Call>): Fixture => async (t) => (t.relation === "other" || t.relation === "org" ? await make(t) : null);
/** A team with nobody in it, in the target's organisation. */
const emptyTeam = async (t: Target) => (await makeTeam(t.admin.orgId, "Quiet team")).id;
/** A user account: the actor's own for "own", the target worker's login for "other" and "org". */
const account =
  (make: (userId: string) => Call | Promise<Call>): Fixture =>
  async (t, actor) =>
    t.relation === "own" ? await make(actor.id) : t.relation === "team" ? null : await make(t.worker.id);

type Actions = Record<string, (...args: unknown[]) => Promise<unknown>>;
const load = (path: string) => async () => (await import(/* @vite-ignore */ path)) as Actions;

/**
 * Every action that names a record: its file, and for each export what it acts on and the outcome per role, in the
 * order own, team, other, org. A role the action's first check leaves out is N in every relation.
 */
const TABLE: Record<string, { load: () => Promise<Actions>; actions: Record<string, { fixture: Fixture; expect: Record<Role, string> }> }> = {
  "app/(app)/workers/[id]/appraisals/actions.ts": {
    load: load("@/app/(app)/workers/[id]/appraisals/actions"),
    actions: {
      scheduleAppraisalAction: {
        fixture: (t, actor) => ({ ids: [t.workerId], form: { scheduledFor: addDays(TODAY, 7), appraiserId: actor.role === "manager" ? actor.id : t.manager.id } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" },
      },
      rescheduleAppraisalAction: {
        fixture: async (t) => ({ ids: [t.workerId, await scheduled(t)], form: { scheduledFor: addDays(TODAY, 14), reason: "Clinic cover on the day" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" },
      },
      startAppraisalAction: { fixture: async (t) => ({ ids: [t.workerId, await scheduled(t)], form: {} }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
      saveAppraisalAction: {
        fixture: async (t) => ({ ids: [t.workerId, await startedAppraisal(t)], form: { intent: "save", achievements: "A good year" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" },
      },
      objectivesToPdpAction: {
        fixture: async (t) => {
          const id = await signedAppraisal(t);
          await pdp(t);
          return { ids: [t.workerId, id], form: {} };
        },
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" },
      },
      signOffAppraisalAction: {
        fixture: async (t) => ({ ids: [t.workerId, await awaitingSignOff(t)], form: { workerComments: "Agreed" } }),
        expect: { support_worker: "DNNN", manager: "RRNN", lead: "RRRN", admin: "RRRN" },
      },
      signAsAppraiserAction: {
        fixture: async (t) => ({ ids: [t.workerId, await awaitingSignOff(t)], form: {} }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" },
      },
      returnToManagerAction: {
        fixture: async (t) => ({ ids: [t.workerId, await awaitingSignOff(t)], form: { reason: "Please add the course" } }),
        expect: { support_worker: "DNNN", manager: "RRNN", lead: "RRRN", admin: "RRRN" },
      },
      reopenAppraisalAction: { fixture: async (t) => ({ ids: [t.workerId, await signedAppraisal(t)], form: reason }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
      cancelAppraisalAction: { fixture: async (t) => ({ ids: [t.workerId, await scheduled(t)], form: reason }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
      savePreparationAction: {
        fixture: async (t) => ({ ids: [t.workerId, await scheduled(t)], form: { wentWell: "Ran the drop-in sessions", wellbeing: "Well", intent: "share" } }),
        expect: { support_worker: "DNNN", manager: "NNNN", lead: "NNNN", admin: "NNNN" },
      },
      // The worker or their manager asks a colleague in the worker's team; never a manager on their own record.
      askForFeedbackAction: {
        fixture: async (t) => ({ ids: [t.workerId, await scheduled(t)], form: { inviteeId: await teamColleague(t) } }),
        expect: { support_worker: "DNNN", manager: "RDNN", lead: "NNNN", admin: "NNNN" },
      },
      // Only the colleague asked answers, in their own organisation, never about themselves.
      giveFeedbackAction: {
        fixture: async (t, actor) => ({ ids: [t.workerId, ...(await feedbackAsked(t, actor))], form: { doesWell: "Calm with anxious patients", shownAs: "named" } }),
        expect: { support_worker: "NDDN", manager: "NDDN", lead: "NNNN", admin: "NNNN" },
      },
      declineFeedbackAction: {
        fixture: async (t, actor) => ({ ids: [t.workerId, ...(await feedbackAsked(t, actor))], form: {} }),
        expect: { support_worker: "NDDN", manager: "NDDN", lead: "NNNN", admin: "NNNN" },
      },
    },
  },
  "app/(app)/workers/[id]/apprenticeship/actions.ts": {
    load: load("@/app/(app)/workers/[id]/apprenticeship/actions"),
    actions: {
      startApprenticeshipAction: {
        fixture: (t) => ({
          ids: [t.workerId],
          form: { standardId: t.standardId, provider: "Northbrook College", startDate: addMonths(TODAY, -3), plannedEndDate: addMonths(TODAY, 12), weeklyHours: "37.5", started: "on_programme" },
        }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      changeApprenticeshipStatusAction: {
        fixture: async (t) => ({ ids: [t.workerId, await apprenticeship(t)], form: { to: "break_in_learning", effectiveOn: TODAY, reason: "Illness" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      logOtjAction: {
        fixture: async (t) => ({ ids: [t.workerId, await apprenticeship(t)], form: { activityOn: yesterday, hours: "2", activityType: "Online learning module" } }),
        expect: { support_worker: "DNNN", manager: "DDNN", lead: "RRRR", admin: "DDDN" },
      },
      deleteOtjLogAction: {
        fixture: async (t) => {
          const id = await apprenticeship(t);
          ok(await apprenticeships.logOtj(asWorker(t), t.workerId, id, { activityOn: yesterday, hours: 2, activityType: "Online learning module", note: "" }, TODAY));
          const logId = await otjLogOf(id);
          return { ids: [t.workerId, logId], form: {} };
        },
        expect: { support_worker: "DNNN", manager: "DDNN", lead: "RRRR", admin: "DDDN" },
      },
      recordReviewAction: {
        fixture: async (t) => ({ ids: [t.workerId, await apprenticeship(t)], form: { reviewedOn: yesterday, attendees: "Apprentice and manager", progress: "On track" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      tickGatewayAction: {
        fixture: async (t) => ({ ids: [t.workerId, await atGateway(t), t.requirementId], form: { completedOn: yesterday, evidence: "Certificate seen" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      untickGatewayAction: {
        fixture: async (t) => {
          const id = await atGateway(t);
          ok(await apprenticeships.tickGateway(t.manager, t.workerId, id, t.requirementId, { completedOn: yesterday, evidence: "Certificate seen" }, TODAY));
          return { ids: [t.workerId, id, t.requirementId], form: {} };
        },
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      recordEpaAction: { fixture: async (t) => ({ ids: [t.workerId, await atEpa(t)], form: { result: "pass", resultOn: yesterday } }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" } },
      recordPositionAction: {
        fixture: async (t) => ({ ids: [t.workerId, await passed(t)], form: { effectiveFrom: TODAY, stageId: await seniorStage(), jobTitle: "Senior Therapy Support Worker", positionReason: "Apprenticeship passed" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
    },
  },
  "app/(app)/workers/[id]/competencies/actions.ts": {
    load: load("@/app/(app)/workers/[id]/competencies/actions"),
    actions: {
      selfAssessAction: { fixture: (t) => ({ ids: [t.workerId, t.statementId], form: { confidence: "3", note: "Getting there" } }), expect: { support_worker: "DNNN", manager: "RRNN", lead: "RRRR", admin: "RRRN" } },
      addEvidenceAction: {
        fixture: (t) => ({ ids: [t.workerId, t.statementId], form: { type: "direct_observation", evidenceDate: yesterday, description: "Observed on the ward" } }),
        expect: { support_worker: "DNNN", manager: "DDNN", lead: "RRRR", admin: "DDDN" },
      },
      signOffCompetencyAction: {
        fixture: async (t) => {
          await withEvidence(t);
          return { ids: [t.workerId, t.statementId], form: { ...assessor } };
        },
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RRRN" },
      },
      reopenCompetencyAction: {
        fixture: async (t) => {
          await signedOffCompetency(t);
          return { ids: [t.workerId, t.statementId], form: reason };
        },
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RRRN" },
      },
    },
  },
  "app/(app)/workers/[id]/conversations/actions.ts": {
    load: load("@/app/(app)/workers/[id]/conversations/actions"),
    actions: {
      recordConversationAction: { fixture: (t) => ({ ids: [t.workerId], form: conversationForm }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
      updateConversationAction: { fixture: async (t) => ({ ids: [t.workerId, await conversation(t)], form: { ...conversationForm, optionsDiscussed: "Apprenticeship" } }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
      addStepAction: { fixture: async (t) => ({ ids: [t.workerId, await conversation(t)], form: { description: "Visit the college", dueOn: addMonths(TODAY, 1) } }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
      setStepDoneAction: { fixture: async (t) => ({ ids: [t.workerId, await step(t)], form: { done: "1" } }), expect: { support_worker: "DNNN", manager: "DDNN", lead: "NNNN", admin: "DDDN" } },
      stepToPdpGoalAction: {
        fixture: async (t) => {
          const id = await step(t);
          await pdp(t);
          return { ids: [t.workerId, id], form: {} };
        },
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" },
      },
    },
  },
  "app/(app)/workers/[id]/cpd/actions.ts": {
    load: load("@/app/(app)/workers/[id]/cpd/actions"),
    actions: {
      addCpdAction: { fixture: (t) => ({ ids: [t.workerId], form: cpdForm }), expect: { support_worker: "DNNN", manager: "DDNN", lead: "RRRR", admin: "DDDN" } },
      updateCpdAction: { fixture: async (t) => ({ ids: [t.workerId, await cpdEntry(t)], form: { ...cpdForm, hours: "3" } }), expect: { support_worker: "DNNN", manager: "DDNN", lead: "RRRR", admin: "DDDN" } },
      deleteCpdAction: { fixture: async (t) => ({ ids: [t.workerId, await cpdEntry(t)], form: { confirm: "yes" } }), expect: { support_worker: "DNNN", manager: "DDNN", lead: "RRRR", admin: "DDDN" } },
      requestTrainingAction: { fixture: (t) => ({ ids: [t.workerId], form: { courseTitle: "Makaton", startsOn: addMonths(TODAY, 1), why: "To talk with patients" } }), expect: { support_worker: "DNNN", manager: "DDNN", lead: "RRRR", admin: "DDDN" } },
      withdrawRequestAction: { fixture: async (t) => ({ ids: [t.workerId, await trainingRequest(t)], form: { confirm: "yes" } }), expect: { support_worker: "DNNN", manager: "DDNN", lead: "RRRR", admin: "DDDN" } },
      decideRequestAction: {
        fixture: async (t) => ({ ids: [t.workerId, await trainingRequest(t)], form: { decision: "declined", declineReason: "funding", declineDetail: "No budget this year" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
    },
  },
  "app/(app)/workers/[id]/login/actions.ts": {
    load: load("@/app/(app)/workers/[id]/login/actions"),
    actions: {
      // Every worker here has a login (their record is how they sign in); this one is taken away first, but the actor's own.
      createWorkerLoginAction: {
        fixture: async (t) => {
          if (t.relation === "own") return null;
          await db.update(workers).set({ userId: null }).where(eq(workers.id, t.workerId));
          return { ids: [t.workerId], form: { email: `new.${t.workerId}@test.nhs.uk` } };
        },
        expect: { support_worker: "-NNN", manager: "-DNN", lead: "-NNN", admin: "-DDN" },
      },
      renewWorkerLinkAction: { fixture: (t) => ({ ids: [t.workerId], form: {} }), expect: { support_worker: "NNNN", manager: "DDNN", lead: "NNNN", admin: "DDDN" } },
    },
  },
  "app/(app)/workers/[id]/pdp/actions.ts": {
    load: load("@/app/(app)/workers/[id]/pdp/actions"),
    actions: {
      startPdpAction: {
        fixture: (t) => ({ ids: [t.workerId], form: { periodStart: TODAY, periodEnd: addDays(addMonths(TODAY, 12), -1), nextReviewOn: addMonths(TODAY, 3) } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" },
      },
      agreePdpAction: {
        fixture: async (t) => {
          const goalId = await agreedGoal(t);
          void goalId;
          const current = (await pdps.pdpPage(t.manager, t.workerId))!.current!;
          return { ids: [t.workerId], form: { pdpId: current.id, version: String(current.version) } };
        },
        expect: { support_worker: "DNNN", manager: "RDNN", lead: "RRRN", admin: "RDDN" },
      },
      recordPdpReviewAction: {
        fixture: async (t) => ({ ids: [t.workerId], form: { pdpId: await pdp(t), reviewedOn: TODAY, summary: "Going well", nextReviewOn: addMonths(TODAY, 3) } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" },
      },
      closePdpAction: { fixture: async (t) => ({ ids: [t.workerId], form: { pdpId: await pdp(t), confirm: "yes" } }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
    },
  },
  "app/(app)/workers/[id]/pdp/goals/actions.ts": {
    load: load("@/app/(app)/workers/[id]/pdp/goals/actions"),
    actions: {
      createGoalAction: {
        fixture: async (t) => {
          await pdp(t);
          return { ids: [t.workerId], form: { title: "Learn Makaton", domainIds: [t.domainId] } };
        },
        expect: { support_worker: "DNNN", manager: "RDNN", lead: "RRRN", admin: "RDDN" },
      },
      updateGoalAction: { fixture: async (t) => ({ ids: [t.workerId, await proposedGoal(t)], form: { title: "Learn Makaton well", domainIds: [t.domainId] } }), expect: { support_worker: "RNNN", manager: "RDNN", lead: "RRRN", admin: "RDDN" } },
      agreeGoalAction: { fixture: async (t) => ({ ids: [t.workerId, await proposedGoal(t)], form: {} }), expect: { support_worker: "RNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" } },
      setGoalStatusAction: { fixture: async (t) => ({ ids: [t.workerId, await agreedGoal(t)], form: { status: "in_progress" } }), expect: { support_worker: "DNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" } },
      addActionToGoalAction: { fixture: async (t) => ({ ids: [t.workerId, await agreedGoal(t)], form: { description: "Book the course", owner: "worker" } }), expect: { support_worker: "DNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" } },
      markGoalActionDoneAction: {
        fixture: async (t) => {
          const goalId = await agreedGoal(t);
          ok(await goals.addAction(t.manager, t.workerId, goalId, { description: "Book the course", owner: "worker", dueOn: null }));
          const actionId = (await goals.goalDetail(t.manager, t.workerId, goalId))!.actions[0]!.id;
          return { ids: [t.workerId], form: { actionId, done: "1" } };
        },
        expect: { support_worker: "DNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      addGoalNoteAction: { fixture: async (t) => ({ ids: [t.workerId, await agreedGoal(t)], form: { kind: "progress", body: "Booked" } }), expect: { support_worker: "DNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" } },
      recordBarrierAction: { fixture: async (t) => ({ ids: [t.workerId, await agreedGoal(t)], form: { category: "financial" } }), expect: { support_worker: "DNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" } },
    },
  },
  "app/(app)/workers/[id]/mandatory-training/actions.ts": {
    load: load("@/app/(app)/workers/[id]/mandatory-training/actions"),
    actions: {
      recordCompletionAction: {
        fixture: async (t) => ({ ids: [t.workerId], form: { subjectId: await anySubject(), completedOn: TODAY } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      removeCompletionAction: {
        fixture: async (t) => ({ ids: [t.workerId, await completion(t)], form: { reason: "Recorded against the wrong person" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
    },
  },
  "app/(app)/workers/[id]/supervision/actions.ts": {
    load: load("@/app/(app)/workers/[id]/supervision/actions"),
    actions: {
      recordSessionAction: {
        fixture: (t) => ({ ids: [t.workerId], form: { heldOn: TODAY, type: "clinical", supervisorName: "Priya Shah", summary: "Caseload" } }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      delegateTaskAction: {
        fixture: (t) => ({
          ids: [t.workerId],
          form: {
            task: "Blood pressure",
            delegatedByName: "Priya Shah",
            delegatedByProfession: "Physiotherapist",
            supervisionLevel: "indirect",
            competentSince: addDays(TODAY, -7),
            reviewOn: addMonths(TODAY, 3),
          },
        }),
        expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" },
      },
      reviewTaskAction: { fixture: async (t) => ({ ids: [t.workerId, await delegation(t)], form: { reviewOn: addMonths(TODAY, 4) } }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" } },
      endTaskAction: { fixture: async (t) => ({ ids: [t.workerId, await delegation(t)], form: { reason: "No longer needed" } }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "RRRR", admin: "RDDN" } },
    },
  },
  "app/(app)/workers/actions.ts": {
    load: load("@/app/(app)/workers/actions"),
    actions: {
      // Adding a worker names a team, not a worker: the team's relation to the actor is what counts.
      addWorkerAction: {
        fixture: async (t) => {
          if (t.relation === "own") return null;
          const form = await workerForm(t.workerId);
          return { ids: [], form: { ...form, employeeNumber: `N${++added}`, lineManagerId: "" } };
        },
        expect: { support_worker: "-NNN", manager: "-DRR", lead: "-NNN", admin: "-DDR" },
      },
      saveWorkerAction: { fixture: async (t) => ({ ids: [t.workerId], form: await workerForm(t.workerId) }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
      markLeavingAction: { fixture: (t) => ({ ids: [t.workerId], form: { leftOn: TODAY, reason: "Moved away" } }), expect: { support_worker: "NNNN", manager: "RDNN", lead: "NNNN", admin: "RDDN" } },
    },
  },
  // Organisation records. "own" is the actor's own account; "other" a record of the actor's organisation; "org" one
  // of another organisation; "team" does not apply (an administrator's scope is the organisation).
  "app/(app)/teams/actions.ts": {
    load: load("@/app/(app)/teams/actions"),
    actions: {
      saveTeamAction: { fixture: orgRecord((t) => ({ ids: [t.teamId], form: { name: "Renamed team" } })), expect: adminOnly("--DN") },
      archiveTeamAction: { fixture: orgRecord(async (t) => ({ ids: [await emptyTeam(t)], form: {} })), expect: adminOnly("--DN") },
      restoreTeamAction: {
        fixture: orgRecord(async (t) => {
          const id = await emptyTeam(t);
          ok(await teams.archiveTeam(t.admin, id));
          return { ids: [id], form: {} };
        }),
        expect: adminOnly("--DN"),
      },
    },
  },
  "app/(app)/admin/users/actions.ts": {
    load: load("@/app/(app)/admin/users/actions"),
    actions: {
      changeUserRoleAction: { fixture: account((id) => ({ ids: [id], form: { role: "lead" } })), expect: adminOnly("R-DN") },
      changeUserStatusAction: { fixture: account((id) => ({ ids: [id], form: { status: "disabled" } })), expect: adminOnly("R-DN") },
      issuePasswordLinkAction: { fixture: account((id) => ({ ids: [id], form: {} })), expect: adminOnly("R-DN") },
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------------

const auditRows = async () => (await first(db.select({ n: sql<number>`count(*)` }).from(auditEvents)))!.n;
/**
 * Rows inserted, changed or deleted so far: SQLite's total_changes() for the one connection; on PostgreSQL the shared
 * data version (a step for every statement that writes a table any page reads) with the audit log's rows.
 */
const changes = async () =>
  databaseKind() === "postgres"
    ? (await selectRow<{ n: number }>(sql`select (select n from data_version where id = 1) + (select count(*) from audit_events) as n`))!.n
    : (await selectRow<{ n: number }>(sql`select total_changes() as n`))!.n;

/** An outcome the table can hold, or what went wrong instead. */
type Got = Outcome | "form" | "threw" | "done without an audit row" | "404 after writing" | "refused after writing";

async function outcome(action: (...args: unknown[]) => Promise<unknown>, actor: SessionUser, call: Call): Promise<{ outcome: Got; detail: string }> {
  actAs(actor);
  const before = await auditRows();
  const changedBefore = await changes();
  let state: { ok?: boolean; message?: string; fieldErrors?: Record<string, string> } | undefined;
  let thrown = "";
  try {
    state = (await action(...call.ids, {}, formData(call.form))) as typeof state;
  } catch (e) {
    thrown = e instanceof Error ? e.message : String(e);
  }
  const audited = await auditRows() > before;
  const wrote = await changes() > changedBefore;
  if (NOT_FOUND.test(thrown)) return { outcome: wrote ? "404 after writing" : "N", detail: "" };
  if (thrown === "NEXT_REDIRECT" || state?.ok === true) return { outcome: audited ? "D" : "done without an audit row", detail: "" };
  if (thrown) return { outcome: "threw", detail: thrown.slice(0, 300) };
  if (state?.message === "There is a problem") return { outcome: "form", detail: JSON.stringify(state.fieldErrors) };
  return { outcome: wrote ? "refused after writing" : "R", detail: state?.message ?? "" };
}

// Giving a worker a login issues a set-password link: built on APP_URL, and not emailed (no SMTP here).
let savedEnv: NodeJS.ProcessEnv;
beforeAll(() => {
  savedEnv = { ...process.env };
  process.env.APP_URL = "https://pathways.example.nhs.uk";
  delete process.env.SMTP_HOST;
});
afterAll(() => {
  process.env = savedEnv;
});

/**
 * What names no record of a worker or an organisation, and so has no relation to try, with where its scope is shown.
 * Every non-public export in the matrix is either here or in TABLE.
 */
const NOT_BY_RECORD: Record<string, string> = {
  "app/(app)/admin/apprenticeships/actions.ts": "apprenticeship standards are national reference data, the same for every organisation",
  "app/(app)/admin/frameworks/actions.ts": "the competency framework is national reference data",
  "app/(app)/admin/reference/actions.ts": "professions, roles and bands are national reference data",
  "app/(app)/admin/resources/actions.ts": "the resource hub is shared by every organisation",
  "app/(app)/admin/appraisals/actions.ts": "how feedback is shown is the signed-in administrator's own organisation's setting (tests/appraisal-feedback.test.ts)",
  "app/(app)/admin/scorecard/actions.ts": "the thresholds are the signed-in administrator's own organisation's",
  "app/(app)/admin/mandatory-training/actions.ts": "mandatory training subjects are reference data, like professions and roles",
  "app/(app)/admin/mandatory-training/import/actions.ts": "only the uploader's own check can be confirmed (tests/training-import.test.ts, another administrator's batch)",
  "app/(app)/admin/mandatory-training/import/upload/route.ts": "a new file from the signed-in administrator; its rows are checked against the records they may change",
  "app/(app)/team/actions.ts": "the signed-in manager's own teams (tests/mandatory-training.test.ts: another team's worker and their own record are never reminded)",
  "app/(app)/mandatory-training/export/route.ts": "the workers the signed-in user sees (tests/mandatory-training.test.ts)",
  "app/(app)/admin/audit/csv/route.ts": "the signed-in administrator's own organisation's trail (tests/audit-trail.test.ts)",
  "app/(app)/insights/[measure]/csv/route.ts": "figures for the signed-in user's own scope (tests/insights.test.ts)",
  "app/(app)/insights/barriers/csv/route.ts": "figures for the signed-in user's own scope",
  "app/(app)/insights/barriers/people/csv/route.ts":
    "named people in the signed-in user's own scope, from the filters alone: no record id to try (tests/barriers.test.ts, another team's manager and another organisation's lead get nobody)",
  "app/(app)/insights/csv/route.ts": "figures for the signed-in user's own scope",
  "app/(app)/insights/equity/csv/route.ts": "figures for the signed-in user's own scope (tests/equality.test.ts)",
  "app/(app)/insights/progression/csv/route.ts": "figures for the signed-in user's own scope",
  "app/(app)/insights/progression/people/csv/route.ts":
    "named people in the signed-in user's own scope, from the filters alone: no record id to try (tests/progression.test.ts, another team's manager and another organisation's lead get nobody)",
  "app/(app)/insights/workforce/csv/route.ts": "figures for the signed-in user's own scope",
  "app/(app)/me/equality/actions.ts": "the signed-in support worker's own answers: the session names the record",
  "app/(app)/workers/export/route.ts": "the workers the signed-in user sees (tests/worker-export.test.ts)",
  "app/(app)/workers/import/actions.ts": "only the uploader's own check can be confirmed (tests/worker-import.test.ts, another user's batch)",
  "app/(app)/workers/import/upload/route.ts": "a new file from the signed-in user; its rows are checked against their own scope",
  "app/(app)/admin/users/actions.ts#addUserAction":
    "a new account in the administrator's own organisation; the teams a new manager is given must be its live teams (tests/users.test.ts)",
  "app/(app)/teams/actions.ts#addTeamAction": "a new team in the administrator's own organisation",
  "app/sign-on-again.ts": "the signed-in user's own sign-on",
  "app/stay-signed-in.ts": "the signed-in user's own login session (tests/session-warning.test.ts)",
};

/** Made-up ids in place of the record's, wherever the call names one. */
function withMadeUpIds(call: Call, target: Target): Call {
  const real = new Set([...call.ids, target.workerId, target.teamId]);
  const swap = new Map<string, string>();
  const fake = (v: string) => (real.has(v) ? (swap.get(v) ?? swap.set(v, newId()).get(v)!) : v);
  return {
    ids: call.ids.map(fake),
    form: Object.fromEntries(Object.entries(call.form).map(([k, v]) => [k, Array.isArray(v) ? v.map(fake) : fake(v)])),
  };
}

/** The cells run, by outcome: the figures docs/security.md reports. */
const tally: Record<string, number> = { D: 0, R: 0, N: 0, "-": 0 };
afterAll(() => {
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  if (total > 0) console.info(`authorization by relation: ${total} cells, ${tally.D} done, ${tally.R} refused with a reason, ${tally.N} not found, ${tally["-"]} not applicable`);
});

describe("authorization by relation to the record", () => {
  it("covers every non-public export of the authorization matrix, or says why it names no record", () => {
    const missing: string[] = [];
    for (const [file, names] of Object.entries(MATRIX)) {
      for (const [name, who] of Object.entries(names)) {
        if (who === "public" || NOT_BY_RECORD[file] || NOT_BY_RECORD[`${file}#${name}`] || TABLE[file]?.actions[name]) continue;
        missing.push(`${file}#${name}`);
      }
    }
    expect(missing).toEqual([]);
    // And nothing here that the matrix does not list.
    for (const [file, { actions }] of Object.entries(TABLE)) for (const name of Object.keys(actions)) expect(MATRIX[file]?.[name], `${file}#${name}`).toBeDefined();
  });

  for (const [file, { load, actions }] of Object.entries(TABLE)) {
    for (const [name, { fixture, expect: expected }] of Object.entries(actions)) {
      it(`${file}#${name}`, async () => {
        const action = (await load())[name];
        expect(action, `${name} is exported by ${file}`).toBeTypeOf("function");
        // A role the matrix leaves out is refused at the first check, whatever the record.
        const who = MATRIX[file]![name]!;
        for (const role of ROLES) if (Array.isArray(who) && !who.includes(role)) expect(expected[role], `${role} is not in the matrix for ${name}`).toMatch(/^[N-]+$/);
        const ref = await reference();
        const seen: Record<string, string> = {};
        const details: string[] = [];
        for (const role of ROLES) {
          let row = "";
          for (const relation of RELATIONS) {
            const { actor, target } = await world(ref, role, relation);
            const call = await fixture(target, actor);
            if (call === null) {
              row += "-";
              continue;
            }
            const got = await outcome(action!, actor, call);
            row += got.outcome.length === 1 ? got.outcome : "?";
            if (got.outcome.length > 1 || got.detail) details.push(`${role}/${relation}: ${got.outcome} ${got.detail}`);
            // Refused with a reason for a record of another organisation: the same answer as for no record at all,
            // so the refusal tells nobody the record exists.
            if (relation === "org" && got.outcome === "R") {
              const blind = await outcome(action!, actor, withMadeUpIds(call, target));
              expect(blind, `${name} as ${role} with made-up ids`).toEqual(got);
            }
          }
          seen[role] = row;
        }
        if (process.env.SHOW_RELATIONS) console.info(`${name}: ${JSON.stringify(seen)}\n  ${details.join("\n  ")}`);
        expect(seen, details.join("\n")).toEqual(expected);
        for (const row of Object.values(seen)) for (const cell of row) tally[cell] = (tally[cell] ?? 0) + 1;
      }, 30_000);
    }
  }
});

/** What a tampered page could put in a field: nothing, far too much, control characters and markup, a date that is no date, and the field twice. */
const JUNK: Array<string | string[]> = ["", "x".repeat(100_000), "\u0000\u202e<script>alert(1)</script>\u200b", "9999-99-99", ["1", "2"]];

describe("tampered fields with real records", () => {
  const outcomes = { tried: 0, done: 0, formErrors: 0, refused: 0, notFound: 0 };
  afterAll(() => {
    if (outcomes.tried > 0) {
      console.info(`tampered fields: ${outcomes.tried} tried, ${outcomes.done} saved (a field the form may leave out), ${outcomes.formErrors} got the form's errors, ${outcomes.refused} refused with a reason, ${outcomes.notFound} got 404 (a hidden field naming no record), 0 crashed`);
    }
  });

  for (const [file, { load, actions }] of Object.entries(TABLE)) {
    for (const [name, { fixture, expect: expected }] of Object.entries(actions)) {
      // Sent by someone the table lets do it, to a record they may change: each field in turn holds each junk value.
      const by = (["team", "own", "other"] as const)
        .flatMap((relation) => ROLES.map((role) => ({ role, relation })))
        .find(({ role, relation }) => expected[role][RELATIONS.indexOf(relation)] === "D");
      if (!by) continue;
      it(`${file}#${name} as ${by.role} (${by.relation})`, async () => {
        const action = (await load())[name]!;
        const ref = await reference();
        const fields = Object.keys((await fixture(...(await worldFor(ref, by.role, by.relation))))?.form ?? {});
        for (const field of fields) {
          for (const junk of JUNK) {
            const [target, actor] = await worldFor(ref, by.role, by.relation);
            const call = (await fixture(target, actor))!;
            const got = await outcome(action, actor, { ...call, form: { ...call.form, [field]: junk } });
            const where = `${name} with ${field} = ${JSON.stringify(junk).slice(0, 40)}`;
            outcomes.tried += 1;
            // An unchanged value saves nothing and so audits nothing. A hidden field the page fills (a record's id, the
            // version the signer read) that names no record, or is malformed, was not sent by the page: a 404.
            if (got.outcome === "D" || got.outcome === "done without an audit row") outcomes.done += 1;
            else if (got.outcome === "form") outcomes.formErrors += 1;
            else if (got.outcome === "R") outcomes.refused += 1;
            else if (got.outcome === "N" && /Id$|^version$/.test(field)) outcomes.notFound += 1;
            else expect.fail(`${where}: ${got.outcome} ${got.detail}`);
          }
        }
      }, 60_000);
    }
  }
});

async function worldFor(ref: Ref, role: Role, relation: Relation): Promise<[Target, SessionUser]> {
  const { actor, target } = await world(ref, role, relation);
  return [target, actor];
}
