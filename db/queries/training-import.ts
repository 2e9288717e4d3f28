import "server-only";
// Importing mandatory training completions from a learning system's or ESR's CSV file (decision record 0033), by an
// administrator. Checking a file stores its dry run as a batch of its own kind (only its uploader sees it);
// confirming checks the rows again against the records as they are now and, only if nothing shown has changed, adds
// the completions in one transaction with an audit row each and one for the file. lib/rules/training-import.ts
// decides what each row would do.
import { and, asc, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import { inJsonList } from "../dialect";
import { db, insertMany, isUniqueViolation, one, type Tx } from "../client";
import { newId } from "../schema/_shared";
import { importBatches, importRows, trainingCompletions, trainingSubjects, workers } from "../schema";
import { editableWorkers } from "../access";
import { audit, auditMany, type AuditEntry } from "../audit";
import { BATCH_CONFIRM_WITHIN_MS, importBatchFor, importRowsFor, whyNotApplied } from "./worker-import";
import type { SessionUser } from "../../lib/session-user";
import type { ImportVerdict } from "../../lib/vocabulary";
import { readColumnsFromBytes } from "../../lib/rules/csv-columns";
import {
  TRAINING_IMPORT_COLUMNS,
  countTrainingPlan,
  planTrainingImport,
  recordedKey,
  sameCompletion,
  subjectKey,
  exactKey,
  type PlannedCompletion,
  type SubjectRef,
  type TrainingImportContext,
  type TrainingReadRow,
} from "../../lib/rules/training-import";
import type { Result } from "../result";
import { now as clockNow, todayInLondon } from "../../lib/rules/dates";

/** Checked files (names and employee numbers) are deleted a day after upload, as a staff list's are. */
const BATCH_KEPT_MS = 24 * 60 * 60 * 1000;
const KIND = "training_completions" as const;

const canImport = (user: SessionUser) => user.role === "admin";
const REFUSED = { ok: false as const, code: "read_only" as const, message: "Only administrators import mandatory training completions" };

/** Everything the dry run needs for these rows, in a handful of queries (never one per row). */
async function importContext(r: Tx | typeof db, user: SessionUser, today: string, rows: readonly TrainingReadRow[]): Promise<TrainingImportContext> {
  const numbers = [...new Set(rows.map((row) => row.cells.employeeNumber).filter(Boolean))];
  const found = numbers.length
    ? await r
        .select({
          id: workers.id,
          employeeNumber: workers.employeeNumber,
          firstName: workers.firstName,
          lastName: workers.lastName,
          status: workers.status,
          userId: workers.userId,
        })
        .from(workers)
        .where(and(eq(workers.orgId, user.orgId), inJsonList(workers.employeeNumber, numbers), editableWorkers(user)))
    : [];
  const exact = new Map<string, SubjectRef>();
  const loose = new Map<string, SubjectRef[]>();
  for (const s of await r.select().from(trainingSubjects).where(isNull(trainingSubjects.retiredAt)).orderBy(asc(trainingSubjects.sort))) {
    const ref = { id: s.id, name: s.name, renewalMonths: s.renewalMonths };
    for (const key of new Set([exactKey(s.name), exactKey(s.code)])) exact.set(key, ref);
    for (const key of new Set([subjectKey(s.name), subjectKey(s.code)])) loose.set(key, [...(loose.get(key) ?? []), ref]);
  }
  const ids = found.map((w) => w.id);
  const recorded = new Set<string>();
  const removed = new Map<string, { on: string; reason: string }>();
  for (let i = 0; i < ids.length; i += 2000) {
    for (const c of await r
      .select({
        workerId: trainingCompletions.workerId,
        subjectId: trainingCompletions.subjectId,
        completedOn: trainingCompletions.completedOn,
        removedAt: trainingCompletions.removedAt,
        removedReason: trainingCompletions.removedReason,
      })
      .from(trainingCompletions)
      .where(inArray(trainingCompletions.workerId, ids.slice(i, i + 2000)))) {
      const key = recordedKey(c.workerId, c.subjectId, c.completedOn);
      if (c.removedAt === null) recorded.add(key);
      else removed.set(key, { on: todayInLondon(c.removedAt), reason: c.removedReason ?? "" });
    }
  }
  return {
    today,
    // Nobody imports their own training, as nobody records it (decision record 0016): their own record is not "mine".
    workers: new Map(found.map((w) => [w.employeeNumber, { id: w.id, name: `${w.firstName} ${w.lastName}`, left: w.status === "left", mine: w.userId !== user.id }])),
    exact,
    loose,
    recorded,
    removed,
  };
}

const WORDS = { empty: "The file is empty. Choose the CSV file of completions.", noRows: "The file has a header row but no completions below it." };

/** Reads and checks an uploaded file, keeping the dry run as a batch for its uploader to confirm. Adds no completion. */
export async function checkTrainingImport(user: SessionUser, file: { name: string; bytes: Uint8Array }, today: string, now = clockNow()): Promise<Result<{ batchId: string }>> {
  if (!canImport(user)) return REFUSED;
  const read = readColumnsFromBytes(file.bytes, TRAINING_IMPORT_COLUMNS, WORDS);
  if (!read.ok) return { ok: false, code: "invalid", message: read.message };
  const notes = [...read.notes];
  if (!read.seen.has("expiresOn")) notes.push("The file has no expiry date column, so each completion runs out after its subject's renewal period.");
  return await db.transaction(async (tx) => {
    await tx.delete(importBatches).where(lt(importBatches.createdAt, new Date(now.getTime() - BATCH_KEPT_MS)));
    const plan = planTrainingImport(read.rows, await importContext(tx, user, today, read.rows));
    const counts = countTrainingPlan(plan);
    const batch = await one(tx
      .insert(importBatches)
      .values({
        orgId: user.orgId,
        uploadedBy: user.id,
        kind: KIND,
        fileName: file.name,
        checkedOn: today,
        totalRows: counts.total,
        toCreate: counts.create,
        toUpdate: 0,
        unchanged: counts.unchanged,
        rejected: counts.rejected,
        notes: JSON.stringify(notes),
        createdAt: now,
      })
      .returning({ id: importBatches.id }));
    await insertMany(importRows, plan.map((row) => ({ batchId: batch.id, rowNumber: row.rowNumber, verdict: row.verdict, data: JSON.stringify(row) })));
    return { ok: true, batchId: batch.id };
  });
}

/** A checked file of completions the user uploaded, with whether it may still be confirmed. */
export async function trainingImportBatch(user: SessionUser, batchId: string, now = clockNow()) {
  if (!canImport(user)) return undefined;
  return await importBatchFor(user, batchId, now, KIND);
}

/** One page of its rows, optionally of one verdict, in file order. */
export async function trainingImportRows(user: SessionUser, batchId: string, opts: { verdict?: ImportVerdict; page: number }) {
  return await importRowsFor<PlannedCompletion>(user, batchId, opts, KIND);
}

/** Thrown inside the transaction to roll it back with a message for the user. */
class Refused extends Error {
  constructor(readonly result: Extract<Result, { ok: false }>) {
    super(result.message);
  }
}

/**
 * Adds a checked file's completions in one transaction, with an audit row each and one for the file. Refuses, adding
 * nothing, if the batch was applied, has expired, or any row would now be imported differently from the dry run.
 */
export async function applyTrainingImport(user: SessionUser, batchId: string, today: string, now = clockNow()): Promise<Result<{ created: number }>> {
  if (!canImport(user)) return { ok: false, code: "not_found", message: "Import not found" };
  try {
    return await db.transaction(async (tx) => {
      // Claiming the batch first takes the write lock, so two confirmations cannot both apply it.
      const claimed = await tx
        .update(importBatches)
        .set({ status: "applied", appliedAt: now })
        .where(and(
          eq(importBatches.id, batchId),
          eq(importBatches.uploadedBy, user.id),
          eq(importBatches.orgId, user.orgId),
          eq(importBatches.kind, KIND),
          eq(importBatches.status, "checked"),
          gt(importBatches.createdAt, new Date(now.getTime() - BATCH_CONFIRM_WITHIN_MS)),
        ))
        .returning({ fileName: importBatches.fileName });
      if (claimed.length === 0) throw new Refused(await whyNotApplied(tx, user, batchId, KIND));

      const stored = (await tx.select({ data: importRows.data }).from(importRows).where(eq(importRows.batchId, batchId)).orderBy(asc(importRows.rowNumber)))
        .map((r) => JSON.parse(r.data) as PlannedCompletion);
      const rows: TrainingReadRow[] = stored.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells, problems: r.readProblems }));
      const again = planTrainingImport(rows, await importContext(tx, user, today, rows));
      if (again.some((row, i) => !sameCompletion(row, stored[i]))) {
        throw new Refused({
          ok: false,
          code: "conflict",
          message: "Some records have changed since the file was checked, so nothing was imported. Upload the file again to check it against the records as they are now.",
        });
      }
      const creates = again.filter((r): r is Extract<PlannedCompletion, { verdict: "create" }> => r.verdict === "create");
      const values = creates.map((r) => ({
        id: newId(),
        workerId: r.workerId,
        subjectId: r.subjectId,
        completedOn: r.completedOn,
        expiresOn: r.expiresOn,
        source: "imported" as const,
        importBatchId: batchId,
        recordedBy: user.id,
        createdAt: now,
      }));
      await insertMany(trainingCompletions, values);
      const entries: AuditEntry[] = creates.map((r, i) => ({
        action: "training_completion.import_create",
        entityType: "training_completion",
        entityId: values[i]!.id,
        workerId: r.workerId,
        summary: { subject: r.subject, completedOn: r.completedOn, expiresOn: r.expiresOn, row: r.rowNumber },
      }));
      await auditMany(tx, user, entries);
      await audit(tx, user, {
        action: "training_completions.import",
        entityType: "import_batch",
        entityId: batchId,
        summary: { fileName: claimed[0]!.fileName, created: creates.length, unchanged: again.filter((r) => r.verdict === "unchanged").length, rejected: again.filter((r) => r.verdict === "rejected").length },
      });
      return { ok: true as const, created: creates.length };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    // A completion recorded by hand at the same moment as the file's: nothing was imported, and a new check shows it.
    if (isUniqueViolation(error)) {
      return { ok: false, code: "conflict", message: "A completion in the file was recorded by someone else meanwhile, so nothing was imported. Upload the file again to check it." };
    }
    throw error;
  }
}
