import "server-only";
// The call-to-action scorecard, per team and overall: three aggregate queries (and the stages' reference rows) whatever the size of the organisation
// (workers' measures by team, CPD per FTE medians with window functions, training decisions by team). The
// population is the workers the user may see who were in post on the period's last day; a worker who left before
// then is not counted, one who joined during the period is. Definitions: lib/rules/scorecard.ts.
import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { caseless, countWhere, roundTo, always, limitTo, joinInOrder } from "../dialect";
import { db, first, selectRows } from "../client";
import { clearInsightCache, keptInsight, keptObject } from "../insights-cache";
import {
  appraisals,
  apprenticeships,
  careSettings,
  careerConversations,
  competencyAssessments,
  competencyStatements,
  cpdActivities,
  pdpReviews,
  pdps,
  professions,
  settings,
  supervisionSessions,
  teams,
  trainingRequests,
  workers,
} from "../schema";
import { visibleWorkers } from "../access";
import { publishedFrameworkVersion, workerFrameworkStageSql } from "./competencies";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import { addDays, londonDayStartMs, now as clockNow } from "../../lib/rules/dates";
import { latestStartDueBy, nextAppraisalDue } from "../../lib/rules/appraisal-due";
import { periodEnding, rag, share, thresholdsFrom, THRESHOLDS_SETTING, type Period, type Rag, type ScorecardMeasure, type Thresholds } from "../../lib/rules/scorecard";
import type { Result } from "../result";

export type ScorecardFilters = { team: string | null; profession: string | null; setting: string | null; end: string };

export type ScorecardRow = {
  teamId: string | null;
  teamName: string;
  headcount: number;
  fte: number;
  counts: Record<Exclude<ScorecardMeasure, "cpd_per_fte" | "training_approved" | "competency_coverage">, number>;
  /** Out of how many each count is: the headcount, or those for whom the thing had fallen due (MEASURE_INFO's outOf). */
  due: Record<Exclude<ScorecardMeasure, "cpd_per_fte" | "training_approved" | "competency_coverage">, number>;
  trainingDecided: number;
  trainingApproved: number;
  /** Competency statements at the workers' current stages, and how many of them are signed off. */
  competencyRequired: number;
  competencySignedOff: number;
  values: Record<ScorecardMeasure, number | null>;
  rags: Record<ScorecardMeasure, Rag | null>;
};

/** Workers visible to the user whose current record matches the filters (leavers included): every insights tab's scope. */
export function filteredWorkers(user: SessionUser, f: ScorecardFilters): SQL {
  return and(
    visibleWorkers(user),
    f.team ? eq(workers.teamId, f.team) : undefined,
    f.profession ? eq(workers.professionId, f.profession) : undefined,
    f.setting ? eq(workers.careSettingId, f.setting) : undefined,
  )!;
}

/** Workers in the population: visible to the user, in post on the last day, matching the filters. */
export function population(user: SessionUser, f: ScorecardFilters, p: Period): SQL {
  return and(filteredWorkers(user, f), sql`${workers.contractStart} <= ${p.end}`, or(eq(workers.status, "in_post"), sql`${workers.contractEnd} > ${p.end}`))!;
}

/** The thresholds in force: the administrator's setting, or the defaults. */
export async function scorecardThresholds(): Promise<Thresholds> {
  const row = await first(db.select({ value: settings.value }).from(settings).where(eq(settings.key, THRESHOLDS_SETTING)));
  return thresholdsFrom(row?.value);
}

/** Saves the thresholds (administrators only), audited with the old and new values. */
export async function saveScorecardThresholds(user: SessionUser, next: Thresholds): Promise<Result> {
  if (user.role !== "admin") return { ok: false, code: "read_only", message: "Only administrators change the scorecard thresholds" };
  await db.transaction(async (tx) => {
    const before = await first(tx.select({ value: settings.value }).from(settings).where(eq(settings.key, THRESHOLDS_SETTING)));
    await tx.insert(settings)
      .values({ key: THRESHOLDS_SETTING, value: next, updatedAt: clockNow() })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: clockNow() } });
    await audit(tx, user, { action: "setting.update", entityType: "setting", entityId: THRESHOLDS_SETTING, summary: { from: thresholdsFrom(before?.value), to: next } });
  });
  clearInsightCache(); // the ratings follow at once, however large the organisation
  return { ok: true };
}

