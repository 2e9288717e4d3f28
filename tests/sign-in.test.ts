// Credentials, throttling kept in SQLite (device cookies, progressive locks, the client address the server works out),
// the audit of failures, locks and signing out, and login sessions with idle, absolute and version limits.
import { describe, expect, it, onTestFinished } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db, first, selectRows, one } from "@/db/client";
import { users, loginSessions, auditEvents } from "@/db/schema";
import { hashPassword } from "@/lib/passwords";
import {
  checkCredentials,
  startLoginSession,
  resolveSession,
  endLoginSession,
  lockedUntil,
  recordSignOut,
  clearAccountFailures,
  IDLE_LIMIT_MS,
  ABSOLUTE_LIMIT_MS,
} from "@/db/queries/sign-in";
import { asSession, makeOrg } from "./support/factory";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, stampClientAddress, trustedProxyCount } from "@/lib/client-address.mjs";
import { cookieAfterSignIn, devicesIn, signDeviceToken, verifyDeviceToken, DEVICE_COOKIE_LIFETIME_MS, type Device } from "@/lib/device-cookie";

const PASSWORD = "correct horse battery";

async function userWithPassword(email = "sam.jones@test.nhs.uk") {
  const org = await makeOrg();
  return await one(db
    .insert(users)
    .values({ orgId: org.id, email, name: "Sam Jones", role: "manager", passwordHash: await hashPassword(PASSWORD) })
    .returning());
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
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, user.id));
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
    expect(await lockedUntil(user.email, "192.0.2.7", t0)).toEqual(new Date(t0.getTime() + minutes(15)));
    expect(await checkCredentials(user.email, PASSWORD, "192.0.2.7", t0)).toMatchObject({ ok: false, reason: "throttled" });
    // The same account from elsewhere is fine: it was never locked itself.
    expect((await checkCredentials(user.email, PASSWORD, "198.51.100.1", t0)).ok).toBe(true);
  });

  it("by default does not pause a shared address (a hospital's) after 20 failures", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 20; i++) await checkCredentials(`guess${i}@test.nhs.uk`, "x", "192.0.2.8", t0);
    expect(await lockedUntil(user.email, "192.0.2.8", t0)).toBeNull();
  });

  it("keeps the counts in the database, not in memory", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) await checkCredentials(user.email, "wrong", "10.0.0.1", t0);
    const stored = await selectRows<{ key: string; failures: number }>(sql`select key, failures from login_throttle order by key`);
    expect(stored).toEqual([
      { key: `account:${user.email}`, failures: 5 },
      { key: "address:10.0.0.1", failures: 5 },
    ]);
  });

  it("forgets failures older than the window (a day for an account: a slow guesser cannot slip under it)", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 4; i++) await checkCredentials(user.email, "wrong", "10.0.0.1", t0);
    expect(await checkCredentials(user.email, "wrong", "10.0.0.1", new Date(t0.getTime() + minutes(20)))).toMatchObject({ reason: "throttled" });
    await clearAccountFailures(user.email);
    for (let i = 0; i < 4; i++) await checkCredentials(user.email, "wrong", "10.0.0.1", t0);
    const later = new Date(t0.getTime() + minutes(24 * 60 + 1));
    expect(await checkCredentials(user.email, "wrong", "10.0.0.1", later)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("login sessions", () => {
  it("stay valid while used, and end after 30 minutes idle", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T09:00:00Z");
    const s = (await startLoginSession(user.id, "password", t0))!;
    expect((await resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(20)))).ok).toBe(true);
    // Used at 20 minutes, so 45 minutes is only 25 idle.
    expect((await resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(45)))).ok).toBe(true);
    expect(await resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(45) + IDLE_LIMIT_MS + 1000))).toEqual({
      ok: false,
      reason: "idle",
    });
    expect(await resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(46)))).toEqual({ ok: false, reason: "ended" });
  });

  it("end after 12 hours however active", async () => {
    const user = await userWithPassword();
    const t0 = new Date("2026-11-22T07:00:00Z");
    const s = (await startLoginSession(user.id, "password", t0))!;
    for (let t = 10; t < 12 * 60; t += 10) {
      expect((await resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + minutes(t)))).ok).toBe(true);
    }
    expect(await resolveSession(s.sessionId, s.sessionVersion, new Date(t0.getTime() + ABSOLUTE_LIMIT_MS + minutes(5)))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("stop working on the next request when the user is disabled or their role changes", async () => {
    const user = await userWithPassword();
    const s = (await startLoginSession(user.id, "password"))!;
    expect(await resolveSession(s.sessionId, s.sessionVersion)).toMatchObject({ ok: true, user: { role: "manager" } });
    await db.update(users)
      .set({ role: "lead", sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    expect(await resolveSession(s.sessionId, s.sessionVersion)).toEqual({ ok: false, reason: "revoked" });

    const again = (await startLoginSession(user.id, "password"))!;
    expect(await resolveSession(again.sessionId, again.sessionVersion)).toMatchObject({ ok: true, user: { role: "lead" } });
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, user.id));
    expect(await resolveSession(again.sessionId, again.sessionVersion)).toEqual({ ok: false, reason: "revoked" });
    expect(await startLoginSession(user.id, "password")).toBeUndefined();
  });

  it("end at logout, and record the sign-in", async () => {
    const user = await userWithPassword();
    const s = (await startLoginSession(user.id, "password"))!;
    await endLoginSession(s.sessionId, "logout");
    expect(await resolveSession(s.sessionId, s.sessionVersion)).toEqual({ ok: false, reason: "ended" });
    expect((await first(db.select().from(loginSessions).where(eq(loginSessions.id, s.sessionId))))?.endReason).toBe("logout");
    expect((await first(db.select().from(users).where(eq(users.id, user.id))))?.lastSignInAt).toBeInstanceOf(Date);
  });

  it("an unknown session id resolves to nothing", async () => {
    expect(await resolveSession("made-up", 1)).toEqual({ ok: false, reason: "missing" });
  });
});

