import "server-only";
// A worker's competencies against the organisation's framework (db/queries/assessed-framework.ts): the statements of the stage they hold and of the next one, where
// they stand on each (self-assessment, evidence, sign-off, expiry), readiness for the next stage and the ladder.
// Workers are assessed against the latest published version; an assessment follows "the same statement" into newer
// versions by lineage key, and a sign-off keeps the version it was made against (decision record 0008).
// The worker self-assesses and adds evidence to their own record; their manager adds evidence, signs off and reopens;
// admins add evidence; leads read. Every change is audited.
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { db, first, one } from "../client";
import {
  apprenticeships,
  apprenticeshipStandards,
  competencyAssessments,
  competencyEvidence,
  competencyReopenings,
  competencyStatements,
  frameworkDomains,
  frameworks,
  frameworkVersions,
  stages,
  users,
  workers,
} from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { audit } from "../audit";
import { refuseOwnRecord } from "../separation";
import type { SessionUser } from "../../lib/session-user";
import { formatDate, todayInLondon, now as clockNow } from "../../lib/rules/dates";
import {
  effectiveStatus,
  evidenceDateProblem,
  expiryDate,
  frameworkStagesFor,
  isLocked,
  ladderPosition,
  readiness,
  signOffDateProblem,
  workingStatus,
  type AssessmentState,
} from "../../lib/rules/competencies";
import type { AssessmentStatus, EvidenceType, FrameworkStage } from "../../lib/vocabulary";
import { workerRecordHeader } from "./workers";
import type { Result } from "../result";
import { assessedFrameworkKey } from "./assessed-framework";
import type { Signature } from "../../lib/rules/signature";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
type Q = Tx | typeof db;

export type CompetencyResult = Result<{ workerId: string; statementId: string; id: string }>;

const NOT_FOUND = { ok: false as const, code: "not_found" as const, message: "Competency not found" };
const LEFT = { ok: false as const, code: "read_only" as const, message: "This worker has left. Their record can no longer be changed." };
const LOCKED = {
  ok: false as const,
  code: "read_only" as const,
  message: "This competency is signed off, so it is locked. Ask the manager to reopen it if something needs to change.",
};
const LEAD_REFUSED = { ok: false as const, code: "read_only" as const, message: "Leads read competency records; they do not change them" };

/* ------------------------------------------------------------------ the framework */

/** The latest published version of the workers' framework, with its number. */
export async function publishedFrameworkVersion(q: Q = db) {
  return await first(q
    .select({ id: frameworkVersions.id, version: frameworkVersions.version, frameworkId: frameworks.id, name: frameworks.name, source: frameworks.source })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(frameworks.key, await assessedFrameworkKey(q)), eq(frameworkVersions.status, "published")))
    .orderBy(desc(frameworkVersions.version)));
}

/** Every stage's rank and framework stage, for working out which framework stage a worker holds. */
async function stageRungs(q: Q) {
  return await q.select({ id: stages.id, rank: stages.rank, frameworkStage: stages.frameworkStage }).from(stages);
}

/**
 * A SQL expression giving, for the worker row in scope, the framework stage they hold ("current") or work towards
 * ("next"): a CASE over the few reference stages, so a whole team's figures come from one query.
 */
export async function workerFrameworkStageSql(which: "current" | "next", q: Q = db) {
  const rungs = await stageRungs(q);
  const cases = rungs.map((s) => {
    const value = frameworkStagesFor(s, rungs)[which];
    return sql`when ${s.id} then ${value}`;
  });
  if (cases.length === 0) return sql<FrameworkStage | null>`null`;
  return sql<FrameworkStage | null>`(case ${workers.stageId} ${sql.join(cases, sql` `)} else null end)`;
}

/**
 * Of the statements that apply to the worker at a framework stage (the latest published version, their profession's
 * and team's bespoke ones included): how many, how many are signed off by `today` and not expired then, and how many expired,
 * following each statement's lineage into older versions as the competency page does. For the team page (today)
 * and the scorecard (the period's last day).
 */
