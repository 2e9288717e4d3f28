import "server-only";
// Teams: the list and a team's page (with its size in headcount and FTE by stage), and the admin's changes.
import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { caseless } from "../dialect";
import { db, type DB, first, one, isUniqueViolation } from "../client";
import { teams, teamProfessions, teamManagers, professions, careSettings, users, workers, stages } from "../schema";
import { visibleTeams, visibleWorkers } from "../access";
import { audit } from "../audit";
import { TEAMS_PAGE_SIZE, type TeamFields, type TeamFilters } from "../../lib/forms/team";
import type { SessionUser } from "../../lib/session-user";
import type { Result } from "../result";
import { now as clockNow } from "../../lib/rules/dates";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export type TeamChange = Result<{ teamId: string }>;

export type StageSize = { stageId: string; stage: string; headcount: number; fte: number };
export type TeamSize = { headcount: number; fte: number; byStage: StageSize[] };

const EMPTY_SIZE: TeamSize = { headcount: 0, fte: 0, byStage: [] };

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * In-post headcount and FTE by stage for the given teams: one grouped query for all of them, however many there are.
 * Workers are counted through the same access rule as everything else (a manager's teams are all theirs to see).
 */
export async function teamSizes(user: SessionUser, teamIds: string[]): Promise<Map<string, TeamSize>> {
  const sizes = new Map<string, TeamSize>();
  if (teamIds.length === 0) return sizes;
  const rows = await db
    .select({
      teamId: workers.teamId,
      stageId: stages.id,
      stage: stages.name,
      headcount: sql<number>`count(*)`,
      fte: sql<number>`sum(${workers.fte})`,
    })
    .from(workers)
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .where(and(inArray(workers.teamId, teamIds), eq(workers.status, "in_post"), visibleWorkers(user)))
    .groupBy(workers.teamId, stages.id)
    .orderBy(asc(stages.rank), asc(stages.sort), asc(stages.name));
  for (const r of rows) {
    const size = sizes.get(r.teamId) ?? { headcount: 0, fte: 0, byStage: [] };
    size.byStage.push({ stageId: r.stageId, stage: r.stage, headcount: r.headcount, fte: round2(r.fte) });
    size.headcount += r.headcount;
    size.fte = round2(size.fte + r.fte);
    sizes.set(r.teamId, size);
  }
  return sizes;
}

async function professionsOf(teamIds: string[]) {
  if (teamIds.length === 0) return new Map<string, { id: string; name: string; retired: boolean }[]>();
  const rows = await db
    .select({ teamId: teamProfessions.teamId, id: professions.id, name: professions.name, retiredAt: professions.retiredAt })
    .from(teamProfessions)
    .innerJoin(professions, eq(professions.id, teamProfessions.professionId))
    .where(inArray(teamProfessions.teamId, teamIds))
    .orderBy(asc(professions.sort), asc(professions.name));
  const map = new Map<string, { id: string; name: string; retired: boolean }[]>();
  for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), { id: r.id, name: r.name, retired: !!r.retiredAt }]);
  return map;
}

async function managersOf(teamIds: string[]) {
  if (teamIds.length === 0) return new Map<string, { id: string; name: string; active: boolean }[]>();
  const rows = await db
    .select({ teamId: teamManagers.teamId, id: users.id, name: users.name, status: users.status })
    .from(teamManagers)
    .innerJoin(users, eq(users.id, teamManagers.userId))
    .where(inArray(teamManagers.teamId, teamIds))
    .orderBy(caseless(users.name));
  const map = new Map<string, { id: string; name: string; active: boolean }[]>();
  for (const r of rows) map.set(r.teamId, [...(map.get(r.teamId) ?? []), { id: r.id, name: r.name, active: r.status === "active" }]);
  return map;
}

function teamRows() {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      service: teams.service,
      careSettingId: teams.careSettingId,
      careSetting: careSettings.name,
      archivedAt: teams.archivedAt,
    })
    .from(teams)
    .leftJoin(careSettings, eq(careSettings.id, teams.careSettingId));
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof teamRows>["all"]>>[number];

async function withDetails(user: SessionUser, rows: TeamRow[]) {
  const ids = rows.map((r) => r.id);
  const sizes = await teamSizes(user, ids);
  const profs = await professionsOf(ids);
  const managers = await managersOf(ids);
  return rows.map((r) => ({ ...r, professions: profs.get(r.id) ?? [], managers: managers.get(r.id) ?? [], size: sizes.get(r.id) ?? EMPTY_SIZE }));
}

