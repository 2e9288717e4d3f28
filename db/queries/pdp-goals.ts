import "server-only";
// A PDP goal and what is recorded under it: SMART fields, framework domains and statements, the support it needs,
// actions, progress notes and reflections, barriers met, and its status. The worker proposes goals and records
// progress; the manager agrees, edits and closes goals; a lead reads. Every change is one transaction with its audit.
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { insertionOrder } from "../dialect";
import { alias } from "drizzle-orm/sqlite-core";
import { db, first, one } from "../client";
import {
  workers,
  teams,
  stages,
  users,
  pdps,
  pdpGoals,
  pdpGoalDomains,
  pdpGoalStatements,
  pdpGoalSupport,
  pdpActions,
  pdpNotes,
  barriers,
  frameworks,
  frameworkVersions,
  frameworkDomains,
  competencyStatements,
} from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { audit } from "../audit";
import { ownRecordRefused, refuseOwnRecord } from "../separation";
import { addGoalsToCurrentPdp, currentPdpInTx, markPlanChanged } from "./pdp-intake";
import { workerFrameworkStageSql } from "./competencies";
import { assessedFrameworkKey } from "./assessed-framework";
import { ownFor } from "./workers";
import type { FrameworkStage } from "../../lib/vocabulary";
import type { SessionUser } from "../../lib/session-user";
import type { GoalFields, GoalStatusFields, ActionFields, NoteFields, BarrierFields } from "../../lib/forms/pdp-goal";
import {
  checkGoalStatus,
  goalActor,
  isPlanChange,
  CLOSED_PDP_MESSAGE,
  LEAD_MESSAGE,
  type GoalActor,
} from "../../lib/rules/pdp-goals";
import { formatDate, now as clockNow } from "../../lib/rules/dates";
import { type Refusal, type Result } from "../result";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type GoalResult = Result<{ workerId: string; goalId: string }>;

const GOAL_NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Goal not found" };
const WORKER_NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Worker not found" };
const LEFT: Refusal = { ok: false, code: "read_only", message: "This worker has left. Their record can no longer be changed." };

/**
 * Whose records a user may change here: managers and admins those they may edit; a support worker only their own
 * (visibleWorkers gives a support worker exactly that). Leads change nothing.
 */
function changeableWorkers(user: SessionUser) {
  return user.role === "support_worker" ? visibleWorkers(user) : editableWorkers(user);
}

/* ---------------------------------------------------------------- reading */

const recorder = alias(users, "recorder");

/** One goal of a worker the user may see, with everything under it; undefined unless the goal is that worker's. */
export async function goalDetail(user: SessionUser, workerId: string, goalId: string) {
  const row = await first(db
    .select({
      goal: pdpGoals,
      pdp: {
        id: pdps.id,
        status: pdps.status,
        periodStart: pdps.periodStart,
        periodEnd: pdps.periodEnd,
        version: pdps.version,
      },
      workerUserId: workers.userId,
      workerStatus: workers.status,
    })
    .from(pdpGoals)
    .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .where(and(eq(pdpGoals.id, goalId), eq(workers.id, workerId), visibleWorkers(user))));
  if (!row) return undefined;

  const domains = await db
    .select({ id: frameworkDomains.id, number: frameworkDomains.number, title: frameworkDomains.title })
    .from(pdpGoalDomains)
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, pdpGoalDomains.domainId))
    .where(eq(pdpGoalDomains.goalId, goalId))
    .orderBy(asc(frameworkDomains.number));
  const statements = await db
    .select({
      id: competencyStatements.id,
      domainId: competencyStatements.domainId,
      number: competencyStatements.number,
      stage: competencyStatements.stage,
      text: competencyStatements.text,
    })
    .from(pdpGoalStatements)
    .innerJoin(competencyStatements, eq(competencyStatements.id, pdpGoalStatements.statementId))
    .where(eq(pdpGoalStatements.goalId, goalId))
    .orderBy(asc(competencyStatements.sort), asc(competencyStatements.number));
  const support = (await db
    .select({ kind: pdpGoalSupport.kind })
    .from(pdpGoalSupport)
    .where(eq(pdpGoalSupport.goalId, goalId)))
    .map((s) => s.kind);
  const actions = await db
    .select({ id: pdpActions.id, description: pdpActions.description, owner: pdpActions.owner, dueOn: pdpActions.dueOn, doneOn: pdpActions.doneOn })
    .from(pdpActions)
    .where(eq(pdpActions.goalId, goalId))
    .orderBy(sql`${pdpActions.doneOn} is not null`, sql`coalesce(${pdpActions.dueOn}, '9999-12-31')`, asc(pdpActions.createdAt));
  const notes = await db
    .select({ id: pdpNotes.id, kind: pdpNotes.kind, body: pdpNotes.body, createdAt: pdpNotes.createdAt, authorName: users.name })
    .from(pdpNotes)
    .leftJoin(users, eq(users.id, pdpNotes.authorId))
    .where(eq(pdpNotes.goalId, goalId))
    .orderBy(desc(pdpNotes.createdAt), desc(insertionOrder(pdpNotes)));
  const goalBarriers = await db
    .select({
      id: barriers.id,
      category: barriers.category,
      detail: barriers.detail,
      recordedOn: barriers.recordedOn,
      recordedByName: recorder.name,
    })
    .from(barriers)
    .leftJoin(recorder, eq(recorder.id, barriers.recordedBy))
    .where(and(eq(barriers.goalId, goalId), eq(barriers.workerId, workerId)))
    .orderBy(desc(barriers.recordedOn), desc(barriers.createdAt));

  const actor: GoalActor | null =
    row.workerStatus === "left" || row.pdp.status === "closed" ? null : goalActor(user.role, row.workerUserId === user.id);
  return { ...row.goal, pdp: row.pdp, domains, statements, support, actions, notes, barriers: goalBarriers, actor };
}

