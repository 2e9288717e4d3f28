import "server-only";
// Signing in and staying signed in: credentials, throttling (with device cookies), login sessions with idle and
// absolute limits, and the audit of failures, locks and signing out.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { always } from "../dialect";
import { db, first, lockFor, one } from "../client";
import { users, loginSessions, loginThrottle, organisations } from "../schema";
import { audit, type AuditEntry } from "../audit";
import { withoutInvalidating } from "../insights-cache";
import { verifyPassword } from "../../lib/passwords";
import { afterFailure, ACCOUNT_LIMITS, ADDRESS_LIMITS, DEVICE_LIMITS, type ThrottleLimits, type ThrottleState } from "../../lib/rules/throttle";
import type { Device } from "../../lib/device-cookie";
import type { SessionUser } from "../../lib/session-user";
import { signInAddressLimit } from "../../lib/env";
import { conflict, type Result } from "../result";
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, sessionEnd, timeLeft, type SessionTimeLeft } from "../../lib/rules/session";

export { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS };
/** last_seen_at is written at most this often, so every request does not write. */
const TOUCH_EVERY_MS = 60_000;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
const deviceKey = (device: Device) => `device:${device.id}`;

async function readThrottle(key: string): Promise<ThrottleState | undefined> {
  return await first(db.select().from(loginThrottle).where(eq(loginThrottle.key, key)));
}

const addressLimits = (): ThrottleLimits => ({ ...ADDRESS_LIMITS, maxFailures: signInAddressLimit(ADDRESS_LIMITS.maxFailures) });

/**
 * What an attempt is counted against (OWASP's device cookies). A browser presenting a valid device cookie for the
 * account is counted against that cookie alone, so strangers' failures (the account's and the address's) never stop
 * it; any other attempt is counted against the account's untrusted browsers and the client address.
 */
function throttleKeys(email: string, address: string, device: Device | undefined): [string, ThrottleLimits][] {
  if (device) return [[deviceKey(device), DEVICE_LIMITS]];
  return [
    [accountKey(email), ACCOUNT_LIMITS],
    [addressKey(address), addressLimits()],
  ];
}

/** The device cookie, of those a browser presented, that belongs to the account an email names. */
async function deviceFor(email: string, devices: readonly Device[]): Promise<Device | undefined> {
  if (devices.length === 0) return undefined;
  const user = await first(db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())));
  return user ? devices.find((d) => d.userId === user.id) : undefined;
}

async function lockOf(keys: string[], now: Date): Promise<Date | null> {
  const locks = (await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys)))
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => !!d && d.getTime() > now.getTime());
  if (locks.length === 0) return null;
  return new Date(Math.max(...locks.map((d) => d.getTime())));
}

/**
 * When an attempt with this email, from this address and browser, is refused until (the latest lock that applies to
 * it), or null. `devices` are the valid device cookies the browser presented (lib/device-cookie.ts).
 */
export async function lockedUntil(email: string, address: string, now = new Date(), devices: readonly Device[] = []): Promise<Date | null> {
  const device = await deviceFor(email, devices);
  return await lockOf(
    throttleKeys(email, address, device).map(([key]) => key),
    now,
  );
}

type Attempt = { email: string; address: string; device: Device | undefined; purpose: SignInPurpose; user: typeof users.$inferSelect | undefined };

/** Who an audit row about an attempt is about: the account when the email typed names one, else nobody by name. */
function attemptEntry(attempt: Attempt, action: string, summary: Record<string, unknown>): AuditEntry {
  const about = attempt.user
    ? { entityType: "user", entityId: attempt.user.id, summary: { email: attempt.user.email } }
    : // The email typed is not kept: it is no one's, and may be a real person's address mistyped.
      { entityType: "sign_in", entityId: "unknown account", summary: {} };
  return {
    action,
    entityType: about.entityType,
    entityId: about.entityId,
    summary: { ...about.summary, ...summary, deviceCookie: !!attempt.device, purpose: attempt.purpose },
    address: attempt.address,
  };
}

