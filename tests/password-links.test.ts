// One-time set-password links: how tokens are made and stored, single use, expiry, and the public set-password action.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { users, passwordTokens, loginSessions, auditEvents } from "@/db/schema";
import { issuePasswordLink, passwordLinkFor, redeemPasswordLink } from "@/db/queries/password-links";
import { startLoginSession, resolveSession, checkCredentials } from "@/db/queries/sign-in";
import { hashPassword } from "@/lib/passwords";
import {
  hashLinkToken,
  linkExpiry,
  linkUsable,
  looksLikeLinkToken,
  newLinkToken,
  passwordLinkEmail,
  LINK_LIFETIME_HOURS,
} from "@/lib/rules/password-links";
import { newPasswordFields } from "@/lib/forms/user";
import { makeOrg, makeUser, asSession } from "./support/factory";
import { formData, signIns } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const T0 = new Date("2026-11-22T10:00:00Z");
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

async function setUp() {
  const org = await makeOrg();
  const admin = await makeUser(org.id, "admin", "Alex Admin");
  const user = await makeUser(org.id, "manager", "Morgan Manager");
  const issue = async (at = T0, purpose: "set" | "reset" = "set") => await db.transaction(async (tx) => await issuePasswordLink(tx, asSession(admin), user.id, purpose, at));
  return { org, admin, user, issue };
}

describe("link tokens", () => {
  it("are 32 random bytes in base64url, different every time, stored only as their SHA-256", () => {
    const a = newLinkToken();
    const b = newLinkToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashLinkToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashLinkToken(a)).toBe(hashLinkToken(a));
    expect(looksLikeLinkToken(a)).toBe(true);
    expect(looksLikeLinkToken("../../etc/passwd")).toBe(false);
    expect(looksLikeLinkToken(`${a}x`)).toBe(false);
  });

  it(`expire after ${LINK_LIFETIME_HOURS} hours, work once, and only for an active user`, () => {
    const expiresAt = linkExpiry(T0);
    expect(expiresAt).toEqual(hours(72));
    const row = { usedAt: null, expiresAt, userStatus: "active" as const };
    expect(linkUsable(row, hours(71.9))).toBe(true);
    expect(linkUsable(row, hours(72))).toBe(false);
    expect(linkUsable({ ...row, usedAt: hours(1) }, hours(2))).toBe(false);
    expect(linkUsable({ ...row, userStatus: "disabled" }, hours(1))).toBe(false);
  });

  it("are explained in the email, with the link and when it expires", () => {
    const mail = passwordLinkEmail({ name: "Sam", url: "https://p.test/set-password/abc", purpose: "set", expiresAt: "25 Nov 2026, 10:00", organisation: "Test Trust" });
    expect(mail.subject).toBe("Your Pathways login");
    expect(mail.text).toContain("https://p.test/set-password/abc");
    expect(mail.text).toContain("expires on 25 Nov 2026, 10:00");
    expect(passwordLinkEmail({ name: "Sam", url: "u", purpose: "reset", expiresAt: "x" }).subject).toBe("Reset your Pathways password");
  });
});