export async function competencyCounts(today: string, stage: SQL) {
  const applicable = sql`${frameworkVersions.status} = 'published' and ${frameworks.key} = ${await assessedFrameworkKey()}
        and ${competencyStatements.retiredAt} is null and ${competencyStatements.stage} = ${stage}
        and (${competencyStatements.professionId} is null or ${competencyStatements.professionId} = ${workers.professionId})
        and (${competencyStatements.teamId} is null or ${competencyStatements.teamId} = ${workers.teamId})`;
  const from = sql`from ${competencyStatements}
      join ${frameworkVersions} on ${frameworkVersions.id} = ${competencyStatements.versionId}
      join ${frameworks} on ${frameworks.id} = ${frameworkVersions.frameworkId}`;
  const signedOff = (expired: boolean) => sql`exists (select 1 from ${competencyAssessments} ca
        join ${competencyStatements} cs on cs.id = ca.statement_id
        where ca.worker_id = ${workers.id} and cs.lineage_key = ${competencyStatements.lineageKey}
          and ca.status in ('signed_off', 'expired') and ca.signed_off_on <= ${today}
          and ${expired ? sql`ca.expires_on < ${today}` : sql`(ca.expires_on is null or ca.expires_on >= ${today})`})`;
  return {
    total: sql<number>`(select count(*) ${from} where ${applicable})`,
    signedOff: sql<number>`(select count(*) ${from} where ${applicable} and ${signedOff(false)})`,
    expired: sql<number>`(select count(*) ${from} where ${applicable} and ${signedOff(true)})`,
  };
}

/** The statements of a stage in a version that apply to a worker: the framework's own, and bespoke ones for their profession or team. */
async function applicableStatements(q: Q, versionId: string, stage: FrameworkStage, worker: { professionId: string; teamId: string }) {
  return await q
    .select({
      id: competencyStatements.id,
      domainId: competencyStatements.domainId,
      domainNumber: frameworkDomains.number,
      domainTitle: frameworkDomains.title,
      stage: competencyStatements.stage,
      number: competencyStatements.number,
      lineageKey: competencyStatements.lineageKey,
      text: competencyStatements.text,
      renewalMonths: competencyStatements.renewalMonths,
      bespoke: competencyStatements.bespoke,
    })
    .from(competencyStatements)
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, competencyStatements.domainId))
    .where(
      and(
        eq(competencyStatements.versionId, versionId),
        eq(competencyStatements.stage, stage),
        isNull(competencyStatements.retiredAt),
        or(isNull(competencyStatements.professionId), eq(competencyStatements.professionId, worker.professionId)),
        or(isNull(competencyStatements.teamId), eq(competencyStatements.teamId, worker.teamId)),
      ),
    )
    .orderBy(asc(frameworkDomains.number), asc(competencyStatements.sort), asc(competencyStatements.number));
}

/**
 * All of a worker's assessments against the workers' framework, keyed by the lineage of the statement they were made
 * against (the newest wins). The caller has already checked that the user may see the worker (workerPlacement).
 */
async function assessmentsByLineage(q: Q, workerId: string) {
  const rows = await q
    .select({
      id: competencyAssessments.id,
      statementId: competencyAssessments.statementId,
      lineageKey: competencyStatements.lineageKey,
      statementText: competencyStatements.text,
      version: frameworkVersions.version,
      status: competencyAssessments.status,
      confidence: competencyAssessments.confidence,
      selfAssessmentNote: competencyAssessments.selfAssessmentNote,
      selfAssessedAt: competencyAssessments.selfAssessedAt,
      signedOffOn: competencyAssessments.signedOffOn,
      assessorName: competencyAssessments.assessorName,
      assessorProfession: competencyAssessments.assessorProfession,
      assessorRegistration: competencyAssessments.assessorRegistration,
      expiresOn: competencyAssessments.expiresOn,
      updatedAt: competencyAssessments.updatedAt,
      evidenceCount: sql<number>`(select count(*) from ${competencyEvidence} where ${competencyEvidence.assessmentId} = ${competencyAssessments.id})`,
    })
    .from(competencyAssessments)
    .innerJoin(competencyStatements, eq(competencyStatements.id, competencyAssessments.statementId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competencyStatements.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(competencyAssessments.workerId, workerId), eq(frameworks.key, await assessedFrameworkKey(q))))
    .orderBy(asc(competencyAssessments.updatedAt));
  return new Map(rows.map((r) => [r.lineageKey, r]));
}

type AssessmentRow = NonNullable<ReturnType<Awaited<ReturnType<typeof assessmentsByLineage>>["get"]>>;

/** What a worker's record needs to place them: stage, profession, team, status. */
async function workerPlacement(q: Q, user: SessionUser, workerId: string) {
  return await first(q
    .select({
      id: workers.id,
      status: workers.status,
      userId: workers.userId,
      contractStart: workers.contractStart,
      professionId: workers.professionId,
      teamId: workers.teamId,
      stageName: stages.name,
      rank: stages.rank,
      frameworkStage: stages.frameworkStage,
    })
    .from(workers)
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .where(and(eq(workers.id, workerId), visibleWorkers(user))));
}