export type GoalDetail = NonNullable<Awaited<ReturnType<typeof goalDetail>>>;

async function publishedVersionId(tx: Tx | typeof db) {
  return (await first(tx
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(frameworks.key, await assessedFrameworkKey(tx)), eq(frameworkVersions.status, "published")))
    .orderBy(desc(frameworkVersions.version))))?.id;
}

/** The statements a worker may tie a goal to: their stage's, in the published version, including bespoke ones for their profession or team. */
async function statementsForWorker(tx: Tx | typeof db, versionId: string, worker: { frameworkStage: string | null; professionId: string; teamId: string }) {
  if (!worker.frameworkStage) return [];
  return await tx
    .select({ id: competencyStatements.id, domainId: competencyStatements.domainId, number: competencyStatements.number, text: competencyStatements.text })
    .from(competencyStatements)
    .where(
      and(
        eq(competencyStatements.versionId, versionId),
        eq(competencyStatements.stage, worker.frameworkStage as "entry"),
        isNull(competencyStatements.retiredAt),
        or(isNull(competencyStatements.professionId), eq(competencyStatements.professionId, worker.professionId)),
        or(isNull(competencyStatements.teamId), eq(competencyStatements.teamId, worker.teamId)),
      ),
    )
    .orderBy(asc(competencyStatements.sort), asc(competencyStatements.number));
}

/**
 * The framework stage whose statements a goal may name: the one the worker holds, or for a trainee or apprentice who
 * holds none yet, the one they work towards (frameworkStagesFor in lib/rules/competencies.ts).
 */
async function goalStage(tx: Tx | typeof db) {
  return sql<FrameworkStage | null>`coalesce(${await workerFrameworkStageSql("current", tx)}, ${await workerFrameworkStageSql("next", tx)})`;
}

async function workerForGoals(tx: Tx | typeof db, where: ReturnType<typeof visibleWorkers>, workerId: string) {
  return await first(tx
    .select({
      id: workers.id,
      status: workers.status,
      userId: workers.userId,
      professionId: workers.professionId,
      teamId: workers.teamId,
      frameworkStage: await goalStage(tx),
    })
    .from(workers)
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .where(and(eq(workers.id, workerId), where)));
}

/**
 * What the goal form offers for a worker the user may see: the framework's domains, the statements for the
 * worker's stage grouped by domain, and the PDP a new goal would go into. Undefined when the worker is not visible.
 */
