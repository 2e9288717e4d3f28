"use server";
// The PDP goal pages' server actions: each checks who is asking, validates, lets the data layer decide access, then
// refreshes the worker's PDP pages and returns to the goal with a confirmation.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { formObject } from "@/lib/forms/read";
import { todayInLondon } from "@/lib/rules/dates";
import { actionFields, barrierFields, goalFields, goalStatusFields, noteFields, GOAL_LIST_FIELDS } from "@/lib/forms/pdp-goal";
import {
  addAction,
  addNote,
  agreeGoal,
  completeAction,
  createGoal,
  goalFormOptions,
  recordBarrier,
  setGoalStatus,
  updateGoal,
  type GoalResult,
} from "@/db/queries/pdp-goals";

function refresh(workerId: string) {
  revalidatePath(`/workers/${workerId}/pdp`, "layout");
  revalidatePath(`/workers/${workerId}`);
  revalidatePath("/team");
  revalidatePath("/me");
}

const goalPath = (workerId: string, goalId: string, saved: string) => `/workers/${workerId}/pdp/goals/${goalId}?saved=${saved}`;

function refused(form: FormData, result: Extract<GoalResult, { ok: false }>): FormState {
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

export async function saveNewGoal(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const today = todayInLondon();
  const options = goalFormOptions(user, workerId);
  if (!options) notFound();
  const input = goalFields(options.currentPdp?.periodStart ?? today).safeParse(formObject(form, GOAL_LIST_FIELDS));
  if (!input.success) return formErrors(input.error, form);
  const result = createGoal(user, workerId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(goalPath(workerId, result.goalId, user.role === "support_worker" ? "proposed" : "created"));
}

export async function saveGoal(workerId: string, goalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const options = goalFormOptions(user, workerId);
  if (!options) notFound();
  // The data layer checks the target against the goal's own PDP; this catches the usual case with a field message.
  const input = goalFields(options.currentPdp?.periodStart ?? "0000-01-01").safeParse(formObject(form, GOAL_LIST_FIELDS));
  if (!input.success) return formErrors(input.error, form);
  const result = updateGoal(user, workerId, goalId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(goalPath(workerId, goalId, "updated"));
}

export async function agreeProposedGoal(workerId: string, goalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = agreeGoal(user, workerId, goalId);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(goalPath(workerId, goalId, "agreed"));
}

export async function changeGoalStatus(workerId: string, goalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = goalStatusFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = setGoalStatus(user, workerId, goalId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(goalPath(workerId, goalId, "status"));
}

export async function saveAction(workerId: string, goalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = actionFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = addAction(user, workerId, goalId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(goalPath(workerId, goalId, "action"));
}

const ActionDone = z.object({ actionId: z.string().trim().min(1).max(64), done: z.enum(["1", "0"]) });

export async function markAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = ActionDone.safeParse(formObject(form));
  if (!input.success) return failed(form, "Choose an action to mark");
  const done = input.data.done === "1";
  const result = completeAction(user, workerId, input.data.actionId, done, todayInLondon());
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(goalPath(workerId, result.goalId, done ? "action_done" : "action_undone"));
}

export async function saveNote(workerId: string, goalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = noteFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = addNote(user, workerId, goalId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(goalPath(workerId, goalId, input.data.kind === "reflection" ? "reflection" : "note"));
}

export async function saveBarrier(workerId: string, goalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = barrierFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = recordBarrier(user, workerId, goalId, input.data, todayInLondon());
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(goalPath(workerId, goalId, "barrier"));
}
