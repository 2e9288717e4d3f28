// Competency frameworks as data: what a statement, a domain and a publication must look like on the admin's forms.
// Rules that need the database (the domain's number, duplicates, the version being a draft) are in db/queries/frameworks.ts.
import { z } from "zod";
import { LONG_TEXT_MAX, NOTE_MAX, TITLE_MAX } from "./limits";
import { FRAMEWORK_STAGES } from "../vocabulary";
import { renewalProblem } from "../rules/competencies";

export const VERSION_STATUSES = ["draft", "published", "superseded"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const versionStatusWords: Record<VersionStatus, string> = {
  draft: "Draft",
  published: "Published",
  superseded: "Superseded",
};

export const renewalWords = (months: number | null) => (months === null ? "Does not expire" : `Renew every ${months} month${months === 1 ? "" : "s"}`);

/** Who a bespoke statement is for. */
export const scopeWords = (s: { professionName: string | null; teamName: string | null }) =>
  s.professionName ? `for ${s.professionName}` : s.teamName ? `for the ${s.teamName} team` : "for everyone";

const text = z
  .string({ error: "Enter the statement's wording" })
  .trim()
  .min(1, "Enter the statement's wording")
  .max(NOTE_MAX, `The wording must be ${NOTE_MAX} characters or fewer`);

const number = z.string({ error: "Enter the statement's number, for example 3.2" }).trim().max(12, "Enter the number as the domain, a dot and the item, for example 3.2 or 3.2a");

/** Whole months, 1 to RENEWAL_MAX_MONTHS, or empty for "does not expire" (null). */
const renewalMonths = z
  .string()
  .optional()
  .transform((v) => v ?? "")
  .superRefine((v, ctx) => {
    const problem = renewalProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) => (v.trim() === "" ? null : Number(v.trim())));

const optionalId = z
  .string()
  .trim()
  .max(64, "Select from the list")
  .optional()
  .transform((v) => (v ? v : null));

const sourceRef = z
  .string()
  .trim()
  .max(TITLE_MAX, `The source reference must be ${TITLE_MAX} characters or fewer`)
  .optional()
  .transform((v) => (v ? v : null));

/** A bespoke statement may be for one profession or one team (or for everyone), not both. */
const oneScope = (v: { professionId: string | null; teamId: string | null }) => !(v.professionId && v.teamId);
const ONE_SCOPE = { message: "Choose a profession or a team, not both", path: ["teamId"] };

export const StatementEditFields = z
  .object({ number, text, renewalMonths, sourceRef, professionId: optionalId, teamId: optionalId })
  .refine(oneScope, ONE_SCOPE);

export const StatementNewFields = z
  .object({
    domainId: z.string({ error: "Select a domain" }).trim().min(1, "Select a domain").max(64, "Select a domain"),
    stage: z.enum(FRAMEWORK_STAGES, { error: "Select a stage" }),
    number,
    text,
    renewalMonths,
    sourceRef,
    bespoke: z.enum(["yes", "no"], { error: "Say whether this is a bespoke statement" }).transform((v) => v === "yes"),
    professionId: optionalId,
    teamId: optionalId,
  })
  .refine(oneScope, ONE_SCOPE)
  // Only a bespoke statement is for a profession or a team; the HEE statements are for everyone.
  .refine((v) => v.bespoke || (!v.professionId && !v.teamId), { message: "Only a bespoke statement can be for one profession or team", path: ["bespoke"] });

export type StatementEdit = z.output<typeof StatementEditFields>;
export type StatementNew = z.output<typeof StatementNewFields>;

export const DomainFields = z.object({
  title: z.string({ error: "Enter the domain's title" }).trim().min(1, "Enter the domain's title").max(TITLE_MAX, `The title must be ${TITLE_MAX} characters or fewer`),
  description: z.string().trim().max(NOTE_MAX, `The description must be ${NOTE_MAX} characters or fewer`).default(""),
});

export type DomainInput = z.output<typeof DomainFields>;

export const PublishFields = z.object({
  notes: z
    .string({ error: "Say what changed in this version" })
    .trim()
    .min(1, "Say what changed in this version")
    .max(LONG_TEXT_MAX, `The notes must be ${LONG_TEXT_MAX} characters or fewer`),
});

export type PublishInput = z.output<typeof PublishFields>;

export const DiscardFields = z.object({
  confirm: z.literal("yes", { error: "Tick the box to confirm that the draft is to be discarded" }),
});

/** The administrator's choice of the framework workers are assessed against (one of the published frameworks). */
export const AssessedFrameworkFields = z.object({
  frameworkId: z.string({ error: "Choose the framework workers are assessed against" }).trim().min(1, "Choose the framework workers are assessed against").max(64),
});
