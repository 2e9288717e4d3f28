import "server-only";
// Competency frameworks as data: the administrator's view of each framework and its versions, and the draft version
// they edit and publish. Workers are assessed against the latest published version; an assessment points at the
// statement (so the version) it was made against and follows "the same statement" into newer versions by its
// lineage key. So a draft's copy of a statement keeps the lineage key it was copied from, and published and
// superseded versions are never changed (old assessments and PDP goals point at their statements).
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { db, type DB, first, one, isUniqueViolation } from "../client";
import {
  competencyAssessments,
  competencyStatements,
  frameworkDomains,
  frameworks,
  frameworkVersions,
  pdpGoalDomains,
  pdpGoalStatements,
  professions,
  teams,
  users,
} from "../schema";
import { audit } from "../audit";
import { RENEWAL_MAX_MONTHS, statementNumberProblem, statementSort } from "../../lib/rules/competencies";
import { FRAMEWORK_STAGES, frameworkStageWords, type FrameworkStage } from "../../lib/vocabulary";
import type { DomainInput, PublishInput, StatementEdit, StatementNew, VersionStatus } from "../../lib/forms/framework";
import type { SessionUser } from "../../lib/session-user";
import { type Refusal, type Result } from "../result";
import { now as clockNow } from "../../lib/rules/dates";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/** The framework and version a change touched, for the page to go back to. */
export type FrameworkChange = Result<{ id: string; frameworkId: string; versionId: string }>;

const REFUSED = { ok: false, code: "read_only", message: "Only administrators change competency frameworks" } as const;

const isAdmin = (user: SessionUser) => user.role === "admin";

/* ------------------------------------------------------------------ reading */

export type StageCounts = Record<FrameworkStage, number>;

export type FrameworkSummary = {
  id: string;
  key: string;
  name: string;
  published: { id: string; version: number; publishedAt: Date | null } | null;
  /** Current (not retired) statements of the published version, by stage; bespoke ones are also counted apart. */
  counts: StageCounts;
  bespoke: number;
  draft: { id: string; version: number } | null;
};

const noCounts = (): StageCounts => Object.fromEntries(FRAMEWORK_STAGES.map((s) => [s, 0])) as StageCounts;

/** Every framework with its published version, how many statements it holds at each stage, and whether a draft exists. */
export async function frameworkList(user: SessionUser): Promise<FrameworkSummary[]> {
  if (!isAdmin(user)) return [];
  const live = await db
    .select({ id: frameworkVersions.id, frameworkId: frameworkVersions.frameworkId, version: frameworkVersions.version, status: frameworkVersions.status, publishedAt: frameworkVersions.publishedAt })
    .from(frameworkVersions)
    .where(inArray(frameworkVersions.status, ["draft", "published"]));
  const counts = await db
    .select({ versionId: competencyStatements.versionId, stage: competencyStatements.stage, bespoke: competencyStatements.bespoke, n: sql<number>`count(*)` })
    .from(competencyStatements)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competencyStatements.versionId))
    .where(and(eq(frameworkVersions.status, "published"), isNull(competencyStatements.retiredAt)))
    .groupBy(competencyStatements.versionId, competencyStatements.stage, competencyStatements.bespoke);
  return (await db
    .select({ id: frameworks.id, key: frameworks.key, name: frameworks.name })
    .from(frameworks)
    .orderBy(asc(frameworks.name)))
    .map((f) => {
      const published = live.find((v) => v.frameworkId === f.id && v.status === "published") ?? null;
      const draft = live.find((v) => v.frameworkId === f.id && v.status === "draft") ?? null;
      const byStage = noCounts();
      let bespoke = 0;
      for (const c of counts.filter((c) => c.versionId === published?.id)) {
        byStage[c.stage] += c.n;
        if (c.bespoke) bespoke += c.n;
      }
      return {
        ...f,
        published: published && { id: published.id, version: published.version, publishedAt: published.publishedAt },
        counts: byStage,
        bespoke,
        draft: draft && { id: draft.id, version: draft.version },
      };
    });
}

export type VersionRow = {
  id: string;
  version: number;
  status: VersionStatus;
  publishedAt: Date | null;
  publishedByName: string | null;
  notes: string;
  statements: number;
};

