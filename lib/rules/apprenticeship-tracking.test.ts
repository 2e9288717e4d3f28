import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAX_OTJ_HOURS_PER_DAY,
  apprenticeshipDatesProblem,
  atRiskFrom,
  EVERY_DAY,
  gatewayOutstanding,
  isPassingResult,
  lastReturnOn,
  learningBreaks,
  otjLogProblem,
  statusDateProblem,
  trackApprenticeship,
  type TrackInput,
} from "./apprenticeship-tracking";
import { nextReviewDateProblem, nextReviewDue } from "./apprenticeship-reviews";
import type { OtjRule } from "./off-the-job";
import { addDays } from "./dates";
import { LIVE_APPRENTICESHIP_STATUSES } from "./apprenticeship-lifecycle";

const RULES: OtjRule[] = [
  { effectiveFrom: "2022-08-01", effectiveTo: "2025-08-01", kind: "hours_per_week", value: 6, minimumHours: null, description: "6 a week" },
  { effectiveFrom: "2025-08-01", effectiveTo: null, kind: "standard_minimum", value: 187, minimumHours: 187, description: "standard's own" },
];

function input(over: Partial<TrackInput> = {}): TrackInput {
  return {
    status: "on_programme",
    startDate: "2026-01-05",
    plannedEndDate: "2027-01-04",
    weeklyHours: 37.5,
    standardMinimumHours: 365,
    loggedHours: 0,
    changes: [
      { toStatus: "planned", effectiveOn: "2025-12-01" },
      { toStatus: "on_programme", effectiveOn: "2026-01-05" },
    ],
    reviewDates: [],
    agreedNextReview: null,
    ...over,
  };
}

describe("breaks in learning from the status history", () => {
  it("runs each break from its change to the next, and leaves the current one open", () => {
    const changes = [
      { toStatus: "on_programme" as const, effectiveOn: "2026-01-05" },
      { toStatus: "break_in_learning" as const, effectiveOn: "2026-03-01" },
      { toStatus: "on_programme" as const, effectiveOn: "2026-04-01" },
      { toStatus: "break_in_learning" as const, effectiveOn: "2026-06-01" },
    ];
    expect(learningBreaks(changes)).toEqual([
      { from: "2026-03-01", to: "2026-04-01" },
      { from: "2026-06-01", to: null },
    ]);
    expect(lastReturnOn(changes)).toBe("2026-04-01");
    expect(lastReturnOn(changes.slice(0, 2))).toBeNull();
  });

  it("continues a break recorded during another, so no day is in two", () => {
    const changes = [
      { toStatus: "on_programme" as const, effectiveOn: "2026-01-05" },
      { toStatus: "break_in_learning" as const, effectiveOn: "2026-03-01" },
      { toStatus: "break_in_learning" as const, effectiveOn: "2026-03-20" },
      { toStatus: "on_programme" as const, effectiveOn: "2026-04-01" },
    ];
    expect(learningBreaks(changes)).toEqual([{ from: "2026-03-01", to: "2026-04-01" }]);
  });
});

