"use server";
// Saving the signed-in support worker's own equality monitoring answers. Nothing from the form says whose they are:
// the data layer finds the worker by the login.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { equalityFields } from "@/lib/forms/equality";
import { saveMyEquality } from "@/db/queries/equality";

export async function saveEqualityAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole("support_worker");
  const clearing = form.get("intent") === "clear";
  const input = clearing
    ? equalityFields.safeParse({})
    : equalityFields.safeParse({ ethnicGroup: form.get("ethnicGroup") ?? undefined, disability: form.get("disability") ?? undefined, sex: form.get("sex") ?? undefined, ageBand: form.get("ageBand") ?? undefined });
  if (!input.success) return formErrors(input.error, form);
  const result = saveMyEquality(user, input.data);
  if (!result.ok) return failed(form, result.message);
  revalidatePath("/me/equality");
  redirect(`/me/equality?saved=${result.outcome}`);
}
