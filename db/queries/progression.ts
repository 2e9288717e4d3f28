import "server-only";
// Team progression, month by month over the last 12 or 24 months: moves between stages from the position history,
// apprenticeship starts, completions and withdrawals, competencies signed off, and leavers. One statement whatever the
// size of the organisation (moves by month and from stage to stage over one pass of the position history, and every
// other event by kind and month in one UNION ALL), grouped in SQL. The workers are those the user may see, filtered
// by their current team, profession and care setting (not the ones they had when the event happened). A lead's of
// the whole organisation adds up each team's events kept in team_progression_facts (decision record 0032).
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { always, caseless, limitTo, countWhere } from "../dialect";
import { db, selectRows } from "../client";
import { inChunks, keptObject, withoutInvalidating } from "../insights-cache";
import { visibleTeams } from "../access";
import { apprenticeships, apprenticeshipStandards, competencyAssessments, competencyStatements, factVersions, stages, teamProgressionFacts, teams, workerPositions, workers } from "../schema";
import type { SessionUser } from "../../lib/session-user";
import { filteredWorkers, sharedVersion, type ScorecardFilters } from "./scorecard";
import { dropPeriodsNotKept, markPeriodInUse } from "../summary-periods";
import { progressionWindow, PROGRESSION_MONTHS, type ProgressionFigure, type ProgressionWindow } from "../../lib/rules/progression";

export type MonthMoves = { month: string; up: number; down: number; sideways: number };
export type StageMove = { fromStage: string; toStage: string; fromCode: string; toCode: string; direction: "up" | "down"; count: number };
export type MonthEvents = { month: string; starts: number; completions: number; withdrawals: number; signOffs: number; leavers: number };

export type Progression = { window: ProgressionWindow; moves: MonthMoves[]; stageMoves: StageMove[]; events: MonthEvents[] };


/**
 * Each position with the stage of the worker's position before it (LAG over the worker's whole history, so the first
 * position in the window still knows where the worker came from). A worker's first position is a start, not a move.
 * The (worker_id, effective_from) index orders each worker's rows.
 */