/** The worker's apprenticeship that bears on the ladder: a live or completed one at the highest level. The caller has checked access. */
async function ladderApprenticeship(q: Q, workerId: string) {
  const row = await first(q
    .select({ level: apprenticeshipStandards.level, status: apprenticeships.status, title: apprenticeshipStandards.title })
    .from(apprenticeships)
    .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId))
    .where(
      and(
        eq(apprenticeships.workerId, workerId),
        inArray(apprenticeships.status, ["on_programme", "break_in_learning", "gateway", "end_point_assessment", "completed"]),
      ),
    )
    .orderBy(desc(apprenticeshipStandards.level), desc(apprenticeships.startDate)));
  return row ? { level: row.level, title: row.title, live: row.status !== "completed", completed: row.status === "completed" } : null;
}

export type StatementStanding = ReturnType<typeof standing>;

function standing(s: Awaited<ReturnType<typeof applicableStatements>>[number], a: AssessmentRow | undefined, currentVersion: number, today: string) {
  const state: AssessmentState | null = a ? { status: a.status, confidence: a.confidence, expiresOn: a.expiresOn, evidenceCount: a.evidenceCount } : null;
  const status: AssessmentStatus = effectiveStatus(state, today);
  return {
    ...s,
    status,
    confidence: a?.confidence ?? null,
    evidenceCount: a?.evidenceCount ?? 0,
    signedOffOn: a && (status === "signed_off" || status === "expired") ? a.signedOffOn : null,
    assessorName: a && (status === "signed_off" || status === "expired") ? a.assessorName : null,
    expiresOn: a && (status === "signed_off" || status === "expired") ? a.expiresOn : null,
    /** The version the assessment was made against, when it is older than the current one. */
    assessedVersion: a && a.version !== currentVersion ? a.version : null,
    wordingChanged: a ? a.statementText !== s.text : false,
  };
}

function groupByDomain<T extends { domainId: string; domainNumber: number; domainTitle: string }>(items: readonly T[]) {
  const domains: { id: string; number: number; title: string; statements: T[] }[] = [];
  for (const item of items) {
    let d = domains.find((x) => x.id === item.domainId);
    if (!d) {
      d = { id: item.domainId, number: item.domainNumber, title: item.domainTitle, statements: [] };
      domains.push(d);
    }
    d.statements.push(item);
  }
  return domains;
}

/**
 * The competency page of a worker the user may see: the stage they hold and the next, the statements of each by
 * domain with where the worker stands, readiness for the next stage, and the ladder. Undefined when not visible.
 */
export async function competencyOverview(user: SessionUser, workerId: string, today = todayInLondon()) {
  const header = await workerRecordHeader(user, workerId);
  const worker = await workerPlacement(db, user, workerId);
  if (!header || !worker) return undefined;
  const version = await publishedFrameworkVersion();
  const { current, next } = frameworkStagesFor(worker, await stageRungs(db));
  const assessments = await assessmentsByLineage(db, workerId);
  const forStage = async (stage: FrameworkStage | null) =>
    version && stage ? (await applicableStatements(db, version.id, stage, worker)).map((s) => standing(s, assessments.get(s.lineageKey), version.version, today)) : [];
  const currentStatements = await forStage(current);
  const nextStatements = await forStage(next);
  const apprenticeship = await ladderApprenticeship(db, workerId);
  const olderVersions = [...currentStatements, ...nextStatements].filter(
    (s) => s.assessedVersion !== null && (s.status === "signed_off" || s.status === "expired"),
  ).length;
  return {
    worker: header,
    placement: { stageName: worker.stageName, status: worker.status },
    ownRecord: user.role === "support_worker" && worker.userId === user.id,
    framework: version ?? null,
    current: current ? { stage: current, domains: groupByDomain(currentStatements), readiness: readiness(currentStatements) } : null,
    next: next ? { stage: next, domains: groupByDomain(nextStatements), readiness: readiness(nextStatements) } : null,
    ladder: { position: ladderPosition(current, apprenticeship), apprenticeship },
    olderVersions,
  };
}

export type CompetencyOverview = NonNullable<Awaited<ReturnType<typeof competencyOverview>>>;

const GAP_ORDER: AssessmentStatus[] = ["evidence_added", "expired", "self_assessed", "not_started"];

/**
 * Readiness for the next stage as the readiness panel shows it (the competency page, the profile, the worker's home):
 * the share signed off, the first gaps nearest to a sign-off, and where the worker holds now.
 */
export function readinessView(o: CompetencyOverview, gapLimit = 5) {
  return {
    current: o.current
      ? {
          stage: o.current.stage,
          signedOff: o.current.readiness.signedOff,
          total: o.current.readiness.total,
          expired: o.current.readiness.expired,
          percent: o.current.readiness.percent,
          gapCount: o.current.readiness.gaps.length,
        }
      : null,
    next: o.next
      ? {
          stage: o.next.stage,
          signedOff: o.next.readiness.signedOff,
          total: o.next.readiness.total,
          percent: o.next.readiness.percent,
          gapCount: o.next.readiness.gaps.length,
          // Nearest to a sign-off first: what a career conversation can move on soonest.
          gaps: [...o.next.readiness.gaps]
            .sort((a, b) => GAP_ORDER.indexOf(a.status) - GAP_ORDER.indexOf(b.status))
            .slice(0, gapLimit)
            .map((g) => ({ id: g.id, number: g.number, text: g.text, status: g.status })),
        }
      : null,
    ladder: o.ladder,
  };
}

