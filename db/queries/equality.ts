import "server-only";
// Equality monitoring: a support worker's own answers (read and written only by that worker, found by their login,
// never by an id from the client), and the equity figures, which leave here only as counts per group for the
// suppressed tables (app/(app)/insights/equity/equity-tables.ts). Nobody else's answers can be read one by one.
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { db, execute, first, selectRows } from "../client";
import { always } from "../dialect";
import { inChunks, keptObject, withoutInvalidating } from "../insights-cache";
import { apprenticeships, appraisals, equalityMonitoring, factVersions, stages, trainingRequests, workerEquityFacts, workerPositions, workers } from "../schema";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import { periodEnding, type Period } from "../../lib/rules/scorecard";
import { changeIsSafe, MINIMUM_SCOPE, PERIODS_COMPARED, previousPeriod, type EquityPeriod } from "../../lib/rules/equity";
import { AGE_BANDS, DISABILITY_ANSWERS, ETHNIC_GROUPS, SEX_ANSWERS } from "../../lib/vocabulary";
import { EQUALITY_QUESTIONS, type EqualityAnswers } from "../../lib/forms/equality";
import { filteredWorkers, inPostOn, sharedVersion, type ScorecardFilters } from "./scorecard";
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

/** The period and the PERIODS_COMPARED before it, newest first: the periods a period's figures and their check read. */
function periodsRead(period: EquityPeriod): EquityPeriod[] {
  const periods = [period];
  while (periods.length <= PERIODS_COMPARED) periods.push(previousPeriod(periods.at(-1)!));
  return periods;
}

/**
 * Everyone who may be in post on the last day of any of the periods read (a few more: those who started by the
 * newest's end and had not left by the oldest's); whether they were is in their facts.
 */
function mayBeInPost(periods: EquityPeriod[]): SQL {
  return and(sql`${workers.contractStart} <= ${periods[0]!.end}`, or(eq(workers.status, "in_post"), sql`${workers.contractEnd} > ${periods.at(-1)!.end}`))!;
}

/** Of those, everyone in the user's view: the equity tab takes no filters. */
function mayBeInView(user: SessionUser, periods: EquityPeriod[]): SQL {
  const whole: ScorecardFilters = { team: null, profession: null, setting: null, end: periods[0]!.end };
  return and(filteredWorkers(user, whole), mayBeInPost(periods))!;
}

/**
 * The statement that works out (inserts or replaces) the equity facts of the workers in `which` for a period: for it
 * and each period before it that it is checked against, "----" if they were not in post on its last day (the
 * scorecard's rule), else a 1 or 0 for each measure. Labelled with the versions it read, as the scorecard's facts are.
 */
function workOutEquityFacts(which: SQL, period: EquityPeriod): SQL {
  const figures = periodsRead(period).map((read) => {
    const p = periodEnding(read.end);
    const m = measures(p);
    const flags = sql.join(EQUITY_MEASURES.map((k) => sql`case when ${m[k]} then '1' else '0' end`), sql` || `);
    return sql`case when ${inPostOn(p)} then ${flags} else ${NOT_IN_POST} end`;
  });
  return sql`insert into ${workerEquityFacts} (worker_id, period_end, worker_version, shared_version, figures)
    select ${workers.id}, ${period.end}, coalesce((select fv.version from ${factVersions} fv where fv.subject = ${workers.id}), 0), ${sharedVersion},
      ${sql.join(figures, sql` || ',' || `)}
    from ${workers} where ${which}
    -- In the order of their ids, as the scorecard's facts are written (two views at once on PostgreSQL).
    order by ${workers.id}
    on conflict (period_end, worker_id) do update set worker_version = excluded.worker_version, shared_version = excluded.shared_version, figures = excluded.figures`;
}

/** Workers whose equity facts are worked out in one statement. */
const EQUITY_FACTS_CHUNK = 2_000;

/** A period's part of a worker's facts when they were not in post on its last day: as wide as a flag per measure. */
const NOT_IN_POST_PART = "-".repeat(EQUITY_MEASURES.length);
const NOT_IN_POST = sql.raw(`'${NOT_IN_POST_PART}'`);
/** The part of the facts for the `i`th period read (0, the period itself), as SQL. */
const factsOf = (i: number) => sql`substr(figures, ${sql.raw(String(i * (EQUITY_MEASURES.length + 1) + 1))}, ${sql.raw(String(EQUITY_MEASURES.length))})`;

/**
 * Brings the equity facts of everyone who may be in the user's view in the periods read up to date: those with none,
 * or labelled with a version that is no longer current, are worked out again, a chunk at a time.
 */
