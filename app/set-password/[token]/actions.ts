"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, AuthError } from "@/lib/auth";
import { hashPassword } from "@/lib/passwords";
import { homeFor } from "@/lib/roles";
import { formErrors, type FormState } from "@/lib/forms/state";
import { newPasswordFields } from "@/lib/forms/user";
import { formObject } from "@/lib/forms/read";
import { redeemPasswordLink } from "@/db/queries/password-links";

const LINK_GONE = "This link has expired or has already been used; ask your manager or administrator for a new one.";

/** Public: whoever holds the link may use it, once. Then they are signed in with the password they chose. */
export async function choosePassword(token: string, _prev: FormState, form: FormData): Promise<FormState> {
  const input = newPasswordFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const link = z.string().max(100).safeParse(token);
  if (!link.success) return { ok: false, message: LINK_GONE };
  // Hashing is slow: done before the transaction, which holds the connection while it runs.
  const passwordHash = await hashPassword(input.data.password);
  const result = await redeemPasswordLink(link.data, passwordHash);
  if (!result.ok) return { ok: false, message: LINK_GONE };
  try {
    await signIn("credentials", { email: result.email, password: input.data.password, redirectTo: homeFor(result.role) });
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must propagate; a refused one (say, too many failed
    // attempts from this address) still leaves the password set, so they sign in from the login page later.
    if (!(error instanceof AuthError)) throw error;
  }
  redirect("/login?passwordSet=1");
}