/** The measures that count workers (a share of headcount), as against CPD hours and training decisions. */
export const WORKER_MEASURES = ["pdp_reviewed", "appraised", "career_conversation", "supervised", "structured_education"] as const satisfies readonly ScorecardMeasure[];
export type WorkerMeasure = (typeof WORKER_MEASURES)[number];

/**
 * For each worker measure, whether the worker in the outer query meets it in the period: a correlated EXISTS that
 * each table's (worker_id, date) index answers, so a manager's few workers cost a few lookups and a lead's whole
 * organisation one lookup a worker (a semi-join over the period's events measured slower for both; docs/benchmarks.md).
 */
function measureMet(p: Period): Record<WorkerMeasure, SQL> {
  return {
    pdp_reviewed: sql`exists (select 1 from ${pdpReviews} join ${pdps} on ${pdps.id} = ${pdpReviews.pdpId}
      where ${pdps.workerId} = ${workers.id} and ${pdps.workerAgreedAt} is not null and ${pdps.managerAgreedAt} is not null
        and ${pdpReviews.reviewedOn} between ${p.start} and ${p.end})`,
    appraised: sql`exists (select 1 from ${appraisals} where ${appraisals.workerId} = ${workers.id} and ${appraisals.status} = 'completed'
        and ${appraisals.heldOn} between ${p.start} and ${p.end})`,
    career_conversation: sql`exists (select 1 from ${careerConversations} where ${careerConversations.workerId} = ${workers.id}
        and ${careerConversations.heldOn} between ${p.start} and ${p.end})`,
    supervised: sql`exists (select 1 from ${supervisionSessions} where ${supervisionSessions.workerId} = ${workers.id}
        and ${supervisionSessions.heldOn} between ${p.recentStart} and ${p.end})`,
    structured_education: sql`(exists (select 1 from ${apprenticeships} where ${apprenticeships.workerId} = ${workers.id}
          and ${apprenticeships.status} <> 'planned' and ${apprenticeships.startDate} <= ${p.end}
          and (${apprenticeships.actualEndDate} is null or ${apprenticeships.actualEndDate} >= ${p.start}))
        or exists (select 1 from ${trainingRequests} where ${trainingRequests.workerId} = ${workers.id}
          and ${trainingRequests.status} in ('approved', 'attended') and ${trainingRequests.startsOn} between ${p.start} and ${p.end}))`,
  };
}

/**
 * For each worker measure, whether what it counts had fallen due for the worker by the period's last day
 * (MEASURE_INFO's outOf): an appraisal once their first has (12 months after they start, by the month-end rule of
 * lib/rules/appraisal-due.ts, worked out here as the last start date that is due); the others from their first day.
 */
function measureDue(p: Period): Record<WorkerMeasure, SQL> {
  const fromTheStart = always;
  return {
    pdp_reviewed: fromTheStart,
    appraised: sql`(${workers.contractStart} <= ${latestStartDueBy(p.end)})`,
    career_conversation: fromTheStart,
    supervised: fromTheStart,
    structured_education: fromTheStart,
  };
}

/**
 * The workers behind one figure: everyone it is out of (the population, or those for whom it had fallen due) with
 * whether they meet the measure and, where it has a due date, when it fell or falls due; those who do not meet it
 * first, then by name. Bounded by `limit`, from `offset` on (a page); the counts are of all of them.
 */