async function bringViewUpToDate(period: EquityPeriod, who: SQL): Promise<number> {
  const stale = await selectRows<{ id: string }>(sql`
    select ${workers.id} as id from ${workers}
      left join ${workerEquityFacts} f on f.period_end = ${period.end} and f.worker_id = ${workers.id}
      left join ${factVersions} v on v.subject = ${workers.id}
    where ${who} and (f.worker_id is null or f.worker_version <> coalesce(v.version, 0) or f.shared_version <> ${sharedVersion})`);
  await inChunks(stale.map((r) => r.id), EQUITY_FACTS_CHUNK, async (ids) =>
    await withoutInvalidating(async () => await execute(workOutEquityFacts(inArray(workers.id, ids), period))));
  return stale.length;
}

/**
 * Brings the equity facts of every organisation's workers up to date for a period (the day's summaries do it for the
 * newest period offered, so a lead's first view of a new quarter finds them). Returns how many were worked out.
 */
export async function bringEquityFactsUpToDate(period: EquityPeriod): Promise<number> {
  return await bringViewUpToDate(period, mayBeInPost(periodsRead(period)));
}

/** Forgets every equity fact, or those of periods that end before `before` (no longer offered), so the next view works them out. */
export async function forgetEquityFacts(before?: string): Promise<void> {
  await withoutInvalidating(async (tx) => await tx.delete(workerEquityFacts).where(before ? sql`${workerEquityFacts.periodEnd} < ${before}` : always));
}

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
  const who = mayBeInView(user, periodsRead(period));
  await bringViewUpToDate(period, who);
  // The facts of everyone who may be in the view, joined to their answers as they are now, counted in one pass by
  // answers, their part in the period, and whether that differs from their part in each period before it (someone
  // in post in only one of the two differs, as lib/rules/equity.ts peopleChanged counts them): a few thousand groups.
  const now = factsOf(0);
  const differs = Array.from({ length: PERIODS_COMPARED }, (_, k) => sql`case when ${now} <> ${factsOf(k + 1)} then 1 else 0 end`);
  const answers = (Object.keys(CHARACTERISTICS) as Characteristic[]).map((c) => sql`${equalityMonitoring[c]}`);
  const grouped = [...answers, now, ...differs];
  const rows = await selectRows<Record<string, string | number | null>>(sql`
    select ${sql.join(grouped.map((col, i) => sql`${col} as ${sql.raw(`g${i}`)}`), sql`, `)}, count(*) as n
    from ${workers}
      left join ${equalityMonitoring} on ${equalityMonitoring.workerId} = ${workers.id}
      join ${workerEquityFacts} f on f.period_end = ${period.end} and f.worker_id = ${workers.id}
    where ${who}
    group by ${sql.join(grouped.map((_, i) => sql.raw(`g${i}`)), sql`, `)}`);
  const characteristics = Object.keys(CHARACTERISTICS) as Characteristic[];
  const changed = Array.from({ length: PERIODS_COMPARED }, () => 0);
  const overall = { headcount: 0, met: blank() };
  const counts = new Map<string, EquityGroup>();
  const groupOf = (c: Characteristic, key: string) => {
    const id = `${c} ${key}`;
    if (!counts.has(id)) counts.set(id, { key, headcount: 0, met: blank() });
    return counts.get(id)!;
  };
  for (const row of rows) {
    const n = Number(row.n);
    const part = String(row[`g${characteristics.length}`]);
    for (let k = 0; k < PERIODS_COMPARED; k++) changed[k]! += Number(row[`g${characteristics.length + 1 + k}`]) * n;
    if (part === NOT_IN_POST_PART) continue;
    const tally = (g: { headcount: number; met: Record<EquityMeasure, number> }) => {
      g.headcount += n;
      EQUITY_MEASURES.forEach((m, i) => (g.met[m] += part[i] === "1" ? n : 0));
    };
    tally(overall);
    // An answer outside the question's list (written past the form: an import, a fix by hand) counts as not declared, so
    // that the groups always add up to everyone and no one can be worked out as the total less the groups.
    characteristics.forEach((c, i) => {
      const answer = row[`g${i}`] as string | null;
      tally(groupOf(c, answer !== null && (CHARACTERISTICS[c] as readonly string[]).includes(answer) ? answer : "not_declared"));
    });
  }
  if (overall.headcount < MINIMUM_SCOPE) return { status: "too_small", period };
  if (!changed.every(changeIsSafe)) return { status: "withheld", period };

  const by = Object.fromEntries(
    characteristics.map((c) => [c, [...CHARACTERISTICS[c], "not_declared"].map((key) => counts.get(`${c} ${key}`) ?? { key, headcount: 0, met: blank() })]),
  ) as Record<Characteristic, EquityGroup[]>;
  return { status: "published", period, overall, by };
}

const blank = (): Record<EquityMeasure, number> => ({ appraised: 0, training: 0, apprenticeship: 0, progressed: 0 });
