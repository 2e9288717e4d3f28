// What a career conversation must look like, for the record and edit forms (and their actions), and for adding a step.
import { z } from "zod";
import { ASPIRATIONS, BARRIER_CATEGORIES, INTEREST_LEVELS } from "../vocabulary";
import { isIsoDate, addMonths } from "../rules/dates";
import { calendarDate, dateProblem, optionalDate as anyOptionalDate, realDate, realDateMessage } from "./dates";
import { CAREER_PLAN_YEARS, nextConversationProblem, stepDueProblem } from "../rules/career";
import { LONG_TEXT_MAX, OTHER_BARRIER_MAX, REASON_MAX, STEP_DESCRIPTION_MAX } from "./limits";

/** Blank rows a new conversation offers for its next steps; "Add another step" adds one more. */
export const STEP_ROWS = 3;
export const MAX_STEP_ROWS = 12;

const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v ?? "");

const optionalDate = (what: string, latest: string) =>
  anyOptionalDate(what, { to: { date: latest, message: `${what[0]!.toUpperCase()}${what.slice(1)} must be within ${CAREER_PLAN_YEARS} years` } });

const stepRow = z.object({
  description: z.string().trim().max(STEP_DESCRIPTION_MAX, `A step must be ${STEP_DESCRIPTION_MAX} characters or fewer`).default(""),
  dueOn: z.string().trim().default(""),
});

function conversationShape(today: string) {
  const latest = addMonths(today, 12 * CAREER_PLAN_YEARS);
  return z.object({
    heldOn: calendarDate("the date of the conversation", () => today, "The date of the conversation cannot be in the future"),
    aspiration: z.enum(ASPIRATIONS, { error: "Select what they want to do next" }),
    aspirationDetail: optionalText("The detail of what they want", REASON_MAX),
    targetProfessionId: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => (v ? v : null)),
    apprenticeshipInterest: z.enum(INTEREST_LEVELS, { error: "Select whether they are interested in an apprenticeship" }),
    barriers: z.array(z.enum(BARRIER_CATEGORIES, { error: "Select what gets in the way from the list" })).max(BARRIER_CATEGORIES.length),
    otherBarrierDetail: optionalText("What else gets in the way", OTHER_BARRIER_MAX),
    optionsDiscussed: optionalText("The options discussed", LONG_TEXT_MAX),
    nextConversationOn: optionalDate("the date of the next conversation", latest),
  });
}

type ConversationShape = z.output<ReturnType<typeof conversationShape>>;

/** The payload as a refinement sees it: it also runs when some fields failed, so nothing here is trusted to be well formed. */
type Loose = { [K in keyof ConversationShape]?: unknown };

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** Runs even when other fields failed, so every problem is reported at once. */
const ALWAYS = { when: () => true };

function refineConversation(v: Loose, ctx: z.RefinementCtx) {
  if (v.aspiration === "other" && text(v.aspirationDetail) === "") {
    ctx.addIssue({ code: "custom", path: ["aspirationDetail"], message: "Say what they would like to do next" });
  }
  if (Array.isArray(v.barriers) && v.barriers.includes("other") && text(v.otherBarrierDetail) === "") {
    ctx.addIssue({ code: "custom", path: ["otherBarrierDetail"], message: "Say what else gets in the way" });
  }
  const heldOn = realDate(v.heldOn);
  const next = realDate(v.nextConversationOn);
  const problem = heldOn && next ? nextConversationProblem(heldOn, next) : undefined;
  if (problem) ctx.addIssue({ code: "custom", path: ["nextConversationOn"], message: problem });
}

/** Barriers once each; the 'other' detail kept only when 'other' is ticked. */
function cleanConversation<T extends ConversationShape>(v: T): T {
  return { ...v, barriers: [...new Set(v.barriers)], otherBarrierDetail: v.barriers.includes("other") ? v.otherBarrierDetail : "" };
}

/** The conversation itself: what they want, what stands in the way, what was discussed, when to talk again. */
export function conversationFields(today: string) {
  return conversationShape(today).superRefine(refineConversation, ALWAYS).transform(cleanConversation);
}

export type ConversationFields = z.infer<ReturnType<typeof conversationFields>>;

export type StepFields = { description: string; dueOn: string | null };

type StepPaths = { description: PropertyKey[]; dueOn: PropertyKey[] };

