// The shape every form action returns, and how a zod failure becomes field messages that keep what was typed.
import type { z } from "zod";

export type FormState = {
  ok?: boolean;
  /** A message for the whole form (a success note, or an error not tied to one field). */
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, sent back so nothing is lost. Never includes passwords. */
  values?: Record<string, string>;
};

export const initialFormState: FormState = {};

const SECRET_FIELDS = /password/i;

/** The submitted text fields, minus secrets and Next's internal fields. */
export function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || SECRET_FIELDS.test(key)) continue;
    values[key] = value;
  }
  return values;
}

/** The first message for each field, keyed by the field's name. */
export function formErrors(error: z.ZodError, form: FormData, message = "There is a problem"): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, message, fieldErrors, values: submittedValues(form) };
}