describe("the client's address (lib/client-address.mjs, used by the server npm start runs)", () => {
  const socketAddress = "198.51.100.20";

  it("with no trusted proxy, is the connection's own: a spoofed X-Forwarded-For is ignored", () => {
    for (const forwardedFor of [undefined, "203.0.113.66", "203.0.113.66, 10.0.0.1", ["203.0.113.66", "10.0.0.2"]]) {
      expect(resolveClientAddress({ socketAddress, forwardedFor, trustedProxies: 0 })).toBe(socketAddress);
    }
    expect(resolveClientAddress({ socketAddress: "::ffff:127.0.0.1", forwardedFor: "203.0.113.66", trustedProxies: 0 })).toBe("127.0.0.1");
    expect(resolveClientAddress({ socketAddress: undefined, trustedProxies: 0 })).toBe("unknown");
  });

  it("behind one proxy, is the last X-Forwarded-For entry (the one the proxy wrote), whatever the client put before it", () => {
    const proxy = "10.0.0.5";
    expect(resolveClientAddress({ socketAddress: proxy, forwardedFor: "192.0.2.44", trustedProxies: 1 })).toBe("192.0.2.44");
    expect(resolveClientAddress({ socketAddress: proxy, forwardedFor: "203.0.113.66, 192.0.2.44", trustedProxies: 1 })).toBe("192.0.2.44");
    // No header at all: the proxy itself is all there is.
    expect(resolveClientAddress({ socketAddress: proxy, forwardedFor: undefined, trustedProxies: 1 })).toBe(proxy);
  });

  it("behind two proxies, is the second entry from the right; a shorter chain gives its leftmost entry", () => {
    const inner = "10.0.0.6";
    const chain = "203.0.113.66, 192.0.2.44, 10.0.0.5";
    expect(resolveClientAddress({ socketAddress: inner, forwardedFor: chain, trustedProxies: 2 })).toBe("192.0.2.44");
    expect(resolveClientAddress({ socketAddress: inner, forwardedFor: "192.0.2.44", trustedProxies: 2 })).toBe("192.0.2.44");
    // What a proxy wrote that is not an address (a port, a name) is not used as one.
    expect(resolveClientAddress({ socketAddress: inner, forwardedFor: "evil-name, 10.0.0.5", trustedProxies: 2 })).toBe(inner);
  });

  it("reads TRUSTED_PROXY as a count and refuses anything else", () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount("")).toBe(0);
    expect(trustedProxyCount("2")).toBe(2);
    for (const bad of ["true", "-1", "1.5", "loopback", "11"]) expect(() => trustedProxyCount(bad), bad).toThrow(/TRUSTED_PROXY/);
  });

  it("replaces the address header a client sends, and removes its other claims about where it is", () => {
    const req = {
      socket: { remoteAddress: socketAddress },
      headers: {
        [CLIENT_ADDRESS_HEADER]: "203.0.113.1",
        "x-forwarded-for": "203.0.113.2",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        "x-real-ip": "203.0.113.3",
        forwarded: "for=203.0.113.4",
        "true-client-ip": "203.0.113.5",
        host: "pathways.example.nhs.uk",
      } as Record<string, string>,
    };
    stampClientAddress(req, 0);
    expect(req.headers).toEqual({ [CLIENT_ADDRESS_HEADER]: socketAddress, host: "pathways.example.nhs.uk" });

    const proxied = { socket: { remoteAddress: "10.0.0.5" }, headers: { "x-forwarded-for": "192.0.2.44", "x-forwarded-proto": "https", "x-real-ip": "203.0.113.3" } as Record<string, string> };
    stampClientAddress(proxied, 1);
    expect(proxied.headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "192.0.2.44", "x-forwarded-for": "192.0.2.44", "x-forwarded-proto": "https" });
  });
});

