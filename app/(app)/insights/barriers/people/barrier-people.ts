// The people behind a barriers figure: which figure an address names (checked strictly: anything unknown is null, the
// 404), its words, and the list as cells that the CSV download writes whole. Never a barrier's own words.
import type { SessionUser } from "@/lib/session-user";
import { scorecardFilterChoices, type ScorecardFilters } from "@/db/queries/scorecard";
import { barrierPeople, quartersEnding, type BarrierPerson, type BarrierPick } from "@/db/queries/barriers";
import { BARRIER_CATEGORIES, barrierWords, type BarrierCategory } from "@/lib/vocabulary";
import { declineReasonWords } from "@/lib/rules/cpd";
import { formatDate } from "@/lib/rules/dates";
import type { TableData } from "@/lib/tables";
import { insightsQuery, parseStrictFilters } from "../../filters";
import { filtersInWords } from "../../insights-header";
import type { BarrierFigure } from "../barriers-tables";

const SOURCES = ["goal", "conversation", "declined", "recorded"] as const;

export type BarrierPeopleAsk = { filters: ScorecardFilters; pick: BarrierPick; words: string };

const SOURCE_WORDS: Record<(typeof SOURCES)[number], string> = {
  goal: "on PDP goals",
  conversation: "in career conversations",
  declined: "as training requests declined",
  recorded: "recorded on PDP goals and career conversations",
};

/** The address's category, source, quarter and filters; null for anything unknown or out of the tab's two years. */
export async function parseBarrierPeople(user: SessionUser, search: Record<string, string | string[] | undefined>, today: string): Promise<BarrierPeopleAsk | null> {
  const choices = await scorecardFilterChoices(user);
  const filters = parseStrictFilters(search, ["category", "source", "quarter"], choices, today);
  if (!filters) return null;
  const { category, source, quarter } = search as Record<string, string | undefined>;
  if (category !== undefined && !(BARRIER_CATEGORIES as readonly string[]).includes(category)) return null;
  if (source !== undefined && !(SOURCES as readonly string[]).includes(source)) return null;
  const q = quarter === undefined ? undefined : quartersEnding(filters.end).find((x) => x.end === quarter);
  if (quarter !== undefined && !q) return null;
  const pick: BarrierPick = { category: (category as BarrierCategory | undefined) ?? null, source: (source as BarrierPick["source"] | undefined) ?? null, quarterEnd: q?.end ?? null };
  const what = `${pick.category ? `${barrierWords.label(pick.category)} barriers` : "Barriers"}${pick.source ? ` ${SOURCE_WORDS[pick.source]}` : ""}`;
  const where = filtersInWords(filters, choices);
  const when = q ? `, ${formatDate(q.start)} to ${formatDate(q.end)}` : "";
  return { filters, pick, words: `${what}${where ? ` (${where})` : ""}${when}` };
}

/** The address of the people behind a figure, with the tab's filters (a by-team or by-profession cell sets its own). */
export function barrierPeopleHref(filters: ScorecardFilters, today: string, figure: BarrierFigure): string {
  const f = { ...filters, ...(figure.team ? { team: figure.team } : {}), ...(figure.profession ? { profession: figure.profession } : {}) };
  const extra: Record<string, string> = {};
  if (figure.category) extra.category = figure.category;
  if (figure.source) extra.source = figure.source;
  if (figure.quarterEnd) extra.quarter = figure.quarterEnd;
  return `/insights/barriers/people${insightsQuery(f, today, extra)}`;
}

export async function barrierPeopleList(user: SessionUser, ask: BarrierPeopleAsk, limit: number | null) {
  return await barrierPeople(user, ask.filters, ask.pick, limit);
}

/** Where the barrier was met, in words: the goal, a conversation, or the declined request and its reason. */
export function recordWords(r: BarrierPerson): string {
  if (r.source === "goal") return `PDP goal: ${r.title ?? ""}`;
  if (r.source === "conversation") return "Career conversation";
  return `Training request declined: ${r.title ?? ""}${r.declineReason ? ` (${declineReasonWords.label(r.declineReason).toLowerCase()})` : ""}`;
}

/** The worker's page where the record is. */
export function recordHref(r: BarrierPerson): string {
  return `/workers/${r.workerId}/${r.source === "goal" ? "pdp" : r.source === "conversation" ? "conversations" : "cpd"}`;
}

/** The list as cells: worker, team, category, where it was met, on what day (ISO, for a spreadsheet). */
export function barrierPeopleTable(title: string, rows: BarrierPerson[]): TableData {
  return {
    key: "people",
    title,
    columns: [{ label: "Worker" }, { label: "Team" }, { label: "Category" }, { label: "Where" }, { label: "On" }],
    rows: rows.map((r) => [r.name, r.teamName, barrierWords.label(r.category), recordWords(r), r.on]),
  };
}

/** The page's own address for these filters, to go back to. */
export const barriersTabHref = (f: ScorecardFilters, today: string) => `/insights/barriers${insightsQuery(f, today)}`;
