"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { workerLoginFields } from "@/lib/forms/user";
import { deliverPasswordLink } from "@/lib/password-link-delivery";
import { giveWorkerLogin, reissueWorkerLink, type LinkChange } from "@/db/queries/users";
import { organisationName } from "@/db/queries/sign-in";
import type { LinkFormState } from "@/lib/forms/state";

async function withLink(result: Extract<LinkChange, { ok: true }>, message: string): Promise<LinkFormState> {
  const link = await deliverPasswordLink({ ...result, organisation: organisationName() });
  return { ok: true, message, link };
}

const refresh = (workerId: string) => [`/workers/${workerId}`, "/admin/users"];

/** A manager (for a support worker they manage) or an administrator gives the worker their own login. */
export const createWorkerLoginAction = defineAction({
  roles: ["manager", "admin"],
  ids: z.tuple([Id]),
  input: workerLoginFields,
  run: ({ user, ids: [workerId], input }) => giveWorkerLogin(user, workerId, input),
  revalidate: ({ ids: [workerId] }) => refresh(workerId),
  done: ({ result }) => withLink(result, `Login created for ${result.name}`),
});

/** A fresh link for a login that has never been used (the first link expired or was lost). */
export const renewWorkerLinkAction = defineAction({
  roles: ["manager", "admin"],
  ids: z.tuple([Id]),
  run: ({ user, ids: [workerId] }) => reissueWorkerLink(user, workerId),
  revalidate: ({ ids: [workerId] }) => refresh(workerId),
  done: ({ result }) => withLink(result, "New set-password link created"),
});
