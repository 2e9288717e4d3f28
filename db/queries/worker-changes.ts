import "server-only";
// Creating and changing support workers. A change of role, band, job title or team is a new position-history row
// with an effective date, never an overwrite of the past; a leaver gets an end date and a reason and keeps their history.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, first, one } from "../client";
import { workers, workerPositions, users, teams, professions, stages, bands, careSettings } from "../schema";
import { editableWorkers, managedTeamIds } from "../access";
import { audit } from "../audit";
import { notOwnRecord, ownRecordRefused } from "../separation";
import type { SessionUser } from "../../lib/session-user";
import { POSITION_FIELDS, type WorkerFields } from "../../lib/forms/worker";
import { withdrawOnLeavingInTx } from "./apprenticeship-changes";
import { type Refusal, type Result } from "../result";

export type ChangeResult = Result<{ workerId: string }>;

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];


/**
 * Checks that every chosen id is a live reference value, a team the user may place workers in, and an active
 * manager. A value the record already has (`current`) is kept even if it has since been retired, archived or
 * is outside the manager's teams: saving a correction must not force an unrelated change.
 */
async function checkChoices(tx: Tx, user: SessionUser, f: WorkerFields, current?: Partial<WorkerFields>): Promise<Refusal | undefined> {
  const kept = (k: keyof WorkerFields) => current !== undefined && current[k] === f[k];
  const teamOk =
    kept("teamId") ||
    await first(tx
    .select({ id: teams.id })
    .from(teams)
    .where(
      and(
        eq(teams.id, f.teamId),
        eq(teams.orgId, user.orgId),
        isNull(teams.archivedAt),
        user.role === "manager" ? inArray(teams.id, managedTeamIds(user)) : undefined,
      ),
    ));
  if (!teamOk) return { ok: false, code: "invalid", field: "teamId", message: "Select one of your teams" };
  const live = async <T extends typeof professions | typeof stages | typeof bands | typeof careSettings>(
    table: T,
    key: "professionId" | "stageId" | "bandId" | "careSettingId",
  ) => {
    const id = f[key];
    return id === null || kept(key) || !!await first(tx.select({ id: table.id }).from(table).where(and(eq(table.id, id), isNull(table.retiredAt))));
  };
  if (!await live(professions, "professionId")) return { ok: false, code: "invalid", field: "professionId", message: "Select a profession from the list" };
  if (!await live(stages, "stageId")) return { ok: false, code: "invalid", field: "stageId", message: "Select a role from the list" };
  if (!await live(bands, "bandId")) return { ok: false, code: "invalid", field: "bandId", message: "Select a band from the list" };
  if (!await live(careSettings, "careSettingId")) return { ok: false, code: "invalid", field: "careSettingId", message: "Select a care setting from the list" };
  if (f.lineManagerId && !kept("lineManagerId")) {
    const manager = await first(tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, f.lineManagerId), eq(users.orgId, user.orgId), eq(users.role, "manager"), eq(users.status, "active"))));
    if (!manager) return { ok: false, code: "invalid", field: "lineManagerId", message: "Select a line manager from the list" };
  }
  return undefined;
}

async function employeeNumberTaken(tx: Tx, orgId: string, employeeNumber: string, exceptWorkerId?: string): Promise<boolean> {
  return !!await first(tx
    .select({ id: workers.id })
    .from(workers)
    .where(
      and(
        eq(workers.orgId, orgId),
        sql`lower(${workers.employeeNumber}) = lower(${employeeNumber})`,
        exceptWorkerId ? sql`${workers.id} <> ${exceptWorkerId}` : undefined,
      ),
    ));
}

const DUPLICATE = (n: string) => ({ ok: false as const, code: "conflict" as const, field: "employeeNumber", message: `Employee number ${n} is already in use` });

