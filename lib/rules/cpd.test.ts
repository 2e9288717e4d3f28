import { describe, expect, it } from "vitest";
import {
  courseDatesProblem,
  cpdDateProblem,
  declineProblem,
  formatPounds,
  inLast12Months,
  parseCostPence,
  parseHours,
  totalsLast12Months,
} from "./cpd";

const TODAY = "2026-11-22";

describe("parseHours", () => {
  it("takes quarters of an hour, with a comma or a point", () => {
    expect(parseHours("1.5")).toEqual({ hours: 1.5 });
    expect(parseHours(" 0.25 ")).toEqual({ hours: 0.25 });
    expect(parseHours("1,75")).toEqual({ hours: 1.75 });
    expect(parseHours("24")).toEqual({ hours: 24 });
    expect(parseHours(".5")).toEqual({ hours: 0.5 });
  });

  it("refuses nothing, zero, negative, more than a day, words and odd fractions", () => {
    expect(parseHours("")).toEqual({ problem: "Enter how many hours it took" });
    expect(parseHours("0")).toEqual({ problem: "The hours must be more than 0" });
    expect(parseHours("-2")).toEqual({ problem: "The hours must be more than 0" });
    expect(parseHours("24.25")).toMatchObject({ problem: expect.stringContaining("24 or fewer") });
    expect(parseHours("300")).toMatchObject({ problem: expect.stringContaining("24 or fewer") });
    expect(parseHours("two")).toMatchObject({ problem: expect.stringContaining("as a number") });
    expect(parseHours("1.5h")).toMatchObject({ problem: expect.stringContaining("as a number") });
    expect(parseHours("1.1")).toMatchObject({ problem: expect.stringContaining("nearest quarter") });
  });
});

describe("cpdDateProblem", () => {
  it("allows today and the past, refuses tomorrow and more than ten years ago", () => {
    expect(cpdDateProblem(TODAY, TODAY)).toBeUndefined();
    expect(cpdDateProblem("2026-01-01", TODAY)).toBeUndefined();
    expect(cpdDateProblem("2026-11-23", TODAY)).toBe("The date of the activity cannot be in the future");
    expect(cpdDateProblem("2016-11-22", TODAY)).toBeUndefined();
    expect(cpdDateProblem("2016-11-21", TODAY)).toMatch(/last 10 years/);
  });
});

describe("courseDatesProblem", () => {
  it("refuses an end before the start; the same day or no end is fine", () => {
    expect(courseDatesProblem("2027-01-10", "2027-01-09")).toMatch(/cannot be before the start date \(10 January 2027\)/);
    expect(courseDatesProblem("2027-01-10", "2027-01-10")).toBeUndefined();
    expect(courseDatesProblem("2027-01-10", null)).toBeUndefined();
  });
});

describe("parseCostPence", () => {
  it("reads pounds to pence, with or without £, commas and pence", () => {
    expect(parseCostPence("120")).toEqual({ pence: 12000 });
    expect(parseCostPence("£85.50")).toEqual({ pence: 8550 });
    expect(parseCostPence("85.5")).toEqual({ pence: 8550 });
    expect(parseCostPence("£1,250.05")).toEqual({ pence: 125005 });
    expect(parseCostPence("0")).toEqual({ pence: 0 });
    expect(parseCostPence("  ")).toEqual({ pence: null });
  });

  it("refuses words, negatives, a third decimal and absurd sums", () => {
    expect(parseCostPence("free")).toMatchObject({ problem: expect.stringContaining("as a number") });
    expect(parseCostPence("-10")).toEqual({ problem: "The cost cannot be negative" });
    expect(parseCostPence("10.999")).toMatchObject({ problem: expect.stringContaining("as a number") });
    expect(parseCostPence("100000.01")).toEqual({ problem: "The cost must be £100,000 or less" });
    expect(parseCostPence("100000")).toEqual({ pence: 10_000_000 });
  });

  it("shows pence as pounds", () => {
    expect(formatPounds(12000)).toBe("£120");
    expect(formatPounds(8550)).toBe("£85.50");
    expect(formatPounds(125005)).toBe("£1,250.05");
  });
});

describe("the last 12 months", () => {
  it("counts from the day after the same date a year ago up to today", () => {
    expect(inLast12Months("2025-11-22", TODAY)).toBe(false);
    expect(inLast12Months("2025-11-23", TODAY)).toBe(true);
    expect(inLast12Months(TODAY, TODAY)).toBe(true);
    expect(inLast12Months("2026-11-23", TODAY)).toBe(false);
  });

  it("totals hours, formal and informal, inside the window only", () => {
    const totals = totalsLast12Months(
      [
        { activityOn: "2025-11-22", hours: 7, learning: "formal" },
        { activityOn: "2025-11-23", hours: 1.5, learning: "formal" },
        { activityOn: "2026-06-01", hours: 0.75, learning: "informal" },
        { activityOn: TODAY, hours: 3, learning: "informal" },
      ],
      TODAY,
    );
    expect(totals).toEqual({ hours: 5.25, formalHours: 1.5, informalHours: 3.75, activities: 3 });
  });
});

describe("declineProblem", () => {
  it("needs a reason from the list, and detail for other", () => {
    expect(declineProblem(undefined, "")).toEqual({ field: "declineReason", message: "Select why the request is declined" });
    expect(declineProblem("no_money", "")).toEqual({ field: "declineReason", message: "Select why the request is declined" });
    expect(declineProblem("other", "  ")).toEqual({ field: "declineDetail", message: "Say why the request is declined" });
    expect(declineProblem("other", "Course cancelled by the provider")).toBeUndefined();
    expect(declineProblem("funding", "")).toBeUndefined();
  });
});
