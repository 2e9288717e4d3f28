import { describe, expect, it } from "vitest";
import { appraisalDue, appraisalDueStatus, lastCompletedOn, nextAppraisalDue, scheduleDateProblem } from "./appraisal-due";

const TODAY = "2026-11-22";

describe("when the next appraisal is due", () => {
  it("is 12 months after a new starter's start date when they have no completed appraisal", () => {
    expect(appraisalDue("2026-05-01", [], TODAY)).toEqual({ lastCompletedOn: null, dueOn: "2027-05-01", status: "up_to_date" });
  });

  it("runs from the date the last completed appraisal was held", () => {
    const list = [
      { status: "completed", heldOn: "2025-03-10", workerSignedAt: new Date() },
      { status: "completed", heldOn: "2026-03-15", workerSignedAt: new Date() },
    ];
    expect(appraisalDue("2015-01-10", list, TODAY).dueOn).toBe("2027-03-15");
  });

  it("counts only completed, signed appraisals: scheduled, in-progress, awaiting and cancelled ones do not", () => {
    const list = [
      { status: "completed", heldOn: "2025-01-20", workerSignedAt: new Date() },
      { status: "scheduled", heldOn: null },
      { status: "in_progress", heldOn: "2026-11-01" },
      { status: "awaiting_sign_off", heldOn: "2026-11-10" },
      { status: "cancelled", heldOn: null },
    ];
    expect(lastCompletedOn(list)).toBe("2025-01-20");
    expect(appraisalDue("2015-01-10", list, TODAY)).toMatchObject({ dueOn: "2026-01-20", status: "overdue" });
    // A completed row without a worker's signature (never the case through the app) does not count either.
    expect(lastCompletedOn([{ status: "completed", heldOn: "2026-06-01", workerSignedAt: null }])).toBeNull();
  });

  it("falls back from a leap day to 28 February the next year", () => {
    expect(nextAppraisalDue("2020-01-01", "2024-02-29")).toBe("2025-02-28");
    expect(nextAppraisalDue("2024-02-29", null)).toBe("2025-02-28");
  });

  it("is due soon from 30 days before, on the day itself, and overdue the day after", () => {
    expect(appraisalDueStatus("2026-12-22", TODAY)).toBe("due_soon");
    expect(appraisalDueStatus("2026-12-23", TODAY)).toBe("up_to_date");
    expect(appraisalDueStatus(TODAY, TODAY)).toBe("due_soon");
    expect(appraisalDueStatus("2026-11-21", TODAY)).toBe("overdue");
  });
});

describe("which dates an appraisal may be booked for", () => {
  it("refuses a date more than 18 months ahead or before the worker started", () => {
    expect(scheduleDateProblem("2028-05-22", TODAY, "2020-01-01")).toBeNull();
    expect(scheduleDateProblem("2028-05-23", TODAY, "2020-01-01")).toMatch(/within 18 months/);
    expect(scheduleDateProblem("2029-11-22", TODAY, "2020-01-01")).toMatch(/within 18 months/);
    expect(scheduleDateProblem("2026-08-31", TODAY, "2026-09-01")).toMatch(/before the worker started/);
    expect(scheduleDateProblem("2026-09-01", TODAY, "2026-09-01")).toBeNull();
  });
});
