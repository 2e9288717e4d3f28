// The team filter on the lists and figures a lead sees (insights, workers, apprenticeships). A trust of a few dozen
// teams picks one from a list; a national-scale organisation has thousands, which no one scrolls through and which
// made each of those pages a megabyte (docs/benchmarks.md), so above TEAM_LIST_MAX the filter is a box to type part of
// a team's name in, and the page offers the teams that match.

/** Up to this many teams, the filter is a list to choose from. */
export const TEAM_LIST_MAX = 150;
/** The most matches offered under the box; more ask for more of the name. */
export const TEAM_MATCHES_SHOWN = 25;
/** Longer than any team's name: anything longer is taken as no words at all. */
export const TEAM_TYPED_MAX = 200;

export type TeamChoice = { id: string; name: string };

export type PickedTeam = {
  /** The team the figures are for, or null for all of them. */
  team: string | null;
  /** The words typed in the box, when they picked no single team. */
  typed: string | null;
  /** The teams whose names hold the words typed, when there is more than one (at most TEAM_MATCHES_SHOWN). */
  matches: TeamChoice[];
  /** How many more matched than are offered. */
  more: number;
};

const fold = (s: string) => s.toLocaleLowerCase("en-GB").replace(/\s+/g, " ").trim();

/**
 * The team asked for. Words typed in the box (`typed`) win over a team's id (`team`, from the list or a link): they pick
 * the team whose name is exactly them, ignoring case and spacing, or else the one team whose name holds them; when
 * several hold them, none is picked and they are offered instead. An id outside `teams` picks nothing.
 */
export function pickTeam(team: string | null | undefined, typed: string | null | undefined, teams: readonly TeamChoice[]): PickedTeam {
  const words = typeof typed === "string" && typed.length <= TEAM_TYPED_MAX ? fold(typed) : "";
  if (!words) return { team: teams.some((t) => t.id === team) ? team! : null, typed: null, matches: [], more: 0 };
  const exact = teams.filter((t) => fold(t.name) === words);
  if (exact.length === 1) return { team: exact[0]!.id, typed: null, matches: [], more: 0 };
  const holding = exact.length > 1 ? exact : teams.filter((t) => fold(t.name).includes(words));
  if (holding.length === 1) return { team: holding[0]!.id, typed: null, matches: [], more: 0 };
  return { team: null, typed: typed!.trim(), matches: holding.slice(0, TEAM_MATCHES_SHOWN), more: Math.max(0, holding.length - TEAM_MATCHES_SHOWN) };
}

/** Whether the filter is a box to type in rather than a list. */
export const teamsTooManyToList = (teams: readonly unknown[]) => teams.length > TEAM_LIST_MAX;
