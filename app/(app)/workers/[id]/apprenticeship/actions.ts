"use server";
// The apprenticeship page's forms. Each opens the same way: the signed-in user, the form checked by its schema, the
// data layer (which decides who may: a lead is told they only read; anyone else who may not gets 404), then the pages
// that show apprenticeships are refreshed.
import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { formObject } from "@/lib/forms/read";
import { epaFields, gatewayFields, otjFields, positionFields, reviewFields, startFields, statusFields } from "@/lib/forms/apprenticeship";
import { apprenticeshipStatusWords, epaResultWords } from "@/lib/vocabulary";
import { isPassingResult } from "@/lib/rules/apprenticeship-tracking";
import {
  changeApprenticeshipStatus,
  deleteOtjLog,
  logOtj,
  recordEpaResult,
  recordProgressionPosition,
  recordReview,
  startApprenticeship,
  tickGateway,
  untickGateway,
  type ApprenticeshipResult,
} from "@/db/queries/apprenticeships";

function refresh(workerId: string) {
  revalidatePath(`/workers/${workerId}`);
  revalidatePath(`/workers/${workerId}/apprenticeship`);
  revalidatePath("/apprenticeships");
  revalidatePath("/me");
  revalidatePath("/team");
}

function refused(form: FormData, result: Extract<ApprenticeshipResult, { ok: false }>): FormState {
  if (result.notFound) notFound();
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

export async function startApprenticeshipAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = startFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = startApprenticeship(user, workerId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: input.data.started === "planned" ? "Apprenticeship planned" : "Apprenticeship started" };
}

export async function changeStatusAction(workerId: string, apprenticeshipId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = statusFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = changeApprenticeshipStatus(user, workerId, apprenticeshipId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: `Status changed to ${apprenticeshipStatusWords.label(input.data.to).toLowerCase()}` };
}

export async function logOtjAction(workerId: string, apprenticeshipId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = otjFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = logOtj(user, workerId, apprenticeshipId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: `${input.data.hours} ${input.data.hours === 1 ? "hour" : "hours"} of off-the-job training logged` };
}

export async function deleteOtjLogAction(workerId: string, logId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = deleteOtjLog(user, workerId, logId);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Entry removed" };
}

export async function recordReviewAction(workerId: string, apprenticeshipId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = reviewFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = recordReview(user, workerId, apprenticeshipId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Progress review recorded" };
}

export async function tickGatewayAction(workerId: string, apprenticeshipId: string, requirementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = gatewayFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = tickGateway(user, workerId, apprenticeshipId, requirementId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Requirement ticked" };
}

export async function untickGatewayAction(workerId: string, apprenticeshipId: string, requirementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const result = untickGateway(user, workerId, apprenticeshipId, requirementId);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "Tick removed" };
}

export async function recordEpaAction(workerId: string, apprenticeshipId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = epaFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = recordEpaResult(user, workerId, apprenticeshipId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return {
    ok: true,
    message: isPassingResult(input.data.result)
      ? `Apprenticeship completed: ${epaResultWords.label(input.data.result).toLowerCase()}`
      : "Fail recorded; the apprenticeship stays in end-point assessment for a resit",
  };
}

export async function recordPositionAction(workerId: string, apprenticeshipId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = positionFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = recordProgressionPosition(user, workerId, apprenticeshipId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  return { ok: true, message: "New position recorded on the worker's history" };
}
