import { describe, expect, it } from "vitest";
import {
  effectiveStatus,
  evidenceDateProblem,
  expiryDate,
  frameworkStagesFor,
  isLocked,
  ladderPosition,
  readiness,
  renewalProblem,
  signOffDateProblem,
  statementNumberProblem,
  statementSort,
  workingStatus,
  type StageRung,
} from "./competencies";

const TODAY = "2026-12-01";
const signed = (expiresOn: string | null) => ({ status: "signed_off" as const, confidence: 4, expiresOn, evidenceCount: 1 });

describe("a statement's status", () => {
  it("is not started with no assessment, self-assessed with a confidence, evidence added once there is evidence", () => {
    expect(effectiveStatus(null, TODAY)).toBe("not_started");
    expect(effectiveStatus({ status: "not_started", confidence: null, expiresOn: null, evidenceCount: 0 }, TODAY)).toBe("not_started");
    expect(effectiveStatus({ status: "self_assessed", confidence: 3, expiresOn: null, evidenceCount: 0 }, TODAY)).toBe("self_assessed");
    expect(effectiveStatus({ status: "self_assessed", confidence: 3, expiresOn: null, evidenceCount: 2 }, TODAY)).toBe("evidence_added");
    expect(workingStatus(null, 1)).toBe("evidence_added");
  });

  it("expires the day after its expiry date, whatever was stored", () => {
    expect(effectiveStatus(signed("2026-12-01"), TODAY)).toBe("signed_off");
    expect(effectiveStatus(signed("2026-11-30"), TODAY)).toBe("expired");
    expect(effectiveStatus(signed(null), TODAY)).toBe("signed_off");
    // A row stored as expired but since renewed (a later expiry) is signed off again.
    expect(effectiveStatus({ ...signed("2027-06-01"), status: "expired" }, TODAY)).toBe("signed_off");
  });

  it("is locked while signed off and unlocked once expired", () => {
    expect(isLocked(signed(null), TODAY)).toBe(true);
    expect(isLocked(signed("2026-11-30"), TODAY)).toBe(false);
    expect(isLocked({ status: "evidence_added", confidence: 2, expiresOn: null, evidenceCount: 1 }, TODAY)).toBe(false);
    expect(isLocked(null, TODAY)).toBe(false);
  });

  it("expires renewal months after sign-off, falling back to the month's last day", () => {
    expect(expiryDate("2026-01-31", 1)).toBe("2026-02-28");
    expect(expiryDate("2026-03-15", 12)).toBe("2027-03-15");
    expect(expiryDate("2026-03-15", null)).toBeNull();
  });
});

describe("input rules", () => {
  it("refuses evidence dated in the future, accepts today", () => {
    expect(evidenceDateProblem("2026-12-02", TODAY)).toMatch(/future/);
    expect(evidenceDateProblem(TODAY, TODAY)).toBeUndefined();
    expect(evidenceDateProblem("2026-02-30", TODAY)).toMatch(/real date/);
  });

  it("refuses a sign-off in the future or before the worker started", () => {
    expect(signOffDateProblem("2026-12-02", TODAY, "2020-01-01")).toMatch(/future/);
    expect(signOffDateProblem("2019-12-31", TODAY, "2020-01-01")).toMatch(/before the worker started/);
    expect(signOffDateProblem("2020-01-01", TODAY, "2020-01-01")).toBeUndefined();
  });

  it("takes a renewal period of 1 to 120 whole months, or none", () => {
    expect(renewalProblem("")).toBeUndefined();
    expect(renewalProblem("12")).toBeUndefined();
    expect(renewalProblem("0")).toMatch(/at least 1 month/);
    expect(renewalProblem("-6")).toMatch(/at least 1 month/);
    expect(renewalProblem("1.5")).toMatch(/whole number/);
    expect(renewalProblem("121")).toMatch(/120 months/);
  });

  it("numbers a statement within its domain", () => {
    expect(statementNumberProblem("3.2", 3)).toBeUndefined();
    expect(statementNumberProblem("3.2a", 3)).toBeUndefined();
    expect(statementNumberProblem("4.1", 3)).toMatch(/domain 3/);
    expect(statementNumberProblem("", 3)).toMatch(/Enter/);
    expect(statementNumberProblem("three", 3)).toMatch(/dot/);
  });

  it("sorts 3.12 after 3.2 and 3.2a between 3.2 and 3.3", () => {
    const sorted = ["3.12", "3.2a", "3.3", "3.2", "1.9"].sort((a, b) => statementSort(a) - statementSort(b));
    expect(sorted).toEqual(["1.9", "3.2", "3.2a", "3.3", "3.12"]);
  });
});

describe("the stages a worker holds and works towards", () => {
  const all: StageRung[] = [
    { rank: 0, frameworkStage: null }, // trainee, apprentice
    { rank: 1, frameworkStage: "entry" },
    { rank: 2, frameworkStage: "intermediate" },
    { rank: 3, frameworkStage: null }, // level 4
    { rank: 4, frameworkStage: "assistant_practitioner" },
  ];
  it("follows the stage's own framework stage", () => {
    expect(frameworkStagesFor(all[1]!, all)).toEqual({ current: "entry", next: "intermediate" });
    expect(frameworkStagesFor(all[2]!, all)).toEqual({ current: "intermediate", next: "assistant_practitioner" });
    expect(frameworkStagesFor(all[4]!, all)).toEqual({ current: "assistant_practitioner", next: null });
  });
  it("gives a trainee none yet, working towards entry; a level 4 worker intermediate, working towards assistant practitioner", () => {
    expect(frameworkStagesFor(all[0]!, all)).toEqual({ current: null, next: "entry" });
    expect(frameworkStagesFor(all[3]!, all)).toEqual({ current: "intermediate", next: "assistant_practitioner" });
  });
});

describe("readiness", () => {
  it("is the share of statements signed off, rounded down, with the rest as gaps", () => {
    const r = readiness([
      { id: "a", status: "signed_off" as const },
      { id: "b", status: "expired" as const },
      { id: "c", status: "evidence_added" as const },
    ]);
    expect(r).toMatchObject({ total: 3, signedOff: 1, expired: 1, percent: 33 });
    expect(r.gaps.map((g) => g.id)).toEqual(["b", "c"]);
  });
  it("is 0% of nothing, not a division by zero", () => {
    expect(readiness([])).toMatchObject({ total: 0, signedOff: 0, percent: 0, gaps: [] });
  });
  it("is 100% only when every statement is signed off", () => {
    expect(readiness([{ status: "signed_off" as const }, { status: "signed_off" as const }]).percent).toBe(100);
    expect(readiness(Array.from({ length: 200 }, (_, i) => ({ status: i === 0 ? ("self_assessed" as const) : ("signed_off" as const) }))).percent).toBe(99);
  });
});

describe("the ladder", () => {
  it("places a worker by the stage they hold, or by a degree apprenticeship", () => {
    expect(ladderPosition("entry", null)).toBe("entry");
    expect(ladderPosition(null, null)).toBeNull();
    expect(ladderPosition("assistant_practitioner", { level: 6, live: true, completed: false })).toBe("degree_apprenticeship");
    expect(ladderPosition("assistant_practitioner", { level: 6, live: false, completed: true })).toBe("registered_professional");
    expect(ladderPosition("entry", { level: 3, live: true, completed: false })).toBe("entry");
  });
});
