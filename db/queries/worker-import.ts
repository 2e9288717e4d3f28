import "server-only";
// Importing workers from a CSV file. Checking a file stores its dry run as a batch (only its uploader sees it);
// confirming re-checks the rows against the register as it is now and, only if nothing shown has changed, applies
// them in one transaction with their audit rows. lib/rules/worker-import/plan.ts decides what each row would do.
import { and, asc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { inJsonList } from "../dialect";
import { db, first, insertMany, one } from "../client";
import { newId } from "../schema/_shared";
import {
  bands,
  careSettings,
  importBatches,
  importRows,
  professions,
  stages,
  teams,
  users,
  workerPositions,
  workers,
} from "../schema";
import { editableWorkers, managedTeamIds } from "../access";
import { audit, auditMany, type AuditEntry } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import type { ImportKind, ImportVerdict } from "../../lib/vocabulary";
import { POSITION_FIELDS, type WorkerFields } from "../../lib/forms/worker";
import { readWorkerCsv } from "../../lib/rules/worker-import/read-file";
import type { ExistingWorker, ImportContext, RefValue } from "../../lib/rules/worker-import/check-row";
import { countPlan, planImport, type PlannedRow } from "../../lib/rules/worker-import/plan";
import type { Result } from "../result";
import { now as clockNow } from "../../lib/rules/dates";

/** A checked file may be confirmed for an hour; after that the register may have moved on, so check it again. */
export const BATCH_CONFIRM_WITHIN_MS = 60 * 60 * 1000;
/** Checked files (names and employee numbers) are deleted a day after upload; the audit log keeps what was applied. */
const BATCH_KEPT_MS = 24 * 60 * 60 * 1000;
export const IMPORT_ROWS_PER_PAGE = 50;

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
type Reader = Tx | typeof db;

const canImport = (user: SessionUser) => user.role === "manager" || user.role === "admin";

/** Everything the dry run needs for these employee numbers, in a handful of queries (never one per row). */
async function importContext(r: Reader, user: SessionUser, today: string, employeeNumbers: readonly string[]): Promise<ImportContext> {
  // Only the workers the file names are loaded: in a 50,000-worker organisation the rest would cost seconds.
  const inFile = inJsonList(sql`lower(${workers.employeeNumber})`, [...new Set(employeeNumbers.map((n) => n.toLowerCase()).filter(Boolean))]);
  const ref = async (table: typeof professions | typeof bands | typeof careSettings | typeof stages): Promise<RefValue[]> =>
    (await r
      .select({ id: table.id, code: table.code, name: table.name, retiredAt: table.retiredAt })
      .from(table))
      .map(({ retiredAt, ...v }) => ({ ...v, retired: retiredAt !== null }));

  const teamRows = await r
    .select({
      id: teams.id,
      name: teams.name,
      archivedAt: teams.archivedAt,
      mine: user.role === "admin" ? sql<number>`1` : sql<number>`${teams.id} in ${managedTeamIds(user)}`,
    })
    .from(teams)
    .where(eq(teams.orgId, user.orgId));

  const managers = await r
    .select({ id: users.id, email: users.email, status: users.status })
    .from(users)
    .where(and(eq(users.orgId, user.orgId), eq(users.role, "manager")));

  // Every number in use counts, so a number held by someone the user cannot see is refused, not duplicated.
  const inUse = await r
    .select({ n: sql<string>`lower(${workers.employeeNumber})` })
    .from(workers)
    .where(and(eq(workers.orgId, user.orgId), inFile));

  const firstPositionEnd = sql<string | null>`(select ${workerPositions.effectiveTo} from ${workerPositions}
    where ${workerPositions.workerId} = ${workers.id} and ${workerPositions.effectiveFrom} = ${workers.contractStart}
    order by ${workerPositions.createdAt} limit 1)`;
  const editable = await r
    .select({
      id: workers.id,
      status: workers.status,
      employeeNumber: workers.employeeNumber,
      firstName: workers.firstName,
      lastName: workers.lastName,
      jobTitle: workers.jobTitle,
      professionId: workers.professionId,
      stageId: workers.stageId,
      bandId: workers.bandId,
      careSettingId: workers.careSettingId,
      teamId: workers.teamId,
      lineManagerId: workers.lineManagerId,
      fte: workers.fte,
      contractStart: workers.contractStart,
      firstPositionEnd,
      userId: workers.userId,
    })
    .from(workers)
    // In a single-table select drizzle writes columns unqualified, and the subquery above would then compare
    // worker_positions.worker_id with worker_positions.id; the join keeps them qualified (as in insights.ts).
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(editableWorkers(user), inFile));

  return {
    today,
    professions: await ref(professions),
    bands: await ref(bands),
    careSettings: await ref(careSettings),
    stages: await ref(stages),
    teams: teamRows.map((t) => ({ id: t.id, name: t.name, archived: t.archivedAt !== null, manageable: Number(t.mine) === 1 })),
    managers: managers.map((m) => ({ id: m.id, email: m.email, active: m.status === "active" })),
    employeeNumbersInUse: new Set(inUse.map((w) => w.n)),
    editable: new Map(
      editable.map(({ id, status, firstPositionEnd: end, userId, ...record }): [string, ExistingWorker] => [
        record.employeeNumber.toLowerCase(),
        { id, status, record, firstPositionEnd: end, userId, own: userId === user.id },
      ]),
    ),
  };
}

