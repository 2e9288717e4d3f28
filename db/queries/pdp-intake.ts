import "server-only";
// Goals that arrive from elsewhere (an appraisal's new objectives, a career conversation's agreed steps) land in the
// worker's current PDP, creating a draft one for the coming year when there is none. Callers run this inside their
// own transaction after checking that the acting user may change this worker's record. Those transactions open with
// `{ behavior: "immediate" }`: taking the write lock first means a second process creating the same worker's first PDP
// waits for this one instead of failing on pdps_one_current_uq.
import { and, eq, inArray, max, ne, or } from "drizzle-orm";
import { db, first, one } from "../client";
import { pdps, pdpGoals } from "../schema";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import type { ActionOwner } from "../../lib/vocabulary";
import { afterPlanChange, defaultPdpPeriod } from "../../lib/rules/pdp";
import { now as clockNow } from "../../lib/rules/dates";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type IncomingGoal = {
  title: string;
  why?: string;
  successMeasure?: string;
  targetDate: string | null;
  proposedBy: ActionOwner;
  sourceObjectiveId?: string | null;
  sourceStepId?: string | null;
};

/** The worker's current (draft or active) PDP; there is at most one (a partial unique index holds it). */
export async function currentPdpInTx(tx: Tx, workerId: string) {
  return await first(tx
    .select()
    .from(pdps)
    .where(and(eq(pdps.workerId, workerId), ne(pdps.status, "closed"))));
}

/**
 * Adds goals to the worker's current PDP (creating a draft PDP starting `today` if there is none). A goal whose
 * source objective or step is already a goal in any of the worker's PDPs is skipped, so doing it twice is harmless.
 * Goals the manager writes count as agreed by the manager; adding to an agreed PDP starts a new version.
 */
export async function addGoalsToCurrentPdp(
  tx: Tx,
  actor: SessionUser,
  workerId: string,
  goals: readonly IncomingGoal[],
  today: string,
): Promise<{ pdpId: string; goalIds: string[]; createdPdp: boolean; skipped: number }> {
  let pdp = await currentPdpInTx(tx, workerId);
  let createdPdp = false;
  if (!pdp) {
    pdp = await one(tx
      .insert(pdps)
      .values({ workerId, ...defaultPdpPeriod(today), status: "draft", createdBy: actor.id })
      .returning());
    createdPdp = true;
    await audit(tx, actor, { action: "pdp.created", entityType: "pdp", entityId: pdp.id, workerId, summary: { periodStart: pdp.periodStart, periodEnd: pdp.periodEnd } });
  }

  const objectiveIds = goals.map((g) => g.sourceObjectiveId).filter((x): x is string => !!x);
  const stepIds = goals.map((g) => g.sourceStepId).filter((x): x is string => !!x);
  const linked =
    objectiveIds.length + stepIds.length === 0
      ? []
      : await tx
          .select({ objectiveId: pdpGoals.sourceObjectiveId, stepId: pdpGoals.sourceStepId })
          .from(pdpGoals)
          .innerJoin(pdps, eq(pdps.id, pdpGoals.pdpId))
          .where(
            and(
              eq(pdps.workerId, workerId),
              or(
                objectiveIds.length ? inArray(pdpGoals.sourceObjectiveId, objectiveIds) : undefined,
                stepIds.length ? inArray(pdpGoals.sourceStepId, stepIds) : undefined,
              ),
            ),
          );
  const done = new Set(linked.flatMap((l) => [l.objectiveId, l.stepId]).filter(Boolean));
  const fresh = goals.filter((g) => !(g.sourceObjectiveId && done.has(g.sourceObjectiveId)) && !(g.sourceStepId && done.has(g.sourceStepId)));

  let sort = ((await first(tx.select({ n: max(pdpGoals.sort) }).from(pdpGoals).where(eq(pdpGoals.pdpId, pdp.id))))?.n ?? -1) + 1;
  const now = clockNow();
  const goalIds: string[] = [];
  for (const g of fresh) {
    const row = await one(tx
      .insert(pdpGoals)
      .values({
        pdpId: pdp.id,
        title: g.title,
        why: g.why ?? "",
        successMeasure: g.successMeasure ?? "",
        targetDate: g.targetDate,
        proposedBy: g.proposedBy,
        agreedAt: actor.role === "support_worker" ? null : now,
        sourceObjectiveId: g.sourceObjectiveId ?? null,
        sourceStepId: g.sourceStepId ?? null,
        sort: sort++,
        createdBy: actor.id,
      })
      .returning({ id: pdpGoals.id }));
    goalIds.push(row.id);
    await audit(tx, actor, {
      action: "pdp_goal.created",
      entityType: "pdp_goal",
      entityId: row.id,
      workerId,
      summary: { pdpId: pdp.id, title: g.title, sourceObjectiveId: g.sourceObjectiveId ?? null, sourceStepId: g.sourceStepId ?? null },
    });
  }

  if (goalIds.length > 0 && !createdPdp) await markPlanChanged(tx, actor, pdp.id);
  return { pdpId: pdp.id, goalIds, createdPdp, skipped: goals.length - fresh.length };
}

/**
 * Records that the plan itself changed (a goal added, reworded, deferred or dropped): an agreed PDP becomes a new
 * version that both must agree again. Notes, actions and progress are not plan changes.
 */
export async function markPlanChanged(tx: Tx, actor: SessionUser, pdpId: string): Promise<void> {
  const pdp = await first(tx.select().from(pdps).where(eq(pdps.id, pdpId)));
  if (!pdp) return;
  const next = afterPlanChange(pdp);
  if (next.version === pdp.version) return;
  await tx.update(pdps).set(next).where(eq(pdps.id, pdp.id));
  await audit(tx, actor, { action: "pdp.new_version", entityType: "pdp", entityId: pdp.id, workerId: pdp.workerId, summary: { version: next.version } });
}
