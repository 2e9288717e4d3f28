"use server";
// "Stay signed in", from the warning shown before a session ends for want of use (components/session-warning.tsx).
import type { z } from "zod";
import { defineAction } from "@/lib/action";
import { staySignedIn } from "@/db/queries/sign-in";
import type { FormState } from "@/lib/forms/state";
import type { SessionTimeLeft } from "@/lib/rules/session";

export type StaySignedInState = FormState & { left?: SessionTimeLeft };

/** Counts as using the session now, and says how long it has from here (up to its 12-hour limit). Anyone signed in. */
export const staySignedInAction = defineAction<z.ZodTuple<[], null>, undefined, Awaited<ReturnType<typeof staySignedIn>>, StaySignedInState>({
  roles: ["support_worker", "manager", "lead", "admin"],
  run: async ({ user }) => await staySignedIn(user),
  revalidate: () => [],
  done: ({ result }) => ({ ok: true, left: result.left }),
});