/** What every view shows of a version (with `leftJoin(users, ...publishedBy)`). */
const versionColumns = {
  id: frameworkVersions.id,
  version: frameworkVersions.version,
  status: frameworkVersions.status,
  publishedAt: frameworkVersions.publishedAt,
  publishedByName: users.name,
  notes: frameworkVersions.notes,
};

/** A framework, its description and source, and every version, newest first. */
export async function frameworkDetail(user: SessionUser, frameworkId: string) {
  if (!isAdmin(user)) return undefined;
  const framework = await first(db.select().from(frameworks).where(eq(frameworks.id, frameworkId)));
  if (!framework) return undefined;
  const versions: VersionRow[] = await db
    .select({
      ...versionColumns,
      statements: sql<number>`(select count(*) from ${competencyStatements} where ${competencyStatements.versionId} = ${frameworkVersions.id} and ${competencyStatements.retiredAt} is null)`,
    })
    .from(frameworkVersions)
    .leftJoin(users, eq(users.id, frameworkVersions.publishedBy))
    .where(eq(frameworkVersions.frameworkId, frameworkId))
    .orderBy(desc(frameworkVersions.version));
  return {
    framework,
    versions,
    draft: versions.find((v) => v.status === "draft"),
    published: versions.find((v) => v.status === "published"),
  };
}

export type StatementRow = {
  id: string;
  domainId: string;
  stage: FrameworkStage;
  number: string;
  lineageKey: string;
  text: string;
  renewalMonths: number | null;
  bespoke: boolean;
  professionId: string | null;
  professionName: string | null;
  teamId: string | null;
  teamName: string | null;
  sourceRef: string | null;
  retiredAt: Date | null;
};

function statementRows(user: SessionUser, where: ReturnType<typeof and>) {
  return db
    .select({
      id: competencyStatements.id,
      domainId: competencyStatements.domainId,
      stage: competencyStatements.stage,
      number: competencyStatements.number,
      lineageKey: competencyStatements.lineageKey,
      text: competencyStatements.text,
      renewalMonths: competencyStatements.renewalMonths,
      bespoke: competencyStatements.bespoke,
      professionId: competencyStatements.professionId,
      professionName: professions.name,
      teamId: competencyStatements.teamId,
      teamName: teams.name,
      sourceRef: competencyStatements.sourceRef,
      retiredAt: competencyStatements.retiredAt,
    })
    .from(competencyStatements)
    .leftJoin(professions, eq(professions.id, competencyStatements.professionId))
    .leftJoin(teams, and(eq(teams.id, competencyStatements.teamId), eq(teams.orgId, user.orgId)))
    .where(where)
    .orderBy(asc(competencyStatements.sort), asc(competencyStatements.number), asc(competencyStatements.lineageKey));
}