const SECRET = "unit-test-secret-0123456789abcdef";
const t0 = new Date("2026-11-22T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("device cookies (lib/device-cookie.ts)", () => {
  it("verify for the account they name, until they expire", () => {
    const token = signDeviceToken("user-1", SECRET, t0);
    const device = verifyDeviceToken(token, SECRET, t0);
    expect(device).toMatchObject({ userId: "user-1", expiresAt: at(DEVICE_COOKIE_LIFETIME_MS) });
    expect(device?.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(verifyDeviceToken(token, SECRET, at(DEVICE_COOKIE_LIFETIME_MS - 1000))).toBeDefined();
    expect(verifyDeviceToken(token, SECRET, at(DEVICE_COOKIE_LIFETIME_MS))).toBeUndefined();
  });

  it("are refused when tampered with, moved to another account, or signed with another secret", () => {
    const token = signDeviceToken("user-1", SECRET, t0);
    const parts = token.split(".");
    const otherUser = [parts[0], Buffer.from("user-2").toString("base64url"), ...parts.slice(2)].join(".");
    const longer = [...parts.slice(0, 3), String(Number(parts[3]) + 365 * 86_400), parts[4]].join(".");
    const flipped = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    for (const bad of [otherUser, longer, flipped, `${token}x`, token.replace("d1.", "d2."), "", "d1.a.b.c.d"]) {
      expect(verifyDeviceToken(bad, SECRET, t0), bad).toBeUndefined();
    }
    expect(verifyDeviceToken(token, "another-secret-0123456789abcdef", t0)).toBeUndefined();
  });

  it("a shared browser keeps one per person; a new sign-in replaces only that person's", () => {
    let cookie = cookieAfterSignIn(undefined, "user-1", SECRET, t0);
    cookie = cookieAfterSignIn(cookie, "user-2", SECRET, t0);
    const first = devicesIn(cookie, SECRET, t0);
    expect(first.map((d) => d.userId)).toEqual(["user-2", "user-1"]);
    cookie = cookieAfterSignIn(`${cookie}~forged.token`, "user-1", SECRET, at(60_000));
    const again = devicesIn(cookie, SECRET, at(60_000));
    expect(again.map((d) => d.userId)).toEqual(["user-1", "user-2"]);
    expect(again[0]!.id).not.toBe(first[1]!.id);
  });
});

