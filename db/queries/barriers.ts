import "server-only";
// Barriers and enablers for the insights tab of that name (the source report's theory of change). Barriers are those
// recorded on PDP goals and career conversations, and training requests declined (their reason counted under the
// nearest barrier category); enablers are learning needs assessed at appraisal, formal and informal CPD, and bespoke
// competencies worked on. The workers counted are those the user may see who match the filters, including any who have
// since left (a barrier is often why someone leaves). Aggregates only, never a barrier's free-text detail; a fixed
// number of grouped queries whatever the size of the organisation.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { caseless, always, utcDayOfMs, countWhere, roundTo, limitTo, joinInOrder } from "../dialect";
import { db, selectRows } from "../client";
import { keptObject } from "../insights-cache";
import { appraisals, barriers, competencyAssessments, competencyStatements, cpdActivities, pdpGoals, professions, teams, trainingRequests, workers } from "../schema";
import type { SessionUser } from "../../lib/session-user";
import { filteredWorkers, type ScorecardFilters } from "./scorecard";
import { addDays, addMonths, londonDateOf, londonDayStartMs } from "../../lib/rules/dates";
import { periodEnding, type Period } from "../../lib/rules/scorecard";
import type { BarrierCategory, DeclineReason } from "../../lib/vocabulary";

export type BarrierSource = "goal" | "conversation" | "declined";

/** A declined training request's reason, as the barrier category it is counted under. */
export const DECLINE_CATEGORY: Record<DeclineReason, BarrierCategory> = {
  funding: "financial",
  time_or_cover: "time_constraints",
  availability_of_training: "availability_of_training",
  not_relevant: "other",
  other: "other",
};


const msFrom = (date: string) => londonDayStartMs(date);
const msTo = (date: string) => londonDayStartMs(addDays(date, 1)) - 1;

/**
 * Every barrier in [from, to] with its worker's team and profession, as one union: a CTE body. A recorded barrier has a
 * day (on_day) and a declined request a moment (at_ms); the other is a null typed as its column is, since PostgreSQL
 * gives a union's column one type.
 */
function events(where: SQL, from: string, to: string): SQL {
  const whens = Object.entries(DECLINE_CATEGORY)
    .map(([reason, category]) => `when '${reason}' then '${category}'`)
    .join(" ");
  const declineCase = sql`case ${trainingRequests.declineReason} ${sql.raw(whens)} else 'other' end`;
  return sql`
    select ${barriers.workerId} as worker_id, ${workers.teamId} as team_id, ${workers.professionId} as profession_id, ${barriers.category} as category,
      case when ${barriers.goalId} is not null then 'goal' else 'conversation' end as source, ${barriers.recordedOn} as on_day, cast(null as bigint) as at_ms,
      ${barriers.id} as record_id
    from ${barriers} join ${workers} on ${workers.id} = ${barriers.workerId}
    where ${where} and ${barriers.recordedOn} between ${from} and ${to}
    union all
    select ${trainingRequests.workerId}, ${workers.teamId}, ${workers.professionId}, ${declineCase}, 'declined', cast(null as text), ${trainingRequests.decidedAt},
      ${trainingRequests.id}
    from ${trainingRequests} join ${workers} on ${workers.id} = ${trainingRequests.workerId}
    where ${where} and ${trainingRequests.status} = 'declined' and ${trainingRequests.decidedAt} between ${msFrom(from)} and ${msTo(to)}`;
}

export type CategoryCount = { category: BarrierCategory; goal: number; conversation: number; declined: number; total: number; workers: number };
export type GroupCount = { id: string; name: string; category: BarrierCategory; count: number };
export type Quarter = { start: string; end: string; recorded: number; declined: number };
export type Enabler = { key: "learning_needs" | "formal" | "informal" | "bespoke"; workers: number; records: number; hours: number | null };

/** Names in alphabetical order, whatever their case: one collator, since localeCompare with options makes one a call. */
const byName = new Intl.Collator("en-GB", { sensitivity: "base" }).compare;

/** The last `n` quarters ending on `end` (three-month spans aligned to it), oldest first. */
export function quartersEnding(end: string, n = 8): { start: string; end: string }[] {
  return Array.from({ length: n }, (_, i) => {
    const qEnd = addMonths(end, -3 * (n - 1 - i));
    return { start: addDays(addMonths(end, -3 * (n - i)), 1), end: qEnd };
  });
}

/** Barriers and enablers, kept while the data is unchanged, and for a lead a while after a change if slow (db/insights-cache.ts). */
export async function barriersAndEnablers(user: SessionUser, f: ScorecardFilters) {
  return await keptObject("barriersAndEnablers", user, f, async () => await workOutBarriersAndEnablers(user, f), true);
}