export type CheckResult = Result<{ batchId: string }>;

/** Reads and checks an uploaded file, keeping the dry run as a batch for its uploader to confirm. Writes no worker. */
export async function checkWorkerImport(user: SessionUser, file: { name: string; bytes: Uint8Array }, today: string, now = clockNow()): Promise<CheckResult> {
  if (!canImport(user)) return { ok: false, code: "read_only", message: "Only managers and administrators import workers" };
  const read = readWorkerCsv(file.bytes);
  if (!read.ok) return { ok: false, code: "invalid", message: read.message };
  return await db.transaction(async (tx) => {
    await tx.delete(importBatches)
      .where(lt(importBatches.createdAt, new Date(now.getTime() - BATCH_KEPT_MS)));
    const numbers = read.rows.map((r) => r.cells.employeeNumber);
    const plan = planImport(read.rows, await importContext(tx, user, today, numbers));
    const counts = countPlan(plan);
    const batch = await one(tx
      .insert(importBatches)
      .values({
        orgId: user.orgId,
        uploadedBy: user.id,
        fileName: file.name,
        checkedOn: today,
        totalRows: counts.total,
        toCreate: counts.create,
        toUpdate: counts.update,
        unchanged: counts.unchanged,
        rejected: counts.rejected,
        notes: JSON.stringify(read.notes),
        createdAt: now,
      })
      .returning({ id: importBatches.id }));
    const rows = plan.map((row) => ({ batchId: batch.id, rowNumber: row.rowNumber, verdict: row.verdict, data: JSON.stringify(row) }));
    await insertMany(importRows, rows);
    return { ok: true, batchId: batch.id };
  });
}

/** A batch of this kind the user uploaded (no one else may see it), with whether it may still be confirmed. */
export async function importBatchFor(user: SessionUser, batchId: string, now = clockNow(), kind: ImportKind = "workers") {
  const batch = await first(db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.uploadedBy, user.id), eq(importBatches.orgId, user.orgId), eq(importBatches.kind, kind))));
  if (!batch) return undefined;
  const expired = batch.status === "checked" && batch.createdAt.getTime() < now.getTime() - BATCH_CONFIRM_WITHIN_MS;
  return { ...batch, notes: JSON.parse(batch.notes) as string[], expired };
}

/** One page of a batch's rows, optionally of one verdict, in file order; each row as its kind's plan wrote it. */
export async function importRowsFor<Row = PlannedRow>(user: SessionUser, batchId: string, opts: { verdict?: ImportVerdict; page: number }, kind: ImportKind = "workers") {
  const where = and(
    eq(importRows.batchId, batchId),
    eq(importBatches.uploadedBy, user.id),
    eq(importBatches.orgId, user.orgId),
    eq(importBatches.kind, kind),
    opts.verdict ? eq(importRows.verdict, opts.verdict) : undefined,
  );
  const { n } = await first(db
    .select({ n: sql<number>`count(*)` })
    .from(importRows)
    .innerJoin(importBatches, eq(importBatches.id, importRows.batchId))
    .where(where)) ?? { n: 0 };
  const pages = Math.max(1, Math.ceil(n / IMPORT_ROWS_PER_PAGE));
  const page = Math.min(Math.max(1, opts.page), pages);
  const rows = (await db
    .select({ data: importRows.data })
    .from(importRows)
    .innerJoin(importBatches, eq(importBatches.id, importRows.batchId))
    .where(where)
    .orderBy(asc(importRows.rowNumber))
    .limit(IMPORT_ROWS_PER_PAGE)
    .offset((page - 1) * IMPORT_ROWS_PER_PAGE))
    .map((r) => JSON.parse(r.data) as Row);
  return { rows, page, pages, count: n };
}

export type ApplyResult = Result<{ created: number; updated: number }>;

/** Thrown inside the transaction to roll it back with a message for the user. */
class Refusal extends Error {
  constructor(readonly result: Extract<ApplyResult, { ok: false }>) {
    super(result.message);
  }
}