/** Counts a failure against every key the attempt is counted under, and audits it and any lock it starts. */
async function recordFailure(attempt: Attempt, reason: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // Counts are read, worked out and written back: no other failure, from any instance, may fall in between.
    await lockFor("login_throttle");
    const locks: { scope: string; until: Date; failures: number }[] = [];
    let failures = 0;
    for (const [key, limits] of throttleKeys(attempt.email, attempt.address, attempt.device)) {
      const next = afterFailure(await readThrottle(key), now, limits);
      await tx.insert(loginThrottle)
        .values({ key, ...next })
        .onConflictDoUpdate({ target: loginThrottle.key, set: next });
      const scope = key.slice(0, key.indexOf(":"));
      if (scope !== "address") failures = next.failures;
      if (next.lockedUntil) locks.push({ scope, until: next.lockedUntil, failures: next.failures });
    }
    await audit(tx, "system", attemptEntry(attempt, "user.sign_in_failed", { reason, failures }));
    for (const lock of locks) {
      await audit(
        tx,
        "system",
        attemptEntry(attempt, "user.sign_in_locked", {
          lock: LOCK_SCOPES[lock.scope as keyof typeof LOCK_SCOPES],
          until: lock.until.toISOString(),
          failures: lock.failures,
        }),
      );
    }
  });
}

/** What each kind of lock stops, as the audit trail says it. */
const LOCK_SCOPES = {
  account: "browsers not known to this account",
  device: "this known browser",
  address: "this client address",
} as const;

export async function clearAccountFailures(email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(email)));
}

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string; role: SessionUser["role"] } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; lockedUntil: Date };

/** Signing in, or confirming one's password before a signature (lib/action.ts). Recorded in the audit trail. */
export type SignInPurpose = "sign_in" | "reauthenticate";

export type CredentialsOptions = {
  /** The valid device cookies the browser presented (lib/device-cookie.ts); one for this account exempts it from strangers' locks. */
  devices?: readonly Device[];
  purpose?: SignInPurpose;
};

/**
 * Checks an email and password. Unknown email, wrong password and disabled account all answer "invalid". Failures,
 * the locks they start and refused attempts are audited with the client address and whether a device cookie for the
 * account was presented; the password never is, and the email typed only when it names an account.
 */
export async function checkCredentials(
  email: string,
  password: string,
  address: string,
  now = new Date(),
  { devices = [], purpose = "sign_in" }: CredentialsOptions = {},
): Promise<CredentialsResult> {
  const normalised = email.trim().toLowerCase();
  const user = await first(db.select().from(users).where(eq(users.email, normalised)));
  const device = user ? devices.find((d) => d.userId === user.id) : undefined;
  const attempt: Attempt = { email: normalised, address, device, purpose, user };
  const keys = throttleKeys(normalised, address, device).map(([key]) => key);

  const lock = await lockOf(keys, now);
  if (lock) {
    await audit(db, "system", attemptEntry(attempt, "user.sign_in_throttled", { until: lock.toISOString() }));
    return { ok: false, reason: "throttled", lockedUntil: lock };
  }

  // Always verify, even with no user, so the time taken does not reveal whether the email exists.
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.status !== "active" || !user.passwordHash) {
    const reason = !user ? "unknown_account" : user.status !== "active" ? "account_disabled" : !user.passwordHash ? "no_password" : "wrong_password";
    await recordFailure(attempt, reason, now);
    const after = await lockOf(keys, now);
    return after ? { ok: false, reason: "throttled", lockedUntil: after } : { ok: false, reason: "invalid" };
  }
  // From a known browser, that browser's count starts again; the untrusted browsers' count is left alone, or an owner
  // signing in would hand an attacker fresh guesses. From another browser the account was not locked: start again.
  await db.delete(loginThrottle)
    .where(eq(loginThrottle.key, device ? deviceKey(device) : accountKey(normalised)));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

export async function activeUserByEmail(email: string) {
  return await first(db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), eq(users.status, "active"))));
}

/** Starts a login session for an active user; returns what the session token carries. Audited with the session and address. */
export async function startLoginSession(userId: string, method: "password" | "oidc", now = new Date(), address?: string) {
  return await db.transaction(async (tx) => {
    const user = await first(tx.select().from(users).where(and(eq(users.id, userId), eq(users.status, "active"))));
    if (!user) return undefined;
    const session = await one(tx
      .insert(loginSessions)
      .values({ userId, method, createdAt: now, lastSeenAt: now })
      .returning({ id: loginSessions.id }));
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
    await audit(tx, { ...user, sessionId: session.id, address }, { action: "user.sign_in", entityType: "user", entityId: user.id, summary: { method } });
    return { sessionId: session.id, userId: user.id, role: user.role, sessionVersion: user.sessionVersion };
  });
}

