// The appraisal's life: scheduled (and moved to another date, with a reason) → in progress → awaiting the two
// signatures, the worker's and the appraiser's, in either order → completed (locked) once both have signed.
// Who may move it, and when the record may still be edited. Pure rules; the data layer applies them.
import type { AppraisalStatus } from "../vocabulary";
import { formatDate } from "./dates";
import { scheduleDateProblem } from "./appraisal-due";

export type AppraisalActor = "manager" | "worker";

export type AppraisalStep = "reschedule" | "start" | "send_for_sign_off" | "sign_off" | "appraiser_sign" | "return_to_manager" | "reopen" | "cancel";

type Transition = { from: readonly AppraisalStatus[]; to: AppraisalStatus; by: AppraisalActor; needsReason?: boolean };

export const APPRAISAL_STEPS: Record<AppraisalStep, Transition> = {
  // A booked appraisal moves to another date; once started, the date it was held is what counts.
  reschedule: { from: ["scheduled"], to: "scheduled", by: "manager", needsReason: true },
  start: { from: ["scheduled"], to: "in_progress", by: "manager" },
  send_for_sign_off: { from: ["in_progress"], to: "awaiting_sign_off", by: "manager" },
  // Only the worker signs their own appraisal off, and the appraiser signs it too; the second signature, whichever it
  // is, completes and locks it (statusAfterSigning).
  sign_off: { from: ["awaiting_sign_off"], to: "completed", by: "worker" },
  appraiser_sign: { from: ["awaiting_sign_off"], to: "completed", by: "manager" },
  // The worker may send it back (disagreeing with what was written) instead of signing.
  return_to_manager: { from: ["awaiting_sign_off"], to: "in_progress", by: "worker", needsReason: true },
  reopen: { from: ["completed"], to: "in_progress", by: "manager", needsReason: true },
  cancel: { from: ["scheduled", "in_progress"], to: "cancelled", by: "manager", needsReason: true },
};

/** `field` names the form field a refusal belongs to (the reason, when one is needed). */
export type StepCheck = { ok: true; to: AppraisalStatus } | { ok: false; message: string; field?: "reason" };

const STATUS_WORDS: Record<AppraisalStatus, string> = {
  scheduled: "scheduled",
  in_progress: "in progress",
  awaiting_sign_off: "waiting for signatures",
  completed: "completed and signed off",
  cancelled: "cancelled",
};

export function checkAppraisalStep(step: AppraisalStep, current: AppraisalStatus, actor: AppraisalActor, reason = ""): StepCheck {
  const t = APPRAISAL_STEPS[step];
  if (t.by !== actor) {
    return { ok: false, message: t.by === "worker" ? "Only the worker can do this to their own appraisal" : "Only the worker's manager can do this" };
  }
  if (!t.from.includes(current)) return { ok: false, message: `This appraisal is ${STATUS_WORDS[current]}, so it cannot be changed that way` };
  if (t.needsReason && reason.trim().length === 0) return { ok: false, message: "Give a reason", field: "reason" };
  return { ok: true, to: t.to };
}

/** The manager may edit the appraisal's text only while it is theirs to write; completed ones are locked. */
export function managerMayEdit(status: AppraisalStatus): boolean {
  return status === "scheduled" || status === "in_progress";
}

/** The worker may add their comments only while it waits for their sign-off. */
export function workerMayComment(status: AppraisalStatus): boolean {
  return status === "awaiting_sign_off";
}

/** Who is acting on an appraisal, in the lifecycle's terms; a lead (read only) is neither. */
export function appraisalActor(role: string, isTheWorker: boolean): AppraisalActor | null {
  if (role === "support_worker") return isTheWorker ? "worker" : null;
  if (role === "manager" || role === "admin") return "manager";
  return null;
}

/**
 * Whether the worker may read what has been written yet: not while their manager is still drafting it, only once it
 * is theirs to sign off (or done). Managers, leads and admins always can.
 */
export function workerMayReadContent(status: AppraisalStatus): boolean {
  return status === "awaiting_sign_off" || status === "completed";
}

/** Who has signed so far. */
export type Signatures = { workerSignedAt: Date | null; appraiserSignedAt: Date | null };

/**
 * The status once `signer` has signed: completed when the other signature is already there, otherwise still waiting
 * for it. Both sign, in either order; only the second completes (and locks) the appraisal.
 */
export function statusAfterSigning(signed: Signatures, signer: AppraisalActor): AppraisalStatus {
  const other = signer === "worker" ? signed.appraiserSignedAt : signed.workerSignedAt;
  return other ? "completed" : "awaiting_sign_off";
}

/** The refusal for a second signature by the same side. */
export function alreadySignedMessage(signer: AppraisalActor, at: string): string {
  return signer === "worker" ? `You signed this appraisal on ${at}. It is complete once the appraiser signs too.` : `The appraiser signed this appraisal on ${at}. It is complete once the worker signs too.`;
}

/**
 * Why a booked appraisal cannot move to `to`, or null when it can: a date other than the one booked, within the
 * limits booking uses (scheduleDateProblem).
 */
