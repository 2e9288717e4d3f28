import "server-only";
// Team progression, month by month over the last 12 or 24 months: moves between stages from the position history,
// apprenticeship starts, completions and withdrawals, competencies signed off, and leavers. Two aggregate queries
// whatever the size of the organisation (moves by month and from stage to stage over one pass of the position history,
// and every other event by kind and month in one UNION ALL), each grouped in SQL. The workers are those the user may see, filtered by their
// current team, profession and care setting (not the ones they had when the event happened).
import { sql, type SQL } from "drizzle-orm";
import { db } from "../client";
import { keptObject } from "../insights-cache";
import { apprenticeships, competencyAssessments, stages, workerPositions, workers } from "../schema";
import type { SessionUser } from "../../lib/session-user";
import { filteredWorkers, type ScorecardFilters } from "./scorecard";
import { progressionWindow, type ProgressionWindow } from "../../lib/rules/progression";

export type MonthMoves = { month: string; up: number; down: number; sideways: number };
export type StageMove = { fromStage: string; toStage: string; direction: "up" | "down"; count: number };
export type MonthEvents = { month: string; starts: number; completions: number; withdrawals: number; signOffs: number; leavers: number };

export type Progression = { window: ProgressionWindow; moves: MonthMoves[]; stageMoves: StageMove[]; events: MonthEvents[] };


/**
 * Each position with the stage of the worker's position before it (LAG over the worker's whole history, so the first
 * position in the window still knows where the worker came from). A worker's first position is a start, not a move.
 * The (worker_id, effective_from) index orders each worker's rows.
 */
function positionsWithPrevious(where: SQL, end: string): SQL {
  return sql`select ${workerPositions.effectiveFrom} as on_date, ${stages.rank} as rank, ${stages.name} as stage,
      lag(${stages.rank}) over w as prev_rank, lag(${stages.name}) over w as prev_stage
    from ${workerPositions} join ${stages} on ${stages.id} = ${workerPositions.stageId}
    where ${workerPositions.workerId} in (select ${workers.id} from ${workers} where ${where})
      and ${workerPositions.effectiveFrom} <= ${end}
    window w as (partition by ${workerPositions.workerId} order by ${workerPositions.effectiveFrom}, ${workerPositions.createdAt}, ${workerPositions.id})`;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Team progression, kept while the data is unchanged, and for a lead a while after a change if slow (db/insights-cache.ts). */
export function progression(user: SessionUser, f: ScorecardFilters, months: number): Progression & { workedOutAt: Date | null } {
  return keptObject("progression", user, [f, months], () => workOutProgression(user, f, months), true);
}

/** Team progression over the `months` calendar months ending with the period end's month. */
function workOutProgression(user: SessionUser, f: ScorecardFilters, months: number): Progression {
  const win = progressionWindow(f.end, months);
  const where = filteredWorkers(user, f);
  const inWindow = (col: SQL) => sql`${col} between ${win.start} and ${win.end}`;

  // Moves by month and from stage to stage in one statement, over the window's moves worked out once.
  const moveRows = db.all<{ kind: "month" | "stage"; month: string | null; fromStage: string | null; toStage: string | null; direction: "up" | "down" | null; up: number; down: number; sideways: number; count: number }>(sql`
    with p as materialized (
      select * from (${positionsWithPrevious(where, win.end)}) where prev_rank is not null and ${inWindow(sql`on_date`)}
    )
    select 'month' as kind, substr(on_date, 1, 7) as month, null as "fromStage", null as "toStage", null as direction,
      sum(rank > prev_rank) as up, sum(rank < prev_rank) as down, sum(rank = prev_rank) as sideways, count(*) as count
    from p group by substr(on_date, 1, 7)
    union all
    select 'stage', null, prev_stage, stage, case when rank > prev_rank then 'up' else 'down' end, 0, 0, 0, count(*)
    from p where rank <> prev_rank group by prev_stage, stage, rank > prev_rank`);
  const stageMoves: StageMove[] = moveRows
    .filter((r) => r.kind === "stage")
    .map((r) => ({ fromStage: r.fromStage!, toStage: r.toStage!, direction: r.direction!, count: Number(r.count) }))
    // Most common first, moves up before moves down, then by name.
    .sort((x, y) => y.count - x.count || (x.direction === y.direction ? 0 : x.direction === "up" ? -1 : 1) || byCode(x.fromStage, y.fromStage) || byCode(x.toStage, y.toStage));

  // One row per event, then counted by kind and month. A start is an apprenticeship that has actually started (no
  // longer planned); completions and withdrawals are dated by the actual end; a sign-off counts while it stands
  // (reopening clears it); a leaver by the contract's end.
  const eventRows = db.all<{ kind: string; month: string; n: number }>(sql`
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
    ) group by kind, month`);

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