export type SessionCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "missing" | "ended" | "idle" | "expired" | "revoked" };

type SessionRow = { session: typeof loginSessions.$inferSelect; user: typeof users.$inferSelect };

async function sessionRow(sessionId: string): Promise<SessionRow | undefined> {
  return await first(db
    .select({ session: loginSessions, user: users })
    .from(loginSessions)
    .innerJoin(users, eq(users.id, loginSessions.userId))
    .where(eq(loginSessions.id, sessionId)));
}

/** Why a session no longer works at `now`, or undefined while it does. Reads only. */
function endedBecause(row: SessionRow | undefined, sessionVersion: number, now: Date): Exclude<SessionCheck, { ok: true }>["reason"] | undefined {
  if (!row) return "missing";
  const { session, user } = row;
  if (session.endedAt) return "ended";
  if (user.status !== "active" || user.sessionVersion !== sessionVersion) return "revoked";
  if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_LIMIT_MS) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > IDLE_LIMIT_MS) return "idle";
  return undefined;
}

/**
 * Resolves the session a token names, and counts the request as use of it. The user's current role and status come
 * from the database, and a token minted before the user's session version changed (role change, disabling, password
 * reset) no longer works.
 */
export async function resolveSession(sessionId: string, sessionVersion: number, now = new Date()): Promise<SessionCheck> {
  const row = await sessionRow(sessionId);
  const reason = endedBecause(row, sessionVersion, now);
  if (reason) {
    if (reason === "idle" || reason === "expired" || reason === "revoked") await endLoginSession(sessionId, reason, now);
    return { ok: false, reason };
  }
  const { session, user } = row!;
  let lastSeenAt = session.lastSeenAt;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Bookkeeping that changes no figure and no inbox: kept results stay valid (on PostgreSQL the data version leaves
    // login sessions out already).
    await withoutInvalidating(async (tx) => await tx.update(loginSessions).set({ lastSeenAt: now }).where(eq(loginSessions.id, sessionId)));
    lastSeenAt = now;
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
      sessionEnds: sessionEnd({ createdAt: session.createdAt, lastSeenAt }),
    },
  };
}

/**
 * How long the session a token names has left, without counting the question as use (so asking keeps nobody signed
 * in): the browser asks before it warns (components/session-warning.tsx). Null when it no longer works.
 */
export async function sessionTimeLeft(sessionId: string, sessionVersion: number, now = new Date()): Promise<SessionTimeLeft | null> {
  const row = await sessionRow(sessionId);
  if (endedBecause(row, sessionVersion, now)) return null;
  return timeLeft(sessionEnd(row!.session), now);
}

/** "Stay signed in": the session counts as used now, whenever it was last touched; answers how long it has from here. */
export async function staySignedIn(user: SessionUser, now = new Date()): Promise<Result<{ left: SessionTimeLeft }>> {
  const changed = await one(db
    .update(loginSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(loginSessions.id, user.sessionId), eq(loginSessions.userId, user.id), isNull(loginSessions.endedAt)))
    .returning({ createdAt: loginSessions.createdAt }));
  if (!changed) return conflict("Your session has ended. Sign in again to carry on.");
  return { ok: true, left: timeLeft(sessionEnd({ createdAt: changed.createdAt, lastSeenAt: now }), now) };
}

export async function endLoginSession(sessionId: string, reason: "logout" | "idle" | "expired" | "revoked", now = new Date()): Promise<void> {
  await db.update(loginSessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(loginSessions.id, sessionId), isNull(loginSessions.endedAt)));
}

/** Signing out: ends the login session and audits it, with the client address. */
export async function recordSignOut(user: SessionUser, address: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = (
      await tx
        .update(loginSessions)
        .set({ endedAt: now, endReason: "logout" })
        .where(and(eq(loginSessions.id, user.sessionId), eq(loginSessions.userId, user.id), isNull(loginSessions.endedAt)))
        .returning({ id: loginSessions.id })
    ).length;
    if (ended > 0) await audit(tx, { ...user, address }, { action: "user.sign_out", entityType: "user", entityId: user.id });
  });
}

/** True until the first user exists: the first-admin setup path is open only then. */
export async function needsFirstAdmin(): Promise<boolean> {
  return !await first(db.select({ one: always }).from(users).limit(1));
}

export async function organisationName(): Promise<string | undefined> {
  return (await first(db.select({ name: organisations.name }).from(organisations).limit(1)))?.name;
}
