// The shape every form action returns, and how a zod failure becomes field messages that keep what was typed.
import type { z } from "zod";
import type { DeliveredLink } from "../rules/password-links";

export type FormState = {
  ok?: boolean;
  /** A message for the whole form (a success note, or an error not tied to one field). */
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What the user typed, sent back so nothing is lost. Never includes passwords. */
  values?: Record<string, string>;
  /** Fields sent more than once (a group of checkboxes), by name. */
  lists?: Record<string, string[]>;
};

export const initialFormState: FormState = {};

/** A form whose success hands back a one-time set-password link (shown once, never stored). */
export type LinkFormState = FormState & { link?: DeliveredLink };

// "confirm" is the password typed a second time (setup and set-password forms).
const SECRET_FIELDS = /password|^confirm$/i;

/** The submitted text fields, minus secrets and Next's internal fields. */
export function submittedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || SECRET_FIELDS.test(key)) continue;
    values[key] = value;
  }
  return values;
}

/** Every field as a list of the values sent (checkbox groups send several). */
export function submittedLists(form: FormData): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || SECRET_FIELDS.test(key)) continue;
    (lists[key] ??= []).push(value);
  }
  return lists;
}

/** A failed state that keeps everything the user sent. */
export function failed(form: FormData, message: string, fieldErrors?: Record<string, string>): FormState {
  return { ok: false, message, fieldErrors, values: submittedValues(form), lists: submittedLists(form) };
}

/** The first message for each field, keyed by the field's name. */
export function formErrors(error: z.ZodError, form: FormData, message = "There is a problem"): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  return failed(form, message, fieldErrors);
}
