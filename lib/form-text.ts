// The text fields most forms share: required text with a length limit, and optional text that reads as "" when empty.
import { z } from "zod";

export const requiredText = (what: string, max: number, missing = `Enter ${what}`) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);

export const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v ?? "");

/** The one email rule: trimmed, lower-cased (logins are matched that way), at most 254 characters. */
export const emailAddress = (missing = "Enter an email address") =>
  z
    .string({ error: missing })
    .trim()
    .toLowerCase()
    .min(1, missing)
    .max(254, "Email address must be 254 characters or fewer")
    .email("Enter an email address in the correct format, like name@nhs.net");

/**
 * Characters nobody types on purpose and that can hide or reorder what a reader sees: C0 and C1 control characters
 * (NUL and the like; tab, line feed and carriage return stay), bidirectional embeddings, overrides, isolates and
 * marks, zero-width spaces and joiners, the word joiner and invisible operators, and a byte-order mark.
 */
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Text as a person meant it: without the characters above. */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, "");
}
