// What needs doing for each worker on a manager's team, and the order that puts it first.
import type { AppraisalDueStatus } from "./appraisal-due";
import type { AppraisalStatus, PdpStatus } from "../vocabulary";
import { isReviewOverdue } from "./pdp";
import { nextConversationPassed } from "./career";

const URGENCY: Record<AppraisalDueStatus, number> = { overdue: 0, due_soon: 1, up_to_date: 2 };

/** The appraisal as a manager reads it: done (signed within the year), due soon, overdue, or never had one. */
export type AppraisalState = "overdue" | "due_soon" | "done" | "never";

export function appraisalState(status: AppraisalDueStatus, everAppraised: boolean): AppraisalState {
  if (status === "overdue" || status === "due_soon") return status;
  return everAppraised ? "done" : "never";
}

/** Where the worker's current PDP stands. */
export type PdpState = "none" | "draft" | "awaiting_agreement" | "agreed";

export function pdpState(p: { status: PdpStatus | null; agreed: boolean }): PdpState {
  if (p.status === null || p.status === "closed") return "none";
  if (p.agreed) return "agreed";
  return p.status === "draft" ? "draft" : "awaiting_agreement";
}

export type AttentionInput = {
  appraisalStatus: AppraisalDueStatus;
  openAppraisalStatus: AppraisalStatus | null;
  pdp: PdpState;
  pdpNextReviewOn: string | null;
  nextConversationOn: string | null;
  lastConversationOn: string | null;
  /** Delegated tasks still in force whose review date has passed. */
  delegationsPastReview?: number;
  /** Competency sign-offs at the worker's stage past their renewal date. */
  competenciesExpired?: number;
};

/** A current PDP whose next review date has passed (a worker with no current PDP has no review to be late with). */
export function pdpReviewOverdue(r: Pick<AttentionInput, "pdp" | "pdpNextReviewOn">, today: string): boolean {
  return r.pdp !== "none" && isReviewOverdue(r.pdpNextReviewOn, today);
}

/** A career conversation is due when there has never been one, or the date to talk again has gone by. */
export function conversationDue(r: Pick<AttentionInput, "nextConversationOn" | "lastConversationOn">, today: string): boolean {
  return !r.lastConversationOn || nextConversationPassed(r.nextConversationOn, today);
}

export type TeamFigures = {
  appraisalsOverdue: number;
  appraisalsDueSoon: number;
  awaitingSignOff: number;
  withoutAgreedPdp: number;
  pdpReviewsOverdue: number;
  conversationsDue: number;
  delegationsPastReview: number;
};

/** The figures at the top of a manager's team page, each counting workers by the same rules as what needs doing. */
export function teamFigures(rows: ReadonlyArray<AttentionInput>, today: string): TeamFigures {
  const count = (f: (r: AttentionInput) => boolean) => rows.filter(f).length;
  return {
    appraisalsOverdue: count((r) => r.appraisalStatus === "overdue"),
    appraisalsDueSoon: count((r) => r.appraisalStatus === "due_soon"),
    awaitingSignOff: count((r) => r.openAppraisalStatus === "awaiting_sign_off"),
    withoutAgreedPdp: count((r) => r.pdp !== "agreed"),
    pdpReviewsOverdue: count((r) => pdpReviewOverdue(r, today)),
    conversationsDue: count((r) => conversationDue(r, today)),
    delegationsPastReview: rows.reduce((n, r) => n + (r.delegationsPastReview ?? 0), 0),
  };
}

/** The things a manager should do for this worker, most pressing first, in words for the team page. */
export function attentionReasons(r: AttentionInput, today: string): string[] {
  const out: string[] = [];
  if (r.openAppraisalStatus === "awaiting_sign_off") {
    out.push(r.appraisalStatus === "overdue" ? "Overdue appraisal waiting for the worker's sign-off" : "Appraisal waiting for the worker's sign-off");
  } else if (r.appraisalStatus === "overdue") out.push(r.openAppraisalStatus ? "Finish the overdue appraisal" : "Book the overdue appraisal");
  else if (r.appraisalStatus === "due_soon" && !r.openAppraisalStatus) out.push("Book the appraisal due soon");
  if (r.pdp === "none") out.push("Start a PDP");
  else if (r.pdp !== "agreed") out.push("Agree the PDP");
  if (pdpReviewOverdue(r, today)) out.push("Review the PDP (overdue)");
  if (nextConversationPassed(r.nextConversationOn, today)) out.push("Career conversation overdue");
  else if (!r.lastConversationOn) out.push("Have a first career conversation");
  const pastReview = r.delegationsPastReview ?? 0;
  if (pastReview > 0) out.push(pastReview === 1 ? "Review a delegated task (past its review date)" : `Review ${pastReview} delegated tasks (past their review dates)`);
  const expired = r.competenciesExpired ?? 0;
  if (expired > 0) out.push(expired === 1 ? "Renew an expired competency sign-off" : `Renew ${expired} expired competency sign-offs`);
  return out;
}

/** Overdue appraisals first, then due soon, then whoever has most to do; then the earliest due date; then name. */
export function byUrgency<T extends { appraisalStatus: AppraisalDueStatus; appraisalDueOn: string; hasAgreedPdp: boolean; name: string; reasons?: readonly string[] }>(
  a: T,
  b: T,
): number {
  return (
    URGENCY[a.appraisalStatus] - URGENCY[b.appraisalStatus] ||
    Number(a.hasAgreedPdp) - Number(b.hasAgreedPdp) ||
    (b.reasons?.length ?? 0) - (a.reasons?.length ?? 0) ||
    a.appraisalDueOn.localeCompare(b.appraisalDueOn) ||
    a.name.localeCompare(b.name)
  );
}
