import "server-only";
// The PDP as a plan: reading a worker's current and earlier PDPs, and starting, agreeing, reviewing and closing one.
// Goals themselves (their pages, actions, notes, status) are db/queries/pdp-goals.ts.
import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, first, one, selectRows } from "../client";
import {
  workers,
  users,
  pdps,
  pdpGoals,
  pdpGoalDomains,
  pdpGoalStatements,
  pdpGoalSupport,
  pdpActions,
  pdpNotes,
  pdpReviews,
  frameworkDomains,
  appraisalObjectives,
  appraisals,
  careerSteps,
  careerConversations,
} from "../schema";
import { visibleWorkers, editableWorkers } from "../access";
import { audit } from "../audit";
import { ownRecordRefused } from "../separation";
import { currentPdpInTx } from "./pdp-intake";
import type { SessionUser } from "../../lib/session-user";
import type { ActionOwner, GoalStatus, NoteKind, PdpStatus, SupportKind } from "../../lib/vocabulary";
import { todayInLondon, now as clockNow } from "../../lib/rules/dates";
import {
  carriedOverStatus,
  closedPdpMessage,
  defaultPdpPeriod,
  isUnfinished,
  nextPeriodStart,
  pdpPeriodProblem,
  pdpReviewProblem,
  UNFINISHED_GOAL_STATUSES,
} from "../../lib/rules/pdp";
import { workerRecordHeader } from "./workers";
import { type Refusal, type Result } from "../result";
import type { Signature } from "../../lib/rules/signature";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** `alreadyAgreed`: the worker had agreed this version before, so nothing changed (agreePdp only). */
export type PdpChangeResult = Result<{ workerId: string; pdpId: string; message: string; alreadyAgreed?: boolean; nextPdpId?: string }>;

const NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "PDP not found" };
const LEAD_REFUSAL: Refusal = { ok: false, code: "read_only", message: "Leads can read PDPs but not change them" };

const managerAgreedBy = alias(users, "manager_agreed_by");
const reviewer = alias(users, "reviewer");

/** The worker as the PDP pages head them, if the user may see them. */
async function workerHeader(user: SessionUser, workerId: string) {
  const worker = await workerRecordHeader(user, workerId);
  // Nobody manages their own plan (db/separation.ts).
  return worker && { ...worker, canManage: worker.editable && worker.userId !== user.id };
}

export type PdpWorker = NonNullable<Awaited<ReturnType<typeof workerHeader>>> & { isOwn: boolean };

export type PdpGoalView = {
  id: string;
  title: string;
  why: string;
  successMeasure: string;
  targetDate: string | null;
  status: GoalStatus;
  statusReason: string | null;
  proposedBy: ActionOwner;
  agreedAt: Date | null;
  domains: { number: number; title: string }[];
  support: SupportKind[];
  openActions: number;
  nextActionDue: string | null;
  lastNoteAt: Date | null;
  source: { kind: "objective"; title: string; appraisalId: string; heldOn: string | null } | { kind: "career_step"; description: string; conversationId: string; heldOn: string } | null;
  actions: { id: string; description: string; owner: ActionOwner; dueOn: string | null; doneOn: string | null }[];
  /** The latest notes, newest first (at most three a goal). */
  notes: { id: string; kind: NoteKind; body: string; createdAt: Date; authorName: string | null }[];
};

export type PdpView = {
  id: string;
  workerId: string;
  periodStart: string;
  periodEnd: string;
  status: PdpStatus;
  version: number;
  workerAgreedAt: Date | null;
  managerAgreedAt: Date | null;
  managerAgreedByName: string | null;
  nextReviewOn: string | null;
  closedAt: Date | null;
  goals: PdpGoalView[];
  reviews: { id: string; reviewedOn: string; summary: string; nextReviewOn: string | null; reviewerName: string | null }[];
};

const NOTES_PER_GOAL = 3;

