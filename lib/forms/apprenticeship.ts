// What the forms on a worker's apprenticeship page must send: starting an apprenticeship, a status change, an
// off-the-job entry, a progress review, a gateway check, the end-point result, and the position it leads to. The
// rules themselves are in lib/rules/apprenticeship-*.ts; the data layer applies them again with the record in hand.
import { z } from "zod";
import { LONG_TEXT_MAX, REASON_MAX } from "./limits";
import { optionalText, requiredText } from "../form-text";
import { EPA_RESULTS, OTJ_ACTIVITY_TYPES, type ApprenticeshipStatus } from "../vocabulary";
import { after, optionalDate, realDate, requiredDate } from "./dates";
import { parseHours } from "../rules/cpd";
import { apprenticeshipDatesProblem } from "../rules/apprenticeship-tracking";
import { nextReviewDateProblem } from "../rules/apprenticeship-reviews";

const id = (missing: string) => z.string({ error: missing }).trim().min(1, missing).max(64, missing);

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));

const date = (what: string) => requiredDate(what, { from: after(2000, what) });

/** Runs even when other fields failed, so every problem is reported at once. */
const ALWAYS = { when: () => true };

/** Contracted hours a week, for the pro-rata off-the-job calculation. */
export const MAX_WEEKLY_HOURS = 48;
const weeklyHours = z
  .string({ error: "Enter the contracted hours a week" })
  .trim()
  .min(1, "Enter the contracted hours a week")
  .transform((raw, ctx) => {
    const text = raw.replace(",", ".");
    const n = Number(text);
    if (!/^\d*\.?\d+$/.test(text) || !Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: "Enter the contracted hours a week as a number, like 37.5 or 22.5" });
      return z.NEVER;
    }
    if (n < 1 || n > MAX_WEEKLY_HOURS) {
      ctx.addIssue({ code: "custom", message: `The contracted hours a week must be between 1 and ${MAX_WEEKLY_HOURS}` });
      return z.NEVER;
    }
    return Math.round(n * 100) / 100;
  });

export const startFields = z
  .object({
    standardId: id("Select the apprenticeship standard"),
    optionId: optionalId,
    provider: requiredText("the training provider", 200, "Enter the training provider"),
    startDate: date("the start date"),
    plannedEndDate: date("the planned end date"),
    weeklyHours,
    started: z.enum(["planned", "on_programme"], { error: "Say whether the apprenticeship has started" }),
  })
  .superRefine((v, ctx) => {
    const start = realDate(v.startDate);
    const end = realDate(v.plannedEndDate);
    const problem = start && end ? apprenticeshipDatesProblem(start, end) : undefined;
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  }, ALWAYS);
export type StartFields = z.infer<typeof startFields>;

/** The moves the status form offers; completion comes with the end-point result. */
export const STATUS_FORM_TARGETS = ["on_programme", "break_in_learning", "gateway", "end_point_assessment", "withdrawn"] as const satisfies readonly ApprenticeshipStatus[];

export const statusFields = z.object({
  to: z.enum(STATUS_FORM_TARGETS, { error: "Select the new status" }),
  effectiveOn: date("the date it took effect"),
  reason: optionalText("The reason", REASON_MAX),
  newPlannedEndDate: optionalDate("the new planned end date"),
});
export type StatusFields = z.infer<typeof statusFields>;

const otjHours = z.string({ error: "Enter how many hours" }).transform((raw, ctx) => {
  const parsed = parseHours(raw);
  if ("problem" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.problem.replace("it took", "were spent") });
    return z.NEVER;
  }
  return parsed.hours;
});

export const otjFields = z.object({
  activityOn: date("the date of the training"),
  hours: otjHours,
  activityType: z.enum(OTJ_ACTIVITY_TYPES, { error: "Select the kind of training" }),
  note: optionalText("The note", REASON_MAX),
});
export type OtjFields = z.infer<typeof otjFields>;

export const reviewFields = z
  .object({
    reviewedOn: date("the date of the review"),
    attendees: requiredText("who attended", 500, "Enter who attended, for example the apprentice, the line manager and the tutor"),
    progress: requiredText("the progress", LONG_TEXT_MAX, "Say how the apprentice is progressing"),
    concerns: optionalText("Concerns", LONG_TEXT_MAX),
    actions: optionalText("Actions", LONG_TEXT_MAX),
    nextReviewOn: optionalDate("the next review date"),
  })
  .superRefine((v, ctx) => {
    const on = realDate(v.reviewedOn);
    const problem = on ? nextReviewDateProblem(on, v.nextReviewOn ?? null) : undefined;
    if (problem) ctx.addIssue({ code: "custom", path: ["nextReviewOn"], message: problem });
  }, ALWAYS);
export type ReviewFields = z.infer<typeof reviewFields>;

export const gatewayFields = z.object({
  completedOn: date("the date it was met"),
  evidence: requiredText("the evidence", 1000, "Say what evidence you saw, for example 'Certificate seen and copied to the file'"),
});
export type GatewayFields = z.infer<typeof gatewayFields>;

export const epaFields = z.object({
  result: z.enum(EPA_RESULTS, { error: "Select the result" }),
  resultOn: date("the date of the result"),
});
export type EpaFields = z.infer<typeof epaFields>;

export const positionFields = z.object({
  effectiveFrom: date("the date the new position starts"),
  stageId: id("Select the new role"),
  bandId: optionalId,
  jobTitle: requiredText("the job title", 200, "Enter the new job title"),
  positionReason: requiredText("the reason", 300, "Say why the position changed"),
});
export type PositionFields = z.infer<typeof positionFields>;
