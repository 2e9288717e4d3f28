"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { isReferenceKind, referenceEditFields, referenceNewFields } from "@/lib/forms/reference";
import {
  addReferenceValue,
  updateReferenceValue,
  retireReferenceValue,
  restoreReferenceValue,
  type ReferenceChange,
} from "@/db/queries/reference-changes";

const Id = z.string().min(1).max(64);

function refused(form: FormData, result: Extract<ReferenceChange, { ok: false }>): FormState {
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

function refresh() {
  revalidatePath("/admin/reference", "layout");
  // Every form and filter that offers these lists.
  revalidatePath("/workers", "layout");
  revalidatePath("/teams", "layout");
}

export async function addValue(kind: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  if (!isReferenceKind(kind)) return failed(form, "There is no such list");
  const input = referenceNewFields(kind).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = addReferenceValue(admin, kind, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/reference/${kind}/${result.id}?saved=created`);
}

export async function saveValue(kind: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const valueId = Id.safeParse(id);
  if (!isReferenceKind(kind) || !valueId.success) return failed(form, "Not found");
  const input = referenceEditFields(kind).safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = updateReferenceValue(admin, kind, valueId.data, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/reference/${kind}/${result.id}?saved=updated`);
}

export async function retireValue(kind: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const valueId = Id.safeParse(id);
  if (!isReferenceKind(kind) || !valueId.success) return failed(form, "Not found");
  const result = retireReferenceValue(admin, kind, valueId.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/reference/${kind}/${result.id}?saved=retired`);
}

export async function restoreValue(kind: string, id: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const valueId = Id.safeParse(id);
  if (!isReferenceKind(kind) || !valueId.success) return failed(form, "Not found");
  const result = restoreReferenceValue(admin, kind, valueId.data);
  if (!result.ok) return refused(form, result);
  refresh();
  redirect(`/admin/reference/${kind}/${result.id}?saved=restored`);
}
