// The one way a form reads a date: given (or blank, when optional), a real calendar date, and within the bounds the
// field allows, each with its own message. Every form schema in lib/forms uses these, so how dates are typed and
// what a person is told about them changes here alone. A date field sends day, month and year (lib/forms/date-parts.ts);
// reading the form joins them into one value (lib/forms/read.ts), which these check.
import { z } from "zod";
import { isIsoDate } from "../rules/dates";
import { DATE_EXAMPLE, readDateValue, type DatePart } from "./date-parts";

export { DATE_EXAMPLE };

/** An inclusive limit: a date, or a function giving one when the form is read (for "today" and "a year from now"). */
export type DateBound = { date: string | (() => string); message: string };
export type DateBounds = { from?: DateBound; to?: DateBound };

const sentence = (what: string) => `${what[0]!.toUpperCase()}${what.slice(1)}`;
const boundDate = (b: DateBound) => (typeof b.date === "function" ? b.date() : b.date);

export const realDateMessage = (what: string) => `${sentence(what)} must be a real date`;

const partWords = (missing: DatePart[]) => `a ${missing.join(" and ")}`;

/**
 * What is wrong with a date field's value, in words (the GOV.UK date input's messages): undefined for a real date or a
 * blank (whether blank is allowed is the schema's business).
 */
export function dateProblem(value: string, what: string): string | undefined {
  const reading = readDateValue(value);
  switch (reading.kind) {
    case "blank":
    case "date":
      return undefined;
    case "incomplete":
      return `${sentence(what)} must include ${partWords(reading.missing)}`;
    case "short_year":
      return `${sentence(what)} must have a year with 4 numbers, for example ${DATE_EXAMPLE}`;
    case "not_real":
      return realDateMessage(what);
  }
}

const checkDate = (what: string) => (v: string | null, ctx: z.RefinementCtx) => {
  const problem = v === null ? undefined : dateProblem(v, what);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
};

/** A date that passed `checkDate` as the ISO date it reads as (runs only when it passed). */
function asIso<T extends string | null>(v: T): T {
  if (v === null) return v;
  const reading = readDateValue(v);
  return (reading.kind === "date" ? reading.iso : v) as T;
}

/** The common floors, with their messages. */
export const after = (year: number, what: string): DateBound => ({ date: `${year}-01-01`, message: `${sentence(what)} must be after ${year}` });

function bounded<T extends string | null>(schema: z.ZodType<T>, bounds: DateBounds) {
  const real = (v: T): v is T & string => v !== null && isIsoDate(v);
  let out = schema;
  const { from, to } = bounds;
  // Each check speaks about one case, so a value is told one thing: missing, not real, or out of range. None aborts,
  // so a form's own cross-field refinements still run and every problem is reported at once.
  if (from) out = out.refine((v) => !real(v) || v >= boundDate(from), from.message);
  if (to) out = out.refine((v) => !real(v) || v <= boundDate(to), to.message);
  return out;
}

/** A date that must be given. */
export function requiredDate(what: string, bounds: DateBounds = {}) {
  const schema = z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .superRefine(checkDate(what))
    .transform(asIso);
  return bounded<string>(schema, bounds);
}

/** A date that may be left blank (then null). */
export function optionalDate(what: string, bounds: DateBounds = {}) {
  const schema = z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .superRefine(checkDate(what))
    .transform(asIso);
  return bounded<string | null>(schema, bounds);
}

/** A date that must be given, after 1950 and no later than `latest` (a past event, or a plan a little ahead). */
export const calendarDate = (what: string, latest: () => string, latestMessage: string) =>
  requiredDate(what, { from: after(1950, what), to: { date: latest, message: latestMessage } });

/** A raw form value as a date when it is a real one (for refinements that compare two fields). */
export const realDate = (v: unknown): string | undefined => {
  const s = typeof v === "string" ? v.trim() : undefined;
  return s && isIsoDate(s) ? s : undefined;
};
