import "server-only";
// Reading support workers: one profile, and the signed-in worker's own record.
import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import { caseless, always, roundTo } from "../dialect";
import { alias } from "drizzle-orm/sqlite-core";
import { db, first } from "../client";
import { workers, teams, professions, stages, bands, careSettings, users, workerPositions, apprenticeships } from "../schema";
import { visibleWorkers, editableWorkers } from "../access";
import { keptListPage } from "../insights-cache";
import type { SessionUser } from "../../lib/session-user";
import { PAGE_SIZE, type WorkerFilters, type WorkerSort } from "../../lib/worker-filters";

const lineManager = alias(users, "line_manager");

function profileQuery() {
  return db
    .select({
      id: workers.id,
      employeeNumber: workers.employeeNumber,
      firstName: workers.firstName,
      lastName: workers.lastName,
      jobTitle: workers.jobTitle,
      fte: workers.fte,
      contractStart: workers.contractStart,
      contractEnd: workers.contractEnd,
      status: workers.status,
      leavingReason: workers.leavingReason,
      hasLogin: sql<boolean>`${workers.userId} is not null`.mapWith(Boolean),
      userId: workers.userId,
      teamId: teams.id,
      teamName: teams.name,
      profession: professions.name,
      stage: stages.name,
      stageCode: stages.code,
      frameworkStage: stages.frameworkStage,
      band: bands.name,
      careSetting: careSettings.name,
      lineManagerName: lineManager.name,
      lineManagerEmail: lineManager.email,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(professions, eq(professions.id, workers.professionId))
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .leftJoin(bands, eq(bands.id, workers.bandId))
    .leftJoin(careSettings, eq(careSettings.id, workers.careSettingId))
    .leftJoin(lineManager, eq(lineManager.id, workers.lineManagerId));
}

export type WorkerProfile = NonNullable<Awaited<ReturnType<typeof workerProfile>>>;

/** Whether a worker's record is the viewer's own: the pages speak to them as "you" and leave off what only others do. */
export const ownFor = (user: SessionUser) => sql<boolean>`coalesce(${workers.userId} = ${user.id}, false)`.mapWith(Boolean);

/** A worker the user may see, or undefined (the page answers 404). */
export async function workerProfile(user: SessionUser, workerId: string) {
  const worker = await first(profileQuery()
    .where(and(eq(workers.id, workerId), visibleWorkers(user))));
  return worker && { ...worker, isOwn: worker.userId === user.id };
}

/** The support worker's own record, through the same access rule. */
export async function ownWorkerRecord(user: SessionUser) {
  return await first(profileQuery().where(visibleWorkers({ ...user, role: "support_worker" })));
}

/** The id of the support worker's own record, for the links to it in the navigation; undefined when none is linked. */
export async function ownWorkerId(user: SessionUser): Promise<string | undefined> {
  return (await first(db.select({ id: workers.id }).from(workers).where(visibleWorkers({ ...user, role: "support_worker" }))))?.id;
}

/** Position history, newest first, for a worker the user may see. */
export async function positionHistory(user: SessionUser, workerId: string) {
  return await db
    .select({
      id: workerPositions.id,
      effectiveFrom: workerPositions.effectiveFrom,
      effectiveTo: workerPositions.effectiveTo,
      jobTitle: workerPositions.jobTitle,
      stage: stages.name,
      band: bands.name,
      team: teams.name,
      reason: workerPositions.reason,
    })
    .from(workerPositions)
    .innerJoin(workers, eq(workers.id, workerPositions.workerId))
    .innerJoin(stages, eq(stages.id, workerPositions.stageId))
    .leftJoin(bands, eq(bands.id, workerPositions.bandId))
    .innerJoin(teams, eq(teams.id, workerPositions.teamId))
    .where(and(eq(workerPositions.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(workerPositions.effectiveFrom), asc(workerPositions.createdAt));
}

/** Apprenticeship statuses that mean "on an apprenticeship now". */
export const LIVE_APPRENTICESHIP = ["on_programme", "break_in_learning", "gateway", "end_point_assessment"] as const;

function filterConditions(user: SessionUser, f: WorkerFilters): SQL {
  const conditions: (SQL | undefined)[] = [visibleWorkers(user)];
  if (f.status !== "all") conditions.push(eq(workers.status, f.status));
  if (f.team) conditions.push(eq(workers.teamId, f.team));
  if (f.profession) conditions.push(eq(workers.professionId, f.profession));
  if (f.stage) conditions.push(eq(workers.stageId, f.stage));
  if (f.band) conditions.push(eq(workers.bandId, f.band));
  if (f.setting) conditions.push(eq(workers.careSettingId, f.setting));
  if (f.q) {
    const escaped = f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    const text = `%${escaped}%`;
    conditions.push(
      or(
        sql`lower(${workers.firstName} || ' ' || ${workers.lastName}) like ${text} escape '\\'`,
        sql`lower(${workers.lastName} || ', ' || ${workers.firstName}) like ${text} escape '\\'`,
        sql`lower(${workers.employeeNumber}) like ${`${escaped}%`} escape '\\'`,
      ),
    );
  }
  if (f.apprentice) {
    conditions.push(
      exists(
        db
          .select({ one: always })
          .from(apprenticeships)
          .where(and(eq(apprenticeships.workerId, workers.id), inArray(apprenticeships.status, [...LIVE_APPRENTICESHIP]))),
      ),
    );
  }
  return and(...conditions)!;
}

const SORT_COLUMNS: Record<WorkerSort, SQL | typeof workers.fte> = {
  name: sql`${caseless(workers.lastName)}, ${caseless(workers.firstName)}`,
  employeeNumber: sql`${workers.employeeNumber}`,
  jobTitle: caseless(workers.jobTitle),
  team: caseless(teams.name),
  profession: sql`${professions.name}`,
  stage: sql`${stages.rank}`,
  band: sql`${bands.sort}`,
  fte: workers.fte,
  start: sql`${workers.contractStart}`,
};

function listOrder(f: WorkerFilters) {
  const way = f.dir === "desc" ? desc : asc;
  // By name is two keys, each in the direction asked (one direction after both would turn the first name only).
  const keys = f.sort === "name" ? [way(caseless(workers.lastName)), way(caseless(workers.firstName))] : [way(SORT_COLUMNS[f.sort])];
  return [...keys, asc(workers.lastName), asc(workers.id)];
}

function listQuery(user: SessionUser, f: WorkerFilters) {
  return profileQuery()
    .where(filterConditions(user, f))
    .orderBy(...listOrder(f));
}

/** Sorts by the worker's own columns, for which a page's ids are found from the workers alone. */
const OWN_COLUMN_SORTS: ReadonlySet<WorkerSort> = new Set(["name", "employeeNumber", "jobTitle", "fte", "start"]);

/** One page of the workers the user may see, with the headcount and FTE of the whole filtered set. */
export async function listWorkers(user: SessionUser, f: WorkerFilters) {
  // Kept while nothing is written (db/insights-cache.ts: exact, never served after a change): a lead's headcount and
  // FTE add up every worker of the organisation, and paging back and forth, or returning to the list, would do it again.
  return await keptListPage("workers list", user, { role: user.role, ...f }, async () => await workOutWorkersList(user, f));
}

async function workOutWorkersList(user: SessionUser, f: WorkerFilters) {
  const totals = await first(db
    .select({ headcount: sql<number>`count(*)`, fte: sql<number>`coalesce(${roundTo(sql`sum(${workers.fte})`, 2)}, 0)` })
    .from(workers)
    // A join keeps drizzle writing qualified column names (see db/queries/insights.ts).
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(filterConditions(user, f))) ?? { headcount: 0, fte: 0 };
  const pages = Math.max(1, Math.ceil(totals.headcount / PAGE_SIZE));
  const page = Math.min(f.page, pages);
  if (!OWN_COLUMN_SORTS.has(f.sort)) {
    return { rows: await listQuery(user, f).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE), ...totals, page, pages };
  }
  // A page of ids first, sorted on the workers alone, then only those 25 joined to their team, profession and the rest:
  // sorting a lead's 47,000 workers each joined to six tables for a page of 25 took four times as long.
  const ids = (await db
    .select({ id: workers.id })
    .from(workers)
    // A join keeps drizzle writing qualified column names (see db/queries/insights.ts).
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(filterConditions(user, f))
    .orderBy(...listOrder(f))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)).map((r) => r.id);
  return { rows: await workersInOrder(user, ids), ...totals, page, pages };
}

/** Every row of the filtered list in one statement (the tests' check of the export's chunks). */
export async function allWorkersMatching(user: SessionUser, f: WorkerFilters) {
  return await listQuery(user, f);
}

/**
 * The ids of every worker of the filtered list, in the list's order: the export reads their rows a chunk at a time
 * (db/queries/worker-export.ts). Joined only to what the list filters or sorts by.
 */
export async function workerIdsMatching(user: SessionUser, f: WorkerFilters): Promise<string[]> {
  const rows = await db
    .select({ id: workers.id })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(professions, eq(professions.id, workers.professionId))
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .leftJoin(bands, eq(bands.id, workers.bandId))
    .where(filterConditions(user, f))
    .orderBy(...listOrder(f));
  return rows.map((r) => r.id);
}

/** The list's rows of these workers, those the user may see, in the order of `ids`. */
export async function workersInOrder(user: SessionUser, ids: readonly string[]) {
  const byId = new Map((ids.length ? await profileQuery().where(and(inArray(workers.id, [...ids]), visibleWorkers(user))) : []).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The worker as every page of their record heads them (name, post, team, status), with whether the user may change
 * the record (their manager, an admin). Undefined when the user may not see the worker: the page answers 404.
 */
export async function workerRecordHeader(user: SessionUser, workerId: string) {
  return await first(db
    .select({
      id: workers.id,
      firstName: workers.firstName,
      lastName: workers.lastName,
      jobTitle: workers.jobTitle,
      teamName: teams.name,
      status: workers.status,
      contractStart: workers.contractStart,
      userId: workers.userId,
      lineManagerId: workers.lineManagerId,
      editable: sql<number>`case when ${editableWorkers(user)} then 1 else 0 end`.mapWith(Boolean),
      isOwn: ownFor(user),
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(eq(workers.id, workerId), visibleWorkers(user))));
}
