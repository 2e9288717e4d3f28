// What an off-the-job rule must look like when an admin changes one or adds one that takes effect from a date, and
// the check that the rules' date ranges stay one unbroken line: [from, to) each, no overlaps, no gaps, the last open.
// The form takes a percentage as typed (20) and hours a week (6); the table holds a fraction (0.2) and hours.
import { z } from "zod";
import { NOTE_MAX } from "./limits";
import { requiredText } from "../form-text";
import { OTJ_RULE_KINDS, labels } from "../vocabulary";
import { addDays, addMonths, formatDate } from "../rules/dates";
import { requiredDate } from "./dates";
import type { OtjRuleKind } from "../rules/off-the-job";

export const otjRuleKindWords = labels(OTJ_RULE_KINDS, {
  percent_of_hours: "A percentage of contracted working hours",
  hours_per_week: "Hours a week for a full-time apprentice, pro rata part time",
  standard_minimum: "The standard's own published minimum",
});

export const MAX_HOURS_PER_WEEK = 40;
export const MAX_MINIMUM_HOURS = 10_000;

/** The rule's figure as typed, to what the table holds; null for the standard's minimum, which has none. */
export function parseOtjValue(kind: OtjRuleKind, raw: string): { value: number | null } | { problem: string } {
  const text = raw.trim().replace(/%$/, "").trim();
  switch (kind) {
    case "standard_minimum":
      return { value: null };
    case "percent_of_hours": {
      if (text === "") return { problem: "Enter the percentage of contracted hours, like 20" };
      if (!/^-?\d+$/.test(text)) return { problem: "Enter the percentage as a whole number, like 20" };
      const n = Number(text);
      if (n < 1 || n > 100) return { problem: "The percentage must be from 1 to 100" };
      return { value: n / 100 };
    }
    case "hours_per_week": {
      if (text === "") return { problem: "Enter the hours a week for a full-time apprentice, like 6" };
      if (!/^-?\d*\.?\d+$/.test(text)) return { problem: "Enter the hours a week as a number, like 6 or 7.5" };
      const n = Number(text);
      if (!(n > 0) || n > MAX_HOURS_PER_WEEK) return { problem: `The hours a week must be more than 0 and at most ${MAX_HOURS_PER_WEEK}` };
      if (Math.round(n * 100) !== n * 100) return { problem: "Give the hours a week to at most two decimal places" };
      return { value: n };
    }
  }
}

/** The rule's figure as the form shows it: 20 for 0.2, 6 for six hours a week. */
export function otjValueText(kind: OtjRuleKind, value: number): string {
  if (kind === "percent_of_hours") return String(Math.round(value * 100));
  if (kind === "hours_per_week") return String(value);
  return "";
}

const description = requiredText("the description", NOTE_MAX, "Describe the rule as the funding rules state it");

const minimumHours = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): number | null => {
    if (!v) return null;
    const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
    const message = Number.isNaN(n)
      ? "Enter the minimum as a whole number of hours"
      : n < 0
        ? "The minimum cannot be negative"
        : n > MAX_MINIMUM_HOURS
          ? `The minimum must be ${MAX_MINIMUM_HOURS.toLocaleString("en-GB")} hours or fewer`
          : undefined;
    if (message) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });

function valueField(kind: OtjRuleKind) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const parsed = parseOtjValue(kind, raw ?? "");
      if ("problem" in parsed) {
        ctx.addIssue({ code: "custom", message: parsed.problem });
        return z.NEVER;
      }
      return parsed.value;
    });
}

/** Changing a rule: its description, figure and minimum. Its kind and dates stay. */
export function otjRuleChangeFields(kind: OtjRuleKind) {
  return z.object({ description, value: valueField(kind), minimumHours });
}

export type OtjRuleChange = z.output<ReturnType<typeof otjRuleChangeFields>>;

/** Runs even when other fields failed, so every problem is reported at once. */
const ALWAYS = { when: () => true };

/** A new rule for apprenticeships starting on or after a date. */
export const otjRuleNewFields = z
  .object({
    effectiveFrom: requiredDate("the first start date the rule covers"),
    kind: z.enum(OTJ_RULE_KINDS, { error: "Select what the rule requires" }),
    value: z.string().optional(),
    minimumHours,
    description,
  })
  .superRefine((v, ctx) => {
    if (!(OTJ_RULE_KINDS as readonly unknown[]).includes(v.kind)) return;
    const parsed = parseOtjValue(v.kind, v.value ?? "");
    if ("problem" in parsed) ctx.addIssue({ code: "custom", path: ["value"], message: parsed.problem });
  }, ALWAYS)
  .transform((v) => {
    const parsed = parseOtjValue(v.kind, v.value ?? "");
    return { ...v, value: "value" in parsed ? parsed.value : null };
  });

export type OtjRuleNew = z.output<typeof otjRuleNewFields>;

/** Taking away a rule scheduled for the future needs the box ticked. */
export const otjRuleRemoveFields = z.object({ confirm: z.literal("yes", { error: "Tick the box to confirm that this rule is to be taken away" }) });

type Range = { effectiveFrom: string; effectiveTo: string | null };

/** Whether the rules, by start date, run one after another with no gap or overlap, the last one open. */
export function otjRangesProblem(rules: readonly Range[]): string | undefined {
  const sorted = [...rules].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  for (const [i, r] of sorted.entries()) {
    const next = sorted[i + 1];
    if (r.effectiveTo !== null && r.effectiveTo <= r.effectiveFrom) return `The rule from ${formatDate(r.effectiveFrom)} ends before it starts`;
    if (!next) return r.effectiveTo === null ? undefined : `No rule covers apprenticeships starting from ${formatDate(r.effectiveTo)}`;
    if (r.effectiveTo === null || r.effectiveTo > next.effectiveFrom) return `The rules from ${formatDate(r.effectiveFrom)} and ${formatDate(next.effectiveFrom)} overlap`;
    if (r.effectiveTo < next.effectiveFrom) return `No rule covers apprenticeships starting from ${formatDate(r.effectiveTo)} to ${formatDate(addDays(next.effectiveFrom, -1))}`;
  }
  return undefined;
}

/** A new rule is set at most this far ahead: a mistyped year would otherwise govern apprenticeships for decades. */
export const MAX_YEARS_AHEAD = 5;

/**
 * Where a new rule from `effectiveFrom` would go: it closes the current (open) rule on that date, so it must start
 * after the current rule does. Undefined when fine; the ranges must be sound to begin with.
 */
export function newOtjRuleProblem(rules: readonly Range[], effectiveFrom: string, today: string): { field?: "effectiveFrom"; message: string } | undefined {
  const broken = otjRangesProblem(rules);
  if (broken) return { message: `The off-the-job rules need correcting first: ${broken}` };
  const current = rules.find((r) => r.effectiveTo === null);
  if (current && effectiveFrom <= current.effectiveFrom) {
    return { field: "effectiveFrom", message: `The new rule must start after ${formatDate(current.effectiveFrom)}, when the current rule started` };
  }
  const latest = addMonths(today, 12 * MAX_YEARS_AHEAD);
  if (effectiveFrom > latest) return { field: "effectiveFrom", message: `The new rule must start by ${formatDate(latest)}, at most ${MAX_YEARS_AHEAD} years ahead` };
  return undefined;
}
