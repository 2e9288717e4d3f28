import "server-only";
// The resources hub: reading it (every signed-in role; a support worker's own profession first) and the
// administrator's list of entries with adding, changing, retiring and restoring them. Resources are never deleted.
import { and, asc, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import { db, type DB, first, one } from "../client";
import { professions, resources, workers } from "../schema";
import { audit } from "../audit";
import { groupResources, type HubGroup, type HubResource } from "../../lib/rules/resources";
import type { ResourceFilters, ResourceInput, ResourceType } from "../../lib/forms/resource";
import type { SessionUser } from "../../lib/session-user";
import { type Refusal, type Result } from "../result";
import { now as clockNow } from "../../lib/rules/dates";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export type ResourceChange = Result<{ id: string }>;

const REFUSED = { ok: false, code: "read_only", message: "Only administrators change the resources hub" } as const;

/** A support worker's profession, from their worker record (the profession may since have been retired). */
export async function ownProfession(user: SessionUser): Promise<{ id: string; name: string } | undefined> {
  if (user.role !== "support_worker") return undefined;
  return await first(db
    .select({ id: professions.id, name: professions.name })
    .from(workers)
    .innerJoin(professions, eq(professions.id, workers.professionId))
    .where(and(eq(workers.userId, user.id), eq(workers.orgId, user.orgId))));
}

export type ResourceHub = {
  /** The support worker's own profession, if they have a worker record. */
  own?: { id: string; name: string };
  /** The profession put first: the one the filter chose, or else the worker's own. */
  featured?: { id: string; name: string; own: boolean };
  groups: HubGroup[];
  /** How many resources the filters matched, across all groups. */
  total: number;
};

/**
 * The live resources, grouped for reading: the featured profession first, then those for everyone, then the other
 * professions. A profession filter keeps that profession's resources and those for everyone; a type filter keeps one kind.
 */
export async function resourcesFor(user: SessionUser, filters: ResourceFilters = {}): Promise<ResourceHub> {
  const own = await ownProfession(user);
  const chosen = filters.profession
    ? await first(db.select({ id: professions.id, name: professions.name }).from(professions).where(eq(professions.id, filters.profession)))
    : undefined;
  const featured = chosen ? { ...chosen, own: chosen.id === own?.id } : own ? { ...own, own: true } : undefined;
  const rows: HubResource[] = await db
    .select({
      id: resources.id,
      title: resources.title,
      body: resources.body,
      type: resources.type,
      url: resources.url,
      sort: resources.sort,
      professionId: resources.professionId,
      professionName: professions.name,
      professionSort: professions.sort,
    })
    .from(resources)
    .leftJoin(professions, eq(professions.id, resources.professionId))
    .where(
      and(
        isNull(resources.retiredAt),
        filters.type ? eq(resources.type, filters.type) : undefined,
        // An unknown profession id (a stale link) is ignored, like an unknown type.
        chosen ? sql`(${resources.professionId} is null or ${resources.professionId} = ${chosen.id})` : undefined,
      ),
    );
  return { own, featured, groups: groupResources(rows, featured), total: rows.length };
}

export type ResourceRow = {
  id: string;
  title: string;
  body: string;
  type: ResourceType;
  url: string;
  professionId: string | null;
  professionName: string | null;
  professionRetired: boolean;
  retiredAt: Date | null;
};

function adminRows(where?: SQL) {
  return db
    .select({
      id: resources.id,
      title: resources.title,
      body: resources.body,
      type: resources.type,
      url: resources.url,
      professionId: resources.professionId,
      professionName: professions.name,
      professionRetired: sql<boolean>`${professions.retiredAt} is not null`.mapWith(Boolean),
      retiredAt: resources.retiredAt,
    })
    .from(resources)
    .leftJoin(professions, eq(professions.id, resources.professionId))
    .where(where)
    .orderBy(sql`${resources.retiredAt} is not null`, sql`${professions.sort} is not null`, asc(professions.sort), asc(resources.sort), asc(resources.title));
}

/** Every entry, current ones first: for everyone, then by profession. Administrators only. */
export async function resourceAdminList(user: SessionUser): Promise<ResourceRow[]> {
  if (user.role !== "admin") return [];
  return await adminRows();
}

export async function resourceForAdmin(user: SessionUser, id: string): Promise<ResourceRow | undefined> {
  if (user.role !== "admin") return undefined;
  return await first(adminRows(eq(resources.id, id)));
}

/**
 * A profession a resource may name: a current one, or (when changing an entry) the one it already names, so an entry
 * for a since-retired profession can still be corrected.
 */
async function professionProblem(tx: Tx, professionId: string | null, keep?: string | null): Promise<Refusal | undefined> {
  if (professionId === null || professionId === keep) return undefined;
  const live = await first(tx.select({ id: professions.id }).from(professions).where(and(eq(professions.id, professionId), isNull(professions.retiredAt))));
  return live ? undefined : { ok: false, code: "invalid", field: "professionId", message: "Select a profession from the list" };
}

/** Two current entries with the same address would show the same link twice (and the seeder matches on it). */
async function addressClash(tx: Tx, url: string, exceptId?: string): Promise<Refusal | undefined> {
  const clash = await first(tx
    .select({ title: resources.title })
    .from(resources)
    .where(and(eq(resources.url, url), isNull(resources.retiredAt), exceptId ? ne(resources.id, exceptId) : undefined)));
  return clash ? { ok: false, code: "conflict", field: "url", message: `This address is already used by ${clash.title}` } : undefined;
}

export async function createResource(user: SessionUser, input: ResourceInput): Promise<ResourceChange> {
  if (user.role !== "admin") return REFUSED;
  return await db.transaction(async (tx): Promise<ResourceChange> => {
    const problem = await professionProblem(tx, input.professionId) ?? await addressClash(tx, input.url);
    if (problem) return problem;
    // New entries go to the end of their group.
    const sort = ((await first(tx.select({ max: sql<number | null>`max(${resources.sort})` }).from(resources)))?.max ?? 0) + 10;
    const { id } = await one(tx
      .insert(resources)
      .values({ title: input.title, body: input.body, type: input.type, url: input.url, professionId: input.professionId, sort })
      .returning({ id: resources.id }));
    await audit(tx, user, { action: "resource.create", entityType: "resource", entityId: id, summary: { title: input.title, type: input.type, url: input.url, professionId: input.professionId } });
    return { ok: true, id };
  });
}

const FIELDS = ["title", "body", "type", "url", "professionId"] as const;

export async function updateResource(user: SessionUser, id: string, input: ResourceInput): Promise<ResourceChange> {
  if (user.role !== "admin") return REFUSED;
  return await db.transaction(async (tx): Promise<ResourceChange> => {
    const before = await first(tx.select().from(resources).where(eq(resources.id, id)));
    if (!before) return { ok: false, code: "not_found", message: "Resource not found" };
    const problem = await professionProblem(tx, input.professionId, before.professionId) ?? await addressClash(tx, input.url, id);
    if (problem) return problem;
    const changed = FIELDS.filter((k) => before[k] !== input[k]);
    if (changed.length === 0) return { ok: true, id };
    await tx.update(resources)
      .set({ title: input.title, body: input.body, type: input.type, url: input.url, professionId: input.professionId })
      .where(eq(resources.id, id));
    await audit(tx, user, {
      action: "resource.update",
      entityType: "resource",
      entityId: id,
      summary: { changed, ...(changed.includes("title") ? { from: before.title, to: input.title } : {}), ...(changed.includes("url") ? { url: input.url } : {}) },
    });
    return { ok: true, id };
  });
}

/** Takes an entry off the hub; it stays in the administrator's list and can be restored. */
export async function retireResource(user: SessionUser, id: string, now = clockNow()): Promise<ResourceChange> {
  if (user.role !== "admin") return REFUSED;
  return await db.transaction(async (tx): Promise<ResourceChange> => {
    const row = await first(tx.select({ title: resources.title, retiredAt: resources.retiredAt }).from(resources).where(eq(resources.id, id)));
    if (!row) return { ok: false, code: "not_found", message: "Resource not found" };
    if (row.retiredAt) return { ok: false, code: "conflict", message: `${row.title} is already retired` };
    await tx.update(resources).set({ retiredAt: now }).where(eq(resources.id, id));
    await audit(tx, user, { action: "resource.retire", entityType: "resource", entityId: id, summary: { title: row.title } });
    return { ok: true, id };
  });
}

export async function restoreResource(user: SessionUser, id: string): Promise<ResourceChange> {
  if (user.role !== "admin") return REFUSED;
  return await db.transaction(async (tx): Promise<ResourceChange> => {
    const row = await first(tx.select({ title: resources.title, url: resources.url, retiredAt: resources.retiredAt }).from(resources).where(eq(resources.id, id)));
    if (!row) return { ok: false, code: "not_found", message: "Resource not found" };
    if (!row.retiredAt) return { ok: false, code: "conflict", message: `${row.title} is not retired` };
    const clash = await addressClash(tx, row.url, id);
    if (clash) return { ok: false, code: "invalid", message: `${clash.message}. Change or retire that one first.` };
    await tx.update(resources).set({ retiredAt: null }).where(eq(resources.id, id));
    await audit(tx, user, { action: "resource.restore", entityType: "resource", entityId: id, summary: { title: row.title } });
    return { ok: true, id };
  });
}
