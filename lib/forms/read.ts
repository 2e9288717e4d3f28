// Turning FormData into the plain object a zod schema reads: repeated names become arrays, empty strings stay strings.
import { withoutHiddenCharacters } from "../form-text";
import { DATE_PARTS, joinParts, partName } from "./date-parts";

/** Fields whose value is taken exactly as typed: a password is compared with its hash, never rewritten. */
const EXACT = /password|^confirm$/i;

/**
 * The form with every typed value stripped of control, bidirectional and zero-width characters (lib/form-text.ts), so
 * no reader of it (the schemas, the custom readers, the state that keeps what was typed) sees them, and with each date
 * typed as day, month and year also under its own name (see `withDatesJoined`). Files and passwords pass unchanged.
 * Every action reads its form through this (lib/action.ts, the sign-in and setup actions).
 */
export function cleanForm(form: FormData): FormData {
  const out = new FormData();
  for (const [key, value] of form.entries()) {
    out.append(key, typeof value === "string" && !EXACT.test(key) ? withoutHiddenCharacters(value) : value);
  }
  return withDatesJoined(out);
}

const DAY_SUFFIX = `-${DATE_PARTS[0]}`;
const texts = (form: FormData, key: string) => form.getAll(key).map((v) => (typeof v === "string" ? v : ""));

/**
 * A date field (components/forms/date-field.tsx) sends `name-day`, `name-month` and `name-year`; this adds `name` with
 * the one value the date schemas read (lib/forms/date-parts.ts `joinParts`), so every reader and schema sees a date
 * under its own name as before. The parts stay, so a form sent back after an error shows exactly what was typed. A
 * name sent more than once (a date in each row of a table) is joined row by row.
 */
export function withDatesJoined(form: FormData): FormData {
  const names = [...new Set(form.keys())]
    .filter((key) => key.endsWith(DAY_SUFFIX))
    .map((key) => key.slice(0, -DAY_SUFFIX.length))
    .filter((name) => form.has(partName(name, "month")) && form.has(partName(name, "year")));
  for (const name of names) {
    const [days, months, years] = DATE_PARTS.map((part) => texts(form, partName(name, part)));
    const rows = Math.max(days!.length, months!.length, years!.length);
    form.delete(name);
    for (let i = 0; i < rows; i++) form.append(name, joinParts({ day: days![i] ?? "", month: months![i] ?? "", year: years![i] ?? "" }));
  }
  return form;
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
