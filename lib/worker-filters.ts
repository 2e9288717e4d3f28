// The workers list's filters, sort and page, read from the URL (so a view can be bookmarked and shared).
// One schema serves the page and the CSV export, so the file always holds what the screen shows.
import { z } from "zod";

export const WORKER_SORTS = ["name", "employeeNumber", "jobTitle", "team", "profession", "stage", "band", "fte", "start"] as const;
export type WorkerSort = (typeof WORKER_SORTS)[number];

export const PAGE_SIZE = 25;

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v) => (v ? v : undefined))
  .catch(undefined);

/** The longest search the list takes: far beyond any name or employee number, short enough for any address. */
export const SEARCH_MAX = 1000;

export const WorkerFilters = z.object({
  q: z
    .string()
    .trim()
    .max(SEARCH_MAX)
    .optional()
    .transform((v) => (v ? v : undefined))
    .catch(undefined),
  team: optionalId,
  profession: optionalId,
  stage: optionalId,
  band: optionalId,
  setting: optionalId,
  status: z.enum(["in_post", "left", "all"]).catch("in_post"),
  apprentice: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  sort: z.enum(WORKER_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type WorkerFilters = z.infer<typeof WorkerFilters>;

/**
 * Reads filters from search params. Each one that is malformed falls back to its default on its own, so the others
 * still apply; a search too long to take is dropped and said so (`searchRefused`), never cut short.
 */
export function parseWorkerFilters(params: Record<string, string | string[] | undefined> | URLSearchParams): WorkerFilters & { searchRefused: boolean } {
  const flat: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === "string") flat[k] = value;
  }
  const filters = WorkerFilters.parse(flat);
  return { ...filters, searchRefused: (flat.q?.trim().length ?? 0) > SEARCH_MAX };
}

/** The query string for a set of filters, leaving out defaults (so URLs stay short). */
export function filtersToQuery(f: Partial<WorkerFilters>): string {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  for (const key of ["team", "profession", "stage", "band", "setting"] as const) if (f[key]) p.set(key, f[key]);
  if (f.status && f.status !== "in_post") p.set("status", f.status);
  if (f.apprentice) p.set("apprentice", "1");
  if (f.sort && f.sort !== "name") p.set("sort", f.sort);
  if (f.dir && f.dir !== "asc") p.set("dir", f.dir);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
