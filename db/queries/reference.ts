import "server-only";
// Reference lists for forms and filters: the values in use (not retired), in their display order.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "../client";
import { professions, careSettings, stages, bands, teams } from "../schema";
import { managedTeamIds } from "../access";
import type { SessionUser } from "../../lib/session-user";

export type Option = readonly [value: string, label: string];

export async function professionOptions(): Promise<Option[]> {
  return (await db
    .select({ id: professions.id, name: professions.name })
    .from(professions)
    .where(isNull(professions.retiredAt))
    .orderBy(asc(professions.sort), asc(professions.name)))
    .map((r) => [r.id, r.name] as const);
}

export async function careSettingOptions(): Promise<Option[]> {
  return (await db
    .select({ id: careSettings.id, name: careSettings.name })
    .from(careSettings)
    .where(isNull(careSettings.retiredAt))
    .orderBy(asc(careSettings.sort), asc(careSettings.name)))
    .map((r) => [r.id, r.name] as const);
}

export async function stageOptions(): Promise<Option[]> {
  return (await db
    .select({ id: stages.id, name: stages.name })
    .from(stages)
    .where(isNull(stages.retiredAt))
    .orderBy(asc(stages.rank), asc(stages.sort)))
    .map((r) => [r.id, r.name] as const);
}

export async function bandOptions(): Promise<Option[]> {
  return (await db
    .select({ id: bands.id, name: bands.name })
    .from(bands)
    .where(isNull(bands.retiredAt))
    .orderBy(asc(bands.sort)))
    .map((r) => [r.id, r.name] as const);
}

/**
 * Teams the user works with: a manager's own teams (the ones new workers may join), everyone's for a lead or
 * an admin. Archived teams are left out.
 */
export async function teamOptions(user: SessionUser): Promise<Option[]> {
  const mine = user.role === "manager" ? inArray(teams.id, managedTeamIds(user)) : undefined;
  return (await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, user.orgId), isNull(teams.archivedAt), mine))
    .orderBy(asc(teams.name)))
    .map((r) => [r.id, r.name] as const);
}
