"use server";
// Saves the scorecard's red/amber/green thresholds: administrators only.
import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth";
import { failed, formErrors, type FormState } from "@/lib/forms/state";
import { formObject } from "@/lib/forms/read";
import { thresholdFields } from "@/lib/forms/scorecard";
import { saveScorecardThresholds } from "@/db/queries/scorecard";

export async function saveThresholdsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const admin = await requireRole("admin");
  const input = thresholdFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const result = saveScorecardThresholds(admin, input.data);
  if (!result.ok) return failed(form, result.message);
  revalidatePath("/insights");
  revalidatePath("/admin/scorecard");
  return { ok: true, message: "Thresholds saved" };
}