describe("tracking an apprenticeship", () => {
  it("works out required, expected and logged hours with red, amber and green", () => {
    // 365 hours over 364 days; on 2026-07-05 (181 days in) about half is expected.
    const half = trackApprenticeship(RULES, input({ loggedHours: 180, reviewDates: ["2026-06-01"] }), "2026-07-05");
    expect(half.required).toMatchObject({ ok: true, hours: 365 });
    expect(half.expected).toBeGreaterThan(180);
    expect(half.expected).toBeLessThan(183);
    expect(half.rag).toBe("green");
    expect(half.risks).toEqual([]);
    expect(trackApprenticeship(RULES, input({ loggedHours: 150 }), "2026-07-05").rag).toBe("amber");
    const behind = trackApprenticeship(RULES, input({ loggedHours: 100 }), "2026-07-05");
    expect(behind.rag).toBe("red");
    expect(behind.risks.map((r) => r.kind)).toContain("otj_behind");
    expect(behind.risks.find((r) => r.kind === "otj_behind")?.message).toMatch(/100 of 18\d(\.\d)? expected by now \(5\d%\)/);
  });

  it("expects nothing before the start and shows no RAG for a planned apprenticeship, but flags a start date gone by", () => {
    const planned = trackApprenticeship(RULES, input({ status: "planned", changes: [{ toStatus: "planned", effectiveOn: "2025-12-01" }] }), "2025-12-20");
    expect(planned).toMatchObject({ expected: 0, rag: null, review: null, risks: [] });
    const late = trackApprenticeship(RULES, input({ status: "planned", changes: [{ toStatus: "planned", effectiveOn: "2025-12-01" }] }), "2026-01-06");
    expect(late.risks.map((r) => r.kind)).toEqual(["start_passed"]);
  });

  it("expects every hour by gateway", () => {
    const t = trackApprenticeship(RULES, input({ status: "gateway", loggedHours: 250 }), "2026-10-01");
    expect(t.expected).toBe(365);
    expect(t.rag).toBe("red");
    expect(t.risks.map((r) => r.kind)).toContain("otj_behind");
  });

  it("expects no hours during a break, and does not count hours or reviews against it", () => {
    const onBreak = input({
      status: "break_in_learning",
      loggedHours: 90,
      changes: [...input().changes, { toStatus: "break_in_learning", effectiveOn: "2026-04-05" }],
    });
    const atBreak = trackApprenticeship(RULES, onBreak, "2026-04-05");
    const later = trackApprenticeship(RULES, onBreak, "2026-09-01");
    expect(later.expected).toBeCloseTo(atBreak.expected!, 5);
    expect(later.review).toBeNull();
    expect(later.risks.map((r) => r.kind)).not.toContain("otj_behind");
  });

  it("flags a planned end gone by while on programme, not once at gateway", () => {
    expect(trackApprenticeship(RULES, input({ loggedHours: 400 }), "2027-01-05").risks.map((r) => r.kind)).toEqual(["end_passed", "review_overdue"]);
    expect(trackApprenticeship(RULES, input({ status: "gateway", loggedHours: 400, reviewDates: ["2026-12-01"] }), "2027-01-05").risks).toEqual([]);
  });

  it("flags an overdue review from the start, the latest review, or a return from a break", () => {
    expect(trackApprenticeship(RULES, input({ loggedHours: 100 }), "2026-03-30").review?.status).toBe("due_soon");
    expect(trackApprenticeship(RULES, input({ loggedHours: 100 }), "2026-03-31").risks.map((r) => r.kind)).toContain("review_overdue");
    expect(trackApprenticeship(RULES, input({ loggedHours: 100, reviewDates: ["2026-03-20"] }), "2026-03-31").review?.status).toBe("in_time");
  });

  it("says why the hours cannot be worked out when no rule covers the start", () => {
    const t = trackApprenticeship(RULES, input({ startDate: "2021-01-04", plannedEndDate: "2022-01-03" }), "2021-06-01");
    expect(t.required.ok).toBe(false);
    expect(t.expected).toBeNull();
    expect(t.rag).toBeNull();
  });
});

describe("the next review", () => {
  it("comes forward to the date the last review agreed, never past 12 weeks", () => {
    expect(nextReviewDue("2026-01-05", ["2026-02-02"], "2026-02-10", { agreedNext: "2026-03-02" })).toMatchObject({ dueOn: "2026-03-02", from: "agreed" });
    expect(nextReviewDue("2026-01-05", ["2026-02-02"], "2026-02-10", { agreedNext: "2026-06-01" })).toMatchObject({ dueOn: "2026-04-27", from: "last_review" });
  });

  it("counts 12 weeks again from a return after a break", () => {
    expect(nextReviewDue("2026-01-05", ["2026-02-02"], "2026-07-01", { resumedOn: "2026-06-01" })).toMatchObject({ dueOn: "2026-08-24", from: "return", status: "in_time" });
  });

  it("refuses an agreed next date that is not after the review or is more than 12 weeks on", () => {
    expect(nextReviewDateProblem("2026-02-02", null)).toBeUndefined();
    expect(nextReviewDateProblem("2026-02-02", "2026-02-02")).toMatch(/after this one/);
    expect(nextReviewDateProblem("2026-02-02", "2026-04-27")).toBeUndefined();
    expect(nextReviewDateProblem("2026-02-02", "2026-04-28")).toMatch(/within 12 weeks.*27 April 2026/);
  });
});

