import { describe, expect, it } from "vitest";
import { checkAppraisalStep, managerMayEdit, workerMayComment } from "./appraisal-lifecycle";

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
    expect(checkAppraisalStep("reopen", "completed", "manager", "  ")).toEqual({ ok: false, message: "Give a reason" });
    expect(checkAppraisalStep("reopen", "completed", "manager", "Wrong objectives recorded")).toEqual({ ok: true, to: "in_progress" });
    expect(checkAppraisalStep("return_to_manager", "awaiting_sign_off", "worker", "Wellbeing section is not what we agreed")).toEqual({
      ok: true,
      to: "in_progress",
    });
    expect(checkAppraisalStep("cancel", "completed", "manager", "x").ok).toBe(false);
  });
});
