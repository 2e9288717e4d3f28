import { describe, expect, it } from "vitest";
import { APPRENTICESHIP_STATUSES, type ApprenticeshipStatus } from "../vocabulary";
import { LIVE_APPRENTICESHIP_STATUSES, checkApprenticeshipTransition, isLive, nextStatuses } from "./apprenticeship-lifecycle";

describe("the apprenticeship lifecycle", () => {
  it("goes planned → on programme → gateway → end-point assessment → completed", () => {
    expect(checkApprenticeshipTransition("planned", "on_programme")).toEqual({ ok: true, step: "start", to: "on_programme" });
    expect(checkApprenticeshipTransition("on_programme", "gateway")).toEqual({ ok: true, step: "enter_gateway", to: "gateway" });
    expect(checkApprenticeshipTransition("gateway", "end_point_assessment")).toEqual({ ok: true, step: "start_epa", to: "end_point_assessment" });
    expect(checkApprenticeshipTransition("end_point_assessment", "completed")).toEqual({ ok: true, step: "complete", to: "completed" });
  });

  it("goes into a break in learning (with a reason) and back", () => {
    expect(checkApprenticeshipTransition("on_programme", "break_in_learning", "Maternity leave")).toEqual({ ok: true, step: "break", to: "break_in_learning" });
    expect(checkApprenticeshipTransition("on_programme", "break_in_learning", "  ")).toEqual({ ok: false, message: "Give the reason for the break in learning", field: "reason" });
    expect(checkApprenticeshipTransition("break_in_learning", "on_programme")).toEqual({ ok: true, step: "return", to: "on_programme" });
  });

  it("allows a withdrawal with a reason from every live state, and never without one", () => {
    for (const s of LIVE_APPRENTICESHIP_STATUSES) {
      expect(checkApprenticeshipTransition(s, "withdrawn", "Left the trust")).toEqual({ ok: true, step: "withdraw", to: "withdrawn" });
      expect(checkApprenticeshipTransition(s, "withdrawn", "")).toEqual({ ok: false, message: "Give the reason for the withdrawal", field: "reason" });
    }
  });

  it("refuses skipping the lifecycle with a message that says where it can go", () => {
    expect(checkApprenticeshipTransition("planned", "completed")).toEqual({
      ok: false,
      message: "An apprenticeship that is planned cannot move straight to completed; it can move to on programme or withdrawn",
    });
    expect(checkApprenticeshipTransition("planned", "gateway").ok).toBe(false);
    expect(checkApprenticeshipTransition("on_programme", "end_point_assessment").ok).toBe(false);
    expect(checkApprenticeshipTransition("on_programme", "completed").ok).toBe(false);
    expect(checkApprenticeshipTransition("break_in_learning", "gateway")).toMatchObject({ ok: false, message: expect.stringMatching(/it can move to on programme or withdrawn$/) });
    expect(checkApprenticeshipTransition("gateway", "on_programme").ok).toBe(false);
    expect(checkApprenticeshipTransition("end_point_assessment", "gateway").ok).toBe(false);
    expect(checkApprenticeshipTransition("on_programme", "planned").ok).toBe(false);
  });

  it("refuses any change to a completed or withdrawn apprenticeship, and a move to the same status", () => {
    for (const to of APPRENTICESHIP_STATUSES) {
      if (to !== "completed") expect(checkApprenticeshipTransition("completed", to, "reason")).toEqual({ ok: false, message: "This apprenticeship is completed; its status can no longer change" });
      if (to !== "withdrawn") expect(checkApprenticeshipTransition("withdrawn", to, "reason").ok).toBe(false);
    }
    expect(checkApprenticeshipTransition("gateway", "gateway")).toEqual({ ok: false, message: "This apprenticeship is already gateway" });
  });

  it("lists the next statuses, and only live statuses have any", () => {
    const next: Record<ApprenticeshipStatus, ApprenticeshipStatus[]> = {
      planned: ["on_programme", "withdrawn"],
      on_programme: ["break_in_learning", "gateway", "withdrawn"],
      break_in_learning: ["on_programme", "withdrawn"],
      gateway: ["end_point_assessment", "withdrawn"],
      end_point_assessment: ["completed", "withdrawn"],
      completed: [],
      withdrawn: [],
    };
    for (const s of APPRENTICESHIP_STATUSES) {
      expect(nextStatuses(s).sort()).toEqual([...next[s]].sort());
      expect(isLive(s)).toBe(next[s].length > 0);
    }
  });
});