describe("what can be recorded", () => {
  it("keeps an apprenticeship's planned end after its start and within seven years", () => {
    expect(apprenticeshipDatesProblem("2026-01-05", "2026-01-05")?.field).toBe("plannedEndDate");
    expect(apprenticeshipDatesProblem("2026-01-05", "2026-01-04")?.message).toMatch(/after the start date/);
    expect(apprenticeshipDatesProblem("2026-01-05", "2033-01-05")).toBeUndefined();
    expect(apprenticeshipDatesProblem("2026-01-05", "2033-01-06")?.message).toMatch(/within 7 years/);
  });

  it("refuses absurd or misplaced off-the-job hours", () => {
    const base = { activityOn: "2026-03-02", hours: 7.5, startDate: "2026-01-05", endedOn: null, today: "2026-03-10", alreadyThatDay: 0 };
    expect(otjLogProblem(base)).toBeUndefined();
    expect(otjLogProblem({ ...base, hours: 0 })?.field).toBe("hours");
    expect(otjLogProblem({ ...base, hours: 30 })?.message).toMatch(/No more than 12 hours/);
    expect(otjLogProblem({ ...base, hours: MAX_OTJ_HOURS_PER_DAY })).toBeUndefined();
    expect(otjLogProblem({ ...base, hours: 5, alreadyThatDay: 7.5 })?.message).toMatch(/7.5 hours are already logged for 2 March 2026/);
    expect(otjLogProblem({ ...base, activityOn: "2026-01-04" })?.message).toMatch(/before the apprenticeship began on 5 January 2026/);
    expect(otjLogProblem({ ...base, activityOn: "2026-03-11" })?.message).toMatch(/future/);
    expect(otjLogProblem({ ...base, endedOn: "2026-03-01" })?.message).toMatch(/after the apprenticeship ended/);
  });

  it("dates a status change no later than today and no earlier than the last change", () => {
    const base = { to: "gateway" as const, startDate: "2026-01-05", plannedEndDate: "2027-01-04", lastChangeOn: "2026-01-05", today: "2026-11-01" };
    expect(statusDateProblem({ ...base, effectiveOn: "2026-10-01" })).toBeUndefined();
    expect(statusDateProblem({ ...base, effectiveOn: "2026-11-02" })).toMatch(/future/);
    expect(statusDateProblem({ ...base, effectiveOn: "2026-01-04" })).toMatch(/on or after 5 January 2026/);
    expect(statusDateProblem({ ...base, to: "on_programme", lastChangeOn: "2025-12-01", effectiveOn: "2027-01-04", today: "2027-02-01" })).toMatch(/before the planned end/);
  });

  it("lists the gateway requirements still to tick, and counts only pass, merit and distinction as completing", () => {
    const reqs = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(gatewayOutstanding(reqs, new Set(["b"]))).toEqual([{ id: "a" }, { id: "c" }]);
    expect(["pass", "merit", "distinction", "fail"].map(isPassingResult)).toEqual([true, true, true, false]);
  });
});

