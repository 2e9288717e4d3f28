import "server-only";
// The audit trail as an administrator reads it (/admin/audit): the organisation's events with filters and pages, its
// download, and whether the hash chain verifies; and the views, prints and downloads other pages record.
import { and, count, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { caseless } from "../dialect";
import { alias } from "drizzle-orm/sqlite-core";
import { db, first } from "../client";
import { auditEvents, users, workers } from "../schema";
import { audit, type AuditEntry } from "../audit";
import { verifyChain, type ChainCheck } from "../audit-chain";
import { withoutInvalidating } from "../insights-cache";
import type { SessionUser } from "../../lib/session-user";
import { addDays, londonDayStartMs } from "../../lib/rules/dates";

export type AuditFilters = {
  /** The user who acted. */
  actor: string | null;
  /** The worker whose record it touched. */
  worker: string | null;
  /** The kind of record (the entity type). */
  kind: string | null;
  /** London dates, inclusive. */
  from: string | null;
  to: string | null;
};

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one download holds; the page says to narrow the filters beyond it. */
export const AUDIT_DOWNLOAD_LIMIT = 100_000;

const actor = alias(users, "actor");
const subject = alias(users, "subject");

/** The organisation's events: by someone in it, about a worker in it, about one of its logins, or about itself. */
function inOrganisation(user: SessionUser): SQL {
  return or(
    eq(actor.orgId, user.orgId),
    eq(workers.orgId, user.orgId),
    eq(subject.orgId, user.orgId),
    and(eq(auditEvents.entityType, "organisation"), eq(auditEvents.entityId, user.orgId)),
  )!;
}

function matching(user: SessionUser, f: AuditFilters): SQL {
  return and(
    inOrganisation(user),
    f.actor ? eq(auditEvents.actorId, f.actor) : undefined,
    f.worker ? eq(auditEvents.workerId, f.worker) : undefined,
    f.kind ? eq(auditEvents.entityType, f.kind) : undefined,
    f.from ? gte(auditEvents.at, new Date(londonDayStartMs(f.from))) : undefined,
    f.to ? lt(auditEvents.at, new Date(londonDayStartMs(addDays(f.to, 1)))) : undefined,
  )!;
}

function selectRows(user: SessionUser, f: AuditFilters) {
  return db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      workerId: auditEvents.workerId,
      workerName: sql<string | null>`case when ${workers.id} is null then null else ${workers.firstName} || ' ' || ${workers.lastName} end`,
      subjectName: subject.name,
      summary: auditEvents.summary,
      address: auditEvents.address,
      sessionId: auditEvents.sessionId,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(workers, eq(workers.id, auditEvents.workerId))
    .leftJoin(subject, and(eq(auditEvents.entityType, "user"), eq(subject.id, auditEvents.entityId)))
    .where(matching(user, f))
    .orderBy(desc(auditEvents.seq));
}

export type AuditRow = Awaited<ReturnType<typeof selectRows>>[number];

/** One page of the trail, newest first. Administrators only. */
export async function auditTrail(user: SessionUser, f: AuditFilters, page: number) {
  if (user.role !== "admin") return undefined;
  const total =
    (await first(db
      .select({ n: count() })
      .from(auditEvents)
      .leftJoin(actor, eq(actor.id, auditEvents.actorId))
      .leftJoin(workers, eq(workers.id, auditEvents.workerId))
      .leftJoin(subject, and(eq(auditEvents.entityType, "user"), eq(subject.id, auditEvents.entityId)))
      .where(matching(user, f))))?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await selectRows(user, f)
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE);
  return { rows, total, page: current, pages };
}

/** The trail for a download, newest first, up to the limit. Administrators only. */
export async function auditTrailForDownload(user: SessionUser, f: AuditFilters) {
  if (user.role !== "admin") return undefined;
  return await selectRows(user, f).limit(AUDIT_DOWNLOAD_LIMIT);
}

/** The people and workers the filters offer: the organisation's logins, and workers who appear in the trail. */
export async function auditFilterChoices(user: SessionUser) {
  if (user.role !== "admin") return undefined;
  const people = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.orgId, user.orgId))
    .orderBy(caseless(users.name));
  return { people };
}

/** The worker a trail is filtered to, by name, when they are in the administrator's organisation. */
export async function auditWorkerName(user: SessionUser, workerId: string): Promise<string | undefined> {
  const w = await first(db
    .select({ first: workers.firstName, last: workers.lastName })
    .from(workers)
    .where(and(eq(workers.id, workerId), eq(workers.orgId, user.orgId))));
  return w ? `${w.first} ${w.last}` : undefined;
}

let lastCheck: { headSeq: number; at: number; result: ChainCheck } | undefined;
/** How long a verification of an unchanged log is reused by the page. */
const CHECK_REUSED_MS = 60_000;

/** Whether the whole log's hash chain verifies (db/audit-chain.ts). For `npm run audit:verify`. */
export async function auditChainCheck(): Promise<ChainCheck> {
  return await verifyChain(db);
}

/**
 * The chain check for the administrator's page: the whole log walked again whenever a row has been added, and at most
 * a minute after the last walk otherwise (an edit in place adds no row).
 */
export async function auditChainStatus(user: SessionUser): Promise<ChainCheck | undefined> {
  if (user.role !== "admin") return undefined;
  const headSeq = (await first(db.select({ seq: sql<number>`coalesce(max(${auditEvents.seq}), 0)` }).from(auditEvents)))?.seq ?? 0;
  if (lastCheck && lastCheck.headSeq === headSeq && Date.now() - lastCheck.at < CHECK_REUSED_MS) return lastCheck.result;
  const result = await verifyChain(db);
  lastCheck = { headSeq, at: Date.now(), result };
  return result;
}

/**
 * Records that someone opened, printed or downloaded something the trail should show: a worker's appraisal or
 * wellbeing notes read by a lead or administrator, equality-derived figures, a print view, a CSV download (what, the
 * filters, how many rows).
 */
export async function recordAccess(user: SessionUser, entry: AuditEntry): Promise<void> {
  // A view changes no figure: kept insights stay current (db/insights-cache.ts).
  await withoutInvalidating(async (tx) => await audit(tx, user, entry));
}
