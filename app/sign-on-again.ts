"use server";
// Before a signature, someone who signed in with their organisation account signs in there again (the provider asks
// for their credentials afresh: `prompt=login`) and comes back to the page they were signing on (lib/rules/signature.ts).
import { requireUser, signIn } from "@/lib/auth";
import { safeRedirect } from "@/lib/safe-redirect";

/** `returnTo` is bound by the page, but a bound argument comes back from the browser: anything but a string means home. */
export async function signInAgainWithMicrosoft(returnTo: unknown): Promise<void> {
  const user = await requireUser();
  await signIn("microsoft-entra-id", { redirectTo: safeRedirect(typeof returnTo === "string" ? returnTo : undefined) }, { prompt: "login", login_hint: user.email });
}