async function versionOf(frameworkId: string, versionId: string) {
  return await first(db
    .select({
      ...versionColumns,
      frameworkId: frameworks.id,
      frameworkName: frameworks.name,
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .leftJoin(users, eq(users.id, frameworkVersions.publishedBy))
    .where(and(eq(frameworkVersions.id, versionId), eq(frameworkVersions.frameworkId, frameworkId))));
}

export type StageGroup = { stage: FrameworkStage; label: string; statements: StatementRow[] };
export type DomainView = { id: string; number: number; title: string; description: string; stages: StageGroup[] };

/** A version's domains, each with its statements grouped by stage (retired ones included, marked). */
export async function frameworkVersionView(user: SessionUser, frameworkId: string, versionId: string) {
  if (!isAdmin(user)) return undefined;
  const version = await versionOf(frameworkId, versionId);
  if (!version) return undefined;
  const statements = await statementRows(user, and(eq(competencyStatements.versionId, versionId)));
  const domains: DomainView[] = (await db
    .select({ id: frameworkDomains.id, number: frameworkDomains.number, title: frameworkDomains.title, description: frameworkDomains.description })
    .from(frameworkDomains)
    .where(eq(frameworkDomains.versionId, versionId))
    .orderBy(asc(frameworkDomains.number)))
    .map((d) => ({
      ...d,
      stages: FRAMEWORK_STAGES.map((stage) => ({
        stage,
        label: frameworkStageWords.label(stage),
        statements: statements.filter((s) => s.domainId === d.id && s.stage === stage),
      })).filter((g) => g.statements.length > 0),
    }));
  return { version, editable: version.status === "draft", domains, statementCount: statements.filter((s) => !s.retiredAt).length };
}

export type VersionView = NonNullable<Awaited<ReturnType<typeof frameworkVersionView>>>;

/** One statement of a version, with its domain, for its own page. */
export async function statementForAdmin(user: SessionUser, frameworkId: string, versionId: string, statementId: string) {
  if (!isAdmin(user)) return undefined;
  const version = await versionOf(frameworkId, versionId);
  if (!version) return undefined;
  const statement = await first(statementRows(user, and(eq(competencyStatements.id, statementId), eq(competencyStatements.versionId, versionId))));
  if (!statement) return undefined;
  const domain = (await first(db.select({ number: frameworkDomains.number, title: frameworkDomains.title }).from(frameworkDomains).where(eq(frameworkDomains.id, statement.domainId))))!;
  return { version, statement, domain, editable: version.status === "draft" };
}

/** One domain of a version, for its own page. */
export async function domainForAdmin(user: SessionUser, frameworkId: string, versionId: string, domainId: string) {
  if (!isAdmin(user)) return undefined;
  const version = await versionOf(frameworkId, versionId);
  if (!version) return undefined;
  const domain = await first(db
    .select({ id: frameworkDomains.id, number: frameworkDomains.number, title: frameworkDomains.title, description: frameworkDomains.description })
    .from(frameworkDomains)
    .where(and(eq(frameworkDomains.id, domainId), eq(frameworkDomains.versionId, versionId))));
  return domain ? { version, domain, editable: version.status === "draft" } : undefined;
}

/* ------------------------------------------------------------------ checks every change makes */

type DraftVersion = { id: string; frameworkId: string; version: number };

/** The version, if it is the draft; published and superseded versions are what old assessments point at. */
async function draftVersion(tx: Tx, versionId: string): Promise<DraftVersion | Refusal> {
  const v = await first(tx
    .select({ id: frameworkVersions.id, frameworkId: frameworkVersions.frameworkId, version: frameworkVersions.version, status: frameworkVersions.status })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.id, versionId)));
  if (!v) return { ok: false, code: "not_found", message: "Version not found" };
  if (v.status !== "draft") return { ok: false, code: "read_only", message: `Version ${v.version} is ${v.status}: it cannot be changed. Start a new version to make changes.` };
  return v;
}

const refused = (r: DraftVersion | Refusal): r is Refusal => "ok" in r;

async function statementInDraft(tx: Tx, statementId: string) {
  const s = await first(tx.select().from(competencyStatements).where(eq(competencyStatements.id, statementId)));
  if (!s) return { ok: false, code: "not_found", message: "Statement not found" } as Refusal;
  const version = await draftVersion(tx, s.versionId);
  if (refused(version)) return version;
  const domain = (await first(tx.select({ number: frameworkDomains.number }).from(frameworkDomains).where(eq(frameworkDomains.id, s.domainId))))!;
  return { statement: s, version, domainNumber: domain.number };
}

/** The zod schema checks these too; the data layer refuses them whoever calls it. */
function wordingProblem(text: string, renewalMonths: number | null): Refusal | undefined {
  if (text.trim() === "") return { ok: false, code: "invalid", field: "text", message: "Enter the statement's wording" };
  if (renewalMonths !== null && (!Number.isInteger(renewalMonths) || renewalMonths < 1 || renewalMonths > RENEWAL_MAX_MONTHS)) {
    return { ok: false, code: "invalid", field: "renewalMonths", message: `The renewal period must be a whole number of months from 1 to ${RENEWAL_MAX_MONTHS}, or empty` };
  }
  return undefined;
}

type Scope = { professionId: string | null; teamId: string | null };

/**
 * Two current statements with one number at one stage of a version, for the same profession or team, would read as
 * the same competency. A bespoke statement for one profession may share a number with another profession's.
 */