/** One page of the teams the user may see, each with its professions, managers and size by stage. */
export async function listTeams(user: SessionUser, f: TeamFilters) {
  const conditions: (SQL | undefined)[] = [visibleTeams(user), f.archived ? isNotNull(teams.archivedAt) : isNull(teams.archivedAt)];
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`lower(${teams.name}) like ${like} escape '\\'`, sql`lower(${teams.service}) like ${like} escape '\\'`));
  }
  const where = and(...conditions);
  const total = (await first(db.select({ n: sql<number>`count(*)` }).from(teams).where(where)))?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / TEAMS_PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const rows = await teamRows()
    .where(where)
    .orderBy(caseless(teams.name))
    .limit(TEAMS_PAGE_SIZE)
    .offset((page - 1) * TEAMS_PAGE_SIZE);
  return { teams: await withDetails(user, rows), total, page, pages };
}

/** A team the user may see, with its details and size; undefined otherwise (the page answers 404). */
export async function teamDetail(user: SessionUser, teamId: string) {
  const row = await first(teamRows()
    .where(and(eq(teams.id, teamId), visibleTeams(user))));
  return row ? (await withDetails(user, [row]))[0] : undefined;
}

/** The team's support workers in post, through the access rule. */
export async function teamWorkers(user: SessionUser, teamId: string) {
  return await db
    .select({
      id: workers.id,
      firstName: workers.firstName,
      lastName: workers.lastName,
      jobTitle: workers.jobTitle,
      stage: stages.name,
      fte: workers.fte,
    })
    .from(workers)
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(eq(workers.teamId, teamId), eq(workers.status, "in_post"), visibleTeams(user), visibleWorkers(user)))
    .orderBy(caseless(workers.lastName), caseless(workers.firstName));
}

/* ------------------------------------------------------------------ the admin's changes */

const adminOnly = (user: SessionUser) => user.role === "admin";

/** The team as its edit form shows it. */
export async function teamForEdit(admin: SessionUser, teamId: string) {
  if (!adminOnly(admin)) return undefined;
  const team = await first(db
    .select()
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.orgId, admin.orgId))));
  if (!team) return undefined;
  const professionIds = await db.select({ id: teamProfessions.professionId }).from(teamProfessions).where(eq(teamProfessions.teamId, teamId));
  const managerIds = await db.select({ id: teamManagers.userId }).from(teamManagers).where(eq(teamManagers.teamId, teamId));
  return { ...team, professionIds: professionIds.map((r) => r.id), managerIds: managerIds.map((r) => r.id) };
}

type Option = readonly [string, string];

/**
 * The choices on the team form: live professions, care settings and active managers, plus whatever the team already
 * has (a retired profession, a disabled manager) so that saving the form does not silently drop it.
 */
export async function teamFormChoices(admin: SessionUser, current?: { professionIds: string[]; careSettingId: string | null; managerIds: string[] }) {
  const keepProfessions = current?.professionIds.length ? inArray(professions.id, current.professionIds) : undefined;
  const professionChoices: Option[] = (await db
    .select({ id: professions.id, name: professions.name, retiredAt: professions.retiredAt })
    .from(professions)
    .where(or(isNull(professions.retiredAt), keepProfessions))
    .orderBy(asc(professions.sort), asc(professions.name)))
    .map((r) => [r.id, r.retiredAt ? `${r.name} (retired)` : r.name] as const);
  const settingChoices: Option[] = (await db
    .select({ id: careSettings.id, name: careSettings.name, retiredAt: careSettings.retiredAt })
    .from(careSettings)
    .where(or(isNull(careSettings.retiredAt), current?.careSettingId ? eq(careSettings.id, current.careSettingId) : undefined))
    .orderBy(asc(careSettings.sort), asc(careSettings.name)))
    .map((r) => [r.id, r.retiredAt ? `${r.name} (retired)` : r.name] as const);
  const keepManagers = current?.managerIds.length ? inArray(users.id, current.managerIds) : undefined;
  const managerChoices: Option[] = (await db
    .select({ id: users.id, name: users.name, email: users.email, status: users.status, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, admin.orgId), or(and(eq(users.role, "manager"), eq(users.status, "active")), keepManagers)))
    .orderBy(caseless(users.name)))
    .map((r) => [r.id, `${r.name} (${r.email})${r.status === "active" ? "" : ", disabled"}`] as const);
  return { professions: professionChoices, careSettings: settingChoices, managers: managerChoices };
}