export async function goalFormOptions(user: SessionUser, workerId: string) {
  const worker = await workerForGoals(db, visibleWorkers(user), workerId);
  if (!worker) return undefined;
  const versionId = await publishedVersionId(db);
  const domains = versionId
    ? await db
        .select({ id: frameworkDomains.id, number: frameworkDomains.number, title: frameworkDomains.title })
        .from(frameworkDomains)
        .where(eq(frameworkDomains.versionId, versionId))
        .orderBy(asc(frameworkDomains.number))
    : [];
  const statements = versionId ? await statementsForWorker(db, versionId, worker) : [];
  const byDomain = new Map<string, { id: string; number: string; text: string }[]>();
  for (const s of statements) {
    const list = byDomain.get(s.domainId) ?? [];
    list.push({ id: s.id, number: s.number, text: s.text });
    byDomain.set(s.domainId, list);
  }
  const current = await first(db
    .select({ id: pdps.id, status: pdps.status, periodStart: pdps.periodStart, periodEnd: pdps.periodEnd })
    .from(pdps)
    .where(and(eq(pdps.workerId, workerId), ne(pdps.status, "closed"))));
  const hasClosed = !current && !!await first(db.select({ id: pdps.id }).from(pdps).where(eq(pdps.workerId, workerId)));
  return {
    frameworkStage: worker.frameworkStage,
    domains: domains.map((d) => ({ ...d, statements: byDomain.get(d.id) ?? [] })),
    currentPdp: current ?? null,
    /** The worker has only closed PDPs: a new goal needs a new PDP first. */
    onlyClosed: hasClosed,
    workerLeft: worker.status === "left",
    actor: worker.status === "left" ? null : goalActor(user.role, worker.userId === user.id),
  };
}

export type GoalFormOptions = NonNullable<Awaited<ReturnType<typeof goalFormOptions>>>;

/* ---------------------------------------------------------------- shared checks */

/**
 * Checks the chosen domains and statements: domains of the published framework, statements of the worker's stage
 * in it (or ones the goal already has, so an edit never forces dropping a link). A statement's domain is added to
 * the goal's domains if it was not ticked. Returns the domain and statement ids to store.
 */
async function checkFrameworkChoices(
  tx: Tx,
  worker: NonNullable<Awaited<ReturnType<typeof workerForGoals>>>,
  f: Pick<GoalFields, "domainIds" | "statementIds">,
  kept: { domainIds: string[]; statementIds: string[] } = { domainIds: [], statementIds: [] },
): Promise<Refusal | { domainIds: string[]; statementIds: string[] }> {
  const versionId = await publishedVersionId(tx);
  const domainIds = [...new Set(f.domainIds)];
  const statementIds = [...new Set(f.statementIds)];
  const liveDomains = new Set(
    versionId
      ? (await tx.select({ id: frameworkDomains.id }).from(frameworkDomains).where(eq(frameworkDomains.versionId, versionId))).map((d) => d.id)
      : [],
  );
  if (domainIds.some((d) => !liveDomains.has(d) && !kept.domainIds.includes(d))) {
    return { ok: false, code: "invalid", field: "domainIds", message: "Select framework domains from the list" };
  }
  const allowed = new Map((versionId ? await statementsForWorker(tx, versionId, worker) : []).map((s) => [s.id, s.domainId]));
  const keptStatements =
    kept.statementIds.length > 0
      ? await tx
          .select({ id: competencyStatements.id, domainId: competencyStatements.domainId })
          .from(competencyStatements)
          .where(inArray(competencyStatements.id, kept.statementIds))
      : [];
  for (const s of keptStatements) allowed.set(s.id, s.domainId);
  const withDomains = new Set(domainIds);
  for (const id of statementIds) {
    const domainId = allowed.get(id);
    if (!domainId) return { ok: false, code: "invalid", field: "statementIds", message: "Select competency statements from the list for this worker's stage" };
    withDomains.add(domainId);
  }
  return { domainIds: [...withDomains], statementIds };
}

async function writeLinks(tx: Tx, goalId: string, links: { domainIds: string[]; statementIds: string[]; support: readonly string[] }) {
  await tx.delete(pdpGoalDomains).where(eq(pdpGoalDomains.goalId, goalId));
  await tx.delete(pdpGoalStatements).where(eq(pdpGoalStatements.goalId, goalId));
  await tx.delete(pdpGoalSupport).where(eq(pdpGoalSupport.goalId, goalId));
  if (links.domainIds.length) await tx.insert(pdpGoalDomains).values(links.domainIds.map((domainId) => ({ goalId, domainId })));
  if (links.statementIds.length) await tx.insert(pdpGoalStatements).values(links.statementIds.map((statementId) => ({ goalId, statementId })));
  if (links.support.length) {
    await tx.insert(pdpGoalSupport)
      .values(links.support.map((kind) => ({ goalId, kind: kind as (typeof pdpGoalSupport.$inferInsert)["kind"] })));
  }
}

function targetRefusal(targetDate: string | null, periodStart: string): Refusal | undefined {
  if (targetDate && targetDate < periodStart) {
    return { ok: false, code: "invalid", field: "targetDate", message: `The target date must be on or after ${formatDate(periodStart)}, when this PDP starts` };
  }
  return undefined;
}

