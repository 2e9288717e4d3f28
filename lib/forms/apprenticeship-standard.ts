// What an apprenticeship standard, one of its options and one gateway requirement must look like when an admin
// adds or changes them. One schema each; the edit form is the add form without the reference.
import { z } from "zod";
import { TITLE_MAX } from "./limits";

/** A whole number typed in a form: empty or not a whole number gets `message`. */
function wholeNumber(message: string) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { message, abort: true })
    .regex(/^-?\d+$/, { message: "Enter a whole number", abort: true })
    .transform(Number);
}

export const StandardFields = z.object({
  /** The Institute's reference: two letters and four digits, like ST0217. */
  reference: z
    .string({ error: "Enter the standard's reference" })
    .trim()
    .toUpperCase()
    .min(1, { message: "Enter the standard's reference", abort: true })
    .regex(/^[A-Z]{2}\d{4}$/, "Enter the reference as two letters and four digits, like ST0217"),
  title: z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(TITLE_MAX, `Title must be ${TITLE_MAX} characters or fewer`),
  level: wholeNumber("Enter the level, from 2 to 7").pipe(z.number().min(2, "Enter a level from 2 to 7").max(7, "Enter a level from 2 to 7")),
  typicalDurationMonths: wholeNumber("Enter the typical duration in months").pipe(
    z.number().min(1, "The typical duration must be at least 1 month").max(120, "The typical duration must be 120 months or fewer"),
  ),
  /** Empty when the standard has not published one (or it is not yet recorded). */
  otjMinimumHours: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): number | null => {
      if (!v) return null;
      const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
      const message = Number.isNaN(n)
        ? "Enter the off-the-job minimum as a whole number of hours"
        : n < 0
          ? "The off-the-job minimum cannot be negative"
          : n > 10000
            ? "The off-the-job minimum must be 10,000 hours or fewer"
            : undefined;
      if (message) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    }),
  professionId: z
    .string()
    .trim()
    .max(64, "Select a profession from the list")
    .optional()
    .transform((v) => (v ? v : null)),
});

export const StandardChangeFields = StandardFields.omit({ reference: true });

export type StandardInput = z.output<typeof StandardFields>;
export type StandardChange = z.output<typeof StandardChangeFields>;

export const OptionFields = z.object({
  name: z.string({ error: "Enter the option's name" }).trim().min(1, "Enter the option's name").max(200, "The option's name must be 200 characters or fewer"),
});

export const GatewayFields = z.object({
  label: z
    .string({ error: "Enter the gateway requirement" })
    .trim()
    .min(1, "Enter the gateway requirement")
    .max(300, "The gateway requirement must be 300 characters or fewer"),
});
