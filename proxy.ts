// Every request but static files: a Content-Security-Policy with a fresh nonce and HSTS over HTTPS on the response
// (lib/security-headers.ts), and signed-out visitors sent to the login page. The redirect is not a security boundary:
// pages and actions check access themselves.
import NextAuth, { type NextAuthRequest } from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig, mayOpen } from "./lib/auth.config";
import { appUrl, entraConfig } from "./lib/env";
import { responseSecurity } from "./lib/security-headers";
import { RETURN_TO_HEADER, returnPathOf, signInPath } from "./lib/safe-redirect";
import { SESSION_HANDOFF_HEADER, handoffValue } from "./lib/session-handoff";

const { auth } = NextAuth(authConfig);

const withSession = auth((request: NextAuthRequest, _event: NextFetchEvent) => {
  const security = responseSecurity({
    appUrl: appUrl(),
    ssoIssuer: entraConfig()?.issuer,
    development: process.env.NODE_ENV === "development",
  });
  let response: NextResponse;
  const returnTo = returnPathOf(request.nextUrl);
  if (mayOpen(request.auth, request.nextUrl.pathname, request.method)) {
    // Next reads the nonce from the request's policy while it renders, and puts it on its scripts and styles.
    const forward = new Headers(request.headers);
    forward.set("Content-Security-Policy", security.policy);
    forward.set("x-nonce", security.nonce);
    forward.set(RETURN_TO_HEADER, returnTo);
    // The session as read here, so the page need not decode the cookie again (lib/session-handoff.ts); a client's own
    // value of the header never gets through.
    const session = request.auth;
    const secret = process.env.AUTH_SECRET;
    if (secret && session?.sid && typeof session.sv === "number") forward.set(SESSION_HANDOFF_HEADER, handoffValue({ sid: session.sid, sv: session.sv }, secret));
    else forward.delete(SESSION_HANDOFF_HEADER);
    response = NextResponse.next({ request: { headers: forward } });
  } else {
    // A path, not an address: the browser stays on the host it used (Next rewrites 127.0.0.1 to localhost here).
    response = NextResponse.redirect(new URL(signInPath({ returnTo }), request.nextUrl));
  }
  for (const [name, value] of Object.entries(security.headers)) response.headers.set(name, value);
  return response;
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return await withSession(request, event);
}

export const config = {
  // Everything but static assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
