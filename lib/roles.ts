// Pure role rules: where each role lands, what it may change. The data rules (which rows) live in db/access.ts.
import type { Role } from "./vocabulary";

export const HOME_BY_ROLE: Record<Role, string> = {
  support_worker: "/me",
  manager: "/team",
  lead: "/insights",
  admin: "/admin",
};

export function homeFor(role: Role): string {
  return HOME_BY_ROLE[role];
}

/** Leads read across the organisation but change little; support workers change only what is theirs. */
export function canManageWorkers(role: Role): boolean {
  return role === "manager" || role === "admin";
}

export type NavItem = { href: string; label: string };

export function navFor(role: Role): NavItem[] {
  switch (role) {
    case "support_worker":
      return [
        { href: "/me", label: "My development" },
        { href: "/resources", label: "Resources" },
      ];
    case "manager":
      return [
        { href: "/team", label: "My team" },
        { href: "/insights", label: "Insights" },
        { href: "/workers", label: "Workers" },
        { href: "/teams", label: "Teams" },
        { href: "/apprenticeships", label: "Apprenticeships" },
        { href: "/resources", label: "Resources" },
      ];
    case "lead":
      return [
        { href: "/insights", label: "Insights" },
        { href: "/workers", label: "Workers" },
        { href: "/teams", label: "Teams" },
        { href: "/apprenticeships", label: "Apprenticeships" },
        { href: "/resources", label: "Resources" },
      ];
    case "admin":
      return [
        { href: "/admin", label: "Administration" },
        { href: "/workers", label: "Workers" },
        { href: "/teams", label: "Teams" },
        { href: "/admin/users", label: "Users" },
        { href: "/admin/reference", label: "Reference data" },
        { href: "/admin/frameworks", label: "Frameworks" },
        { href: "/admin/apprenticeships", label: "Apprenticeships" },
        // The hub itself; its entries are managed from a button on it (/admin/resources).
        { href: "/resources", label: "Resources" },
      ];
  }
}
