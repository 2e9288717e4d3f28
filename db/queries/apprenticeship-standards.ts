import "server-only";
// Apprenticeship standards as data, for administrators: the standards with their options and gateway checklists,
// adding and changing them, and the off-the-job rules by start date (changed, or succeeded by a new rule from a
// date). Nothing is deleted but a rule scheduled for the future: options and gateway requirements are retired, since
// apprenticeships and gateway checks point at them. Each change is audited in its transaction.
import { and, asc, count, eq, gte, isNull, lt, ne, sql } from "drizzle-orm";
import { db, type DB, first, one } from "../client";
import { apprenticeships, apprenticeshipOptions, apprenticeshipStandards, gatewayRequirements, otjRules, professions } from "../schema";
import { audit } from "../audit";
import type { StandardChange, StandardInput } from "../../lib/forms/apprenticeship-standard";
import { newOtjRuleProblem, otjRangesProblem, type OtjRuleChange, type OtjRuleNew } from "../../lib/forms/otj-rule";
import { todayInLondon, now as clockNow } from "../../lib/rules/dates";
import type { SessionUser } from "../../lib/session-user";
import { type Refusal, type Result } from "../result";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/** `standardId` is where the admin goes next. */
export type StandardResult = Result<{ standardId: string }>;

const REFUSED = { ok: false, code: "read_only", message: "Only administrators change apprenticeship standards" } as const;

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
export async function standardAdminList(user: SessionUser): Promise<StandardListRow[]> {
  if (user.role !== "admin") return [];
  const rows = await db
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
    .orderBy(asc(apprenticeshipStandards.level), asc(apprenticeshipStandards.title));
  const options = new Map<string, string[]>();
  for (const o of await db
    .select({ standardId: apprenticeshipOptions.standardId, name: apprenticeshipOptions.name })
    .from(apprenticeshipOptions)
    .where(isNull(apprenticeshipOptions.retiredAt))
    .orderBy(asc(apprenticeshipOptions.name))) {
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

export async function standardForAdmin(user: SessionUser, id: string): Promise<StandardDetail | undefined> {
  if (user.role !== "admin") return undefined;
  const standard = await first(db
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
    .where(eq(apprenticeshipStandards.id, id)));
  if (!standard) return undefined;
  const options = await db
    .select({ id: apprenticeshipOptions.id, name: apprenticeshipOptions.name, retiredAt: apprenticeshipOptions.retiredAt })
    .from(apprenticeshipOptions)
    .where(eq(apprenticeshipOptions.standardId, id))
    .orderBy(sql`${apprenticeshipOptions.retiredAt} is not null`, asc(apprenticeshipOptions.name));
  const gateway = await db
    .select({ id: gatewayRequirements.id, label: gatewayRequirements.label, sort: gatewayRequirements.sort, retiredAt: gatewayRequirements.retiredAt })
    .from(gatewayRequirements)
    .where(eq(gatewayRequirements.standardId, id))
    .orderBy(sql`${gatewayRequirements.retiredAt} is not null`, asc(gatewayRequirements.sort), asc(gatewayRequirements.label));
  return { ...standard, options, gateway };
}

export type OtjRuleRow = typeof otjRules.$inferSelect;

/** The off-the-job rules by the start dates they govern. */
export async function otjRuleList(user: SessionUser): Promise<OtjRuleRow[]> {
  if (user.role !== "admin") return [];
  return await db.select().from(otjRules).orderBy(asc(otjRules.effectiveFrom));
}

export type OtjRuleResult = Result<{ ruleId: string; apprenticeships: number }>;

const RULE_NOT_FOUND = { ok: false, code: "not_found", message: "Off-the-job rule not found" } as const;
const RULE_REFUSED = { ok: false, code: "read_only", message: "Only administrators change the off-the-job rules" } as const;

/** How many apprenticeships (of every organisation: the rules are national) start in [from, to). */
async function apprenticeshipsStartingIn(tx: Tx | DB, from: string, to: string | null): Promise<number> {
  return (
    (await first(tx
      .select({ n: count() })
      .from(apprenticeships)
      .where(and(gte(apprenticeships.startDate, from), to === null ? undefined : lt(apprenticeships.startDate, to)))))?.n ?? 0
  );
}

/** The rule before this one, which a scheduled rule closed and which removing it opens again. */
async function previousRule(tx: Tx | DB, rule: OtjRuleRow) {
  return await first(tx.select().from(otjRules).where(eq(otjRules.effectiveTo, rule.effectiveFrom)));
}

/** Only the current rule, while it has not yet started, can be taken away; the one before it then runs on. */
async function isScheduled(tx: Tx | DB, rule: OtjRuleRow, today: string) {
  return rule.effectiveTo === null && rule.effectiveFrom > today && !!await previousRule(tx, rule);
}

/**
 * One rule with how many apprenticeships start under it (their required hours follow any change), and whether it is
 * a future rule that can still be taken away.
 */
export async function otjRuleForAdmin(user: SessionUser, ruleId: string, today = todayInLondon()) {
  if (user.role !== "admin") return undefined;
  const rule = await first(db.select().from(otjRules).where(eq(otjRules.id, ruleId)));
  if (!rule) return undefined;
  return { rule, apprenticeships: await apprenticeshipsStartingIn(db, rule.effectiveFrom, rule.effectiveTo), scheduled: await isScheduled(db, rule, today) };
}

const RULE_FIELDS = ["description", "value", "minimumHours"] as const;

/** Changes a rule's description, figure and minimum; its kind and dates stay. */
export async function updateOtjRule(user: SessionUser, ruleId: string, input: OtjRuleChange): Promise<OtjRuleResult> {
  if (user.role !== "admin") return RULE_REFUSED;
  return await db.transaction(async (tx): Promise<OtjRuleResult> => {
    const before = await first(tx.select().from(otjRules).where(eq(otjRules.id, ruleId)));
    if (!before) return RULE_NOT_FOUND;
    // The standard's-minimum rule has no figure of its own: what is stored stays.
    const after = { description: input.description, value: input.value ?? before.value, minimumHours: input.minimumHours };
    const affected = await apprenticeshipsStartingIn(tx, before.effectiveFrom, before.effectiveTo);
    const changed = RULE_FIELDS.filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return { ok: true, ruleId, apprenticeships: affected };
    await tx.update(otjRules).set(after).where(eq(otjRules.id, ruleId));
    await audit(tx, user, {
      action: "otj_rule.update",
      entityType: "otj_rule",
      entityId: ruleId,
      summary: {
        effectiveFrom: before.effectiveFrom,
        kind: before.kind,
        changed,
        from: Object.fromEntries(changed.map((k) => [k, before[k]])),
        to: Object.fromEntries(changed.map((k) => [k, after[k]])),
        apprenticeships: affected,
      },
    });
    return { ok: true, ruleId, apprenticeships: affected };
  });
}

/**
 * A new rule for apprenticeships starting on or after a date: the current open-ended rule is closed on that date in
 * the same transaction, so the ranges stay unbroken. `apprenticeships` counts those that move to the new rule.
 */
export async function addOtjRule(user: SessionUser, input: OtjRuleNew, today = todayInLondon()): Promise<OtjRuleResult> {
  if (user.role !== "admin") return RULE_REFUSED;
  return await db.transaction(async (tx): Promise<OtjRuleResult> => {
    const rules = await tx.select().from(otjRules);
    const problem = newOtjRuleProblem(rules, input.effectiveFrom, today);
    if (problem) return { ok: false, code: "invalid", ...problem };
    const current = rules.find((r) => r.effectiveTo === null);
    const affected = await apprenticeshipsStartingIn(tx, input.effectiveFrom, null);
    if (current) {
      await tx.update(otjRules).set({ effectiveTo: input.effectiveFrom }).where(eq(otjRules.id, current.id));
      await audit(tx, user, {
        action: "otj_rule.close",
        entityType: "otj_rule",
        entityId: current.id,
        summary: { effectiveFrom: current.effectiveFrom, kind: current.kind, effectiveTo: input.effectiveFrom },
      });
    }
    const { id } = await one(tx
      .insert(otjRules)
      .values({
        effectiveFrom: input.effectiveFrom,
        effectiveTo: null,
        kind: input.kind,
        // The standard's-minimum rule has no figure; like the seeded one it repeats its floor.
        value: input.value ?? input.minimumHours ?? 0,
        minimumHours: input.minimumHours,
        description: input.description,
      })
      .returning({ id: otjRules.id }));
    await audit(tx, user, {
      action: "otj_rule.create",
      entityType: "otj_rule",
      entityId: id,
      summary: { ...input, closes: current?.id ?? null, apprenticeships: affected },
    });
    const after = otjRangesProblem(await tx.select().from(otjRules));
    if (after) throw new Error(`Off-the-job rules left broken: ${after}`);
    return { ok: true, ruleId: id, apprenticeships: affected };
  });
}

/** Takes away a rule that has not started yet; the rule before it is open-ended again. */
export async function removeScheduledOtjRule(user: SessionUser, ruleId: string, today = todayInLondon()): Promise<OtjRuleResult> {
  if (user.role !== "admin") return RULE_REFUSED;
  return await db.transaction(async (tx): Promise<OtjRuleResult> => {
    const rule = await first(tx.select().from(otjRules).where(eq(otjRules.id, ruleId)));
    if (!rule) return RULE_NOT_FOUND;
    const previous = await previousRule(tx, rule);
    if (!previous || !await isScheduled(tx, rule, today)) {
      return { ok: false, code: "invalid", message: "Only the newest rule, before it takes effect, can be taken away; change its description or figures instead" };
    }
    const affected = await apprenticeshipsStartingIn(tx, rule.effectiveFrom, null);
    await tx.delete(otjRules).where(eq(otjRules.id, ruleId));
    await tx.update(otjRules).set({ effectiveTo: null }).where(eq(otjRules.id, previous.id));
    const { id: _id, ...removed } = rule;
    await audit(tx, user, { action: "otj_rule.remove", entityType: "otj_rule", entityId: ruleId, summary: { ...removed, apprenticeships: affected } });
    await audit(tx, user, {
      action: "otj_rule.reopen",
      entityType: "otj_rule",
      entityId: previous.id,
      summary: { effectiveFrom: previous.effectiveFrom, kind: previous.kind, effectiveTo: { from: rule.effectiveFrom, to: null } },
    });
    return { ok: true, ruleId: previous.id, apprenticeships: affected };
  });
}

/** The floor the current standard-minimum rule puts under every standard's published figure (187). */
async function currentFloor(tx: Tx): Promise<number | null> {
  const rule = await first(tx
    .select({ minimumHours: otjRules.minimumHours })
    .from(otjRules)
    .where(and(eq(otjRules.kind, "standard_minimum"), isNull(otjRules.effectiveTo))));
  return rule?.minimumHours ?? null;
}

async function fieldProblems(tx: Tx, input: StandardChange, keepProfessionId?: string | null): Promise<Refusal | undefined> {
  const floor = await currentFloor(tx);
  if (input.otjMinimumHours !== null && floor !== null && input.otjMinimumHours < floor) {
    return { ok: false, code: "invalid", field: "otjMinimumHours", message: `No standard's off-the-job minimum is below ${floor} hours` };
  }
  if (input.professionId !== null && input.professionId !== keepProfessionId) {
    const live = await first(tx.select({ id: professions.id }).from(professions).where(and(eq(professions.id, input.professionId), isNull(professions.retiredAt))));
    if (!live) return { ok: false, code: "invalid", field: "professionId", message: "Select a profession from the list" };
  }
  return undefined;
}

export async function createStandard(user: SessionUser, input: StandardInput): Promise<StandardResult> {
  if (user.role !== "admin") return REFUSED;
  return await db.transaction(async (tx): Promise<StandardResult> => {
    const clash = await first(tx.select({ title: apprenticeshipStandards.title }).from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, input.reference)));
    if (clash) return { ok: false, code: "conflict", field: "reference", message: `${input.reference} is already recorded, as ${clash.title}` };
    const problem = await fieldProblems(tx, input);
    if (problem) return problem;
    const { id } = await one(tx
      .insert(apprenticeshipStandards)
      .values({
        reference: input.reference,
        title: input.title,
        level: input.level,
        typicalDurationMonths: input.typicalDurationMonths,
        otjMinimumHours: input.otjMinimumHours,
        professionId: input.professionId,
      })
      .returning({ id: apprenticeshipStandards.id }));
    await audit(tx, user, { action: "apprenticeship_standard.create", entityType: "apprenticeship_standard", entityId: id, summary: { ...input } });
    return { ok: true, standardId: id };
  });
}

