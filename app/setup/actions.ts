"use server";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { hashPassword } from "@/lib/passwords";
import { createFirstAdmin } from "@/db/queries/setup";
import { needsFirstAdmin } from "@/db/queries/sign-in";
import { formErrors, submittedValues, type FormState } from "@/lib/forms/state";
import { cleanForm, formObject } from "@/lib/forms/read";
import { setupFields } from "@/lib/forms/sign-in";

/** Open only while no user exists: whoever sets up the first admin account owns the installation. */
export async function setUpFirstAdmin(_prev: FormState, typed: FormData): Promise<FormState> {
  const form = cleanForm(typed);
  if (!await needsFirstAdmin()) redirect("/login");
  const input = setupFields.safeParse(formObject(form));
  if (!input.success) return formErrors(input.error, form);
  const { organisation, name, email, password } = input.data;
  const created = await createFirstAdmin({ organisation, name, email, passwordHash: await hashPassword(password) });
  if (!created.ok) return { ok: false, message: "Pathways has already been set up. Sign in instead.", values: submittedValues(form) };
  await signIn("credentials", { email, password, redirectTo: "/admin" });
  return {};
}