const same = (a: PlannedRow, b: PlannedRow | undefined) =>
  !!b &&
  a.verdict === b.verdict &&
  JSON.stringify("fields" in a ? a.fields : null) === JSON.stringify("fields" in b ? b.fields : null) &&
  JSON.stringify("changes" in a ? a.changes : null) === JSON.stringify("changes" in b ? b.changes : null) &&
  ("workerId" in a ? a.workerId : null) === ("workerId" in b ? b.workerId : null);

/**
 * Applies a checked batch in one transaction: creates with an opening position ("Imported"), updates of the changed
 * fields (a change of role, band, job title or team closes the open position today and opens a new one), an audit
 * row per worker and one for the import. Refuses, writing nothing, if the batch was applied, has expired, or any row
 * would now be imported differently from what the dry run showed.
 */
export async function applyWorkerImport(user: SessionUser, batchId: string, today: string, now = clockNow()): Promise<ApplyResult> {
  if (!canImport(user)) return { ok: false, code: "not_found", message: "Import not found" };
  try {
    return await db.transaction(async (tx) => {
      // Claiming the batch first takes the write lock, so two confirmations cannot both apply it.
      const claimed = await one(tx
        .update(importBatches)
        .set({ status: "applied", appliedAt: now })
        .where(
          and(
            eq(importBatches.id, batchId),
            eq(importBatches.uploadedBy, user.id),
            eq(importBatches.orgId, user.orgId),
            eq(importBatches.kind, "workers"),
            eq(importBatches.status, "checked"),
            gt(importBatches.createdAt, new Date(now.getTime() - BATCH_CONFIRM_WITHIN_MS)),
          ),
        )
        .returning());
      if (!claimed) throw new Refusal(await whyNotApplied(tx, user, batchId));

      const stored = (await tx
        .select({ data: importRows.data })
        .from(importRows)
        .where(eq(importRows.batchId, batchId))
        .orderBy(asc(importRows.rowNumber)))
        .map((r) => JSON.parse(r.data) as PlannedRow);
      const ctx = await importContext(
        tx,
        user,
        claimed.checkedOn,
        stored.map((r) => r.cells.employeeNumber),
      );
      const fresh = planImport(
        stored.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells, problems: r.readProblems })),
        ctx,
      );
      const toApply = stored.filter((r) => r.verdict === "create" || r.verdict === "update");
      if (toApply.length === 0) {
        throw new Refusal({ ok: false, code: "conflict", message: "Nothing to import: every row either matches the record already or has a problem." });
      }
      const moved = stored.filter((r, i) => (r.verdict === "create" || r.verdict === "update") && !same(r, fresh[i])).map((r) => r.rowNumber);
      if (moved.length > 0) {
        const which = moved.length === 1 ? `row ${moved[0]}` : `row ${moved[0]} and ${moved.length - 1} more`;
        throw new Refusal({
          ok: false,
          code: "conflict",
          message: `The register has changed since this file was checked, so ${which} would now be imported differently. Nothing was imported: upload the file again to check it against the register as it is now.`,
        });
      }

      const entries: AuditEntry[] = [];
      const creates = toApply.filter((r): r is Extract<PlannedRow, { verdict: "create" }> => r.verdict === "create");
      const updates = toApply.filter((r): r is Extract<PlannedRow, { verdict: "update" }> => r.verdict === "update");

      // New workers and their first positions go in together, after the loop (insertMany).
      const newWorkers: (typeof workers.$inferInsert)[] = [];
      const newPositions: (typeof workerPositions.$inferInsert)[] = [];
      for (const row of creates) {
        const id = newId();
        newWorkers.push({ ...row.fields, id, orgId: user.orgId, createdAt: now, updatedAt: now });
        newPositions.push({
          id: newId(),
          workerId: id,
          effectiveFrom: row.fields.contractStart,
          stageId: row.fields.stageId,
          bandId: row.fields.bandId,
          jobTitle: row.fields.jobTitle,
          teamId: row.fields.teamId,
          reason: "Imported",
          recordedBy: user.id,
          createdAt: now,
        });
        entries.push({
          action: "worker.import_create",
          entityType: "worker",
          entityId: id,
          workerId: id,
          summary: { batchId, employeeNumber: row.fields.employeeNumber },
        });
      }
      await insertMany(workers, newWorkers);
      await insertMany(workerPositions, newPositions);

      const movedIds = updates.filter((r) => r.changes.some((c) => (POSITION_FIELDS as readonly string[]).includes(c.field))).map((r) => r.workerId);
      const openPositions = new Map(
        (await tx
          .select({ id: workerPositions.id, workerId: workerPositions.workerId, effectiveFrom: workerPositions.effectiveFrom })
          .from(workerPositions)
          .innerJoin(workers, eq(workers.id, workerPositions.workerId))
          .where(and(isNull(workerPositions.effectiveTo), inJsonList(workerPositions.workerId, movedIds), editableWorkers(user))))
          .map((p) => [p.workerId, p]),
      );
      for (const row of updates) {
        const before = ctx.editable.get(row.fields.employeeNumber.toLowerCase())!.record;
        const changed = row.changes.map((c) => c.field);
        // Only the changed columns are written (so only the indexes on them are touched); the same changes make the
        // same statement text, which the connection keeps prepared.
        const values: Partial<typeof workers.$inferInsert> = { updatedAt: now };
        for (const field of changed) Object.assign(values, { [field]: row.fields[field] });
        await tx.update(workers).set(values).where(eq(workers.id, row.workerId));
        entries.push(await applyPositionChanges(tx, now, user, row, before, openPositions.get(row.workerId), today, batchId));
      }

      await auditMany(tx, user, entries);
      await audit(tx, user, {
        action: "workers.import",
        entityType: "import_batch",
        entityId: batchId,
        summary: { fileName: claimed.fileName, created: creates.length, updated: updates.length, unchanged: claimed.unchanged, rejected: claimed.rejected },
      });
      return { ok: true as const, created: creates.length, updated: updates.length };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** Why a batch of this kind could not be claimed: not theirs (or not there), already applied, or too old. */
export async function whyNotApplied(tx: Tx, user: SessionUser, batchId: string, kind: ImportKind = "workers"): Promise<Extract<ApplyResult, { ok: false }>> {
  const batch = await first(tx
    .select({ status: importBatches.status })
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.uploadedBy, user.id), eq(importBatches.orgId, user.orgId), eq(importBatches.kind, kind))));
  if (!batch) return { ok: false, code: "not_found", message: "Import not found" };
  if (batch.status === "applied") return { ok: false, code: "conflict", message: "This file has already been imported. Nothing was imported again." };
  return {
    ok: false,
    code: "conflict",
    message: "This check is more than an hour old, so the register may have changed since. Nothing was imported: upload the file again to check it.",
  };
}