const STANDARD_FIELDS = ["title", "level", "typicalDurationMonths", "otjMinimumHours", "professionId"] as const;

export async function updateStandard(user: SessionUser, id: string, input: StandardChange): Promise<StandardResult> {
  if (user.role !== "admin") return REFUSED;
  return await db.transaction(async (tx): Promise<StandardResult> => {
    const before = await first(tx.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, id)));
    if (!before) return { ok: false, code: "not_found", message: "Apprenticeship standard not found" };
    const problem = await fieldProblems(tx, input, before.professionId);
    if (problem) return problem;
    const changed = STANDARD_FIELDS.filter((k) => before[k] !== input[k]);
    if (changed.length === 0) return { ok: true, standardId: id };
    await tx.update(apprenticeshipStandards).set(input).where(eq(apprenticeshipStandards.id, id));
    await audit(tx, user, {
      action: "apprenticeship_standard.update",
      entityType: "apprenticeship_standard",
      entityId: id,
      summary: { reference: before.reference, changed, from: Object.fromEntries(changed.map((k) => [k, before[k]])), to: Object.fromEntries(changed.map((k) => [k, input[k]])) },
    });
    return { ok: true, standardId: id };
  });
}

// Options and gateway requirements: lines of text on a standard, retired rather than deleted ----------------------

