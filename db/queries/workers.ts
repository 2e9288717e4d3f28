import "server-only";
// Reading support workers: one profile, and the signed-in worker's own record.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "../client";
import { workers, teams, professions, stages, bands, careSettings, users, workerPositions } from "../schema";
import { visibleWorkers } from "../access";
import type { SessionUser } from "../../lib/session-user";

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
      teamId: teams.id,
      teamName: teams.name,
      profession: professions.name,
      stage: stages.name,
      stageCode: stages.code,
      frameworkStage: stages.frameworkStage,
      band: bands.name,
      careSetting: careSettings.name,
      lineManagerName: lineManager.name,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(professions, eq(professions.id, workers.professionId))
    .innerJoin(stages, eq(stages.id, workers.stageId))
    .leftJoin(bands, eq(bands.id, workers.bandId))
    .leftJoin(careSettings, eq(careSettings.id, workers.careSettingId))
    .leftJoin(lineManager, eq(lineManager.id, workers.lineManagerId));
}

export type WorkerProfile = NonNullable<ReturnType<typeof workerProfile>>;

/** A worker the user may see, or undefined (the page answers 404). */
export function workerProfile(user: SessionUser, workerId: string) {
  return profileQuery()
    .where(and(eq(workers.id, workerId), visibleWorkers(user)))
    .get();
}

/** The support worker's own record, through the same access rule. */
export function ownWorkerRecord(user: SessionUser) {
  return profileQuery().where(visibleWorkers({ ...user, role: "support_worker" })).get();
}

/** Position history, newest first, for a worker the user may see. */
export function positionHistory(user: SessionUser, workerId: string) {
  return db
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
    .orderBy(desc(workerPositions.effectiveFrom), asc(workerPositions.createdAt))
    .all();
}