export async function scorecardWorkers(user: SessionUser, f: ScorecardFilters, measure: WorkerMeasure, limit = 500, offset = 0) {
  const p = periodEnding(f.end);
  const where = and(population(user, f, p), measureDue(p)[measure])!;
  const met = sql<number>`${measureMet(p)[measure]}`;
  const rows = (await db
    .select({
      id: workers.id,
      name: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
      jobTitle: workers.jobTitle,
      teamName: teams.name,
      met: met.mapWith(Boolean),
      contractStart: workers.contractStart,
      // The last signed appraisal on or before the last day: the next one is due 12 months after it.
      lastAppraisalOn:
        measure === "appraised"
          ? sql<string | null>`(select max(${appraisals.heldOn}) from ${appraisals} where ${appraisals.workerId} = ${workers.id}
              and ${appraisals.status} = 'completed' and ${appraisals.heldOn} <= ${p.end})`
          : sql<string | null>`null`,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(where)
    .orderBy(sql`${met}`, caseless(workers.lastName), caseless(workers.firstName), asc(workers.id))
    .limit(limit) // a negative limit (the download) is left out of the SQL by drizzle, on either dialect
    .offset(offset))
    .map(({ contractStart, lastAppraisalOn, ...r }) => ({ ...r, dueOn: measure === "appraised" ? nextAppraisalDue(contractStart, lastAppraisalOn) : null }));
  const totals = await first(db
    .select({ total: sql<number>`count(*)`, met: sql<number>`coalesce(${countWhere(met)}, 0)` })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(where)) ?? { total: 0, met: 0 };
  return { period: p, rows, ...totals };
}

/** The scorecard, kept while the data is unchanged, and for a lead a while after a change if slow (db/insights-cache.ts). */
export async function scorecard(user: SessionUser, f: ScorecardFilters) {
  return await keptObject("scorecard", user, f, async () => await workOutScorecard(user, f), true);
}

/**
 * The scorecard: one row per team with workers in the population (by name), and the overall row first. Shares are
 * of the team's headcount; CPD per FTE is the median of workers' hours ÷ FTE.
 */
async function workOutScorecard(user: SessionUser, f: ScorecardFilters) {
  const p = periodEnding(f.end);
  const where = population(user, f, p);
  const met = measureMet(p);
  const due = measureDue(p);
  // A worker meets a measure only where it had fallen due for them; the share is out of those.
  const counted = (m: WorkerMeasure) => sql<number>`coalesce(${countWhere(sql`${due[m]} and ${met[m]}`)}, 0)`;
  const measures = {
    pdp_reviewed: counted("pdp_reviewed"),
    appraised: counted("appraised"),
    career_conversation: counted("career_conversation"),
    supervised: counted("supervised"),
    structured_education: counted("structured_education"),
  };
  const teamRows = await db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      headcount: sql<number>`count(*)`,
      fte: roundTo(sql`sum(${workers.fte})`, 2),
      dueAppraised: sql<number>`coalesce(${countWhere(due.appraised)}, 0)`,
      ...measures,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(where)
    .groupBy(teams.id)
    .orderBy(caseless(teams.name));

  // Training decisions in the period, by team: decided_at is a timestamp, the period's ends are London dates.
  const from = londonDayStartMs(p.start);
  const to = londonDayStartMs(addDays(p.end, 1)) - 1;
  const decisions = await db
    .select({
      teamId: workers.teamId,
      decided: sql<number>`count(*)`,
      approved: sql<number>`coalesce(${countWhere(sql`${trainingRequests.status} in ('approved', 'attended')`)}, 0)`,
    })
    .from(trainingRequests)
    .innerJoin(workers, eq(workers.id, trainingRequests.workerId))
    .where(and(where, sql`${trainingRequests.decidedAt} between ${from} and ${to}`, sql`${trainingRequests.status} in ('approved', 'attended', 'declined')`))
    .groupBy(workers.teamId);

  // Medians of CPD hours per FTE, per team and overall (team_id null), with window functions. Each worker's hours are
  // summed from the covering (worker, date, hours, …) index; grouping the year's CPD first took three times as long.
  const medians = await selectRows<{ teamId: string | null; median: number }>(sql`
    with per as materialized (
      select ${workers.teamId} as team_id, coalesce((select sum(c.hours) from ${cpdActivities} c
          where c.worker_id = ${workers.id} and c.activity_on between ${p.start} and ${p.end}), 0) / ${workers.fte} as v
      from ${workers} join ${teams} on ${teams.id} = ${workers.teamId} where ${where}
    ),
    ranked as (
      select team_id, v, row_number() over (partition by team_id order by v) as rn, count(*) over (partition by team_id) as n from per
    ),
    ranked_all as (
      select v, row_number() over (order by v) as rn, count(*) over () as n from per
    )
    select team_id as "teamId", avg(v) as median from ranked where rn in ((n + 1) / 2, (n + 2) / 2) group by team_id
    union all
    select cast(null as text), avg(v) from ranked_all where rn in ((n + 1) / 2, (n + 2) / 2)
  `);

  const coverage = await competencyCoverage(where, p);
  const thresholds = await scorecardThresholds();
  const decidedBy = new Map(decisions.map((d) => [d.teamId, d]));
  const medianBy = new Map(medians.map((m) => [m.teamId, m.median]));
  const make = (
    r: { teamId: string | null; teamName: string; headcount: number; fte: number; dueAppraised: number; competencyRequired: number; competencySignedOff: number } & ScorecardRow["counts"],
    d: { decided: number; approved: number } | undefined, median: number | null): ScorecardRow => {
    const counts = { pdp_reviewed: r.pdp_reviewed, appraised: r.appraised, career_conversation: r.career_conversation, supervised: r.supervised, structured_education: r.structured_education };
    const due = { pdp_reviewed: r.headcount, appraised: r.dueAppraised, career_conversation: r.headcount, supervised: r.headcount, structured_education: r.headcount };
    const values: ScorecardRow["values"] = {
      pdp_reviewed: share(counts.pdp_reviewed, due.pdp_reviewed),
      appraised: share(counts.appraised, due.appraised),
      career_conversation: share(counts.career_conversation, due.career_conversation),
      supervised: share(counts.supervised, due.supervised),
      cpd_per_fte: median === null || r.headcount === 0 ? null : Math.round(median * 10) / 10,
      structured_education: share(counts.structured_education, due.structured_education),
      training_approved: share(d?.approved ?? 0, d?.decided ?? 0),
      competency_coverage: share(r.competencySignedOff, r.competencyRequired),
    };
    const rags = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, rag(v, thresholds[k as ScorecardMeasure])])) as ScorecardRow["rags"];
    return { teamId: r.teamId, teamName: r.teamName, headcount: r.headcount, fte: r.fte, counts, due, trainingDecided: d?.decided ?? 0, trainingApproved: d?.approved ?? 0, competencyRequired: r.competencyRequired, competencySignedOff: r.competencySignedOff, values, rags };
  };
  const withCoverage = teamRows.map((r) => ({ ...r, competencyRequired: coverage.get(r.teamId)?.required ?? 0, competencySignedOff: coverage.get(r.teamId)?.signedOff ?? 0 }));
  const rows = withCoverage.map((r) => make(r, decidedBy.get(r.teamId), medianBy.get(r.teamId) ?? null));
  const sum = (pick: (r: (typeof withCoverage)[number]) => number) => withCoverage.reduce((n, r) => n + pick(r), 0);
  const overall = make(
    {
      teamId: null,
      teamName: "All teams",
      headcount: sum((r) => r.headcount),
      fte: Math.round(sum((r) => r.fte) * 100) / 100,
      dueAppraised: sum((r) => r.dueAppraised),
      pdp_reviewed: sum((r) => r.pdp_reviewed),
      appraised: sum((r) => r.appraised),
      career_conversation: sum((r) => r.career_conversation),
      supervised: sum((r) => r.supervised),
      structured_education: sum((r) => r.structured_education),
      competencyRequired: sum((r) => r.competencyRequired),
      competencySignedOff: sum((r) => r.competencySignedOff),
    },
    { decided: decisions.reduce((n, d) => n + d.decided, 0), approved: decisions.reduce((n, d) => n + d.approved, 0) },
    medianBy.get(null) ?? null,
  );
  return { period: p, thresholds, overall, rows };
}

