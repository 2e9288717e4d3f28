import "server-only";
// Sign-in (email and password; Microsoft Entra ID when configured) and the guards every page and action starts with.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Provider } from "next-auth/providers";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { authConfig } from "./auth.config";
import { emailAddress } from "./form-text";
import { entraConfig } from "./env";
import type { Role } from "./vocabulary";
import type { SessionUser } from "./session-user";
import { checkCredentials, activeUserByEmail, startLoginSession, resolveSession } from "@/db/queries/sign-in";

class Throttled extends CredentialsSignin {
  code = "throttled";
}

const CredentialsInput = z.object({ email: emailAddress(), password: z.string().min(1).max(1000) });

/** The client's address as the server saw it (the first X-Forwarded-For hop when behind a proxy). */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}

function providers() {
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const input = CredentialsInput.safeParse(raw);
        if (!input.success) return null;
        const result = await checkCredentials(input.data.email, input.data.password, await clientAddress());
        if (result.ok) return result.user;
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
    signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      return !!(user.email && activeUserByEmail(user.email));
    },
    jwt({ token, user, account, trigger }) {
      if (trigger === "signIn" && user) {
        const appUser = account?.provider === "credentials" ? user : user.email ? activeUserByEmail(user.email) : undefined;
        if (!appUser?.id) return null;
        const started = startLoginSession(appUser.id, account?.provider === "credentials" ? "password" : "oidc");
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

/** The signed-in user, checked against the database on every request (memoised per request). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sid || typeof session.sv !== "number") return null;
  const check = resolveSession(session.sid, session.sv);
  // The address goes on every audit row this request writes.
  return check.ok ? { ...check.user, address: await clientAddress() } : null;
});

/** Every page and action starts here. A signed-out or expired visitor goes to the login page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login?expired=1");
  return user;
}

/** A role that may not open a page gets "not found", so a page's existence does not leak. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) notFound();
  return user;
}
