import "server-only";
// Team progression, month by month over the last 12 or 24 months: moves between stages from the position history,
// apprenticeship starts, completions and withdrawals, competencies signed off, and leavers. Two aggregate queries
// whatever the size of the organisation (moves by month and from stage to stage over one pass of the position history,
// and every other event by kind and month in one UNION ALL), each grouped in SQL. The workers are those the user may see, filtered by their
// current team, profession and care setting (not the ones they had when the event happened).
import { sql, type SQL } from "drizzle-orm";
import { caseless, limitTo, countWhere } from "../dialect";
import { db, selectRows } from "../client";
import { keptObject } from "../insights-cache";
import { apprenticeships, apprenticeshipStandards, competencyAssessments, competencyStatements, stages, teams, workerPositions, workers } from "../schema";
import type { SessionUser } from "../../lib/session-user";
import { filteredWorkers, type ScorecardFilters } from "./scorecard";
import { progressionWindow, type ProgressionFigure, type ProgressionWindow } from "../../lib/rules/progression";

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

/** Team progression, kept while the data is unchanged, and for a lead a while after a change if slow (db/insights-cache.ts). */
export async function progression(user: SessionUser, f: ScorecardFilters, months: number): Promise<Progression & { workedOutAt: Date | null }> {
  return await keptObject("progression", user, [f, months], async () => await workOutProgression(user, f, months), true);
}

/** Team progression over the `months` calendar months ending with the period end's month. */
async function workOutProgression(user: SessionUser, f: ScorecardFilters, months: number): Promise<Progression> {
  const win = progressionWindow(f.end, months);
  const where = filteredWorkers(user, f);
  const inWindow = (col: SQL) => sql`${col} between ${win.start} and ${win.end}`;

  // Moves by month and from stage to stage in one statement, over the window's moves worked out once. The first
  // branch's nulls are typed, as the second's columns are (PostgreSQL gives each column of a union one type).
  const moveRows = await selectRows<{ kind: "month" | "stage"; month: string | null; fromStage: string | null; toStage: string | null; fromCode: string | null; toCode: string | null; direction: "up" | "down" | null; up: number; down: number; sideways: number; count: number }>(sql`
    with p as materialized (
      select * from (${positionsWithPrevious(where, win.end)}) positions where prev_rank is not null and ${inWindow(sql`on_date`)}
    )
    select 'month' as kind, substr(on_date, 1, 7) as month, cast(null as text) as "fromStage", cast(null as text) as "toStage", cast(null as text) as "fromCode",
      cast(null as text) as "toCode", cast(null as text) as direction,
      ${countWhere(sql`rank > prev_rank`)} as up, ${countWhere(sql`rank < prev_rank`)} as down, ${countWhere(sql`rank = prev_rank`)} as sideways, count(*) as count
    from p group by substr(on_date, 1, 7)
    union all
    select 'stage', null, min(prev_stage), min(stage), prev_code, code, case when rank > prev_rank then 'up' else 'down' end, 0, 0, 0, count(*)
    from p where rank <> prev_rank group by prev_code, code, rank > prev_rank`);
  const stageMoves: StageMove[] = moveRows
    .filter((r) => r.kind === "stage")
    .map((r) => ({ fromStage: r.fromStage!, toStage: r.toStage!, fromCode: r.fromCode!, toCode: r.toCode!, direction: r.direction!, count: Number(r.count) }))
    // Most common first, moves up before moves down, then by name.
    .sort((x, y) => y.count - x.count || (x.direction === y.direction ? 0 : x.direction === "up" ? -1 : 1) || byCode(x.fromStage, y.fromStage) || byCode(x.toStage, y.toStage));

  // One row per event, then counted by kind and month. A start is an apprenticeship that has actually started (no
  // longer planned); completions and withdrawals are dated by the actual end; a sign-off counts while it stands
  // (reopening clears it); a leaver by the contract's end.
  const eventRows = await selectRows<{ kind: string; month: string; n: number }>(sql`
    select kind, substr(d, 1, 7) as month, count(*) as n from (
      select 'starts' as kind, ${apprenticeships.startDate} as d from ${apprenticeships} join ${workers} on ${workers.id} = ${apprenticeships.workerId}
        where ${where} and ${apprenticeships.status} <> 'planned' and ${inWindow(sql`${apprenticeships.startDate}`)}
      union all
      select 'completions', ${apprenticeships.actualEndDate} from ${apprenticeships} join ${workers} on ${workers.id} = ${apprenticeships.workerId}
        where ${where} and ${apprenticeships.status} = 'completed' and ${inWindow(sql`${apprenticeships.actualEndDate}`)}
      union all
      select 'withdrawals', ${apprenticeships.actualEndDate} from ${apprenticeships} join ${workers} on ${workers.id} = ${apprenticeships.workerId}
        where ${where} and ${apprenticeships.status} = 'withdrawn' and ${inWindow(sql`${apprenticeships.actualEndDate}`)}
      union all
      select 'signOffs', ${competencyAssessments.signedOffOn} from ${competencyAssessments} join ${workers} on ${workers.id} = ${competencyAssessments.workerId}
        where ${where} and ${competencyAssessments.status} in ('signed_off', 'expired') and ${inWindow(sql`${competencyAssessments.signedOffOn}`)}
      union all
      select 'leavers', ${workers.contractEnd} from ${workers}
        where ${where} and ${workers.status} = 'left' and ${inWindow(sql`${workers.contractEnd}`)}
    ) one_per_event group by kind, month`);

  // Every month of the window, with 0 where nothing happened.
  const moveBy = new Map(moveRows.filter((r) => r.kind === "month").map((r) => [r.month, r]));
  const moves = win.months.map((month) => {
    const r = moveBy.get(month);
    return { month, up: Number(r?.up ?? 0), down: Number(r?.down ?? 0), sideways: Number(r?.sideways ?? 0) };
  });
  const eventBy = new Map(eventRows.map((r) => [`${r.kind} ${r.month}`, Number(r.n)]));
  const n = (kind: string, month: string) => eventBy.get(`${kind} ${month}`) ?? 0;
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