const LINES = {
  option: {
    table: apprenticeshipOptions,
    text: apprenticeshipOptions.name,
    field: "name",
    entity: "apprenticeship_option",
    change: "rename",
    notFound: "Option not found",
    clash: "This standard already has an option with that name",
    fix: "Rename or retire that one first.",
  },
  requirement: {
    table: gatewayRequirements,
    text: gatewayRequirements.label,
    field: "label",
    entity: "gateway_requirement",
    change: "reword",
    notFound: "Gateway requirement not found",
    clash: "This standard's gateway checklist already has that requirement",
    fix: "Reword or retire that one first.",
  },
} as const;

type LineKind = keyof typeof LINES;

export type StandardLine = { id: string; standardId: string; text: string; retiredAt: Date | null };

async function lineRow(tx: Tx | DB, kind: LineKind, id: string): Promise<StandardLine | undefined> {
  const { table: t, text } = LINES[kind];
  return await first(tx.select({ id: t.id, standardId: t.standardId, text, retiredAt: t.retiredAt }).from(t).where(eq(t.id, id)));
}

/** One option or requirement, on its own standard's pages only. */
async function lineForAdmin(user: SessionUser, kind: LineKind, standardId: string, id: string): Promise<StandardLine | undefined> {
  if (user.role !== "admin") return undefined;
  const row = await lineRow(db, kind, id);
  return row && row.standardId === standardId ? row : undefined;
}