async function nameTaken(tx: Tx, orgId: string, name: string, exceptTeamId?: string) {
  return await first(tx
    .select({ name: teams.name, archivedAt: teams.archivedAt })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), sql`lower(${teams.name}) = lower(${name})`, exceptTeamId ? ne(teams.id, exceptTeamId) : undefined)));
}

/** Every chosen id must be a live value or one the team already has; managers must be this organisation's managers. */
async function checkChoices(tx: Tx, admin: SessionUser, f: TeamFields, existing?: { professionIds: string[]; careSettingId: string | null; managerIds: string[] }) {
  const professionIds = [...new Set(f.professionIds)];
  const managerIds = [...new Set(f.managerIds)];
  if (professionIds.length) {
    const found = await tx
      .select({ id: professions.id, retiredAt: professions.retiredAt })
      .from(professions)
      .where(inArray(professions.id, professionIds));
    const ok = found.filter((p) => !p.retiredAt || existing?.professionIds.includes(p.id));
    if (ok.length !== professionIds.length) return { ok: false as const, code: "invalid" as const, field: "professionIds", message: "Select professions from the list" };
  }
  if (f.careSettingId && f.careSettingId !== existing?.careSettingId) {
    const live = await first(tx
      .select({ id: careSettings.id })
      .from(careSettings)
      .where(and(eq(careSettings.id, f.careSettingId), isNull(careSettings.retiredAt))));
    if (!live) return { ok: false as const, code: "invalid" as const, field: "careSettingId", message: "Select a care setting from the list" };
  }
  if (managerIds.length) {
    const found = await tx
      .select({ id: users.id, role: users.role, status: users.status })
      .from(users)
      .where(and(inArray(users.id, managerIds), eq(users.orgId, admin.orgId)));
    const ok = found.filter((u) => (u.role === "manager" && u.status === "active") || existing?.managerIds.includes(u.id));
    if (ok.length !== managerIds.length) return { ok: false as const, code: "invalid" as const, field: "managerIds", message: "Select managers from the list" };
  }
  return { ok: true as const, professionIds, managerIds };
}

function duplicateName(name: string, clash: { name: string; archivedAt: Date | null }) {
  return {
    ok: false as const,
    code: "conflict" as const,
    field: "name",
    message: clash.archivedAt
      ? `There is already an archived team called ${clash.name}. Restore it, or choose another name.`
      : `There is already a team called ${clash.name}`,
  };
}


/** Two admins saving the same name at once: the unique index answers, and reads the same as the check. */
async function guarded(name: string, run: () => Promise<TeamChange>): Promise<TeamChange> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "conflict", field: "name", message: `There is already a team called ${name}` };
    throw error;
  }
}

export async function createTeam(admin: SessionUser, f: TeamFields): Promise<TeamChange> {
  if (!adminOnly(admin)) return { ok: false, code: "read_only", message: "Only administrators add teams" };
  return guarded(f.name, async () =>
    await db.transaction(async (tx): Promise<TeamChange> => {
      const clash = await nameTaken(tx, admin.orgId, f.name);
      if (clash) return duplicateName(f.name, clash);
      const choices = await checkChoices(tx, admin, f);
      if (!choices.ok) return choices;
      const team = await one(tx
        .insert(teams)
        .values({ orgId: admin.orgId, name: f.name, service: f.service, careSettingId: f.careSettingId })
        .returning({ id: teams.id }));
      for (const professionId of choices.professionIds) await tx.insert(teamProfessions).values({ teamId: team.id, professionId });
      for (const userId of choices.managerIds) await tx.insert(teamManagers).values({ teamId: team.id, userId });
      await audit(tx, admin, {
        action: "team.create",
        entityType: "team",
        entityId: team.id,
        summary: { name: f.name, professions: choices.professionIds.length, managers: choices.managerIds },
      });
      return { ok: true, teamId: team.id };
    }),
  );
}