/** One PDP of a worker the caller has already been allowed to see, with its goals and reviews. */
async function loadPdp(workerId: string, pdpWhere: SQL): Promise<PdpView | undefined> {
  const pdp = await first(db
    .select({
      id: pdps.id,
      workerId: pdps.workerId,
      periodStart: pdps.periodStart,
      periodEnd: pdps.periodEnd,
      status: pdps.status,
      version: pdps.version,
      workerAgreedAt: pdps.workerAgreedAt,
      managerAgreedAt: pdps.managerAgreedAt,
      managerAgreedByName: managerAgreedBy.name,
      nextReviewOn: pdps.nextReviewOn,
      closedAt: pdps.closedAt,
    })
    .from(pdps)
    .leftJoin(managerAgreedBy, eq(managerAgreedBy.id, pdps.managerAgreedBy))
    .where(and(eq(pdps.workerId, workerId), pdpWhere)));
  if (!pdp) return undefined;

  const goalRows = await db
    .select({
      id: pdpGoals.id,
      title: pdpGoals.title,
      why: pdpGoals.why,
      successMeasure: pdpGoals.successMeasure,
      targetDate: pdpGoals.targetDate,
      status: pdpGoals.status,
      statusReason: pdpGoals.statusReason,
      proposedBy: pdpGoals.proposedBy,
      agreedAt: pdpGoals.agreedAt,
      objectiveTitle: appraisalObjectives.title,
      appraisalId: appraisals.id,
      appraisalHeldOn: appraisals.heldOn,
      stepDescription: careerSteps.description,
      conversationId: careerConversations.id,
      conversationHeldOn: careerConversations.heldOn,
      openActions: sql<number>`(select count(*) from ${pdpActions} where ${pdpActions.goalId} = ${pdpGoals.id} and ${pdpActions.doneOn} is null)`,
      nextActionDue: sql<string | null>`(select min(${pdpActions.dueOn}) from ${pdpActions} where ${pdpActions.goalId} = ${pdpGoals.id} and ${pdpActions.doneOn} is null)`,
      lastNoteAt: sql<number | null>`(select max(${pdpNotes.createdAt}) from ${pdpNotes} where ${pdpNotes.goalId} = ${pdpGoals.id})`,
    })
    .from(pdpGoals)
    .leftJoin(appraisalObjectives, eq(appraisalObjectives.id, pdpGoals.sourceObjectiveId))
    .leftJoin(appraisals, eq(appraisals.id, appraisalObjectives.appraisalId))
    .leftJoin(careerSteps, eq(careerSteps.id, pdpGoals.sourceStepId))
    .leftJoin(careerConversations, eq(careerConversations.id, careerSteps.conversationId))
    .where(eq(pdpGoals.pdpId, pdp.id))
    .orderBy(asc(pdpGoals.sort), asc(pdpGoals.createdAt));
  const goalIds = goalRows.map((g) => g.id);

  const byGoal = <T extends { goalId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) (map.get(r.goalId) ?? map.set(r.goalId, []).get(r.goalId)!).push(r);
    return map;
  };
  const domains = goalIds.length
    ? byGoal(
        await db
          .select({ goalId: pdpGoalDomains.goalId, number: frameworkDomains.number, title: frameworkDomains.title })
          .from(pdpGoalDomains)
          .innerJoin(frameworkDomains, eq(frameworkDomains.id, pdpGoalDomains.domainId))
          .where(inArray(pdpGoalDomains.goalId, goalIds))
          .orderBy(asc(frameworkDomains.number)),
      )
    : new Map();
  const support = goalIds.length
    ? byGoal(await db.select().from(pdpGoalSupport).where(inArray(pdpGoalSupport.goalId, goalIds)))
    : new Map<string, { goalId: string; kind: SupportKind }[]>();
  const actions = goalIds.length
    ? byGoal(
        await db
          .select({
            goalId: pdpActions.goalId,
            id: pdpActions.id,
            description: pdpActions.description,
            owner: pdpActions.owner,
            dueOn: pdpActions.dueOn,
            doneOn: pdpActions.doneOn,
          })
          .from(pdpActions)
          .where(inArray(pdpActions.goalId, goalIds))
          .orderBy(sql`${pdpActions.doneOn} is not null`, sql`coalesce(${pdpActions.dueOn}, '9999-12-31')`, asc(pdpActions.createdAt)),
      )
    : new Map();
  // The latest few notes per goal, ranked in SQL so a goal with hundreds of notes costs no more than one with three.
  const notes = goalIds.length
    ? byGoal(
        (
          await selectRows<{ goalId: string; id: string; kind: NoteKind; body: string; createdAt: number; authorName: string | null }>(
            sql`select goal_id as "goalId", id, kind, body, created_at as "createdAt", author_name as "authorName" from (
                  select ${pdpNotes.goalId} as goal_id, ${pdpNotes.id} as id, ${pdpNotes.kind} as kind, ${pdpNotes.body} as body,
                    ${pdpNotes.createdAt} as created_at, ${users.name} as author_name,
                    row_number() over (partition by ${pdpNotes.goalId} order by ${pdpNotes.createdAt} desc) as n
                  from ${pdpNotes} left join ${users} on ${users.id} = ${pdpNotes.authorId}
                  where ${inArray(pdpNotes.goalId, goalIds)}) ranked
                where n <= ${NOTES_PER_GOAL} order by created_at desc`,
          )
        ).map((n) => ({ ...n, createdAt: new Date(n.createdAt) })),
      )
    : new Map();

  const goals: PdpGoalView[] = goalRows.map((g) => ({
    id: g.id,
    title: g.title,
    why: g.why,
    successMeasure: g.successMeasure,
    targetDate: g.targetDate,
    status: g.status,
    statusReason: g.statusReason,
    proposedBy: g.proposedBy,
    agreedAt: g.agreedAt,
    domains: (domains.get(g.id) ?? []).map(({ number, title }: { number: number; title: string }) => ({ number, title })),
    support: (support.get(g.id) ?? []).map((s: { kind: SupportKind }) => s.kind),
    openActions: g.openActions,
    nextActionDue: g.nextActionDue,
    lastNoteAt: g.lastNoteAt === null ? null : new Date(g.lastNoteAt),
    source:
      g.objectiveTitle !== null && g.appraisalId !== null
        ? { kind: "objective", title: g.objectiveTitle, appraisalId: g.appraisalId, heldOn: g.appraisalHeldOn }
        : g.stepDescription !== null && g.conversationId !== null && g.conversationHeldOn !== null
          ? { kind: "career_step", description: g.stepDescription, conversationId: g.conversationId, heldOn: g.conversationHeldOn }
          : null,
    actions: (actions.get(g.id) ?? []).map(({ goalId: _g, ...a }: PdpGoalView["actions"][number] & { goalId: string }) => a),
    notes: (notes.get(g.id) ?? []).map(({ goalId: _g, ...n }: PdpGoalView["notes"][number] & { goalId: string }) => n),
  }));

  const reviews = await db
    .select({
      id: pdpReviews.id,
      reviewedOn: pdpReviews.reviewedOn,
      summary: pdpReviews.summary,
      nextReviewOn: pdpReviews.nextReviewOn,
      reviewerName: reviewer.name,
    })
    .from(pdpReviews)
    .leftJoin(reviewer, eq(reviewer.id, pdpReviews.reviewerId))
    .where(eq(pdpReviews.pdpId, pdp.id))
    .orderBy(desc(pdpReviews.reviewedOn), desc(pdpReviews.createdAt));

  return { ...pdp, goals, reviews };
}