/** Readiness for the next stage of a worker the user may see; undefined when they may not. */
export async function progressionReadiness(user: SessionUser, workerId: string, today = todayInLondon(), gapLimit = 5) {
  const o = await competencyOverview(user, workerId, today);
  return o ? readinessView(o, gapLimit) : undefined;
}

/* ------------------------------------------------------------------ one statement */

/** The latest published statement of the lineage that `statementId` belongs to (the id may be of an older version). */
async function currentStatementFor(q: Q, statementId: string) {
  const given = await first(q
    .select({ lineageKey: competencyStatements.lineageKey, frameworkId: frameworkVersions.frameworkId })
    .from(competencyStatements)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competencyStatements.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(competencyStatements.id, statementId), eq(frameworks.key, await assessedFrameworkKey(q)))));
  if (!given) return undefined;
  return await first(q
    .select({
      id: competencyStatements.id,
      lineageKey: competencyStatements.lineageKey,
      stage: competencyStatements.stage,
      number: competencyStatements.number,
      text: competencyStatements.text,
      renewalMonths: competencyStatements.renewalMonths,
      bespoke: competencyStatements.bespoke,
      professionId: competencyStatements.professionId,
      teamId: competencyStatements.teamId,
      retiredAt: competencyStatements.retiredAt,
      sourceRef: competencyStatements.sourceRef,
      domainNumber: frameworkDomains.number,
      domainTitle: frameworkDomains.title,
      version: frameworkVersions.version,
      versionStatus: frameworkVersions.status,
    })
    .from(competencyStatements)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competencyStatements.versionId))
    .innerJoin(frameworkDomains, eq(frameworkDomains.id, competencyStatements.domainId))
    .where(
      and(
        eq(competencyStatements.lineageKey, given.lineageKey),
        eq(frameworkVersions.frameworkId, given.frameworkId),
        inArray(frameworkVersions.status, ["published", "superseded"]),
      ),
    )
    .orderBy(desc(frameworkVersions.version)));
}

type CurrentStatement = NonNullable<Awaited<ReturnType<typeof currentStatementFor>>>;

/** Whether a statement applies to the worker at all: its stage is one they hold or work towards, and it is for them. */
function appliesTo(s: CurrentStatement, worker: { professionId: string; teamId: string }, stagesFor: { current: FrameworkStage | null; next: FrameworkStage | null }) {
  if (s.versionStatus !== "published" || s.retiredAt !== null) return false;
  if (s.professionId !== null && s.professionId !== worker.professionId) return false;
  if (s.teamId !== null && s.teamId !== worker.teamId) return false;
  return s.stage === stagesFor.current || s.stage === stagesFor.next;
}

/** Who may do what on one statement of one worker's record. */
function permissions(user: SessionUser, worker: { status: string; userId: string | null }, editable: boolean, locked: boolean, applies: boolean) {
  const inPost = worker.status === "in_post";
  const own = user.role === "support_worker" && worker.userId === user.id;
  // Nobody signs off or reopens their own record, whatever their role (db/separation.ts).
  const managerOfWorker = user.role === "manager" && editable && worker.userId !== user.id;
  return {
    canSelfAssess: inPost && own && !locked && applies,
    canAddEvidence: inPost && (own || (editable && (user.role === "manager" || user.role === "admin"))) && !locked && applies,
    canSignOff: inPost && managerOfWorker && !locked && applies,
    canReopen: inPost && managerOfWorker && locked,
  };
}

/**
 * One statement of a worker's record: its wording (the current version's), where the worker stands, the evidence,
 * the sign-off and any reopenings, and what this user may do. Undefined when the user may not see the worker or the
 * statement does not exist.
 */
