"use server";
// The PDP goal pages' server actions: each checks who is asking, validates, lets the data layer decide access, then
// refreshes the worker's PDP pages and returns to the goal with a confirmation.
import { notFound } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { Id } from "@/lib/forms/ids";
import { failed } from "@/lib/forms/state";
import { actionFields, barrierFields, goalFields, goalStatusFields, noteFields, GOAL_LIST_FIELDS } from "@/lib/forms/pdp-goal";
import { addAction, addNote, agreeGoal, completeAction, createGoal, goalFormOptions, recordBarrier, setGoalStatus, updateGoal } from "@/db/queries/pdp-goals";

const refresh = ({ ids: [workerId] }: { ids: readonly [string, ...string[]] }) => [
  { path: `/workers/${workerId}/pdp`, type: "layout" as const },
  `/workers/${workerId}`,
  "/team",
  "/me",
];

const goalPath = (workerId: string, goalId: string, saved: string) => `/workers/${workerId}/pdp/goals/${goalId}?saved=${saved}`;

// The worker proposes goals and adds their own actions, notes and barriers; the manager agrees and runs them; an
// admin acts as a manager; the data layer tells a lead they only read, and a worker what only their manager does.
const ANYONE_WHO_SEES_IT = ["support_worker", "manager", "admin", "lead"] as const;

const WorkerGoal = z.tuple([Id, Id]);

export const createGoalAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: z.tuple([Id]),
  input: async ({ user, ids: [workerId], today }) => {
    const options = await goalFormOptions(user, workerId);
    if (!options) notFound();
    return goalFields(options.currentPdp?.periodStart ?? today);
  },
  lists: GOAL_LIST_FIELDS,
  run: async ({ user, ids: [workerId], input, today }) => await createGoal(user, workerId, input, today),
  revalidate: refresh,
  redirect: ({ user, ids: [workerId], result }) => goalPath(workerId, result.goalId, user.role === "support_worker" ? "proposed" : "created"),
});

export const updateGoalAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerGoal,
  input: async ({ user, ids: [workerId] }) => {
    const options = await goalFormOptions(user, workerId);
    if (!options) notFound();
    // The data layer checks the target against the goal's own PDP; this catches the usual case with a field message.
    return goalFields(options.currentPdp?.periodStart ?? "0000-01-01");
  },
  lists: GOAL_LIST_FIELDS,
  run: async ({ user, ids: [workerId, goalId], input }) => await updateGoal(user, workerId, goalId, input),
  revalidate: refresh,
  redirect: ({ ids: [workerId, goalId] }) => goalPath(workerId, goalId, "updated"),
});

export const agreeGoalAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerGoal,
  run: async ({ user, ids: [workerId, goalId] }) => await agreeGoal(user, workerId, goalId),
  revalidate: refresh,
  redirect: ({ ids: [workerId, goalId] }) => goalPath(workerId, goalId, "agreed"),
});

export const setGoalStatusAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerGoal,
  input: goalStatusFields,
  run: async ({ user, ids: [workerId, goalId], input }) => await setGoalStatus(user, workerId, goalId, input),
  revalidate: refresh,
  redirect: ({ ids: [workerId, goalId] }) => goalPath(workerId, goalId, "status"),
});

export const addActionToGoalAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerGoal,
  input: actionFields,
  run: async ({ user, ids: [workerId, goalId], input }) => await addAction(user, workerId, goalId, input),
  revalidate: refresh,
  redirect: ({ ids: [workerId, goalId] }) => goalPath(workerId, goalId, "action"),
});

const ActionDone = z.object({ actionId: Id, done: z.enum(["1", "0"]) });

export const markGoalActionDoneAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: z.tuple([Id]),
  input: ActionDone,
  invalid: (form) => failed(form, "Choose an action to mark"),
  run: async ({ user, ids: [workerId], input, today }) => await completeAction(user, workerId, input.actionId, input.done === "1", today),
  revalidate: refresh,
  redirect: ({ ids: [workerId], input, result }) => goalPath(workerId, result.goalId, input.done === "1" ? "action_done" : "action_undone"),
});

export const addGoalNoteAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerGoal,
  input: noteFields,
  run: async ({ user, ids: [workerId, goalId], input }) => await addNote(user, workerId, goalId, input),
  revalidate: refresh,
  redirect: ({ ids: [workerId, goalId], input }) => goalPath(workerId, goalId, input.kind === "reflection" ? "reflection" : "note"),
});

export const recordBarrierAction = defineAction({
  roles: ANYONE_WHO_SEES_IT,
  ids: WorkerGoal,
  input: barrierFields,
  run: async ({ user, ids: [workerId, goalId], input, today }) => await recordBarrier(user, workerId, goalId, input, today),
  revalidate: refresh,
  redirect: ({ ids: [workerId, goalId] }) => goalPath(workerId, goalId, "barrier"),
});
