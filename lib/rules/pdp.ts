// A PDP's life: a draft until the worker and the manager have both agreed it, then active until closed.
// Changing an agreed PDP (a goal added, reworded or closed) makes a new version that both must agree again.
import { addDays, addMonths, formatDate } from "./dates";
import type { Role } from "../vocabulary";

/** A PDP runs for a year unless the manager sets another period. */
export const PDP_PERIOD_MONTHS = 12;
/** The first review of a new PDP, unless the manager sets another date. */
export const FIRST_REVIEW_MONTHS = 3;

export type PdpAgreement = { version: number; workerAgreedAt: Date | null; managerAgreedAt: Date | null };

/** Who is looking at a worker's PDPs: their role, whether it is their own record, whether the data layer lets them change it. */
export type PdpViewer = { role: Role; ownRecord: boolean; editable: boolean; inPost: boolean };

export type PdpPermissions = {
  /** Starts, reviews and closes the plan, adds goals: the worker's manager or an admin, while the worker is in post. */
  manages: boolean;
  /** The support worker on their own record: proposes goals and agrees the plan for their side. */
  own: boolean;
  /** May agree the current version now: each side once per version. */
  mayAgree: boolean;
  /** May add a goal (a manager) or propose one (the worker). */
  mayAddGoal: boolean;
};

/** What the viewer may do with the worker's current PDP (or with none). */
export function pdpPermissions(v: PdpViewer, current: Pick<PdpAgreement, "workerAgreedAt" | "managerAgreedAt"> | null | undefined): PdpPermissions {
  // Nobody manages or agrees their own plan as its manager (db/separation.ts).
  const manages = v.editable && v.inPost && !v.ownRecord;
  const own = v.ownRecord && v.role === "support_worker";
  const mayAgree = !!current && ((own && !current.workerAgreedAt) || (manages && !current.managerAgreedAt));
  return { manages, own, mayAgree, mayAddGoal: manages || own };
}

export function defaultPdpPeriod(start: string): { periodStart: string; periodEnd: string; nextReviewOn: string } {
  return { periodStart: start, periodEnd: addMonths(start, PDP_PERIOD_MONTHS), nextReviewOn: addMonths(start, FIRST_REVIEW_MONTHS) };
}

/** Whether both parties have agreed the current version. */
export function isAgreed(p: Pick<PdpAgreement, "workerAgreedAt" | "managerAgreedAt">): boolean {
  return p.workerAgreedAt !== null && p.managerAgreedAt !== null;
}

/**
 * What a change to the plan does to its agreement: once either party has agreed this version, the change starts a
 * new version with no agreement; a plan nobody has agreed yet is simply still being written.
 */
export function afterPlanChange(p: PdpAgreement): PdpAgreement {
  if (p.workerAgreedAt === null && p.managerAgreedAt === null) return p;
  return { version: p.version + 1, workerAgreedAt: null, managerAgreedAt: null };
}

/** Where a PDP stands, in the words the page shows. */
export type PdpStage = "draft" | "agreed" | "awaiting" | "closed";

export function pdpStage(p: PdpAgreement & { status: "draft" | "active" | "closed" }): PdpStage {
  if (p.status === "closed") return "closed";
  if (p.status === "draft") return "draft";
  return isAgreed(p) ? "agreed" : "awaiting";
}

export function pdpStageWords(p: PdpAgreement & { status: "draft" | "active" | "closed" }): string {
  switch (pdpStage(p)) {
    case "closed":
      return "Closed";
    case "draft":
      return "Draft, not yet agreed";
    case "agreed":
      return "Active, agreed";
    case "awaiting":
      return `Version ${p.version} waiting for agreement`;
  }
}

/** Goals that are not finished move to the next PDP when a PDP is closed with carry-over. */
export const UNFINISHED_GOAL_STATUSES = ["not_started", "in_progress", "deferred"] as const;

export function isUnfinished(status: string): boolean {
  return (UNFINISHED_GOAL_STATUSES as readonly string[]).includes(status);
}

/** What a carried-over goal starts as: a deferred goal is picked up again; one under way stays under way. */
export function carriedOverStatus(status: (typeof UNFINISHED_GOAL_STATUSES)[number]): "not_started" | "in_progress" {
  return status === "in_progress" ? "in_progress" : "not_started";
}

/** The next PDP starts the day after the old period ends, or today if that day has passed. */
export function nextPeriodStart(previousEnd: string, today: string): string {
  const dayAfter = addDays(previousEnd, 1);
  return dayAfter > today ? dayAfter : today;
}

/** Whether the next review date has passed. */
export function isReviewOverdue(nextReviewOn: string | null, today: string): boolean {
  return nextReviewOn !== null && nextReviewOn < today;
}

type Problem = { field: string; message: string } | undefined;

/** A new PDP's dates: the period runs forwards, no longer than two years, and its first review falls inside it. */
export function pdpPeriodProblem(p: { periodStart: string; periodEnd: string; nextReviewOn: string }): Problem {
  if (p.periodEnd <= p.periodStart) return { field: "periodEnd", message: "The end of the period must be after its start" };
  if (p.periodEnd > addMonths(p.periodStart, 24)) return { field: "periodEnd", message: "A PDP can run for two years at most" };
  if (p.nextReviewOn <= p.periodStart) return { field: "nextReviewOn", message: "The first review must be after the start of the period" };
  if (p.nextReviewOn > p.periodEnd) return { field: "nextReviewOn", message: "The first review must be on or before the end of the period" };
  return undefined;
}

/**
 * A review's dates: held on or after the PDP started and not in the future (a review is recorded once it has
 * happened); the next one after it.
 */
export function pdpReviewProblem(
  r: { reviewedOn: string; nextReviewOn: string },
  pdp: { periodStart: string },
  today: string,
): Problem {
  if (r.reviewedOn < pdp.periodStart) {
    return { field: "reviewedOn", message: `The review date cannot be before the PDP started (${formatDate(pdp.periodStart)})` };
  }
  if (r.reviewedOn > today) return { field: "reviewedOn", message: "The review date cannot be in the future" };
  if (r.nextReviewOn <= r.reviewedOn) return { field: "nextReviewOn", message: "The next review must be after this review" };
  return undefined;
}

/** The refusal for any change to a closed PDP. */
export function closedPdpMessage(closedOn: string): string {
  return `This PDP was closed on ${formatDate(closedOn)}; start a new one to make changes`;
}

/** "2026–27", or "2026" when the period sits in one calendar year: the name of a PDP. */
export function pdpPeriodName(periodStart: string, periodEnd: string): string {
  const a = periodStart.slice(0, 4);
  const b = periodEnd.slice(0, 4);
  return a === b ? a : `${a}–${b.slice(2)}`;
}
