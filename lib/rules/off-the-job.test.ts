import { describe, expect, it } from "vitest";
import {
  ANNUAL_LEAVE_WEEKS_PER_YEAR,
  OTJ_AMBER_AT,
  OTJ_GREEN_AT,
  expectedOtjHoursBy,
  otjRag,
  requiredOtjHours,
  ruleFor,
  workingWeeks,
  type OtjInput,
  type OtjRule,
} from "./off-the-job";

// The rules as the seeder stores them (db/seed/reference.ts otjRuleRow): half-open ranges, 20% as 0.2.
const RULES: OtjRule[] = [
  { id: "r2017", effectiveFrom: "2017-05-01", effectiveTo: "2022-08-01", kind: "percent_of_hours", value: 0.2, minimumHours: null, description: "20%" },
  { id: "r2022", effectiveFrom: "2022-08-01", effectiveTo: "2025-08-01", kind: "hours_per_week", value: 6, minimumHours: null, description: "6 a week" },
  { id: "r2025", effectiveFrom: "2025-08-01", effectiveTo: null, kind: "standard_minimum", value: 187, minimumHours: 187, description: "standard's own" },
];

/** A year's apprenticeship (365 days) from `startDate`, full time unless told. */
function year(startDate: string, over: Partial<OtjInput> = {}): OtjInput {
  const [y, rest] = [Number(startDate.slice(0, 4)), startDate.slice(4)];
  return { startDate, plannedEndDate: `${y + 1}${rest}`, weeklyHours: 37.5, standardMinimumHours: null, ...over };
}

function hours(input: OtjInput, rules = RULES) {
  const r = requiredOtjHours(rules, input);
  if (!r.ok) throw new Error(r.message);
  return r;
}

describe("working weeks", () => {
  it("takes 5.6 weeks a year of annual leave out of the planned duration", () => {
    expect(ANNUAL_LEAVE_WEEKS_PER_YEAR).toBe(5.6);
    expect(workingWeeks("2023-01-02", "2023-01-02")).toBe(0);
    // 364 days = 52 weeks → 46.4 working weeks.
    expect(workingWeeks("2023-01-02", "2024-01-01")).toBeCloseTo(46.4, 10);
  });
});

describe("which rule applies", () => {
  it("chooses by start date, with each range's last day and the next rule's first day on either side", () => {
    expect((ruleFor(RULES, "2022-07-31") as OtjRule).id).toBe("r2017");
    expect((ruleFor(RULES, "2022-08-01") as OtjRule).id).toBe("r2022");
    expect((ruleFor(RULES, "2025-07-31") as OtjRule).id).toBe("r2022");
    expect((ruleFor(RULES, "2025-08-01") as OtjRule).id).toBe("r2025");
    expect((ruleFor(RULES, "2040-01-01") as OtjRule).id).toBe("r2025");
    expect(ruleFor(RULES, "2017-04-30")).toBeUndefined();
  });

  it("returns the rule it used with the hours", () => {
    expect(hours(year("2022-07-31")).rule.id).toBe("r2017");
    expect(hours(year("2022-08-01")).rule.id).toBe("r2022");
    expect(hours(year("2025-07-31")).rule.id).toBe("r2022");
    expect(hours(year("2025-08-01", { standardMinimumHours: 300 })).rule.id).toBe("r2025");
  });

  it("refuses a start date no rule covers, naming the date", () => {
    expect(requiredOtjHours(RULES, year("2017-04-30"))).toEqual({ ok: false, message: "No off-the-job rule covers apprenticeships starting on 2017-04-30" });
    // A gap between rules is the same: the function never falls back to a date it knows.
    const gap = RULES.filter((r) => r.id !== "r2022");
    expect(requiredOtjHours(gap, year("2023-03-01")).ok).toBe(false);
    expect(requiredOtjHours([], year("2023-03-01")).ok).toBe(false);
  });

  it("refuses rules whose ranges overlap rather than choosing one", () => {
    const overlapping = [...RULES, { ...RULES[1]!, id: "dup", effectiveFrom: "2024-01-01" }];
    expect(requiredOtjHours(overlapping, year("2024-06-01"))).toMatchObject({ ok: false, message: expect.stringMatching(/More than one/) });
  });

  it("reads the dates from the data, not the code: moved ranges move the answer", () => {
    const moved: OtjRule[] = [
      { ...RULES[0]!, effectiveTo: "2023-01-01" },
      { ...RULES[1]!, effectiveFrom: "2023-01-01" },
      RULES[2]!,
    ];
    expect(hours(year("2022-08-01"), moved).rule.id).toBe("r2017");
  });
});

