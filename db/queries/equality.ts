import "server-only";
// Equality monitoring: a support worker's own answers (read and written only by that worker, found by their login,
// never by an id from the client), and the equity figures, which leave here only as counts per group for the
// suppressed tables (app/(app)/insights/equity/equity-tables.ts). Nobody else's answers can be read one by one.
import { and, eq, sql } from "drizzle-orm";
import { db, first } from "../client";
import { keptObject } from "../insights-cache";
import { apprenticeships, appraisals, equalityMonitoring, stages, trainingRequests, workerPositions, workers } from "../schema";
import { visibleWorkers } from "../access";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import { periodEnding, type Period } from "../../lib/rules/scorecard";
import { changeIsSafe, MINIMUM_SCOPE, peopleChanged, PERIODS_COMPARED, previousPeriod, type EquityPeriod } from "../../lib/rules/equity";
import { AGE_BANDS, DISABILITY_ANSWERS, ETHNIC_GROUPS, SEX_ANSWERS } from "../../lib/vocabulary";
import { EQUALITY_QUESTIONS, type EqualityAnswers } from "../../lib/forms/equality";
import { population, type ScorecardFilters } from "./scorecard";
import type { Result } from "../result";
import { now as clockNow } from "../../lib/rules/dates";

/** The user's own worker record, only when they are a support worker. */
async function ownWorkerId(user: SessionUser): Promise<string | undefined> {
  if (user.role !== "support_worker") return undefined;
  return (await first(db
    .select({ id: workers.id })
    .from(workers)
    .where(and(eq(workers.userId, user.id), eq(workers.orgId, user.orgId)))))?.id;
}

