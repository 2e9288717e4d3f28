import { describe, expect, it } from "vitest";
import { changeIsSafe, equityPeriodFor, equityPeriods, peopleChanged, roundedCount, roundedRate } from "./equity";

describe("equity reporting periods", () => {
  it("offers the 12 months to each of the last eight completed quarter ends, newest first", () => {
    const ends = equityPeriods("2026-12-06").map((p) => p.end);
    expect(ends).toEqual(["2026-09-30", "2026-06-30", "2026-03-31", "2025-12-31", "2025-09-30", "2025-06-30", "2025-03-31", "2024-12-31"]);
    expect(equityPeriods("2026-12-06")[0]).toEqual({ end: "2026-09-30", start: "2025-10-01", words: "12 months to 30 September 2026" });
  });

  it("counts a quarter as complete only the day after it ends; a leap day and New Year's Eve are ordinary days", () => {
    expect(equityPeriods("2026-09-30")[0]!.end).toBe("2026-06-30");
    expect(equityPeriods("2026-10-01")[0]!.end).toBe("2026-09-30");
    expect(equityPeriods("2026-12-31")[0]!.end).toBe("2026-09-30");
    expect(equityPeriods("2027-01-01")[0]!.end).toBe("2026-12-31");
    expect(equityPeriods("2028-02-29")[0]).toMatchObject({ end: "2027-12-31", start: "2027-01-01" });
    expect(equityPeriods("2028-04-01")[0]).toMatchObject({ end: "2028-03-31", start: "2027-04-01" });
  });

  it("maps any day asked for to an offered quarter, so adjacent days give one period", () => {
    const today = "2026-12-06";
    expect(equityPeriodFor("2026-10-26", today).end).toBe("2026-09-30");
    expect(equityPeriodFor("2026-10-27", today).end).toBe("2026-09-30");
    expect(equityPeriodFor("2026-06-30", today).end).toBe("2026-06-30");
    expect(equityPeriodFor("2027-05-01", today).end).toBe("2026-09-30");
    expect(equityPeriodFor("1999-01-01", today).end).toBe("2026-09-30");
    expect(equityPeriodFor("not a date", today).end).toBe("2026-09-30");
    expect(equityPeriodFor(undefined, today).end).toBe("2026-09-30");
  });
});

describe("rounding", () => {
  it("shows counts to the nearest 5, hidden ones as *, and 0 as 0", () => {
    expect([0, 8, 12, 13, 36, 100].map((n) => roundedCount(n, false))).toEqual([0, 10, 10, 15, 35, 100]);
    expect(roundedCount(40, true)).toBe("*");
  });

  it("works a rate out from the rounded figures, never above 100%, and none for a base under 8", () => {
    expect(roundedRate(19, 36, false)).toBe("57%");
    expect(roundedRate(12, 12, false)).toBe("100%");
    expect(roundedRate(13, 14, false)).toBe("100%");
    expect(roundedRate(3, 7, false)).toBe("*");
    expect(roundedRate(10, 20, true)).toBe("*");
  });
});

describe("people changed between two periods", () => {
  it("counts those in one and not the other, and those whose measures differ", () => {
    const a = new Map([["p1", "1000"], ["p2", "0000"], ["p3", "0000"]]);
    const b = new Map([["p1", "1000"], ["p2", "0100"], ["p4", "0000"]]);
    expect(peopleChanged(a, b)).toBe(3);
    expect(peopleChanged(a, a)).toBe(0);
    expect([0, 1, 7, 8].map(changeIsSafe)).toEqual([true, false, false, true]);
  });
});
