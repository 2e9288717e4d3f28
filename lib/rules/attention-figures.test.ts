// What the team page counts as overdue and due: PDP reviews, career conversations, and the figures at its top.
import { describe, expect, it } from "vitest";
import { conversationDue, pdpReviewOverdue, teamFigures, type AttentionInput } from "./attention";

const calm: AttentionInput = {
  appraisalStatus: "up_to_date",
  openAppraisalStatus: null,
  pdp: "agreed",
  pdpNextReviewOn: "2029-01-10",
  nextConversationOn: "2029-03-01",
  lastConversationOn: "2028-09-01",
};

describe("a PDP review is overdue", () => {
  it("from the day after its date, not on the day itself (29 February)", () => {
    expect(pdpReviewOverdue({ pdp: "agreed", pdpNextReviewOn: "2028-02-28" }, "2028-02-29")).toBe(true);
    expect(pdpReviewOverdue({ pdp: "agreed", pdpNextReviewOn: "2028-02-29" }, "2028-02-29")).toBe(false);
    expect(pdpReviewOverdue({ pdp: "agreed", pdpNextReviewOn: "2028-02-29" }, "2028-03-01")).toBe(true);
  });
  it("across the turn of the year (31 December)", () => {
    expect(pdpReviewOverdue({ pdp: "draft", pdpNextReviewOn: "2026-12-31" }, "2026-12-31")).toBe(false);
    expect(pdpReviewOverdue({ pdp: "awaiting_agreement", pdpNextReviewOn: "2026-12-31" }, "2027-01-01")).toBe(true);
  });
  it("never for a worker with no current PDP, or a plan with no review date", () => {
    expect(pdpReviewOverdue({ pdp: "none", pdpNextReviewOn: "2020-01-01" }, "2028-02-29")).toBe(false);
    expect(pdpReviewOverdue({ pdp: "agreed", pdpNextReviewOn: null }, "2028-02-29")).toBe(false);
  });
});

describe("a career conversation is due", () => {
  it("when there has never been one, whatever the date", () => {
    expect(conversationDue({ lastConversationOn: null, nextConversationOn: null }, "2026-12-31")).toBe(true);
    expect(conversationDue({ lastConversationOn: null, nextConversationOn: "2027-06-01" }, "2026-12-31")).toBe(true);
  });
  it("from the day after the date to talk again (31 December, 29 February)", () => {
    expect(conversationDue({ lastConversationOn: "2026-06-01", nextConversationOn: "2026-12-31" }, "2026-12-31")).toBe(false);
    expect(conversationDue({ lastConversationOn: "2026-06-01", nextConversationOn: "2026-12-31" }, "2027-01-01")).toBe(true);
    expect(conversationDue({ lastConversationOn: "2027-09-01", nextConversationOn: "2028-02-29" }, "2028-02-29")).toBe(false);
    expect(conversationDue({ lastConversationOn: "2027-09-01", nextConversationOn: "2028-02-28" }, "2028-02-29")).toBe(true);
  });
  it("not when one was had and no next date was set", () => {
    expect(conversationDue({ lastConversationOn: "2026-06-01", nextConversationOn: null }, "2026-12-31")).toBe(false);
  });
});

describe("the team page's figures", () => {
  const today = "2028-02-29";
  it("are all nought for an empty team", () => {
    expect(teamFigures([], today)).toEqual({
      appraisalsOverdue: 0,
      appraisalsDueSoon: 0,
      awaitingSignOff: 0,
      withoutAgreedPdp: 0,
      pdpReviewsOverdue: 0,
      conversationsDue: 0,
      delegationsPastReview: 0,
    });
  });
  it("count each worker by the same rules as what needs doing, and add up delegations past review", () => {
    const rows: AttentionInput[] = [
      calm,
      { ...calm, appraisalStatus: "overdue", openAppraisalStatus: "awaiting_sign_off", delegationsPastReview: 2 },
      { ...calm, appraisalStatus: "due_soon", pdp: "draft", pdpNextReviewOn: "2028-02-28", delegationsPastReview: 1 },
      { ...calm, pdp: "none", pdpNextReviewOn: "2020-01-01", lastConversationOn: null, nextConversationOn: null },
      { ...calm, nextConversationOn: "2028-02-28" },
      { ...calm, pdpNextReviewOn: "2028-02-29", nextConversationOn: "2028-02-29" },
    ];
    expect(teamFigures(rows, today)).toEqual({
      appraisalsOverdue: 1,
      appraisalsDueSoon: 1,
      awaitingSignOff: 1,
      withoutAgreedPdp: 2,
      pdpReviewsOverdue: 1,
      conversationsDue: 2,
      delegationsPastReview: 3,
    });
  });
});
