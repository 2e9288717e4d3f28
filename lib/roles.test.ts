// What each role may change, as the pages decide which links and forms to show (the actions check the same roles).
import { describe, expect, it } from "vitest";
import { ROLES } from "./vocabulary";
import { canChangeTeams, canManageLogins, canManageResources, canManageWorkers } from "./roles";

const allowed = (rule: (role: (typeof ROLES)[number]) => boolean) => ROLES.filter(rule);

describe("what a role may change", () => {
  it("teams, the resources hub and logins: administrators only", () => {
    expect(allowed(canChangeTeams)).toEqual(["admin"]);
    expect(allowed(canManageResources)).toEqual(["admin"]);
    expect(allowed(canManageLogins)).toEqual(["admin"]);
  });
  it("workers: managers and administrators, not leads or support workers", () => {
    expect(allowed(canManageWorkers).sort()).toEqual(["admin", "manager"]);
  });
});