/**
 * Competency sign-off coverage by team: of the statements in the published framework at each worker's current stage
 * (with their profession's and team's own), how many are owed and how many signed off and not expired on the last
 * day, following a statement's lineage into older versions as the competency page does. One row a worker in the
 * population (`owing`), worked out with two small lookups:
 *   - what they owe, from the published statements counted by stage, profession and team (a few dozen rows);
 *   - what is signed off, from their own sign-offs (the covering (worker, status, statement, dates) index), each
 *     through a map from any version's statement to the published one of its lineage. A published statement counts
 *     once: by its own sign-off if that stands, else by the first older version's that does (one sign-off per worker
 *     and statement, so "first" is well defined).
 * A DISTINCT over every sign-off in the organisation, and owed counts as a join of workers to statements, took a
 * lead's scorecard to 3.4 s at 50,000 workers; counted per worker like this it is well under a second
 * (docs/benchmarks.md). A manager's few workers cost a few lookups each.
 */
async function coverageCtes(where: SQL, p: Period, versionId: string): Promise<SQL> {
  const stage = await workerFrameworkStageSql("current");
  const applies = (s: string) => sql.raw(`(${s}.profession_id is null or ${s}.profession_id = pop.profession_id) and (${s}.team_id is null or ${s}.team_id = pop.team_id)`);
  const stands = (a: string) => sql`${sql.raw(a)}.status in ('signed_off', 'expired') and ${sql.raw(a)}.signed_off_on <= ${p.end} and (${sql.raw(a)}.expires_on is null or ${sql.raw(a)}.expires_on >= ${p.end})`;
  return sql`
    with pop as materialized (
      select ${workers.id} as worker_id, ${workers.teamId} as team_id, ${workers.professionId} as profession_id, ${stage} as stage
      from ${workers} join ${teams} on ${teams.id} = ${workers.teamId} where ${where}
    ),
    kinds as materialized (
      select stage, profession_id, team_id, count(*) as n from ${competencyStatements}
      where version_id = ${versionId} and retired_at is null group by stage, profession_id, team_id
    ),
    lineage as materialized (
      select old.id as old_id, cur.id as cur_id, cur.stage, cur.profession_id, cur.team_id
      from ${competencyStatements} old join ${competencyStatements} cur on cur.version_id = ${versionId} and cur.lineage_key = old.lineage_key and cur.retired_at is null
    ),
    owing as materialized (
      select pop.worker_id, pop.team_id,
        (select sum(k.n) from kinds k where k.stage = pop.stage and ${applies("k")}) as owed,
        (select count(*) from ${competencyAssessments} ca ${joinInOrder(sql`lineage cur`, sql`cur.old_id = ca.statement_id`)}
          where ca.worker_id = pop.worker_id and cur.stage = pop.stage and ${applies("cur")} and ${stands("ca")}
            and (cur.old_id = cur.cur_id or not exists (
              select 1 from ${competencyAssessments} c2 join lineage l2 on l2.old_id = c2.statement_id
              where c2.worker_id = pop.worker_id and l2.cur_id = cur.cur_id and ${stands("c2")}
                and (l2.old_id = l2.cur_id or c2.statement_id < ca.statement_id)))) as signed
      from pop where pop.stage is not null
    )`;
}