/** Two current lines of a standard that say the same (ignoring case) would be one thing twice. */
async function lineClash(tx: Tx, kind: LineKind, standardId: string, text: string, exceptId?: string): Promise<Refusal | undefined> {
  const { table: t, text: column, field, clash } = LINES[kind];
  const found = await first(tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.standardId, standardId), sql`lower(${column}) = lower(${text})`, isNull(t.retiredAt), exceptId ? ne(t.id, exceptId) : undefined)));
  return found ? { ok: false, code: "conflict", field, message: clash } : undefined;
}

/** Where a new or restored requirement goes: the end of the checklist. */
async function endOfChecklist(tx: Tx, standardId: string): Promise<number> {
  return ((await first(tx.select({ max: sql<number | null>`max(${gatewayRequirements.sort})` }).from(gatewayRequirements).where(eq(gatewayRequirements.standardId, standardId))))?.max ?? 0) + 10;
}

async function addLine(user: SessionUser, kind: LineKind, standardId: string, text: string): Promise<StandardResult> {
  if (user.role !== "admin") return REFUSED;
  return await db.transaction(async (tx): Promise<StandardResult> => {
    const standard = await first(tx.select({ reference: apprenticeshipStandards.reference }).from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, standardId)));
    if (!standard) return { ok: false, code: "not_found", message: "Apprenticeship standard not found" };
    const clash = await lineClash(tx, kind, standardId, text);
    if (clash) return clash;
    const { id } =
      kind === "option"
        ? await one(tx.insert(apprenticeshipOptions).values({ standardId, name: text }).returning({ id: apprenticeshipOptions.id }))
        : await one(tx.insert(gatewayRequirements).values({ standardId, label: text, sort: await endOfChecklist(tx, standardId) }).returning({ id: gatewayRequirements.id }));
    const d = LINES[kind];
    await audit(tx, user, { action: `${d.entity}.create`, entityType: d.entity, entityId: id, summary: { reference: standard.reference, [d.field]: text } });
    return { ok: true, standardId };
  });
}

