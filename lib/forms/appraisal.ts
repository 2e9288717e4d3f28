// What the appraisal forms send: scheduling and moving to another date, the manager's form (with repeated rows), the worker's sign-off, reasons.
import { z } from "zod";
import { after, optionalDate as anyOptionalDate, requiredDate } from "./dates";
import { OBJECTIVE_OUTCOMES } from "../vocabulary";
import { LONG_TEXT_MAX, OBJECTIVE_TITLE_MAX } from "./limits";
import { FEEDBACK_ANSWER_MAX } from "../rules/appraisal-feedback";

const TEXT_MAX = LONG_TEXT_MAX;

const longText = (what: string) =>
  z
    .string()
    .trim()
    .max(TEXT_MAX, `${what} must be ${TEXT_MAX} characters or fewer`)
    .optional()
    .transform((v) => v ?? "");

const isoDate = (what: string) => requiredDate(what, { from: after(1950, what) });
const optionalDate = (what: string) => anyOptionalDate(what, { from: after(1950, what) });

export const scheduleFields = z.object({
  scheduledFor: isoDate("the appraisal date"),
  appraiserId: z.string({ error: "Select the appraiser" }).trim().min(1, "Select the appraiser").max(64),
});
export type ScheduleFields = z.infer<typeof scheduleFields>;

export const reasonFields = z.object({
  reason: z.string({ error: "Give a reason" }).trim().min(1, "Give a reason").max(TEXT_MAX, `The reason must be ${TEXT_MAX} characters or fewer`),
});

/** Moving a booked appraisal: the new date (checked as booking checks it) and why. */
export const rescheduleFields = scheduleFields.pick({ scheduledFor: true }).extend(reasonFields.shape);
export type RescheduleFields = z.infer<typeof rescheduleFields>;

/** The worker's preparation: five answers, each optional while they save and come back. */
export const preparationFields = z.object({
  wentWell: longText("What went well"),
  wasHard: longText("What was hard"),
  wantToLearn: longText("What you want to learn"),
  wellbeing: longText("Your wellbeing"),
  careerAspiration: longText("Where you want your career to go"),
});
export type PreparationFields = z.infer<typeof preparationFields>;

export const signOffFields = z.object({ workerComments: longText("Your comments") });

const reviewRow = z.object({
  id: z.string().trim().min(1).max(64),
  outcome: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (OBJECTIVE_OUTCOMES as readonly string[]).includes(v), "Select met, partly met or not met")
    .transform((v) => v as (typeof OBJECTIVE_OUTCOMES)[number] | null),
  comment: longText("The comment"),
});

const objectiveRow = z
  .object({
    id: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => (v ? v : null)),
    title: z.string().trim().max(OBJECTIVE_TITLE_MAX, `An objective must be ${OBJECTIVE_TITLE_MAX} characters or fewer`).optional().transform((v) => v ?? ""),
    successMeasure: longText("How success will be seen"),
    targetDate: optionalDate("the target date"),
    remove: z
      .string()
      .optional()
      .transform((v) => v === "1"),
  })
  .refine((o) => o.remove || o.title.length > 0 || (o.successMeasure.length === 0 && o.targetDate === null), {
    message: "Enter the objective, or clear the row",
    path: ["title"],
  });

export const appraisalFields = z.object({
  heldOn: optionalDate("the date the meeting was held"),
  achievements: longText("Achievements"),
  wellbeing: longText("Wellbeing"),
  feedback: longText("Feedback"),
  trainingNeeds: longText("Training and development needs"),
  appraiserSummary: longText("The appraiser's summary"),
  reviews: z.array(reviewRow).max(100),
  objectives: z.array(objectiveRow).max(50),
});
export type AppraisalFields = z.infer<typeof appraisalFields>;

/** The saved objective rows: blank new rows are dropped; rows ticked "remove" are kept as removals. */
export function objectiveChanges(rows: AppraisalFields["objectives"]) {
  return rows.filter((r) => r.remove || r.title.length > 0);
}

/**
 * The manager's form as a plain object for `appraisalFields`: its repeated rows are named `reviews.0.outcome`,
 * `objectives.2.title` and so on, so each row's fields stay together (radios per row need their own name).
 */
export function appraisalFormObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const reviews: Record<string, string>[] = [];
  const objectives: Record<string, string>[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const m = /^(reviews|objectives)\.(\d{1,3})\.(\w+)$/.exec(key);
    if (m) {
      const list = m[1] === "reviews" ? reviews : objectives;
      (list[Number(m[2])] ??= {})[m[3]!] = value;
    } else out[key] = value;
  }
  out.reviews = reviews.filter(Boolean);
  out.objectives = objectives.filter(Boolean);
  return out;
}

/** The number of objective rows the form showed (a submitted form's rows, by their highest index). */
export function objectiveRowCount(values: Record<string, string>): number {
  let n = 0;
  for (const key of Object.keys(values)) {
    const m = /^objectives\.(\d{1,3})\./.exec(key);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return n;
}

/** Asking a colleague for feedback: one chosen from the list the page offers. */
export const feedbackInviteFields = z.object({
  inviteeId: z.string({ error: "Choose a colleague" }).trim().min(1, "Choose a colleague").max(64),
});
export type FeedbackInviteFields = z.infer<typeof feedbackInviteFields>;

const feedbackAnswer = (what: string) =>
  z
    .string()
    .trim()
    .max(FEEDBACK_ANSWER_MAX, `${what} must be ${FEEDBACK_ANSWER_MAX} characters or fewer`)
    .optional()
    .transform((v) => v ?? "");

/**
 * A colleague's feedback: three short answers, at least one (checked by the data layer, on the first field), and how
 * the form said it would be shown, so a change of the organisation's setting meanwhile is caught rather than ignored.
 */
export const feedbackFields = z.object({
  doesWell: feedbackAnswer("What they do well"),
  couldDevelop: feedbackAnswer("What they could develop"),
  anythingElse: feedbackAnswer("Anything else"),
  shownAs: z.enum(["named", "anonymous"], { error: "Reload the page and try again" }),
});
export type FeedbackFields = z.infer<typeof feedbackFields>;

/** The administrator's choice: feedback shown with the giver's name, or without. */
export const feedbackSettingFields = z.object({
  shownAs: z.enum(["named", "anonymous"], { error: "Choose how feedback is shown" }),
});
export type FeedbackSettingFields = z.infer<typeof feedbackSettingFields>;