/** The goal, its PDP and worker, if the user may change this worker's records and the goal is theirs. */
async function goalForChange(tx: Tx, user: SessionUser, workerId: string, goalId: string) {
  if (user.role === "lead") return { refusal: { ok: false, code: "read_only", message: LEAD_MESSAGE } as Refusal };
  const row = await first(tx
    .select({
      goal: pdpGoals,
      pdpStatus: pdps.status,
      periodStart: pdps.periodStart,
      worker: {
        id: workers.id,
        status: workers.status,
        userId: workers.userId,
        professionId: workers.professionId,
        teamId: workers.teamId,
        frameworkStage: await goalStage(tx),
      },
    })
    .from(pdpGoals)
    .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
    .innerJoin(workers, eq(workers.id, pdps.workerId))
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .where(and(eq(pdpGoals.id, goalId), eq(workers.id, workerId), changeableWorkers(user))));
  if (!row) return { refusal: GOAL_NOT_FOUND };
  if (row.worker.status === "left") return { refusal: LEFT };
  if (row.pdpStatus === "closed") return { refusal: { ok: false, code: "read_only", message: CLOSED_PDP_MESSAGE } as Refusal };
  // A manager or an administrator never decides on goals in their own plan (db/separation.ts).
  if (user.role !== "support_worker" && row.worker.userId === user.id) return { refusal: ownRecordRefused("goalDecision") };
  const actor = goalActor(user.role, row.worker.userId === user.id);
  if (!actor) return { refusal: GOAL_NOT_FOUND };
  return { ...row, actor };
}

const MANAGER_ONLY: Refusal = { ok: false, code: "read_only", message: "Only the worker's manager can do this" };

/* ---------------------------------------------------------------- changes */

/**
 * Adds a goal to the worker's current PDP (a new draft PDP when they have never had one). A manager's or admin's
 * goal is agreed at once; a support worker proposes one for their own record and it waits for the manager.
 * When the worker's only PDPs are closed, the manager starts a new PDP first (with its period) on the PDP page.
 */
export async function createGoal(user: SessionUser, workerId: string, f: GoalFields, today: string): Promise<GoalResult> {
  if (user.role === "lead") return { ok: false, code: "read_only", message: LEAD_MESSAGE };
  return await db.transaction(async (tx) => {
    const worker = await workerForGoals(tx, changeableWorkers(user), workerId);
    if (!worker) return WORKER_NOT_FOUND;
    if (user.role !== "support_worker") {
      const own = await refuseOwnRecord(tx, user, workerId, "goalDecision");
      if (own) return own;
    }
    if (worker.status === "left") return LEFT;
    const current = await currentPdpInTx(tx, workerId);
    if (!current && await first(tx.select({ id: pdps.id }).from(pdps).where(eq(pdps.workerId, workerId)))) {
      return { ok: false, code: "read_only", message: CLOSED_PDP_MESSAGE };
    }
    const late = targetRefusal(f.targetDate, current?.periodStart ?? today);
    if (late) return late;
    const links = await checkFrameworkChoices(tx, worker, f);
    if ("ok" in links) return links;

    const proposedBy = user.role === "support_worker" ? "worker" : "manager";
    const added = await addGoalsToCurrentPdp(
      tx,
      user,
      workerId,
      [{ title: f.title, why: f.why, successMeasure: f.successMeasure, targetDate: f.targetDate, proposedBy }],
      today,
    );
    const goalId = added.goalIds[0]!;
    await writeLinks(tx, goalId, { ...links, support: f.support });
    await audit(tx, user, {
      action: "pdp_goal.linked",
      entityType: "pdp_goal",
      entityId: goalId,
      workerId,
      summary: { domainIds: links.domainIds, statementIds: links.statementIds, support: f.support, proposedBy },
    });
    return { ok: true, workerId, goalId };
  }, { behavior: "immediate" });
}