async function workOutBarriersAndEnablers(user: SessionUser, f: ScorecardFilters) {
  const p: Period = periodEnding(f.end);
  const where = filteredWorkers(user, f);
  const inPeriod = events(where, p.start, p.end);

  // By category, by team and by profession, and how many workers in all, over the period's events listed once. The
  // first branch's nulls are typed (PostgreSQL types a union's columns from its branches, pairwise from the left) and
  // the names are grouped with their ids (PostgreSQL selects only what is grouped or aggregated).
  const counted = await selectRows<{ kind: "category" | "all" | "team" | "profession"; id: string | null; name: string | null; sort: number | null; category: BarrierCategory | null; goal: number; conversation: number; declined: number; total: number; workers: number }>(sql`
    with e as materialized (${inPeriod})
    select 'category' as kind, cast(null as text) as id, cast(null as text) as name, cast(null as integer) as sort, category, coalesce(${countWhere(sql`source = 'goal'`)}, 0) as goal,
      coalesce(${countWhere(sql`source = 'conversation'`)}, 0) as conversation, coalesce(${countWhere(sql`source = 'declined'`)}, 0) as declined, count(*) as total, count(distinct worker_id) as workers
    from e group by category
    union all
    select 'all', null, null, null, null, 0, 0, 0, count(*), count(distinct worker_id) from e
    union all
    select 'team', ${teams.id}, ${teams.name}, null, e.category, 0, 0, 0, count(*), 0
    from e join ${teams} on ${teams.id} = e.team_id group by ${teams.id}, ${teams.name}, e.category
    union all
    select 'profession', ${professions.id}, ${professions.name}, ${professions.sort}, e.category, 0, 0, 0, count(*), 0
    from e join ${professions} on ${professions.id} = e.profession_id group by ${professions.id}, ${professions.name}, ${professions.sort}, e.category`);
  const byCategory: CategoryCount[] = counted
    .filter((r) => r.kind === "category")
    .map(({ category, goal, conversation, declined, total, workers }) => ({ category: category!, goal, conversation, declined, total, workers }));
  const allWorkers = counted.find((r) => r.kind === "all")?.workers ?? 0;
  const groups = (kind: "team" | "profession"): GroupCount[] =>
    counted.filter((r) => r.kind === kind).map((r) => ({ id: r.id!, name: r.name!, category: r.category!, count: r.total, sort: r.sort ?? 0 }))
      // Teams by name; professions in their reference order, then by name.
      .sort((x, y) => x.sort - y.sort || byName(x.name, y.name))
      .map(({ sort: _sort, ...g }) => g);
  const byTeam = groups("team");
  const byProfession = groups("profession");

  // The trend: eight quarters, the last four being the period. Quarter bounds are London days (and, for decisions,
  // the moments those days start and end), passed in as a values list; the numbers cast, since PostgreSQL would take
  // the list's parameters as text.
  const quarters = quartersEnding(f.end);
  const bounds = sql.join(
    quarters.map((q, i) => sql`(cast(${i} as integer), ${q.start}, ${q.end}, cast(${msFrom(q.start)} as bigint), cast(${msTo(q.end)} as bigint))`),
    sql`, `,
  );
  const trendRows = await selectRows<{ i: number; recorded: number; declined: number }>(sql`
    with q(i, d_from, d_to, ms_from, ms_to) as (values ${bounds}),
    e as materialized (${events(where, quarters[0]!.start, f.end)})
    select q.i as i, coalesce(${countWhere(sql`e.source <> 'declined'`)}, 0) as recorded, coalesce(${countWhere(sql`e.source = 'declined'`)}, 0) as declined
    from q left join e on (e.on_day between q.d_from and q.d_to) or (e.at_ms between q.ms_from and q.ms_to)
    group by q.i order by q.i`);
  const trend: Quarter[] = quarters.map((q, i) => ({ ...q, recorded: trendRows.find((r) => r.i === i)?.recorded ?? 0, declined: trendRows.find((r) => r.i === i)?.declined ?? 0 }));

  // Enablers in the period, one union. Bespoke sign-offs start from the bespoke statements (a few), not from every
  // worker's assessments (a second a lead at 50,000 workers). The nulls typed as the rounded hours are.
  const enablers = await selectRows<Enabler>(sql`
    select 'learning_needs' as key, count(distinct ${appraisals.workerId}) as workers, count(*) as records, cast(null as numeric) as hours
    from ${appraisals} join ${workers} on ${workers.id} = ${appraisals.workerId}
    where ${where} and ${appraisals.status} = 'completed' and ${appraisals.heldOn} between ${p.start} and ${p.end}
      and length(trim(${appraisals.trainingNeeds})) > 0
    union all
    select ${cpdActivities.learning}, count(distinct ${cpdActivities.workerId}), count(*), ${roundTo(sql`sum(${cpdActivities.hours})`, 1)}
    from ${cpdActivities} join ${workers} on ${workers.id} = ${cpdActivities.workerId}
    where ${where} and ${cpdActivities.activityOn} between ${p.start} and ${p.end}
    group by ${cpdActivities.learning}
    union all
    select 'bespoke', count(distinct ${competencyAssessments.workerId}), count(*), cast(null as numeric)
    from ${competencyStatements} ${joinInOrder(competencyAssessments, sql`${competencyAssessments.statementId} = ${competencyStatements.id}`)}
      join ${workers} on ${workers.id} = ${competencyAssessments.workerId}
    where ${competencyStatements.bespoke} = true and ${where}
      and (${competencyAssessments.signedOffOn} between ${p.start} and ${p.end}
        or ${competencyAssessments.selfAssessedAt} between ${msFrom(p.start)} and ${msTo(p.end)})`);
  const enabler = (key: Enabler["key"]): Enabler => enablers.find((e) => e.key === key) ?? { key, workers: 0, records: 0, hours: null };

  const cpdByType = await db
    .select({
      type: cpdActivities.type,
      learning: cpdActivities.learning,
      workers: sql<number>`count(distinct ${cpdActivities.workerId})`,
      activities: sql<number>`count(*)`,
      hours: roundTo(sql`sum(${cpdActivities.hours})`, 1),
    })
    .from(cpdActivities)
    .innerJoin(workers, eq(workers.id, cpdActivities.workerId))
    .where(and(where, sql`${cpdActivities.activityOn} between ${p.start} and ${p.end}`))
    .groupBy(cpdActivities.type, cpdActivities.learning);

  return {
    period: p,
    byCategory,
    allWorkers,
    byTeam,
    byProfession,
    trend,
    enablers: [enabler("learning_needs"), enabler("formal"), enabler("informal"), enabler("bespoke")],
    cpdByType,
  };
}

