// When an action on a PDP goal is overdue, as the worker's home page and the PDP page flag it.
import { describe, expect, it } from "vitest";
import { isActionOverdue } from "./pdp-goals";

describe("an overdue action", () => {
  it("is one whose due date has passed, not one due today (29 February, 31 December)", () => {
    expect(isActionOverdue("2028-02-28", "2028-02-29")).toBe(true);
    expect(isActionOverdue("2028-02-29", "2028-02-29")).toBe(false);
    expect(isActionOverdue("2028-02-29", "2028-03-01")).toBe(true);
    expect(isActionOverdue("2026-12-31", "2026-12-31")).toBe(false);
    expect(isActionOverdue("2026-12-31", "2027-01-01")).toBe(true);
  });
  it("is never one without a due date", () => {
    expect(isActionOverdue(null, "2026-12-31")).toBe(false);
  });
});
