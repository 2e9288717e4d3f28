import { describe, expect, it } from "vitest";
import {
  appraisalTakesConversation,
  heldOnProblem,
  lockMessage,
  lockedByAppraisal,
  workerMayReadConversation,
  nextConversationPassed,
  nextConversationProblem,
  stepDueProblem,
  stepStatus,
  stepsProgress,
} from "./career";

describe("career conversation dates", () => {
  it("holds a conversation on a day between the worker's start and today", () => {
    expect(heldOnProblem("2026-11-22", "2026-11-22", "2020-01-01")).toBeUndefined();
    expect(heldOnProblem("2020-01-01", "2026-11-22", "2020-01-01")).toBeUndefined();
    expect(heldOnProblem("2026-11-23", "2026-11-22", "2020-01-01")).toBe("The date of the conversation cannot be in the future");
    expect(heldOnProblem("2019-12-31", "2026-11-22", "2020-01-01")).toBe("The date of the conversation cannot be before they started (1 January 2020)");
  });

  it("sets the next conversation after this one", () => {
    expect(nextConversationProblem("2026-11-22", null)).toBeUndefined();
    expect(nextConversationProblem("2026-11-22", "2026-11-23")).toBeUndefined();
    expect(nextConversationProblem("2026-11-22", "2026-11-22")).toBe("The next conversation must be after this one (22 November 2026)");
  });

  it("lets a step fall due on the day of the conversation but not before", () => {
    expect(stepDueProblem("2026-11-22", "2026-11-22")).toBeUndefined();
    expect(stepDueProblem("2026-11-22", null)).toBeUndefined();
    expect(stepDueProblem("2026-11-22", "2026-11-21")).toMatch(/cannot be before the conversation/);
  });
});

describe("where steps stand", () => {
  it("is overdue from the day after the due date until done", () => {
    expect(stepStatus({ dueOn: "2026-11-22", doneOn: null }, "2026-11-22")).toBe("open");
    expect(stepStatus({ dueOn: "2026-11-22", doneOn: null }, "2026-11-23")).toBe("overdue");
    expect(stepStatus({ dueOn: "2026-11-22", doneOn: "2026-11-25" }, "2026-11-30")).toBe("done");
    expect(stepStatus({ dueOn: null, doneOn: null }, "2030-01-01")).toBe("open");
  });

  it("counts the steps done", () => {
    expect(stepsProgress([{ doneOn: "2026-01-01" }, { doneOn: null }, { doneOn: null }])).toEqual({ done: 1, total: 3 });
    expect(stepsProgress([])).toEqual({ done: 0, total: 0 });
  });

  it("flags a next conversation date that has passed", () => {
    expect(nextConversationPassed("2026-11-21", "2026-11-22")).toBe(true);
    expect(nextConversationPassed("2026-11-22", "2026-11-22")).toBe(false);
    expect(nextConversationPassed(null, "2026-11-22")).toBe(false);
  });
});

describe("conversations inside appraisals", () => {
  it("joins only an appraisal still being written, and is locked from when it goes to the worker", () => {
    expect(["scheduled", "in_progress"].every(appraisalTakesConversation)).toBe(true);
    expect(["awaiting_sign_off", "completed", "cancelled"].some(appraisalTakesConversation)).toBe(false);
    expect(lockedByAppraisal({ status: "completed" })).toBe(true);
    expect(lockedByAppraisal({ status: "awaiting_sign_off" })).toBe(true);
    expect(lockedByAppraisal({ status: "in_progress" })).toBe(false);
    expect(lockedByAppraisal(null)).toBe(false);
    expect(lockMessage({ status: "completed", signedOffOn: "2026-11-21" })).toBe(
      "This conversation is part of an appraisal signed off on 21 November 2026; reopen the appraisal to change it",
    );
    expect(lockMessage({ status: "awaiting_sign_off", signedOffOn: null })).toMatch(/waiting for the worker's sign-off/);
  });
  it("is hidden from the worker while the appraisal it belongs to is being written", () => {
    expect(workerMayReadConversation(null)).toBe(true);
    expect(workerMayReadConversation({ status: "scheduled" })).toBe(false);
    expect(workerMayReadConversation({ status: "in_progress" })).toBe(false);
    expect(workerMayReadConversation({ status: "awaiting_sign_off" })).toBe(true);
    expect(workerMayReadConversation({ status: "completed" })).toBe(true);
  });
});