export async function competencyStatementPage(user: SessionUser, workerId: string, statementId: string, today = todayInLondon()) {
  const header = await workerRecordHeader(user, workerId);
  const worker = await workerPlacement(db, user, workerId);
  if (!header || !worker) return undefined;
  const statement = await currentStatementFor(db, statementId);
  if (!statement) return undefined;
  const stagesFor = frameworkStagesFor(worker, await stageRungs(db));
  const assessment = (await assessmentsByLineage(db, workerId)).get(statement.lineageKey);
  const applies = appliesTo(statement, worker, stagesFor);
  // Only statements of a stage the worker holds or works towards, or ones they already have a record against.
  if (!applies && !assessment) return undefined;
  const state = assessment
    ? { status: assessment.status, confidence: assessment.confidence, expiresOn: assessment.expiresOn, evidenceCount: assessment.evidenceCount }
    : null;
  const status = effectiveStatus(state, today);
  const locked = isLocked(state, today);
  const evidence = assessment
    ? await db
        .select({
          id: competencyEvidence.id,
          type: competencyEvidence.type,
          evidenceDate: competencyEvidence.evidenceDate,
          description: competencyEvidence.description,
          link: competencyEvidence.link,
          addedByName: users.name,
          createdAt: competencyEvidence.createdAt,
        })
        .from(competencyEvidence)
        .leftJoin(users, eq(users.id, competencyEvidence.addedBy))
        .where(eq(competencyEvidence.assessmentId, assessment.id))
        .orderBy(desc(competencyEvidence.evidenceDate), desc(competencyEvidence.createdAt))
    : [];
  const reopenings = assessment
    ? await db
        .select({ id: competencyReopenings.id, reason: competencyReopenings.reason, byName: users.name, at: competencyReopenings.createdAt })
        .from(competencyReopenings)
        .leftJoin(users, eq(users.id, competencyReopenings.reopenedBy))
        .where(eq(competencyReopenings.assessmentId, assessment.id))
        .orderBy(desc(competencyReopenings.createdAt))
    : [];
  const can = permissions(user, worker, header.editable, locked, applies);
  const basis = assessment && can.canSignOff ? await signOffBasis(db, assessment.id, assessment.signedOffOn) : undefined;
  return {
    worker: header,
    statement,
    applies,
    /** Which of the worker's stages the statement belongs to, for the way back to the list. */
    stageRole: statement.stage === stagesFor.next ? ("next" as const) : ("current" as const),
    status,
    locked,
    assessment: assessment
      ? {
          confidence: assessment.confidence,
          selfAssessmentNote: assessment.selfAssessmentNote,
          selfAssessedAt: assessment.selfAssessedAt,
          signedOffOn: assessment.signedOffOn,
          assessorName: assessment.assessorName,
          assessorProfession: assessment.assessorProfession,
          assessorRegistration: assessment.assessorRegistration,
          expiresOn: assessment.expiresOn,
          version: assessment.version,
          statementText: assessment.statementText,
        }
      : null,
    evidence,
    reopenings,
    ...can,
    assessorDefaults: can.canSignOff ? await lastAssessorDetails(user) : null,
    /** Why the sign-off form cannot be used yet: no evidence, or for a renewal no evidence since the lapsed sign-off. */
    signOffBlocker: !can.canSignOff
      ? null
      : basis?.latestEvidenceOn
        ? null
        : assessment?.signedOffOn
          ? `Add fresh evidence first: a renewal rests on evidence dated after the sign-off of ${formatDate(assessment.signedOffOn)}.`
          : "Add the evidence the sign-off rests on first, for example a direct observation.",
  };
}

/** The assessor details this user gave at their last sign-off, to fill in the next one. */
async function lastAssessorDetails(user: SessionUser) {
  const last = await first(db
    .select({
      assessorName: competencyAssessments.assessorName,
      assessorProfession: competencyAssessments.assessorProfession,
      assessorRegistration: competencyAssessments.assessorRegistration,
    })
    .from(competencyAssessments)
    .innerJoin(competencyStatements, eq(competencyStatements.id, competencyAssessments.statementId))
    .where(and(eq(competencyAssessments.signedOffBy, user.id), sql`${competencyAssessments.signedOffOn} is not null`))
    .orderBy(desc(competencyAssessments.updatedAt)));
  return {
    assessorName: last?.assessorName ?? user.name,
    assessorProfession: last?.assessorProfession ?? "",
    assessorRegistration: last?.assessorRegistration ?? "",
  };
}

/* ------------------------------------------------------------------ changes */

type Target = {
  worker: NonNullable<Awaited<ReturnType<typeof workerPlacement>>> & { editable: boolean };
  statement: CurrentStatement;
  assessment: AssessmentRow | undefined;
  locked: boolean;
};

/** Loads what a change needs inside its transaction, or says why it cannot go ahead. */
async function target(
  tx: Tx,
  user: SessionUser,
  workerId: string,
  statementId: string,
  today: string,
  /** Reopening corrects the record, so it works on a sign-off that no longer applies (retired, or a stage left behind). */
  opts: { recordOnly?: boolean } = {},
): Promise<Target | Extract<CompetencyResult, { ok: false }>> {
  const worker = await workerPlacement(tx, user, workerId);
  if (!worker) return NOT_FOUND;
  const statement = await currentStatementFor(tx, statementId);
  if (!statement) return NOT_FOUND;
  const editable = !!await first(tx.select({ id: workers.id }).from(workers).where(and(eq(workers.id, workerId), editableWorkers(user))));
  const assessment = (await assessmentsByLineage(tx, workerId)).get(statement.lineageKey);
  const applies = appliesTo(statement, worker, frameworkStagesFor(worker, await stageRungs(tx)));
  if (!applies && !(opts.recordOnly && assessment)) {
    return { ok: false, code: "invalid", message: "This statement is not one of the worker's current or next stage, so it is not assessed here" };
  }
  if (worker.status === "left") return LEFT;
  const state = assessment ? { status: assessment.status, confidence: assessment.confidence, expiresOn: assessment.expiresOn, evidenceCount: assessment.evidenceCount } : null;
  return { worker: { ...worker, editable }, statement, assessment, locked: isLocked(state, today) };
}