export function rescheduleDateProblem(to: string, bookedFor: string, today: string, contractStart: string): string | null {
  if (to === bookedFor) return `The appraisal is already booked for ${formatDate(bookedFor)}. Choose another date.`;
  return scheduleDateProblem(to, today, contractStart);
}

/** The refusal for any change to a signed-off appraisal. `signedOn` is already formatted ("3 March 2026"). */
export function lockedMessage(signedOn: string): string {
  return `This appraisal was signed off on ${signedOn} and is locked. Reopen it with a reason to change it.`;
}

/** The refusal when someone other than the worker tries to sign off. */
export function signOffRefusal(workerName: string): string {
  return `Only ${workerName} can sign off their own appraisal`;
}

/**
 * The worker's preparation may be written and changed until the appraisal is completed (or cancelled): saved and come
 * back to, and still added to once shared.
 */
export function preparationMayChange(status: AppraisalStatus): boolean {
  return status !== "completed" && status !== "cancelled";
}

/** Why the worker cannot change their preparation now, or null when they can. */
export function preparationLockedMessage(status: AppraisalStatus): string | null {
  if (status === "completed") return "This appraisal is complete, so your preparation for it can no longer change";
  if (status === "cancelled") return "This appraisal was cancelled, so your preparation for it can no longer change";
  return null;
}

/** A preparation shared with nothing written in it says nothing: at least one answer first. */
export function preparationHasAnswers(p: Record<"wentWell" | "wasHard" | "wantToLearn" | "wellbeing" | "careerAspiration", string>): boolean {
  return [p.wentWell, p.wasHard, p.wantToLearn, p.wellbeing, p.careerAspiration].some((v) => v.trim().length > 0);
}

/** An appraisal that has not finished (at most one per worker at a time). */
export const OPEN_APPRAISAL_STATUSES = ["scheduled", "in_progress", "awaiting_sign_off"] as const satisfies readonly AppraisalStatus[];

export function isOpen(status: AppraisalStatus): boolean {
  return (OPEN_APPRAISAL_STATUSES as readonly AppraisalStatus[]).includes(status);
}

/** What must be in place before the worker is asked to sign: held (not in the future), every objective marked, a summary. */
export function sendForSignOffProblems(
  a: { heldOn: string | null; appraiserSummary: string; reviews: readonly { outcome: string | null }[] },
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!a.heldOn) problems.heldOn = "Enter the date the appraisal meeting was held";
  else if (a.heldOn > today) problems.heldOn = "The meeting date cannot be in the future";
  if (a.reviews.some((r) => !r.outcome)) problems.reviews = "Mark every one of last year's objectives as met, partly met or not met";
  if (a.appraiserSummary.trim().length === 0) problems.appraiserSummary = "Write the appraiser's summary";
  return problems;
}

/** A goal of the worker's current PDP as the appraisal sees it when it starts. */
export type GoalForReview = { title: string; status: string; agreedAt: Date | null };

/**
 * Whether a PDP goal is one of last year's objectives to review: it is part of the agreed plan (the manager agreed
 * it; a goal the worker proposed and nobody has agreed is not an objective yet) and it was not dropped.
 */
export function isObjectiveToReview(goal: GoalForReview): boolean {
  return goal.agreedAt !== null && goal.status !== "dropped";
}

/**
 * Last year's objectives, as the appraisal lists them when it starts: the previous signed appraisal's new
 * objectives, then the current PDP's agreed goals, one row per title (ignoring case and surrounding spaces), leaving
 * out any the appraisal already lists.
 */
export function objectivesToReview(previousObjectives: readonly string[], goals: readonly GoalForReview[], alreadyListed: readonly string[] = []): string[] {
  const key = (t: string) => t.trim().toLowerCase();
  const seen = new Set(alreadyListed.map(key));
  const out: string[] = [];
  for (const title of [...previousObjectives, ...goals.filter(isObjectiveToReview).map((g) => g.title)]) {
    const k = key(title);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(title.trim());
  }
  return out;
}

/**
 * Where the worker's open appraisal stands, in their words, for their home: booked for a date until it starts; then
 * held (or under way) while the manager writes it up; then waiting for them to sign. Null for one that is not open.
 */
export function openAppraisalWords(a: { status: AppraisalStatus; scheduledFor: string; heldOn: string | null; workerSignedAt?: Date | null }): string | null {
  switch (a.status) {
    case "scheduled":
      return `Booked for ${formatDate(a.scheduledFor)}`;
    case "in_progress":
      return a.heldOn ? `Held on ${formatDate(a.heldOn)}; your manager is writing it up` : "Under way; your manager is writing it up";
    case "awaiting_sign_off":
      return a.workerSignedAt
        ? `Held on ${formatDate(a.heldOn ?? a.scheduledFor)}; you have signed it, waiting for the appraiser's signature`
        : `Held on ${formatDate(a.heldOn ?? a.scheduledFor)}; waiting for you to read and sign it`;
    case "completed":
    case "cancelled":
      return null;
  }
}
