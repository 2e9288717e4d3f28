"use server";
import { z } from "zod";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/passwords";
import { createFirstAdmin } from "@/db/queries/setup";
import { needsFirstAdmin } from "@/db/queries/sign-in";
import { formErrors, submittedValues, type FormState } from "@/lib/forms";

const SetupInput = z
  .object({
    organisation: z.string().trim().min(2, "Enter your organisation's name").max(160, "Organisation name must be 160 characters or fewer"),
    name: z.string().trim().min(1, "Enter your full name").max(120, "Name must be 120 characters or fewer"),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter your email address")
      .max(254, "Email address must be 254 characters or fewer")
      .email("Enter an email address in the correct format, like name@nhs.net"),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "Password must be 200 characters or fewer"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match" });

/** Open only while no user exists: whoever sets up the first admin account owns the installation. */
export async function setUpFirstAdmin(_prev: FormState, form: FormData): Promise<FormState> {
  if (!needsFirstAdmin()) redirect("/login");
  const input = SetupInput.safeParse(Object.fromEntries(form));
  if (!input.success) return formErrors(input.error, form);
  const { organisation, name, email, password } = input.data;
  const created = createFirstAdmin({ organisation, name, email, passwordHash: await hashPassword(password) });
  if (!created.ok) return { ok: false, message: "Pathways has already been set up. Sign in instead.", values: submittedValues(form) };
  await signIn("credentials", { email, password, redirectTo: "/admin" });
  return {};
}
