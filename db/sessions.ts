// Used inside a mutation's transaction when a change to a user must take effect on their next request.
import { and, eq, isNull, sql } from "drizzle-orm";
import { users, loginSessions } from "./schema";
import type { DB } from "./client";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/**
 * Bumps the user's session version (every token minted before now stops working: resolveSession compares it) and
 * ends their open login sessions, so the sessions list says why they ended rather than waiting for the next request.
 */
export async function signOutEverywhere(tx: Tx | DB, userId: string, now: Date): Promise<void> {
  await tx.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  await tx.update(loginSessions)
    .set({ endedAt: now, endReason: "revoked" })
    .where(and(eq(loginSessions.userId, userId), isNull(loginSessions.endedAt)));
}
