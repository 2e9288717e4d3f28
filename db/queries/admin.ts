import "server-only";
// The administrator's overview: who can sign in, the organisation's size, and the latest audit events.
import { desc, eq, sql } from "drizzle-orm";
import { countWhere } from "../dialect";
import { db, first } from "../client";
import { users, teams, workers, auditEvents } from "../schema";
import type { SessionUser } from "../../lib/session-user";

export async function userCountsByRole(admin: SessionUser) {
  return await db
    .select({
      role: users.role,
      active: countWhere(sql`${users.status} = 'active'`),
      disabled: countWhere(sql`${users.status} = 'disabled'`),
    })
    .from(users)
    .where(eq(users.orgId, admin.orgId))
    .groupBy(users.role);
}

export async function organisationCounts(admin: SessionUser) {
  const teamCount = (await first(db.select({ n: sql<number>`count(*)` }).from(teams).where(eq(teams.orgId, admin.orgId))))?.n ?? 0;
  const workerCount =
    (await first(db
      .select({ n: sql<number>`count(*)` })
      .from(workers)
      .where(sql`${workers.orgId} = ${admin.orgId} and ${workers.status} = 'in_post'`)))?.n ?? 0;
  return { teams: teamCount, workersInPost: workerCount };
}

/** The latest audit events in the organisation (the actor's organisation, or system events). */
export async function recentAuditEvents(admin: SessionUser, limit = 15) {
  return await db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      actor: auditEvents.actorLabel,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(sql`${users.orgId} = ${admin.orgId} or ${auditEvents.actorId} is null`)
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}
