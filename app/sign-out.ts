"use server";
import { clientAddress, currentUser, signOut } from "@/lib/auth";
import { recordSignOut } from "@/db/queries/sign-in";

export async function logOut(): Promise<void> {
  const user = await currentUser();
  if (user) await recordSignOut(user, await clientAddress());
  await signOut({ redirectTo: "/login?signedOut=1" });
}
