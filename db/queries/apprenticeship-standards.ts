import "server-only";
// Apprenticeship standards as data, for administrators: the standards with their options and gateway checklists,
// adding and changing them, and the off-the-job rules (read only here). Nothing is deleted: options and gateway
// requirements are retired, since apprenticeships and gateway checks point at them. Each change is audited in its
// transaction.
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { db, type DB } from "../client";
import { apprenticeshipOptions, apprenticeshipStandards, gatewayRequirements, otjRules, professions } from "../schema";
import { audit } from "../audit";
import type { StandardChange, StandardInput } from "../../lib/apprenticeship-standard-schema";
import type { SessionUser } from "../../lib/session-user";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

type Refusal = { ok: false; message: string; field?: string };
/** `standardId` is where the admin goes next. */
export type StandardResult = { ok: true; standardId: string } | Refusal;

const REFUSED = { ok: false, message: "Only administrators change apprenticeship standards" } as const;

export type StandardListRow = {
  id: string;
  reference: string;
  title: string;
  level: number;
  typicalDurationMonths: number;
  otjMinimumHours: number | null;
  professionName: string | null;
  /** Current options, in name order. */
  options: string[];
  gatewayCount: number;
};

/** Every standard by level then title, with its current options and how many current gateway requirements. */
export function standardAdminList(user: SessionUser): StandardListRow[] {
  if (user.role !== "admin") return [];
  const rows = db
    .select({
      id: apprenticeshipStandards.id,
      reference: apprenticeshipStandards.reference,
      title: apprenticeshipStandards.title,
      level: apprenticeshipStandards.level,
      typicalDurationMonths: apprenticeshipStandards.typicalDurationMonths,
      otjMinimumHours: apprenticeshipStandards.otjMinimumHours,
      professionName: professions.name,
      gatewayCount: sql<number>`(select count(*) from ${gatewayRequirements} g where g.standard_id = ${apprenticeshipStandards.id} and g.retired_at is null)`,
    })
    .from(apprenticeshipStandards)
    .leftJoin(professions, eq(professions.id, apprenticeshipStandards.professionId))
    .orderBy(asc(apprenticeshipStandards.level), asc(apprenticeshipStandards.title))
    .all();
  const options = new Map<string, string[]>();
  for (const o of db
    .select({ standardId: apprenticeshipOptions.standardId, name: apprenticeshipOptions.name })
    .from(apprenticeshipOptions)
    .where(isNull(apprenticeshipOptions.retiredAt))
    .orderBy(asc(apprenticeshipOptions.name))
    .all()) {
    const list = options.get(o.standardId) ?? [];
    list.push(o.name);
    options.set(o.standardId, list);
  }
  return rows.map((r) => ({ ...r, options: options.get(r.id) ?? [] }));
}

export type StandardDetail = {
  id: string;
  reference: string;
  title: string;
  level: number;
  typicalDurationMonths: number;
  otjMinimumHours: number | null;
  professionId: string | null;
  professionName: string | null;
  options: Array<{ id: string; name: string; retiredAt: Date | null }>;
  /** In checklist order, current ones first. */
  gateway: Array<{ id: string; label: string; sort: number; retiredAt: Date | null }>;
};

export function standardForAdmin(user: SessionUser, id: string): StandardDetail | undefined {
  if (user.role !== "admin") return undefined;
  const standard = db
    .select({
      id: apprenticeshipStandards.id,
      reference: apprenticeshipStandards.reference,
      title: apprenticeshipStandards.title,
      level: apprenticeshipStandards.level,
      typicalDurationMonths: apprenticeshipStandards.typicalDurationMonths,
      otjMinimumHours: apprenticeshipStandards.otjMinimumHours,
      professionId: apprenticeshipStandards.professionId,
      professionName: professions.name,
    })
    .from(apprenticeshipStandards)
    .leftJoin(professions, eq(professions.id, apprenticeshipStandards.professionId))
    .where(eq(apprenticeshipStandards.id, id))
    .get();
  if (!standard) return undefined;
  const options = db
    .select({ id: apprenticeshipOptions.id, name: apprenticeshipOptions.name, retiredAt: apprenticeshipOptions.retiredAt })
    .from(apprenticeshipOptions)
    .where(eq(apprenticeshipOptions.standardId, id))
    .orderBy(sql`${apprenticeshipOptions.retiredAt} is not null`, asc(apprenticeshipOptions.name))
    .all();
  const gateway = db
    .select({ id: gatewayRequirements.id, label: gatewayRequirements.label, sort: gatewayRequirements.sort, retiredAt: gatewayRequirements.retiredAt })
    .from(gatewayRequirements)
    .where(eq(gatewayRequirements.standardId, id))
    .orderBy(sql`${gatewayRequirements.retiredAt} is not null`, asc(gatewayRequirements.sort), asc(gatewayRequirements.label))
    .all();
  return { ...standard, options, gateway };
}