describe("the first day an apprenticeship is at risk", () => {
  const day = (from: string) => fc.integer({ min: 0, max: 900 }).map((n) => addDays(from, n));
  // Any live apprenticeship: a start either side of the rules' change, any length, part or full time, hours logged
  // from none to more than required, breaks opened and closed, reviews before and after the start, an agreed date.
  const record = fc
    .record({
      status: fc.constantFrom(...LIVE_APPRENTICESHIP_STATUSES),
      startDate: day("2024-06-01"),
      days: fc.integer({ min: 1, max: 1200 }),
      weeklyHours: fc.constantFrom(10, 22.5, 37.5),
      standardMinimumHours: fc.constantFrom(null, 187, 400),
      loggedHours: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600 })),
      moves: fc.array(fc.record({ after: fc.integer({ min: 0, max: 800 }), toBreak: fc.boolean() }), { maxLength: 4 }),
      reviews: fc.array(fc.integer({ min: -30, max: 700 }), { maxLength: 3 }),
      agreed: fc.option(fc.integer({ min: 1, max: 120 })),
    })
    .map((r): TrackInput => {
      const changes = [{ toStatus: "on_programme" as const, effectiveOn: r.startDate }, ...r.moves.map((m) => ({ toStatus: m.toBreak ? ("break_in_learning" as const) : ("on_programme" as const), effectiveOn: addDays(r.startDate, m.after) }))];
      const reviewDates = r.reviews.map((n) => addDays(r.startDate, n));
      const latest = reviewDates.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);
      return {
        status: r.status,
        startDate: r.startDate,
        plannedEndDate: addDays(r.startDate, r.days),
        weeklyHours: r.weeklyHours,
        standardMinimumHours: r.standardMinimumHours,
        loggedHours: r.loggedHours,
        changes,
        reviewDates,
        agreedNextReview: latest && r.agreed !== null ? addDays(latest, r.agreed) : null,
      };
    });

  it.each([19, 10, 13])("is the day from which, and only from which, the tracking rule gives a risk (seed %i)", (seed) => {
    fc.assert(
      fc.property(record, (a) => {
        const from = atRiskFrom(RULES, a);
        // Every day from well before the start to well after everything has fallen due.
        const wrong: string[] = [];
        for (let d = addDays(a.startDate, -40); d <= addDays(a.plannedEndDate, 200); d = addDays(d, 1)) {
          if (trackApprenticeship(RULES, a, d).risks.length > 0 !== (from !== null && d >= from)) wrong.push(d);
        }
        expect(wrong, `first day at risk ${from}`).toEqual([]);
      }),
      { numRuns: 100, seed },
    );
  }, 30_000);

  it("is a day for each live apprenticeship, and null for an ended one", () => {
    // 365 required over a year: with none logged, behind (amber) as soon as anything is expected, 10 hours a day.
    expect(atRiskFrom(RULES, input({ loggedHours: 0, reviewDates: ["2026-03-01", "2026-05-20", "2026-08-10", "2026-11-01"] }))).toBe("2026-01-05");
    // Everything logged and a review just before the planned end leaves only the end date passing.
    expect(atRiskFrom(RULES, input({ loggedHours: 400, reviewDates: ["2026-12-20"] }))).toBe("2027-01-05");
    // At end-point assessment only an overdue review counts: never, once the last review's 12 weeks are far off.
    expect(atRiskFrom(RULES, input({ status: "end_point_assessment", loggedHours: 400, reviewDates: ["2026-12-20"] }))).toBe("2027-03-15");
    expect(atRiskFrom(RULES, input({ status: "planned" }))).toBe("2026-01-06");
    // At end-point assessment, a review agreed sooner than 12 weeks is the one that falls due.
    expect(atRiskFrom(RULES, input({ status: "end_point_assessment", loggedHours: 400, reviewDates: ["2026-12-20"], agreedNextReview: "2027-01-10" }))).toBe("2027-01-11");
    // On a break in learning only the planned end can pass.
    expect(atRiskFrom(RULES, input({ status: "break_in_learning", plannedEndDate: "2030-01-04" }))).toBe("2030-01-05");
    // Every live apprenticeship falls at risk one day if nothing is recorded; an ended one never does.
    expect(atRiskFrom(RULES, input({ status: "completed", loggedHours: 0 }))).toBeNull();
    expect(atRiskFrom(RULES, input({ status: "withdrawn", loggedHours: 0 }))).toBeNull();
    // At gateway every hour is owed whatever the day.
    expect(atRiskFrom(RULES, input({ status: "gateway", loggedHours: 100, reviewDates: ["2026-12-20"] }))).toBe(EVERY_DAY);
  });
});
