"use server";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { workerFields, workerEditFields, leavingFields } from "@/lib/forms/worker";
import { createWorker, updateWorker, recordLeaving } from "@/db/queries/worker-changes";

export const addWorkerAction = defineAction({
  roles: ["manager", "admin"],
  input: ({ today }) => workerFields(today),
  run: async ({ user, input }) => await createWorker(user, input),
  revalidate: () => ["/workers", "/team"],
  redirect: ({ result }) => `/workers/${result.workerId}?saved=created`,
});

export const saveWorkerAction = defineAction({
  roles: ["manager", "admin"],
  ids: z.tuple([Id]),
  input: ({ today }) => workerEditFields(today),
  run: async ({ user, ids: [workerId], input }) => await updateWorker(user, workerId, input),
  revalidate: ({ ids: [workerId] }) => ["/workers", `/workers/${workerId}`, "/team"],
  redirect: ({ ids: [workerId] }) => `/workers/${workerId}?saved=updated`,
});

export const markLeavingAction = defineAction({
  roles: ["manager", "admin"],
  ids: z.tuple([Id]),
  input: ({ today }) => leavingFields(today),
  run: async ({ user, ids: [workerId], input }) => await recordLeaving(user, workerId, input),
  revalidate: ({ ids: [workerId] }) => ["/workers", `/workers/${workerId}`, "/team"],
  redirect: ({ ids: [workerId] }) => `/workers/${workerId}?saved=left`,
});