export async function updateTeam(admin: SessionUser, teamId: string, f: TeamFields): Promise<TeamChange> {
  if (!adminOnly(admin)) return { ok: false, code: "not_found", message: "Team not found" };
  return guarded(f.name, async () =>
    await db.transaction(async (tx): Promise<TeamChange> => {
      const before = await first(tx
        .select()
        .from(teams)
        .where(and(eq(teams.id, teamId), eq(teams.orgId, admin.orgId))));
      if (!before) return { ok: false, code: "not_found", message: "Team not found" };
      const clash = await nameTaken(tx, admin.orgId, f.name, teamId);
      if (clash) return duplicateName(f.name, clash);
      const professionIds = (await tx.select({ id: teamProfessions.professionId }).from(teamProfessions).where(eq(teamProfessions.teamId, teamId))).map((r) => r.id);
      const managerIds = (await tx.select({ id: teamManagers.userId }).from(teamManagers).where(eq(teamManagers.teamId, teamId))).map((r) => r.id);
      const choices = await checkChoices(tx, admin, f, { professionIds, careSettingId: before.careSettingId, managerIds });
      if (!choices.ok) return choices;

      const changed: string[] = (["name", "service", "careSettingId"] as const).filter((k) => before[k] !== f[k]);
      const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
      if (!sameSet(professionIds, choices.professionIds)) changed.push("professionIds");
      const managersAdded = choices.managerIds.filter((id) => !managerIds.includes(id));
      const managersRemoved = managerIds.filter((id) => !choices.managerIds.includes(id));
      if (changed.length === 0 && managersAdded.length === 0 && managersRemoved.length === 0) return { ok: true, teamId };

      await tx.update(teams).set({ name: f.name, service: f.service, careSettingId: f.careSettingId }).where(eq(teams.id, teamId));
      await tx.delete(teamProfessions).where(eq(teamProfessions.teamId, teamId));
      for (const professionId of choices.professionIds) await tx.insert(teamProfessions).values({ teamId, professionId });
      if (managersRemoved.length) await tx.delete(teamManagers).where(and(eq(teamManagers.teamId, teamId), inArray(teamManagers.userId, managersRemoved)));
      for (const userId of managersAdded) await tx.insert(teamManagers).values({ teamId, userId });
      await audit(tx, admin, {
        action: "team.update",
        entityType: "team",
        entityId: teamId,
        summary: { changed, ...(managersAdded.length ? { managersAdded } : {}), ...(managersRemoved.length ? { managersRemoved } : {}) },
      });
      return { ok: true, teamId };
    }),
  );
}

/** Archives a team with nobody in post (its history keeps pointing at it); a team with workers in post says why not. */
export async function archiveTeam(admin: SessionUser, teamId: string, now = clockNow()): Promise<TeamChange> {
  if (!adminOnly(admin)) return { ok: false, code: "not_found", message: "Team not found" };
  return await db.transaction(async (tx): Promise<TeamChange> => {
    const team = await first(tx
      .select()
      .from(teams)
      .where(and(eq(teams.id, teamId), eq(teams.orgId, admin.orgId))));
    if (!team) return { ok: false, code: "not_found", message: "Team not found" };
    if (team.archivedAt) return { ok: false, code: "conflict", message: `${team.name} is already archived` };
    const inPost =
      (await first(tx
        .select({ n: sql<number>`count(*)` })
        .from(workers)
        .where(and(eq(workers.teamId, teamId), eq(workers.status, "in_post")))))?.n ?? 0;
    if (inPost > 0) {
      return {
        ok: false,
        code: "invalid",
        message: `${team.name} cannot be archived: ${inPost} support ${inPost === 1 ? "worker is" : "workers are"} in post in it. Move them to another team, or record their leaving, first.`,
      };
    }
    await tx.update(teams).set({ archivedAt: now }).where(eq(teams.id, teamId));
    await audit(tx, admin, { action: "team.archive", entityType: "team", entityId: teamId, summary: { name: team.name } });
    return { ok: true, teamId };
  });
}

export async function restoreTeam(admin: SessionUser, teamId: string): Promise<TeamChange> {
  if (!adminOnly(admin)) return { ok: false, code: "not_found", message: "Team not found" };
  return await db.transaction(async (tx): Promise<TeamChange> => {
    const team = await first(tx
      .select()
      .from(teams)
      .where(and(eq(teams.id, teamId), eq(teams.orgId, admin.orgId))));
    if (!team) return { ok: false, code: "not_found", message: "Team not found" };
    if (!team.archivedAt) return { ok: false, code: "conflict", message: `${team.name} is not archived` };
    await tx.update(teams).set({ archivedAt: null }).where(eq(teams.id, teamId));
    await audit(tx, admin, { action: "team.restore", entityType: "team", entityId: teamId, summary: { name: team.name } });
    return { ok: true, teamId };
  });
}