/** Adds a worker (managers: into one of their teams; admins: any team) with their opening position. */
export async function createWorker(user: SessionUser, f: WorkerFields): Promise<ChangeResult> {
  if (user.role !== "manager" && user.role !== "admin") return { ok: false, code: "read_only", message: "Only managers and administrators add workers" };
  return await db.transaction(async (tx) => {
    const problem = await checkChoices(tx, user, f);
    if (problem) return problem;
    if (await employeeNumberTaken(tx, user.orgId, f.employeeNumber)) return DUPLICATE(f.employeeNumber);
    const worker = await one(tx
      .insert(workers)
      .values({ orgId: user.orgId, ...f, lineManagerId: f.lineManagerId ?? (user.role === "manager" ? user.id : null) })
      .returning({ id: workers.id }));
    await tx.insert(workerPositions)
      .values({
        workerId: worker.id,
        effectiveFrom: f.contractStart,
        stageId: f.stageId,
        bandId: f.bandId,
        jobTitle: f.jobTitle,
        teamId: f.teamId,
        reason: "Started",
        recordedBy: user.id,
      });
    await audit(tx, user, { action: "worker.create", entityType: "worker", entityId: worker.id, workerId: worker.id, summary: { employeeNumber: f.employeeNumber } });
    return { ok: true, workerId: worker.id };
  });
}

/** The worker as an editable record, if the user may edit them (managers of the worker, admins). */
export async function editableWorker(user: SessionUser, workerId: string) {
  return await first(db
    .select()
    .from(workers)
    // Never one's own record: nobody changes their own post or records their own leaving (db/separation.ts).
    .where(and(eq(workers.id, workerId), editableWorkers(user), notOwnRecord(user))));
}

/**
 * Saves changes. Corrections (names, FTE, profession...) change the record. A change of role, band, job title or
 * team closes the open position on `effectiveFrom` and opens a new one, so the past stays as it was.
 */
export async function updateWorker(
  user: SessionUser,
  workerId: string,
  f: WorkerFields & { effectiveFrom?: string; changeReason?: string },
): Promise<ChangeResult> {
  return await db.transaction(async (tx) => {
    const before = await first(tx
      .select()
      .from(workers)
      .where(and(eq(workers.id, workerId), editableWorkers(user))));
    if (!before) return { ok: false, code: "not_found", message: "Worker not found" };
    if (before.status === "left") return { ok: false, code: "read_only", message: "This worker has left. Their record can no longer be changed." };
    // Nobody changes their own post, team or line manager, and nobody is their own line manager (db/separation.ts).
    if (before.userId === user.id) return ownRecordRefused("workerChange");
    if (f.lineManagerId !== null && f.lineManagerId !== undefined && f.lineManagerId === before.userId) {
      return { ok: false, code: "invalid", field: "lineManagerId", message: `${before.firstName} ${before.lastName} cannot be their own line manager. Select someone else.` };
    }
    // A manager may keep a worker in a team they don't manage (a line-managed worker) but not move them into one.
    const problem = await checkChoices(tx, user, f, before);
    if (problem) return problem;
    if (await employeeNumberTaken(tx, user.orgId, f.employeeNumber, workerId)) return DUPLICATE(f.employeeNumber);

    const changed = (Object.keys(f) as (keyof WorkerFields)[]).filter(
      (k) => k in before && (before as Record<string, unknown>)[k] !== f[k],
    );
    const positionChanged = changed.some((k) => (POSITION_FIELDS as readonly string[]).includes(k));

    if (positionChanged) {
      const open = await first(tx
        .select()
        .from(workerPositions)
        .where(and(eq(workerPositions.workerId, workerId), isNull(workerPositions.effectiveTo))));
      if (!f.effectiveFrom) {
        return { ok: false, code: "invalid", field: "effectiveFrom", message: "Enter the date the change of role, band, job title or team takes effect" };
      }
      if (open && f.effectiveFrom <= open.effectiveFrom) {
        return {
          ok: false,
          code: "invalid",
          field: "effectiveFrom",
          message: `The change must take effect after ${open.effectiveFrom}, when the current position began`,
        };
      }
      if (open) await tx.update(workerPositions).set({ effectiveTo: f.effectiveFrom }).where(eq(workerPositions.id, open.id));
      await tx.insert(workerPositions)
        .values({
          workerId,
          effectiveFrom: f.effectiveFrom,
          stageId: f.stageId,
          bandId: f.bandId,
          jobTitle: f.jobTitle,
          teamId: f.teamId,
          reason: f.changeReason ?? "",
          recordedBy: user.id,
        });
    }
    if (changed.length === 0) return { ok: true, workerId };

    if (changed.includes("contractStart")) {
      // Correcting the start date moves the opening position's start with it (when it began on the old date).
      const opening = await first(tx
        .select()
        .from(workerPositions)
        .where(and(eq(workerPositions.workerId, workerId), eq(workerPositions.effectiveFrom, before.contractStart))));
      if (opening && (opening.effectiveTo === null || f.contractStart < opening.effectiveTo)) {
        await tx.update(workerPositions).set({ effectiveFrom: f.contractStart }).where(eq(workerPositions.id, opening.id));
      } else if (opening) {
        return { ok: false, code: "invalid", field: "contractStart", message: `The start date must be before ${opening.effectiveTo}, when their next position began` };
      }
    }

    const { effectiveFrom: _e, changeReason: _r, ...fields } = f;
    await tx.update(workers).set(fields).where(eq(workers.id, workerId));
    await audit(tx, user, {
      action: positionChanged ? "worker.position_change" : "worker.update",
      entityType: "worker",
      entityId: workerId,
      workerId,
      summary: { changed, ...(positionChanged ? { effectiveFrom: f.effectiveFrom } : {}) },
    });
    return { ok: true, workerId };
  });
}