/** The manager rewrites a goal: SMART fields, domains, statements, support. A real change is a plan change. */
export async function updateGoal(user: SessionUser, workerId: string, goalId: string, f: GoalFields): Promise<GoalResult> {
  return await db.transaction(async (tx) => {
    const found = await goalForChange(tx, user, workerId, goalId);
    if ("refusal" in found) return found.refusal!;
    if (found.actor !== "manager") return MANAGER_ONLY;
    const { goal } = found;
    const late = targetRefusal(f.targetDate, found.periodStart);
    if (late) return late;
    const before = {
      domainIds: (await tx.select({ id: pdpGoalDomains.domainId }).from(pdpGoalDomains).where(eq(pdpGoalDomains.goalId, goalId))).map((r) => r.id),
      statementIds: (await tx.select({ id: pdpGoalStatements.statementId }).from(pdpGoalStatements).where(eq(pdpGoalStatements.goalId, goalId))).map((r) => r.id),
      support: (await tx.select({ kind: pdpGoalSupport.kind }).from(pdpGoalSupport).where(eq(pdpGoalSupport.goalId, goalId))).map((r) => r.kind as string),
    };
    const links = await checkFrameworkChoices(tx, found.worker, f, before);
    if ("ok" in links) return links;

    const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
    const changed = [
      ...(["title", "why", "successMeasure", "targetDate"] as const).filter((k) => goal[k] !== f[k]),
      ...(sameSet(before.domainIds, links.domainIds) ? [] : ["domainIds"]),
      ...(sameSet(before.statementIds, links.statementIds) ? [] : ["statementIds"]),
      ...(sameSet(before.support, f.support) ? [] : ["support"]),
    ];
    if (changed.length === 0) return { ok: true, workerId, goalId };

    await tx.update(pdpGoals)
      .set({ title: f.title, why: f.why, successMeasure: f.successMeasure, targetDate: f.targetDate })
      .where(eq(pdpGoals.id, goalId));
    await writeLinks(tx, goalId, { ...links, support: f.support });
    await audit(tx, user, { action: "pdp_goal.updated", entityType: "pdp_goal", entityId: goalId, workerId, summary: { changed } });
    if (isPlanChange({ kind: "edited", fields: changed })) await markPlanChanged(tx, user, goal.pdpId);
    return { ok: true, workerId, goalId };
  });
}

/** The manager agrees a goal the worker proposed; it then counts as part of the plan. */
export async function agreeGoal(user: SessionUser, workerId: string, goalId: string): Promise<GoalResult> {
  return await db.transaction(async (tx) => {
    const found = await goalForChange(tx, user, workerId, goalId);
    if ("refusal" in found) return found.refusal!;
    if (found.actor !== "manager") return { ok: false, code: "read_only", message: "Only the worker's manager can agree a goal" };
    if (found.goal.agreedAt) return { ok: false, code: "conflict", message: "This goal is already agreed" };
    await tx.update(pdpGoals).set({ agreedAt: clockNow() }).where(eq(pdpGoals.id, goalId));
    await audit(tx, user, { action: "pdp_goal.agreed", entityType: "pdp_goal", entityId: goalId, workerId, summary: { title: found.goal.title } });
    if (isPlanChange({ kind: "agreed" })) await markPlanChanged(tx, user, found.goal.pdpId);
    return { ok: true, workerId, goalId };
  });
}

/** Moves a goal on (lib/rules/pdp-goals.ts says which moves, by whom, and when a reason is needed). */
export async function setGoalStatus(user: SessionUser, workerId: string, goalId: string, f: GoalStatusFields): Promise<GoalResult> {
  return await db.transaction(async (tx) => {
    const found = await goalForChange(tx, user, workerId, goalId);
    if ("refusal" in found) return found.refusal!;
    const { goal } = found;
    const check = checkGoalStatus({ actor: found.actor, from: goal.status, to: f.status, agreed: !!goal.agreedAt, reason: f.reason });
    if (!check.ok) return { ok: false, code: "invalid", message: check.message, field: check.field };
    await tx.update(pdpGoals)
      .set({ status: f.status, statusReason: f.reason.trim() || null })
      .where(eq(pdpGoals.id, goalId));
    await audit(tx, user, {
      action: "pdp_goal.status_changed",
      entityType: "pdp_goal",
      entityId: goalId,
      workerId,
      summary: { from: goal.status, to: f.status, reason: f.reason.trim() || null },
    });
    if (isPlanChange({ kind: "status", from: goal.status, to: f.status })) await markPlanChanged(tx, user, goal.pdpId);
    return { ok: true, workerId, goalId };
  });
}

