// A PDP's dates are compared with each other only once each is a real date: a missing or impossible one gets its own
// message, never a crash (found by the tampered-fields test in tests/authorization-relations.test.ts).
import { describe, expect, it } from "vitest";
import { pdpReviewFields, startPdpFields } from "./pdp";

const TODAY = "2028-02-29";

describe("PDP date fields", () => {
  it("answers a missing or impossible period date with that field's message", () => {
    for (const periodStart of ["", "9999-99-99", "2027-02-29", "tomorrow"]) {
      const parsed = startPdpFields(TODAY).safeParse({ periodStart, periodEnd: "2029-02-27", nextReviewOn: "2028-08-29" });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["periodStart"]);
    }
  });

  it("still compares real dates: the period must end after it starts", () => {
    const parsed = startPdpFields(TODAY).safeParse({ periodStart: "2028-03-01", periodEnd: "2028-02-29", nextReviewOn: "2028-04-01" });
    expect(parsed.success).toBe(false);
  });

  it("compares a review's next date with its date only when both are real", () => {
    const bad = pdpReviewFields(TODAY).safeParse({ pdpId: "p", reviewedOn: "", summary: "x", nextReviewOn: "2028-03-01" });
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["reviewedOn"]);
    const backwards = pdpReviewFields(TODAY).safeParse({ pdpId: "p", reviewedOn: "2028-02-29", summary: "x", nextReviewOn: "2028-02-28" });
    expect(backwards.error!.issues.map((i) => i.message)).toEqual(["The next review must be after this review"]);
  });
});