describe("an account's owner and strangers (OWASP device cookies)", () => {
  const minutes = (n: number) => n * 60_000;
  const deviceOf = (userId: string, when = t0): Device => verifyDeviceToken(signDeviceToken(userId, SECRET, when), SECRET, when)!;

  it("an attacker hammering wrong passwords from unknown browsers cannot stop the owner signing in from a known one", async () => {
    const user = await userWithPassword();
    const owner = deviceOf(user.id);
    // A guess every 5 minutes for a day, from a different address each time; the owner signs in from their browser hourly.
    const locks: { at: number; minutes: number }[] = [];
    let ownerIn = 0;
    let lastUntil = 0;
    for (let minute = 0; minute < 24 * 60; minute += 5) {
      const now = at(minutes(minute));
      const result = await checkCredentials(user.email, `guess-${minute}`, `203.0.${Math.floor(minute / 250)}.${minute % 250}`, now);
      expect(result.ok).toBe(false);
      // A refusal answers with the lock already in force; a new end means this guess started a lock.
      if (!result.ok && result.reason === "throttled" && result.lockedUntil.getTime() !== lastUntil) {
        lastUntil = result.lockedUntil.getTime();
        locks.push({ at: minute, minutes: (lastUntil - now.getTime()) / 60_000 });
      }
      if (minute % 60 === 30 && (await checkCredentials(user.email, PASSWORD, "192.0.2.10", now, { devices: [owner] })).ok) ownerIn++;
    }
    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents)).map((r) => r.action);
    const count = (action: string) => actions.filter((a) => a === action).length;
    // 288 attempts: 11 reached the password check (5, then one each time a lock lifted), 277 were refused unchecked.
    expect(count("user.sign_in_failed")).toBe(11);
    expect(count("user.sign_in_throttled")).toBe(277);
    expect(locks).toEqual([
      { at: 20, minutes: 15 },
      { at: 35, minutes: 30 },
      { at: 65, minutes: 60 },
      { at: 125, minutes: 120 },
      { at: 245, minutes: 240 },
      { at: 485, minutes: 480 },
      { at: 965, minutes: 960 },
    ]);
    expect(ownerIn).toBe(24);
    // The right password from an unknown browser is refused too while the lock holds: the lock is not a password oracle.
    expect(await checkCredentials(user.email, PASSWORD, "203.0.113.200", at(minutes(24 * 60)))).toMatchObject({ ok: false, reason: "throttled" });
  }, 60_000);

  it("a device cookie for another account does not lift this account's lock", async () => {
    const user = await userWithPassword();
    const other = await userWithPassword("alex.other@test.nhs.uk");
    for (let i = 0; i < 5; i++) await checkCredentials(user.email, "wrong", "203.0.113.1", t0);
    const result = await checkCredentials(user.email, PASSWORD, "192.0.2.10", at(minutes(1)), { devices: [deviceOf(other.id)] });
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("a known browser's own failures lock that browser alone, and it stays locked even with the right password", async () => {
    const user = await userWithPassword();
    const laptop = deviceOf(user.id);
    const phone = deviceOf(user.id);
    for (let i = 0; i < 4; i++) expect(await checkCredentials(user.email, "wrong", "192.0.2.10", t0, { devices: [laptop] })).toEqual({ ok: false, reason: "invalid" });
    const fifth = await checkCredentials(user.email, "wrong", "192.0.2.10", t0, { devices: [laptop] });
    expect(fifth).toEqual({ ok: false, reason: "throttled", lockedUntil: at(minutes(15)) });
    expect(await checkCredentials(user.email, PASSWORD, "192.0.2.10", at(minutes(1)), { devices: [laptop] })).toMatchObject({ reason: "throttled" });
    // Counted on the device, not on the account: another known browser and an unknown one are not stopped.
    expect((await checkCredentials(user.email, PASSWORD, "192.0.2.10", at(minutes(1)), { devices: [phone] })).ok).toBe(true);
    expect((await checkCredentials(user.email, PASSWORD, "198.51.100.1", at(minutes(2)))).ok).toBe(true);
    const stored = await selectRows<{ key: string; failures: number }>(sql`select key, failures from login_throttle order by key`);
    expect(stored).toEqual([{ key: `device:${laptop.id}`, failures: 5 }]);
    // And the lock grows with each further failure, as for strangers.
    expect(await checkCredentials(user.email, "wrong", "192.0.2.10", at(minutes(15)), { devices: [laptop] })).toEqual({
      ok: false,
      reason: "throttled",
      lockedUntil: at(minutes(45)),
    });
  });

  it("failures from unknown browsers lock for longer each time: 15, 30, 60 minutes", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 4; i++) await checkCredentials(user.email, "wrong", "203.0.113.1", t0);
    expect(await checkCredentials(user.email, "wrong", "203.0.113.2", t0)).toEqual({ ok: false, reason: "throttled", lockedUntil: at(minutes(15)) });
    // Refused while locked, and the refusal does not lengthen the lock.
    expect(await checkCredentials(user.email, "wrong", "203.0.113.3", at(minutes(10)))).toEqual({ ok: false, reason: "throttled", lockedUntil: at(minutes(15)) });
    expect(await checkCredentials(user.email, "wrong", "203.0.113.4", at(minutes(15)))).toEqual({ ok: false, reason: "throttled", lockedUntil: at(minutes(45)) });
    expect(await checkCredentials(user.email, "wrong", "203.0.113.5", at(minutes(45)))).toEqual({ ok: false, reason: "throttled", lockedUntil: at(minutes(105)) });
    // After a quiet day the count starts again, and the owner from a new browser gets in.
    expect((await checkCredentials(user.email, PASSWORD, "203.0.113.6", at(minutes(105 + 24 * 60 + 1)))).ok).toBe(true);
  });

  it("a known browser is not stopped by its shared address being paused", async () => {
    process.env.SIGN_IN_ADDRESS_LIMIT = "20";
    onTestFinished(() => {
      delete process.env.SIGN_IN_ADDRESS_LIMIT;
    });
    const user = await userWithPassword();
    for (let i = 0; i < 20; i++) await checkCredentials(`guess${i}@test.nhs.uk`, "x", "192.0.2.7", t0);
    expect(await checkCredentials(user.email, PASSWORD, "192.0.2.7", t0)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await lockedUntil(user.email, "192.0.2.7", t0, [deviceOf(user.id)])).toBeNull();
    expect((await checkCredentials(user.email, PASSWORD, "192.0.2.7", t0, { devices: [deviceOf(user.id)] })).ok).toBe(true);
  });
});

