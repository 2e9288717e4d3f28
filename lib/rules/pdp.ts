// A PDP's life: a draft until the worker and the manager have both agreed it, then active until closed.
// Changing an agreed PDP (a goal added, reworded or closed) makes a new version that both must agree again.
import { addMonths } from "./dates";

/** A PDP runs for a year unless the manager sets another period. */
export const PDP_PERIOD_MONTHS = 12;
/** The first review of a new PDP, unless the manager sets another date. */
export const FIRST_REVIEW_MONTHS = 3;

export type PdpAgreement = { version: number; workerAgreedAt: Date | null; managerAgreedAt: Date | null };

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
