import "server-only";
// One-time set-password links: issued inside the transaction that creates a login or resets a password, and used
// from a public page by whoever holds the link (the token is the credential, so there is no acting user).
import { createHash } from "node:crypto";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { db, type DB, first, lockFor } from "../client";
import { users, passwordTokens, loginThrottle } from "../schema";
import { audit, type Actor } from "../audit";
import { signOutEverywhere } from "../sessions";
import { clearAccountFailures } from "./sign-in";
import { hashLinkToken, linkExpiry, linkUsable, looksLikeLinkToken, newLinkToken, type LinkPurpose } from "../../lib/rules/password-links";
import { afterFailure, RESET_ADDRESS_LIMITS, RESET_EMAIL_LIMITS, type ThrottleLimits } from "../../lib/rules/throttle";
import type { Role } from "../../lib/vocabulary";
import type { SessionUser } from "../../lib/session-user";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export type IssuedLink = { token: string; expiresAt: Date };

/** Issues a link for a user. Only the newest link works: older unused ones expire now. The token is returned once. */
export async function issuePasswordLink(tx: Tx, actor: Actor, userId: string, purpose: LinkPurpose, now: Date): Promise<IssuedLink> {
  await expireOpenLinks(tx, userId, now);
  const token = newLinkToken();
  const expiresAt = linkExpiry(now);
  await tx.insert(passwordTokens)
    .values({ userId, tokenHash: hashLinkToken(token), purpose, expiresAt, createdBy: actor === "system" ? null : actor.id, createdAt: now });
  await audit(tx, actor, { action: "user.password_link", entityType: "user", entityId: userId, summary: { purpose, expiresAt: expiresAt.toISOString() } });
  return { token, expiresAt };
}

/**
 * How a link just issued reached its owner: emailed (or not) and shown on screen to the administrator who issued it
 * (or not). A link neither emailed nor shown is never seen by anyone and simply expires.
 */
export async function recordLinkDelivery(issuer: SessionUser, userId: string, how: { emailed: "sent" | "not_configured" | "failed"; shown: boolean }): Promise<void> {
  await audit(db, issuer, {
    action: "user.password_link_delivered",
    entityType: "user",
    entityId: userId,
    summary: { emailed: how.emailed, shownTo: how.shown ? issuer.role : null },
  });
}

/** Makes every unused link of the user stop working (a newer link, a disabled account, a password just set). */
export async function expireOpenLinks(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.update(passwordTokens)
    .set({ expiresAt: now })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)));
}

async function findLink(tx: Tx | DB, token: string) {
  if (!looksLikeLinkToken(token)) return undefined;
  return await first(tx
    .select({
      id: passwordTokens.id,
      purpose: passwordTokens.purpose,
      usedAt: passwordTokens.usedAt,
      expiresAt: passwordTokens.expiresAt,
      userId: users.id,
      userStatus: users.status,
      name: users.name,
      email: users.email,
      role: users.role,
    })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(eq(passwordTokens.tokenHash, hashLinkToken(token))));
}

/** Who a working link is for; undefined for an unknown, used or expired link, or a disabled account. */
export async function passwordLinkFor(token: string, now = new Date()): Promise<{ name: string; email: string; purpose: LinkPurpose } | undefined> {
  const row = await findLink(db, token);
  if (!row || !linkUsable(row, now)) return undefined;
  return { name: row.name, email: row.email, purpose: row.purpose };
}

export type UseLinkResult = { ok: true; email: string; role: Role } | { ok: false };

/**
 * Sets the password through a link, once: marks the link used, signs the user out of any other session (a reset
 * is often because someone else knew the old password), and audits it as the user's own act.
 */