async function earlierPdps(workerId: string) {
  return await db
    .select({
      id: pdps.id,
      periodStart: pdps.periodStart,
      periodEnd: pdps.periodEnd,
      version: pdps.version,
      closedAt: pdps.closedAt,
      goals: sql<number>`(select count(*) from ${pdpGoals} where ${pdpGoals.pdpId} = ${pdps.id})`,
      achieved: sql<number>`(select count(*) from ${pdpGoals} where ${pdpGoals.pdpId} = ${pdps.id} and ${pdpGoals.status} = 'achieved')`,
    })
    .from(pdps)
    // The join is not needed for the rows: with a single table, drizzle leaves columns unqualified and the
    // subqueries' "id" would mean pdp_goals.id. Joining makes it write "pdps"."id".
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .where(and(eq(pdps.workerId, workerId), eq(pdps.status, "closed")))
    .orderBy(desc(pdps.periodStart));
}

/**
 * The PDP page: the worker, their current PDP (or null) and their earlier, closed ones. Undefined when the user may
 * not see the worker (the page answers 404).
 */
export async function pdpPage(user: SessionUser, workerId: string) {
  const worker = await workerHeader(user, workerId);
  if (!worker) return undefined;
  return {
    worker: { ...worker, isOwn: worker.userId === user.id },
    current: await loadPdp(workerId, ne(pdps.status, "closed")) ?? null,
    earlier: await earlierPdps(workerId),
  };
}

export type PdpPage = NonNullable<Awaited<ReturnType<typeof pdpPage>>>;

