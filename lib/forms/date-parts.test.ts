// Dates typed as day, month and year: what reads as a real date, and what is said about everything else.
import { describe, expect, it } from "vitest";
import { joinParts, partsInError, partsOfIso, readDateValue, readParts, typedParts } from "./date-parts";

const typed = (day: string, month: string, year: string) => ({ day, month, year });

describe("a date typed as day, month and year", () => {
  it("reads the way people write dates, with or without leading zeros, and month names", () => {
    expect(readParts(typed("27", "3", "2026"))).toEqual({ kind: "date", iso: "2026-03-27" });
    expect(readParts(typed("07", "03", "2026"))).toEqual({ kind: "date", iso: "2026-03-07" });
    expect(readParts(typed(" 1 ", " 12 ", " 2027 "))).toEqual({ kind: "date", iso: "2027-12-01" });
    expect(readParts(typed("27", "March", "2026"))).toEqual({ kind: "date", iso: "2026-03-27" });
    expect(readParts(typed("27", "mar", "2026"))).toEqual({ kind: "date", iso: "2026-03-27" });
    expect(readParts(typed("9", "Sept", "2026"))).toEqual({ kind: "date", iso: "2026-09-09" });
  });

  it("29 February is real in a leap year only; 31 April, day 0, month 13 and 31 February are not", () => {
    expect(readParts(typed("29", "2", "2028"))).toEqual({ kind: "date", iso: "2028-02-29" });
    expect(readParts(typed("29", "2", "2000"))).toEqual({ kind: "date", iso: "2000-02-29" });
    expect(readParts(typed("29", "2", "2027"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("29", "2", "2100"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("31", "4", "2026"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("31", "2", "2026"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("0", "3", "2026"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("1", "13", "2026"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("1", "0", "2026"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("1st", "3", "2026"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("1", "Marchember", "2026"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("-1", "3", "2026"))).toEqual({ kind: "not_real" });
    expect(readParts(typed("1", "3", "20265"))).toEqual({ kind: "not_real" });
  });

  it("a two-digit year is not guessed at: it is asked for in full", () => {
    expect(readParts(typed("27", "3", "26"))).toEqual({ kind: "short_year" });
    expect(readParts(typed("27", "3", "202"))).toEqual({ kind: "short_year" });
    expect(partsInError(typed("27", "3", "26"))).toEqual(["year"]);
  });

  it("says which parts are missing, and nothing typed is blank", () => {
    expect(readParts(typed("", "", ""))).toEqual({ kind: "blank" });
    expect(readParts(typed(" ", "", "  "))).toEqual({ kind: "blank" });
    expect(readParts(typed("27", "", "2026"))).toEqual({ kind: "incomplete", missing: ["month"] });
    expect(readParts(typed("", "3", ""))).toEqual({ kind: "incomplete", missing: ["day", "year"] });
    expect(partsInError(typed("", "3", ""))).toEqual(["day", "year"]);
    expect(partsInError(typed("31", "2", "2026"))).toEqual(["day", "month", "year"]);
  });

  it("joins to the ISO date when real, to nothing when blank, and otherwise passes the parts on to be read again", () => {
    expect(joinParts(typed("29", "2", "2028"))).toBe("2028-02-29");
    expect(joinParts(typed("", "", ""))).toBe("");
    for (const parts of [typed("31", "2", "2026"), typed("27", "", "2026"), typed("27", "3", "26"), typed("1", "Marchember", "2026")]) {
      expect(readDateValue(joinParts(parts))).toEqual(readParts(parts));
    }
    // A part holding the separator cannot pass for a date or for a different set of parts.
    expect(readDateValue(joinParts(typed("27/3", "", "2026")))).toEqual({ kind: "not_real" });
    expect(readDateValue(joinParts(typed("2026-03-27", "", "")))).toEqual({ kind: "incomplete", missing: ["month", "year"] });
  });

  it("reads an ISO value as before, and anything else as not a real date", () => {
    expect(readDateValue(" 2028-02-29 ")).toEqual({ kind: "date", iso: "2028-02-29" });
    expect(readDateValue("2027-02-29")).toEqual({ kind: "not_real" });
    expect(readDateValue("")).toEqual({ kind: "blank" });
    expect(readDateValue("tomorrow")).toEqual({ kind: "not_real" });
  });

  it("shows what was typed over the stored date or the page's default, and a stored date as people write it", () => {
    expect(partsOfIso("2026-03-07")).toEqual(typed("7", "3", "2026"));
    expect(partsOfIso(undefined)).toEqual(typed("", "", ""));
    expect(typedParts({ targetDate: "2026-03-07" }, "targetDate", "2026-01-01")).toEqual(typed("7", "3", "2026"));
    expect(typedParts({}, "targetDate", "2026-01-01")).toEqual(typed("1", "1", "2026"));
    const sentBack = { targetDate: "31/2/2026", "targetDate-day": "31", "targetDate-month": "2", "targetDate-year": "2026" };
    expect(typedParts(sentBack, "targetDate", "2026-01-01")).toEqual(typed("31", "2", "2026"));
    expect(typedParts({ "targetDate-day": "", "targetDate-month": "", "targetDate-year": "" }, "targetDate", "2026-01-01")).toEqual(typed("", "", ""));
  });
});
