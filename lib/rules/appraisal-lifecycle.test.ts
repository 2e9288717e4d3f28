import { describe, expect, it } from "vitest";
import {
  appraisalActor,
  checkAppraisalStep,
  isOpen,
  lockedMessage,
  managerMayEdit,
  openAppraisalWords,
  objectivesToReview,
  sendForSignOffProblems,
  signOffRefusal,
  workerMayComment,
  workerMayReadContent,
} from "./appraisal-lifecycle";

describe("the appraisal lifecycle", () => {
  it("goes scheduled → in progress → awaiting sign-off → completed, each step by the right person", () => {
    expect(checkAppraisalStep("start", "scheduled", "manager")).toEqual({ ok: true, to: "in_progress" });
    expect(checkAppraisalStep("send_for_sign_off", "in_progress", "manager")).toEqual({ ok: true, to: "awaiting_sign_off" });
    expect(checkAppraisalStep("sign_off", "awaiting_sign_off", "worker")).toEqual({ ok: true, to: "completed" });
  });

  it("lets only the worker sign off", () => {
    expect(checkAppraisalStep("sign_off", "awaiting_sign_off", "manager")).toEqual({ ok: false, message: "Only the worker can do this to their own appraisal" });
  });

  it("refuses skipping steps and acting on a locked appraisal", () => {
    expect(checkAppraisalStep("sign_off", "in_progress", "worker").ok).toBe(false);
    expect(checkAppraisalStep("send_for_sign_off", "completed", "manager")).toMatchObject({ ok: false, message: expect.stringMatching(/completed and signed off/) });
    expect(managerMayEdit("completed")).toBe(false);
    expect(managerMayEdit("awaiting_sign_off")).toBe(false);
    expect(managerMayEdit("in_progress")).toBe(true);
    expect(workerMayComment("in_progress")).toBe(false);
    expect(workerMayComment("awaiting_sign_off")).toBe(true);
  });

  it("needs a reason to reopen, return or cancel", () => {
    expect(checkAppraisalStep("reopen", "completed", "manager", "  ")).toEqual({ ok: false, message: "Give a reason", field: "reason" });
    expect(checkAppraisalStep("reopen", "completed", "manager", "Wrong objectives recorded")).toEqual({ ok: true, to: "in_progress" });
    expect(checkAppraisalStep("return_to_manager", "awaiting_sign_off", "worker", "Wellbeing section is not what we agreed")).toEqual({
      ok: true,
      to: "in_progress",
    });
    expect(checkAppraisalStep("cancel", "completed", "manager", "x").ok).toBe(false);
  });
});

describe("moving a booking and the two signatures", () => {
  it("moves only a booked appraisal, by the manager, with a reason", () => {
    expect(checkAppraisalStep("reschedule", "scheduled", "manager", "Clinic cover")).toEqual({ ok: true, to: "scheduled" });
    expect(checkAppraisalStep("reschedule", "scheduled", "manager", " ")).toEqual({ ok: false, message: "Give a reason", field: "reason" });
    expect(checkAppraisalStep("reschedule", "scheduled", "worker", "Mine").ok).toBe(false);
    for (const s of ["in_progress", "awaiting_sign_off", "completed", "cancelled"] as const) expect(checkAppraisalStep("reschedule", s, "manager", "x").ok).toBe(false);
  });

  it("lets the manager's side sign as appraiser only while it waits for signatures", () => {
    expect(checkAppraisalStep("appraiser_sign", "awaiting_sign_off", "manager").ok).toBe(true);
    expect(checkAppraisalStep("appraiser_sign", "awaiting_sign_off", "worker").ok).toBe(false);
    expect(checkAppraisalStep("appraiser_sign", "in_progress", "manager").ok).toBe(false);
  });

  it("tells the worker on their home where the signatures stand", () => {
    const a = { status: "awaiting_sign_off" as const, scheduledFor: "2026-11-20", heldOn: "2026-11-21" };
    expect(openAppraisalWords({ ...a, workerSignedAt: null })).toBe("Held on 21 November 2026; waiting for you to read and sign it");
    expect(openAppraisalWords({ ...a, workerSignedAt: new Date() })).toBe("Held on 21 November 2026; you have signed it, waiting for the appraiser's signature");
  });
});