/** Any PDP of the worker, current or closed, for its own page and the print view. Undefined when not theirs or not visible. */
export async function pdpById(user: SessionUser, workerId: string, pdpId: string) {
  const worker = await workerHeader(user, workerId);
  if (!worker) return undefined;
  const pdp = await loadPdp(workerId, eq(pdps.id, pdpId));
  if (!pdp) return undefined;
  return { worker: { ...worker, isOwn: worker.userId === user.id }, pdp };
}

/* ---------------------------------------------- changes */

type Gate = { worker: { id: string; firstName: string; lastName: string; status: "in_post" | "left" }; as: "manager" | "worker" };

/**
 * Who may change this worker's PDP, and as whom: a manager of the worker or an admin as "manager"; the worker
 * themself as "worker" where `workerMay`. Someone who may not see the worker gets "not found"; a lead, a refusal.
 */
async function gate(tx: Tx, user: SessionUser, workerId: string, workerMay: boolean): Promise<Gate | Refusal> {
  const worker = await first(tx
    .select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName, status: workers.status, userId: workers.userId })
    .from(workers)
    .where(and(eq(workers.id, workerId), visibleWorkers(user))));
  if (!worker) return NOT_FOUND;
  if (user.role === "lead") return LEAD_REFUSAL;
  if (user.role === "support_worker") {
    if (worker.userId !== user.id) return NOT_FOUND;
    if (!workerMay) return { ok: false, code: "read_only", message: "Only your manager can do this" };
    return { worker, as: "worker" };
  }
  // A manager or an administrator never manages or agrees their own plan as its manager (db/separation.ts).
  if (worker.userId === user.id) return ownRecordRefused("pdpManagement");
  const editable = await first(tx.select({ id: workers.id }).from(workers).where(and(eq(workers.id, workerId), editableWorkers(user))));
  if (!editable) return NOT_FOUND;
  return { worker, as: "manager" };
}

const isRefusal = (g: Gate | Refusal | PdpRow): g is Refusal => "ok" in g && g.ok === false;

type PdpRow = typeof pdps.$inferSelect;

/** The worker's PDP by id, still open to change: a closed one is refused with the date it closed. */
async function openPdp(tx: Tx, workerId: string, pdpId: string): Promise<PdpRow | Refusal> {
  const pdp = await first(tx
    .select()
    .from(pdps)
    .where(and(eq(pdps.id, pdpId), eq(pdps.workerId, workerId))));
  if (!pdp) return NOT_FOUND;
  if (pdp.status === "closed") return { ok: false, code: "read_only", message: closedPdpMessage(todayInLondon(pdp.closedAt ?? clockNow())) };
  return pdp;
}

