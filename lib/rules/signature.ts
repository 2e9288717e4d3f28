// Signing: an appraisal, a PDP version, a competency sign-off. The signer proves it is them in the same step, so a
// signature cannot come from a session someone else left open or from a login someone else set up.
import { formatDateTime } from "./dates";

/** How the signer proved it was them. Recorded on the signature's audit row. */
export type Signature = { reauthenticated: "password" | "single_sign_on"; at: Date };

/**
 * A single sign-on counts as proof for this long after it happened. Organisations' own identity providers decide how
 * to sign someone in (often with a second factor); Pathways asks them to do it again when the last time is older.
 */
export const FRESH_SIGN_ON_MINUTES = 10;

/** What a signing form asks of this person now: their password, nothing more (a fresh single sign-on), or to sign on again. */
export type SigningProof = { kind: "password" } | { kind: "fresh_sign_on"; until: Date } | { kind: "sign_on_again" };

export function signingProof(session: { signedInWith: "password" | "oidc"; signedInAt: Date }, now: Date): SigningProof {
  if (session.signedInWith === "password") return { kind: "password" };
  const until = new Date(session.signedInAt.getTime() + FRESH_SIGN_ON_MINUTES * 60_000);
  return until.getTime() > now.getTime() ? { kind: "fresh_sign_on", until } : { kind: "sign_on_again" };
}

/** What a signing form shows about the signer: who signs, what proof it asks for, and until when a sign-on counts. */
export type Signer = { name: string; proof: SigningProof["kind"]; freshUntil?: string };

export function signerOf(user: { name: string; signedInWith: "password" | "oidc"; signedInAt: Date }, now: Date): Signer {
  const proof = signingProof(user, now);
  return { name: user.name, proof: proof.kind, ...(proof.kind === "fresh_sign_on" ? { freshUntil: formatDateTime(proof.until) } : {}) };
}
