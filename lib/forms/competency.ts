// What the forms on a competency statement's page must send: a self-assessment, evidence, a sign-off, a reopening.
import { z } from "zod";
import { LONG_TEXT_MAX, NOTE_MAX, REASON_MAX } from "./limits";
import { EVIDENCE_TYPES } from "../vocabulary";
import { requiredDate } from "./dates";
import { evidenceDateProblem } from "../rules/competencies";
import { isIsoDate } from "../rules/dates";
import { REGISTRATION_MESSAGE, normaliseRegistration } from "../rules/supervision";
import { isWebAddress, withHttps } from "./resource";


const requiredText = (max: number, missing: string, tooLong: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);

export const selfAssessmentFields = z.object({
  confidence: z
    .string({ error: "Select how confident you are" })
    .regex(/^[1-5]$/, "Select how confident you are")
    .transform(Number),
  note: z.string().trim().max(NOTE_MAX, `Your note must be ${NOTE_MAX} characters or fewer`).optional().transform((v) => v ?? ""),
});

export function evidenceFields(today: string) {
  return z.object({
    type: z.enum(EVIDENCE_TYPES, { error: "Select the type of evidence" }),
    // The typed date's own problems first (missing, not real), then the rule the data layer checks too.
    evidenceDate: requiredDate("the date of the evidence").superRefine((v, ctx) => {
      const problem = isIsoDate(v) ? evidenceDateProblem(v, today) : undefined;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    description: requiredText(LONG_TEXT_MAX, "Describe the evidence: what was seen, discussed or produced", `The description must be ${LONG_TEXT_MAX} characters or fewer`),
    link: z
      .string()
      .trim()
      .max(500, "The link must be 500 characters or fewer")
      .optional()
      .transform((v) => (v ? withHttps(v) : null))
      .refine((v) => v === null || isWebAddress(v), "Enter the link as a web address starting with https:// or www., or leave it empty"),
  });
}

export function signOffFields(today: string) {
  return z.object({
    assessorName: requiredText(200, "Enter the assessor's name", "The assessor's name must be 200 characters or fewer"),
    assessorProfession: requiredText(200, "Enter the assessor's profession, for example Physiotherapist", "The profession must be 200 characters or fewer"),
    assessorRegistration: z
      .string({ error: "Enter the assessor's registration number, for example their HCPC number" })
      .trim()
      .min(1, { message: "Enter the assessor's registration number, for example their HCPC number", abort: true })
      .max(40, { message: REGISTRATION_MESSAGE, abort: true })
      .refine((v) => normaliseRegistration(v) !== undefined, REGISTRATION_MESSAGE)
      .transform((v) => normaliseRegistration(v) ?? v),
    signedOffOn: requiredDate("the date of the sign-off", { to: { date: today, message: "The date of the sign-off cannot be in the future" } }),
  });
}

export const reopenFields = z.object({
  reason: requiredText(REASON_MAX, "Say why the sign-off is being reopened", `The reason must be ${REASON_MAX} characters or fewer`),
});