const nameOf = (w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`;

/** A manager (or admin) starts a worker's PDP; refused while they have a current one. */
export async function startPdp(
  user: SessionUser,
  workerId: string,
  f: { periodStart: string; periodEnd: string; nextReviewOn: string },
): Promise<PdpChangeResult> {
  return await db.transaction(async (tx) => {
    const g = await gate(tx, user, workerId, false);
    if (isRefusal(g)) return g;
    if (g.worker.status === "left") return { ok: false, code: "read_only", message: `${nameOf(g.worker)} has left, so no new PDP can be started` };
    const current = await currentPdpInTx(tx, workerId);
    if (current) return { ok: false, code: "conflict", message: `${nameOf(g.worker)} already has a current PDP. Close it before starting another.` };
    const problem = pdpPeriodProblem(f);
    if (problem) return { ok: false, code: "invalid", ...problem };
    const pdp = await one(tx
      .insert(pdps)
      .values({ workerId, periodStart: f.periodStart, periodEnd: f.periodEnd, nextReviewOn: f.nextReviewOn, status: "draft", createdBy: user.id })
      .returning({ id: pdps.id }));
    await audit(tx, user, { action: "pdp.created", entityType: "pdp", entityId: pdp.id, workerId, summary: { ...f } });
    return { ok: true, workerId, pdpId: pdp.id, message: "PDP started. Add goals, then agree it together." };
  }, { behavior: "immediate" });
}

/**
 * Agrees the current version of a PDP: the worker for their own, or a manager (who also agrees any goals still
 * waiting). When both have agreed, a draft becomes active. Agreeing again is harmless. Agreeing is a signature: the
 * audit row records how the signer proved it was them.
 */
export async function agreePdp(user: SessionUser, workerId: string, pdpId: string, signature: Signature, seenVersion?: number): Promise<PdpChangeResult> {
  return await db.transaction(async (tx) => {
    const g = await gate(tx, user, workerId, true);
    if (isRefusal(g)) return g;
    const pdp = await openPdp(tx, workerId, pdpId);
    if (isRefusal(pdp)) return pdp;
    if (seenVersion !== undefined && seenVersion !== pdp.version) {
      return { ok: false, code: "conflict", message: `The plan has changed since you opened it (it is now version ${pdp.version}). Read it again, then agree it.` };
    }
    const goalCount = (await first(tx.select({ n: sql<number>`count(*)` }).from(pdpGoals).where(eq(pdpGoals.pdpId, pdp.id))))?.n ?? 0;
    if (goalCount === 0) return { ok: false, code: "invalid", message: "Add at least one goal before agreeing this plan" };

    const now = clockNow();
    const mine = g.as === "worker" ? pdp.workerAgreedAt : pdp.managerAgreedAt;
    if (mine) return { ok: true, workerId, pdpId: pdp.id, alreadyAgreed: true, message: `You have already agreed version ${pdp.version} of this plan` };

    const change: Partial<PdpRow> =
      g.as === "worker" ? { workerAgreedAt: now } : { managerAgreedAt: now, managerAgreedBy: user.id };
    const workerAgreedAt = change.workerAgreedAt ?? pdp.workerAgreedAt;
    const managerAgreedAt = change.managerAgreedAt ?? pdp.managerAgreedAt;
    const bothAgreed = workerAgreedAt !== null && managerAgreedAt !== null;
    if (bothAgreed) change.status = "active";
    await tx.update(pdps).set(change).where(eq(pdps.id, pdp.id));

    if (g.as === "manager") {
      const pending = await tx
        .update(pdpGoals)
        .set({ agreedAt: now })
        .where(and(eq(pdpGoals.pdpId, pdp.id), isNull(pdpGoals.agreedAt)))
        .returning({ id: pdpGoals.id, title: pdpGoals.title });
      for (const goal of pending) {
        await audit(tx, user, { action: "pdp_goal.agreed", entityType: "pdp_goal", entityId: goal.id, workerId, summary: { pdpId: pdp.id, title: goal.title } });
      }
    }
    await audit(tx, user, {
      action: "pdp.agreed",
      entityType: "pdp",
      entityId: pdp.id,
      workerId,
      summary: { by: g.as, version: pdp.version, bothAgreed, status: bothAgreed ? "active" : pdp.status, reauthenticated: signature.reauthenticated },
    });
    return {
      ok: true,
      workerId,
      pdpId: pdp.id,
      message: bothAgreed ? `Plan agreed. Version ${pdp.version} is agreed by you both.` : `Plan agreed. Waiting for ${g.as === "worker" ? "your manager" : nameOf(g.worker)} to agree it too.`,
    };
  });
}

/** A manager records a review that took place; its next review date becomes the PDP's. */
export async function recordPdpReview(
  user: SessionUser,
  workerId: string,
  pdpId: string,
  f: { reviewedOn: string; summary: string; nextReviewOn: string },
  today = todayInLondon(),
): Promise<PdpChangeResult> {
  return await db.transaction(async (tx) => {
    const g = await gate(tx, user, workerId, false);
    if (isRefusal(g)) return g;
    const pdp = await openPdp(tx, workerId, pdpId);
    if (isRefusal(pdp)) return pdp;
    const problem = pdpReviewProblem(f, pdp, today);
    if (problem) return { ok: false, code: "invalid", ...problem };
    const review = await one(tx
      .insert(pdpReviews)
      .values({ pdpId: pdp.id, reviewedOn: f.reviewedOn, summary: f.summary, nextReviewOn: f.nextReviewOn, reviewerId: user.id })
      .returning({ id: pdpReviews.id }));
    await tx.update(pdps).set({ nextReviewOn: f.nextReviewOn }).where(eq(pdps.id, pdp.id));
    await audit(tx, user, {
      action: "pdp.reviewed",
      entityType: "pdp_review",
      entityId: review.id,
      workerId,
      summary: { pdpId: pdp.id, reviewedOn: f.reviewedOn, nextReviewOn: f.nextReviewOn },
    });
    return { ok: true, workerId, pdpId: pdp.id, message: "Review recorded" };
  });
}

/**
 * A manager closes the current PDP. With carry-over, the next PDP starts (the day after this period ends, or today
 * if later) as a draft holding copies of the unfinished goals, agreed by the manager, with their domains,
 * competency statements and support.
 */
export async function closePdp(
  user: SessionUser,
  workerId: string,
  pdpId: string,
  f: { carryOver: boolean },
  today = todayInLondon(),
): Promise<PdpChangeResult & { nextPdpId?: string; carried?: number }> {
  return await db.transaction(async (tx) => {
    const g = await gate(tx, user, workerId, false);
    if (isRefusal(g)) return g;
    const pdp = await openPdp(tx, workerId, pdpId);
    if (isRefusal(pdp)) return pdp;
    const carryOver = f.carryOver && g.worker.status === "in_post";
    const now = clockNow();
    await tx.update(pdps).set({ status: "closed", closedAt: now, nextReviewOn: null }).where(eq(pdps.id, pdp.id));
    await audit(tx, user, { action: "pdp.closed", entityType: "pdp", entityId: pdp.id, workerId, summary: { version: pdp.version, carryOver } });
    if (!carryOver) return { ok: true, workerId, pdpId: pdp.id, message: "PDP closed. It stays readable under earlier PDPs." };

    const period = defaultPdpPeriod(nextPeriodStart(pdp.periodEnd, today));
    const next = await one(tx
      .insert(pdps)
      .values({ workerId, ...period, status: "draft", createdBy: user.id })
      .returning({ id: pdps.id }));
    await audit(tx, user, { action: "pdp.created", entityType: "pdp", entityId: next.id, workerId, summary: { ...period, carriedOverFrom: pdp.id } });

    const unfinished = await tx
      .select()
      .from(pdpGoals)
      .where(and(eq(pdpGoals.pdpId, pdp.id), inArray(pdpGoals.status, [...UNFINISHED_GOAL_STATUSES])))
      .orderBy(asc(pdpGoals.sort), asc(pdpGoals.createdAt));
    let sort = 0;
    for (const old of unfinished) {
      if (!isUnfinished(old.status)) continue;
      const goal = await one(tx
        .insert(pdpGoals)
        .values({
          pdpId: next.id,
          title: old.title,
          why: old.why,
          successMeasure: old.successMeasure,
          // A target already past belongs to the old plan; the manager sets a new one.
          targetDate: old.targetDate && old.targetDate >= period.periodStart ? old.targetDate : null,
          status: carriedOverStatus(old.status as (typeof UNFINISHED_GOAL_STATUSES)[number]),
          proposedBy: old.proposedBy,
          agreedAt: now,
          sourceObjectiveId: old.sourceObjectiveId,
          sourceStepId: old.sourceStepId,
          sort: sort++,
          createdBy: user.id,
        })
        .returning({ id: pdpGoals.id }));
      const domains = await tx.select({ domainId: pdpGoalDomains.domainId }).from(pdpGoalDomains).where(eq(pdpGoalDomains.goalId, old.id));
      if (domains.length) await tx.insert(pdpGoalDomains).values(domains.map((d) => ({ goalId: goal.id, domainId: d.domainId })));
      const statements = await tx.select({ statementId: pdpGoalStatements.statementId }).from(pdpGoalStatements).where(eq(pdpGoalStatements.goalId, old.id));
      if (statements.length) await tx.insert(pdpGoalStatements).values(statements.map((s) => ({ goalId: goal.id, statementId: s.statementId })));
      const support = await tx.select({ kind: pdpGoalSupport.kind }).from(pdpGoalSupport).where(eq(pdpGoalSupport.goalId, old.id));
      if (support.length) await tx.insert(pdpGoalSupport).values(support.map((s) => ({ goalId: goal.id, kind: s.kind })));
      await audit(tx, user, {
        action: "pdp_goal.created",
        entityType: "pdp_goal",
        entityId: goal.id,
        workerId,
        summary: { pdpId: next.id, title: old.title, carriedOverFrom: old.id },
      });
    }
    return {
      ok: true,
      workerId,
      pdpId: next.id,
      nextPdpId: next.id,
      carried: unfinished.length,
      message: `PDP closed. A new draft PDP has started with ${unfinished.length} unfinished ${unfinished.length === 1 ? "goal" : "goals"} carried over.`,
    };
  }, { behavior: "immediate" });
}
