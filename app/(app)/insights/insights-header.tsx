// The top of every insights page: the heading, the tabs (which keep the filters), and the filter form. Each tab
// passes its own extra fields (the progression's 12 or 24 months) as children.
import Link from "@/components/link";
import type { SessionUser } from "@/lib/session-user";
import type { ScorecardFilters } from "@/db/queries/scorecard";
import { TabNav } from "@/components/tab-nav";
import { SelectField } from "@/components/forms/select-field";
import { insightsQuery, type InsightsSearch } from "./filters";
import { TeamFilterField, TeamMatches } from "@/components/team-filter";
import { pickTeam } from "@/lib/team-filter";
import { formatDateTime } from "@/lib/rules/dates";
import { maxStaleMs } from "@/db/queries/insights";

export type InsightsTab = "scorecard" | "progression" | "workforce" | "barriers" | "equity";

const TABS: { key: InsightsTab; label: string; path: string }[] = [
  { key: "scorecard", label: "Call to action", path: "" },
  { key: "progression", label: "Team progression", path: "/progression" },
  { key: "workforce", label: "Workforce", path: "/workforce" },
  { key: "barriers", label: "Barriers and enablers", path: "/barriers" },
  { key: "equity", label: "Equity", path: "/equity" },
];

export const insightsPath = (tab: InsightsTab) => `/insights${TABS.find((t) => t.key === tab)!.path}`;

type Choices = { teams: { id: string; name: string }[]; professions: { id: string; name: string }[]; settings: { id: string; name: string }[] };

/** The filters in words, for a heading or a caption: "Ward 7, physiotherapy", or "" when there are none. */
export function filtersInWords(f: ScorecardFilters, choices: Choices): string {
  return filterNameParts(f, choices).join(", ");
}

/** The filters' names for a download's file name: team, profession, care setting (those set). */
export function filterNameParts(f: ScorecardFilters, choices: Choices): string[] {
  const name = (id: string | null, list: { id: string; name: string }[]) => (id ? list.find((x) => x.id === id)?.name : undefined);
  return [name(f.team, choices.teams), name(f.profession, choices.professions), name(f.setting, choices.settings)].filter((x): x is string => !!x);
}

/** Whose figures these are: the manager's teams or the organisation, narrowed to the filters chosen, by name. */
export function scopeWords(user: Pick<SessionUser, "role">, filterNames: readonly string[]): string {
  const whole = user.role === "manager" ? "your teams" : "the whole organisation";
  return filterNames.length === 0 ? `Insights: ${whole}` : `Insights: ${filterNames.join(" · ")}, filtered from ${whole}`;
}

export function InsightsHeader({
  user,
  tab,
  title,
  intro,
  filters,
  choices,
  today,
  endLabel = "12 months ending",
  extraQuery = {},
  workedOutAt = null,
  periods,
  search = {},
  children,
}: {
  user: SessionUser;
  tab: InsightsTab;
  /** The page's heading; the tab's own words follow "Insights". */
  title: string;
  intro: React.ReactNode;
  filters: ScorecardFilters;
  choices: Choices;
  today: string;
  endLabel?: string;
  /** Values of this tab's own fields, kept when the filters are cleared of nothing else. */
  extraQuery?: Record<string, string>;
  /** When the figures were worked out, if the data has changed since (db/insights-cache.ts). */
  workedOutAt?: Date | null;
  /** A tab with fixed reporting periods and no other filters (equity): the periods offered, and the one shown. */
  periods?: { offered: readonly { end: string; words: string }[]; shown: string };
  /** The address's filters as given, for the teams matching words typed in the team box. */
  search?: InsightsSearch;
  children?: React.ReactNode;
}) {
  const filtered = periods
    ? periods.shown !== periods.offered[0]?.end
    : !!(filters.team || filters.profession || filters.setting) || filters.end !== today || Object.keys(extraQuery).length > 0;
  const action = insightsPath(tab);
  const q = insightsQuery(filters, today);
  const picked = pickTeam(search.team, search.teamq, choices.teams);
  return (
    <>
      <p className="text-nhs-secondary">{scopeWords(user, periods ? [] : filterNameParts(filters, choices))}</p>
      <h1 className="mb-2">{title}</h1>
      <div className="mb-6 max-w-3xl text-nhs-secondary">{intro}</div>
      <TabNav label="Insights" current={tab} tabs={TABS.map((t) => ({ key: t.key, label: t.label, href: `/insights${t.path}${q}` }))} />
      <form method="get" action={action} className="card mb-8 no-print" aria-label="Filter the figures">
        {periods ? (
          <SelectField
            name="end"
            label="Reporting period"
            hint="Quarters that have ended. These figures are for the whole of your view, with no other filters, so that no two of them can be compared to point at a person."
            options={periods.offered.map((p) => [p.end, p.words] as const)}
            defaultValue={periods.shown}
            className="max-w-sm"
          />
        ) : (
        <div className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-4">
          <TeamFilterField teams={choices.teams} picked={picked} className="mb-5" />
          <SelectField name="profession" label="Profession" options={choices.professions.map((t) => [t.id, t.name] as const)} placeholder="All professions" defaultValue={filters.profession ?? ""} />
          <SelectField name="setting" label="Care setting" options={choices.settings.map((t) => [t.id, t.name] as const)} placeholder="All care settings" defaultValue={filters.setting ?? ""} />
          <div className="mb-4">
            <label htmlFor="end" className="label">
              {endLabel}
            </label>
            <input id="end" name="end" type="date" defaultValue={filters.end} max={today} className="input" />
          </div>
          {children}
        </div>
        )}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn mb-0!">
            Show the figures
          </button>
          {filtered ? <Link href={action}>Clear the filters</Link> : null}
        </div>
      </form>
      <TeamMatches picked={picked} hrefFor={(team) => `${action}${insightsQuery({ ...filters, team }, today, extraQuery)}`} />
      {workedOutAt ? (
        <p className="card mb-8 max-w-3xl">
          <strong>{`Figures worked out at ${formatDateTime(workedOutAt)}.`}</strong>
          {` In an organisation this large they are worked out again at most every ${Math.max(1, Math.round(maxStaleMs() / 60_000))} minutes, so changes made since then are not in them yet.`}
        </p>
      ) : null}
    </>
  );
}
