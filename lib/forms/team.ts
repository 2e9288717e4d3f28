// What a team looks like on the admin's team form, and the teams list's filters in the URL.
import { z } from "zod";

const choiceList = (max: number, tooMany: string) => z.array(z.string().trim().min(1).max(64)).max(max, tooMany).default([]);

export const teamFields = z.object({
  name: z.string({ error: "Enter the team's name" }).trim().min(1, "Enter the team's name").max(120, "Team name must be 120 characters or fewer"),
  service: z.string().trim().max(120, "Service must be 120 characters or fewer").default(""),
  careSettingId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : null)),
  professionIds: choiceList(50, "Select 50 professions or fewer"),
  managerIds: choiceList(200, "Select 200 managers or fewer"),
});

export type TeamFields = z.infer<typeof teamFields>;

/** The form fields sent as a list (checkbox groups). */
export const TEAM_LIST_FIELDS = ["professionIds", "managerIds"] as const;

export const TEAMS_PAGE_SIZE = 24;

export type TeamFilters = { q?: string; archived: boolean; page: number };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseTeamFilters(search: Record<string, string | string[] | undefined>): TeamFilters {
  const page = Number.parseInt(first(search.page) ?? "1", 10);
  return {
    q: first(search.q)?.trim() || undefined,
    archived: first(search.archived) === "1",
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

export function teamFiltersToQuery(f: TeamFilters): string {
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.archived) params.set("archived", "1");
  if (f.page > 1) params.set("page", String(f.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
