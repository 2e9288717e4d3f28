import "server-only";
// Nobody decides about their own record, whatever their role: a manager or an administrator who also has a support
// worker's record (a senior support worker promoted to manage a team, say) does not sign off their own competencies,
// approve their own training, appraise themselves, delegate to themselves, take the decisions on their own
// apprenticeship or change their own post. Each of those decisions asks here first, in its transaction, and the
// person is told who can decide instead. What a person adds to their own record (evidence, CPD, off-the-job hours, a
// training request, a career step ticked done; a support worker's self-assessment and their side of a PDP or an
// appraisal) is theirs to add, and does not ask.
import { and, eq, isNull, ne, or, type SQL } from "drizzle-orm";
import type { DB } from "./client";
import { workers } from "./schema";
import { readOnly, type Refusal } from "./result";
import type { SessionUser } from "../lib/session-user";
import { first } from "@/db/client";

type Q = Pick<DB, "select">;

/** The decisions, in the words the refusal uses. */
export const OWN_DECISIONS = {
  competencySignOff: "sign off a competency on your own record",
  competencyReopen: "reopen a sign-off on your own record",
  trainingDecision: "decide your own training request",
  appraisal: "appraise yourself: your appraisal is written by another manager",
  pdpManagement: "manage or agree your own development plan as its manager",
  goalDecision: "set or decide the goals in your own development plan",
  supervision: "record supervision of yourself",
  delegation: "delegate a task to yourself",
  conversation: "record a career conversation with yourself",
  apprenticeship: "take the decisions on your own apprenticeship",
  workerChange: "change your own post, team or line manager",
  leaving: "record your own leaving",
  trainingCompletion: "record or remove your own mandatory training",
} as const;

export type OwnDecision = keyof typeof OWN_DECISIONS;

/** The refusal for a decision about one's own record: what, and who decides instead. */
export function ownRecordRefused(decision: OwnDecision): Refusal {
  return readOnly(`You can't ${OWN_DECISIONS[decision]}. Another manager or an administrator must.`);
}

/** Whether the worker record is the acting user's own. */
async function isOwnRecord(q: Q, user: Pick<SessionUser, "id">, workerId: string): Promise<boolean> {
  return !!await first(q.select({ id: workers.id }).from(workers).where(and(eq(workers.id, workerId), eq(workers.userId, user.id))));
}

/** The refusal when the worker record is the acting user's own, for a decision nobody takes about themselves. */
export async function refuseOwnRecord(q: Q, user: Pick<SessionUser, "id">, workerId: string, decision: OwnDecision): Promise<Refusal | undefined> {
  return await isOwnRecord(q, user, workerId) ? ownRecordRefused(decision) : undefined;
}

/** Worker records that are not the acting user's own: for the lists of decisions waiting for them. */
export function notOwnRecord(user: Pick<SessionUser, "id">): SQL {
  return or(isNull(workers.userId), ne(workers.userId, user.id))!;
}
