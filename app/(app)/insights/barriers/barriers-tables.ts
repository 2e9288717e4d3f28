// The Barriers and enablers tab's tables as cells (lib/tables.ts): the page renders them and the CSV download writes
// the same. Categories are the vocabulary's barrier categories, in its order, with its words.
import type { BarrierPick, BarriersAndEnablers, Enabler, GroupCount } from "@/db/queries/barriers";
import { BARRIER_CATEGORIES, barrierWords, cpdTypeWords, CPD_TYPES } from "@/lib/vocabulary";
import { formatDate } from "@/lib/rules/dates";
import type { TableData } from "@/lib/tables";

export const ENABLER_WORDS: Record<Enabler["key"], { label: string; definition: string }> = {
  learning_needs: {
    label: "Learning needs assessed",
    definition: "Completed appraisals held in the period that recorded the worker's training needs; workers are those with at least one.",
  },
  formal: { label: "Formal learning", definition: "CPD activities in the period logged as formal learning (courses, e-learning, in-house training and the like), with their hours." },
  informal: { label: "Informal learning", definition: "CPD activities in the period logged as informal learning (shadowing, reading, reflective practice and the like), with their hours." },
  bespoke: {
    label: "Bespoke competencies",
    definition: "Assessments against a service's or profession's own (bespoke) competency statements that were self-assessed or signed off in the period.",
  },
};

const hoursText = (h: number | null) => (h === null ? "–" : (Math.round(h * 10) / 10).toFixed(1));

/** A group's row: its id, name, count in each category (in the vocabulary's order) and total. */
type GroupRow = { id: string; name: string; values: number[]; total: number };

/** Rows by group, in the query's order, or with the most barriers first (then in that order). */
function groupRows(groups: GroupCount[], mostFirst: boolean): GroupRow[] {
  const by = new Map<string, { name: string; counts: Map<string, number> }>();
  for (const g of groups) {
    const row = by.get(g.id) ?? { name: g.name, counts: new Map<string, number>() };
    row.counts.set(g.category, (row.counts.get(g.category) ?? 0) + g.count);
    by.set(g.id, row);
  }
  const rows = [...by.entries()].map(([id, r]) => {
    const values = BARRIER_CATEGORIES.map((c) => r.counts.get(c) ?? 0);
    return { id, name: r.name, values, total: values.reduce((a, b) => a + b, 0) };
  });
  if (mostFirst) rows.sort((a, b) => b.total - a.total);
  return rows;
}

/** Counts by group and category, with totals; laid out once for the rows (see rowsOf). */
const tableMemo = new WeakMap<GroupRow[], TableData>();
function byGroup(key: string, title: string, label: string, rows: GroupRow[]): TableData {
  const known = tableMemo.get(rows);
  if (known) return known;
  const table = layOut(key, title, label, rows);
  tableMemo.set(rows, table);
  return table;
}

function layOut(key: string, title: string, label: string, rows: GroupRow[]): TableData {
  const totals = BARRIER_CATEGORIES.map((_, i) => rows.reduce((a, r) => a + r.values[i]!, 0));
  return {
    key,
    title,
    columns: [{ label }, ...BARRIER_CATEGORIES.map((c) => ({ label: barrierWords.label(c), numeric: true })), { label: "Total", numeric: true }],
    rows: rows.map((r) => [r.name, ...r.values, r.total]),
    totals: ["Total", ...totals, totals.reduce((a, b) => a + b, 0)],
  };
}

export const BARRIER_TABLE_KEYS = ["barriers-by-category", "barriers-by-team", "barriers-by-profession", "barriers-by-quarter", "enablers", "cpd-by-type"] as const;

