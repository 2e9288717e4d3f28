import { describe, it, expect } from "vitest";
import { appraisalState, pdpState, attentionReasons, byUrgency, type AttentionInput } from "./attention";

const TODAY = "2026-11-29";
const calm: AttentionInput = {
  appraisalStatus: "up_to_date",
  openAppraisalStatus: null,
  pdp: "agreed",
  pdpNextReviewOn: "2027-01-10",
  nextConversationOn: "2027-03-01",
  lastConversationOn: "2026-09-01",
};

describe("the appraisal as the team page shows it", () => {
  it("is done only when appraised and not yet due", () => {
    expect(appraisalState("up_to_date", true)).toBe("done");
    expect(appraisalState("up_to_date", false)).toBe("never");
    expect(appraisalState("due_soon", true)).toBe("due_soon");
    expect(appraisalState("overdue", false)).toBe("overdue");
  });
});

describe("the PDP state", () => {
  it("tells none, draft, waiting for agreement and agreed apart", () => {
    expect(pdpState({ status: null, agreed: false })).toBe("none");
    expect(pdpState({ status: "closed", agreed: true })).toBe("none");
    expect(pdpState({ status: "draft", agreed: false })).toBe("draft");
    expect(pdpState({ status: "active", agreed: false })).toBe("awaiting_agreement");
    expect(pdpState({ status: "active", agreed: true })).toBe("agreed");
  });
});

describe("what needs doing", () => {
  it("is nothing for a worker whose development is on track", () => {
    expect(attentionReasons(calm, TODAY)).toEqual([]);
  });
  it("asks to book an overdue appraisal, or to finish one already under way", () => {
    expect(attentionReasons({ ...calm, appraisalStatus: "overdue" }, TODAY)).toEqual(["Book the overdue appraisal"]);
    expect(attentionReasons({ ...calm, appraisalStatus: "overdue", openAppraisalStatus: "in_progress" }, TODAY)).toEqual([
      "Finish the overdue appraisal",
    ]);
  });
  it("does not ask to book an appraisal due soon that is already booked", () => {
    expect(attentionReasons({ ...calm, appraisalStatus: "due_soon" }, TODAY)).toEqual(["Book the appraisal due soon"]);
    expect(attentionReasons({ ...calm, appraisalStatus: "due_soon", openAppraisalStatus: "scheduled" }, TODAY)).toEqual([]);
  });
  it("names a missing or unagreed PDP and an overdue review, but not a review of a PDP that does not exist", () => {
    expect(attentionReasons({ ...calm, pdp: "none", pdpNextReviewOn: "2026-01-01" }, TODAY)).toEqual(["Start a PDP"]);
    expect(attentionReasons({ ...calm, pdp: "draft" }, TODAY)).toEqual(["Agree the PDP"]);
    expect(attentionReasons({ ...calm, pdpNextReviewOn: "2026-11-28" }, TODAY)).toEqual(["Review the PDP (overdue)"]);
    expect(attentionReasons({ ...calm, pdpNextReviewOn: TODAY }, TODAY)).toEqual([]);
  });
  it("names career conversations never had or overdue", () => {
    expect(attentionReasons({ ...calm, nextConversationOn: null, lastConversationOn: null }, TODAY)).toEqual([
      "Have a first career conversation",
    ]);
    expect(attentionReasons({ ...calm, nextConversationOn: "2026-10-01" }, TODAY)).toEqual(["Career conversation overdue"]);
  });
  it("says an overdue appraisal is with the worker once it waits for their sign-off", () => {
    expect(attentionReasons({ ...calm, appraisalStatus: "overdue", openAppraisalStatus: "awaiting_sign_off" }, TODAY)).toEqual([
      "Overdue appraisal waiting for the worker's sign-off",
    ]);
    expect(attentionReasons({ ...calm, openAppraisalStatus: "awaiting_sign_off" }, TODAY)).toEqual(["Appraisal waiting for the worker's sign-off"]);
  });
  it("names delegated tasks past their review date", () => {
    expect(attentionReasons({ ...calm, delegationsPastReview: 1 }, TODAY)).toEqual(["Review a delegated task (past its review date)"]);
    expect(attentionReasons({ ...calm, delegationsPastReview: 2 }, TODAY)).toEqual(["Review 2 delegated tasks (past their review dates)"]);
    expect(attentionReasons({ ...calm, competenciesExpired: 1 }, TODAY)).toEqual(["Renew an expired competency sign-off"]);
    expect(attentionReasons({ ...calm, competenciesExpired: 3, delegationsPastReview: 1 }, TODAY)).toEqual([
      "Review a delegated task (past its review date)",
      "Renew 3 expired competency sign-offs",
    ]);
    expect(attentionReasons({ ...calm, competenciesExpired: 0 }, TODAY)).toEqual([]);
  });
});

describe("team ordering", () => {
  it("puts overdue first, then due soon, then no agreed PDP, then whoever has most to do", () => {
    const rows = [
      { name: "A", appraisalStatus: "up_to_date" as const, appraisalDueOn: "2027-06-01", hasAgreedPdp: true, reasons: [] },
      { name: "E", appraisalStatus: "up_to_date" as const, appraisalDueOn: "2027-06-01", hasAgreedPdp: true, reasons: ["x"] },
      { name: "B", appraisalStatus: "up_to_date" as const, appraisalDueOn: "2027-06-01", hasAgreedPdp: false, reasons: ["x"] },
      { name: "C", appraisalStatus: "due_soon" as const, appraisalDueOn: "2026-12-01", hasAgreedPdp: true, reasons: [] },
      { name: "D", appraisalStatus: "overdue" as const, appraisalDueOn: "2026-01-01", hasAgreedPdp: true, reasons: [] },
    ];
    expect(rows.sort(byUrgency).map((r) => r.name)).toEqual(["D", "C", "B", "E", "A"]);
  });
});