export async function redeemPasswordLink(token: string, passwordHash: string, now = new Date()): Promise<UseLinkResult> {
  const result = await db.transaction(async (tx): Promise<UseLinkResult> => {
    const row = await findLink(tx, token);
    if (!row || !linkUsable(row, now)) return { ok: false };
    await tx.update(passwordTokens).set({ usedAt: now }).where(eq(passwordTokens.id, row.id));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId));
    await expireOpenLinks(tx, row.userId, now);
    await signOutEverywhere(tx, row.userId, now);
    await audit(tx, { id: row.userId, name: row.name, role: row.role }, {
      action: "user.password_set",
      entityType: "user",
      entityId: row.userId,
      summary: { purpose: row.purpose },
    });
    return { ok: true, email: row.email, role: row.role };
  });
  // Whoever holds a working link has proved control of the account: earlier failed guesses no longer count against it.
  if (result.ok) await clearAccountFailures(result.email);
  return result;
}

/** What a "Forgotten your password?" request came to. The person asking is told the same in every case but the pause. */
export type ResetRequest =
  | { outcome: "paused"; until: Date }
  | { outcome: "issued"; link: { userId: string; email: string; name: string; token: string; expiresAt: Date } }
  | { outcome: "not_issued" };

/**
 * Someone who is not signed in asks for a link to choose a new password, giving an email address. An active account
 * with that address gets a fresh link (for its owner's inbox only: the caller emails it and never shows it); the old
 * password keeps working until the link is used, so nobody can lock a colleague out by asking. Counted per email
 * typed and per client address (lib/rules/throttle.ts), and audited either way: the account when the email names one,
 * with the client address; an email that names none is not kept (its counter is under a SHA-256 digest of it).
 */
export async function requestPasswordReset(email: string, address: string, now = new Date()): Promise<ResetRequest> {
  const typed = email.trim().toLowerCase();
  const counted: [string, ThrottleLimits][] = [
    // Counted under a digest of the address typed, so an address that names no account is not kept in the clear.
    [`reset-email:${createHash("sha256").update(typed).digest("hex")}`, RESET_EMAIL_LIMITS],
    [`reset-address:${address}`, RESET_ADDRESS_LIMITS],
  ];
  return await db.transaction(async (tx): Promise<ResetRequest> => {
    // The request counts are read, worked out and written back: no other request, from any instance, in between.
    await lockFor("login_throttle");
    const user = await first(tx.select().from(users).where(eq(users.email, typed)));
    const about = user
      ? { entityType: "user", entityId: user.id, summary: { email: user.email } }
      : { entityType: "sign_in", entityId: "unknown account", summary: {} };

    const locks = (await tx
      .select({ lockedUntil: loginThrottle.lockedUntil })
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, counted.map(([key]) => key))))
      .map((r) => r.lockedUntil)
      .filter((d): d is Date => !!d && d.getTime() > now.getTime());
    if (locks.length > 0) {
      const until = new Date(Math.max(...locks.map((d) => d.getTime())));
      await audit(tx, "system", { action: "user.password_reset_paused", ...about, summary: { ...about.summary, until: until.toISOString() }, address });
      return { outcome: "paused", until };
    }
    for (const [key, limits] of counted) {
      const next = afterFailure(await first(tx.select().from(loginThrottle).where(eq(loginThrottle.key, key))), now, limits);
      await tx.insert(loginThrottle).values({ key, ...next }).onConflictDoUpdate({ target: loginThrottle.key, set: next });
    }

    if (!user || user.status !== "active") {
      const outcome = user ? "account_disabled" : "unknown_account";
      await audit(tx, "system", { action: "user.password_reset_requested", ...about, summary: { ...about.summary, outcome }, address });
      return { outcome: "not_issued" };
    }
    const { token, expiresAt } = await issuePasswordLink(tx, "system", user.id, "reset", now);
    await audit(tx, "system", { action: "user.password_reset_requested", ...about, summary: { ...about.summary, outcome: "link_issued" }, address });
    return { outcome: "issued", link: { userId: user.id, email: user.email, name: user.name, token, expiresAt } };
  });
}

/** How the link a "Forgotten your password?" request made reached (or did not reach) its owner's inbox. */
export async function recordRequestedLinkDelivery(userId: string, emailed: "sent" | "not_configured" | "failed"): Promise<void> {
  await audit(db, "system", { action: "user.password_link_delivered", entityType: "user", entityId: userId, summary: { emailed, shownTo: null, requested: true } });
}