export function barrierTables(b: BarriersAndEnablers): TableData[] {
  const cat = (c: string) => b.byCategory.find((x) => x.category === c);
  const sum = (pick: (x: BarriersAndEnablers["byCategory"][number]) => number) => b.byCategory.reduce((a, x) => a + pick(x), 0);
  const cpdRows = [...b.cpdByType].sort((x, y) => CPD_TYPES.indexOf(x.type) - CPD_TYPES.indexOf(y.type) || x.learning.localeCompare(y.learning));
  return [
    {
      key: "barriers-by-category",
      title: "Barriers by category",
      columns: [
        { label: "Category" },
        { label: "On PDP goals", numeric: true },
        { label: "In career conversations", numeric: true },
        { label: "Training requests declined", numeric: true },
        { label: "Total", numeric: true },
        { label: "Workers", numeric: true },
      ],
      rows: b.byCategory.length === 0 ? [] : BARRIER_CATEGORIES.map((c) => [barrierWords.label(c), cat(c)?.goal ?? 0, cat(c)?.conversation ?? 0, cat(c)?.declined ?? 0, cat(c)?.total ?? 0, cat(c)?.workers ?? 0]),
      totals: ["Total", sum((x) => x.goal), sum((x) => x.conversation), sum((x) => x.declined), sum((x) => x.total), b.allWorkers],
    },
    byGroup("barriers-by-team", "Barriers by team and category", "Team", rowsOf(b, true)),
    byGroup("barriers-by-profession", "Barriers by profession and category", "Profession", rowsOf(b, false)),
    {
      key: "barriers-by-quarter",
      title: "Barriers by quarter, the last two years",
      columns: [{ label: "Quarter" }, { label: "Barriers recorded", numeric: true }, { label: "Training requests declined", numeric: true }, { label: "Total", numeric: true }],
      rows: b.trend.map((q) => [`${formatDate(q.start)} to ${formatDate(q.end)}`, q.recorded, q.declined, q.recorded + q.declined]),
      totals: ["Total", b.trend.reduce((a, q) => a + q.recorded, 0), b.trend.reduce((a, q) => a + q.declined, 0), b.trend.reduce((a, q) => a + q.recorded + q.declined, 0)],
    },
    {
      key: "enablers",
      title: "Enablers in use",
      columns: [{ label: "Enabler" }, { label: "Workers", numeric: true }, { label: "Records", numeric: true }, { label: "Hours", numeric: true }],
      rows: b.enablers.map((e) => [ENABLER_WORDS[e.key].label, e.workers, e.records, hoursText(e.hours)]),
    },
    {
      key: "cpd-by-type",
      title: "Formal and informal learning by CPD type",
      columns: [{ label: "CPD type" }, { label: "Learning" }, { label: "Workers", numeric: true }, { label: "Activities", numeric: true }, { label: "Hours", numeric: true }],
      rows: cpdRows.map((r) => [cpdTypeWords.label(r.type), r.learning === "formal" ? "Formal" : "Informal", r.workers, r.activities, hoursText(r.hours)]),
      totals: ["Total", "", "", cpdRows.reduce((a, r) => a + r.activities, 0), hoursText(cpdRows.reduce((a, r) => a + r.hours, 0))],
    },
  ];
}

/** What a barrier figure counts, so it can open to the people behind it: the pick, and a team or profession to filter by. */
export type BarrierFigure = BarrierPick & { team?: string; profession?: string };

/**
 * The by-team or by-profession rows in the table's order, worked out once for a page's many cells and for every
 * request while the figures are kept: the memo is keyed by the kept counts themselves (db/insights-cache.ts hands each
 * request a copy of the kept object, whose lists are the kept ones). At 50,000 workers the by-team counts are 14,000
 * rows, which took about 17 ms a request to group, sort and lay out.
 */
const groupMemo = new WeakMap<GroupCount[], GroupRow[]>();
function rowsOf(b: BarriersAndEnablers, team: boolean): GroupRow[] {
  const groups = team ? b.byTeam : b.byProfession;
  const known = groupMemo.get(groups);
  if (known) return known;
  const rows = groupRows(groups, team);
  groupMemo.set(groups, rows);
  return rows;
}

const SOURCE_BY_COLUMN: (BarrierPick["source"] | undefined)[] = [undefined, "goal", "conversation", "declined", null];

/**
 * The figure a cell of a barriers table counts, or null where a cell is not one list of barriers (the workers column,
 * the two-year total, the enablers). By category: a source column (or the total) of a category (or of all). By team or
 * profession: a category (or the total) of a group (or of all). By quarter: recorded, declined or both in a quarter.
 */
export function barrierFigureAt(b: BarriersAndEnablers, key: string, row: number | null, column: number): BarrierFigure | null {
  const none = { category: null, source: null, quarterEnd: null } as const;
  if (key === "barriers-by-category") {
    const source = SOURCE_BY_COLUMN[column];
    if (source === undefined) return null;
    return { ...none, category: row === null ? null : (BARRIER_CATEGORIES[row] ?? null), source };
  }
  if (key === "barriers-by-team" || key === "barriers-by-profession") {
    if (column < 1 || column > BARRIER_CATEGORIES.length + 1) return null;
    const category = BARRIER_CATEGORIES[column - 1] ?? null;
    if (row === null) return { ...none, category };
    const g = rowsOf(b, key === "barriers-by-team")[row];
    if (!g) return null;
    return { ...none, category, ...(key === "barriers-by-team" ? { team: g.id } : { profession: g.id }) };
  }
  if (key === "barriers-by-quarter") {
    const q = row === null ? undefined : b.trend[row];
    const source = ([undefined, "recorded", "declined", null] as const)[column];
    return q && source !== undefined ? { ...none, quarterEnd: q.end, source } : null;
  }
  return null;
}