/** Checks one step row against the conversation's date; a blank row is left for the caller to drop. */
function checkStep(raw: unknown, heldOn: string | undefined, latest: string, ctx: z.RefinementCtx, label: string, paths: StepPaths) {
  const r = (raw ?? {}) as { description?: unknown; dueOn?: unknown };
  const row = { description: text(r.description), dueOn: text(r.dueOn) };
  if (row.description === "" && row.dueOn === "") return;
  if (row.description === "") ctx.addIssue({ code: "custom", path: paths.description, message: `Say what ${label} is` });
  if (row.dueOn === "") {
    ctx.addIssue({ code: "custom", path: paths.dueOn, message: `Enter a due date for ${label}` });
  } else if (!isIsoDate(row.dueOn)) {
    ctx.addIssue({ code: "custom", path: paths.dueOn, message: dateProblem(row.dueOn, `the due date for ${label}`) ?? realDateMessage(`the due date for ${label}`) });
  } else if (row.dueOn > latest) {
    ctx.addIssue({ code: "custom", path: paths.dueOn, message: `The due date for ${label} must be within ${CAREER_PLAN_YEARS} years` });
  } else {
    const problem = heldOn ? stepDueProblem(heldOn, row.dueOn) : undefined;
    if (problem) ctx.addIssue({ code: "custom", path: paths.dueOn, message: problem.replace("The due date", `The due date for ${label}`) });
  }
}

/** The field ids of a new conversation's step rows, which the error summary links to. */
export const stepFieldId = (i: number, field: "description" | "dueOn") => `steps.${i}.${field}`;

/** A new conversation: its fields, the agreed next steps (blank rows dropped), and the appraisal it belongs to, if any. */
export function newConversationFields(today: string) {
  const latest = addMonths(today, 12 * CAREER_PLAN_YEARS);
  return conversationShape(today)
    .extend({
      steps: z.array(stepRow).max(MAX_STEP_ROWS, `Agree at most ${MAX_STEP_ROWS} steps at once`),
      appraisalId: z
        .string()
        .trim()
        .max(64)
        .optional()
        .transform((v) => (v ? v : null)),
    })
    .superRefine((v, ctx) => {
      refineConversation(v, ctx);
      if (!Array.isArray(v.steps)) return;
      v.steps.forEach((row, i) =>
        checkStep(row, realDate(v.heldOn), latest, ctx, `step ${i + 1}`, { description: ["steps", i, "description"], dueOn: ["steps", i, "dueOn"] }),
      );
    }, ALWAYS)
    .transform((v) => ({
      ...cleanConversation(v),
      steps: v.steps.filter((s) => s.description !== "").map((s): StepFields => ({ description: s.description, dueOn: s.dueOn || null })),
    }));
}

export type NewConversationFields = z.infer<ReturnType<typeof newConversationFields>>;

/** One step added after the conversation (the detail page's form). */
export function stepFields(today: string, heldOn: string) {
  const latest = addMonths(today, 12 * CAREER_PLAN_YEARS);
  return stepRow
    .superRefine((row, ctx) => {
      if (text(row?.description) === "" && text(row?.dueOn) === "") ctx.addIssue({ code: "custom", path: ["description"], message: "Say what the step is" });
      checkStep(row, heldOn, latest, ctx, "the step", { description: ["description"], dueOn: ["dueOn"] });
    }, ALWAYS)
    .transform((s): StepFields => ({ description: s.description, dueOn: s.dueOn || null }));
}

/** Step rows arrive as repeated fields; this pairs them up, row by row. */
export function stepRows(form: FormData): Array<{ description: string; dueOn: string }> {
  const text = (v: FormDataEntryValue) => (typeof v === "string" ? v : "");
  const descriptions = form.getAll("stepDescription").map(text);
  const dues = form.getAll("stepDueOn").map(text);
  return Array.from({ length: Math.max(descriptions.length, dues.length) }, (_, i) => ({
    description: descriptions[i] ?? "",
    dueOn: dues[i] ?? "",
  }));
}

/** The conversation's fields from a form (checkbox groups as lists). */
export function conversationObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["heldOn", "aspiration", "aspirationDetail", "targetProfessionId", "apprenticeshipInterest", "otherBarrierDetail", "optionsDiscussed", "nextConversationOn"]) {
    const v = form.get(key);
    if (typeof v === "string") out[key] = v;
  }
  out.barriers = form.getAll("barriers").filter((v) => typeof v === "string");
  return out;
}
