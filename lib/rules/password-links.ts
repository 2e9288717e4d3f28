// One-time links to set a password: a random token that is shown once, stored only as its SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";
import type { Role } from "../vocabulary";

import { LINK_LIFETIME_HOURS } from "./link-lifetime";

export { LINK_LIFETIME_HOURS };

/** 32 random bytes, base64url: 43 characters, ~256 bits. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The token is as strong as a key, so a fast hash is enough (no salt or stretching needed); storing only the hash
 * means a copy of the database does not hand out working links.
 */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A cheap shape check before touching the database: anything else is not a link we made. */
export function looksLikeLinkToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function linkExpiry(now: Date): Date {
  return new Date(now.getTime() + LINK_LIFETIME_HOURS * 3_600_000);
}

export type LinkRow = { usedAt: Date | null; expiresAt: Date; userStatus: "active" | "disabled" };

/** A link works once, before it expires, and only for an active user. */
export function linkUsable(row: LinkRow, now: Date): boolean {
  return row.usedAt === null && row.expiresAt.getTime() > now.getTime() && row.userStatus === "active";
}

export function setPasswordPath(token: string): string {
  return `/set-password/${token}`;
}

export type LinkPurpose = "set" | "reset";

/**
 * Who may see a set-password link on screen: an administrator, once, as they issue it. Anyone else (a manager giving
 * a worker their login) never holds it: it goes to its owner by email or not at all, so nobody can set a password,
 * sign in as the worker and sign in their name (decision record 0006).
 */
export function showsLinkOnScreen(role: Role): boolean {
  return role === "admin";
}

/** A link as the person who made it sees it: shown once to an administrator (`url`), never stored. */
export type DeliveredLink = {
  /** The link itself, for an administrator only; absent for anyone else. */
  url?: string;
  /** "22 Nov 2026, 14:05" in London time. */
  expiresAt: string;
  email: string;
  name: string;
  /** Whether it was emailed: "not_configured" when SMTP or APP_URL (the only address a link is built on) is not set. */
  emailed: "sent" | "not_configured" | "failed";
};

/** The email that carries a link. Plain text: it reads the same in every NHS mail client. */
export function passwordLinkEmail(input: { name: string; url: string; purpose: LinkPurpose; expiresAt: string; organisation?: string }) {
  const where = input.organisation ? ` at ${input.organisation}` : "";
  const subject = input.purpose === "set" ? "Your Pathways login" : "Reset your Pathways password";
  const opening =
    input.purpose === "set"
      ? `You have been given a login to Pathways${where}, where you can see and add to your development record.`
      : `Your Pathways administrator has reset your password${where}.`;
  const text = [
    `Dear ${input.name},`,
    "",
    opening,
    "",
    "Choose your password here:",
    input.url,
    "",
    `The link works once and expires on ${input.expiresAt}. If it has expired, ask your manager or administrator for a new one.`,
    "",
    "If you were not expecting this email, you can ignore it.",
  ].join("\n");
  return { subject, text };
}

/**
 * The email answering "Forgotten your password?". It goes only to the account's own address, and says what to do if
 * they did not ask: nothing has changed until the link is used.
 */
export function forgottenPasswordEmail(input: { name: string; url: string; expiresAt: string; organisation?: string }) {
  const where = input.organisation ? ` at ${input.organisation}` : "";
  const text = [
    `Dear ${input.name},`,
    "",
    `Someone asked to reset the password of your Pathways login${where}. If it was you, choose a new password here:`,
    input.url,
    "",
    `The link works once and expires on ${input.expiresAt}. Your password stays as it is until you use it.`,
    "",
    "If you did not ask, you can ignore this email. If it keeps happening, tell your Pathways administrator.",
  ].join("\n");
  return { subject: "Reset your Pathways password", text };
}