/**
 * The worker's assessment row for the statement, made if missing. Work that is not signed off follows the newest
 * version: an open assessment made against an older version moves to the current statement (audited).
 */
async function openAssessment(tx: Tx, user: SessionUser, t: Target) {
  if (!t.assessment) {
    return (await one(tx
      .insert(competencyAssessments)
      .values({ workerId: t.worker.id, statementId: t.statement.id, status: "not_started" })
      .returning({ id: competencyAssessments.id }))).id;
  }
  if (t.assessment.statementId !== t.statement.id) {
    await tx.update(competencyAssessments).set({ statementId: t.statement.id, updatedAt: clockNow() }).where(eq(competencyAssessments.id, t.assessment.id));
    await audit(tx, user, {
      action: "competency_assessment.moved_to_version",
      entityType: "competency_assessment",
      entityId: t.assessment.id,
      workerId: t.worker.id,
      summary: { fromVersion: t.assessment.version, toVersion: t.statement.version, statement: t.statement.number },
    });
  }
  return t.assessment.id;
}

/** The status after a change to confidence or evidence, for an assessment that is not signed off. */
async function refreshWorkingStatus(tx: Tx, assessmentId: string, today: string) {
  const row = (await first(tx
    .select({ confidence: competencyAssessments.confidence, signedOffOn: competencyAssessments.signedOffOn, expiresOn: competencyAssessments.expiresOn })
    .from(competencyAssessments)
    .where(eq(competencyAssessments.id, assessmentId))))!;
  // A lapsed sign-off stays "expired" (and counted so) while fresh evidence is gathered, until it is signed off again.
  if (row.signedOffOn !== null && row.expiresOn !== null && row.expiresOn < today) {
    await tx.update(competencyAssessments).set({ status: "expired", updatedAt: clockNow() }).where(eq(competencyAssessments.id, assessmentId));
    return "expired" as const;
  }
  const evidenceCount =
    (await first(tx.select({ n: sql<number>`count(*)` }).from(competencyEvidence).where(eq(competencyEvidence.assessmentId, assessmentId))))?.n ?? 0;
  const status = workingStatus(row.confidence, evidenceCount);
  await tx.update(competencyAssessments).set({ status, updatedAt: clockNow() }).where(eq(competencyAssessments.id, assessmentId));
  return status;
}

export type SelfAssessment = { confidence: number; note: string };

/** The worker rates their own confidence against a statement (only the worker, on their own record). */
export async function selfAssess(user: SessionUser, workerId: string, statementId: string, f: SelfAssessment, today = todayInLondon()): Promise<CompetencyResult> {
  if (user.role === "lead") return LEAD_REFUSED;
  return await db.transaction(async (tx) => {
    const t = await target(tx, user, workerId, statementId, today);
    if ("ok" in t) return t;
    if (user.role !== "support_worker" || t.worker.userId !== user.id) {
      return t.worker.editable
        ? { ok: false, code: "read_only", message: "Only the worker rates their own confidence. You can add evidence or sign the competency off." }
        : NOT_FOUND;
    }
    if (t.locked) return LOCKED;
    const id = await openAssessment(tx, user, t);
    await tx.update(competencyAssessments)
      .set({ confidence: f.confidence, selfAssessmentNote: f.note, selfAssessedAt: clockNow() })
      .where(eq(competencyAssessments.id, id));
    const status = await refreshWorkingStatus(tx, id, today);
    await audit(tx, user, {
      action: "competency_assessment.self_assessed",
      entityType: "competency_assessment",
      entityId: id,
      workerId,
      summary: { statement: t.statement.number, stage: t.statement.stage, version: t.statement.version, confidence: f.confidence, previousConfidence: t.assessment?.confidence ?? null, status },
    });
    return { ok: true, workerId, statementId: t.statement.id, id };
  });
}

export type EvidenceFields = { type: EvidenceType; evidenceDate: string; description: string; link: string | null };

