"use server";
// The CPD page's forms: add a CPD activity (or record approved training as attended), change or delete one, request
// training, withdraw a request, and on a request's own page approve or decline it. The data layer decides who may: a
// lead is told they only read; anyone else who may not change this worker gets 404.
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { cpdFields, decisionFields, deleteCpdFields, requestFields, withdrawFields } from "@/lib/forms/cpd";
import { addCpd, decideRequest, deleteCpd, requestTraining, updateCpd, withdrawRequest } from "@/db/queries/cpd";

const refresh = ({ ids: [workerId] }: { ids: readonly [string, ...string[]] }) => [`/workers/${workerId}`, `/workers/${workerId}/cpd`, "/me", "/team"];

/** The worker, their manager and admins add and change CPD and requests; a lead is told they only read. */
const ANYONE_WHO_SEES_IT = ["support_worker", "manager", "admin", "lead"] as const;
/** Deciding a request: the worker's manager or an admin; a lead is told they only read. */
const DECIDERS = ["manager", "admin", "lead"] as const;

export const addCpdAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: z.tuple([Id]),
  input: ({ today }) => cpdFields(today),
  run: async ({ user, ids: [workerId], input, today }) => await addCpd(user, workerId, input, today),
  revalidate: refresh,
  done: ({ input }) => ({ ok: true, message: input.trainingRequestId ? "Training recorded as attended and added to CPD" : "CPD activity added" }),
});

/** Saves a change to a CPD entry and goes back to the CPD page, which says so. */
export const updateCpdAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: z.tuple([Id, Id]),
  input: ({ today }) => cpdFields(today),
  run: async ({ user, ids: [workerId, cpdId], input, today }) => await updateCpd(user, workerId, cpdId, input, today),
  revalidate: refresh,
  redirect: ({ ids: [workerId] }) => `/workers/${workerId}/cpd?saved=cpd-updated`,
});

export const deleteCpdAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: z.tuple([Id, Id]),
  input: deleteCpdFields,
  run: async ({ user, ids: [workerId, cpdId] }) => await deleteCpd(user, workerId, cpdId),
  revalidate: refresh,
  redirect: ({ ids: [workerId] }) => `/workers/${workerId}/cpd?saved=cpd-deleted`,
});

export const requestTrainingAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: z.tuple([Id]),
  input: requestFields,
  run: async ({ user, ids: [workerId], input }) => await requestTraining(user, workerId, input),
  revalidate: refresh,
  done: "Training requested",
});

export const withdrawRequestAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: z.tuple([Id, Id]),
  input: withdrawFields,
  run: async ({ user, ids: [workerId, requestId] }) => await withdrawRequest(user, workerId, requestId),
  revalidate: refresh,
  done: "Request withdrawn",
});

/**
 * Approves or declines a request, from the request's own page: the choice is a pair of radios and one button, so a
 * stray tap decides nothing, and the page it goes back to says what was decided.
 */
export const decideRequestAction = defineAction({
  roles: DECIDERS,
  ids: z.tuple([Id, Id]),
  input: decisionFields,
  run: async ({ user, ids: [workerId, requestId], input }) =>
    await decideRequest(
      user,
      workerId,
      requestId,
      input.decision === "approved" ? { status: "approved" } : { status: "declined", declineReason: input.declineReason, declineDetail: input.declineDetail },
    ),
  revalidate: (ctx) => [...refresh(ctx), `/workers/${ctx.ids[0]}/cpd/requests/${ctx.ids[1]}`],
  redirect: ({ ids: [workerId, requestId], input }) => `/workers/${workerId}/cpd/requests/${requestId}?saved=${input.decision}`,
});
