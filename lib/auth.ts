import "server-only";
// Sign-in (email and password; Microsoft Entra ID when configured) and the guards every page and action starts with.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Provider } from "next-auth/providers";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { authConfig } from "./auth.config";
import { emailAddress } from "./form-text";
import { appUrl, entraConfig } from "./env";
import { CLIENT_ADDRESS_HEADER } from "./client-address.mjs";
import { DEVICE_COOKIE, DEVICE_COOKIE_LIFETIME_MS, cookieAfterSignIn, devicesIn, type Device } from "./device-cookie";
import type { Role } from "./vocabulary";
import type { SessionUser } from "./session-user";
import { RETURN_TO_HEADER, signInPath } from "./safe-redirect";
import { SESSION_HANDOFF_HEADER, readHandoff } from "./session-handoff";
import type { SessionTimeLeft } from "./rules/session";
import { checkCredentials, activeUserByEmail, startLoginSession, resolveSession, sessionTimeLeft } from "@/db/queries/sign-in";

class Throttled extends CredentialsSignin {
  code = "throttled";
}

const CredentialsInput = z.object({ email: emailAddress(), password: z.string().min(1).max(1000) });

/**
 * The client's address, as the server (scripts/server.mjs) worked it out from the connection and TRUSTED_PROXY and
 * passed on in a header it alone sets; "unknown" under a server that does not (`next dev`). X-Forwarded-For is never
 * read here: any client can write it.
 */
export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/** The valid device cookies this browser presented, for whichever accounts (lib/device-cookie.ts). */
export async function presentedDevices(now = new Date()): Promise<Device[]> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return [];
  return devicesIn((await cookies()).get(DEVICE_COOKIE)?.value, secret, now);
}

/** After a successful password sign-in: this browser is known to the account from now on. */
async function rememberDevice(userId: string, now = new Date()): Promise<void> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return;
  const jar = await cookies();
  const https = (await headers()).get("x-forwarded-proto") === "https" || !!appUrl()?.startsWith("https:");
  jar.set(DEVICE_COOKIE, cookieAfterSignIn(jar.get(DEVICE_COOKIE)?.value, userId, secret, now), {
    httpOnly: true,
    secure: https,
    sameSite: "lax",
    path: "/",
    maxAge: Math.floor(DEVICE_COOKIE_LIFETIME_MS / 1000),
  });
}

function providers() {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const input = CredentialsInput.safeParse(raw);
        if (!input.success) return null;
        const result = await checkCredentials(input.data.email, input.data.password, await clientAddress(), undefined, {
          devices: await presentedDevices(),
        });
        if (result.ok) {
          await rememberDevice(result.user.id);
          return result.user;
        }
        if (result.reason === "throttled") throw new Throttled();
        return null;
      },
    }),
  ];
  const entra = entraConfig();
  if (entra) {
    list.push(
      MicrosoftEntraID({
        ...entra,
        authorization: { params: { scope: "openid profile email" } },
        // No Graph photo fetch: only who they are matters here.
        profile(profile) {
          const email = (profile.email ?? profile.preferred_username ?? "") as string;
          return { id: profile.sub, name: profile.name, email: email.toLowerCase() };
        },
      }),
    );
  }
  return list;
}

export const { handlers, signIn, signOut, auth } = NextAuth({
  ...authConfig,
  providers: providers(),
  callbacks: {
    ...authConfig.callbacks,
    // Single sign-on is for people who already have a Pathways account: matched by email, never created here.
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      return !!(user.email && await activeUserByEmail(user.email));
    },
    async jwt({ token, user, account, trigger }) {
      if (trigger === "signIn" && user) {
        const appUser = account?.provider === "credentials" ? user : user.email ? await activeUserByEmail(user.email) : undefined;
        if (!appUser?.id) return null;
        const started = await startLoginSession(appUser.id, account?.provider === "credentials" ? "password" : "oidc", new Date(), await clientAddress());
        if (!started) return null;
        return {
          sub: started.userId,
          name: user.name,
          email: user.email,
          role: started.role,
          sid: started.sessionId,
          sv: started.sessionVersion,
        };
      }
      return token;
    },
  },
});

export const entraEnabled = () => !!entraConfig();

/** What a refused signIn() throws (a successful one throws Next's redirect instead). */
export { AuthError } from "next-auth";

/**
 * The signed-in user, checked against the database on every request (memoised per request). The session comes from
 * the proxy, which has decoded the cookie already (lib/session-handoff.ts), or from the cookie where it has not.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = readHandoff((await headers()).get(SESSION_HANDOFF_HEADER), process.env.AUTH_SECRET) ?? await auth();
  if (!session?.sid || typeof session.sv !== "number") return null;
  const check = await resolveSession(session.sid, session.sv);
  // The address goes on every audit row this request writes.
  return check.ok ? { ...check.user, address: await clientAddress() } : null;
});

/**
 * How long this browser's session has left, without counting the question as use of it; null when it has none. The
 * warning before a session ends asks this (app/api/session/route.ts).
 */
export async function currentSessionTimeLeft(): Promise<SessionTimeLeft | null> {
  const session = await auth();
  if (!session?.sid || typeof session.sv !== "number") return null;
  return sessionTimeLeft(session.sid, session.sv);
}

/**
 * Every page and action starts here. A signed-out or expired visitor goes to the login page, and after signing in
 * comes back to the page they were on (the proxy passes it on; a server action's request is for its page).
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath({ expired: true, returnTo: (await headers()).get(RETURN_TO_HEADER) }));
  return user;
}

/** A role that may not open a page gets "not found", so a page's existence does not leak. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) notFound();
  return user;
}
