import { addDays } from "./dates";
import { describe, expect, it } from "vitest";
import { appraisalDue, appraisalDueStatus, lastCompletedOn, latestStartDueBy, nextAppraisalDue, scheduleDateProblem } from "./appraisal-due";

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

describe("whose first appraisal has fallen due by a day", () => {
  it("is everyone who started 12 months or more before it", () => {
    expect(latestStartDueBy("2026-11-22")).toBe("2025-11-22");
    expect(nextAppraisalDue("2025-11-22", null)).toBe("2026-11-22");
    expect(nextAppraisalDue("2025-11-23", null)).toBe("2026-11-23");
  });
  it("turns the year: a starter of 31 December 2025 is due on 31 December 2026, one of 1 January 2026 is not", () => {
    expect(latestStartDueBy("2026-12-31")).toBe("2025-12-31");
    expect(latestStartDueBy("2027-01-01")).toBe("2026-01-01");
  });
  it("follows the month's-last-day rule: a 29 February starter is due on 28 February, with the 28 February starter", () => {
    expect(nextAppraisalDue("2028-02-29", null)).toBe("2029-02-28");
    expect(latestStartDueBy("2029-02-28")).toBe("2028-02-29");
    expect(latestStartDueBy("2029-03-01")).toBe("2028-03-01");
    // On a leap day, a starter of 28 February the year before is due (on the 28th); one of 1 March is not.
    expect(latestStartDueBy("2028-02-29")).toBe("2027-02-28");
    expect(latestStartDueBy("2028-02-28")).toBe("2027-02-28");
    // The last day of a 31-day month against a 30-day one.
    expect(latestStartDueBy("2027-04-30")).toBe("2026-04-30");
    expect(latestStartDueBy("2027-03-31")).toBe("2026-03-31");
  });
  it("agrees with the due date for every start date across two years", () => {
    for (let start = "2026-01-01"; start < "2028-12-31"; start = addDays(start, 1)) {
      const due = nextAppraisalDue(start, null);
      expect(start <= latestStartDueBy(due), start).toBe(true);
      expect(start <= latestStartDueBy(addDays(due, -1)), start).toBe(false);
    }
  });
});
