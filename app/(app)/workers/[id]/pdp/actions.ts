"use server";
// The PDP plan's server actions: start, agree, review, close. Goal actions are in ./goals/actions.ts.
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { requireRole, requireUser } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { todayInLondon } from "@/lib/rules/dates";
import { agreePdpFields, closePdpFields, pdpReviewFields, startPdpFields } from "@/lib/forms/pdp";
import { agreePdp, closePdp, recordPdpReview, startPdp, type PdpChangeResult } from "@/db/queries/pdps";

function refused(form: FormData, result: Extract<PdpChangeResult, { ok: false }>): FormState {
  if (result.notFound) notFound();
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

function refresh(workerId: string) {
  revalidatePath(`/workers/${workerId}/pdp`);
  revalidatePath(`/workers/${workerId}`);
  revalidatePath("/team");
  revalidatePath("/me");
}

export async function startPdpAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const input = startPdpFields(todayInLondon()).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = startPdp(user, workerId, input.data);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(`/workers/${workerId}/pdp?saved=started`);
}

export async function agreePdpAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const input = agreePdpFields.safeParse(Object.fromEntries(form));
  if (!input.success) notFound();
  const result = agreePdp(user, workerId, input.data.pdpId, input.data.version);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(`/workers/${workerId}/pdp?saved=${result.message.startsWith("You have already") ? "already-agreed" : "agreed"}`);
}

export async function recordPdpReviewAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const today = todayInLondon();
  const input = pdpReviewFields(today).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const { pdpId, ...review } = input.data;
  const result = recordPdpReview(user, workerId, pdpId, review, today);
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(`/workers/${workerId}/pdp?saved=reviewed`);
}

export async function closePdpAction(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const input = closePdpFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = closePdp(user, workerId, input.data.pdpId, { carryOver: input.data.carryOver });
  if (!result.ok) return refused(form, result);
  refresh(workerId);
  redirect(`/workers/${workerId}/pdp?saved=${result.nextPdpId ? "closed-carried" : "closed"}`);
}
