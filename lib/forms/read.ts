// Turning FormData into the plain object a zod schema reads: repeated names become arrays, empty strings stay strings.
import { withoutHiddenCharacters } from "../form-text";

/** Fields whose value is taken exactly as typed: a password is compared with its hash, never rewritten. */
const EXACT = /password|^confirm$/i;

/**
 * The form with every typed value stripped of control, bidirectional and zero-width characters (lib/form-text.ts), so
 * no reader of it (the schemas, the custom readers, the state that keeps what was typed) sees them. Files and
 * passwords pass unchanged. Every action reads its form through this (lib/action.ts, the sign-in and setup actions).
 */
export function cleanForm(form: FormData): FormData {
  const out = new FormData();
  for (const [key, value] of form.entries()) {
    out.append(key, typeof value === "string" && !EXACT.test(key) ? withoutHiddenCharacters(value) : value);
  }
  return out;
}


export function formObject(form: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = arrays.includes(key) ? form.getAll(key).filter((v) => typeof v === "string") : form.get(key);
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
