// The resources hub: the words for each kind of resource, what an entry must look like, and the hub's filters.
import { z } from "zod";
import { NOTE_MAX, TITLE_MAX } from "./limits";
import { RESOURCE_TYPES, labels } from "../vocabulary";

export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const resourceTypeWords = labels(RESOURCE_TYPES, {
  professional_body: "Professional body",
  union: "Trade union",
  role_guide: "Role and responsibility guide",
  supervision_delegation: "Supervision and delegation",
  career_framework: "Education and career framework",
  cpd: "Learning and CPD",
  other: "Other",
});

export function isResourceType(value: unknown): value is ResourceType {
  return typeof value === "string" && (RESOURCE_TYPES as readonly string[]).includes(value);
}

/** A web address a person can follow: http or https, with a host name that has a dot in it (www.csp.org.uk). */
export function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.username && !url.password;
}

/** A web address as people often type it: "www.…" without the https:// in front gets it. */
export function withHttps(value: string): string {
  return /^www\./i.test(value) ? `https://${value}` : value;
}

const URL_MESSAGE = "Enter a web address starting with https:// or www., like https://www.csp.org.uk";

export const ResourceFields = z.object({
  title: z.string({ error: "Enter a title" }).trim().min(1, "Enter a title").max(TITLE_MAX, `Title must be ${TITLE_MAX} characters or fewer`),
  type: z.enum(RESOURCE_TYPES, { error: "Select what kind of resource it is" }),
  url: z
    .string({ error: "Enter the web address" })
    .trim()
    .min(1, { message: "Enter the web address", abort: true })
    .max(500, { message: "Web address must be 500 characters or fewer", abort: true })
    // As people copy it from a browser's address bar or a letter: "www.csp.org.uk" is kept with its https://.
    .transform(withHttps)
    .refine(isWebAddress, URL_MESSAGE),
  /** Empty for a resource for everyone. Whether the profession is current is checked against the database. */
  professionId: z
    .string()
    .trim()
    .max(64, "Select a profession from the list")
    .optional()
    .transform((v) => (v ? v : null)),
  body: z.string().trim().max(NOTE_MAX, `Description must be ${NOTE_MAX} characters or fewer`).default(""),
});

export type ResourceInput = z.output<typeof ResourceFields>;

/** The hub's GET filters. Anything unrecognised is ignored rather than refused: a stale link still shows the hub. */
export type ResourceFilters = { type?: ResourceType; profession?: string };

export function parseResourceFilters(params: Record<string, string | string[] | undefined>): ResourceFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  const type = one(params.type);
  const profession = one(params.profession);
  return {
    type: isResourceType(type) ? type : undefined,
    profession: profession && profession.length <= 64 ? profession : undefined,
  };
}
