// The one way a form reads a date: given (or blank, when optional), a real calendar date, and within the bounds the
// field allows, each with its own message. Every form schema in lib/forms uses these, so how dates are typed and
// what a person is told about them changes here alone.
import { z } from "zod";
import { isIsoDate } from "../rules/dates";

/** The example a message gives: the form a date field posts (YYYY-MM-DD). */
export const DATE_EXAMPLE = "2026-03-27";

/** An inclusive limit: a date, or a function giving one when the form is read (for "today" and "a year from now"). */
export type DateBound = { date: string | (() => string); message: string };
export type DateBounds = { from?: DateBound; to?: DateBound };

const sentence = (what: string) => `${what[0]!.toUpperCase()}${what.slice(1)}`;
const boundDate = (b: DateBound) => (typeof b.date === "function" ? b.date() : b.date);

export const realDateMessage = (what: string) => `Enter ${what} as a real date, for example ${DATE_EXAMPLE}`;

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
    .refine((v) => v === "" || isIsoDate(v), realDateMessage(what));
  return bounded<string>(schema, bounds);
}

/** A date that may be left blank (then null). */
export function optionalDate(what: string, bounds: DateBounds = {}) {
  const schema = z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), realDateMessage(what));
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