describe("the audit of signing in and out", () => {
  const minutes = (n: number) => n * 60_000;
  const rows = async () =>
    (await db
      .select({
        action: auditEvents.action,
        actorId: auditEvents.actorId,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        summary: auditEvents.summary,
        address: auditEvents.address,
        sessionId: auditEvents.sessionId,
      })
      .from(auditEvents))
      .map((r) => ({ ...r, summary: JSON.parse(r.summary) as Record<string, unknown> }));

  it("records failures, the lock they start and refused attempts, with the address and device, never the password", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 5; i++) await checkCredentials(user.email, `secret-guess-${i}`, "203.0.113.9", t0);
    await checkCredentials(user.email, PASSWORD, "203.0.113.9", at(minutes(1)));
    const audit = await rows();
    expect(audit.map((r) => r.action)).toEqual([
      ...Array(5).fill("user.sign_in_failed"),
      "user.sign_in_locked",
      "user.sign_in_throttled",
    ]);
    for (const r of audit) {
      expect(r).toMatchObject({ actorId: null, entityType: "user", entityId: user.id, address: "203.0.113.9", sessionId: null });
      expect(r.summary).toMatchObject({ email: user.email, deviceCookie: false, purpose: "sign_in" });
    }
    expect(audit[0]!.summary).toMatchObject({ reason: "wrong_password", failures: 1 });
    expect(audit[5]!.summary).toMatchObject({ lock: "browsers not known to this account", until: at(minutes(15)).toISOString(), failures: 5 });
    expect(audit[6]!.summary).toMatchObject({ until: at(minutes(15)).toISOString() });
    const everything = JSON.stringify(audit);
    expect(everything).not.toContain("secret-guess");
    expect(everything).not.toContain(PASSWORD);
  });

  it("keeps no email typed that names no account", async () => {
    await checkCredentials("Someone.Mistyped@Test.nhs.uk", "whatever", "203.0.113.9", t0);
    const [row] = await rows();
    expect(row).toMatchObject({ action: "user.sign_in_failed", entityType: "sign_in", entityId: "unknown account" });
    expect(row!.summary).toEqual({ reason: "unknown_account", failures: 1, deviceCookie: false, purpose: "sign_in" });
    expect(row!.address).toBe("203.0.113.9");
    expect(JSON.stringify(await rows()).toLowerCase()).not.toContain("mistyped");
  });

  it("says when a known browser's attempt failed, and records signing out once", async () => {
    const user = await userWithPassword();
    const device = verifyDeviceToken(signDeviceToken(user.id, SECRET, t0), SECRET, t0)!;
    await checkCredentials(user.email, "wrong", "192.0.2.10", t0, { devices: [device], purpose: "reauthenticate" });
    expect((await rows())[0]!.summary).toMatchObject({ deviceCookie: true, purpose: "reauthenticate" });
    expect((await rows())[0]!.address).toBe("192.0.2.10");

    const s = (await startLoginSession(user.id, "password", t0, "192.0.2.10"))!;
    expect((await rows()).find((r) => r.action === "user.sign_in")).toMatchObject({ address: "192.0.2.10", sessionId: s.sessionId, summary: { method: "password" } });
    const signedIn = { ...asSession(user), sessionId: s.sessionId };
    await recordSignOut(signedIn, "192.0.2.10");
    await recordSignOut(signedIn, "192.0.2.10");
    const out = (await rows()).filter((r) => r.action === "user.sign_out");
    expect(out).toEqual([
      { action: "user.sign_out", actorId: user.id, entityType: "user", entityId: user.id, summary: {}, address: "192.0.2.10", sessionId: s.sessionId },
    ]);
    expect(await resolveSession(s.sessionId, s.sessionVersion)).toEqual({ ok: false, reason: "ended" });
  });
});