/** The signed-in support worker's answers (all null when they have given none); undefined for anyone else. */
export async function myEquality(user: SessionUser): Promise<(EqualityAnswers & { updatedAt: Date | null }) | undefined> {
  const workerId = await ownWorkerId(user);
  if (!workerId) return undefined;
  const row = await first(db.select().from(equalityMonitoring).where(eq(equalityMonitoring.workerId, workerId)));
  return {
    ethnicGroup: row?.ethnicGroup ?? null,
    disability: row?.disability ?? null,
    sex: row?.sex ?? null,
    ageBand: row?.ageBand ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

export type SaveEqualityResult = Result<{ outcome: "saved" | "cleared" | "unchanged" }>;

/**
 * Saves the signed-in support worker's answers; no answers at all deletes the row. The audit says only which
 * questions changed, never an answer (special-category data).
 */
export async function saveMyEquality(user: SessionUser, answers: EqualityAnswers): Promise<SaveEqualityResult> {
  const workerId = await ownWorkerId(user);
  if (!workerId) return { ok: false, code: "read_only", message: "Only a support worker can give their own equality monitoring answers" };
  return await db.transaction(async (tx) => {
    const before = await first(tx.select().from(equalityMonitoring).where(eq(equalityMonitoring.workerId, workerId)));
    const changed = EQUALITY_QUESTIONS.filter((q) => (before?.[q] ?? null) !== answers[q]);
    if (changed.length === 0) return { ok: true, outcome: "unchanged" } as const;
    const empty = EQUALITY_QUESTIONS.every((q) => answers[q] === null);
    if (empty) await tx.delete(equalityMonitoring).where(eq(equalityMonitoring.workerId, workerId));
    else
      await tx.insert(equalityMonitoring)
        .values({ workerId, ...answers, updatedAt: clockNow() })
        .onConflictDoUpdate({ target: equalityMonitoring.workerId, set: { ...answers, updatedAt: clockNow() } });
    await audit(tx, user, {
      action: empty ? "equality.clear" : "equality.update",
      entityType: "equality_monitoring",
      entityId: workerId,
      workerId,
      summary: { questionsChanged: changed },
    });
    return { ok: true, outcome: empty ? "cleared" : "saved" } as const;
  });
}

/** The monitoring characteristics the equity tab breaks figures down by, each with its groups in order. */
export const CHARACTERISTICS = {
  ethnicGroup: ETHNIC_GROUPS,
  disability: DISABILITY_ANSWERS,
  sex: SEX_ANSWERS,
  ageBand: AGE_BANDS,
} as const;
export type Characteristic = keyof typeof CHARACTERISTICS;
export const EQUITY_MEASURES = ["appraised", "training", "apprenticeship", "progressed"] as const;
export type EquityMeasure = (typeof EQUITY_MEASURES)[number];
/** A group: an answer, or "not_declared" for a worker with no answer to that question. */
export type EquityGroup = { key: string; headcount: number; met: Record<EquityMeasure, number> };

function measures(p: Period): Record<EquityMeasure, ReturnType<typeof sql<number>>> {
  return {
    appraised: sql<number>`exists (select 1 from ${appraisals} where ${appraisals.workerId} = ${workers.id} and ${appraisals.status} = 'completed'
      and ${appraisals.heldOn} between ${p.start} and ${p.end})`,
    training: sql<number>`exists (select 1 from ${trainingRequests} where ${trainingRequests.workerId} = ${workers.id}
      and ${trainingRequests.status} in ('approved', 'attended') and ${trainingRequests.startsOn} between ${p.start} and ${p.end})`,
    apprenticeship: sql<number>`exists (select 1 from ${apprenticeships} where ${apprenticeships.workerId} = ${workers.id}
      and ${apprenticeships.status} <> 'planned' and ${apprenticeships.startDate} <= ${p.end}
      and (${apprenticeships.actualEndDate} is null or ${apprenticeships.actualEndDate} >= ${p.start}))`,
    // A position that starts in the period at a higher stage rank than the worker's position before it.
    progressed: sql<number>`exists (select 1 from ${workerPositions} np join ${stages} ns on ns.id = np.stage_id
      where np.worker_id = ${workers.id} and np.effective_from between ${p.start} and ${p.end}
        and ns.rank > (select ps.rank from ${workerPositions} pp join ${stages} ps on ps.id = pp.stage_id
          where pp.worker_id = np.worker_id and pp.effective_from < np.effective_from order by pp.effective_from desc limit 1))`,
  };
}

/** Everyone in post (the scorecard's rule) at the end of the period in the user's view: the equity tab takes no filters. */
function inView(user: SessionUser, p: Period) {
  const whole: ScorecardFilters = { team: null, profession: null, setting: null, end: p.end };
  return and(population(user, whole, p), visibleWorkers(user));
}

/** Everyone in the view for a period: their answers and which measures they met. */
async function peopleIn(user: SessionUser, period: EquityPeriod) {
  const p = periodEnding(period.end);
  const m = measures(p);
  return await db
    .select({
      id: workers.id,
      ethnicGroup: equalityMonitoring.ethnicGroup,
      disability: equalityMonitoring.disability,
      sex: equalityMonitoring.sex,
      ageBand: equalityMonitoring.ageBand,
      appraised: m.appraised,
      training: m.training,
      apprenticeship: m.apprenticeship,
      progressed: m.progressed,
    })
    .from(workers)
    .leftJoin(equalityMonitoring, eq(equalityMonitoring.workerId, workers.id))
    .where(inView(user, p));
}

/** Each person's part in a period's figures: the measures they met, as a key ("1010"), by worker id. */
const personFigures = (rows: Awaited<ReturnType<typeof peopleIn>>): Map<string, string> =>
  new Map(rows.map((r) => [r.id, EQUITY_MEASURES.map((k) => (r[k] ? "1" : "0")).join("")]));

export type EquityFigures =
  | { status: "published"; period: EquityPeriod; overall: Omit<EquityGroup, "key">; by: Record<Characteristic, EquityGroup[]> }
  /** Fewer than MINIMUM_SCOPE people in the view: no figure at all. */
  | { status: "too_small"; period: EquityPeriod }
  /** The figures differ from an earlier period's by so few people that comparing the two would point at them. */
  | { status: "withheld"; period: EquityPeriod };

/**
 * The equity figures for a reporting period (lib/rules/equity.ts), kept while the data is unchanged, and for a lead a
 * while after a change if slow (db/insights-cache.ts); never for a support worker.
 */
export async function equityFigures(user: SessionUser, period: EquityPeriod) {
  if (user.role === "support_worker") return undefined;
  return await keptObject("equityFigures", user, period.end, async () => await workOutEquityFigures(user, period), true);
}

/**
 * For everyone in the user's view in post on the period's last day: each characteristic's groups with their headcount
 * and how many met each measure. Raw counts: only the rounded, suppressed tables built from them may be shown. None
 * for a view under the minimum size, and none for a period whose figures differ from any of the year of periods before
 * it by 1 to 7 people (the difference would be those people's answers).
 */
async function workOutEquityFigures(user: SessionUser, period: EquityPeriod): Promise<EquityFigures> {
  const rows = await peopleIn(user, period);
  if (rows.length < MINIMUM_SCOPE) return { status: "too_small", period };

  const mine = personFigures(rows);
  let earlier = period;
  for (let k = 0; k < PERIODS_COMPARED; k++) {
    earlier = previousPeriod(earlier);
    if (!changeIsSafe(peopleChanged(mine, personFigures(await peopleIn(user, earlier))))) return { status: "withheld", period };
  }

  const blank = (): Record<EquityMeasure, number> => ({ appraised: 0, training: 0, apprenticeship: 0, progressed: 0 });
  const overall = { headcount: rows.length, met: blank() };
  for (const r of rows) for (const k of EQUITY_MEASURES) overall.met[k] += r[k] ? 1 : 0;
  const by = Object.fromEntries(
    (Object.keys(CHARACTERISTICS) as Characteristic[]).map((c) => {
      const groups: EquityGroup[] = [...CHARACTERISTICS[c], "not_declared"].map((key) => ({ key, headcount: 0, met: blank() }));
      for (const r of rows) {
        const g = groups.find((x) => x.key === (r[c] ?? "not_declared"))!;
        g.headcount++;
        for (const k of EQUITY_MEASURES) g.met[k] += r[k] ? 1 : 0;
      }
      return [c, groups];
    }),
  ) as Record<Characteristic, EquityGroup[]>;
  return { status: "published", period, overall, by };
}
