// The four reference lists an administrator edits (professions, care settings, bands, stages): their words, and what
// a value on each must look like.
import { z } from "zod";
import { REASON_MAX } from "./limits";
import { FRAMEWORK_STAGES, PROFESSION_KINDS } from "../vocabulary";
import { codeFromName, MAX_CODE_LENGTH } from "../rules/reference-code";

export const REFERENCE_KINDS = ["professions", "care-settings", "bands", "stages"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export function isReferenceKind(value: string): value is ReferenceKind {
  return (REFERENCE_KINDS as readonly string[]).includes(value);
}

export const referenceWords: Record<ReferenceKind, { title: string; one: string; entity: string; hint: string }> = {
  professions: {
    title: "Professions",
    one: "profession",
    entity: "profession",
    hint: "The allied health professions and other staff groups a worker belongs to.",
  },
  "care-settings": {
    title: "Care settings",
    one: "care setting",
    entity: "care_setting",
    hint: "Where a team or worker mainly works, as in the workforce tables (acute inpatient, community, emergency care...).",
  },
  bands: { title: "Bands", one: "band", entity: "band", hint: "Agenda for Change pay bands." },
  stages: {
    title: "Stages",
    one: "stage",
    entity: "stage",
    hint: "Support roles and levels. A move to a stage of higher rank counts as progression.",
  },
};

export const professionKindWords: Record<(typeof PROFESSION_KINDS)[number], string> = {
  ahp: "Allied health profession",
  ambulance: "Ambulance support",
  other: "Other",
};

const name = z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Name must be 120 characters or fewer");

/** Typed, or left empty for the data layer to make one from the name (lib/rules/reference-code.ts): null then. */
const code = z
  .string()
  .trim()
  .toLowerCase()
  .max(MAX_CODE_LENGTH, `Code must be ${MAX_CODE_LENGTH} characters or fewer`)
  .regex(/^([a-z0-9][a-z0-9_-]*)?$/, "Code can only contain lower-case letters, numbers, hyphens and underscores, like acute-inpatient")
  .optional()
  .transform((v) => (v ? v : null));

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, { message: `Enter the ${what}`, abort: true })
    .regex(/^\d+$/, `${what[0]!.toUpperCase()}${what.slice(1)} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${what[0]!.toUpperCase()}${what.slice(1)} must be a whole number from ${min} to ${max}`);

const optionalLevel = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^[1-8]$/.test(v), "Education level must be a number from 1 to 8, or left empty")
  .transform((v) => (v === undefined ? null : Number(v)));

const stageDetails = {
  rank: wholeNumber("rank", 0, 99),
  educationLevel: optionalLevel,
  frameworkStage: z
    .union([z.enum(FRAMEWORK_STAGES), z.literal("")], { error: "Select a framework stage from the list" })
    .optional()
    .transform((v) => (v ? v : null)),
  description: z.string().trim().max(REASON_MAX, `Description must be ${REASON_MAX} characters or fewer`).default(""),
};

/** What can change on a value. Its code is fixed once made: imports and the shipped lists match on it. */
const editable = {
  professions: z.object({ name, kind: z.enum(PROFESSION_KINDS, { error: "Select what kind of profession it is" }) }),
  "care-settings": z.object({ name }),
  bands: z.object({ name }),
  stages: z.object({ name, ...stageDetails }),
} as const;

export function referenceEditFields(kind: ReferenceKind) {
  return editable[kind];
}

/** A new value: the editable fields and its code (second, as on the form, so the error summary reads in order). */
export function referenceNewFields(kind: ReferenceKind) {
  const { name: _name, ...rest } = editable[kind].shape;
  return z.object({ name, code, ...rest }).superRefine((v, ctx) => {
    // (An empty name has its own message.)
    if (v.code === null && v.name !== "" && codeFromName(v.name) === "") {
      ctx.addIssue({ code: "custom", path: ["code"], message: "Enter a code: the name has no letters or numbers to make one from" });
    }
  });
}

export type ReferenceInput = {
  name: string;
  /** null: made from the name. */
  code: string | null;
  kind?: (typeof PROFESSION_KINDS)[number];
  rank?: number;
  educationLevel?: number | null;
  frameworkStage?: (typeof FRAMEWORK_STAGES)[number] | null;
  description?: string;
};
