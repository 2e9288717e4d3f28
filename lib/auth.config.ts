// The part of the Auth.js setup that the proxy also loads: no database, no native modules.
import type { NextAuthConfig, Session } from "next-auth";

declare module "next-auth" {
  interface Session {
    /** The login session id (a row in login_sessions). */
    sid?: string;
    /** The user's session version when the token was minted. */
    sv?: number;
  }
}

/**
 * Paths anyone may open without signing in: signing in and its help, the statements every NHS service publishes, and
 * the question "how long has my session left?" (answered "none" without one).
 */
const PUBLIC_PATHS = [
  /^\/login(\/|$)/,
  /^\/setup(\/|$)/,
  /^\/set-password(\/|$)/,
  /^\/api\/auth(\/|$)/,
  /^\/api\/session$/,
  /^\/accessibility$/,
  /^\/privacy$/,
];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((re) => re.test(pathname));
}

/**
 * Whether the proxy lets a request through rather than sending it to the login page (a convenience, not access). A POST
 * always goes through: every server action and route handler checks the session first (tests/authorization-matrix),
 * and a server action answers a signed-out caller with a redirect the page follows, back to it after signing in. The
 * proxy's redirect would re-send the POST to the login page, which has no such action: "a problem with the service".
 */
export function mayOpen(session: Session | null, pathname: string, method = "GET"): boolean {
  return isPublicPath(pathname) || !!session?.sid || method === "POST";
}

export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login", error: "/login" },
  // The JWT lives at most 12 hours; idle and absolute limits are enforced per request against login_sessions.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (typeof token.sid === "string") session.sid = token.sid;
      if (typeof token.sv === "number") session.sv = token.sv;
      return session;
    },
  },
  logger: {
    // A wrong password is not an error worth a stack trace. Matched by type: class names are minified in builds.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin" || type === "AccessDenied") return;
      console.error(error);
    },
  },
} satisfies NextAuthConfig;