async function changeLineText(user: SessionUser, kind: LineKind, id: string, text: string): Promise<StandardResult> {
  if (user.role !== "admin") return REFUSED;
  const d = LINES[kind];
  return await db.transaction(async (tx): Promise<StandardResult> => {
    const row = await lineRow(tx, kind, id);
    if (!row) return { ok: false, code: "not_found", message: d.notFound };
    if (row.text === text) return { ok: true, standardId: row.standardId };
    const clash = row.retiredAt ? undefined : await lineClash(tx, kind, row.standardId, text, id);
    if (clash) return clash;
    if (kind === "option") await tx.update(apprenticeshipOptions).set({ name: text }).where(eq(apprenticeshipOptions.id, id));
    else await tx.update(gatewayRequirements).set({ label: text }).where(eq(gatewayRequirements.id, id));
    await audit(tx, user, { action: `${d.entity}.${d.change}`, entityType: d.entity, entityId: id, summary: { from: row.text, to: text } });
    return { ok: true, standardId: row.standardId };
  });
}

async function setLineRetired(user: SessionUser, kind: LineKind, id: string, retired: boolean, now: Date): Promise<StandardResult> {
  if (user.role !== "admin") return REFUSED;
  const d = LINES[kind];
  return await db.transaction(async (tx): Promise<StandardResult> => {
    const row = await lineRow(tx, kind, id);
    if (!row) return { ok: false, code: "not_found", message: d.notFound };
    const name = kind === "option" ? row.text : "This requirement";
    if (!!row.retiredAt === retired) return { ok: false, code: "conflict", message: `${name} is ${retired ? "already retired" : "not retired"}` };
    if (!retired) {
      const clash = await lineClash(tx, kind, row.standardId, row.text, id);
      if (clash) return { ok: false, code: "invalid", message: `${clash.message}. ${d.fix}` };
    }
    const retiredAt = retired ? now : null;
    if (kind === "option") await tx.update(apprenticeshipOptions).set({ retiredAt }).where(eq(apprenticeshipOptions.id, id));
    else await tx.update(gatewayRequirements).set({ retiredAt, ...(retired ? {} : { sort: await endOfChecklist(tx, row.standardId) }) }).where(eq(gatewayRequirements.id, id));
    await audit(tx, user, { action: `${d.entity}.${retired ? "retire" : "restore"}`, entityType: d.entity, entityId: id, summary: { [d.field]: row.text } });
    return { ok: true, standardId: row.standardId };
  });
}