async function numberClash(tx: Tx, versionId: string, stage: FrameworkStage, number: string, scope: Scope, exceptId?: string): Promise<Refusal | undefined> {
  const clash = await first(tx
    .select({ id: competencyStatements.id })
    .from(competencyStatements)
    .where(
      and(
        eq(competencyStatements.versionId, versionId),
        eq(competencyStatements.stage, stage),
        eq(competencyStatements.number, number),
        isNull(competencyStatements.retiredAt),
        sql`${competencyStatements.professionId} is not distinct from ${scope.professionId}`,
        sql`${competencyStatements.teamId} is not distinct from ${scope.teamId}`,
        exceptId ? ne(competencyStatements.id, exceptId) : undefined,
      ),
    ));
  return clash
    ? { ok: false, code: "conflict", field: "number", message: `There is already a current statement ${number} at the ${frameworkStageWords.label(stage).toLowerCase()} stage in this version` }
    : undefined;
}

/** A profession or team a bespoke statement may be for: a current one, or the one it already has. */
async function scopeProblem(tx: Tx, user: SessionUser, scope: Scope, keep?: Scope): Promise<Refusal | undefined> {
  if (scope.professionId && scope.professionId !== keep?.professionId) {
    const live = await first(tx.select({ id: professions.id }).from(professions).where(and(eq(professions.id, scope.professionId), isNull(professions.retiredAt))));
    if (!live) return { ok: false, code: "invalid", field: "professionId", message: "Select a profession from the list" };
  }
  if (scope.teamId && scope.teamId !== keep?.teamId) {
    const live = await first(tx.select({ id: teams.id }).from(teams).where(and(eq(teams.id, scope.teamId), eq(teams.orgId, user.orgId), isNull(teams.archivedAt))));
    if (!live) return { ok: false, code: "invalid", field: "teamId", message: "Select a team from the list" };
  }
  return undefined;
}

/**
 * A new statement's lineage: bespoke ones are their own; otherwise `${stage}:${number}`, unless a statement in any
 * version of the framework already has it (a retired 3.2 is not the same competency as a new 3.2).
 */
async function freshLineageKey(tx: Tx, frameworkId: string, stage: FrameworkStage, number: string, bespoke: boolean): Promise<string> {
  if (bespoke) return `bespoke:${randomUUID()}`;
  const base = `${stage}:${number}`;
  const used = await first(tx
    .select({ id: competencyStatements.id })
    .from(competencyStatements)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, competencyStatements.versionId))
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(competencyStatements.lineageKey, base))));
  return used ? `${base}:${randomUUID().slice(0, 8)}` : base;
}


const done = (id: string, v: { frameworkId: string; id: string }): FrameworkChange => ({ ok: true, id, frameworkId: v.frameworkId, versionId: v.id });

/* ------------------------------------------------------------------ versions */

/** A new draft: the published version's domains and current statements, copied with their lineage keys; version = max + 1. */
export async function startDraftVersion(user: SessionUser, frameworkId: string): Promise<FrameworkChange> {
  if (!isAdmin(user)) return REFUSED;
  try {
    return await db.transaction(async (tx): Promise<FrameworkChange> => {
      const framework = await first(tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, frameworkId)));
      if (!framework) return { ok: false, code: "not_found", message: "Framework not found" };
      const versions = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, frameworkId));
      const draft = versions.find((v) => v.status === "draft");
      if (draft) return { ok: false, code: "conflict", message: `Version ${draft.version} is already a draft: continue it, or discard it first` };
      const published = versions.find((v) => v.status === "published");
      if (!published) return { ok: false, code: "invalid", message: "This framework has no published version to start from" };
      const version = Math.max(...versions.map((v) => v.version)) + 1;
      const created = await one(tx.insert(frameworkVersions).values({ frameworkId, version, status: "draft" }).returning({ id: frameworkVersions.id }));

      const domainIds = new Map<string, string>();
      for (const d of await tx.select().from(frameworkDomains).where(eq(frameworkDomains.versionId, published.id)).orderBy(asc(frameworkDomains.number))) {
        const copy = await one(tx
          .insert(frameworkDomains)
          .values({ versionId: created.id, number: d.number, title: d.title, description: d.description })
          .returning({ id: frameworkDomains.id }));
        domainIds.set(d.id, copy.id);
      }
      const statements = await tx
        .select()
        .from(competencyStatements)
        .where(and(eq(competencyStatements.versionId, published.id), isNull(competencyStatements.retiredAt)));
      for (const { id: _id, versionId: _v, domainId, retiredAt: _r, ...rest } of statements) {
        await tx.insert(competencyStatements).values({ ...rest, versionId: created.id, domainId: domainIds.get(domainId)!, retiredAt: null });
      }
      await audit(tx, user, {
        action: "framework.draft_started",
        entityType: "framework_version",
        entityId: created.id,
        summary: { frameworkId, version, from: published.version, domains: domainIds.size, statements: statements.length },
      });
      return { ok: true, id: created.id, frameworkId, versionId: created.id };
    });
  } catch (error) {
    // Two admins starting a draft at once: the one-draft index answers, and reads the same as the check.
    if (isUniqueViolation(error)) return { ok: false, code: "conflict", message: "Another draft was started a moment ago: continue that one" };
    throw error;
  }
}

