"use server";
// Before a signature, someone who signed in with their organisation account signs in there again (the provider asks
// for their credentials afresh: `prompt=login`) and comes back to the page they were signing on (lib/rules/signature.ts).
import { requireUser, signIn } from "@/lib/auth";
import { safeRedirect } from "@/lib/safe-redirect";

export async function signInAgainWithMicrosoft(returnTo: string): Promise<void> {
  const user = await requireUser();
  await signIn("microsoft-entra-id", { redirectTo: safeRedirect(returnTo) }, { prompt: "login", login_hint: user.email });
}
