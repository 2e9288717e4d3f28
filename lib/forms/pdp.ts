// What the PDP plan's forms must hold: starting a PDP, recording a review, closing one. Dates that depend on the PDP
// itself (a review on or after its start) are checked by the data layer with lib/rules/pdp.ts, which these share.
import { z } from "zod";
import { LONG_TEXT_MAX } from "./limits";
import { addMonths } from "../rules/dates";
import { calendarDate, realDate } from "./dates";
import { pdpPeriodProblem } from "../rules/pdp";

/** The PDP's dates, from a manager starting one. */
export function startPdpFields(today: string) {
  const latest = () => addMonths(today, 24);
  return z
    .object({
      periodStart: calendarDate("the start of the period", () => addMonths(today, 12), "The period cannot start more than a year from now"),
      periodEnd: calendarDate("the end of the period", latest, "The period cannot end more than two years from now"),
      nextReviewOn: calendarDate("the first review date", latest, "The first review cannot be more than two years from now"),
    })
    .superRefine((v, ctx) => {
      // A date that failed its own check has its message already; the period is compared only between real dates.
      if (!realDate(v.periodStart) || !realDate(v.periodEnd) || !realDate(v.nextReviewOn)) return;
      const problem = pdpPeriodProblem(v);
      if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    });
}

export type StartPdpFields = z.infer<ReturnType<typeof startPdpFields>>;

/** A review that took place: when, what was said, when the next one is. */
export function pdpReviewFields(today: string) {
  return z
    .object({
      pdpId: z.string().trim().min(1).max(64),
      reviewedOn: calendarDate("the review date", () => today, "The review date cannot be in the future"),
      summary: z
        .string({ error: "Enter a summary of the review" })
        .trim()
        .min(1, "Enter a summary of the review")
        .max(LONG_TEXT_MAX, `The summary must be ${LONG_TEXT_MAX.toLocaleString("en-GB")} characters or fewer`),
      nextReviewOn: calendarDate("the next review date", () => addMonths(today, 24), "The next review cannot be more than two years from now"),
    })
    .superRefine((v, ctx) => {
      if (realDate(v.reviewedOn) && realDate(v.nextReviewOn) && v.nextReviewOn <= v.reviewedOn) ctx.addIssue({ code: "custom", path: ["nextReviewOn"], message: "The next review must be after this review" });
    });
}

export type PdpReviewFields = z.infer<ReturnType<typeof pdpReviewFields>>;

/** Agreeing a version of the plan: which PDP (re-checked against the worker by the data layer). */
export const agreePdpFields = z.object({
  pdpId: z.string().trim().min(1).max(64),
  /** The version the person read: agreeing is refused if the plan changed since. */
  version: z.coerce.number().int().min(1).optional(),
});

/** Closing the current PDP, optionally carrying unfinished goals into the next one. The confirmation is required. */
export const closePdpFields = z.object({
  pdpId: z.string().trim().min(1).max(64),
  carryOver: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
  confirm: z.literal("yes", { error: "Confirm that you want to close this PDP" }),
});