export type BarriersAndEnablers = Awaited<ReturnType<typeof barriersAndEnablers>>;

/** Which barriers' people: a category, a source ("recorded" for goals and conversations together), and a quarter's end. */
export type BarrierPick = { category: BarrierCategory | null; source: BarrierSource | "recorded" | null; quarterEnd: string | null };

/** One barrier behind a figure: the worker, their current team, the category, the record it was met on and its date. */
export type BarrierPerson = {
  workerId: string;
  name: string;
  teamName: string;
  category: BarrierCategory;
  source: BarrierSource;
  /** The PDP goal's title, the training request's title; null for a career conversation. */
  title: string | null;
  declineReason: DeclineReason | null;
  /** The London day it was recorded, held or declined. */
  on: string;
};

/**
 * The barriers behind one figure of the tab, counted as the figure is (the period, or one of the trend's quarters; the
 * same workers: those the user may see who match the filters, in the WHERE clause), newest first, with the whole count.
 * A barrier's own words (its detail, a decline's detail) are not read. `limit` null for all of them (the download).
 */
export async function barrierPeople(user: SessionUser, f: ScorecardFilters, pick: BarrierPick, limit: number | null): Promise<{ period: { start: string; end: string }; total: number; rows: BarrierPerson[] }> {
  const quarter = pick.quarterEnd ? quartersEnding(f.end).find((q) => q.end === pick.quarterEnd) : undefined;
  const span = quarter ?? periodEnding(f.end);
  const where = filteredWorkers(user, f);
  const source =
    pick.source === "recorded" ? sql`e.source <> 'declined'` : pick.source ? sql`e.source = ${pick.source}` : always;
  const name = sql`(${workers.firstName} || ' ' || ${workers.lastName})`;
  const rows = await selectRows<Omit<BarrierPerson, "on"> & { onDay: string | null; atMs: number | null; total: number }>(sql`
    with e as (${events(where, span.start, span.end)})
    select e.worker_id as "workerId", ${name} as name, ${teams.name} as "teamName",
      e.category as category, e.source as source, coalesce(${pdpGoals.title}, ${trainingRequests.title}) as title,
      ${trainingRequests.declineReason} as "declineReason", e.on_day as "onDay", e.at_ms as "atMs", count(*) over () as total
    from e join ${workers} on ${workers.id} = e.worker_id join ${teams} on ${teams.id} = ${workers.teamId}
      left join ${barriers} on e.source <> 'declined' and ${barriers.id} = e.record_id
      left join ${pdpGoals} on ${pdpGoals.id} = ${barriers.goalId}
      left join ${trainingRequests} on e.source = 'declined' and ${trainingRequests.id} = e.record_id
    where ${pick.category ? sql`e.category = ${pick.category}` : always} and ${source}
    -- A decision's day in UTC orders it among the recorded days (London's day differs only in the hour after midnight in summer).
    -- The name is ordered by its expression: within one, PostgreSQL reads a name as a table's column (the team's), not the select list's.
    order by coalesce(e.on_day, ${utcDayOfMs(sql`e.at_ms`)}) desc, coalesce(e.at_ms, 0) desc, ${caseless(name)}, e.record_id${limitTo(limit)}`);
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  return {
    period: { start: span.start, end: span.end },
    total,
    rows: rows
      .map(({ onDay, atMs, total: _t, ...r }) => ({ ...r, on: onDay ?? londonDateOf(new Date(Number(atMs))) }))
      // Recorded barriers carry a day and declined requests a moment: newest first across both.
      .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0)),
  };
}
