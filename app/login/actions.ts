"use server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, clientAddress } from "@/lib/auth";
import { lockedUntil } from "@/db/queries/sign-in";
import { formErrors, submittedValues, type FormState } from "@/lib/forms";
import { formatDateTime } from "@/lib/rules/dates";
import { safeRedirect } from "@/lib/safe-redirect";

const LoginInput = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Email address must be 254 characters or fewer")
    .email("Enter an email address in the correct format, like name@nhs.net"),
  password: z.string().min(1, "Enter your password").max(1000, "Password must be 1000 characters or fewer"),
  callbackUrl: z.string().optional(),
});

function throttledMessage(until: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return `Too many unsuccessful attempts. For your security, sign-in is paused: try again after ${formatDateTime(until)} (in ${minutes} minute${minutes === 1 ? "" : "s"}).`;
}

export async function logIn(_prev: FormState, form: FormData): Promise<FormState> {
  const input = LoginInput.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const { email, password, callbackUrl } = input.data;
  const address = await clientAddress();

  const lock = lockedUntil(email, address);
  if (lock) return { ok: false, message: throttledMessage(lock), values: submittedValues(form) };

  try {
    await signIn("credentials", { email, password, redirectTo: safeRedirect(callbackUrl) });
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (!(error instanceof AuthError)) throw error;
    const after = lockedUntil(email, address);
    if (after) return { ok: false, message: throttledMessage(after), values: submittedValues(form) };
    return {
      ok: false,
      message: "The email address or password is not right. Check them and try again.",
      values: submittedValues(form),
    };
  }
  return {};
}

export async function logInWithMicrosoft(): Promise<void> {
  await signIn("microsoft-entra-id", { redirectTo: "/" });
}