describe("who acts, what the worker may read, and the lock", () => {
  it("treats managers and admins as the manager side, only the worker themselves as the worker, a lead as neither", () => {
    expect(appraisalActor("manager", false)).toBe("manager");
    expect(appraisalActor("admin", false)).toBe("manager");
    expect(appraisalActor("support_worker", true)).toBe("worker");
    expect(appraisalActor("support_worker", false)).toBeNull();
    expect(appraisalActor("lead", false)).toBeNull();
  });

  it("shows the worker the content only once it is theirs to sign, or done", () => {
    expect(["scheduled", "in_progress", "awaiting_sign_off", "completed", "cancelled"].filter((s) => workerMayReadContent(s as never))).toEqual([
      "awaiting_sign_off",
      "completed",
    ]);
  });

  it("locks a completed appraisal against every step but reopening", () => {
    for (const step of ["start", "send_for_sign_off", "cancel"] as const) expect(checkAppraisalStep(step, "completed", "manager", "reason").ok).toBe(false);
    for (const step of ["sign_off", "return_to_manager"] as const) expect(checkAppraisalStep(step, "completed", "worker", "reason").ok).toBe(false);
    expect(checkAppraisalStep("reopen", "completed", "manager", "Typo in the summary").ok).toBe(true);
    expect(lockedMessage("3 March 2026")).toBe("This appraisal was signed off on 3 March 2026 and is locked. Reopen it with a reason to change it.");
    expect(signOffRefusal("Daniel Kowalski")).toBe("Only Daniel Kowalski can sign off their own appraisal");
  });

  it("sends for sign-off only when held (not in the future), every objective is marked, and there is a summary", () => {
    const ready = { heldOn: "2026-11-20", appraiserSummary: "A good year", reviews: [{ outcome: "met" }] };
    expect(sendForSignOffProblems(ready, "2026-11-22")).toEqual({});
    expect(Object.keys(sendForSignOffProblems({ heldOn: null, appraiserSummary: " ", reviews: [{ outcome: null }] }, "2026-11-22"))).toEqual([
      "heldOn",
      "reviews",
      "appraiserSummary",
    ]);
    expect(sendForSignOffProblems({ ...ready, heldOn: "2026-11-23" }, "2026-11-22").heldOn).toMatch(/future/);
  });

  it("allows one open appraisal: scheduled, in progress or awaiting sign-off", () => {
    expect(isOpen("scheduled") && isOpen("in_progress") && isOpen("awaiting_sign_off")).toBe(true);
    expect(isOpen("completed") || isOpen("cancelled")).toBe(false);
  });
});

describe("last year's objectives to review", () => {
  const at = new Date("2026-11-03T09:00:00Z");
  it("takes the previous appraisal's objectives and the PDP's agreed goals, not a proposal nobody agreed nor a dropped goal", () => {
    expect(
      objectivesToReview(
        ["Lead the falls huddle"],
        [
          { title: "Shadow the dysphagia clinic", status: "in_progress", agreedAt: at },
          { title: "Run the hydration round", status: "not_started", agreedAt: null },
          { title: "Learn Makaton", status: "dropped", agreedAt: at },
          { title: "Achieved already", status: "achieved", agreedAt: at },
        ],
      ),
    ).toEqual(["Lead the falls huddle", "Shadow the dysphagia clinic", "Achieved already"]);
  });
  it("lists a title once, ignoring case and spaces, and leaves out what the appraisal already lists", () => {
    expect(objectivesToReview([" lead the falls huddle "], [{ title: "Lead the falls huddle", status: "not_started", agreedAt: at }])).toEqual(["lead the falls huddle"]);
    expect(objectivesToReview(["A", "B"], [], ["a"])).toEqual(["B"]);
    expect(objectivesToReview(["  "], [])).toEqual([]);
  });
});
