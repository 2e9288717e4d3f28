import "server-only";
// The administrator's reference lists: every value with how many workers use it, and adding, renaming, retiring and
// restoring values. Nothing is deleted: records and history keep pointing at a retired value, and only forms drop it
// (db/queries/reference.ts lists live values only).
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { db, type DB, first, one, isUniqueViolation } from "../client";
import { professions, careSettings, bands, stages, workers } from "../schema";
import { audit } from "../audit";
import { referenceWords, type ReferenceInput, type ReferenceKind } from "../../lib/forms/reference";
import type { SessionUser } from "../../lib/session-user";
import type { Result } from "../result";
import { now as clockNow } from "../../lib/rules/dates";
import { codeFromName, numberedCode } from "../../lib/rules/reference-code";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export type ReferenceChange = Result<{ id: string }>;

const TABLES = { professions, "care-settings": careSettings, bands, stages } as const;

const WORKER_COLUMN = {
  professions: workers.professionId,
  "care-settings": workers.careSettingId,
  bands: workers.bandId,
  stages: workers.stageId,
} as const;

/**
 * The four tables share id, code, name, sort and retired_at. Typing the shared operations against one of them (bands
 * has exactly those columns) keeps them to one code path; the kind-specific columns are written per kind below.
 */
function common(kind: ReferenceKind) {
  return TABLES[kind] as unknown as typeof bands;
}

const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** Workers in the admin's organisation using each value (left workers too: their records still show it). */
async function usage(admin: SessionUser, kind: ReferenceKind): Promise<Map<string, number>> {
  const column = WORKER_COLUMN[kind];
  const rows = await db
    .select({ id: column, n: sql<number>`count(*)` })
    .from(workers)
    .where(eq(workers.orgId, admin.orgId))
    .groupBy(column);
  return new Map(rows.filter((r) => r.id !== null).map((r) => [r.id as string, r.n]));
}

export type ReferenceRow = {
  id: string;
  code: string;
  name: string;
  retiredAt: Date | null;
  inUse: number;
  kind?: string;
  rank?: number;
  educationLevel?: number | null;
  frameworkStage?: string | null;
  description?: string;
};

/** Every value of a list, live ones first, each with how many workers use it. Administrators only. */
export async function referenceList(admin: SessionUser, kind: ReferenceKind): Promise<ReferenceRow[]> {
  if (admin.role !== "admin") return [];
  const used = await usage(admin, kind);
  const retiredLast = sql`${common(kind).retiredAt} is not null`;
  let rows: Omit<ReferenceRow, "inUse">[];
  switch (kind) {
    case "professions":
      rows = await db.select().from(professions).orderBy(retiredLast, asc(professions.sort), asc(professions.name));
      break;
    case "stages":
      rows = await db.select().from(stages).orderBy(retiredLast, asc(stages.rank), asc(stages.sort), asc(stages.name));
      break;
    case "bands":
    case "care-settings": {
      const t = common(kind);
      rows = await db.select({ id: t.id, code: t.code, name: t.name, retiredAt: t.retiredAt }).from(t).orderBy(retiredLast, asc(t.sort), asc(t.name));
    }
  }
  return rows.map((r) => ({ ...r, inUse: used.get(r.id) ?? 0 }));
}

export async function referenceValue(admin: SessionUser, kind: ReferenceKind, id: string): Promise<ReferenceRow | undefined> {
  if (admin.role !== "admin") return undefined;
  let row: Omit<ReferenceRow, "inUse"> | undefined;
  switch (kind) {
    case "professions":
      row = await first(db.select().from(professions).where(eq(professions.id, id)));
      break;
    case "stages":
      row = await first(db.select().from(stages).where(eq(stages.id, id)));
      break;
    case "bands":
    case "care-settings": {
      const t = common(kind);
      row = await first(db.select({ id: t.id, code: t.code, name: t.name, retiredAt: t.retiredAt }).from(t).where(eq(t.id, id)));
    }
  }
  return row ? { ...row, inUse: (await usage(admin, kind)).get(row.id) ?? 0 } : undefined;
}