async function competencyCoverage(where: SQL, p: Period): Promise<Map<string, { required: number; signedOff: number }>> {
  const version = await publishedFrameworkVersion();
  if (!version) return new Map();
  const rows = await selectRows<{ teamId: string; required: number; signedOff: number }>(sql`
    ${await coverageCtes(where, p, version.id)}
    select team_id as "teamId", sum(owed) as required, sum(signed) as "signedOff" from owing where owed > 0 group by team_id
  `);
  return new Map(rows.map((r) => [r.teamId, { required: r.required, signedOff: r.signedOff }]));
}

/** The workers behind the coverage figure, kept while the data is unchanged (never stale: it names people); a download of all of them is not kept. */
export async function coverageWorkers(user: SessionUser, f: ScorecardFilters, limit = 500, offset = 0) {
  // A whole download, or a page after the first, is not kept: the kept insights are few, and each is a tab's.
  if (limit < 0 || offset > 0) return { ...await workOutCoverageWorkers(user, f, limit, limit < 0 ? 0 : offset), workedOutAt: null };
  return keptObject("coverageWorkers", user, [f, limit, offset], async () => await workOutCoverageWorkers(user, f, limit, offset));
}

/**
 * The workers behind the coverage figure: each worker who owes competencies at their stage, with how many of them are
 * signed off, the least covered first. Bounded by `limit`; the totals are of all of them.
 */
