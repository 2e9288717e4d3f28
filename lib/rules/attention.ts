// Where each worker on a manager's team stands, the figures at the top of the team page, and the order that puts
// those with most to do first. What needs doing itself is the inbox's list (lib/rules/reminders.ts).
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

/** The figures at the top of a manager's team page. */
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

/** Overdue appraisals first, then due soon, then whoever has most to do; then the earliest due date; then name. */
export function byUrgency<T extends { appraisalStatus: AppraisalDueStatus; appraisalDueOn: string; hasAgreedPdp: boolean; name: string; reasons?: readonly unknown[] }>(
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
