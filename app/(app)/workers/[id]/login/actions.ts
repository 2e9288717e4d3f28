"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { workerLoginFields } from "@/lib/forms/user";
import { deliverPasswordLink } from "@/lib/password-link-delivery";
import { giveWorkerLogin, reissueWorkerLink, type LinkChange } from "@/db/queries/users";
import { organisationName } from "@/db/queries/sign-in";
import type { LinkFormState } from "@/lib/forms/state";
import type { SessionUser } from "@/lib/session-user";

/**
 * The link goes to the worker by email; an administrator also sees it, once. A manager never sees it, and is told
 * whether it reached the worker or an administrator must give them one.
 */
async function withLink(issuer: SessionUser, result: Extract<LinkChange, { ok: true }>, done: string): Promise<LinkFormState> {
  const link = await deliverPasswordLink(issuer, { ...result, organisation: await organisationName() });
  if (link.url) return { ok: true, message: done, link };
  const message =
    link.emailed === "sent"
      ? `${done}. We have emailed ${result.name} a link to choose their password (${result.email}).`
      : link.emailed === "failed"
        ? `${done}, but the email to ${result.email} could not be sent. Ask an administrator to give ${result.name} a set-password link.`
        : `${done}. Email is not set up here, so an administrator gives ${result.name} their set-password link.`;
  return { ok: true, message, link };
}

const refresh = (workerId: string) => [`/workers/${workerId}`, "/admin/users"];

/** A manager (for a support worker they manage) or an administrator gives the worker their own login. */
export const createWorkerLoginAction = defineAction({
  roles: ["manager", "admin"],
  ids: z.tuple([Id]),
  input: workerLoginFields,
  run: async ({ user, ids: [workerId], input }) => await giveWorkerLogin(user, workerId, input),
  revalidate: ({ ids: [workerId] }) => refresh(workerId),
  done: async ({ user, result }) => await withLink(user, result, `Login created for ${result.name}`),
});

/** A fresh link for a login that has never been used (the first link expired or was lost). */
export const renewWorkerLinkAction = defineAction({
  roles: ["manager", "admin"],
  ids: z.tuple([Id]),
  run: async ({ user, ids: [workerId] }) => await reissueWorkerLink(user, workerId),
  revalidate: ({ ids: [workerId] }) => refresh(workerId),
  done: async ({ user, result }) => await withLink(user, result, "New set-password link created"),
});
