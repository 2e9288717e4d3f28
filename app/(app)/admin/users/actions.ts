"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState, type LinkFormState } from "@/lib/forms/state";
import { newUserFields, roleChangeFields } from "@/lib/forms/user";
import { roleWords } from "@/lib/vocabulary";
import { deliverPasswordLink } from "@/lib/password-link-delivery";
import { createUser, changeUserRole, setUserStatus, resetPassword, type LinkChange } from "@/db/queries/users";
import { organisationName } from "@/db/queries/sign-in";

const Id = z.string().min(1).max(64);
const StatusChange = z.object({ status: z.enum(["active", "disabled"], { error: "Choose to disable or re-enable the account" }) });

function refused(form: FormData, result: { message: string; field?: string }): FormState {
  return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
}

async function withLink(result: Extract<LinkChange, { ok: true }>, message: string): Promise<LinkFormState> {
  const link = await deliverPasswordLink({ ...result, organisation: organisationName() });
  return { ok: true, message, link };
}

function refresh(userId?: string) {
  revalidatePath("/admin/users");
  revalidatePath("/admin");
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

export async function addUser(_prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const admin = await requireRole("admin");
  const input = newUserFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const result = createUser(admin, input.data);
  if (!result.ok) return refused(form, result);
  refresh();
  return withLink(result, `Login created for ${result.name}`);
}

export async function changeRole(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(userId);
  const input = roleChangeFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  if (!id.success) return failed(form, "User not found");
  const result = changeUserRole(admin, id.data, input.data.role);
  if (!result.ok) return refused(form, result);
  refresh(id.data);
  return { ok: true, message: `Role changed to ${roleWords.label(input.data.role).toLowerCase()}. They have been signed out and will see the new role when they sign in again.` };
}

export async function changeStatus(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(userId);
  const input = StatusChange.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  if (!id.success) return failed(form, "User not found");
  const result = setUserStatus(admin, id.data, input.data.status);
  if (!result.ok) return refused(form, result);
  refresh(id.data);
  return {
    ok: true,
    message: input.data.status === "disabled" ? "Account disabled. They have been signed out and cannot sign in." : "Account re-enabled. They can sign in again.",
  };
}

export async function newPasswordLink(userId: string, _prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const admin = await requireRole("admin");
  const id = Id.safeParse(userId);
  if (!id.success) return failed(form, "User not found");
  const result = resetPassword(admin, id.data);
  if (!result.ok) return refused(form, result);
  refresh(id.data);
  return withLink(result, result.purpose === "reset" ? "Password reset" : "New set-password link created");
}
