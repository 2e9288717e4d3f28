// A PDP goal's status moves, who may make them, and which changes alter the agreed plan.
import { describe, expect, it } from "vitest";
import { GOAL_STATUSES } from "../vocabulary";
import { checkGoalStatus, goalActor, isPlanChange, nextStatusesFor, reasonRequired, GOAL_NEXT } from "./pdp-goals";

const move = (over: Partial<Parameters<typeof checkGoalStatus>[0]>) =>
  checkGoalStatus({ actor: "manager", from: "not_started", to: "in_progress", agreed: true, reason: "", ...over });

describe("goal status rules", () => {
  it("knows who is acting: managers and admins manage, the worker acts on their own record only, a lead neither", () => {
    expect(goalActor("manager", false)).toBe("manager");
    expect(goalActor("admin", false)).toBe("manager");
    expect(goalActor("support_worker", true)).toBe("worker");
    expect(goalActor("support_worker", false)).toBeNull();
    expect(goalActor("lead", false)).toBeNull();
  });

  it("never makes a manager or an admin the manager of goals on their own record", () => {
    expect(goalActor("manager", true)).toBeNull();
    expect(goalActor("admin", true)).toBeNull();
  });

  it("lets the manager make every listed move and no other", () => {
    for (const from of GOAL_STATUSES) {
      for (const to of GOAL_STATUSES) {
        const ok = move({ from, to, reason: "Because" }).ok;
        expect(ok, `${from} → ${to}`).toBe(from !== to && GOAL_NEXT[from].includes(to));
      }
    }
    expect(move({ from: "achieved", to: "dropped", reason: "x" })).toMatchObject({ ok: false, field: "status" });
  });

  it("needs a reason to defer or drop, and only then", () => {
    expect(reasonRequired("dropped")).toBe(true);
    expect(reasonRequired("deferred")).toBe(true);
    expect(reasonRequired("achieved")).toBe(false);
    expect(move({ to: "dropped" })).toEqual({ ok: false, field: "reason", message: "Give a reason for marking this goal dropped" });
    expect(move({ to: "deferred", reason: "   " })).toMatchObject({ ok: false, field: "reason" });
    expect(move({ to: "dropped", reason: "Service changed" })).toEqual({ ok: true });
    expect(move({ to: "achieved" })).toEqual({ ok: true });
  });

  it("lets the worker only start an agreed goal", () => {
    expect(move({ actor: "worker" })).toEqual({ ok: true });
    expect(move({ actor: "worker", to: "achieved" })).toMatchObject({ ok: false, field: "status" });
    expect(move({ actor: "worker", to: "dropped", reason: "x" })).toMatchObject({ ok: false });
    expect(move({ actor: "worker", from: "deferred", to: "in_progress" })).toMatchObject({ ok: false });
    expect(nextStatusesFor("worker", "not_started", true)).toEqual(["in_progress"]);
    expect(nextStatusesFor("worker", "in_progress", true)).toEqual([]);
  });

  it("refuses any move on a goal not yet agreed", () => {
    expect(move({ agreed: false })).toEqual({ ok: false, message: "Agree this goal before changing its status" });
    expect(nextStatusesFor("manager", "not_started", false)).toEqual([]);
  });
});

describe("what counts as a plan change", () => {
  it("counts rewording, targets, domains, statements and support, not other fields", () => {
    for (const f of ["title", "why", "successMeasure", "targetDate", "domainIds", "statementIds", "support"]) {
      expect(isPlanChange({ kind: "edited", fields: [f] }), f).toBe(true);
    }
    expect(isPlanChange({ kind: "edited", fields: [] })).toBe(false);
    expect(isPlanChange({ kind: "edited", fields: ["sort"] })).toBe(false);
  });

  it("counts deferring, dropping, taking a goal up again and agreeing a proposal; not progress", () => {
    expect(isPlanChange({ kind: "status", from: "in_progress", to: "deferred" })).toBe(true);
    expect(isPlanChange({ kind: "status", from: "not_started", to: "dropped" })).toBe(true);
    expect(isPlanChange({ kind: "status", from: "dropped", to: "in_progress" })).toBe(true);
    expect(isPlanChange({ kind: "status", from: "not_started", to: "in_progress" })).toBe(false);
    expect(isPlanChange({ kind: "status", from: "in_progress", to: "achieved" })).toBe(false);
    expect(isPlanChange({ kind: "agreed" })).toBe(true);
    for (const kind of ["action", "action_done", "note", "barrier"] as const) expect(isPlanChange({ kind }), kind).toBe(false);
  });
});