export type OtjRuleRow = typeof otjRules.$inferSelect;

/** The off-the-job rules by the start dates they govern. */
export function otjRuleList(user: SessionUser): OtjRuleRow[] {
  if (user.role !== "admin") return [];
  return db.select().from(otjRules).orderBy(asc(otjRules.effectiveFrom)).all();
}

/** The floor the current standard-minimum rule puts under every standard's published figure (187). */
function currentFloor(tx: Tx): number | null {
  const rule = tx
    .select({ minimumHours: otjRules.minimumHours })
    .from(otjRules)
    .where(and(eq(otjRules.kind, "standard_minimum"), isNull(otjRules.effectiveTo)))
    .get();
  return rule?.minimumHours ?? null;
}

function fieldProblems(tx: Tx, input: StandardChange, keepProfessionId?: string | null): Refusal | undefined {
  const floor = currentFloor(tx);
  if (input.otjMinimumHours !== null && floor !== null && input.otjMinimumHours < floor) {
    return { ok: false, field: "otjMinimumHours", message: `No standard's off-the-job minimum is below ${floor} hours` };
  }
  if (input.professionId !== null && input.professionId !== keepProfessionId) {
    const live = tx.select({ id: professions.id }).from(professions).where(and(eq(professions.id, input.professionId), isNull(professions.retiredAt))).get();
    if (!live) return { ok: false, field: "professionId", message: "Select a profession from the list" };
  }
  return undefined;
}

export function createStandard(user: SessionUser, input: StandardInput): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const clash = tx.select({ title: apprenticeshipStandards.title }).from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, input.reference)).get();
    if (clash) return { ok: false, field: "reference", message: `${input.reference} is already recorded, as ${clash.title}` };
    const problem = fieldProblems(tx, input);
    if (problem) return problem;
    const { id } = tx
      .insert(apprenticeshipStandards)
      .values({
        reference: input.reference,
        title: input.title,
        level: input.level,
        typicalDurationMonths: input.typicalDurationMonths,
        otjMinimumHours: input.otjMinimumHours,
        professionId: input.professionId,
      })
      .returning({ id: apprenticeshipStandards.id })
      .get();
    audit(tx, user, { action: "apprenticeship_standard.create", entityType: "apprenticeship_standard", entityId: id, summary: { ...input } });
    return { ok: true, standardId: id };
  });
}

const STANDARD_FIELDS = ["title", "level", "typicalDurationMonths", "otjMinimumHours", "professionId"] as const;

export function updateStandard(user: SessionUser, id: string, input: StandardChange): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const before = tx.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, id)).get();
    if (!before) return { ok: false, message: "Apprenticeship standard not found" };
    const problem = fieldProblems(tx, input, before.professionId);
    if (problem) return problem;
    const changed = STANDARD_FIELDS.filter((k) => before[k] !== input[k]);
    if (changed.length === 0) return { ok: true, standardId: id };
    tx.update(apprenticeshipStandards).set(input).where(eq(apprenticeshipStandards.id, id)).run();
    audit(tx, user, {
      action: "apprenticeship_standard.update",
      entityType: "apprenticeship_standard",
      entityId: id,
      summary: { reference: before.reference, changed, from: Object.fromEntries(changed.map((k) => [k, before[k]])), to: Object.fromEntries(changed.map((k) => [k, input[k]])) },
    });
    return { ok: true, standardId: id };
  });
}

// Options -------------------------------------------------------------------------------------------------------

function optionClash(tx: Tx, standardId: string, name: string, exceptId?: string): Refusal | undefined {
  const clash = tx
    .select({ id: apprenticeshipOptions.id })
    .from(apprenticeshipOptions)
    .where(
      and(
        eq(apprenticeshipOptions.standardId, standardId),
        sql`lower(${apprenticeshipOptions.name}) = lower(${name})`,
        isNull(apprenticeshipOptions.retiredAt),
        exceptId ? ne(apprenticeshipOptions.id, exceptId) : undefined,
      ),
    )
    .get();
  return clash ? { ok: false, field: "name", message: "This standard already has an option with that name" } : undefined;
}