async function workOutCoverageWorkers(user: SessionUser, f: ScorecardFilters, limit = 500, offset = 0) {
  const p = periodEnding(f.end);
  const version = await publishedFrameworkVersion();
  const empty = { period: p, rows: [] as { id: string; name: string; jobTitle: string; teamName: string; required: number; signedOff: number }[], total: 0, required: 0, signedOff: 0 };
  if (!version) return empty;
  const all = await selectRows<{ id: string; name: string; jobTitle: string; teamName: string; required: number; signedOff: number; total: number; allRequired: number; allSigned: number }>(sql`
    ${await coverageCtes(population(user, f, p), p, version.id)},
    per as (select worker_id, owed as required, signed as signed_off from owing where owed > 0)
    select ${workers.id} as id, ${workers.firstName} || ' ' || ${workers.lastName} as name, ${workers.jobTitle} as "jobTitle", ${teams.name} as "teamName",
      per.required, per.signed_off as "signedOff",
      count(*) over () as total, sum(per.required) over () as "allRequired", sum(per.signed_off) over () as "allSigned"
    from per join ${workers} on ${workers.id} = per.worker_id join ${teams} on ${teams.id} = ${workers.teamId}
    order by 1.0 * per.signed_off / per.required, ${caseless(workers.lastName)}, ${caseless(workers.firstName)}, ${workers.id}${limitTo(limit < 0 ? null : limit)}${offset > 0 ? sql` offset ${offset}` : sql.empty()}
  `);
  const first = all[0];
  return {
    period: p,
    rows: all.map(({ id, name, jobTitle, teamName, required, signedOff }) => ({ id, name, jobTitle, teamName, required, signedOff })),
    total: first?.total ?? 0,
    required: first?.allRequired ?? 0,
    signedOff: first?.allSigned ?? 0,
  };
}

/** The choices for the filters: teams the user may see workers in, live professions and care settings. */
export async function scorecardFilterChoices(user: SessionUser) {
  // Every insights page asks, and at 50,000 workers the teams take 30 ms: kept while nothing changes (db/insights-cache.ts).
  return (await keptInsight("filter choices", user, null, async () => ({
    teams: await db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .innerJoin(workers, eq(workers.teamId, teams.id))
      .where(visibleWorkers(user))
      // Grouped rather than distinct: PostgreSQL orders a distinct list only by what it selects.
      .groupBy(teams.id, teams.name)
      .orderBy(caseless(teams.name)),
    professions: await db.select({ id: professions.id, name: professions.name }).from(professions).where(isNull(professions.retiredAt)).orderBy(asc(professions.name)),
    settings: await db.select({ id: careSettings.id, name: careSettings.name }).from(careSettings).where(isNull(careSettings.retiredAt)).orderBy(asc(careSettings.name)),
  }))).value;
}
