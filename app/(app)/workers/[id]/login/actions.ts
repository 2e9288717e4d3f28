"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type LinkFormState } from "@/lib/forms/state";
import { workerLoginFields } from "@/lib/forms/user";
import { deliverPasswordLink } from "@/lib/password-link-delivery";
import { giveWorkerLogin, reissueWorkerLink, type LinkChange } from "@/db/queries/users";
import { organisationName } from "@/db/queries/sign-in";

const Id = z.string().min(1).max(64);

async function outcome(form: FormData, workerId: string, result: LinkChange, message: string): Promise<LinkFormState> {
  if (!result.ok) return failed(form, result.message, result.field ? { [result.field]: result.message } : undefined);
  revalidatePath(`/workers/${workerId}`);
  revalidatePath("/admin/users");
  const link = await deliverPasswordLink({ ...result, organisation: organisationName() });
  return { ok: true, message, link };
}

/** A manager (for a support worker they manage) or an administrator gives the worker their own login. */
export async function createWorkerLogin(workerId: string, _prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const user = await requireRole("manager", "admin");
  const id = Id.safeParse(workerId);
  const input = workerLoginFields.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  if (!id.success) return failed(form, "Worker not found");
  const result = giveWorkerLogin(user, id.data, input.data);
  return outcome(form, id.data, result, result.ok ? `Login created for ${result.name}` : "");
}

/** A fresh link for a login that has never been used (the first link expired or was lost). */
export async function renewWorkerLink(workerId: string, _prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const user = await requireRole("manager", "admin");
  const id = Id.safeParse(workerId);
  if (!id.success) return failed(form, "Worker not found");
  const result = reissueWorkerLink(user, id.data);
  return outcome(form, id.data, result, "New set-password link created");
}
