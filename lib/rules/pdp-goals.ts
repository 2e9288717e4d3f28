// A PDP goal's life: which statuses may follow which, who may set them, when a reason is needed, and which changes
// alter the plan itself (so an agreed PDP needs agreeing again). Pure rules; db/queries/pdp-goals.ts applies them.
import type { GoalStatus, Role } from "../vocabulary";

/** An open action is overdue from the day after its due date; one without a due date never is. */
export function isActionOverdue(dueOn: string | null, today: string): boolean {
  return dueOn !== null && dueOn < today;
}

/** Who is acting on a goal, in the goal's terms; a lead (read only) and anyone else's support worker are neither. */
export type GoalActor = "manager" | "worker";

export function goalActor(role: Role, isOwnRecord: boolean): GoalActor | null {
  // Nobody manages the goals of their own plan (db/separation.ts).
  if (role === "manager" || role === "admin") return isOwnRecord ? null : "manager";
  if (role === "support_worker" && isOwnRecord) return "worker";
  return null;
}

/**
 * Which statuses may follow which. A goal closed as achieved can be reopened (evidence turned out thin); a deferred
 * or dropped goal can be taken up again. Moving a goal "back" to not started is allowed from in progress only (a
 * slip of the hand), never from achieved.
 */
export const GOAL_NEXT: Record<GoalStatus, readonly GoalStatus[]> = {
  not_started: ["in_progress", "achieved", "deferred", "dropped"],
  in_progress: ["not_started", "achieved", "deferred", "dropped"],
  achieved: ["in_progress"],
  deferred: ["not_started", "in_progress", "dropped"],
  dropped: ["not_started", "in_progress"],
};

/** Deferring and dropping a goal need a reason: it is what a lead reads when counting goals that did not happen. */
export function reasonRequired(to: GoalStatus): boolean {
  return to === "deferred" || to === "dropped";
}

export type GoalStatusCheck = { ok: true } | { ok: false; message: string; field?: "status" | "reason" };

const STATUS_WORDS: Record<GoalStatus, string> = {
  not_started: "not started",
  in_progress: "in progress",
  achieved: "achieved",
  deferred: "deferred",
  dropped: "dropped",
};

/**
 * Whether `actor` may move a goal from `from` to `to`. The manager agrees, edits and closes goals, so they may make
 * any allowed move. The worker may only say they have started work on one of their own agreed goals
 * (not started → in progress); achieving, deferring and dropping are the manager's call, made with the worker.
 */
export function checkGoalStatus(input: {
  actor: GoalActor;
  from: GoalStatus;
  to: GoalStatus;
  agreed: boolean;
  reason: string;
}): GoalStatusCheck {
  const { actor, from, to, agreed, reason } = input;
  if (!agreed) return { ok: false, message: "Agree this goal before changing its status" };
  if (from === to) return { ok: false, field: "status", message: `This goal is already ${STATUS_WORDS[to]}` };
  if (!GOAL_NEXT[from].includes(to)) {
    return { ok: false, field: "status", message: `A goal that is ${STATUS_WORDS[from]} cannot be marked ${STATUS_WORDS[to]}` };
  }
  if (actor === "worker" && !(from === "not_started" && to === "in_progress")) {
    return { ok: false, field: "status", message: "You can mark your goal as in progress; your manager records the other changes" };
  }
  if (reasonRequired(to) && reason.trim().length === 0) {
    return { ok: false, field: "reason", message: `Give a reason for marking this goal ${STATUS_WORDS[to]}` };
  }
  return { ok: true };
}

/** The statuses a given actor may choose next, for the status form. */
export function nextStatusesFor(actor: GoalActor, from: GoalStatus, agreed: boolean): GoalStatus[] {
  if (!agreed) return [];
  if (actor === "worker") return from === "not_started" ? ["in_progress"] : [];
  return [...GOAL_NEXT[from]];
}

/** What happened to a goal, for deciding whether the plan changed. */
export type GoalChange =
  | { kind: "edited"; fields: readonly string[] }
  | { kind: "agreed" }
  | { kind: "status"; from: GoalStatus; to: GoalStatus }
  | { kind: "action" | "action_done" | "note" | "barrier" };

/** The goal's parts whose change rewrites the plan (the SMART fields, the framework links and the support). */
export const PLAN_FIELDS = ["title", "why", "successMeasure", "targetDate", "domainIds", "statementIds", "support"] as const;

/**
 * Whether a change alters the plan both parties agreed. Rewording a goal, moving its target, changing its domains,
 * statements or support, deferring or dropping it, or taking a deferred or dropped goal up again all change what
 * was agreed; so does the manager agreeing a worker's proposal (it becomes part of the plan). Progress does not:
 * notes, actions, barriers, starting a goal and achieving it are the plan being carried out.
 */
export function isPlanChange(change: GoalChange): boolean {
  switch (change.kind) {
    case "edited":
      return change.fields.some((f) => (PLAN_FIELDS as readonly string[]).includes(f));
    case "agreed":
      return true;
    case "status":
      return reasonRequired(change.to) || reasonRequired(change.from);
    case "action":
    case "action_done":
    case "note":
    case "barrier":
      return false;
  }
}

/** The refusal for any change to a goal in a closed PDP. */
export const CLOSED_PDP_MESSAGE = "This PDP is closed; start a new one to add goals";
export const LEAD_MESSAGE = "Leads can read PDPs but not change them";
