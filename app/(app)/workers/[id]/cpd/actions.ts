"use server";
// The CPD page's forms: add a CPD activity (or record approved training as attended), change or delete one, request
// training, withdraw a request, approve or decline one. The data layer decides who may: a lead is told they only read; anyone else who may not change
// this worker gets 404.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { formObject } from "@/lib/forms/read";
import { todayInLondon } from "@/lib/rules/dates";
import { cpdFields, declineFields, deleteCpdFields, requestFields, withdrawFields } from "@/lib/forms/learning";
import { addCpd, decideRequest, deleteCpd, requestTraining, updateCpd, withdrawRequest, type LearningResult } from "@/db/queries/learning";

function refresh(workerId: string) {
  revalidatePath(`/workers/${workerId}`);
  revalidatePath(`/workers/${workerId}/cpd`);
  revalidatePath("/me");
  revalidatePath("/team");
}

function refused(form: FormData, result: Extract<LearningResult, { ok: false }>): FormState {
  if (result.notFound) notFound();
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

export async function addCpdAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const today = todayInLondon();
  const input = cpdFields(today).safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = addCpd(user, workerId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: input.data.trainingRequestId ? "Training recorded as attended and added to CPD" : "CPD activity added" };
}

/** Saves a change to a CPD entry and goes back to the CPD page, which says so. */
export async function updateCpdAction(workerId: string, cpdId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const today = todayInLondon();
  const input = cpdFields(today).safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = updateCpd(user, workerId, cpdId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(`/workers/${workerId}/cpd?saved=cpd-updated`);
}

export async function deleteCpdAction(workerId: string, cpdId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = deleteCpdFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = deleteCpd(user, workerId, cpdId);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(`/workers/${workerId}/cpd?saved=cpd-deleted`);
}

export async function requestTrainingAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = requestFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = requestTraining(user, workerId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Training requested" };
}

export async function withdrawRequestAction(workerId: string, requestId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = withdrawFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = withdrawRequest(user, workerId, requestId);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Request withdrawn" };
}

export async function approveRequestAction(workerId: string, requestId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = decideRequest(user, workerId, requestId, { status: "approved" });
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Request approved" };
}

export async function declineRequestAction(workerId: string, requestId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = declineFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = decideRequest(user, workerId, requestId, { status: "declined", ...input.data });
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Request declined" };
}
