import { describe, it, expect } from "vitest";
import { appraisalState, pdpState, byUrgency } from "./attention";

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
