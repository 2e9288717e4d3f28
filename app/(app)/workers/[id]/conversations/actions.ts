"use server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { submittedLists, submittedValues, type FormState } from "@/lib/forms/state";
import { conversationFields, conversationObject, newConversationFields, stepFields, stepRows, MAX_STEP_ROWS } from "@/lib/forms/conversation";
import { addStep, conversationDetail, recordConversation, setStepDone, stepToPdpGoal, updateConversation } from "@/db/queries/conversations";

function refresh(workerId: string, conversationId?: string) {
  return [`/workers/${workerId}`, `/workers/${workerId}/conversations`, ...(conversationId ? [`/workers/${workerId}/conversations/${conversationId}`] : [])];
}

/** Recording and changing conversations: the worker's manager or an admin. */
const MANAGERS = ["manager", "admin"] as const;

/** The new-conversation form: "Add another step" comes back with one more row; "Save" records it. */
export const recordConversationAction = defineAction({
  roles: MANAGERS,
  ids: z.tuple([Id]),
  before: ({ form }): FormState | undefined => {
    if (form.get("intent") !== "add-step") return undefined;
    const count = Math.min(stepRows(form).length + 1, MAX_STEP_ROWS);
    return { values: { ...submittedValues(form), stepRows: String(count), focusStep: String(count - 1) }, lists: submittedLists(form) };
  },
  input: ({ today }) => newConversationFields(today),
  read: (form) => {
    const appraisalId = form.get("appraisalId");
    return { ...conversationObject(form), steps: stepRows(form), appraisalId: typeof appraisalId === "string" ? appraisalId : undefined };
  },
  run: async ({ user, ids: [workerId], input, today }) => await recordConversation(user, workerId, input, today),
  revalidate: ({ ids: [workerId], input, result }) => [
    ...refresh(workerId, result.conversationId),
    ...(input.appraisalId ? [`/workers/${workerId}/appraisals`] : []),
  ],
  redirect: ({ ids: [workerId], result }) => `/workers/${workerId}/conversations/${result.conversationId}?saved=recorded`,
});

export const updateConversationAction = defineAction({
  roles: MANAGERS,
  ids: z.tuple([Id, Id]),
  input: ({ today }) => conversationFields(today),
  read: conversationObject,
  run: async ({ user, ids: [workerId, conversationId], input, today }) => await updateConversation(user, workerId, conversationId, input, today),
  revalidate: ({ ids: [workerId, conversationId] }) => refresh(workerId, conversationId),
  redirect: ({ ids: [workerId, conversationId] }) => `/workers/${workerId}/conversations/${conversationId}?saved=updated`,
});

export const addStepAction = defineAction({
  roles: MANAGERS,
  ids: z.tuple([Id, Id]),
  // A step cannot be due before the conversation it was agreed in.
  input: async ({ user, ids: [workerId, conversationId], today }) => {
    const found = await conversationDetail(user, workerId, conversationId);
    if (!found) notFound();
    return stepFields(today, found.conversation.heldOn);
  },
  run: async ({ user, ids: [workerId, conversationId], input }) => await addStep(user, workerId, conversationId, input),
  revalidate: ({ ids: [workerId, conversationId] }) => refresh(workerId, conversationId),
  done: "Step added",
});

/** Done or not done (undo). The worker may tick their own steps; their manager and admins too. */
export const setStepDoneAction = defineAction({
  roles: ["support_worker", "manager", "admin"],
  ids: z.tuple([Id, Id]),
  input: z.object({ done: z.string().optional().transform((v) => v === "1") }),
  run: async ({ user, ids: [workerId, stepId], input }) => await setStepDone(user, workerId, stepId, input.done),
  revalidate: ({ ids: [workerId], result }) => refresh(workerId, result.conversationId),
  done: ({ input }) => ({ ok: true, message: input.done ? "Marked done" : "Marked not done" }),
});

export const stepToPdpGoalAction = defineAction({
  roles: MANAGERS,
  ids: z.tuple([Id, Id]),
  run: async ({ user, ids: [workerId, stepId] }) => await stepToPdpGoal(user, workerId, stepId),
  revalidate: ({ ids: [workerId], result }) => [...refresh(workerId, result.conversationId), `/workers/${workerId}/pdp`],
  done: ({ result }) => ({ ok: true, message: result.created ? "Added to their PDP" : "Already a goal in their PDP" }),
});
