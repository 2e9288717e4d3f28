// What a supervision session and a delegated task must look like, for the forms on the supervision page and their
// actions: record a session, delegate a task, review it, end it.
import { z } from "zod";
import { LONG_TEXT_MAX } from "./limits";
import { optionalText, requiredText } from "../form-text";
import { SUPERVISION_LEVELS, SUPERVISION_TYPES } from "../vocabulary";
import { calendarDate, realDate, requiredDate } from "./dates";
import {
  REGISTRATION_MESSAGE,
  competentSinceProblem,
  delegationReviewProblem,
  nextReviewProblem,
  normaliseRegistration,
} from "../rules/supervision";

/** Runs even when other fields failed, so every problem is reported at once. */
const ALWAYS = { when: () => true };

export function sessionFields(today: string) {
  return z
    .object({
      heldOn: calendarDate("the date of the session", () => today, "The date of the session cannot be in the future"),
      type: z.enum(SUPERVISION_TYPES, { error: "Select the type of supervision" }),
      supervisorId: z
        .string()
        .trim()
        .max(64)
        .optional()
        .transform((v) => (v ? v : null)),
      supervisorName: optionalText("The supervisor's name", 200),
      summary: requiredText("a short summary of the session", LONG_TEXT_MAX, "Enter a short summary of what was discussed"),
      actions: optionalText("The agreed actions", LONG_TEXT_MAX),
    })
    .superRefine((v, ctx) => {
      const picked = typeof v.supervisorId === "string" && v.supervisorId.trim() !== "";
      const typed = typeof v.supervisorName === "string" && v.supervisorName.trim() !== "";
      if (!picked && !typed) ctx.addIssue({ code: "custom", path: ["supervisorName"], message: "Select the supervisor or type their name" });
    }, ALWAYS);
}

export type SessionFields = z.infer<ReturnType<typeof sessionFields>>;

export function delegationFields(today: string) {
  return z
    .object({
      task: requiredText("the task delegated", 300, "Enter the task delegated"),
      delegatedByName: requiredText("the name of the registered professional", 200, "Enter the name of the registered professional who delegated it"),
      delegatedByProfession: requiredText("their profession", 200, "Enter their profession, for example Physiotherapist"),
      delegatedByRegistration: z
        .string()
        .trim()
        .max(40, REGISTRATION_MESSAGE)
        .optional()
        .refine((v) => !v || normaliseRegistration(v) !== undefined, REGISTRATION_MESSAGE)
        .transform((v) => (v ? (normaliseRegistration(v) ?? null) : null)),
      supervisionLevel: z.enum(SUPERVISION_LEVELS, { error: "Select the level of supervision" }),
      competentSince: requiredDate("the date they were assessed as competent"),
      reviewOn: requiredDate("the review date"),
    })
    .superRefine((v, ctx) => {
      const competent = realDate(v.competentSince);
      const review = realDate(v.reviewOn);
      const early = competent ? competentSinceProblem(competent, today) : undefined;
      if (early) ctx.addIssue({ code: "custom", path: ["competentSince"], message: early });
      const problem = competent && review ? delegationReviewProblem(competent, review, today) : undefined;
      if (problem) ctx.addIssue({ code: "custom", path: ["reviewOn"], message: problem });
    }, ALWAYS);
}

export type DelegationFields = z.infer<ReturnType<typeof delegationFields>>;

/** "Reviewed today": the next review date. */
export function reviewFields(today: string) {
  return z
    .object({ reviewOn: requiredDate("the next review date") })
    .superRefine((v, ctx) => {
      const review = realDate(v.reviewOn);
      const problem = review ? nextReviewProblem(review, today) : undefined;
      if (problem) ctx.addIssue({ code: "custom", path: ["reviewOn"], message: problem });
    }, ALWAYS);
}

export const endFields = z.object({
  reason: requiredText("the reason", 500, "Say why the delegation is ending"),
});