/** The position history side of an update (the worker's own row is already written), and its audit entry. */
async function applyPositionChanges(
  tx: Tx,
  now: Date,
  user: SessionUser,
  row: Extract<PlannedRow, { verdict: "update" }>,
  before: WorkerFields,
  open: { id: string; effectiveFrom: string } | undefined,
  today: string,
  batchId: string,
): Promise<AuditEntry> {
  const changed = row.changes.map((c) => c.field);

  let openFrom = open?.effectiveFrom;
  if (changed.includes("contractStart")) {
    // Correcting the start date moves the opening position with it (the dry run checked it still fits).
    const opening = await first(tx
      .select({ id: workerPositions.id })
      .from(workerPositions)
      .where(and(eq(workerPositions.workerId, row.workerId), eq(workerPositions.effectiveFrom, before.contractStart)))
      .orderBy(asc(workerPositions.createdAt)));
    if (opening) {
      await tx.update(workerPositions).set({ effectiveFrom: row.fields.contractStart }).where(eq(workerPositions.id, opening.id));
      if (opening.id === open?.id) openFrom = row.fields.contractStart;
    }
  }

  const positionChanged = changed.some((f) => (POSITION_FIELDS as readonly string[]).includes(f));
  let effectiveFrom: string | undefined;
  if (positionChanged) {
    const position = { stageId: row.fields.stageId, bandId: row.fields.bandId, jobTitle: row.fields.jobTitle, teamId: row.fields.teamId };
    if (open && openFrom !== undefined && openFrom >= today) {
      // The current position has not begun yet: it is a plan, not history, so it is corrected in place.
      await tx.update(workerPositions).set({ ...position, recordedBy: user.id }).where(eq(workerPositions.id, open.id));
    } else {
      if (open) await tx.update(workerPositions).set({ effectiveTo: today }).where(eq(workerPositions.id, open.id));
      await tx.insert(workerPositions).values({
        id: newId(),
        workerId: row.workerId,
        effectiveFrom: today,
        ...position,
        reason: "Imported from CSV",
        recordedBy: user.id,
        createdAt: now,
      });
      effectiveFrom = today;
    }
  }
  return {
    action: "worker.import_update",
    entityType: "worker",
    entityId: row.workerId,
    workerId: row.workerId,
    summary: { batchId, changed, ...(effectiveFrom ? { effectiveFrom } : {}) },
  };
}
