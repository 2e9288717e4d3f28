import "server-only";
// Workforce composition for the insights Workforce tab, in the shape of the source report's tables: headcount and FTE
// by profession × role (stage), by care setting × role, and by pay band. Three grouped queries whatever the size of the
// organisation. The population is the scorecard's: workers the user may see who were in post on the period's end date
// (a leaver before that day is not counted, one who leaves after it is), matching the filters. Stage, band, profession
// and care setting are each worker's current ones.
import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import { caseless } from "../dialect";
import { db } from "../client";
import { keptObject } from "../insights-cache";
import { bands, careSettings, professions, stages, workers } from "../schema";
import { visibleWorkers } from "../access";
import type { SessionUser } from "../../lib/session-user";
import type { ScorecardFilters } from "./scorecard";

/** Workers in the population: visible to the user, in post on the end date, matching the filters. */
export function inPostOn(user: SessionUser, f: ScorecardFilters): SQL {
  return and(
    visibleWorkers(user),
    sql`${workers.contractStart} <= ${f.end}`,
    or(eq(workers.status, "in_post"), sql`${workers.contractEnd} > ${f.end}`),
    f.team ? eq(workers.teamId, f.team) : undefined,
    f.profession ? eq(workers.professionId, f.profession) : undefined,
    f.setting ? eq(workers.careSettingId, f.setting) : undefined,
  )!;
}

export type StageColumn = { id: string; name: string; rank: number; sort: number };
/** One cell of a cross-table: the row (a profession or care setting, null when not recorded) and the stage. */
export type CrossCell = { rowId: string | null; rowName: string | null; rowSort: number; stageId: string; stageName: string; stageRank: number; stageSort: number; headcount: number; fte: number };
export type BandRow = { bandId: string | null; bandName: string | null; headcount: number; fte: number };

export type WorkforceComposition = {
  end: string;
  byProfession: CrossCell[];
  bySetting: CrossCell[];
  byBand: BandRow[];
};

/** The workforce tables, kept while the data is unchanged, and for a lead a while after a change if slow (db/insights-cache.ts). */
export async function workforceComposition(user: SessionUser, f: ScorecardFilters): Promise<WorkforceComposition & { workedOutAt: Date | null }> {
  return await keptObject("workforceComposition", user, f, async () => await workOutWorkforceComposition(user, f), true);
}

async function workOutWorkforceComposition(user: SessionUser, f: ScorecardFilters): Promise<WorkforceComposition> {
  const where = inPostOn(user, f);
  const counts = { headcount: sql<number>`count(*)`, fte: sql<number>`coalesce(sum(${workers.fte}), 0)` };
  const stageCols = { stageId: stages.id, stageName: stages.name, stageRank: stages.rank, stageSort: stages.sort };
  const byProfession = await db
    .select({ rowId: professions.id, rowName: professions.name, rowSort: professions.sort, ...stageCols, ...counts })
    .from(workers)
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .innerJoin(professions, eq(professions.id, workers.professionId))
    .where(where)
    .groupBy(professions.id, stages.id)
    .orderBy(asc(professions.sort), caseless(professions.name));
  const bySetting = await db
    .select({ rowId: careSettings.id, rowName: careSettings.name, rowSort: sql<number>`coalesce(${careSettings.sort}, 1000000)`, ...stageCols, ...counts })
    .from(workers)
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .leftJoin(careSettings, eq(careSettings.id, workers.careSettingId))
    .where(where)
    .groupBy(careSettings.id, stages.id)
    .orderBy(sql`${careSettings.id} is null`, asc(careSettings.sort), caseless(careSettings.name));
  const byBand = await db
    .select({ bandId: bands.id, bandName: bands.name, ...counts })
    .from(workers)
    .leftJoin(bands, eq(bands.id, workers.bandId))
    .where(where)
    .groupBy(bands.id)
    .orderBy(sql`${bands.id} is null`, asc(bands.sort), caseless(bands.name));
  return { end: f.end, byProfession, bySetting, byBand };
}
