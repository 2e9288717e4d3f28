"use server";
// The supervision page's forms: record a session, delegate a task, mark a task reviewed, end a delegation.
// The data layer decides who may: a lead is told they only read; anyone else who may not change this worker gets 404.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { formObject } from "@/lib/forms/read";
import { todayInLondon } from "@/lib/rules/dates";
import { delegationFields, endFields, reviewFields, sessionFields } from "@/lib/forms/supervision";
import { delegateTask, endTask, recordSession, reviewTask, type SupervisionResult } from "@/db/queries/supervision";

function refresh(workerId: string) {
  revalidatePath(`/workers/${workerId}`);
  revalidatePath(`/workers/${workerId}/supervision`);
  revalidatePath("/team");
}

function refused(form: FormData, result: Extract<SupervisionResult, { ok: false }>): FormState {
  if (result.notFound) notFound();
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

export async function recordSessionAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const today = todayInLondon();
  const input = sessionFields(today).safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = recordSession(user, workerId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Supervision session recorded" };
}

export async function delegateTaskAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const today = todayInLondon();
  const input = delegationFields(today).safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = delegateTask(user, workerId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Delegated task recorded" };
}

export async function reviewTaskAction(workerId: string, taskId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const today = todayInLondon();
  const input = reviewFields(today).safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = reviewTask(user, workerId, taskId, input.data.reviewOn, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Review recorded" };
}

export async function endTaskAction(workerId: string, taskId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = endFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = endTask(user, workerId, taskId, input.data.reason);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Delegation ended" };
}
