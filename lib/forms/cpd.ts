// What a CPD entry, a training request and a decision on one must look like, for the forms on the CPD page and
// their actions. The rules themselves are in lib/rules/cpd.ts; the data layer applies them again.
import { z } from "zod";
import { LONG_TEXT_MAX, REASON_MAX } from "./limits";
import { optionalText, requiredText } from "../form-text";
import { CPD_TYPES, DECLINE_REASONS, LEARNING_KINDS } from "../vocabulary";
import { optionalDate, realDate, requiredDate } from "./dates";
import { courseDatesProblem, cpdDateProblem, declineProblem, parseCostPence, parseHours } from "../rules/cpd";

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : null));

/** Runs even when other fields failed, so every problem is reported at once. */
const ALWAYS = { when: () => true };

const hours = z
  .string({ error: "Enter how many hours it took" })
  .transform((raw, ctx) => {
    const parsed = parseHours(raw);
    if ("problem" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }
    return parsed.hours;
  });

const cost = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const parsed = parseCostPence(raw ?? "");
    if ("problem" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }
    return parsed.pence;
  });

export function cpdFields(today: string) {
  return z
    .object({
      activityOn: requiredDate("the date of the activity"),
      title: requiredText("the title", 200, "Enter what the activity was, for example 'Falls prevention e-learning'"),
      type: z.enum(CPD_TYPES, { error: "Select the type of activity" }),
      learning: z.enum(LEARNING_KINDS, { error: "Select formal or informal learning" }),
      hours,
      reflectionWhat: optionalText("What happened", LONG_TEXT_MAX),
      reflectionSoWhat: optionalText("So what", LONG_TEXT_MAX),
      reflectionNowWhat: optionalText("Now what", LONG_TEXT_MAX),
      pdpGoalId: optionalId,
      trainingRequestId: optionalId,
    })
    .superRefine((v, ctx) => {
      const on = realDate(v.activityOn);
      const problem = on ? cpdDateProblem(on, today) : undefined;
      if (problem) ctx.addIssue({ code: "custom", path: ["activityOn"], message: problem });
    }, ALWAYS);
}

export type CpdFields = z.infer<ReturnType<typeof cpdFields>>;

/** A change to a CPD entry: the same fields and checks as adding one, without the training request it came from. */
export type CpdChange = Omit<CpdFields, "trainingRequestId">;

/** Deleting a CPD entry and withdrawing a training request need the box ticked. */
export const deleteCpdFields = z.object({ confirm: z.literal("yes", { error: "Tick the box to confirm that this CPD activity is to be deleted" }) });
export const withdrawFields = z.object({ confirm: z.literal("yes", { error: "Tick the box to confirm that this request is to be withdrawn" }) });

export const requestFields = z
  .object({
    courseTitle: requiredText("the course", 200, "Enter the name of the course"),
    provider: optionalText("The provider", 200),
    /** Typed in pounds, parsed to pence. */
    cost,
    startsOn: requiredDate("the start date"),
    endsOn: optionalDate("the end date"),
    requestGoalId: optionalId,
    why: requiredText("why you want it", LONG_TEXT_MAX, "Say why this training is needed"),
  })
  .superRefine((v, ctx) => {
    const starts = realDate(v.startsOn);
    const ends = realDate(v.endsOn) ?? null;
    const problem = starts ? courseDatesProblem(starts, ends) : undefined;
    if (problem) ctx.addIssue({ code: "custom", path: ["endsOn"], message: problem });
  }, ALWAYS);

export type RequestFields = z.infer<typeof requestFields>;

const declineShape = {
  declineReason: z.enum(DECLINE_REASONS, { error: "Select why the request is declined" }),
  declineDetail: optionalText("The detail", REASON_MAX),
};

export type DeclineFields = z.infer<z.ZodObject<typeof declineShape>>;

/** A decision on a training request: approve it, or decline it with a reason from the barrier categories. */
export const decisionFields = z
  .discriminatedUnion(
    "decision",
    [z.object({ decision: z.literal("approved") }), z.object({ decision: z.literal("declined"), ...declineShape })],
    { error: "Select whether to approve or decline the request" },
  )
  .superRefine((v, ctx) => {
    const problem = v.decision === "declined" ? declineProblem(v.declineReason, v.declineDetail) : undefined;
    if (problem?.field === "declineDetail") ctx.addIssue({ code: "custom", path: ["declineDetail"], message: problem.message });
  });

export type DecisionFields = z.infer<typeof decisionFields>;