/** Deletes a draft with its domains and statements; refused if anything already points at them. */
export async function discardDraftVersion(user: SessionUser, versionId: string): Promise<FrameworkChange> {
  if (!isAdmin(user)) return REFUSED;
  return await db.transaction(async (tx): Promise<FrameworkChange> => {
    const version = await draftVersion(tx, versionId);
    if (refused(version)) return version;
    const statementIds = sql`(select ${competencyStatements.id} from ${competencyStatements} where ${competencyStatements.versionId} = ${versionId})`;
    const domainIds = sql`(select ${frameworkDomains.id} from ${frameworkDomains} where ${frameworkDomains.versionId} = ${versionId})`;
    const used =
      (await first(tx.select({ n: sql<number>`count(*)` }).from(competencyAssessments).where(inArray(competencyAssessments.statementId, statementIds))))!.n +
      (await first(tx.select({ n: sql<number>`count(*)` }).from(pdpGoalStatements).where(inArray(pdpGoalStatements.statementId, statementIds))))!.n +
      (await first(tx.select({ n: sql<number>`count(*)` }).from(pdpGoalDomains).where(inArray(pdpGoalDomains.domainId, domainIds))))!.n;
    if (used > 0) return { ok: false, code: "invalid", message: `Version ${version.version} cannot be discarded: ${used} assessment${used === 1 ? "" : "s"} or PDP goal${used === 1 ? "" : "s"} point at it` };
    const statements = (await tx.delete(competencyStatements).where(eq(competencyStatements.versionId, versionId)).returning({ id: competencyStatements.id })).length;
    const domains = (await tx.delete(frameworkDomains).where(eq(frameworkDomains.versionId, versionId)).returning({ id: frameworkDomains.id })).length;
    await tx.delete(frameworkVersions).where(eq(frameworkVersions.id, versionId));
    await audit(tx, user, {
      action: "framework.draft_discarded",
      entityType: "framework_version",
      entityId: versionId,
      summary: { frameworkId: version.frameworkId, version: version.version, domains, statements },
    });
    return done(versionId, version);
  });
}

/** The draft becomes the published version, and the version it replaces is superseded, in one step. */
export async function publishVersion(user: SessionUser, versionId: string, input: PublishInput, now = clockNow()): Promise<FrameworkChange> {
  if (!isAdmin(user)) return REFUSED;
  const notes = input.notes.trim();
  if (notes === "") return { ok: false, code: "invalid", field: "notes", message: "Say what changed in this version" };
  return await db.transaction(async (tx): Promise<FrameworkChange> => {
    const version = await draftVersion(tx, versionId);
    if (refused(version)) return version;
    const current = (await first(tx
      .select({ n: sql<number>`count(*)` })
      .from(competencyStatements)
      .where(and(eq(competencyStatements.versionId, versionId), isNull(competencyStatements.retiredAt)))))!.n;
    if (current === 0) return { ok: false, code: "invalid", message: `Version ${version.version} has no current statements. Add or restore one before publishing.` };
    const previous = await first(tx
      .select({ id: frameworkVersions.id, version: frameworkVersions.version })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, version.frameworkId), eq(frameworkVersions.status, "published"))));
    // Superseded first: at most one published version of a framework at a time (a partial unique index).
    if (previous) await tx.update(frameworkVersions).set({ status: "superseded" }).where(eq(frameworkVersions.id, previous.id));
    await tx.update(frameworkVersions).set({ status: "published", publishedAt: now, publishedBy: user.id, notes }).where(eq(frameworkVersions.id, versionId));
    await audit(tx, user, {
      action: "framework.published",
      entityType: "framework_version",
      entityId: versionId,
      summary: { frameworkId: version.frameworkId, version: version.version, superseded: previous?.version ?? null, statements: current, notes },
    });
    return done(versionId, version);
  });
}

