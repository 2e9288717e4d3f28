// The competency rules: a statement's status as a worker stands against it (expiry is derived from the date, so it is
// always current), what locks it, which framework stages apply to a worker, readiness for the next stage, and the
// progression ladder. Pure functions; the data layer and the pages call them.
import { addMonths, daysBetween, isIsoDate } from "./dates";
import { FRAMEWORK_STAGES, labels, type AssessmentStatus, type FrameworkStage } from "../vocabulary";

export type AssessmentState = {
  status: AssessmentStatus;
  confidence: number | null;
  expiresOn: string | null;
  evidenceCount: number;
};

/**
 * The status to show and count. A sign-off past its expiry date is "expired" whatever the stored value says;
 * an "expired" row that was signed off again is "signed off". No assessment at all is "not started".
 */
export function effectiveStatus(a: AssessmentState | null | undefined, today: string): AssessmentStatus {
  if (!a) return "not_started";
  if (a.status === "signed_off" || a.status === "expired") {
    return a.expiresOn !== null && a.expiresOn < today ? "expired" : "signed_off";
  }
  return workingStatus(a.confidence, a.evidenceCount);
}

/** Where a statement stands before (or again after) a sign-off: evidence beats a bare self-assessment. */
export function workingStatus(confidence: number | null, evidenceCount: number): AssessmentStatus {
  if (evidenceCount > 0) return "evidence_added";
  if (confidence !== null) return "self_assessed";
  return "not_started";
}

/** A current sign-off locks the statement: nothing is added or changed until it is reopened (or it expires). */
export function isLocked(a: AssessmentState | null | undefined, today: string): boolean {
  return effectiveStatus(a, today) === "signed_off";
}

/** Whether the statement counts as achieved: signed off and not expired. */
export function isAchieved(a: AssessmentState | null | undefined, today: string): boolean {
  return effectiveStatus(a, today) === "signed_off";
}

/** The date a sign-off lapses, if the statement carries a renewal period. */
export function expiryDate(signedOffOn: string, renewalMonths: number | null): string | null {
  return renewalMonths === null ? null : addMonths(signedOffOn, renewalMonths);
}

/** Sign-offs due to expire within this many days are flagged as expiring soon. */
export const EXPIRING_SOON_DAYS = 60;

/** A current sign-off that lapses within EXPIRING_SOON_DAYS of today (counting the last day), so it is time to renew. */
export function isExpiringSoon(s: { status: AssessmentStatus; expiresOn: string | null }, today: string): boolean {
  return s.status === "signed_off" && s.expiresOn !== null && daysBetween(today, s.expiresOn) <= EXPIRING_SOON_DAYS;
}

export const CONFIDENCE_LEVELS = [1, 2, 3, 4, 5] as const;
export const confidenceWords: Record<number, string> = {
  1: "1: not yet: I have not done this or need full support",
  2: "2: starting: I can do parts of it with help",
  3: "3: getting there: I can do it with some guidance",
  4: "4: confident: I can do it on my own most of the time",
  5: "5: fully confident: I could show someone else",
};
export const confidenceShort = (n: number) => confidenceWords[n]?.split(":").slice(0, 2).join(":") ?? String(n);

/* ------------------------------------------------------------------ input rules */

export function evidenceDateProblem(evidenceDate: string, today: string): string | undefined {
  if (!isIsoDate(evidenceDate)) return "The date of the evidence must be a real date";
  if (evidenceDate > today) return "The date of the evidence cannot be in the future";
  if (evidenceDate < "1990-01-01") return "Enter the date of the evidence: it looks too far in the past";
  return undefined;
}

export function signOffDateProblem(signedOffOn: string, today: string, contractStart: string): string | undefined {
  if (!isIsoDate(signedOffOn)) return "The date of the sign-off must be a real date";
  if (signedOffOn > today) return "The date of the sign-off cannot be in the future";
  if (signedOffOn < contractStart) return "The sign-off cannot be dated before the worker started";
  return undefined;
}

export const RENEWAL_MAX_MONTHS = 120;

/** A renewal period in whole months, 1 to 120, or empty for "does not expire". */
export function renewalProblem(raw: string): string | undefined {
  const v = raw.trim();
  if (v === "") return undefined;
  if (!/^-?\d+$/.test(v)) return "Enter the renewal period as a whole number of months, or leave it empty if the competency does not expire";
  const n = Number(v);
  if (n <= 0) return "The renewal period must be at least 1 month; leave it empty if the competency does not expire";
  if (n > RENEWAL_MAX_MONTHS) return `The renewal period must be ${RENEWAL_MAX_MONTHS} months (10 years) or fewer`;
  return undefined;
}

