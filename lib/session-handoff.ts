// The session, read once a request. The proxy decodes the session cookie of every request (it sends signed-out
// visitors to the login page), and the page would decode it again: about a millisecond of a small page's server time,
// each time. So the proxy hands what it read to the page in a request header of its own, which it sets or removes on
// every request it lets through (a client's own value never reaches the page), and which it signs with AUTH_SECRET, so
// that no request that somehow passed by the proxy could name a session. The page still checks the session against
// the database (lib/auth.ts currentUser): this replaces the decoding, not the check.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_HANDOFF_HEADER = "x-pathways-session";

export type HandedSession = { sid: string; sv: number };

const mac = (secret: string, sid: string, sv: number) => createHmac("sha256", secret).update(`pathways session handoff\n${sid}\n${sv}`).digest("base64url");

/** The header's value for a session the proxy decoded. */
export function handoffValue(session: HandedSession, secret: string): string {
  return `${session.sid}.${session.sv}.${mac(secret, session.sid, session.sv)}`;
}

/** The session the proxy handed over, or null when there is none or the value is not one the proxy signed. */
export function readHandoff(value: string | null | undefined, secret: string | undefined): HandedSession | null {
  if (!value || !secret) return null;
  const m = /^([A-Za-z0-9_-]{1,64})\.(\d{1,9})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return null;
  const [, sid, version, given] = m;
  const expected = Buffer.from(mac(secret, sid!, Number(version)));
  const actual = Buffer.from(given!);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? { sid: sid!, sv: Number(version) } : null;
}