export function addOption(user: SessionUser, standardId: string, name: string): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const standard = tx.select({ reference: apprenticeshipStandards.reference }).from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, standardId)).get();
    if (!standard) return { ok: false, message: "Apprenticeship standard not found" };
    const clash = optionClash(tx, standardId, name);
    if (clash) return clash;
    const { id } = tx.insert(apprenticeshipOptions).values({ standardId, name }).returning({ id: apprenticeshipOptions.id }).get();
    audit(tx, user, { action: "apprenticeship_option.create", entityType: "apprenticeship_option", entityId: id, summary: { reference: standard.reference, name } });
    return { ok: true, standardId };
  });
}

function optionRow(tx: Tx | DB, optionId: string) {
  return tx
    .select({ id: apprenticeshipOptions.id, standardId: apprenticeshipOptions.standardId, name: apprenticeshipOptions.name, retiredAt: apprenticeshipOptions.retiredAt })
    .from(apprenticeshipOptions)
    .where(eq(apprenticeshipOptions.id, optionId))
    .get();
}

export function optionForAdmin(user: SessionUser, standardId: string, optionId: string) {
  if (user.role !== "admin") return undefined;
  const row = optionRow(db, optionId);
  return row && row.standardId === standardId ? row : undefined;
}

export function renameOption(user: SessionUser, optionId: string, name: string): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const row = optionRow(tx, optionId);
    if (!row) return { ok: false, message: "Option not found" };
    if (row.name === name) return { ok: true, standardId: row.standardId };
    const clash = row.retiredAt ? undefined : optionClash(tx, row.standardId, name, optionId);
    if (clash) return clash;
    tx.update(apprenticeshipOptions).set({ name }).where(eq(apprenticeshipOptions.id, optionId)).run();
    audit(tx, user, { action: "apprenticeship_option.rename", entityType: "apprenticeship_option", entityId: optionId, summary: { from: row.name, to: name } });
    return { ok: true, standardId: row.standardId };
  });
}

/** Retiring an option keeps it on the apprenticeships that already follow it; new ones cannot choose it. */
export function setOptionRetired(user: SessionUser, optionId: string, retired: boolean, now = new Date()): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const row = optionRow(tx, optionId);
    if (!row) return { ok: false, message: "Option not found" };
    if (!!row.retiredAt === retired) return { ok: false, message: `${row.name} is ${retired ? "already retired" : "not retired"}` };
    if (!retired) {
      const clash = optionClash(tx, row.standardId, row.name, optionId);
      if (clash) return { ok: false, message: `${clash.message}. Rename or retire that one first.` };
    }
    tx.update(apprenticeshipOptions).set({ retiredAt: retired ? now : null }).where(eq(apprenticeshipOptions.id, optionId)).run();
    audit(tx, user, { action: retired ? "apprenticeship_option.retire" : "apprenticeship_option.restore", entityType: "apprenticeship_option", entityId: optionId, summary: { name: row.name } });
    return { ok: true, standardId: row.standardId };
  });
}

// Gateway requirements ------------------------------------------------------------------------------------------

function requirementRow(tx: Tx | DB, requirementId: string) {
  return tx
    .select({ id: gatewayRequirements.id, standardId: gatewayRequirements.standardId, label: gatewayRequirements.label, sort: gatewayRequirements.sort, retiredAt: gatewayRequirements.retiredAt })
    .from(gatewayRequirements)
    .where(eq(gatewayRequirements.id, requirementId))
    .get();
}

export function requirementForAdmin(user: SessionUser, standardId: string, requirementId: string) {
  if (user.role !== "admin") return undefined;
  const row = requirementRow(db, requirementId);
  return row && row.standardId === standardId ? row : undefined;
}

function labelClash(tx: Tx, standardId: string, label: string, exceptId?: string): Refusal | undefined {
  const clash = tx
    .select({ id: gatewayRequirements.id })
    .from(gatewayRequirements)
    .where(
      and(
        eq(gatewayRequirements.standardId, standardId),
        sql`lower(${gatewayRequirements.label}) = lower(${label})`,
        isNull(gatewayRequirements.retiredAt),
        exceptId ? ne(gatewayRequirements.id, exceptId) : undefined,
      ),
    )
    .get();
  return clash ? { ok: false, field: "label", message: "This standard's gateway checklist already has that requirement" } : undefined;
}

