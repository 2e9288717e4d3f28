// What a worker record must look like, for the create and edit forms (and their actions). One schema, derived per form.
import { z } from "zod";
import { addMonths } from "../rules/dates";
import { calendarDate, optionalDate } from "./dates";

const requiredText = (what: string, max: number) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);

const requiredChoice = (what: string) => z.string({ error: `Select ${what}` }).trim().min(1, `Select ${what}`).max(64);
const optionalChoice = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));


export const FTE_MESSAGE = "Enter FTE as a number from 0.01 to 1, like 0.8 (1 is full time)";

export const fte = z
  .string({ error: "Enter the FTE" })
  .trim()
  .min(1, "Enter the FTE")
  .transform((v) => v.replace(",", "."))
  .refine((v) => /^\d*\.?\d+$/.test(v), FTE_MESSAGE)
  .transform(Number)
  .refine((n) => n > 0, "FTE must be more than 0")
  // Anything below 0.01 would round to 0, which the database refuses.
  .refine((n) => n === 0 || n >= 0.01, "FTE must be at least 0.01")
  .refine((n) => n <= 1, "FTE must be 1 or less (1 is full time)")
  .transform((n) => Math.round(n * 100) / 100);

export const employeeNumber = z
  .string({ error: "Enter the employee number" })
  .trim()
  .min(1, "Enter the employee number")
  .max(20, "Employee number must be 20 characters or fewer")
  .regex(/^[A-Za-z0-9-]+$/, "Employee number can only contain letters, numbers and hyphens");

export function workerFields(today: string) {
  return z.object({
    firstName: requiredText("a first name", 80),
    lastName: requiredText("a last name", 80),
    employeeNumber,
    jobTitle: requiredText("a job title", 120),
    professionId: requiredChoice("a profession"),
    stageId: requiredChoice("a role"),
    bandId: optionalChoice,
    careSettingId: optionalChoice,
    teamId: requiredChoice("a team"),
    lineManagerId: optionalChoice,
    fte,
    contractStart: calendarDate("the start date", () => addMonths(today, 12), "Start date cannot be more than a year from now"),
  });
}

export type WorkerFields = z.infer<ReturnType<typeof workerFields>>;

/** The fields whose change is a new position (how progression is measured), not a correction. */
export const POSITION_FIELDS = ["stageId", "bandId", "jobTitle", "teamId"] as const;

export function workerEditFields(today: string) {
  return workerFields(today).extend({
    /** When a change of role, band, job title or team takes effect. */
    effectiveFrom: optionalDate("the date the change takes effect", {
      to: { date: addMonths(today, 6), message: "The change cannot take effect more than 6 months from now" },
    }).transform((v) => v ?? undefined),
    changeReason: z.string().trim().max(200, "Reason must be 200 characters or fewer").optional().default(""),
  });
}

export function leavingFields(today: string) {
  return z.object({
    leftOn: calendarDate("the leaving date", () => addMonths(today, 3), "Leaving date cannot be more than 3 months from now"),
    reason: requiredText("the reason for leaving", 200),
  });
}
