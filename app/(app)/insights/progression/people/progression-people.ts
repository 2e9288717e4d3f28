// The people behind a team progression figure: which figure an address names (checked strictly: anything unknown is
// null, the 404), its words, and the list as a table of cells that the page shows and the CSV download writes whole.
import type { SessionUser } from "@/lib/session-user";
import { scorecardFilterChoices, type ScorecardFilters } from "@/db/queries/scorecard";
import { progressionPeople, stagesByCode, type ProgressionPick } from "@/db/queries/progression";
import { monthLabel, progressionWindow, PROGRESSION_FIGURES, isProgressionFigure, type ProgressionMonths } from "@/lib/rules/progression";
import { insightsQuery, parseStrictFilters } from "../../filters";
import type { TableData } from "@/lib/tables";

export type ProgressionPeopleAsk = { filters: ScorecardFilters; months: ProgressionMonths; pick: ProgressionPick; figureWords: string };

/** The address's figure, month, stages, months and filters; null for anything unknown, missing or out of the window. */
export async function parseProgressionPeople(user: SessionUser, search: Record<string, string | string[] | undefined>, today: string): Promise<ProgressionPeopleAsk | null> {
  const filters = parseStrictFilters(search, ["figure", "month", "from", "to", "months"], await scorecardFilterChoices(user), today);
  if (!filters) return null;
  const { figure, month, from, to, months: m } = search as Record<string, string | undefined>;
  if (!isProgressionFigure(figure)) return null;
  if (m !== undefined && m !== "12" && m !== "24") return null;
  const months: ProgressionMonths = m === "24" ? 24 : 12;
  if (month !== undefined && !progressionWindow(filters.end, months).months.includes(month)) return null;
  let words: string = PROGRESSION_FIGURES[figure].label;
  if (figure === "stage-move") {
    const names = await stagesByCode();
    if (!from || !to || from === to || !names.has(from) || !names.has(to)) return null;
    words = `Moves from ${names.get(from)} to ${names.get(to)}`;
  } else if (from !== undefined || to !== undefined) return null;
  return { filters, months, pick: { figure, month: month ?? null, from, to }, figureWords: words };
}

/** The address of the people behind a figure, with the tab's filters and period. */
export function progressionPeopleHref(filters: ScorecardFilters, today: string, months: ProgressionMonths, pick: ProgressionPick): string {
  const extra: Record<string, string> = { figure: pick.figure };
  if (pick.month) extra.month = pick.month;
  if (pick.from) extra.from = pick.from;
  if (pick.to) extra.to = pick.to;
  if (months !== 12) extra.months = String(months);
  return `/insights/progression/people${insightsQuery(filters, today, extra)}`;
}

/** "Moves up in Mar 2026" or "Moves up, Dec 2025 to Nov 2026". */
export function figureInWords(ask: ProgressionPeopleAsk, window: { months: string[] }): string {
  const m = window.months;
  return ask.pick.month ? `${ask.figureWords} in ${monthLabel(ask.pick.month)}` : `${ask.figureWords}, ${monthLabel(m[0]!)} to ${monthLabel(m[m.length - 1]!)}`;
}

export async function progressionPeopleList(user: SessionUser, ask: ProgressionPeopleAsk, limit: number | null) {
  return await progressionPeople(user, ask.filters, ask.months, ask.pick, limit);
}

/** The list as cells: worker, team, job title, what happened, on what day (ISO, for a spreadsheet). */
export function progressionPeopleTable(title: string, rows: Awaited<ReturnType<typeof progressionPeople>>["rows"]): TableData {
  return {
    key: "people",
    title,
    columns: [{ label: "Worker" }, { label: "Team" }, { label: "Job title" }, { label: "What happened" }, { label: "On" }],
    rows: rows.map((r) => [r.name, r.teamName, r.jobTitle, r.what, r.on]),
  };
}
