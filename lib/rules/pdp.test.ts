import { describe, expect, it } from "vitest";
import {
  afterPlanChange,
  carriedOverStatus,
  closedPdpMessage,
  defaultPdpPeriod,
  isReviewOverdue,
  isUnfinished,
  nextPeriodStart,
  pdpPeriodName,
  pdpPeriodProblem,
  pdpReviewProblem,
  pdpStage,
  pdpStageWords,
} from "./pdp";

const agreedAt = new Date("2026-11-03T14:05:00Z");

describe("a PDP's stage", () => {
  it("reads draft, agreed, waiting for a version's agreement, closed", () => {
    const base = { version: 1, workerAgreedAt: null, managerAgreedAt: null };
    expect(pdpStage({ ...base, status: "draft" })).toBe("draft");
    expect(pdpStageWords({ ...base, status: "active", workerAgreedAt: agreedAt, managerAgreedAt: agreedAt })).toBe("Active, agreed");
    const changed = afterPlanChange({ version: 1, workerAgreedAt: agreedAt, managerAgreedAt: agreedAt });
    expect(pdpStageWords({ ...changed, status: "active" })).toBe("Version 2 waiting for agreement");
    expect(pdpStage({ ...base, status: "closed", workerAgreedAt: agreedAt, managerAgreedAt: agreedAt })).toBe("closed");
  });
});

describe("dates", () => {
  it("refuses a review before the PDP started, in the future, or with the next one not after it", () => {
    const pdp = { periodStart: "2026-04-01" };
    expect(pdpReviewProblem({ reviewedOn: "2026-03-31", nextReviewOn: "2026-07-01" }, pdp, "2026-11-22")).toEqual({
      field: "reviewedOn",
      message: "The review date cannot be before the PDP started (1 April 2026)",
    });
    expect(pdpReviewProblem({ reviewedOn: "2026-11-23", nextReviewOn: "2027-02-01" }, pdp, "2026-11-22")?.message).toBe(
      "The review date cannot be in the future",
    );
    expect(pdpReviewProblem({ reviewedOn: "2026-11-22", nextReviewOn: "2026-11-22" }, pdp, "2026-11-22")?.field).toBe("nextReviewOn");
    expect(pdpReviewProblem({ reviewedOn: "2026-04-01", nextReviewOn: "2026-07-01" }, pdp, "2026-11-22")).toBeUndefined();
    expect(pdpReviewProblem({ reviewedOn: "2026-11-22", nextReviewOn: "2026-11-23" }, pdp, "2026-11-22")).toBeUndefined();
  });

  it("checks a new PDP's period and first review", () => {
    expect(pdpPeriodProblem(defaultPdpPeriod("2026-11-22"))).toBeUndefined();
    expect(pdpPeriodProblem({ periodStart: "2026-11-22", periodEnd: "2026-11-22", nextReviewOn: "2026-12-01" })?.field).toBe("periodEnd");
    expect(pdpPeriodProblem({ periodStart: "2026-01-01", periodEnd: "2028-01-02", nextReviewOn: "2026-04-01" })?.message).toBe(
      "A PDP can run for two years at most",
    );
    expect(pdpPeriodProblem({ periodStart: "2026-01-01", periodEnd: "2026-12-31", nextReviewOn: "2026-01-01" })?.field).toBe("nextReviewOn");
    expect(pdpPeriodProblem({ periodStart: "2026-01-01", periodEnd: "2026-12-31", nextReviewOn: "2027-01-01" })?.field).toBe("nextReviewOn");
  });

  it("starts the next period the day after the last, or today if that has passed", () => {
    expect(nextPeriodStart("2027-03-31", "2026-11-22")).toBe("2027-04-01");
    expect(nextPeriodStart("2026-03-31", "2026-11-22")).toBe("2026-11-22");
    expect(nextPeriodStart("2026-11-21", "2026-11-22")).toBe("2026-11-22");
  });

  it("marks a review overdue only once its date has passed", () => {
    expect(isReviewOverdue("2026-11-21", "2026-11-22")).toBe(true);
    expect(isReviewOverdue("2026-11-22", "2026-11-22")).toBe(false);
    expect(isReviewOverdue(null, "2026-11-22")).toBe(false);
  });

  it("names a PDP by its years and words a closed one's refusal", () => {
    expect(pdpPeriodName("2026-11-03", "2027-11-02")).toBe("2026–27");
    expect(pdpPeriodName("2026-01-01", "2026-12-31")).toBe("2026");
    expect(closedPdpMessage("2026-11-03")).toBe("This PDP was closed on 3 November 2026; start a new one to make changes");
  });
});

describe("carry-over", () => {
  it("takes goals not started, in progress or deferred; a deferred one starts again", () => {
    expect(["not_started", "in_progress", "achieved", "deferred", "dropped"].filter(isUnfinished)).toEqual(["not_started", "in_progress", "deferred"]);
    expect(carriedOverStatus("deferred")).toBe("not_started");
    expect(carriedOverStatus("in_progress")).toBe("in_progress");
  });
});
