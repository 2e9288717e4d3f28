import "server-only";
// What the reminder email job reads and writes: who may get a digest, which reminder keys each has already been sent,
// and the record of a sent digest. The reminders themselves come from inboxReminders with the recipient as the acting
// user, so the job sees exactly what that person's inbox shows.
import { and, eq, inArray, lt } from "drizzle-orm";
import { db, first, lockFor } from "../client";
import { reminderDeliveries, settings, users } from "../schema";
import type { SessionUser } from "../../lib/session-user";

/** Active users with an inbox (support workers and managers), as the session they would have. */
export async function digestRecipients(): Promise<SessionUser[]> {
  return (await db
    .select({ id: users.id, orgId: users.orgId, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.status, "active"), inArray(users.role, ["support_worker", "manager"])))
    .orderBy(users.id))
    .map((u) => ({ ...u, sessionId: "reminders-job", signedInWith: "password" as const, signedInAt: new Date(0) }));
}

/** Of these keys, the ones already emailed to the user. */
export async function sentReminderKeys(user: Pick<SessionUser, "id">, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: reminderDeliveries.reminderKey })
    .from(reminderDeliveries)
    .where(and(eq(reminderDeliveries.userId, user.id), inArray(reminderDeliveries.reminderKey, [...keys])));
  return new Set(rows.map((r) => r.key));
}

/** Records that these reminders went to the user (a key already recorded is left as it was). */
export async function recordSent(user: Pick<SessionUser, "id">, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.transaction(async (tx) => {
    for (const key of keys) await tx.insert(reminderDeliveries).values({ userId: user.id, reminderKey: key }).onConflictDoNothing();
  });
}

/** The setting row a run of the digest holds while it sends: one run at a time across every instance and script. */
const LEASE = "reminder_digest_lease";
/** How long a run may hold it before another may take over (a run that died holding it). */
export const DIGEST_LEASE_MS = 30 * 60_000;

/**
 * Takes the digest's lease for `holder` when no other run holds one that is current, in one statement (an upsert
 * whose update applies only to a lease older than DIGEST_LEASE_MS), so two instances starting at once cannot both
 * take it, on SQLite or PostgreSQL. Answers whether it was taken.
 */
export async function takeDigestLease(holder: string, now = new Date()): Promise<boolean> {
  const taken = await db
    .insert(settings)
    .values({ key: LEASE, value: { holder }, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: { holder }, updatedAt: now }, setWhere: lt(settings.updatedAt, new Date(now.getTime() - DIGEST_LEASE_MS)) })
    .returning({ key: settings.key });
  return taken.length > 0;
}

/** Gives the lease back at the end of a run (only the holder's own: a run that overran may have lost it). */
export async function releaseDigestLease(holder: string): Promise<void> {
  const lease = await first(db.select({ value: settings.value, updatedAt: settings.updatedAt }).from(settings).where(eq(settings.key, LEASE)));
  if ((lease?.value as { holder?: string } | undefined)?.holder !== holder) return;
  await db
    .update(settings)
    .set({ value: { holder: null }, updatedAt: new Date(0) })
    .where(and(eq(settings.key, LEASE), eq(settings.updatedAt, lease!.updatedAt)));
}

/**
 * Keeps the lease for a run that is still going (a large organisation's run can outlast DIGEST_LEASE_MS): answers false
 * when another run has taken it over meanwhile, and the caller stops.
 */
export async function renewDigestLease(holder: string, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await lockFor(LEASE);
    const lease = await first(tx.select({ value: settings.value }).from(settings).where(eq(settings.key, LEASE)));
    if ((lease?.value as { holder?: string } | undefined)?.holder !== holder) return false;
    await tx.update(settings).set({ updatedAt: now }).where(eq(settings.key, LEASE));
    return true;
  });
}
