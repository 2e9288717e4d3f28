"use server";
// The forms on a competency statement's page: the worker's self-assessment, evidence, the manager's sign-off and
// reopening. The data layer decides who may: a lead is told they only read; anyone who may not see the worker gets 404.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { formObject } from "@/lib/forms/read";
import { todayInLondon } from "@/lib/rules/dates";
import { evidenceFields, reopenFields, selfAssessmentFields, signOffFields } from "@/lib/forms/competency";
import { addEvidence, reopen, selfAssess, signOff, type CompetencyResult } from "@/db/queries/competencies";

function refresh(workerId: string, statementId: string) {
  revalidatePath(`/workers/${workerId}`);
  revalidatePath(`/workers/${workerId}/competencies`);
  revalidatePath(`/workers/${workerId}/competencies/${statementId}`);
  revalidatePath("/me");
  revalidatePath("/team");
}

function refused(form: FormData, result: Extract<CompetencyResult, { ok: false }>): FormState {
  if (result.notFound) notFound();
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

export async function selfAssessAction(workerId: string, statementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = selfAssessmentFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = selfAssess(user, workerId, statementId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId, result.statementId);
  return { ok: true, message: "Self-assessment saved" };
}

export async function addEvidenceAction(workerId: string, statementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const today = todayInLondon();
  const input = evidenceFields(today).safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = addEvidence(user, workerId, statementId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId, result.statementId);
  return { ok: true, message: "Evidence added" };
}

export async function signOffAction(workerId: string, statementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const today = todayInLondon();
  const input = signOffFields(today).safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = signOff(user, workerId, statementId, input.data, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId, result.statementId);
  redirect(`/workers/${workerId}/competencies/${result.statementId}?saved=signed_off`);
}

export async function reopenAction(workerId: string, statementId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = reopenFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = reopen(user, workerId, statementId, input.data.reason);
  if (!result.ok) return refused(form, result);
  refresh(workerId, result.statementId);
  redirect(`/workers/${workerId}/competencies/${result.statementId}?saved=reopened`);
}
