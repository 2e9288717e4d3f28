// What a PDP goal and the things recorded under it look like on their forms: one schema per form, built from shared parts.
import { z } from "zod";
import { formatDate } from "../rules/dates";
import { optionalDate } from "./dates";
import { ACTION_DESCRIPTION_MAX, GOAL_TITLE_MAX, LONG_TEXT_MAX, NOTE_MAX, REASON_MAX } from "./limits";
import { ACTION_OWNERS, BARRIER_CATEGORIES, GOAL_STATUSES, NOTE_KINDS, SUPPORT_KINDS } from "../vocabulary";

const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v ?? "");

const requiredText = (enter: string, what: string, max: number) =>
  z
    .string({ error: enter })
    .trim()
    .min(1, enter)
    .max(max, `${what} must be ${max} characters or fewer`);

const idList = (max: number, tooMany: string) => z.array(z.string().trim().min(1).max(64)).max(max, tooMany).default([]);

/** The form fields sent as lists (checkbox groups). */
export const GOAL_LIST_FIELDS = ["domainIds", "statementIds", "support"] as const;

/**
 * A SMART goal: what (title), why, how success will be seen, by when. `periodStart` is the start of the PDP the goal
 * goes into (today when it will start a new one): a target before it cannot be met within the plan.
 */
export function goalFields(periodStart: string) {
  return z.object({
    title: requiredText("Enter what the goal is", "The goal", GOAL_TITLE_MAX),
    why: optionalText("Why it matters", NOTE_MAX),
    successMeasure: optionalText("How success will be seen", NOTE_MAX),
    targetDate: optionalDate("the target date", {
      from: { date: periodStart, message: `The target date must be on or after ${formatDate(periodStart)}, when this PDP starts` },
    }),
    domainIds: idList(20, "Select 20 domains or fewer").refine((l) => l.length > 0, "Select at least one framework domain"),
    statementIds: idList(200, "Select 200 statements or fewer"),
    support: z
      .array(z.enum(SUPPORT_KINDS, { error: "Select support from the list" }))
      .max(SUPPORT_KINDS.length)
      .default([])
      .transform((l) => [...new Set(l)]),
  });
}

export type GoalFields = z.infer<ReturnType<typeof goalFields>>;

export const goalStatusFields = z.object({
  status: z.enum(GOAL_STATUSES, { error: "Select a status" }),
  reason: optionalText("The reason", REASON_MAX),
});
export type GoalStatusFields = z.infer<typeof goalStatusFields>;

export const actionFields = z.object({
  description: requiredText("Enter what will be done", "The action", ACTION_DESCRIPTION_MAX),
  owner: z.enum(ACTION_OWNERS, { error: "Select who will do it" }),
  dueOn: optionalDate("the due date"),
});
export type ActionFields = z.infer<typeof actionFields>;

export const noteFields = z.object({
  kind: z.enum(NOTE_KINDS, { error: "Select the kind of note" }),
  body: requiredText("Enter the note", "The note", LONG_TEXT_MAX),
});
export type NoteFields = z.infer<typeof noteFields>;

export const barrierFields = z
  .object({
    category: z.enum(BARRIER_CATEGORIES, { error: "Select what got in the way" }),
    detail: optionalText("The detail", NOTE_MAX),
  })
  .refine((b) => b.category !== "other" || b.detail.length > 0, {
    path: ["detail"],
    message: "Describe the barrier when you choose Other",
  });
export type BarrierFields = z.infer<typeof barrierFields>;