/** An action under a goal. The worker may add actions they will do themselves on their own goals. */
export async function addAction(user: SessionUser, workerId: string, goalId: string, f: ActionFields): Promise<GoalResult> {
  return await db.transaction(async (tx) => {
    const found = await goalForChange(tx, user, workerId, goalId);
    if ("refusal" in found) return found.refusal!;
    if (found.actor === "worker" && f.owner !== "worker") {
      return { ok: false, code: "invalid", field: "owner", message: "You can add actions you will do yourself; your manager adds their own" };
    }
    const action = await one(tx.insert(pdpActions).values({ goalId, description: f.description, owner: f.owner, dueOn: f.dueOn }).returning({ id: pdpActions.id }));
    await audit(tx, user, {
      action: "pdp_action.created",
      entityType: "pdp_action",
      entityId: action.id,
      workerId,
      summary: { goalId, owner: f.owner, dueOn: f.dueOn },
    });
    return { ok: true, workerId, goalId };
  });
}

/**
 * Marks an action done (or not done, to undo a slip). The side that owns it does this: the worker their own
 * actions on their own record; the manager or an admin any action.
 */
export async function completeAction(user: SessionUser, workerId: string, actionId: string, done: boolean, today: string): Promise<GoalResult> {
  return await db.transaction(async (tx) => {
    const action = await first(tx
      .select({ id: pdpActions.id, goalId: pdpActions.goalId, owner: pdpActions.owner, doneOn: pdpActions.doneOn })
      .from(pdpActions)
      .where(eq(pdpActions.id, actionId)));
    if (!action) return { ok: false, code: "not_found", message: "Action not found" };
    const found = await goalForChange(tx, user, workerId, action.goalId);
    if ("refusal" in found) return found.refusal!.message === GOAL_NOT_FOUND.message ? { ok: false, code: "not_found", message: "Action not found" } : found.refusal!;
    if (found.actor === "worker" && action.owner !== "worker") return { ok: false, code: "read_only", message: "Your manager marks their own actions done" };
    if (done === (action.doneOn !== null)) return { ok: true, workerId, goalId: action.goalId };
    await tx.update(pdpActions).set({ doneOn: done ? today : null }).where(eq(pdpActions.id, actionId));
    await audit(tx, user, {
      action: done ? "pdp_action.done" : "pdp_action.undone",
      entityType: "pdp_action",
      entityId: actionId,
      workerId,
      summary: { goalId: action.goalId, doneOn: done ? today : null },
    });
    return { ok: true, workerId, goalId: action.goalId };
  });
}

/** A dated note: the worker writes progress notes and reflections on their own goals; the manager progress notes. */
export async function addNote(user: SessionUser, workerId: string, goalId: string, f: NoteFields): Promise<GoalResult> {
  return await db.transaction(async (tx) => {
    const found = await goalForChange(tx, user, workerId, goalId);
    if ("refusal" in found) return found.refusal!;
    if (found.actor === "manager" && f.kind === "reflection") {
      return { ok: false, code: "invalid", field: "kind", message: "Reflections are the worker's own: add a progress note" };
    }
    const note = await one(tx.insert(pdpNotes).values({ goalId, kind: f.kind, body: f.body, authorId: user.id }).returning({ id: pdpNotes.id }));
    await audit(tx, user, { action: "pdp_note.created", entityType: "pdp_note", entityId: note.id, workerId, summary: { goalId, kind: f.kind } });
    return { ok: true, workerId, goalId };
  });
}

/** A barrier met on a goal, in the source report's categories (counted by leads). Recorded as of today. */
export async function recordBarrier(user: SessionUser, workerId: string, goalId: string, f: BarrierFields, today: string): Promise<GoalResult> {
  if (f.category === "other" && f.detail.trim().length === 0) {
    return { ok: false, code: "invalid", field: "detail", message: "Describe the barrier when you choose Other" };
  }
  return await db.transaction(async (tx) => {
    const found = await goalForChange(tx, user, workerId, goalId);
    if ("refusal" in found) return found.refusal!;
    const barrier = await one(tx
      .insert(barriers)
      .values({ workerId, goalId, conversationId: null, category: f.category, detail: f.detail.trim(), recordedOn: today, recordedBy: user.id })
      .returning({ id: barriers.id }));
    await audit(tx, user, { action: "barrier.recorded", entityType: "barrier", entityId: barrier.id, workerId, summary: { goalId, category: f.category } });
    return { ok: true, workerId, goalId };
  });
}

/** The worker record's heading for the goal pages (name, job title, team), for a worker the user may see. */
export async function goalPageWorker(user: SessionUser, workerId: string) {
  return await first(db
    .select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName, jobTitle: workers.jobTitle, teamName: teams.name, isOwn: ownFor(user) })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(eq(workers.id, workerId), visibleWorkers(user))));
}