async function nameClash(tx: Tx, kind: ReferenceKind, name: string, exceptId?: string): Promise<ReferenceChange | undefined> {
  const t = common(kind);
  const clash = await first(tx
    .select({ name: t.name, retiredAt: t.retiredAt })
    .from(t)
    .where(and(sql`lower(${t.name}) = lower(${name})`, exceptId ? ne(t.id, exceptId) : undefined)));
  if (!clash) return undefined;
  const one = referenceWords[kind].one;
  return {
    ok: false,
    code: "conflict",
    field: "name",
    message: clash.retiredAt ? `There is already a retired ${one} called ${clash.name}: restore it instead` : `There is already a ${one} called ${clash.name}`,
  };
}

async function codeClash(tx: Tx, kind: ReferenceKind, code: string): Promise<ReferenceChange | undefined> {
  const t = common(kind);
  const clash = await first(tx.select({ name: t.name }).from(t).where(eq(t.code, code)));
  return clash ? { ok: false, code: "conflict", field: "code", message: `The code ${code} is already used by ${clash.name}` } : undefined;
}

/** A code made from the name that no value of this kind has yet (retired ones included): acute-inpatient, then -2… */
async function freeCodeFromName(tx: Tx, kind: ReferenceKind, name: string): Promise<string> {
  const t = common(kind);
  const base = codeFromName(name);
  for (let n = 1; ; n++) {
    const code = numberedCode(base, n);
    if (!await first(tx.select({ id: t.id }).from(t).where(eq(t.code, code)))) return code;
  }
}


export async function addReferenceValue(admin: SessionUser, kind: ReferenceKind, input: ReferenceInput): Promise<ReferenceChange> {
  if (admin.role !== "admin") return { ok: false, code: "read_only", message: "Only administrators change reference data" };
  let code = input.code;
  try {
    return await db.transaction(async (tx): Promise<ReferenceChange> => {
      const clash = (input.code === null ? undefined : await codeClash(tx, kind, input.code)) ?? await nameClash(tx, kind, input.name);
      if (clash) return clash;
      code = input.code ?? await freeCodeFromName(tx, kind, input.name);
      if (code === "") return { ok: false, code: "invalid", field: "code", message: "Enter a code: the name has no letters or numbers to make one from" };
      const t = common(kind);
      // New values go to the end of their list.
      const sort = ((await first(tx.select({ max: sql<number | null>`max(${t.sort})` }).from(t)))?.max ?? 0) + 10;
      const base = { code, name: input.name, sort };
      let id: string;
      switch (kind) {
        case "professions":
          id = (await one(tx.insert(professions).values({ ...base, kind: input.kind ?? "other" }).returning({ id: professions.id }))).id;
          break;
        case "stages":
          id = (await one(tx
            .insert(stages)
            .values({
              ...base,
              rank: input.rank ?? 0,
              educationLevel: input.educationLevel ?? null,
              frameworkStage: input.frameworkStage ?? null,
              description: input.description ?? "",
            })
            .returning({ id: stages.id }))).id;
          break;
        case "care-settings":
          id = (await one(tx.insert(careSettings).values(base).returning({ id: careSettings.id }))).id;
          break;
        case "bands":
          id = (await one(tx.insert(bands).values(base).returning({ id: bands.id }))).id;
          break;
      }
      await audit(tx, admin, { action: "reference.create", entityType: referenceWords[kind].entity, entityId: id, summary: { code, name: input.name } });
      return { ok: true, id };
    });
  } catch (error) {
    // Two admins adding the same code at once: the unique index answers, and reads the same as the check.
    if (isUniqueViolation(error)) return { ok: false, code: "conflict", field: "code", message: `The code ${code} is already in use` };
    throw error;
  }
}

