import "server-only";
// What the reminder email job reads and writes: who may get a digest, which reminder keys each has already been sent,
// and the record of a sent digest. The reminders themselves come from inboxReminders with the recipient as the acting
// user, so the job sees exactly what that person's inbox shows.
import { and, eq, inArray } from "drizzle-orm";
import { db } from "../client";
import { reminderDeliveries, users } from "../schema";
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
