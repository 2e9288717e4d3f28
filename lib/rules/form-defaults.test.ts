// The dates forms start with, decided by rules rather than by the pages: the appraisal date to suggest, a new career
// conversation's date, the day approved training is recorded as attended, and when a completed apprenticeship's
// new position starts.
import { describe, expect, it } from "vitest";
import { suggestedAppraisalDate, SUGGEST_AHEAD_DAYS } from "./appraisal-due";
import { defaultHeldOn } from "./career";
import { attendedOnDefault } from "./cpd";
import { positionStartsOn } from "./apprenticeship-lifecycle";

describe("the appraisal date the schedule form suggests", () => {
  it("is the due date while it is still ahead", () => {
    expect(suggestedAppraisalDate("2028-02-29", "2028-02-28")).toBe("2028-02-29");
    expect(suggestedAppraisalDate("2027-01-01", "2026-12-31")).toBe("2027-01-01");
  });
  it("is a fortnight from today when the due date is today, has passed or is unknown", () => {
    expect(SUGGEST_AHEAD_DAYS).toBe(14);
    expect(suggestedAppraisalDate("2028-02-29", "2028-02-29")).toBe("2028-03-14");
    expect(suggestedAppraisalDate("2026-06-01", "2026-12-31")).toBe("2027-01-14");
    expect(suggestedAppraisalDate(undefined, "2028-02-15")).toBe("2028-02-29");
    expect(suggestedAppraisalDate(null, "2026-12-20")).toBe("2027-01-03");
  });
});

describe("a new career conversation's date", () => {
  const started = "2025-03-01";
  it("is its appraisal's date when that has come and is not before the worker started", () => {
    expect(defaultHeldOn("2028-02-29", "2028-02-29", started)).toBe("2028-02-29");
    expect(defaultHeldOn("2026-12-31", "2027-01-02", started)).toBe("2026-12-31");
  });
  it("is today for an appraisal still ahead, one before the worker started, or none", () => {
    expect(defaultHeldOn("2027-01-01", "2026-12-31", started)).toBe("2026-12-31");
    expect(defaultHeldOn("2025-02-28", "2028-02-29", started)).toBe("2028-02-29");
    expect(defaultHeldOn(undefined, "2028-02-29", started)).toBe("2028-02-29");
  });
});

describe("the day approved training is recorded as attended", () => {
  it("is its last day once that has come", () => {
    expect(attendedOnDefault({ startsOn: "2028-02-27", endsOn: "2028-02-29" }, "2028-02-29")).toBe("2028-02-29");
    expect(attendedOnDefault({ startsOn: "2026-12-30", endsOn: "2026-12-31" }, "2027-01-05")).toBe("2026-12-31");
  });
  it("is its first day while it is still running, and today before it has begun or with no dates", () => {
    expect(attendedOnDefault({ startsOn: "2026-12-31", endsOn: "2027-01-02" }, "2027-01-01")).toBe("2026-12-31");
    expect(attendedOnDefault({ startsOn: "2028-03-01", endsOn: null }, "2028-02-29")).toBe("2028-02-29");
    expect(attendedOnDefault({ startsOn: "2028-02-29", endsOn: null }, "2028-02-29")).toBe("2028-02-29");
    expect(attendedOnDefault({ startsOn: null, endsOn: null }, "2026-12-31")).toBe("2026-12-31");
  });
});

describe("when a completed apprenticeship's new position starts", () => {
  it("is today once the completion date has come, or the completion date while it is ahead", () => {
    expect(positionStartsOn("2028-02-29", "2028-02-29")).toBe("2028-02-29");
    expect(positionStartsOn("2026-12-31", "2027-01-04")).toBe("2027-01-04");
    expect(positionStartsOn("2027-01-01", "2026-12-31")).toBe("2027-01-01");
  });
});