describe("required hours", () => {
  const weeks = workingWeeks("2022-07-31", "2023-07-31");

  it("before 1 August 2022: 20% of contracted hours over the working weeks", () => {
    const r = hours(year("2022-07-31"));
    expect(r.hours).toBe(Math.ceil(0.2 * 37.5 * weeks));
    expect(r.hours).toBe(349);
    expect(r.basis).toMatch(/^20% of 37\.5 hours a week/);
    // Part time: 20% of whatever they work.
    expect(hours(year("2022-07-31", { weeklyHours: 15 })).hours).toBe(Math.ceil(0.2 * 15 * weeks));
  });

  it("from 1 August 2022: 6 hours a week for full time (30 hours or more), however many hours above 30", () => {
    const w = workingWeeks("2022-08-01", "2023-08-01");
    expect(hours(year("2022-08-01")).hours).toBe(Math.ceil(6 * w));
    expect(hours(year("2022-08-01")).hours).toBe(280);
    expect(hours(year("2022-08-01", { weeklyHours: 30 })).hours).toBe(280);
    expect(hours(year("2022-08-01", { weeklyHours: 45 })).hours).toBe(280);
    expect(hours(year("2022-08-01")).basis).toMatch(/^6 hours a week \(full time\)/);
  });

  it("from 1 August 2022: part time pro rata to 30 hours", () => {
    const w = workingWeeks("2022-08-01", "2023-08-01");
    const half = hours(year("2022-08-01", { weeklyHours: 15 }));
    expect(half.hours).toBe(Math.ceil(3 * w));
    expect(half.hours).toBe(140);
    expect(half.basis).toMatch(/^3 hours a week \(6 hours pro rata for 15 hours of 30\)/);
    expect(hours(year("2022-08-01", { weeklyHours: 22.5 })).hours).toBe(Math.ceil(4.5 * w));
    expect(hours(year("2022-08-01", { weeklyHours: 29.9 })).hours).toBeLessThan(280);
  });

  it("31 July 2025 is still six hours a week; 1 August 2025 is the standard's own minimum", () => {
    expect(hours(year("2025-07-31", { standardMinimumHours: 400 })).hours).toBe(Math.ceil(6 * workingWeeks("2025-07-31", "2026-07-31")));
    const r = hours(year("2025-08-01", { standardMinimumHours: 400 }));
    expect(r).toMatchObject({ hours: 400, floorApplied: false, basis: "the standard's published minimum of 400 hours" });
    // The duration and contracted hours do not change the standard's figure.
    expect(hours(year("2025-08-01", { standardMinimumHours: 400, weeklyHours: 15 })).hours).toBe(400);
  });

  it("from 1 August 2025 never below the 187-hour floor, even if the standard says less or says nothing", () => {
    expect(hours(year("2025-08-01", { standardMinimumHours: 187 }))).toMatchObject({ hours: 187, floorApplied: false });
    expect(hours(year("2025-08-01", { standardMinimumHours: 186 }))).toMatchObject({ hours: 187, floorApplied: true, basis: expect.stringMatching(/raised to the floor of 187 hours/) });
    expect(hours(year("2025-08-01", { standardMinimumHours: null }))).toMatchObject({ hours: 187, floorApplied: true, basis: expect.stringMatching(/no published minimum/) });
    expect(hours(year("2025-08-01", { standardMinimumHours: 188 })).hours).toBe(188);
  });

  it("a standard-minimum rule with no floor and no published minimum cannot give a figure", () => {
    const noFloor = [{ ...RULES[2]!, minimumHours: null }];
    expect(requiredOtjHours(noFloor, year("2025-08-01"))).toMatchObject({ ok: false, message: "The standard has no published off-the-job minimum recorded" });
  });

  it("applies a floor to any kind of rule that has one", () => {
    const floored = [{ ...RULES[1]!, minimumHours: 187 }];
    expect(hours(year("2022-08-01", { weeklyHours: 15 }), floored)).toMatchObject({ hours: 187, floorApplied: true });
  });

  it("refuses impossible inputs rather than returning nonsense", () => {
    expect(requiredOtjHours(RULES, { ...year("2023-01-01"), plannedEndDate: "2023-01-01" }).ok).toBe(false);
    expect(requiredOtjHours(RULES, { ...year("2023-01-01"), plannedEndDate: "2022-12-01" }).ok).toBe(false);
    expect(requiredOtjHours(RULES, year("2023-01-01", { weeklyHours: 0 })).ok).toBe(false);
    expect(requiredOtjHours(RULES, year("2023-01-01", { weeklyHours: -5 })).ok).toBe(false);
  });
});

