// The access rule, in one place: which support workers a user may see. Every query that touches a worker's
// records joins through `visibleWorkers(user)`, so the rule is enforced in the WHERE clause, not in the UI.
import { and, eq, or, inArray, sql, type SQL } from "drizzle-orm";
import { never } from "./dialect";
import { workers, teams, teamManagers } from "./schema";
import type { SessionUser } from "../lib/session-user";

/** Teams the user manages, as a subquery. */
export function managedTeamIds(user: Pick<SessionUser, "id">) {
  return sql`(select ${teamManagers.teamId} from ${teamManagers} where ${teamManagers.userId} = ${user.id})`;
}

/**
 * - support worker: only their own record;
 * - manager: workers they line-manage, or in a team they manage;
 * - lead and admin: everyone in their organisation.
 */
export function visibleWorkers(user: Pick<SessionUser, "id" | "orgId" | "role">): SQL {
  switch (user.role) {
    case "support_worker":
      return and(eq(workers.orgId, user.orgId), eq(workers.userId, user.id))!;
    case "manager":
      return and(
        eq(workers.orgId, user.orgId),
        or(eq(workers.lineManagerId, user.id), inArray(workers.teamId, managedTeamIds(user))),
      )!;
    case "lead":
    case "admin":
      return eq(workers.orgId, user.orgId);
  }
}

/** Whether the user may change a worker's record (beyond adding to their own): managers of the worker and admins. */
export function editableWorkers(user: Pick<SessionUser, "id" | "orgId" | "role">): SQL {
  switch (user.role) {
    case "manager":
    case "admin":
      return visibleWorkers(user);
    case "support_worker":
    case "lead":
      return never;
  }
}

/**
 * Teams the user may open: a manager the teams they manage; a lead and an admin every team in their organisation;
 * a support worker none (their own team is on their record).
 */
export function visibleTeams(user: Pick<SessionUser, "id" | "orgId" | "role">): SQL {
  switch (user.role) {
    case "manager":
      return and(eq(teams.orgId, user.orgId), inArray(teams.id, managedTeamIds(user)))!;
    case "lead":
    case "admin":
      return eq(teams.orgId, user.orgId);
    case "support_worker":
      return never;
  }
}