/** Renames a value (and, for professions and stages, changes their other details). The code stays. */
export async function updateReferenceValue(admin: SessionUser, kind: ReferenceKind, id: string, input: Omit<ReferenceInput, "code">): Promise<ReferenceChange> {
  if (admin.role !== "admin") return { ok: false, code: "not_found", message: "Not found" };
  return await db.transaction(async (tx): Promise<ReferenceChange> => {
    const before = await referenceValueIn(tx, kind, id);
    if (!before) return { ok: false, code: "not_found", message: `${capital(referenceWords[kind].one)} not found` };
    const clash = await nameClash(tx, kind, input.name, id);
    if (clash) return clash;
    const next: Record<string, unknown> = { name: input.name };
    if (kind === "professions") next.kind = input.kind;
    if (kind === "stages") Object.assign(next, { rank: input.rank, educationLevel: input.educationLevel ?? null, frameworkStage: input.frameworkStage ?? null, description: input.description ?? "" });
    const changed = Object.keys(next).filter((k) => (before as Record<string, unknown>)[k] !== next[k]);
    if (changed.length === 0) return { ok: true, id };
    switch (kind) {
      case "professions":
        await tx.update(professions).set({ name: input.name, kind: input.kind }).where(eq(professions.id, id));
        break;
      case "stages":
        await tx.update(stages)
          .set({ name: input.name, rank: input.rank, educationLevel: input.educationLevel ?? null, frameworkStage: input.frameworkStage ?? null, description: input.description ?? "" })
          .where(eq(stages.id, id));
        break;
      case "bands":
      case "care-settings": {
        const t = common(kind);
        await tx.update(t).set({ name: input.name }).where(eq(t.id, id));
      }
    }
    await audit(tx, admin, {
      action: "reference.update",
      entityType: referenceWords[kind].entity,
      entityId: id,
      summary: { changed, ...(changed.includes("name") ? { from: before.name, to: input.name } : {}) },
    });
    return { ok: true, id };
  });
}

async function referenceValueIn(tx: Tx, kind: ReferenceKind, id: string) {
  switch (kind) {
    case "professions":
      return await first(tx.select().from(professions).where(eq(professions.id, id)));
    case "stages":
      return await first(tx.select().from(stages).where(eq(stages.id, id)));
    case "bands":
    case "care-settings": {
      const t = common(kind);
      return await first(tx.select().from(t).where(eq(t.id, id)));
    }
  }
}

/** Retires a value: it leaves the forms, and every record that has it keeps it. */
export async function retireReferenceValue(admin: SessionUser, kind: ReferenceKind, id: string, now = clockNow()): Promise<ReferenceChange> {
  if (admin.role !== "admin") return { ok: false, code: "not_found", message: "Not found" };
  return await db.transaction(async (tx): Promise<ReferenceChange> => {
    const t = common(kind);
    const value = await first(tx.select({ name: t.name, retiredAt: t.retiredAt }).from(t).where(eq(t.id, id)));
    const one = referenceWords[kind].one;
    if (!value) return { ok: false, code: "not_found", message: `${capital(one)} not found` };
    if (value.retiredAt) return { ok: false, code: "conflict", message: `${value.name} is already retired` };
    const live = (await first(tx.select({ n: sql<number>`count(*)` }).from(t).where(isNull(t.retiredAt))))?.n ?? 0;
    if (live <= 1) return { ok: false, code: "invalid", message: `${value.name} is the only current ${one}. Add another before retiring it.` };
    await tx.update(t).set({ retiredAt: now }).where(eq(t.id, id));
    const inUse =
      (await first(tx
        .select({ n: sql<number>`count(*)` })
        .from(workers)
        .where(and(eq(workers.orgId, admin.orgId), eq(WORKER_COLUMN[kind], id)))))?.n ?? 0;
    await audit(tx, admin, { action: "reference.retire", entityType: referenceWords[kind].entity, entityId: id, summary: { name: value.name, inUse } });
    return { ok: true, id };
  });
}

export async function restoreReferenceValue(admin: SessionUser, kind: ReferenceKind, id: string): Promise<ReferenceChange> {
  if (admin.role !== "admin") return { ok: false, code: "not_found", message: "Not found" };
  return await db.transaction(async (tx): Promise<ReferenceChange> => {
    const t = common(kind);
    const value = await first(tx.select({ name: t.name, retiredAt: t.retiredAt }).from(t).where(eq(t.id, id)));
    if (!value) return { ok: false, code: "not_found", message: `${capital(referenceWords[kind].one)} not found` };
    if (!value.retiredAt) return { ok: false, code: "conflict", message: `${value.name} is not retired` };
    await tx.update(t).set({ retiredAt: null }).where(eq(t.id, id));
    await audit(tx, admin, { action: "reference.restore", entityType: referenceWords[kind].entity, entityId: id, summary: { name: value.name } });
    return { ok: true, id };
  });
}
