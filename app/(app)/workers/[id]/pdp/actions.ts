"use server";
// The PDP plan's server actions: start, agree, review, close. Goal actions are in ./goals/actions.ts.
import { notFound } from "next/navigation";
import { z } from "zod";
import { defineAction, defineSignature } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { agreePdpFields, closePdpFields, pdpReviewFields, startPdpFields } from "@/lib/forms/pdp";
import { agreePdp, closePdp, recordPdpReview, startPdp } from "@/db/queries/pdps";

const refresh = ({ ids: [workerId] }: { ids: readonly [string] }) => [`/workers/${workerId}/pdp`, `/workers/${workerId}`, "/team", "/me"];
const pdpPage = (workerId: string, saved: string) => `/workers/${workerId}/pdp?saved=${saved}`;

/** Starting, reviewing and closing a plan: the worker's manager or an admin. */
const MANAGERS = ["manager", "admin"] as const;
/** Agreeing: the worker and their manager; a lead is told they only read. */
const ANYONE_WHO_SEES_IT = ["support_worker", "manager", "admin", "lead"] as const;

export const startPdpAction = defineAction({
  roles: MANAGERS,
  ids: z.tuple([Id]),
  input: ({ today }) => startPdpFields(today),
  run: async ({ user, ids: [workerId], input }) => await startPdp(user, workerId, input),
  revalidate: refresh,
  redirect: ({ ids: [workerId] }) => pdpPage(workerId, "started"),
});

export const agreePdpAction = defineSignature({
  roles: ANYONE_WHO_SEES_IT,
  ids: z.tuple([Id]),
  input: agreePdpFields,
  // The form is hidden fields and the signer's password (checked after them): something malformed was not sent by our page.
  invalid: () => notFound(),
  run: async ({ user, ids: [workerId], input, signature }) => await agreePdp(user, workerId, input.pdpId, signature, input.version),
  revalidate: refresh,
  redirect: ({ ids: [workerId], result }) => pdpPage(workerId, result.alreadyAgreed ? "already-agreed" : "agreed"),
});

export const recordPdpReviewAction = defineAction({
  roles: MANAGERS,
  ids: z.tuple([Id]),
  input: ({ today }) => pdpReviewFields(today),
  run: async ({ user, ids: [workerId], input: { pdpId, ...review }, today }) => await recordPdpReview(user, workerId, pdpId, review, today),
  revalidate: refresh,
  redirect: ({ ids: [workerId] }) => pdpPage(workerId, "reviewed"),
});

export const closePdpAction = defineAction({
  roles: MANAGERS,
  ids: z.tuple([Id]),
  input: closePdpFields,
  run: async ({ user, ids: [workerId], input }) => await closePdp(user, workerId, input.pdpId, { carryOver: input.carryOver }),
  revalidate: refresh,
  redirect: ({ ids: [workerId], result }) => pdpPage(workerId, result.nextPdpId ? "closed-carried" : "closed"),
});
