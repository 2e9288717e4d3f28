// Credentials, throttling kept in SQLite, and login sessions with idle, absolute and version limits.
import { describe, expect, it, onTestFinished } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users, loginSessions } from "@/db/schema";
import { hashPassword } from "@/lib/passwords";
import {
  checkCredentials,
  startLoginSession,
  resolveSession,
  endLoginSession,
  lockedUntil,
  IDLE_LIMIT_MS,
  ABSOLUTE_LIMIT_MS,
} from "@/db/queries/sign-in";
import { makeOrg } from "./support/factory";

const PASSWORD = "correct horse battery";

async function userWithPassword(email = "sam.jones@test.nhs.uk") {
  const org = makeOrg();
  return db
    .insert(users)
    .values({ orgId: org.id, email, name: "Sam Jones", role: "manager", passwordHash: await hashPassword(PASSWORD) })
    .returning()
    .get();
}

const minutes = (n: number) => n * 60_000;

describe("checkCredentials", () => {
  it("accepts the right password, whatever the email's case and spaces", async () => {
    const user = await userWithPassword();
    const result = await checkCredentials("  Sam.Jones@TEST.nhs.uk ", PASSWORD, "10.0.0.1");
    expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: "Sam Jones", role: "manager" } });
  });

  it("answers the same for a wrong password, an unknown email and a disabled account", async () => {
    const user = await userWithPassword();
    expect(await checkCredentials(user.email, "wrong", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("nobody@test.nhs.uk", PASSWORD, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    db.update(users).set({ status: "disabled" }).where(eq(users.id, user.id)).run();
    expect(await checkCredentials(user.email, PASSWORD, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account for 15 minutes after 5 failures, even against the right password", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 4; i++) expect((await checkCredentials(user.email, "wrong", "10.0.0.1", t0)).ok).toBe(false);
    const fifth = await checkCredentials(user.email, "wrong", "10.0.0.1", t0);
    expect(fifth).toEqual({ ok: false, reason: "throttled", lockedUntil: new Date(t0.getTime() + minutes(15)) });
    // From another address too: the lock is on the account.
    expect((await checkCredentials(user.email, PASSWORD, "10.9.9.9", new Date(t0.getTime() + minutes(14)))).ok).toBe(false);
    const later = await checkCredentials(user.email, PASSWORD, "10.0.0.1", new Date(t0.getTime() + minutes(16)));
    expect(later.ok).toBe(true);
  });

  it("locks a client address after SIGN_IN_ADDRESS_LIMIT failures across accounts", async () => {
    process.env.SIGN_IN_ADDRESS_LIMIT = "20";
    onTestFinished(() => {
      delete process.env.SIGN_IN_ADDRESS_LIMIT;
    });
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 20; i++) await checkCredentials(`guess${i}@test.nhs.uk`, "x", "192.0.2.7", t0);
    expect(lockedUntil(user.email, "192.0.2.7", t0)).toEqual(new Date(t0.getTime() + minutes(15)));
    expect(await checkCredentials(user.email, PASSWORD, "192.0.2.7", t0)).toMatchObject({ ok: false, reason: "throttled" });
    // The same account from elsewhere is fine: it was never locked itself.
    expect((await checkCredentials(user.email, PASSWORD, "198.51.100.1", t0)).ok).toBe(true);
  });

  it("by default does not pause a shared address (a hospital's) after 20 failures", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 20; i++) await checkCredentials(`guess${i}@test.nhs.uk`, "x", "192.0.2.8", t0);
    expect(lockedUntil(user.email, "192.0.2.8", t0)).toBeNull();
  });

  it("keeps the counts in the database, not in memory", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) await checkCredentials(user.email, "wrong", "10.0.0.1", t0);
    const stored = db.all<{ key: string; failures: number }>(sql`select key, failures from login_throttle order by key`);
    expect(stored).toEqual([
      { key: `account:${user.email}`, failures: 5 },
      { key: "address:10.0.0.1", failures: 5 },
    ]);
  });

  it("forgets failures older than the window", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 4; i++) await checkCredentials(user.email, "wrong", "10.0.0.1", t0);
    const later = new Date(t0.getTime() + minutes(20));
    expect(await checkCredentials(user.email, "wrong", "10.0.0.1", later)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("login sessions", () => {
  it("stay valid while used, and end after 30 minutes idle", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T09:00:00Z");
    const s = startLoginSession(user.id, "password", t0)!;
    expect(resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(20))).ok).toBe(true);
    // Used at 20 minutes, so 45 minutes is only 25 idle.
    expect(resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(45))).ok).toBe(true);
    expect(resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(45) + IDLE_LIMIT_MS + 1000))).toEqual({
      ok: false,
      reason: "idle",
    });
    expect(resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(46)))).toEqual({ ok: false, reason: "ended" });
  });

  it("end after 12 hours however active", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T07:00:00Z");
    const s = startLoginSession(user.id, "password", t0)!;
    for (let t = 10; t < 12 * 60; t += 10) {
      expect(resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(t))).ok).toBe(true);
    }
    expect(resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + ABSOLUTE_LIMIT_MS + minutes(5)))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("stop working on the next request when the user is disabled or their role changes", async () => {
    const user = await userWithPassword();
    const s = startLoginSession(user.id, "password")!;
    expect(resolveSession(s.sessionId, s.sessionVersion)).toMatchObject({ ok: true, user: { role: "manager" } });
    db.update(users)
      .set({ role: "lead", sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .run();
    expect(resolveSession(s.sessionId, s.sessionVersion)).toEqual({ ok: false, reason: "revoked" });

    const again = startLoginSession(user.id, "password")!;
    expect(resolveSession(again.sessionId, again.sessionVersion)).toMatchObject({ ok: true, user: { role: "lead" } });
    db.update(users).set({ status: "disabled" }).where(eq(users.id, user.id)).run();
    expect(resolveSession(again.sessionId, again.sessionVersion)).toEqual({ ok: false, reason: "revoked" });
    expect(startLoginSession(user.id, "password")).toBeUndefined();
  });

  it("end at logout, and record the sign-in", async () => {
    const user = await userWithPassword();
    const s = startLoginSession(user.id, "password")!;
    endLoginSession(s.sessionId, "logout");
    expect(resolveSession(s.sessionId, s.sessionVersion)).toEqual({ ok: false, reason: "ended" });
    expect(db.select().from(loginSessions).where(eq(loginSessions.id, s.sessionId)).get()?.endReason).toBe("logout");
    expect(db.select().from(users).where(eq(users.id, user.id)).get()?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("an unknown session id resolves to nothing", () => {
    expect(resolveSession("made-up", 1)).toEqual({ ok: false, reason: "missing" });
  });
});
