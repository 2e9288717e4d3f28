import type { Role } from "./vocabulary";
import type { SessionEnd } from "./rules/session";

/** The signed-in user as every query and action sees them: loaded from the database on each request. */
export type SessionUser = {
  id: string;
  orgId: string;
  name: string;
  email: string;
  role: Role;
  /** The login session (one per sign-in). */
  sessionId: string;
  /** How and when this login session began: a signature asks for proof that depends on both (lib/rules/signature.ts). */
  signedInWith: "password" | "oidc";
  signedInAt: Date;
  /** When this login session ends unless used again (set when the session is resolved for a request). */
  sessionEnds?: SessionEnd;
  /** The client's address for this request (lib/auth.ts clientAddress), recorded on the audit rows it writes. */
  address?: string;
};