function positionsWithPrevious(where: SQL, end: string): SQL {
  return sql`select ${workerPositions.workerId} as worker_id, ${workerPositions.effectiveFrom} as on_date, ${stages.rank} as rank, ${stages.name} as stage,
      ${stages.code} as code, lag(${stages.rank}) over w as prev_rank, lag(${stages.name}) over w as prev_stage, lag(${stages.code}) over w as prev_code
    from ${workerPositions} join ${stages} on ${stages.id} = ${workerPositions.stageId}
    where ${workerPositions.workerId} in (select ${workers.id} from ${workers} where ${where})
      and ${workerPositions.effectiveFrom} <= ${end}
    window w as (partition by ${workerPositions.workerId} order by ${workerPositions.effectiveFrom}, ${workerPositions.createdAt}, ${workerPositions.id})`;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Team progression, kept while the data is unchanged, and for a lead a while after a change if slow (db/insights-cache.ts).
 * A lead's or an administrator's of the whole organisation or of one team adds up each team's kept events by month
 * (decision record 0032); a manager's, or one filtered by profession or care setting (which cut across teams), is
 * worked out from the events of the workers in it.
 */
export async function progression(user: SessionUser, f: ScorecardFilters, months: number): Promise<Progression & { workedOutAt: Date | null }> {
  return await keptObject("progression", user, [f, months], async () =>
    orgWide(user) && !f.profession && !f.setting ? await fromTeamFacts(user, f, months) : await progressionFromEvents(user, f, months), true);
}

/** A row of eventRows. */
type EventRow = { kind: string; team: string | null; month: string | null; a: string | null; b: string | null; up: number; down: number; sideways: number; n: number };

/**
 * One statement's rows of team progression: moves by month ("moves": up, down, sideways), moves from stage to stage
 * by month ("stage": a and b the stages' codes, up 1 for a move up, n), and every other event by kind and month (kind,
 * n); by the workers' current team when `byTeam`, else with team null. `more` is appended (the labels' rows).
 */
function eventRows(where: SQL, win: ProgressionWindow, byTeam: boolean, more: SQL = sql.empty()): SQL {
  const inWindow = (col: SQL) => sql`${col} between ${win.start} and ${win.end}`;
  const team = byTeam ? sql`${workers.teamId}` : sql`cast(null as text)`;
  // The moves of the window worked out once; a position's team is its worker's now, not the one it was in.
  return sql`
    with p as materialized (
      select positions.*, ${byTeam ? sql`(select w.team_id from ${workers} w where w.id = positions.worker_id)` : sql`cast(null as text)`} as team
      from (${positionsWithPrevious(where, win.end)}) positions where prev_rank is not null and ${inWindow(sql`on_date`)}
    )
    select 'moves' as kind, team, substr(on_date, 1, 7) as month, cast(null as text) as a, cast(null as text) as b,
      ${countWhere(sql`rank > prev_rank`)} as up, ${countWhere(sql`rank < prev_rank`)} as down, ${countWhere(sql`rank = prev_rank`)} as sideways, count(*) as n
    from p group by team, substr(on_date, 1, 7)
    union all
    select 'stage', team, substr(on_date, 1, 7), prev_code, code, case when rank > prev_rank then 1 else 0 end, 0, 0, count(*)
    from p where rank <> prev_rank group by team, substr(on_date, 1, 7), prev_code, code, rank > prev_rank
    union all
    -- One row per event, then counted by kind and month. A start is an apprenticeship that has actually started (no
    -- longer planned); completions and withdrawals are dated by the actual end; a sign-off counts while it stands
    -- (reopening clears it); a leaver by the contract's end.
    select kind, team, substr(d, 1, 7), null, null, 0, 0, 0, count(*) from (
      select 'starts' as kind, ${team} as team, ${apprenticeships.startDate} as d from ${apprenticeships} join ${workers} on ${workers.id} = ${apprenticeships.workerId}
        where ${where} and ${apprenticeships.status} <> 'planned' and ${inWindow(sql`${apprenticeships.startDate}`)}
      union all
      select 'completions', ${team}, ${apprenticeships.actualEndDate} from ${apprenticeships} join ${workers} on ${workers.id} = ${apprenticeships.workerId}
        where ${where} and ${apprenticeships.status} = 'completed' and ${inWindow(sql`${apprenticeships.actualEndDate}`)}
      union all
      select 'withdrawals', ${team}, ${apprenticeships.actualEndDate} from ${apprenticeships} join ${workers} on ${workers.id} = ${apprenticeships.workerId}
        where ${where} and ${apprenticeships.status} = 'withdrawn' and ${inWindow(sql`${apprenticeships.actualEndDate}`)}
      union all
      select 'signOffs', ${team}, ${competencyAssessments.signedOffOn} from ${competencyAssessments} join ${workers} on ${workers.id} = ${competencyAssessments.workerId}
        where ${where} and ${competencyAssessments.status} in ('signed_off', 'expired') and ${inWindow(sql`${competencyAssessments.signedOffOn}`)}
      union all
      select 'leavers', ${team}, ${workers.contractEnd} from ${workers}
        where ${where} and ${workers.status} = 'left' and ${inWindow(sql`${workers.contractEnd}`)}
    ) one_per_event group by kind, team, substr(d, 1, 7)${more}`;
}

/** Team progression over the window from rows of eventRows (any number per month, kind and move: they are added up). */
function assemble(rows: Iterable<EventRow>, win: ProgressionWindow, stageNames: Map<string, string>): Progression {
  const months = new Set(win.months);
  const moveBy = new Map<string, MonthMoves>();
  const stageBy = new Map<string, StageMove>();
  const eventBy = new Map<string, number>();
  for (const r of rows) {
    if (!r.month || !months.has(r.month)) continue;
    if (r.kind === "moves") {
      const m = moveBy.get(r.month) ?? { month: r.month, up: 0, down: 0, sideways: 0 };
      m.up += Number(r.up);
      m.down += Number(r.down);
      m.sideways += Number(r.sideways);
      moveBy.set(r.month, m);
    } else if (r.kind === "stage") {
      const direction = Number(r.up) === 1 ? "up" : "down";
      const key = `${r.a} ${r.b} ${direction}`;
      const s = stageBy.get(key) ?? { fromStage: stageNames.get(r.a!) ?? r.a!, toStage: stageNames.get(r.b!) ?? r.b!, fromCode: r.a!, toCode: r.b!, direction, count: 0 };
      s.count += Number(r.n);
      stageBy.set(key, s);
    } else {
      eventBy.set(`${r.kind} ${r.month}`, (eventBy.get(`${r.kind} ${r.month}`) ?? 0) + Number(r.n));
    }
  }
  const stageMoves = [...stageBy.values()]
    // Most common first, moves up before moves down, then by name.
    .sort((x, y) => y.count - x.count || (x.direction === y.direction ? 0 : x.direction === "up" ? -1 : 1) || byCode(x.fromStage, y.fromStage) || byCode(x.toStage, y.toStage));
  // Every month of the window, with 0 where nothing happened.
  const moves = win.months.map((month) => moveBy.get(month) ?? { month, up: 0, down: 0, sideways: 0 });
  const n = (kind: keyof Omit<MonthEvents, "month">, month: string) => eventBy.get(`${kind} ${month}`) ?? 0;
  const events = win.months.map((month) => ({
    month,
    starts: n("starts", month),
    completions: n("completions", month),
    withdrawals: n("withdrawals", month),
    signOffs: n("signOffs", month),
    leavers: n("leavers", month),
  }));
  return { window: win, moves, stageMoves, events };
}

/** Team progression over the `months` calendar months ending with the period end's month, from the events (a manager's or a filtered view, and the tests' check of the kept events). */
export async function progressionFromEvents(user: SessionUser, f: ScorecardFilters, months: number): Promise<Progression> {
  const win = progressionWindow(f.end, months);
  const rows = await selectRows<EventRow>(eventRows(filteredWorkers(user, f), win, false));
  return assemble(rows, win, await stagesByCode());
}

/** Leads and administrators see the whole organisation (db/access.ts), so a team's figures are the same for all of them. */
function orgWide(user: SessionUser): boolean {
  return user.role === "lead" || user.role === "admin";
}

/** The months a team's kept events cover: the longest window offered, of which a shorter one is the last months. */
const FACT_MONTHS = Math.max(...PROGRESSION_MONTHS);

/** Team progression added up from each team's kept events, brought up to date first. */
async function fromTeamFacts(user: SessionUser, f: ScorecardFilters, months: number): Promise<Progression> {
  const which = and(visibleTeams(user), f.team ? eq(teams.id, f.team) : undefined)!;
  await bringTeamProgressionUpToDate(which, f.end);
  const kept = await db
    .select({ figures: teamProgressionFacts.figures })
    .from(teamProgressionFacts)
    .innerJoin(teams, eq(teams.id, teamProgressionFacts.teamId))
    .where(and(which, eq(teamProgressionFacts.periodEnd, f.end)));
  function* rows(): Generator<EventRow> {
    for (const k of kept) {
      for (const [kind, month, a, b, up, down, sideways, n] of JSON.parse(k.figures) as KeptRow[]) yield { kind, team: null, month, a, b, up, down, sideways, n };
    }
  }
  return assemble(rows(), progressionWindow(f.end, months), await stagesByCode());
}

type KeptRow = [kind: string, month: string, a: string | null, b: string | null, up: number, down: number, sideways: number, n: number];

/** Teams whose events are worked out in one statement. */
const TEAMS_CHUNK = 250;

/**
 * Brings the kept events of the teams in `which` up to date for the period ending `end`: those with none, or labelled
 * with a team or shared version that is no longer current, are worked out again from the events of each team's
 * workers (its organisation's), a chunk of teams at a time. The labels are read in the statement that reads the
 * events, so a write that commits meanwhile leaves them out of date, never wrongly current. Returns how many teams.
 */
export async function bringTeamProgressionUpToDate(which: SQL, end: string, daily = false): Promise<number> {
  await markPeriodInUse(end);
  const stale = await selectRows<{ id: string }>(sql`
    select ${teams.id} as id from ${teams}
      left join ${teamProgressionFacts} t on t.period_end = ${end} and t.team_id = ${teams.id}
      left join ${factVersions} v on v.subject = 'team:' || ${teams.id}
    where ${which} and (t.team_id is null or t.team_version <> coalesce(v.version, 0) or t.shared_version <> ${sharedVersion})`);
  const win = progressionWindow(end, FACT_MONTHS);
  await inChunks(stale.map((r) => r.id), TEAMS_CHUNK, async (ids) => {
    const ofTheirTeams = and(inArray(workers.teamId, ids), sql`${workers.orgId} = (select ot.org_id from ${teams} ot where ot.id = ${workers.teamId})`)!;
    const labels = sql`
      union all
      select 'version', ${teams.id}, null, null, null, coalesce((select tv.version from ${factVersions} tv where tv.subject = 'team:' || ${teams.id}), 0), ${sharedVersion}, 0, 0
      from ${teams} where ${inArray(teams.id, ids)}`;
    const rows = await selectRows<EventRow>(eventRows(ofTheirTeams, win, true, labels));
    // A team deleted since it was found out of date has no label row, and gets no row (its foreign key would fail).
    const byTeam = new Map(rows.filter((r) => r.kind === "version").map((r) => [r.team!, { teamVersion: Number(r.up), sharedVersion: Number(r.down), figures: [] as KeptRow[] }]));
    for (const r of rows) if (r.kind !== "version") byTeam.get(r.team!)?.figures.push([r.kind, r.month!, r.a, r.b, Number(r.up), Number(r.down), Number(r.sideways), Number(r.n)]);
    if (byTeam.size === 0) return;
    // In the order of their ids, as the scorecard's facts are written (two views at once on PostgreSQL).
    const values = [...byTeam].sort(([x], [y]) => byCode(x, y)).map(([teamId, t]) => ({ teamId, periodEnd: end, teamVersion: t.teamVersion, sharedVersion: t.sharedVersion, figures: JSON.stringify(t.figures) }));
    await withoutInvalidating(async (tx) => await tx.insert(teamProgressionFacts).values(values).onConflictDoUpdate({
      target: [teamProgressionFacts.periodEnd, teamProgressionFacts.teamId],
      set: { teamVersion: sql`excluded.team_version`, sharedVersion: sql`excluded.shared_version`, figures: sql`excluded.figures` },
    }));
  });
  if (stale.length > 0 || daily) await forgetOtherPeriods(end, daily);
  return stale.length;
}

/** Drops the events of periods no longer kept (db/summary-periods.ts), after a view or in the day's run. */
async function forgetOtherPeriods(end: string, daily: boolean) {
  await dropPeriodsNotKept(end, daily, [{ table: teamProgressionFacts, periodEnd: sql`${teamProgressionFacts.periodEnd}` }]);
}

/** Forgets every team's kept progression events, so the next view works them out (the benchmark, the tests). */
export async function forgetProgressionFacts(): Promise<void> {
  await withoutInvalidating(async (tx) => await tx.delete(teamProgressionFacts).where(always));
}

/** Which figure's people: a column of the by-month tables for one month (or the whole window), or a stage-to-stage move. */
export type ProgressionPick = { figure: ProgressionFigure; month: string | null; from?: string; to?: string };

/** One event behind a figure: who, their current team, what happened and when. */
export type ProgressionPerson = { workerId: string; name: string; teamName: string; jobTitle: string; what: string; on: string };

/** The stages by code, for naming a stage-to-stage move in words and checking its codes. */
export async function stagesByCode(): Promise<Map<string, string>> {
  return new Map((await db.select({ code: stages.code, name: stages.name }).from(stages)).map((s) => [s.code, s.name]));
}

/**
 * The events behind one progression figure, counted exactly as the figure is (the same window, the same rules, the same
 * workers: those the user may see who match the filters, in the WHERE clause), newest first, with the whole count.
 * `limit` null for all of them (the download).
 */
export async function progressionPeople(user: SessionUser, f: ScorecardFilters, months: number, pick: ProgressionPick, limit: number | null): Promise<{ window: ProgressionWindow; total: number; rows: ProgressionPerson[] }> {
  const win = progressionWindow(f.end, months);
  const where = filteredWorkers(user, f);
  // The window, and the month's days in it when a month is picked (its figure is grouped by the date's first 7 characters).
  const inRange = (col: SQL) => sql`${col} between ${win.start} and ${win.end}${pick.month ? sql` and substr(${col}, 1, 7) = ${pick.month}` : sql``}`;
  const person = sql`${workers.id} as "workerId", ${workers.firstName} || ' ' || ${workers.lastName} as name, ${teams.name} as "teamName", ${workers.jobTitle} as "jobTitle"`;
  const ofWorker = (workerCol: SQL) => sql`join ${workers} on ${workers.id} = ${workerCol} join ${teams} on ${teams.id} = ${workers.teamId}`;
  let events: SQL;
  switch (pick.figure) {
    case "up":
    case "down":
    case "sideways":
    case "stage-move": {
      const which = {
        up: sql`p.rank > p.prev_rank`,
        down: sql`p.rank < p.prev_rank`,
        sideways: sql`p.rank = p.prev_rank`,
        "stage-move": sql`p.rank <> p.prev_rank and p.prev_code = ${pick.from ?? ""} and p.code = ${pick.to ?? ""}`,
      }[pick.figure];
      events = sql`select ${person}, case when p.rank = p.prev_rank then 'A new position at the same stage: ' || p.stage
          else p.prev_stage || ' to ' || p.stage end as what, p.on_date as "on"
        from (${positionsWithPrevious(where, win.end)}) p ${ofWorker(sql`p.worker_id`)}
        where p.prev_rank is not null and ${inRange(sql`p.on_date`)} and ${which}`;
      break;
    }
    case "starts":
    case "completions":
    case "withdrawals": {
      const [status, date, verb] = {
        starts: [sql`${apprenticeships.status} <> 'planned'`, apprenticeships.startDate, "Started"],
        completions: [sql`${apprenticeships.status} = 'completed'`, apprenticeships.actualEndDate, "Completed"],
        withdrawals: [sql`${apprenticeships.status} = 'withdrawn'`, apprenticeships.actualEndDate, "Withdrew from"],
      }[pick.figure];
      events = sql`select ${person}, ${verb} || ' ' || ${apprenticeshipStandards.title} || ' (level ' || ${apprenticeshipStandards.level} || ')' as what, ${date} as "on"
        from ${apprenticeships} join ${apprenticeshipStandards} on ${apprenticeshipStandards.id} = ${apprenticeships.standardId} ${ofWorker(sql`${apprenticeships.workerId}`)}
        where ${where} and ${status} and ${inRange(sql`${date}`)}`;
      break;
    }
    case "signOffs":
      events = sql`select ${person}, ${competencyStatements.number} || ' ' || ${competencyStatements.text} as what, ${competencyAssessments.signedOffOn} as "on"
        from ${competencyAssessments} join ${competencyStatements} on ${competencyStatements.id} = ${competencyAssessments.statementId} ${ofWorker(sql`${competencyAssessments.workerId}`)}
        where ${where} and ${competencyAssessments.status} in ('signed_off', 'expired') and ${inRange(sql`${competencyAssessments.signedOffOn}`)}`;
      break;
    case "leavers":
      events = sql`select ${person}, 'Left as ' || ${workers.jobTitle} as what, ${workers.contractEnd} as "on"
        from ${workers} join ${teams} on ${teams.id} = ${workers.teamId}
        where ${where} and ${workers.status} = 'left' and ${inRange(sql`${workers.contractEnd}`)}`;
      break;
  }
  const rows = await selectRows<ProgressionPerson & { total: number }>(sql`
    select e.*, count(*) over () as total from (${events}) e
    order by e."on" desc, ${caseless(sql`e.name`)}, e."workerId", e.what${limitTo(limit)}`);
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  return { window: win, total, rows: rows.map(({ total: _t, ...r }) => r) };
}
