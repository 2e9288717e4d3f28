// What a viewer may do with a worker's PDP, as the PDP page shows it.
import { describe, expect, it } from "vitest";
import { pdpPermissions, type PdpViewer } from "./pdp";

const manager: PdpViewer = { role: "manager", ownRecord: false, editable: true, inPost: true };
const worker: PdpViewer = { role: "support_worker", ownRecord: true, editable: false, inPost: true };
const lead: PdpViewer = { role: "lead", ownRecord: false, editable: false, inPost: true };
const unagreed = { workerAgreedAt: null, managerAgreedAt: null };
const on29Feb = new Date("2028-02-29T10:00:00Z");

describe("what a viewer may do with a PDP", () => {
  it("lets the manager manage, add goals and agree for their side once per version", () => {
    expect(pdpPermissions(manager, unagreed)).toEqual({ manages: true, own: false, mayAgree: true, mayAddGoal: true });
    expect(pdpPermissions(manager, { workerAgreedAt: null, managerAgreedAt: on29Feb }).mayAgree).toBe(false);
    expect(pdpPermissions(manager, null)).toEqual({ manages: true, own: false, mayAgree: false, mayAddGoal: true });
  });
  it("lets the worker propose goals and agree their side, never manage", () => {
    expect(pdpPermissions(worker, unagreed)).toEqual({ manages: false, own: true, mayAgree: true, mayAddGoal: true });
    expect(pdpPermissions(worker, { workerAgreedAt: on29Feb, managerAgreedAt: null }).mayAgree).toBe(false);
  });
  it("lets a lead, or a manager of someone who has left, only read", () => {
    expect(pdpPermissions(lead, unagreed)).toEqual({ manages: false, own: false, mayAgree: false, mayAddGoal: false });
    expect(pdpPermissions({ ...manager, inPost: false }, unagreed)).toEqual({ manages: false, own: false, mayAgree: false, mayAddGoal: false });
  });
  it("never lets a manager or an admin manage or agree their own plan, even when their record is in their own team", () => {
    for (const role of ["manager", "admin"] as const) {
      for (const editable of [true, false]) {
        expect(pdpPermissions({ role, ownRecord: true, editable, inPost: true }, unagreed)).toEqual({ manages: false, own: false, mayAgree: false, mayAddGoal: false });
      }
    }
  });
  it("leaves a lead on their own record reading it", () => {
    expect(pdpPermissions({ ...lead, ownRecord: true }, unagreed)).toEqual({ manages: false, own: false, mayAgree: false, mayAddGoal: false });
  });
});
