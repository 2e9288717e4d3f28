import "server-only";
// Reference lists for forms and filters: the values in use (not retired), in their display order.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "../client";
import { professions, careSettings, stages, bands, teams } from "../schema";
import { managedTeamIds } from "../access";
import type { SessionUser } from "../../lib/session-user";

export type Option = readonly [value: string, label: string];

export function professionOptions(): Option[] {
  return db
    .select({ id: professions.id, name: professions.name })
    .from(professions)
    .where(isNull(professions.retiredAt))
    .orderBy(asc(professions.sort), asc(professions.name))
    .all()
    .map((r) => [r.id, r.name] as const);
}

export function careSettingOptions(): Option[] {
  return db
    .select({ id: careSettings.id, name: careSettings.name })
    .from(careSettings)
    .where(isNull(careSettings.retiredAt))
    .orderBy(asc(careSettings.sort), asc(careSettings.name))
    .all()
    .map((r) => [r.id, r.name] as const);
}

export function stageOptions(): Option[] {
  return db
    .select({ id: stages.id, name: stages.name })
    .from(stages)
    .where(isNull(stages.retiredAt))
    .orderBy(asc(stages.rank), asc(stages.sort))
    .all()
    .map((r) => [r.id, r.name] as const);
}

export function bandOptions(): Option[] {
  return db
    .select({ id: bands.id, name: bands.name })
    .from(bands)
    .where(isNull(bands.retiredAt))
    .orderBy(asc(bands.sort))
    .all()
    .map((r) => [r.id, r.name] as const);
}

/**
 * Teams the user works with: a manager's own teams (the ones new workers may join), everyone's for a lead or
 * an admin. Archived teams are left out.
 */
export function teamOptions(user: SessionUser): Option[] {
  const mine = user.role === "manager" ? inArray(teams.id, managedTeamIds(user)) : undefined;
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, user.orgId), isNull(teams.archivedAt), mine))
    .orderBy(asc(teams.name))
    .all()
    .map((r) => [r.id, r.name] as const);
}
