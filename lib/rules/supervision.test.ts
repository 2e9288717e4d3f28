import { describe, expect, it } from "vitest";
import {
  compareDelegatedTasks,
  competentSinceProblem,
  delegationReviewProblem,
  nextReviewProblem,
  normaliseRegistration,
  pastReview,
  sessionDateProblem,
} from "./supervision";

const TODAY = "2026-11-22";

describe("pastReview", () => {
  it("flags a current task from the day after its review date", () => {
    expect(pastReview({ reviewOn: "2026-11-21", endedOn: null }, TODAY)).toBe(true);
    expect(pastReview({ reviewOn: "2026-11-22", endedOn: null }, TODAY)).toBe(false);
    expect(pastReview({ reviewOn: "2027-01-01", endedOn: null }, TODAY)).toBe(false);
  });
  it("never flags an ended task", () => {
    expect(pastReview({ reviewOn: "2025-01-01", endedOn: "2026-01-01" }, TODAY)).toBe(false);
  });
});

describe("compareDelegatedTasks", () => {
  it("puts past-review tasks first, then by review date, then ended ones latest first", () => {
    const tasks = [
      { task: "later", reviewOn: "2027-06-01", endedOn: null },
      { task: "ended early", reviewOn: "2025-01-01", endedOn: "2025-03-01" },
      { task: "overdue", reviewOn: "2026-10-01", endedOn: null },
      { task: "sooner", reviewOn: "2026-12-01", endedOn: null },
      { task: "ended late", reviewOn: "2025-01-01", endedOn: "2026-03-01" },
      { task: "very overdue", reviewOn: "2026-01-01", endedOn: null },
    ];
    expect([...tasks].sort((a, b) => compareDelegatedTasks(a, b, TODAY)).map((t) => t.task)).toEqual([
      "very overdue",
      "overdue",
      "sooner",
      "later",
      "ended late",
      "ended early",
    ]);
  });
});

describe("date rules", () => {
  it("a session is not in the future nor before the worker started", () => {
    expect(sessionDateProblem(TODAY, TODAY, "2022-04-01")).toBeUndefined();
    expect(sessionDateProblem("2026-11-23", TODAY, "2022-04-01")).toMatch(/future/);
    expect(sessionDateProblem("2022-03-31", TODAY, "2022-04-01")).toMatch(/before they started \(1 April 2022\)/);
    expect(sessionDateProblem("2022-04-01", TODAY, "2022-04-01")).toBeUndefined();
  });
  it("competence is not dated in the future", () => {
    expect(competentSinceProblem(TODAY, TODAY)).toBeUndefined();
    expect(competentSinceProblem("2026-11-23", TODAY)).toMatch(/future/);
  });
  it("a delegation's review comes after competence and within three years, and may already have gone by", () => {
    expect(delegationReviewProblem("2026-01-10", "2027-01-10", TODAY)).toBeUndefined();
    expect(delegationReviewProblem("2024-01-10", "2025-01-10", TODAY)).toBeUndefined();
    expect(delegationReviewProblem("2026-01-10", "2026-01-10", TODAY)).toMatch(/after the date they were assessed as competent/);
    expect(delegationReviewProblem("2026-01-10", "2029-11-22", TODAY)).toBeUndefined();
    expect(delegationReviewProblem("2026-01-10", "2029-11-23", TODAY)).toMatch(/within 3 years/);
  });
  it("the next review after a review is after today and within three years", () => {
    expect(nextReviewProblem("2026-11-23", TODAY)).toBeUndefined();
    expect(nextReviewProblem(TODAY, TODAY)).toMatch(/after today/);
    expect(nextReviewProblem("2026-01-01", TODAY)).toMatch(/after today/);
    expect(nextReviewProblem("2029-11-22", TODAY)).toBeUndefined();
    expect(nextReviewProblem("2029-11-23", TODAY)).toMatch(/within 3 years/);
  });
});

describe("normaliseRegistration", () => {
  it("tidies plausible registration numbers", () => {
    expect(normaliseRegistration("PH123456")).toBe("PH123456");
    expect(normaliseRegistration(" ph 123-456 ")).toBe("PH123456");
    expect(normaliseRegistration("98a1234e")).toBe("98A1234E");
  });
  it("refuses what cannot be one", () => {
    expect(normaliseRegistration("PH")).toBeUndefined();
    expect(normaliseRegistration("HCPC")).toBeUndefined();
    expect(normaliseRegistration("PH12/3456")).toBeUndefined();
    expect(normaliseRegistration("A".repeat(15) + "123456")).toBeUndefined();
  });
});
