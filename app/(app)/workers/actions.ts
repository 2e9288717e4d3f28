"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { todayInLondon } from "@/lib/rules/dates";
import { workerFields, workerEditFields, leavingFields } from "@/lib/forms/worker";
import { createWorker, updateWorker, recordLeaving } from "@/db/queries/worker-changes";

export async function addWorker(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const input = workerFields(todayInLondon()).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = createWorker(user, input.data);
  if (!result.ok) return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
  revalidatePath("/workers");
  revalidatePath("/team");
  redirect(`/workers/${result.workerId}?saved=created`);
}

export async function saveWorker(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const input = workerEditFields(todayInLondon()).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = updateWorker(user, workerId, input.data);
  if (!result.ok) return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
  revalidatePath("/workers");
  revalidatePath(`/workers/${workerId}`);
  revalidatePath("/team");
  redirect(`/workers/${workerId}?saved=updated`);
}

export async function markLeaving(workerId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("manager", "admin");
  const input = leavingFields(todayInLondon()).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = recordLeaving(user, workerId, input.data);
  if (!result.ok) return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
  revalidatePath("/workers");
  revalidatePath(`/workers/${workerId}`);
  revalidatePath("/team");
  redirect(`/workers/${workerId}?saved=left`);
}
