// The insights filters as the URL carries them: only values from the user's own choices are taken, and a period end
// that is not a real date up to today falls back to today.
import { isIsoDate } from "@/lib/rules/dates";
import type { ScorecardFilters } from "@/db/queries/scorecard";
import { pickTeam } from "@/lib/team-filter";

/** `teamq`: words typed in the team box of a large organisation (lib/team-filter.ts), which win over `team`. */
export type InsightsSearch = { team?: string; teamq?: string; profession?: string; setting?: string; end?: string };

type Choices = { teams: { id: string; name: string }[]; professions: { id: string }[]; settings: { id: string }[] };

export function parseInsightsFilters(sp: InsightsSearch, choices: Choices, today: string): ScorecardFilters {
  const pick = (v: string | undefined, list: { id: string }[]) => (v && list.some((x) => x.id === v) ? v : null);
  return {
    team: pickTeam(sp.team, sp.teamq, choices.teams).team,
    profession: pick(sp.profession, choices.professions),
    setting: pick(sp.setting, choices.settings),
    end: sp.end && isIsoDate(sp.end) && sp.end <= today && sp.end >= "2000-01-01" ? sp.end : today,
  };
}

/** The query string for these filters (today's period end is left out), with any extra values. */
export function insightsQuery(f: ScorecardFilters, today: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.team) q.set("team", f.team);
  if (f.profession) q.set("profession", f.profession);
  if (f.setting) q.set("setting", f.setting);
  if (f.end !== today) q.set("end", f.end);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** A route handler's query string, one value a name, for the same parsing as the pages. */
export function searchOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

/**
 * The filters of a list of named people, strictly: any name outside the filters and `allowed`, a team, profession or
 * care setting outside the user's choices, a repeated name or a period end that is not a real date up to today
 * answers null (the page's 404), so an address never shows more, or other, people than the figure it came from.
 */
export function parseStrictFilters(search: Record<string, string | string[] | undefined>, allowed: readonly string[], choices: Choices, today: string): ScorecardFilters | null {
  const known = new Set(["team", "profession", "setting", "end", ...allowed]);
  for (const [k, v] of Object.entries(search)) if (!known.has(k) || typeof v !== "string" || v === "") return null;
  const sp = search as Record<string, string | undefined>;
  const f = parseInsightsFilters(sp, choices, today);
  if ((sp.team && f.team !== sp.team) || (sp.profession && f.profession !== sp.profession) || (sp.setting && f.setting !== sp.setting) || (sp.end && f.end !== sp.end)) return null;
  return f;
}
