import { describe, expect, it } from "vitest";
import { REVIEW_INTERVAL_DAYS, nextReviewDue, reviewDateProblem } from "./apprenticeship-reviews";

describe("the next tripartite progress review", () => {
  const start = "2026-01-05";

  it("is due within 12 weeks of the start when there has been none", () => {
    expect(REVIEW_INTERVAL_DAYS).toBe(84);
    expect(nextReviewDue(start, [], "2026-01-05")).toEqual({ dueOn: "2026-03-30", from: "start", status: "in_time", daysLeft: 84 });
  });

  it("is due within 12 weeks of the latest review, whatever order they come in", () => {
    expect(nextReviewDue(start, ["2026-03-20", "2026-02-01"], "2026-04-01")).toMatchObject({ dueOn: "2026-06-12", from: "last_review", status: "in_time" });
  });

  it("is due soon in the last two weeks, still in time on the due date, and overdue the day after", () => {
    expect(nextReviewDue(start, [], "2026-03-15").status).toBe("in_time");
    expect(nextReviewDue(start, [], "2026-03-16").status).toBe("due_soon");
    expect(nextReviewDue(start, [], "2026-03-30")).toMatchObject({ status: "due_soon", daysLeft: 0 });
    expect(nextReviewDue(start, [], "2026-03-31")).toMatchObject({ status: "overdue", daysLeft: -1 });
  });

  it("ignores a review dated before the start, and is not yet counting before the apprenticeship begins", () => {
    expect(nextReviewDue(start, ["2025-12-01"], "2026-01-10")).toMatchObject({ dueOn: "2026-03-30", from: "start" });
    expect(nextReviewDue(start, [], "2025-12-20").status).toBe("not_started");
  });
});

describe("a review's date", () => {
  const start = "2026-01-05";
  const today = "2026-04-01";

  it("may be the start date, any day between, or today", () => {
    expect(reviewDateProblem("2026-01-05", start, today)).toBeUndefined();
    expect(reviewDateProblem("2026-02-14", start, today)).toBeUndefined();
    expect(reviewDateProblem("2026-04-01", start, today)).toBeUndefined();
  });

  it("is refused before the apprenticeship began, or in the future", () => {
    expect(reviewDateProblem("2026-01-04", start, today)).toBe("A progress review cannot be before the apprenticeship began on 5 January 2026");
    expect(reviewDateProblem("2026-04-02", start, today)).toBe("A progress review cannot be dated in the future");
  });
});