/** Evidence against a statement: by the worker on their own record, or by their manager or an admin. */
export async function addEvidence(user: SessionUser, workerId: string, statementId: string, f: EvidenceFields, today = todayInLondon()): Promise<CompetencyResult> {
  if (user.role === "lead") return LEAD_REFUSED;
  const dateProblem = evidenceDateProblem(f.evidenceDate, today);
  if (dateProblem) return { ok: false, code: "invalid", field: "evidenceDate", message: dateProblem };
  return await db.transaction(async (tx) => {
    const t = await target(tx, user, workerId, statementId, today);
    if ("ok" in t) return t;
    const own = user.role === "support_worker" && t.worker.userId === user.id;
    if (!own && !t.worker.editable) return NOT_FOUND;
    if (t.locked) return LOCKED;
    const assessmentId = await openAssessment(tx, user, t);
    const evidence = await one(tx
      .insert(competencyEvidence)
      .values({ assessmentId, type: f.type, evidenceDate: f.evidenceDate, description: f.description, link: f.link, addedBy: user.id })
      .returning({ id: competencyEvidence.id }));
    const status = await refreshWorkingStatus(tx, assessmentId, today);
    await audit(tx, user, {
      action: "competency_evidence.create",
      entityType: "competency_evidence",
      entityId: evidence.id,
      workerId,
      summary: { assessmentId, statement: t.statement.number, stage: t.statement.stage, type: f.type, evidenceDate: f.evidenceDate, link: f.link, status },
    });
    return { ok: true, workerId, statementId: t.statement.id, id: evidence.id };
  });
}

/**
 * The evidence a sign-off may rest on: all of it, or for the renewal of a lapsed sign-off only what is dated after it.
 * The latest date of that evidence, or null if there is none.
 */
async function signOffBasis(q: Q, assessmentId: string, previousSignOff: string | null) {
  const row = await first(q
    .select({ latest: sql<string | null>`max(${competencyEvidence.evidenceDate})` })
    .from(competencyEvidence)
    .where(
      and(
        eq(competencyEvidence.assessmentId, assessmentId),
        previousSignOff ? sql`${competencyEvidence.evidenceDate} > ${previousSignOff}` : undefined,
      ),
    ));
  return { latestEvidenceOn: row?.latest ?? null };
}

export type SignOffFields = { assessorName: string; assessorProfession: string; assessorRegistration: string; signedOffOn: string };

/**
 * The worker's manager signs a statement off on an assessor's behalf (often their own): a registered professional's
 * name, profession and registration number. It rests on evidence, so there must be some. Locks the statement; with a
 * renewal period it expires that many months later.
 */
export async function signOff(
  user: SessionUser,
  workerId: string,
  statementId: string,
  f: SignOffFields,
  signature: Signature,
  today = todayInLondon(),
): Promise<CompetencyResult> {
  if (user.role === "lead") return LEAD_REFUSED;
  return await db.transaction(async (tx) => {
    const t = await target(tx, user, workerId, statementId, today);
    if ("ok" in t) return t;
    if (!t.worker.editable) return NOT_FOUND;
    if (user.role !== "manager") return { ok: false, code: "read_only", message: "Only the worker's manager signs competencies off" };
    const own = await refuseOwnRecord(tx, user, workerId, "competencySignOff");
    if (own) return own;
    if (t.locked) return { ok: false, code: "conflict", message: "This competency is already signed off" };
    const basis = t.assessment ? await signOffBasis(tx, t.assessment.id, t.assessment.signedOffOn) : undefined;
    if (!t.assessment || !basis?.latestEvidenceOn) {
      return {
        ok: false,
        code: "invalid",
        message: t.assessment?.signedOffOn
          ? "Add fresh evidence first: a renewal rests on evidence dated after the sign-off that lapsed"
          : "Add the evidence the sign-off rests on first (for example a direct observation)",
      };
    }
    const dateProblem =
      signOffDateProblem(f.signedOffOn, today, t.worker.contractStart) ??
      (f.signedOffOn < basis.latestEvidenceOn ? `The sign-off cannot be dated before the evidence it rests on (${formatDate(basis.latestEvidenceOn)})` : undefined);
    if (dateProblem) return { ok: false, code: "invalid", field: "signedOffOn", message: dateProblem };
    const id = await openAssessment(tx, user, t);
    const expiresOn = expiryDate(f.signedOffOn, t.statement.renewalMonths);
    await tx.update(competencyAssessments)
      .set({
        status: "signed_off",
        signedOffOn: f.signedOffOn,
        signedOffBy: user.id,
        assessorName: f.assessorName,
        assessorProfession: f.assessorProfession,
        assessorRegistration: f.assessorRegistration,
        expiresOn,
        updatedAt: clockNow(),
      })
      .where(eq(competencyAssessments.id, id));
    await audit(tx, user, {
      action: "competency_assessment.signed_off",
      entityType: "competency_assessment",
      entityId: id,
      workerId,
      summary: {
        statement: t.statement.number,
        stage: t.statement.stage,
        version: t.statement.version,
        signedOffOn: f.signedOffOn,
        assessorName: f.assessorName,
        assessorProfession: f.assessorProfession,
        assessorRegistration: f.assessorRegistration,
        expiresOn,
        renewedAfterExpiry: t.assessment.status === "expired" || (t.assessment.expiresOn !== null && t.assessment.expiresOn < today),
        reauthenticated: signature.reauthenticated,
      },
    });
    return { ok: true, workerId, statementId: t.statement.id, id };
  });
}

