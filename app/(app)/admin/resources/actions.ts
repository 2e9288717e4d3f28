"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { ResourceFields } from "@/lib/forms/resource";
import * as hub from "@/db/queries/resources";

const Id = z.string().min(1).max(64);

function refused(form: FormData, result: Extract<hub.ResourceChange, { ok: false }>): FormState {
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

function refresh() {
  revalidatePath("/admin/resources", "layout");
  revalidatePath("/resources");
}

export async function createResource(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const input = ResourceFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = hub.createResource(admin, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/resources/${result.id}?saved=created`);
}

export async function updateResource(id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const resourceId = Id.safeParse(id);
  if (!resourceId.success) return failed(form, "Resource not found");
  const input = ResourceFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = hub.updateResource(admin, resourceId.data, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/resources/${result.id}?saved=updated`);
}

export async function retireResource(id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const resourceId = Id.safeParse(id);
  if (!resourceId.success) return failed(form, "Resource not found");
  const result = hub.retireResource(admin, resourceId.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/resources/${result.id}?saved=retired`);
}

export async function restoreResource(id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const resourceId = Id.safeParse(id);
  if (!resourceId.success) return failed(form, "Resource not found");
  const result = hub.restoreResource(admin, resourceId.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/resources/${result.id}?saved=restored`);
}
