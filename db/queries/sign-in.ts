import "server-only";
// Signing in and staying signed in: credentials, throttling, login sessions with idle and absolute limits.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "../client";
import { users, loginSessions, loginThrottle, organisations } from "../schema";
import { audit } from "../audit";
import { verifyPassword } from "../../lib/passwords";
import { afterFailure, ACCOUNT_LIMITS, ADDRESS_LIMITS, type ThrottleState } from "../../lib/rules/throttle";
import type { SessionUser } from "../../lib/session-user";
import { signInAddressLimit } from "../../lib/env";

export const IDLE_LIMIT_MS = 30 * 60_000;
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often, so every request does not write. */
const TOUCH_EVERY_MS = 60_000;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

function readThrottle(key: string): ThrottleState | undefined {
  return db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
}

/** When the account or the address is locked, the moment the lock lifts (the later of the two). */
export function lockedUntil(email: string, address: string, now = new Date()): Date | null {
  const locks = db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [accountKey(email), addressKey(address)]))
    .all()
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => !!d && d.getTime() > now.getTime());
  if (locks.length === 0) return null;
  return new Date(Math.max(...locks.map((d) => d.getTime())));
}

function recordFailure(email: string, address: string, now: Date): void {
  db.transaction((tx) => {
    for (const [key, limits] of [
      [accountKey(email), ACCOUNT_LIMITS],
      [addressKey(address), { ...ADDRESS_LIMITS, maxFailures: signInAddressLimit(ADDRESS_LIMITS.maxFailures) }],
    ] as const) {
      const next = afterFailure(readThrottle(key), now, limits);
      tx.insert(loginThrottle)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: loginThrottle.key, set: next })
        .run();
    }
  });
}

export function clearAccountFailures(email: string): void {
  db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(email))).run();
}

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string; role: SessionUser["role"] } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; lockedUntil: Date };

/** Checks an email and password. Unknown email, wrong password and disabled account all answer "invalid". */
export async function checkCredentials(email: string, password: string, address: string, now = new Date()): Promise<CredentialsResult> {
  const normalised = email.trim().toLowerCase();
  const lock = lockedUntil(normalised, address, now);
  if (lock) return { ok: false, reason: "throttled", lockedUntil: lock };

  const user = db.select().from(users).where(eq(users.email, normalised)).get();
  // Always verify, even with no user, so the time taken does not reveal whether the email exists.
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.status !== "active" || !user.passwordHash) {
    recordFailure(normalised, address, now);
    const after = lockedUntil(normalised, address, now);
    return after ? { ok: false, reason: "throttled", lockedUntil: after } : { ok: false, reason: "invalid" };
  }
  clearAccountFailures(normalised);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

export function activeUserByEmail(email: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.status, "active")))
    .get();
}

/** Starts a login session for an active user; returns what the session token carries. */
export function startLoginSession(userId: string, method: "password" | "oidc", now = new Date()) {
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(and(eq(users.id, userId), eq(users.status, "active"))).get();
    if (!user) return undefined;
    const session = tx
      .insert(loginSessions)
      .values({ userId, method, createdAt: now, lastSeenAt: now })
      .returning({ id: loginSessions.id })
      .get();
    tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId)).run();
    audit(tx, user, { action: "user.sign_in", entityType: "user", entityId: user.id, summary: { method } });
    return { sessionId: session.id, userId: user.id, role: user.role, sessionVersion: user.sessionVersion };
  });
}

export type SessionCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "missing" | "ended" | "idle" | "expired" | "revoked" };

/**
 * Resolves the session a token names. The user's current role and status come from the database, and a
 * token minted before the user's session version changed (role change, disabling, password reset) no longer works.
 */
export function resolveSession(sessionId: string, sessionVersion: number, now = new Date()): SessionCheck {
  const row = db
    .select({ session: loginSessions, user: users })
    .from(loginSessions)
    .innerJoin(users, eq(users.id, loginSessions.userId))
    .where(eq(loginSessions.id, sessionId))
    .get();
  if (!row) return { ok: false, reason: "missing" };
  const { session, user } = row;
  if (session.endedAt) return { ok: false, reason: "ended" };

  let reason: "idle" | "expired" | "revoked" | undefined;
  if (user.status !== "active" || user.sessionVersion !== sessionVersion) reason = "revoked";
  else if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_LIMIT_MS) reason = "expired";
  else if (now.getTime() - session.lastSeenAt.getTime() > IDLE_LIMIT_MS) reason = "idle";
  if (reason) {
    endLoginSession(sessionId, reason, now);
    return { ok: false, reason };
  }

  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db.update(loginSessions).set({ lastSeenAt: now }).where(eq(loginSessions.id, sessionId)).run();
  }
  return {
    ok: true,
    user: {
      id: user.id,
      orgId: user.orgId,
      name: user.name,
      email: user.email,
      role: user.role,
      sessionId,
      signedInWith: session.method,
      signedInAt: session.createdAt,
    },
  };
}

export function endLoginSession(sessionId: string, reason: "logout" | "idle" | "expired" | "revoked", now = new Date()): void {
  db.update(loginSessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(loginSessions.id, sessionId), isNull(loginSessions.endedAt)))
    .run();
}

/** True until the first user exists: the first-admin setup path is open only then. */
export function needsFirstAdmin(): boolean {
  return !db.select({ one: sql`1` }).from(users).limit(1).get();
}

export function organisationName(): string | undefined {
  return db.select({ name: organisations.name }).from(organisations).limit(1).get()?.name;
}