/* ------------------------------------------------------------------ a draft's domains and statements */

export async function updateDomain(user: SessionUser, domainId: string, input: DomainInput): Promise<FrameworkChange> {
  if (!isAdmin(user)) return REFUSED;
  if (input.title.trim() === "") return { ok: false, code: "invalid", field: "title", message: "Enter the domain's title" };
  return await db.transaction(async (tx): Promise<FrameworkChange> => {
    const before = await first(tx.select().from(frameworkDomains).where(eq(frameworkDomains.id, domainId)));
    if (!before) return { ok: false, code: "not_found", message: "Domain not found" };
    const version = await draftVersion(tx, before.versionId);
    if (refused(version)) return version;
    const changed = (["title", "description"] as const).filter((k) => before[k] !== input[k]);
    if (changed.length === 0) return done(domainId, version);
    await tx.update(frameworkDomains).set({ title: input.title, description: input.description }).where(eq(frameworkDomains.id, domainId));
    await audit(tx, user, {
      action: "framework_domain.updated",
      entityType: "framework_domain",
      entityId: domainId,
      summary: { versionId: version.id, number: before.number, changed, before: { title: before.title, description: before.description }, after: input },
    });
    return done(domainId, version);
  });
}

export async function addStatement(user: SessionUser, versionId: string, input: StatementNew): Promise<FrameworkChange> {
  if (!isAdmin(user)) return REFUSED;
  const wording = wordingProblem(input.text, input.renewalMonths);
  if (wording) return wording;
  if (!input.bespoke && (input.professionId || input.teamId)) return { ok: false, code: "invalid", field: "bespoke", message: "Only a bespoke statement can be for one profession or team" };
  if (input.professionId && input.teamId) return { ok: false, code: "invalid", field: "teamId", message: "Choose a profession or a team, not both" };
  return await db.transaction(async (tx): Promise<FrameworkChange> => {
    const version = await draftVersion(tx, versionId);
    if (refused(version)) return version;
    const domain = await first(tx
      .select({ id: frameworkDomains.id, number: frameworkDomains.number })
      .from(frameworkDomains)
      .where(and(eq(frameworkDomains.id, input.domainId), eq(frameworkDomains.versionId, versionId))));
    if (!domain) return { ok: false, code: "invalid", field: "domainId", message: "Select a domain from the list" };
    const number = input.number.trim();
    const numberProblem = statementNumberProblem(number, domain.number);
    if (numberProblem) return { ok: false, code: "invalid", field: "number", message: numberProblem };
    const scope = { professionId: input.professionId, teamId: input.teamId };
    const problem = await scopeProblem(tx, user, scope) ?? await numberClash(tx, versionId, input.stage, number, scope);
    if (problem) return problem;
    const lineageKey = await freshLineageKey(tx, version.frameworkId, input.stage, number, input.bespoke);
    const { id } = await one(tx
      .insert(competencyStatements)
      .values({
        versionId,
        domainId: domain.id,
        stage: input.stage,
        number,
        lineageKey,
        text: input.text,
        renewalMonths: input.renewalMonths,
        bespoke: input.bespoke,
        ...scope,
        sourceRef: input.sourceRef,
        sort: statementSort(number),
      })
      .returning({ id: competencyStatements.id }));
    await audit(tx, user, {
      action: "competency_statement.created",
      entityType: "competency_statement",
      entityId: id,
      summary: { versionId, stage: input.stage, number, lineageKey, text: input.text, renewalMonths: input.renewalMonths, bespoke: input.bespoke, ...scope },
    });
    return done(id, version);
  });
}

