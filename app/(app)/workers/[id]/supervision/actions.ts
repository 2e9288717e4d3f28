"use server";
// The supervision page's forms: record a session, delegate a task, mark a task reviewed, end a delegation.
// The data layer decides who may: a lead is told they only read; anyone else who may not change this worker gets 404.
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { delegationFields, endFields, reviewFields, sessionFields } from "@/lib/forms/supervision";
import { delegateTask, endTask, recordSession, reviewTask } from "@/db/queries/supervision";

const refresh = ({ ids: [workerId] }: { ids: readonly [string, ...string[]] }) => [`/workers/${workerId}`, `/workers/${workerId}/supervision`, "/team"];

/** The worker's manager or an admin; a lead is told they only read. */
const SUPERVISORS = ["manager", "admin", "lead"] as const;

export const recordSessionAction = defineAction({
  roles: SUPERVISORS,
  ids: z.tuple([Id]),
  input: ({ today }) => sessionFields(today),
  run: async ({ user, ids: [workerId], input, today }) => await recordSession(user, workerId, input, today),
  revalidate: refresh,
  done: "Supervision session recorded",
});

export const delegateTaskAction = defineAction({
  roles: SUPERVISORS,
  ids: z.tuple([Id]),
  input: ({ today }) => delegationFields(today),
  run: async ({ user, ids: [workerId], input, today }) => await delegateTask(user, workerId, input, today),
  revalidate: refresh,
  done: "Delegated task recorded",
});

export const reviewTaskAction = defineAction({
  roles: SUPERVISORS,
  ids: z.tuple([Id, Id]),
  input: ({ today }) => reviewFields(today),
  run: async ({ user, ids: [workerId, taskId], input, today }) => await reviewTask(user, workerId, taskId, input.reviewOn, today),
  revalidate: refresh,
  done: "Review recorded",
});

export const endTaskAction = defineAction({
  roles: SUPERVISORS,
  ids: z.tuple([Id, Id]),
  input: endFields,
  run: async ({ user, ids: [workerId, taskId], input }) => await endTask(user, workerId, taskId, input.reason),
  revalidate: refresh,
  done: "Delegation ended",
});
