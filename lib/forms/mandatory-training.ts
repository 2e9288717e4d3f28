// What a statutory and mandatory training subject, a completion and a completion's removal must look like, for the
// administrator's subject form and the worker's mandatory training page (decision record 0033).
import { z } from "zod";
import { NOTE_MAX, REASON_MAX, TITLE_MAX } from "./limits";
import { optionalText, requiredText } from "../form-text";
import { calendarDate } from "./dates";
import { RENEWAL_MONTHS_MAX } from "../rules/mandatory-training";

/** The checkbox groups of the subject form, read as lists. */
export const SUBJECT_LIST_FIELDS = ["stageIds", "professionIds", "careSettingIds"] as const;

const ids = z.array(z.string().trim().max(64)).max(500, "Select from the list").default([]);

export const SubjectFields = z
  .object({
    name: requiredText("the subject's name", TITLE_MAX, "Enter the subject's name"),
    description: optionalText("Description", NOTE_MAX),
    renewalMonths: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\d{1,3}$/.test(v), "Enter the renewal period as a whole number of months, like 12, or leave it blank")
      .transform((v) => (v === null ? null : Number(v)))
      .refine((v) => v === null || (v >= 1 && v <= RENEWAL_MONTHS_MAX), `The renewal period must be between 1 and ${RENEWAL_MONTHS_MAX} months`),
    who: z.enum(["everyone", "chosen"], { error: "Select who needs it" }),
    stageIds: ids,
    professionIds: ids,
    careSettingIds: ids,
  })
  .superRefine((v, ctx) => {
    if (v.who === "chosen" && v.stageIds.length + v.professionIds.length + v.careSettingIds.length === 0) {
      ctx.addIssue({ code: "custom", path: ["stageIds"], message: "Select at least one role, profession or care setting, or choose everyone" });
    }
  });

export type SubjectInput = z.output<typeof SubjectFields>;

export function completionFields(today: string) {
  return z.object({
    subjectId: z.string({ error: "Select the training" }).trim().min(1, "Select the training").max(64, "Select the training"),
    completedOn: calendarDate("the date it was completed", () => today, "The date it was completed cannot be in the future"),
    note: optionalText("The note", REASON_MAX),
  });
}

export type CompletionInput = z.output<ReturnType<typeof completionFields>>;

export const RemovalFields = z.object({
  reason: requiredText("why it is being removed", REASON_MAX, "Enter why it is being removed, for example: recorded against the wrong person"),
});
