"use server";
// The mandatory training page's forms: record a completion, remove one recorded in error. The data layer decides who
// may: a lead is told they only read; the worker themselves is told another manager must; anyone else gets 404.
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { RemovalFields, completionFields } from "@/lib/forms/mandatory-training";
import { recordCompletion, removeCompletion } from "@/db/queries/mandatory-training";

const refresh = ({ ids: [workerId] }: { ids: readonly [string, ...string[]] }) => [`/workers/${workerId}/mandatory-training`, "/team", "/me"];

/** The worker's manager or an administrator; a lead is told they only read. */
const RECORDERS = ["manager", "admin", "lead"] as const;

export const recordCompletionAction = defineAction({
  roles: RECORDERS,
  ids: z.tuple([Id]),
  input: ({ today }) => completionFields(today),
  run: async ({ user, ids: [workerId], input, today }) => await recordCompletion(user, workerId, input, today),
  revalidate: refresh,
  done: "Completion recorded",
});

export const removeCompletionAction = defineAction({
  roles: RECORDERS,
  ids: z.tuple([Id, Id]),
  input: RemovalFields,
  run: async ({ user, ids: [workerId, completionId], input }) => await removeCompletion(user, workerId, completionId, input.reason),
  revalidate: refresh,
  done: "Completion removed",
});
