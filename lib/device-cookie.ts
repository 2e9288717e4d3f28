// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser someone has signed in with
// carries a signed token naming their account, so a lockout of strangers does not lock that person out too. Pure:
// the secret and the time are passed in. A browser shared by several people (a ward computer) keeps one token each.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE = "pathways-device";
/** How long a browser stays known after its last successful sign-in. */
export const DEVICE_COOKIE_LIFETIME_MS = 180 * 24 * 60 * 60_000;
/** Tokens kept per browser, newest first: one per person who signs in on it. */
const MAX_TOKENS = 8;
const VERSION = "d1";

/** A token that verified: whose it is, and the id its own failures are counted under. */
export type Device = { userId: string; id: string; expiresAt: Date };

/** The key is derived from the auth secret, so the secret itself signs nothing but session tokens. */
function key(secret: string): Buffer {
  return createHmac("sha256", secret).update("pathways device cookie v1").digest();
}

function signature(secret: string, body: string): Buffer {
  return createHmac("sha256", key(secret)).update(body).digest();
}

const encode = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/** A new token for a user: `d1.<user id>.<random id>.<expiry, seconds>.<HMAC-SHA256>`, all base64url. */
export function signDeviceToken(userId: string, secret: string, now: Date, id = randomBytes(16).toString("base64url")): string {
  const expires = Math.floor((now.getTime() + DEVICE_COOKIE_LIFETIME_MS) / 1000);
  const body = `${VERSION}.${encode(userId)}.${id}.${expires}`;
  return `${body}.${signature(secret, body).toString("base64url")}`;
}

/** A token's claim when its signature is right and it has not expired; otherwise undefined. */
export function verifyDeviceToken(token: string, secret: string, now: Date): Device | undefined {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) return undefined;
  const [, user, id, expires, mac] = parts as [string, string, string, string, string];
  const expected = signature(secret, parts.slice(0, 4).join("."));
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (!/^\d+$/.test(expires) || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return undefined;
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return undefined;
  return { userId: Buffer.from(user, "base64url").toString("utf8"), id, expiresAt };
}

/** The cookie's tokens (one per person who signed in on this browser). */
function tokens(cookie: string | undefined): string[] {
  return (cookie ?? "").split("~").filter((t) => t !== "").slice(0, MAX_TOKENS);
}

/** The valid tokens a browser's cookie holds, for whichever accounts. */
export function devicesIn(cookie: string | undefined, secret: string, now: Date): Device[] {
  return tokens(cookie)
    .map((t) => verifyDeviceToken(t, secret, now))
    .filter((d): d is Device => !!d);
}

/** The cookie after a successful sign-in: a fresh token for this user first, the others' valid tokens after it. */
export function cookieAfterSignIn(cookie: string | undefined, userId: string, secret: string, now: Date): string {
  const others = tokens(cookie).filter((t) => {
    const device = verifyDeviceToken(t, secret, now);
    return device && device.userId !== userId;
  });
  return [signDeviceToken(userId, secret, now), ...others].slice(0, MAX_TOKENS).join("~");
}
