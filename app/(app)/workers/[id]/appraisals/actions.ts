"use server";
// The appraisal's server actions: each says who may act, validates, and leaves access and the lifecycle to db/.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole, requireUser } from "@/lib/auth";
import { failed, formErrors, submittedValues, type FormState } from "@/lib/forms/state";
import {
  appraisalFields,
  appraisalFormObject,
  objectiveRowCount,
  reasonFields,
  scheduleFields,
  signOffFields,
} from "@/lib/forms/appraisal";
import * as appraisals from "@/db/queries/appraisals";

type Result = ReturnType<typeof appraisals.scheduleAppraisal>;

function refused(form: FormData, result: Extract<Result, { ok: false }>): FormState {
  const fieldErrors = result.fieldErrors ?? (result.field ? { [result.field]: result.message } : undefined);
  return failed(form, result.message, fieldErrors);
}

function refresh(workerId: string, appraisalId?: string) {
  revalidatePath(`/workers/${workerId}/appraisals`);
  if (appraisalId) revalidatePath(`/workers/${workerId}/appraisals/${appraisalId}`);
  revalidatePath(`/workers/${workerId}`);
  revalidatePath("/team");
  revalidatePath("/me");
}

const pagePath = (workerId: string, appraisalId: string, done: string) => `/workers/${workerId}/appraisals/${appraisalId}?done=${done}`;

export async function scheduleAppraisalAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const input = scheduleFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = appraisals.scheduleAppraisal(user, workerId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(pagePath(workerId, result.appraisalId, "scheduled"));
}

export async function startAppraisalAction(workerId: string, appraisalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const result = appraisals.startAppraisal(user, workerId, appraisalId);
  if (!result.ok) return refused(form, result);
  refresh(workerId, appraisalId);
  redirect(pagePath(workerId, appraisalId, "started"));
}

/**
 * The manager's form. Three buttons: save; add another objective row (nothing saved: the form comes back with what
 * was typed and one more row); save and send for sign-off.
 */
export async function saveAppraisalAction(workerId: string, appraisalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const intent = String(form.get("intent") ?? "save");
  if (intent === "add_objective") {
    const values = submittedValues(form);
    delete values.intent;
    values[`objectives.${objectiveRowCount(values)}.title`] = "";
    return { ok: true, message: "A new objective row was added at the end of the list", values };
  }
  const input = appraisalFields.safeParse(appraisalFormObject(form));
  if (!input.success) return formErrors(input.error, form);
  const saved = appraisals.saveAppraisal(user, workerId, appraisalId, input.data);
  if (!saved.ok) return refused(form, saved);
  refresh(workerId, appraisalId);
  if (intent === "send") {
    const sent = appraisals.sendForSignOff(user, workerId, appraisalId);
    if (!sent.ok) return { ...refused(form, sent), message: `Your changes were saved, but ${sent.message.toLowerCase()}` };
    redirect(pagePath(workerId, appraisalId, "sent"));
  }
  return { ok: true, message: "Appraisal saved" };
}

export async function objectivesToPdpAction(workerId: string, appraisalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const result = appraisals.objectivesToPdp(user, workerId, appraisalId);
  if (!result.ok) return refused(form, result);
  refresh(workerId, appraisalId);
  revalidatePath(`/workers/${workerId}/pdp`);
  // A redirect rather than a message in the form: once every objective is a goal, the button (and its form) goes.
  redirect(`${pagePath(workerId, appraisalId, "pdp")}&added=${result.added ?? 0}`);
}

export async function signOffAction(workerId: string, appraisalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = signOffFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = appraisals.signOff(user, workerId, appraisalId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId, appraisalId);
  redirect(pagePath(workerId, appraisalId, "signed"));
}

export async function returnToManagerAction(workerId: string, appraisalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = reasonFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = appraisals.returnToManager(user, workerId, appraisalId, input.data.reason);
  if (!result.ok) return refused(form, result);
  refresh(workerId, appraisalId);
  redirect(pagePath(workerId, appraisalId, "returned"));
}

export async function reopenAppraisalAction(workerId: string, appraisalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const input = reasonFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = appraisals.reopenAppraisal(user, workerId, appraisalId, input.data.reason);
  if (!result.ok) return refused(form, result);
  refresh(workerId, appraisalId);
  redirect(pagePath(workerId, appraisalId, "reopened"));
}

export async function cancelAppraisalAction(workerId: string, appraisalId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const input = reasonFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = appraisals.cancelAppraisal(user, workerId, appraisalId, input.data.reason);
  if (!result.ok) return refused(form, result);
  refresh(workerId, appraisalId);
  redirect(pagePath(workerId, appraisalId, "cancelled"));
}
