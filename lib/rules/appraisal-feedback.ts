// Feedback from colleagues for an appraisal (issue 20, decision record 0035): how many may be asked, how long an answer
// may be, when it may be asked for and given, and when anonymous feedback could still point to its giver. Pure rules;
// db/queries/appraisal-feedback.ts applies them.
import type { AppraisalStatus } from "../vocabulary";

/** At most this many colleagues are asked for one appraisal (a declined request frees its place). */
export const FEEDBACK_INVITES_MAX = 5;

/** Each answer, at most this many characters: short, structured feedback, not a report. */
export const FEEDBACK_ANSWER_MAX = 1000;

/** Anonymous feedback from fewer givers than this could be traced to one of them, and the page says so. */
export const ANONYMOUS_SAFE_FROM = 3;

/** The setting (db `settings`, one per organisation) that says whether feedback is shown without the giver's name. */
export const feedbackAnonymitySetting = (orgId: string) => `appraisal_feedback.anonymous:${orgId}`;

/** Feedback is asked for, given and declined while the appraisal is not completed or cancelled. */
export function feedbackMayBeAsked(status: AppraisalStatus): boolean {
  return status !== "completed" && status !== "cancelled";
}

/** Why feedback can no longer be asked for or given, or null while it can. */
export function feedbackClosedMessage(status: AppraisalStatus): string | null {
  if (status === "completed") return "This appraisal is complete, so feedback for it is closed";
  if (status === "cancelled") return "This appraisal was cancelled, so feedback for it is closed";
  return null;
}

export type FeedbackAnswers = { doesWell: string; couldDevelop: string; anythingElse: string };

/** Feedback with nothing in it says nothing: at least one answer. */
export function feedbackHasAnswer(f: FeedbackAnswers): boolean {
  return [f.doesWell, f.couldDevelop, f.anythingElse].some((v) => v.trim().length > 0);
}

/** Whether the readers should be told that anonymous feedback could be traced to its giver: 1 or 2 anonymous responses. */
export function anonymousFeedbackIdentifiable(anonymousResponses: number): boolean {
  return anonymousResponses > 0 && anonymousResponses < ANONYMOUS_SAFE_FROM;
}

/** Whether another colleague may be asked, given the requests not declined so far. */
export function mayAskAnother(requestsNotDeclined: number): boolean {
  return requestsNotDeclined < FEEDBACK_INVITES_MAX;
}