/** A statement number in the framework's form: the domain's number, a dot, then the item (e.g. "3.2" or "3.2a"). */
export function statementNumberProblem(number: string, domainNumber: number): string | undefined {
  const v = number.trim();
  if (v === "") return "Enter the statement's number, for example 3.2";
  const m = /^(\d+)\.(\d+[a-z]?)$/.exec(v);
  if (!m) return "Enter the number as the domain, a dot and the item, for example 3.2 or 3.2a";
  if (Number(m[1]) !== domainNumber) return `A statement in domain ${domainNumber} is numbered ${domainNumber}.something`;
  return undefined;
}

/** "3.12" sorts after "3.2", and "3.2a" after "3.2": domain × 10,000 + item × 10 + letter. */
export function statementSort(number: string): number {
  const m = /^(\d+)\.(\d+)([a-z]?)$/.exec(number.trim());
  if (!m) return 0;
  const letter = m[3] ? m[3].charCodeAt(0) - 96 : 0;
  return Number(m[1]) * 10_000 + Number(m[2]) * 10 + letter;
}

/* ------------------------------------------------------------------ stages and readiness */

/** The reference stage a worker holds, as far as the framework is concerned. */
export type StageRung = { rank: number; frameworkStage: FrameworkStage | null };

/**
 * Which framework stage's statements apply to a worker now, and which one they are working towards.
 * A stage mapped to a framework stage uses it. A stage that is not (a trainee, an apprentice, a level 4 role) holds
 * the highest framework stage of any stage ranked at or below it, so a level 4 worker holds the intermediate
 * statements and works towards assistant practitioner, and a trainee holds none and works towards entry.
 */
export function frameworkStagesFor(stage: StageRung, allStages: readonly StageRung[]): { current: FrameworkStage | null; next: FrameworkStage | null } {
  let current = stage.frameworkStage;
  if (current === null) {
    const held = allStages
      .filter((s) => s.rank <= stage.rank && s.frameworkStage !== null)
      .map((s) => FRAMEWORK_STAGES.indexOf(s.frameworkStage!));
    current = held.length > 0 ? FRAMEWORK_STAGES[Math.max(...held)]! : null;
  }
  const next = current === null ? FRAMEWORK_STAGES[0] : (FRAMEWORK_STAGES[FRAMEWORK_STAGES.indexOf(current) + 1] ?? null);
  return { current, next };
}

export type Readiness<T> = { total: number; signedOff: number; expired: number; percent: number; gaps: T[] };

/** The share of a stage's statements signed off (and not expired), and the statements still to achieve. */
export function readiness<T extends { status: AssessmentStatus }>(statements: readonly T[]): Readiness<T> {
  const total = statements.length;
  const signedOff = statements.filter((s) => s.status === "signed_off").length;
  const expired = statements.filter((s) => s.status === "expired").length;
  return {
    total,
    signedOff,
    expired,
    percent: total === 0 ? 0 : Math.floor((signedOff / total) * 100),
    gaps: statements.filter((s) => s.status !== "signed_off"),
  };
}

/* ------------------------------------------------------------------ the ladder */

export const LADDER_RUNGS = ["entry", "intermediate", "assistant_practitioner", "degree_apprenticeship", "registered_professional"] as const;
export type LadderRung = (typeof LADDER_RUNGS)[number];
export const ladderWords = labels(LADDER_RUNGS, {
  entry: "Support worker (entry)",
  intermediate: "Senior support worker (intermediate)",
  assistant_practitioner: "Assistant practitioner",
  degree_apprenticeship: "Degree apprenticeship",
  registered_professional: "Registered professional",
});
export const ladderMeaning = labels(LADDER_RUNGS, {
  entry: "Level 2: the entry stage of the HEE framework",
  intermediate: "Level 3: the intermediate stage",
  assistant_practitioner: "Level 5: a foundation degree or the assistant practitioner apprenticeship",
  degree_apprenticeship: "Level 6: an integrated degree apprenticeship into a registered profession",
  registered_professional: "Registered with the HCPC as an allied health professional",
});

/**
 * Where the worker stands on the ladder: on a level 6 (degree) apprenticeship now, they are on that rung; otherwise the
 * rung of the framework stage they hold; null before entry (a trainee). `completedDegree` marks a finished degree
 * apprenticeship (they may now register).
 */
export function ladderPosition(current: FrameworkStage | null, apprenticeship: { level: number; live: boolean; completed: boolean } | null): LadderRung | null {
  if (apprenticeship && apprenticeship.level >= 6) {
    if (apprenticeship.completed) return "registered_professional";
    if (apprenticeship.live) return "degree_apprenticeship";
  }
  return current;
}
