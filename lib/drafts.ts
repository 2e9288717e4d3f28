import "server-only";
// Each person's draft keys (decision record 0023), derived from AUTH_SECRET and their user id: the same on every visit
// and every server, so a draft sealed before a session ended opens after signing in again, and nobody else's key
// opens it. Handed only to the signed-in person, in the signed-in layout.
import { createHmac } from "node:crypto";
import type { DraftKeys } from "./forms/drafts";

export function draftKeysFor(userId: string, secret = process.env.AUTH_SECRET): DraftKeys | undefined {
  if (!secret) return undefined;
  const derive = (purpose: string) => createHmac("sha256", secret).update(`pathways drafts v1\u0000${purpose}\u0000${userId}`).digest("base64url");
  // The tag only groups a person's drafts (to drop them when they sign out); 96 bits keep people apart.
  return { owner: derive("owner").slice(0, 16), key: derive("key") };
}