describe("hours expected by a date", () => {
  // 100 days from 1 January.
  const start = "2026-01-01";
  const end = "2026-04-11";

  it("grows evenly from nothing before the start to all of it at the planned end", () => {
    expect(expectedOtjHoursBy(200, start, end, "2025-12-31")).toBe(0);
    expect(expectedOtjHoursBy(200, start, end, "2026-01-01")).toBeCloseTo(2, 10);
    expect(expectedOtjHoursBy(200, start, end, "2026-02-19")).toBeCloseTo(100, 10);
    expect(expectedOtjHoursBy(200, start, end, "2026-04-10")).toBeCloseTo(200, 10);
    expect(expectedOtjHoursBy(200, start, end, "2027-01-01")).toBe(200);
  });

  it("expects nothing during a break in learning, and spreads the hours over the days outside it", () => {
    // A 20-day break: 80 active days, 2.5 hours a day.
    const breaks = [{ from: "2026-01-11", to: "2026-01-31" }];
    expect(expectedOtjHoursBy(200, start, end, "2026-01-10", breaks)).toBeCloseTo(25, 10);
    expect(expectedOtjHoursBy(200, start, end, "2026-01-20", breaks)).toBeCloseTo(25, 10);
    expect(expectedOtjHoursBy(200, start, end, "2026-01-30", breaks)).toBeCloseTo(25, 10);
    expect(expectedOtjHoursBy(200, start, end, "2026-01-31", breaks)).toBeCloseTo(27.5, 10);
    expect(expectedOtjHoursBy(200, start, end, "2026-04-10", breaks)).toBeCloseTo(200, 10);
  });

  it("holds the figure still through a break that has not ended", () => {
    const breaks = [{ from: "2026-01-11", to: null }];
    expect(expectedOtjHoursBy(200, start, end, "2026-03-01", breaks)).toBe(200);
    // Only the ten days before the break are active, so five days in, half is due.
    expect(expectedOtjHoursBy(200, start, end, "2026-01-05", breaks)).toBeCloseTo(100, 10);
  });
});

describe("red, amber or green", () => {
  it("uses named thresholds: green from 90% of expected, amber from 75%, red below", () => {
    expect([OTJ_GREEN_AT, OTJ_AMBER_AT]).toEqual([0.9, 0.75]);
    expect(otjRag(100, 100)).toBe("green");
    expect(otjRag(120, 100)).toBe("green");
    expect(otjRag(90, 100)).toBe("green");
    expect(otjRag(89.9, 100)).toBe("amber");
    expect(otjRag(75, 100)).toBe("amber");
    expect(otjRag(74.9, 100)).toBe("red");
    expect(otjRag(0, 100)).toBe("red");
  });

  it("is green while nothing is expected yet", () => {
    expect(otjRag(0, 0)).toBe("green");
  });
});