/**
 * Records that a worker left: end date and reason; their history stays, a current apprenticeship is withdrawn, and
 * their login (if any) is disabled.
 */
export async function recordLeaving(user: SessionUser, workerId: string, input: { leftOn: string; reason: string }): Promise<ChangeResult> {
  return await db.transaction(async (tx) => {
    const worker = await first(tx
      .select()
      .from(workers)
      .where(and(eq(workers.id, workerId), editableWorkers(user))));
    if (!worker) return { ok: false, code: "not_found", message: "Worker not found" };
    if (worker.userId === user.id) return ownRecordRefused("leaving");
    if (worker.status === "left") return { ok: false, code: "conflict", message: "This worker has already left" };
    if (input.leftOn < worker.contractStart) {
      return { ok: false, code: "invalid", field: "leftOn", message: `The leaving date cannot be before they started (${worker.contractStart})` };
    }
    await tx.update(workers)
      .set({ status: "left", contractEnd: input.leftOn, leavingReason: input.reason })
      .where(eq(workers.id, workerId));
    await tx.update(workerPositions)
      .set({ effectiveTo: input.leftOn })
      .where(and(eq(workerPositions.workerId, workerId), isNull(workerPositions.effectiveTo)));
    await withdrawOnLeavingInTx(tx, user, workerId, input.leftOn, input.reason);
    if (worker.userId) {
      await tx.update(users)
        .set({ status: "disabled", sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, worker.userId));
    }
    await audit(tx, user, {
      action: "worker.leave",
      entityType: "worker",
      entityId: workerId,
      workerId,
      summary: { leftOn: input.leftOn, loginDisabled: !!worker.userId },
    });
    return { ok: true, workerId };
  });
}

/** Active managers in the organisation, for the line-manager choice. */
export async function lineManagerOptions(user: SessionUser) {
  return (await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.orgId, user.orgId), eq(users.role, "manager"), eq(users.status, "active")))
    .orderBy(users.name))
    .map((u) => [u.id, u.name] as const);
}
