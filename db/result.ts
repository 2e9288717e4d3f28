// The one answer every data-layer change gives: done (with what the page needs next) or refused, with a code saying why.
// The action pipeline (lib/action.ts) turns `not_found` into a 404 and any other refusal into a message on the form.

export type RefusalCode =
  /** The record is missing, or the acting user may not see it. */
  | "not_found"
  /** The record may be seen but not changed: locked, closed, signed, ended, or the user only reads it. */
  | "read_only"
  /** What was sent does not pass a rule (a field's value, or a step that is not possible yet). */
  | "invalid"
  /** Already done, changed since it was read, or a duplicate. */
  | "conflict";

export type Refusal = {
  ok: false;
  code: RefusalCode;
  message: string;
  /** The form field the message belongs to. */
  field?: string;
  /** Several fields at once (an appraisal not ready for sign-off). */
  fieldErrors?: Record<string, string>;
};

/** `{ ok: true, ...T }` or a refusal. */
export type Result<T extends object = object> = ({ ok: true } & T) | Refusal;

export const notFound = (message: string): Refusal => ({ ok: false, code: "not_found", message });
export const readOnly = (message: string): Refusal => ({ ok: false, code: "read_only", message });
export const invalid = (message: string, field?: string): Refusal => ({ ok: false, code: "invalid", message, field });
export const conflict = (message: string, field?: string): Refusal => ({ ok: false, code: "conflict", message, field });
