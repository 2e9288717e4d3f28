"use server";
import { currentUser, signOut } from "@/lib/auth";
import { endLoginSession } from "@/db/queries/sign-in";

export async function logOut(): Promise<void> {
  const user = await currentUser();
  if (user) endLoginSession(user.sessionId, "logout");
  await signOut({ redirectTo: "/login?signedOut=1" });
}
