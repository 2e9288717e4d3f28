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

/** Teams are set up, changed and archived by administrators; managers and leads read them. */
export function canChangeTeams(role: Role): boolean {
  return role === "admin";
}

/** The resources hub's entries are added, changed and retired by administrators; everyone reads the hub. */
export function canManageResources(role: Role): boolean {
  return role === "admin";
}

/** Logins (role, status, password links) are managed by administrators; a manager only gives a worker theirs. */
export function canManageLogins(role: Role): boolean {
  return role === "admin";
}

/**
 * `count`, when given, is shown after the label: "Inbox (3)", read as "Inbox (3 reminders)". `sections`: other paths
 * under which the item is the current one (the most specific match across all items wins).
 */
export type NavItem = { href: string; label: string; count?: number; sections?: string[] };

/** Who has an inbox: support workers (their own reminders) and managers (their team's). Decision record 0010. */
export function hasInbox(role: Role): boolean {
  return role === "support_worker" || role === "manager";
}

/**
 * The main navigation. A support worker's own record (`ownWorkerId`, when her login is linked to one) belongs to "My
 * development", and her PDP, the page she comes back to most, has its own item beside it.
 */
export function navFor(role: Role, inboxCount = 0, ownWorkerId?: string): NavItem[] {
  const inbox: NavItem = { href: "/inbox", label: "Inbox", count: inboxCount };
  switch (role) {
    case "support_worker": {
      const record = ownWorkerId ? `/workers/${ownWorkerId}` : undefined;
      return [
        record ? { href: "/me", label: "My development", sections: [record] } : { href: "/me", label: "My development" },
        ...(record ? [{ href: `${record}/pdp`, label: "My PDP" }] : []),
        inbox,
        { href: "/resources", label: "Resources" },
      ];
    }
    case "manager":
      return [
        { href: "/team", label: "My team" },
        { href: "/insights", label: "Insights" },
        inbox,
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
