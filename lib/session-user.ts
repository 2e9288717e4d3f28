import type { Role } from "./vocabulary";

/** The signed-in user as every query and action sees them: loaded from the database on each request. */
export type SessionUser = {
  id: string;
  orgId: string;
  name: string;
  email: string;
  role: Role;
  /** The login session (one per sign-in). */
  sessionId: string;
};
