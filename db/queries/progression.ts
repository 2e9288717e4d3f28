import "server-only";
// Team progression, month by month over the last 12 or 24 months: moves between stages from the position history,
// apprenticeship starts, completions and withdrawals, competencies signed off, and leavers. Three aggregate queries
// whatever the size of the organisation (moves by month, moves from stage to stage, and every other event by kind and
// month in one UNION ALL), each grouped by month in SQL. The workers are those the user may see, filtered by their
// current team, profession and care setting (not the ones they had when the event happened).
import { sql, type SQL } from "drizzle-orm";
import { db } from "../client";
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

/** Team progression over the `months` calendar months ending with the period end's month. */
export function progression(user: SessionUser, f: ScorecardFilters, months: number): Progression {
  const win = progressionWindow(f.end, months);
  const where = filteredWorkers(user, f);
  const inWindow = (col: SQL) => sql`${col} between ${win.start} and ${win.end}`;

  const moveRows = db.all<{ month: string; up: number; down: number; sideways: number }>(sql`
    with p as (${positionsWithPrevious(where, win.end)})
    select substr(on_date, 1, 7) as month, sum(rank > prev_rank) as up, sum(rank < prev_rank) as down, sum(rank = prev_rank) as sideways
    from p where prev_rank is not null and ${inWindow(sql`on_date`)}
    group by month`);

  const stageMoves = db.all<StageMove>(sql`
    with p as (${positionsWithPrevious(where, win.end)})
    select prev_stage as fromStage, stage as toStage, case when rank > prev_rank then 'up' else 'down' end as direction, count(*) as count
    from p where prev_rank is not null and rank <> prev_rank and ${inWindow(sql`on_date`)}
    group by prev_stage, stage, direction
    order by count desc, direction desc, prev_stage, stage`);

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
  const moveBy = new Map(moveRows.map((r) => [r.month, r]));
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
  return { window: win, moves, stageMoves: stageMoves.map((s) => ({ ...s, count: Number(s.count) })), events };
}
