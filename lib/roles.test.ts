// What each role may change, as the pages decide which links and forms to show (the actions check the same roles).
import { describe, expect, it } from "vitest";
import { ROLES } from "./vocabulary";
import { canChangeTeams, canManageLogins, canManageResources, canManageWorkers, navFor } from "./roles";

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

describe("a support worker's navigation", () => {
  it("puts her PDP beside My development, and her record under My development", () => {
    expect(navFor("support_worker", 3, "w1")).toEqual([
      { href: "/me", label: "My development", sections: ["/workers/w1"] },
      { href: "/workers/w1/pdp", label: "My PDP" },
      { href: "/inbox", label: "Inbox", count: 3 },
      { href: "/resources", label: "Resources" },
    ]);
  });
  it("has no PDP link when her login is not linked to a record", () => {
    expect(navFor("support_worker").map((i) => i.label)).toEqual(["My development", "Inbox", "Resources"]);
  });
});