export const optionForAdmin = async (user: SessionUser, standardId: string, optionId: string) => await lineForAdmin(user, "option", standardId, optionId);
export const addOption = async (user: SessionUser, standardId: string, name: string) => await addLine(user, "option", standardId, name);
export const renameOption = async (user: SessionUser, optionId: string, name: string) => await changeLineText(user, "option", optionId, name);
/** Retiring an option keeps it on the apprenticeships that already follow it; new ones cannot choose it. */
export const setOptionRetired = async (user: SessionUser, optionId: string, retired: boolean, now = clockNow()) => await setLineRetired(user, "option", optionId, retired, now);

export const requirementForAdmin = async (user: SessionUser, standardId: string, requirementId: string) => await lineForAdmin(user, "requirement", standardId, requirementId);
/** A new requirement goes to the end of the checklist. */
export const addGatewayRequirement = async (user: SessionUser, standardId: string, label: string) => await addLine(user, "requirement", standardId, label);
export const rewordGatewayRequirement = async (user: SessionUser, requirementId: string, label: string) => await changeLineText(user, "requirement", requirementId, label);
/** Retiring takes a requirement off the checklist (checks already made against it are kept); restoring puts it at the end. */
export const setRequirementRetired = async (user: SessionUser, requirementId: string, retired: boolean, now = clockNow()) =>
  await setLineRetired(user, "requirement", requirementId, retired, now);

/** Swaps a current requirement with its current neighbour above or below. */
export async function moveGatewayRequirement(user: SessionUser, requirementId: string, direction: "up" | "down"): Promise<StandardResult> {
  if (user.role !== "admin") return REFUSED;
  return await db.transaction(async (tx): Promise<StandardResult> => {
    const row = await lineRow(tx, "requirement", requirementId);
    if (!row) return { ok: false, code: "not_found", message: "Gateway requirement not found" };
    if (row.retiredAt) return { ok: false, code: "invalid", message: "A retired requirement is not on the checklist, so it cannot be moved" };
    const live = await tx
      .select({ id: gatewayRequirements.id, sort: gatewayRequirements.sort })
      .from(gatewayRequirements)
      .where(and(eq(gatewayRequirements.standardId, row.standardId), isNull(gatewayRequirements.retiredAt)))
      .orderBy(asc(gatewayRequirements.sort), asc(gatewayRequirements.label));
    const at = live.findIndex((r) => r.id === requirementId);
    const other = live[direction === "up" ? at - 1 : at + 1];
    if (!other) return { ok: false, code: "conflict", message: direction === "up" ? "This requirement is already first" : "This requirement is already last" };
    // Renumber the whole checklist so that equal sort values (from old data) cannot leave the swap without effect.
    const order = live.map((r) => r.id);
    [order[at], order[live.indexOf(other)]] = [other.id, requirementId];
    for (const [i, rid] of order.entries()) await tx.update(gatewayRequirements).set({ sort: (i + 1) * 10 }).where(eq(gatewayRequirements.id, rid));
    await audit(tx, user, { action: "gateway_requirement.move", entityType: "gateway_requirement", entityId: requirementId, summary: { label: row.text, direction } });
    return { ok: true, standardId: row.standardId };
  });
}