describe("issuing and using a link", () => {
  it("stores the hash, not the token, and audits the issue", async () => {
    const { user, admin, issue } = await setUp();
    const { token, expiresAt } = await issue();
    const stored = (await first(db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id))))!;
    expect(stored.tokenHash).toBe(hashLinkToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect(stored).toMatchObject({ purpose: "set", usedAt: null, createdBy: admin.id, expiresAt });
    expect(await first(db.select().from(auditEvents).where(eq(auditEvents.action, "user.password_link")))).toMatchObject({ entityId: user.id, actorId: admin.id });
  });

  it("lets the link set the password once, then refuses it", async () => {
    const { user, issue } = await setUp();
    const { token } = await issue();
    expect(await passwordLinkFor(token, hours(1))).toEqual({ name: "Morgan Manager", email: user.email, purpose: "set" });
    const hash = await hashPassword("a long enough password");
    expect(await redeemPasswordLink(token, hash, hours(1))).toEqual({ ok: true, email: user.email, role: "manager" });
    expect((await first(db.select().from(users).where(eq(users.id, user.id))))?.passwordHash).toBe(hash);
    expect((await checkCredentials(user.email, "a long enough password", "10.0.0.1")).ok).toBe(true);

    expect(await passwordLinkFor(token, hours(2))).toBeUndefined();
    expect(await redeemPasswordLink(token, "$argon2id$other", hours(2))).toEqual({ ok: false });
    expect((await first(db.select().from(users).where(eq(users.id, user.id))))?.passwordHash).toBe(hash);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "user.password_set"))).toHaveLength(1);
  });

  it("refuses an expired link, an unknown one, and one for a disabled account", async () => {
    const { user, issue } = await setUp();
    const { token } = await issue();
    expect(await passwordLinkFor(token, hours(73))).toBeUndefined();
    expect(await redeemPasswordLink(token, "h", hours(73))).toEqual({ ok: false });
    expect(await redeemPasswordLink(newLinkToken(), "h", hours(1))).toEqual({ ok: false });
    expect(await redeemPasswordLink("not a token", "h", hours(1))).toEqual({ ok: false });

    const second = await issue(hours(74));
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, user.id));
    expect(await redeemPasswordLink(second.token, "h", hours(75))).toEqual({ ok: false });
    expect((await first(db.select().from(users).where(eq(users.id, user.id))))?.passwordHash).toBeNull();
  });

  it("makes an older unused link stop working when a newer one is issued", async () => {
    const { issue } = await setUp();
    const first = await issue(T0);
    const second = await issue(hours(1));
    expect(await passwordLinkFor(first.token, hours(2))).toBeUndefined();
    expect(await redeemPasswordLink(first.token, "h", hours(2))).toEqual({ ok: false });
    expect((await redeemPasswordLink(second.token, "h", hours(2))).ok).toBe(true);
  });

  it("signs the user out of every other session when the password is set", async () => {
    const { user, issue } = await setUp();
    const session = (await startLoginSession(user.id, "password", T0))!;
    const { token } = await issue(T0, "reset");
    expect((await redeemPasswordLink(token, "h", hours(0.1))).ok).toBe(true);
    expect(await resolveSession(session.sessionId, session.sessionVersion, hours(0.2))).toEqual({ ok: false, reason: "ended" });
    expect((await first(db.select().from(loginSessions).where(eq(loginSessions.id, session.sessionId))))?.endReason).toBe("revoked");
  });
});

describe("the set-password form", () => {
  it("needs at least 12 characters, and the same password twice", () => {
    const short = newPasswordFields.safeParse({ password: "short", confirm: "short" });
    expect(short.error?.issues.map((i) => i.message)).toEqual(["Password must be at least 12 characters"]);
    const empty = newPasswordFields.safeParse({ password: "", confirm: "" });
    expect(empty.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["password", "Enter a password"],
      ["confirm", "Type the password again"],
    ]);
    const differ = newPasswordFields.safeParse({ password: "correct horse battery", confirm: "correct horse battery staple" });
    expect(differ.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["confirm", "The passwords do not match"]]);
    expect(newPasswordFields.safeParse({ password: "x".repeat(201), confirm: "x".repeat(201) }).error?.issues[0]?.message).toBe(
      "Password must be 200 characters or fewer",
    );
  });
});

describe("the choosePassword action", () => {
  beforeEach(() => {
    signIns.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  it("sets the password and signs them in to their home page", async () => {
    const { choosePassword } = await import("@/app/set-password/[token]/actions");
    const { user, issue } = await setUp();
    const { token } = await issue(new Date());
    await expect(choosePassword(token, {}, formData({ password: "my new password", confirm: "my new password" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(signIns).toEqual([{ provider: "credentials", options: { email: user.email, password: "my new password", redirectTo: "/team" } }]);
    expect((await first(db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id))))?.usedAt).toBeInstanceOf(Date);
  });

  it("keeps bad input to the form, never the password, and says when the link has gone", async () => {
    const { choosePassword } = await import("@/app/set-password/[token]/actions");
    const { user, issue } = await setUp();
    const { token } = await issue(new Date());
    const state = await choosePassword(token, {}, formData({ password: "short", confirm: "short" }));
    expect(state.fieldErrors).toEqual({ password: "Password must be at least 12 characters" });
    expect(state.values).toEqual({});
    expect((await first(db.select().from(users).where(eq(users.id, user.id))))?.passwordHash).toBeNull();

    const gone = await choosePassword(newLinkToken(), {}, formData({ password: "my new password", confirm: "my new password" }));
    expect(gone).toEqual({ ok: false, message: "This link has expired or has already been used; ask your manager or administrator for a new one." });
    expect(signIns).toEqual([]);
  });
});