const EDITABLE = ["number", "text", "renewalMonths", "sourceRef", "professionId", "teamId"] as const;

/** Changes a draft statement's wording, number, renewal period and source; a bespoke one's profession or team too. */
export async function updateStatement(user: SessionUser, statementId: string, input: StatementEdit): Promise<FrameworkChange> {
  if (!isAdmin(user)) return REFUSED;
  const wording = wordingProblem(input.text, input.renewalMonths);
  if (wording) return wording;
  if (input.professionId && input.teamId) return { ok: false, code: "invalid", field: "teamId", message: "Choose a profession or a team, not both" };
  return await db.transaction(async (tx): Promise<FrameworkChange> => {
    const found = await statementInDraft(tx, statementId);
    if ("ok" in found) return found;
    const { statement: before, version, domainNumber } = found;
    const number = input.number.trim();
    const numberProblem = statementNumberProblem(number, domainNumber);
    if (numberProblem) return { ok: false, code: "invalid", field: "number", message: numberProblem };
    // The HEE statements are for everyone; only a bespoke one is scoped.
    const scope = before.bespoke ? { professionId: input.professionId, teamId: input.teamId } : { professionId: null, teamId: null };
    const problem =
      await scopeProblem(tx, user, scope, before) ?? (before.retiredAt ? undefined : await numberClash(tx, version.id, before.stage, number, scope, statementId));
    if (problem) return problem;
    const next = { number, text: input.text, renewalMonths: input.renewalMonths, sourceRef: input.sourceRef, ...scope };
    const changed = EDITABLE.filter((k) => before[k] !== next[k]);
    if (changed.length === 0) return done(statementId, version);
    await tx.update(competencyStatements)
      .set({ ...next, sort: statementSort(number) })
      .where(eq(competencyStatements.id, statementId));
    const pick = (s: Record<(typeof EDITABLE)[number], unknown>) => Object.fromEntries(changed.map((k) => [k, s[k]]));
    await audit(tx, user, {
      action: "competency_statement.updated",
      entityType: "competency_statement",
      entityId: statementId,
      summary: { versionId: version.id, lineageKey: before.lineageKey, changed, before: pick(before), after: pick(next) },
    });
    return done(statementId, version);
  });
}

/** Takes a statement out of the draft; when the draft is published workers are no longer assessed against it. */
export async function retireStatement(user: SessionUser, statementId: string, now = clockNow()): Promise<FrameworkChange> {
  if (!isAdmin(user)) return REFUSED;
  return await db.transaction(async (tx): Promise<FrameworkChange> => {
    const found = await statementInDraft(tx, statementId);
    if ("ok" in found) return found;
    const { statement, version } = found;
    if (statement.retiredAt) return { ok: false, code: "conflict", message: `Statement ${statement.number} is already retired` };
    await tx.update(competencyStatements).set({ retiredAt: now }).where(eq(competencyStatements.id, statementId));
    await audit(tx, user, {
      action: "competency_statement.retired",
      entityType: "competency_statement",
      entityId: statementId,
      summary: { versionId: version.id, stage: statement.stage, number: statement.number, lineageKey: statement.lineageKey, text: statement.text },
    });
    return done(statementId, version);
  });
}

export async function restoreStatement(user: SessionUser, statementId: string): Promise<FrameworkChange> {
  if (!isAdmin(user)) return REFUSED;
  return await db.transaction(async (tx): Promise<FrameworkChange> => {
    const found = await statementInDraft(tx, statementId);
    if ("ok" in found) return found;
    const { statement, version } = found;
    if (!statement.retiredAt) return { ok: false, code: "conflict", message: `Statement ${statement.number} is not retired` };
    const clash = await numberClash(tx, version.id, statement.stage, statement.number, statement, statementId);
    if (clash) return { ok: false, code: "invalid", message: `${clash.message}: renumber or retire it first` };
    await tx.update(competencyStatements).set({ retiredAt: null }).where(eq(competencyStatements.id, statementId));
    await audit(tx, user, {
      action: "competency_statement.restored",
      entityType: "competency_statement",
      entityId: statementId,
      summary: { versionId: version.id, stage: statement.stage, number: statement.number, lineageKey: statement.lineageKey },
    });
    return done(statementId, version);
  });
}