/** A new requirement goes to the end of the checklist. */
export function addGatewayRequirement(user: SessionUser, standardId: string, label: string): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const standard = tx.select({ reference: apprenticeshipStandards.reference }).from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, standardId)).get();
    if (!standard) return { ok: false, message: "Apprenticeship standard not found" };
    const clash = labelClash(tx, standardId, label);
    if (clash) return clash;
    const max = tx.select({ max: sql<number | null>`max(${gatewayRequirements.sort})` }).from(gatewayRequirements).where(eq(gatewayRequirements.standardId, standardId)).get()?.max ?? 0;
    const { id } = tx.insert(gatewayRequirements).values({ standardId, label, sort: max + 10 }).returning({ id: gatewayRequirements.id }).get();
    audit(tx, user, { action: "gateway_requirement.create", entityType: "gateway_requirement", entityId: id, summary: { reference: standard.reference, label } });
    return { ok: true, standardId };
  });
}

export function rewordGatewayRequirement(user: SessionUser, requirementId: string, label: string): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const row = requirementRow(tx, requirementId);
    if (!row) return { ok: false, message: "Gateway requirement not found" };
    if (row.label === label) return { ok: true, standardId: row.standardId };
    const clash = row.retiredAt ? undefined : labelClash(tx, row.standardId, label, requirementId);
    if (clash) return clash;
    tx.update(gatewayRequirements).set({ label }).where(eq(gatewayRequirements.id, requirementId)).run();
    audit(tx, user, { action: "gateway_requirement.reword", entityType: "gateway_requirement", entityId: requirementId, summary: { from: row.label, to: label } });
    return { ok: true, standardId: row.standardId };
  });
}

/** Swaps a current requirement with its current neighbour above or below. */
export function moveGatewayRequirement(user: SessionUser, requirementId: string, direction: "up" | "down"): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const row = requirementRow(tx, requirementId);
    if (!row) return { ok: false, message: "Gateway requirement not found" };
    if (row.retiredAt) return { ok: false, message: "A retired requirement is not on the checklist, so it cannot be moved" };
    const live = tx
      .select({ id: gatewayRequirements.id, sort: gatewayRequirements.sort })
      .from(gatewayRequirements)
      .where(and(eq(gatewayRequirements.standardId, row.standardId), isNull(gatewayRequirements.retiredAt)))
      .orderBy(asc(gatewayRequirements.sort), asc(gatewayRequirements.label))
      .all();
    const at = live.findIndex((r) => r.id === requirementId);
    const other = live[direction === "up" ? at - 1 : at + 1];
    if (!other) return { ok: false, message: direction === "up" ? "This requirement is already first" : "This requirement is already last" };
    // Renumber the whole checklist so that equal sort values (from old data) cannot leave the swap without effect.
    const order = live.map((r) => r.id);
    [order[at], order[live.indexOf(other)]] = [other.id, requirementId];
    order.forEach((rid, i) => tx.update(gatewayRequirements).set({ sort: (i + 1) * 10 }).where(eq(gatewayRequirements.id, rid)).run());
    audit(tx, user, { action: "gateway_requirement.move", entityType: "gateway_requirement", entityId: requirementId, summary: { label: row.label, direction } });
    return { ok: true, standardId: row.standardId };
  });
}

/** Retiring takes a requirement off the checklist; gateway checks already made against it are kept. */
export function setRequirementRetired(user: SessionUser, requirementId: string, retired: boolean, now = new Date()): StandardResult {
  if (user.role !== "admin") return REFUSED;
  return db.transaction((tx): StandardResult => {
    const row = requirementRow(tx, requirementId);
    if (!row) return { ok: false, message: "Gateway requirement not found" };
    if (!!row.retiredAt === retired) return { ok: false, message: `This requirement is ${retired ? "already retired" : "not retired"}` };
    if (!retired) {
      const clash = labelClash(tx, row.standardId, row.label, requirementId);
      if (clash) return { ok: false, message: `${clash.message}. Reword or retire that one first.` };
    }
    const max = retired
      ? row.sort
      : (tx.select({ max: sql<number | null>`max(${gatewayRequirements.sort})` }).from(gatewayRequirements).where(eq(gatewayRequirements.standardId, row.standardId)).get()?.max ?? 0) + 10;
    // A restored requirement goes to the end of the checklist.
    tx.update(gatewayRequirements).set({ retiredAt: retired ? now : null, sort: max }).where(eq(gatewayRequirements.id, requirementId)).run();
    audit(tx, user, {
      action: retired ? "gateway_requirement.retire" : "gateway_requirement.restore",
      entityType: "gateway_requirement",
      entityId: requirementId,
      summary: { label: row.label },
    });
    return { ok: true, standardId: row.standardId };
  });
}
