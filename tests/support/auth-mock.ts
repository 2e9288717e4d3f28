// Stands in for "@/lib/auth" in unit tests of server actions: the acting user is whoever `actAs` set.
// Use with:  vi.mock("@/lib/auth", () => import("./support/auth-mock"));
//            vi.mock("next/cache", () => import("./support/next-cache-mock"));
import { notFound, redirect } from "next/navigation";
import type { SessionUser } from "@/lib/session-user";
import type { Role } from "@/lib/vocabulary";

let current: SessionUser | null = null;

export function actAs(user: SessionUser | null): void {
  current = user;
}

export async function currentUser(): Promise<SessionUser | null> {
  return current;
}

/** Every role check made, in order, for the authorization matrix (tests/authorization-matrix.test.ts). */
export const roleChecks: Array<{ roles: readonly Role[] | "signed_in"; passed: boolean }> = [];

export async function requireUser(): Promise<SessionUser> {
  roleChecks.push({ roles: "signed_in", passed: !!current });
  if (!current) redirect("/login?expired=1");
  return current;
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const passed = !!current && roles.includes(current.role);
  roleChecks.push({ roles, passed });
  if (!current) redirect("/login?expired=1");
  if (!passed) notFound();
  return current;
}

export async function clientAddress(): Promise<string> {
  return "127.0.0.1";
}

/** No device cookies: every attempt in these tests comes from a browser no account knows. */
export async function presentedDevices(): Promise<never[]> {
  return [];
}

export const NOT_FOUND = /NEXT_HTTP_ERROR_FALLBACK;404/;

/** FormData from a plain object; arrays become repeated fields. */
export function formData(fields: Record<string, string | string[] | undefined>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) form.append(k, item);
  }
  return form;
}

export class AuthError extends Error {}

/** The sign-ins an action asked for. A real sign-in ends in a redirect, so this one does too. */
export const signIns: Array<{ provider: string; options?: Record<string, unknown>; authorization?: Record<string, string> }> = [];

export async function signIn(provider: string, options?: Record<string, unknown>, authorization?: Record<string, string>): Promise<never> {
  signIns.push({ provider, options, ...(authorization ? { authorization } : {}) });
  redirect(typeof options?.redirectTo === "string" ? options.redirectTo : "/");
}