/** The manager reopens a signed-off statement, with a reason (kept, and audited); it goes back to its evidence. */
export async function reopen(user: SessionUser, workerId: string, statementId: string, reason: string, today = todayInLondon()): Promise<CompetencyResult> {
  if (user.role === "lead") return LEAD_REFUSED;
  const why = reason.trim();
  if (why === "") return { ok: false, code: "invalid", field: "reason", message: "Say why the sign-off is being reopened" };
  return await db.transaction(async (tx) => {
    const t = await target(tx, user, workerId, statementId, today, { recordOnly: true });
    if ("ok" in t) return t;
    if (!t.worker.editable) return NOT_FOUND;
    if (user.role !== "manager") return { ok: false, code: "read_only", message: "Only the worker's manager reopens a sign-off" };
    const own = await refuseOwnRecord(tx, user, workerId, "competencyReopen");
    if (own) return own;
    if (!t.assessment || !t.locked) return { ok: false, code: "invalid", message: "Only a competency that is signed off can be reopened" };
    const a = t.assessment;
    const status = workingStatus(a.confidence, a.evidenceCount);
    await tx.update(competencyAssessments)
      .set({ status, signedOffOn: null, signedOffBy: null, assessorName: null, assessorProfession: null, assessorRegistration: null, expiresOn: null, updatedAt: clockNow() })
      .where(eq(competencyAssessments.id, a.id));
    const row = await one(tx.insert(competencyReopenings).values({ assessmentId: a.id, reason: why, reopenedBy: user.id }).returning({ id: competencyReopenings.id }));
    await audit(tx, user, {
      action: "competency_assessment.reopened",
      entityType: "competency_assessment",
      entityId: a.id,
      workerId,
      summary: {
        reason: why,
        statement: t.statement.number,
        version: a.version,
        wasSignedOffOn: a.signedOffOn,
        wasAssessor: a.assessorName,
        wasRegistration: a.assessorRegistration,
        status,
        reopeningId: row.id,
      },
    });
    return { ok: true, workerId, statementId: t.statement.id, id: a.id };
  });
}

/* ------------------------------------------------------------------ expiring sign-offs */

/**
 * Sign-offs of in-post workers the user may see that expire on or before `until` (or have expired), each against the
 * statement as it stands in the published framework (followed by lineage), unless a later sign-off of the same
 * statement has replaced it. One query, whatever the number of workers.
 */
export async function signOffsExpiringBy(user: SessionUser, until: string) {
  return await db
    .select({
      workerId: workers.id,
      workerName: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
      statementId: sql<string>`cur.id`,
      lineageKey: sql<string>`cur.lineage_key`,
      number: sql<string>`cur.number`,
      text: sql<string>`cur.text`,
      expiresOn: competencyAssessments.expiresOn,
    })
    .from(competencyAssessments)
    .innerJoin(workers, eq(workers.id, competencyAssessments.workerId))
    .innerJoin(competencyStatements, eq(competencyStatements.id, competencyAssessments.statementId))
    .innerJoin(
      sql`${competencyStatements} cur`,
      sql`cur.lineage_key = ${competencyStatements.lineageKey} and cur.retired_at is null
        and cur.version_id = (select fv.id from ${frameworkVersions} fv join ${frameworks} f on f.id = fv.framework_id
          where f.key = ${await assessedFrameworkKey()} and fv.status = 'published' order by fv.version desc limit 1)`,
    )
    .where(
      and(
        visibleWorkers(user),
        eq(workers.status, "in_post"),
        inArray(competencyAssessments.status, ["signed_off", "expired"]),
        sql`${competencyAssessments.signedOffOn} is not null and ${competencyAssessments.expiresOn} <= ${until}`,
        sql`not exists (select 1 from ${competencyAssessments} later join ${competencyStatements} ls on ls.id = later.statement_id
          where later.worker_id = ${competencyAssessments.workerId} and ls.lineage_key = ${competencyStatements.lineageKey}
            and later.id <> ${competencyAssessments.id} and later.status in ('signed_off', 'expired')
            and later.signed_off_on > ${competencyAssessments.signedOffOn})`,
      ),
    )
    .orderBy(asc(competencyAssessments.expiresOn));
}
