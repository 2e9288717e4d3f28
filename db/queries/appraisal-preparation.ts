import "server-only";
// The worker's preparation for an appraisal (issue 20): what went well, what was hard, what they want to learn, their
// wellbeing and where they want their career to go. Only the worker writes it, on their own record, saving and coming
// back until the appraisal is completed; it is theirs alone until they share it, then their manager (and an
// administrator, who may write the appraisal) and leads read it. Reads join the worker through visibleWorkers(user),
// so anyone else finds nothing (404).
import { and, eq } from "drizzle-orm";
import { db, first, lockFor } from "../client";
import { appraisalPreparations, appraisals, teams, users, workers } from "../schema";
import { visibleWorkers } from "../access";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import { now as clockNow } from "../../lib/rules/dates";
import { preparationHasAnswers, preparationLockedMessage, preparationMayChange } from "../../lib/rules/appraisal-lifecycle";
import type { PreparationFields } from "../../lib/forms/appraisal";
import type { Refusal, Result } from "../result";

const NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Appraisal not found" };

const ANSWERS = ["wentWell", "wasHard", "wantToLearn", "wellbeing", "careerAspiration"] as const;

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** The appraisal and its worker, if the user may see the worker's record at all. */
async function visibleAppraisal(q: Tx | typeof db, user: SessionUser, workerId: string, appraisalId: string) {
  return await first(q
    .select({
      appraisal: { id: appraisals.id, status: appraisals.status, scheduledFor: appraisals.scheduledFor, heldOn: appraisals.heldOn },
      appraiserName: users.name,
      worker: {
        id: workers.id,
        firstName: workers.firstName,
        lastName: workers.lastName,
        jobTitle: workers.jobTitle,
        teamName: teams.name,
        status: workers.status,
        userId: workers.userId,
      },
    })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .leftJoin(users, eq(users.id, appraisals.appraiserId))
    .where(and(eq(appraisals.id, appraisalId), eq(appraisals.workerId, workerId), visibleWorkers(user))));
}

/** Whether the user is the worker the appraisal is about, on their side (a support worker on their own record). */
const isTheWorker = (user: SessionUser, workerUserId: string | null) => user.role === "support_worker" && workerUserId === user.id;

/**
 * The preparation as the user may see it, or undefined when they may not see the appraisal (404). The worker sees what
 * they have written, shared or not; anyone else sees the answers once shared, and until then only that it is not.
 */
export async function appraisalPreparation(user: SessionUser, workerId: string, appraisalId: string) {
  const row = await visibleAppraisal(db, user, workerId, appraisalId);
  if (!row) return undefined;
  const mine = isTheWorker(user, row.worker.userId);
  const prep = await first(db.select().from(appraisalPreparations).where(eq(appraisalPreparations.appraisalId, appraisalId)));
  const shared = !!prep?.submittedAt;
  return {
    worker: { ...row.worker, isOwn: row.worker.userId === user.id },
    appraisal: { ...row.appraisal, appraiserName: row.appraiserName },
    isTheWorker: mine,
    /** The worker may write it now. */
    canWrite: mine && row.worker.status === "in_post" && preparationMayChange(row.appraisal.status),
    shared,
    submittedAt: prep?.submittedAt ?? null,
    updatedAt: prep?.updatedAt ?? null,
    answers: prep && (mine || shared) ? Object.fromEntries(ANSWERS.map((k) => [k, prep[k]])) as Record<(typeof ANSWERS)[number], string> : null,
  };
}

export type AppraisalPreparation = NonNullable<Awaited<ReturnType<typeof appraisalPreparation>>>;

export type PreparationResult = Result<{ workerId: string; appraisalId: string; shared: boolean; sharedNow: boolean }>;

/**
 * Saves the worker's preparation; `share` also shares it with their manager (once shared it stays shared, and later
 * saves are read by the manager too). Only the worker, on their own record, while the appraisal is not completed or
 * cancelled. The audit row names the answers given, never what they say.
 */
export async function savePreparation(user: SessionUser, workerId: string, appraisalId: string, f: PreparationFields, share: boolean): Promise<PreparationResult> {
  return await db.transaction(async (tx) => {
    // Two saves at once (a double-tapped button) on PostgreSQL: one after the other, so the second updates the first's
    // row (never a second row, nor a "save" un-sharing a "share"). The appraisal's steps take the same lock.
    await lockFor(`appraisal ${appraisalId}`);
    const row = await visibleAppraisal(tx, user, workerId, appraisalId);
    if (!row) return NOT_FOUND;
    const name = `${row.worker.firstName} ${row.worker.lastName}`;
    if (!isTheWorker(user, row.worker.userId)) {
      // A manager's own record is run by another manager, and they read it (decision record 0016).
      if (row.worker.userId === user.id) return { ok: false, code: "read_only", message: "Preparing for your own appraisal is not open to managers yet: talk it through with the manager who appraises you" };
      return { ok: false, code: "read_only", message: `Only ${name} writes their preparation for this appraisal` };
    }
    if (row.worker.status !== "in_post") return { ok: false, code: "read_only", message: "You have left, so your preparation can no longer change" };
    const locked = preparationLockedMessage(row.appraisal.status);
    if (locked) return { ok: false, code: "read_only", message: locked };
    if (share && !preparationHasAnswers(f)) {
      return { ok: false, code: "invalid", field: "wentWell", message: "Write at least one answer before you share your preparation" };
    }
    const existing = await first(tx.select().from(appraisalPreparations).where(eq(appraisalPreparations.appraisalId, appraisalId)));
    const sharedNow = share && !existing?.submittedAt;
    const submittedAt = existing?.submittedAt ?? (share ? clockNow() : null);
    const values = { wentWell: f.wentWell, wasHard: f.wasHard, wantToLearn: f.wantToLearn, wellbeing: f.wellbeing, careerAspiration: f.careerAspiration, submittedAt };
    if (existing) await tx.update(appraisalPreparations).set(values).where(eq(appraisalPreparations.id, existing.id));
    else await tx.insert(appraisalPreparations).values({ appraisalId, ...values });
    await audit(tx, user, {
      action: sharedNow ? "appraisal.preparation_submitted" : "appraisal.preparation_saved",
      entityType: "appraisal",
      entityId: appraisalId,
      workerId,
      summary: { answered: ANSWERS.filter((k) => f[k].trim().length > 0), shared: submittedAt !== null },
    });
    return { ok: true, workerId, appraisalId, shared: submittedAt !== null, sharedNow };
  });
}
