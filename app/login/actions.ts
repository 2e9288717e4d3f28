"use server";
import { AuthError, signIn, clientAddress, presentedDevices } from "@/lib/auth";
import { lockedUntil } from "@/db/queries/sign-in";
import { formErrors, submittedValues, type FormState } from "@/lib/forms/state";
import { formatDateTime } from "@/lib/rules/dates";
import { safeRedirect } from "@/lib/safe-redirect";
import { cleanForm, formObject } from "@/lib/forms/read";
import { loginFields } from "@/lib/forms/sign-in";

function throttledMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Too many unsuccessful attempts. For your security, sign-in is paused: try again after ${formatDateTime(until)} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`;
}

export async function logIn(_prev: FormState, typed: FormData): Promise<FormState> {
  const form = cleanForm(typed);
  const input = loginFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const { email, password, callbackUrl } = input.data;
  const address = await clientAddress();

  // Every attempt, a refused one too, goes through checkCredentials (lib/auth.ts), which counts and audits it.
  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirect(callbackUrl) });
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (!(error instanceof AuthError)) throw error;
    const after = await lockedUntil(email, address, undefined, await presentedDevices());
    if (after) return { ok: false, message: throttledMessage(after), values: submittedValues(form) };
    return {
      ok: false,
      message: "The email address or password is not right. Check them and try again.",
      values: submittedValues(form),
    };
  }
  return {};
}

/** `returnTo` is bound by the page (the page to come back to), but comes back from the browser: checked like any other. */
export async function logInWithMicrosoft(returnTo: unknown): Promise<void> {
  await signIn("microsoft-entra-id", { redirectTo: safeRedirect(returnTo) });
}
