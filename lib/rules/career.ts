// Career conversations: the date rules a conversation must keep, and where its agreed steps and follow-up stand.
// Pure rules; the form schema and the data layer both apply them.
import { formatDate } from "./dates";

/** How far ahead a step or the next conversation may be planned. */
export const CAREER_PLAN_YEARS = 5;

/** The date the conversation took place: not in the future, not before the worker started. Undefined when fine. */
export function heldOnProblem(heldOn: string, today: string, contractStart: string): string | undefined {
  if (heldOn > today) return "The date of the conversation cannot be in the future";
  if (heldOn < contractStart) return `The date of the conversation cannot be before they started (${formatDate(contractStart)})`;
  return undefined;
}

/** The date a new conversation form starts with: its appraisal's date when that is a date it could be held on, else today. */
export function defaultHeldOn(appraisalOn: string | undefined, today: string, contractStart: string): string {
  return appraisalOn && heldOnProblem(appraisalOn, today, contractStart) === undefined ? appraisalOn : today;
}

/** The date to talk again comes after the conversation. Undefined when fine (or not set). */
export function nextConversationProblem(heldOn: string, next: string | null): string | undefined {
  if (next !== null && next <= heldOn) return `The next conversation must be after this one (${formatDate(heldOn)})`;
  return undefined;
}

/** A step is agreed at the conversation, so it cannot fall due before it. */
export function stepDueProblem(heldOn: string, dueOn: string | null): string | undefined {
  if (dueOn !== null && dueOn < heldOn) return `The due date cannot be before the conversation (${formatDate(heldOn)})`;
  return undefined;
}

export type StepStatus = "done" | "overdue" | "open";

/** A step is overdue from the day after its due date until it is done. */
export function stepStatus(step: { dueOn: string | null; doneOn: string | null }, today: string): StepStatus {
  if (step.doneOn) return "done";
  if (step.dueOn && step.dueOn < today) return "overdue";
  return "open";
}

/** "2 of 3 done": how far the agreed steps have got. */
export function stepsProgress(steps: ReadonlyArray<{ doneOn: string | null }>): { done: number; total: number } {
  return { done: steps.filter((s) => s.doneOn).length, total: steps.length };
}

/** Whether the date to talk again has gone by without a newer conversation (callers pass the latest one's date). */
export function nextConversationPassed(next: string | null, today: string): boolean {
  return next !== null && next < today;
}

/** Whether an appraisal can take a career conversation: one still open (not signed off, not cancelled). */
export function appraisalTakesConversation(status: string): boolean {
  return status === "scheduled" || status === "in_progress";
}

/**
 * A conversation recorded inside an appraisal is locked with it: from when it goes to the worker to sign (what they
 * read must be what they sign) until it is reopened.
 */
export function lockedByAppraisal(appraisal: { status: string } | null | undefined): boolean {
  return appraisal?.status === "awaiting_sign_off" || appraisal?.status === "completed";
}

/** A support worker reads a conversation held inside an appraisal once the appraisal is sent to them, not before. */
export function workerMayReadConversation(appraisal: { status: string } | null | undefined): boolean {
  return !appraisal || appraisal.status === "awaiting_sign_off" || appraisal.status === "completed" || appraisal.status === "cancelled";
}

export function lockMessage(appraisal: { status: string; signedOffOn: string | null } | null): string {
  if (appraisal?.status === "awaiting_sign_off") {
    return "This conversation is part of an appraisal waiting for the worker's sign-off; they can send it back if it needs changing";
  }
  const when = appraisal?.signedOffOn ? ` on ${formatDate(appraisal.signedOffOn)}` : "";
  return `This conversation is part of an appraisal signed off${when}; reopen the appraisal to change it`;
}
