import { describe, expect, it } from "vitest";
import { after, calendarDate, optionalDate, realDate, requiredDate } from "./dates";
import { joinParts } from "./date-parts";

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? undefined : r.error!.issues.map((i) => i.message));

describe("form dates", () => {
  it("a required date must be given and real, and each problem has its own message", () => {
    const d = requiredDate("the start date");
    expect(d.parse(" 2028-02-29 ")).toBe("2028-02-29");
    expect(message(d.safeParse(""))).toEqual(["Enter the start date"]);
    expect(message(d.safeParse(undefined))).toEqual(["Enter the start date"]);
    expect(message(d.safeParse("2027-02-29"))).toEqual(["The start date must be a real date"]);
    expect(message(d.safeParse("31/2/2026"))).toEqual(["The start date must be a real date"]);
    // Whatever reads as a real date comes out as the ISO date, however it was sent.
    expect(d.parse("31/12/2026")).toBe("2026-12-31");
  });

  it("bounds are inclusive, read when the form is, and say nothing about a date that is not real", () => {
    let today = "2026-12-31";
    const d = requiredDate("the date", { from: after(2000, "the date"), to: { date: () => today, message: "Not in the future" } });
    expect(d.parse("2000-01-01")).toBe("2000-01-01");
    expect(d.parse("2026-12-31")).toBe("2026-12-31");
    expect(message(d.safeParse("1999-12-31"))).toEqual(["The date must be after 2000"]);
    expect(message(d.safeParse("2027-01-01"))).toEqual(["Not in the future"]);
    today = "2027-01-01";
    expect(d.parse("2027-01-01")).toBe("2027-01-01");
    expect(message(d.safeParse("2027-13-01"))).toEqual(["The date must be a real date"]);
  });

  it("an optional date is null when blank and checked like a required one otherwise", () => {
    const d = optionalDate("the target date", { from: { date: "2026-04-01", message: "On or after the plan starts" } });
    expect(d.parse(undefined)).toBeNull();
    expect(d.parse("  ")).toBeNull();
    expect(d.parse("2026-04-01")).toBe("2026-04-01");
    expect(message(d.safeParse("2026-03-31"))).toEqual(["On or after the plan starts"]);
    expect(message(d.safeParse("2026-02-31"))).toEqual(["The target date must be a real date"]);
  });

  it("a calendar date is after 1950 and no later than its limit", () => {
    const d = calendarDate("the review date", () => "2026-12-06", "The review date cannot be in the future");
    expect(message(d.safeParse("1949-12-31"))).toEqual(["The review date must be after 1950"]);
    expect(message(d.safeParse("2026-12-07"))).toEqual(["The review date cannot be in the future"]);
  });

  it("says what is wrong with a typed date in words, never as an ISO example", () => {
    const d = optionalDate("the target date");
    const typed = (day: string, month: string, year: string) => d.safeParse(joinParts({ day, month, year }));
    expect(typed("", "", "").data).toBeNull();
    expect(typed("29", "2", "2028").data).toBe("2028-02-29");
    expect(message(typed("31", "2", "2026"))).toEqual(["The target date must be a real date"]);
    expect(message(typed("29", "2", "2027"))).toEqual(["The target date must be a real date"]);
    expect(message(typed("31", "4", "2026"))).toEqual(["The target date must be a real date"]);
    expect(message(typed("0", "4", "2026"))).toEqual(["The target date must be a real date"]);
    expect(message(typed("1", "13", "2026"))).toEqual(["The target date must be a real date"]);
    expect(message(typed("27", "", "2026"))).toEqual(["The target date must include a month"]);
    expect(message(typed("", "3", ""))).toEqual(["The target date must include a day and year"]);
    expect(message(typed("27", "3", "26"))).toEqual(["The target date must have a year with 4 numbers, for example 27 3 2026"]);
    const required = requiredDate("the start date", { from: after(2000, "the start date") });
    expect(message(required.safeParse(joinParts({ day: "", month: "", year: "" })))).toEqual(["Enter the start date"]);
    expect(message(required.safeParse(joinParts({ day: "31", month: "12", year: "1999" })))).toEqual(["The start date must be after 2000"]);
  });

  it("realDate gives a raw value back only when it is a real date", () => {
    expect(realDate(" 2028-02-29 ")).toBe("2028-02-29");
    expect(realDate("2027-02-29")).toBeUndefined();
    expect(realDate(20260101)).toBeUndefined();
    expect(realDate(undefined)).toBeUndefined();
  });
});
