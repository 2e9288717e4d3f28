import "server-only";
// The call-to-action scorecard, per team and overall: three aggregate queries (and the stages' reference rows) whatever the size of the organisation
// (workers' measures by team, CPD per FTE medians with window functions, training decisions by team). The
// population is the workers the user may see who were in post on the period's last day; a worker who left before
// then is not counted, one who joined during the period is. Definitions: lib/rules/scorecard.ts.
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { caseless, countWhere, roundTo, always, joinInOrder, jsonArrayWhere } from "../dialect";
import { db, execute, first, selectRows } from "../client";
import { dropPeriodsNotKept, markPeriodInUse } from "../summary-periods";
import { bringRiskFactsUpToDate } from "./apprenticeship-pipeline";
// equality.ts reads this module's rules; the day's summaries call back into it, only ever at run time.
import { bringEquityFactsUpToDate, forgetEquityFacts } from "./equality";
import { bringTeamProgressionUpToDate } from "./progression";
import { clearInsightCache, inChunks, keptInsight, keptObject, withoutInvalidating } from "../insights-cache";
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
  trainingCompletions,
  trainingRequests,
  trainingSubjectAudiences,
  trainingSubjects,
  workers,
  workerScorecardFacts,
  teamScorecardFacts,
  factVersions,
} from "../schema";
import { visibleTeams, visibleWorkers } from "../access";
import { publishedFrameworkVersion, workerFrameworkStageSql } from "./competencies";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import { addDays, londonDayStartMs, now as clockNow, todayInLondon } from "../../lib/rules/dates";
import { latestStartDueBy, nextAppraisalDue } from "../../lib/rules/appraisal-due";
import { equityPeriods } from "../../lib/rules/equity";
import { periodEnding, rag, share, thresholdsFrom, THRESHOLDS_SETTING, type Period, type Rag, type ScorecardMeasure, type Thresholds } from "../../lib/rules/scorecard";
import type { Result } from "../result";

export type ScorecardFilters = { team: string | null; profession: string | null; setting: string | null; end: string };

export type ScorecardRow = {
  teamId: string | null;
  teamName: string;
  headcount: number;
  fte: number;
  counts: Record<WorkerMeasure, number>;
  /** Out of how many each count is: the headcount, or those for whom the thing had fallen due (MEASURE_INFO's outOf). */
  due: Record<WorkerMeasure, number>;
  trainingDecided: number;
  trainingApproved: number;
  /** Competency statements at the workers' current stages, and how many of them are signed off. */
  competencyRequired: number;
  competencySignedOff: number;
  /** Mandatory training subjects the workers need, and how many of them are in date on the last day. */
  mandatoryOwed: number;
  mandatoryInDate: number;
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
  return and(filteredWorkers(user, f), inPostOn(p))!;
}

/** Workers in post on the period's last day, in any organisation. */
export function inPostOn(p: Period): SQL {
  return and(sql`${workers.contractStart} <= ${p.end}`, or(eq(workers.status, "in_post"), sql`${workers.contractEnd} > ${p.end}`))!;
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
 * The workers behind one figure (the first page kept while nothing changes): everyone it is out of (the population, or those for whom it had fallen due) with
 * whether they meet the measure and, where it has a due date, when it fell or falls due; those who do not meet it
 * first, then by name. Bounded by `limit`, from `offset` on (a page); the counts are of all of them.
 */
export async function scorecardWorkers(user: SessionUser, f: ScorecardFilters, measure: WorkerMeasure, limit = 500, offset = 0) {
  // Kept like coverageWorkers' first page: exact while nothing changes, never stale (it names people).
  if (limit < 0 || offset > 0) return { ...await workOutScorecardWorkers(user, f, measure, limit, offset), workedOutAt: null };
  return await keptObject("scorecardWorkers", user, [f, measure, limit], async () => await workOutScorecardWorkers(user, f, measure, limit, offset));
}

async function workOutScorecardWorkers(user: SessionUser, f: ScorecardFilters, measure: WorkerMeasure, limit: number, offset: number) {
  const p = periodEnding(f.end);
  const pop = population(user, f, p);
  await bringFactsUpToDate(pop, p);
  const where = and(pop, measureDue(p)[measure])!;
  const met = sql<number>`(${factColumn[measure]} = 1)`;
  const rows = (await db
    .select({
      ...person,
      met: met.mapWith(Boolean),
      contractStart: workers.contractStart,
      // The last signed appraisal on or before the last day: the next one is due 12 months after it.
      lastAppraisalOn: workerScorecardFacts.lastAppraisalOn,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(workerScorecardFacts, factsOf(p))
    .where(where)
    .orderBy(sql`${met}`, caseless(workers.lastName), caseless(workers.firstName), asc(workers.id))
    .limit(limit) // a negative limit (the download) is left out of the SQL by drizzle, on either dialect
    .offset(offset))
    .map(({ contractStart, lastAppraisalOn, ...r }) => ({ ...r, dueOn: measure === "appraised" ? nextAppraisalDue(contractStart, lastAppraisalOn) : null }));
  const totals = await first(db
    .select({ total: sql<number>`count(*)`, met: sql<number>`coalesce(${countWhere(met)}, 0)` })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(workerScorecardFacts, factsOf(p))
    .where(where)) ?? { total: 0, met: 0 };
  return { period: p, rows, ...totals };
}

/** Who a worker behind a figure is, as the lists show them. */
const person = {
  id: workers.id,
  name: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
  jobTitle: workers.jobTitle,
  teamName: teams.name,
};

/** Each worker measure's column in the worker's facts (1 when met). */
const factColumn: Record<WorkerMeasure, SQL> = {
  pdp_reviewed: sql`${workerScorecardFacts.pdpReviewed}`,
  appraised: sql`${workerScorecardFacts.appraised}`,
  career_conversation: sql`${workerScorecardFacts.careerConversation}`,
  supervised: sql`${workerScorecardFacts.supervised}`,
  structured_education: sql`${workerScorecardFacts.structuredEducation}`,
};

/** The join of a worker (the outer query's) to their facts for the period. */
function factsOf(p: Period): SQL {
  return and(eq(workerScorecardFacts.periodEnd, p.end), eq(workerScorecardFacts.workerId, workers.id))!;
}

/** Workers whose facts are worked out in one statement: a lead's 47,000 take about half a second a chunk of this size on SQLite. */
const FACTS_CHUNK = 2_000;

/**
 * Brings the scorecard facts of every worker in `where` up to date for the period (decision record 0028): those with
 * none for it, or labelled with a version of the worker or of the shared data (fact_versions, raised by triggers on
 * every write they come from) that is no longer the current one, are worked out again from the source tables, a chunk
 * at a time, each in a transaction of its own so other requests run between them. The label is read in the statement
 * that works the facts out, so a write that commits meanwhile leaves them labelled out of date, never wrongly current.
 * Writing facts changes no figure, so it leaves kept results alone.
 */
export async function bringFactsUpToDate(where: SQL, p: Period, alone = true): Promise<number> {
  // A chunk of a team sums' run (alone false) is marked and dropped after by that run.
  if (alone) await markPeriodInUse(p.end);
  const stale = await selectRows<{ id: string }>(sql`
    select ${workers.id} as id from ${workers}
      join ${teams} on ${teams.id} = ${workers.teamId}
      left join ${workerScorecardFacts} f on f.period_end = ${p.end} and f.worker_id = ${workers.id}
      left join ${factVersions} v on v.subject = ${workers.id}
    where ${where} and (f.worker_id is null or f.worker_version <> coalesce(v.version, 0) or f.shared_version <> ${sharedVersion})`);
  if (stale.length === 0) return 0;
  const version = await publishedFrameworkVersion();
  await inChunks(stale.map((r) => r.id), FACTS_CHUNK, async (ids) =>
    await withoutInvalidating(async () => await execute(await workOutFacts(inArray(workers.id, ids), p, version?.id ?? null))));
  if (alone) await forgetOtherPeriods(p);
  return stale.length;
}

/** The shared version now, as the statement that reads it sees it. */
export const sharedVersion = sql`coalesce((select fv.version from ${factVersions} fv where fv.subject = 'shared'), 0)`;

/** Forgets every worker's and team's scorecard facts, and any day's claim, so the next view works them all out (the benchmark, the tests). */
export async function forgetScorecardFacts(): Promise<void> {
  await withoutInvalidating(async (tx) => {
    await tx.delete(factVersions).where(sql`${factVersions.subject} like ${`${DAY_CLAIM}%`}`);
    await tx.delete(teamScorecardFacts).where(always);
    await tx.delete(workerScorecardFacts).where(always);
  });
}

/** Drops the facts and sums of periods no longer kept (db/summary-periods.ts), after a view or in the day's run. */
async function forgetOtherPeriods(p: Period, daily = false) {
  await dropPeriodsNotKept(p.end, daily, [
    { table: workerScorecardFacts, periodEnd: sql`${workerScorecardFacts.periodEnd}` },
    { table: teamScorecardFacts, periodEnd: sql`${teamScorecardFacts.periodEnd}` },
  ]);
}

/** The statement that works out (insert or replace) the facts of the workers in `which` for the period. */
async function workOutFacts(which: SQL, p: Period, versionId: string | null): Promise<SQL> {
  const met = measureMet(p);
  const flag = (m: WorkerMeasure) => sql`case when ${met[m]} then 1 else 0 end`;
  const coverage = versionId ? await coverageCtes(which, p, versionId) : null;
  const owed = coverage ? sql`coalesce(owing.owed, 0)` : sql`0`;
  const signed = coverage ? sql`coalesce(owing.signed, 0)` : sql`0`;
  // Training decisions in the period: decided_at is a timestamp, the period's ends are London dates.
  const from = londonDayStartMs(p.start);
  const to = londonDayStartMs(addDays(p.end, 1)) - 1;
  const mandatory = mandatoryCounts(p);
  return sql`${coverage ?? sql.empty()}
    insert into ${workerScorecardFacts} (worker_id, period_end, worker_version, shared_version, pdp_reviewed, appraised, career_conversation,
      supervised, structured_education, last_appraisal_on, cpd_hours, competency_owed, competency_signed, training_decided, training_approved,
      mandatory_owed, mandatory_in_date)
    select ${workers.id}, ${p.end},
      coalesce((select fv.version from ${factVersions} fv where fv.subject = ${workers.id}), 0), ${sharedVersion},
      ${flag("pdp_reviewed")}, ${flag("appraised")}, ${flag("career_conversation")}, ${flag("supervised")}, ${flag("structured_education")},
      (select max(${appraisals.heldOn}) from ${appraisals} where ${appraisals.workerId} = ${workers.id}
        and ${appraisals.status} = 'completed' and ${appraisals.heldOn} <= ${p.end}),
      coalesce((select sum(c.hours) from ${cpdActivities} c where c.worker_id = ${workers.id} and c.activity_on between ${p.start} and ${p.end}), 0),
      ${owed}, ${signed},
      (select count(*) from ${trainingRequests} tr where tr.worker_id = ${workers.id} and tr.decided_at between ${from} and ${to}
        and tr.status in ('approved', 'attended', 'declined')),
      (select count(*) from ${trainingRequests} tr where tr.worker_id = ${workers.id} and tr.decided_at between ${from} and ${to}
        and tr.status in ('approved', 'attended')),
      ${mandatory.owed}, ${mandatory.inDate}
    from ${workers} ${coverage ? sql`left join owing on owing.worker_id = ${workers.id}` : sql.empty()}
    where ${which}
    -- In the order of their ids: two views writing the same workers' facts at once on PostgreSQL then wait for each
    -- other's rows in one order, never each for the other's (tests/scorecard-facts.test.ts met such a deadlock once).
    order by ${workers.id}
    on conflict (period_end, worker_id) do update set worker_version = excluded.worker_version, shared_version = excluded.shared_version,
      pdp_reviewed = excluded.pdp_reviewed, appraised = excluded.appraised, career_conversation = excluded.career_conversation,
      supervised = excluded.supervised, structured_education = excluded.structured_education, last_appraisal_on = excluded.last_appraisal_on,
      cpd_hours = excluded.cpd_hours, competency_owed = excluded.competency_owed, competency_signed = excluded.competency_signed,
      training_decided = excluded.training_decided, training_approved = excluded.training_approved,
      mandatory_owed = excluded.mandatory_owed, mandatory_in_date = excluded.mandatory_in_date`;
}

/**
 * Mandatory training for the worker of the outer query (decision record 0033, lib/rules/mandatory-training.ts): the
 * current subjects they need (any one of a subject's audiences takes them in: everyone, their stage, their profession,
 * or their care setting, their own or else their team's), and how many of those are in date on the period's last day:
 * a completion not removed, done on or before the day, that expires on or after it or never. The completion that
 * keeps them in date longest is in date if any is, so "any" is enough. Two correlated counts, each answered by the
 * audiences' and the completions' (worker, subject, date) indexes: a few dozen lookups a worker.
 */
function mandatoryCounts(p: Period): { owed: SQL; inDate: SQL } {
  const needed = sql`${trainingSubjects.retiredAt} is null and exists (select 1 from ${trainingSubjectAudiences} a where a.subject_id = ${trainingSubjects.id}
      and (a.kind = 'everyone' or (a.kind = 'stage' and a.ref_id = ${workers.stageId}) or (a.kind = 'profession' and a.ref_id = ${workers.professionId})
        or (a.kind = 'care_setting' and a.ref_id = coalesce(${workers.careSettingId}, (select ts.care_setting_id from ${teams} ts where ts.id = ${workers.teamId})))))`;
  return {
    owed: sql`(select count(*) from ${trainingSubjects} where ${needed})`,
    inDate: sql`(select count(*) from ${trainingSubjects} where ${needed} and exists (select 1 from ${trainingCompletions} c
      where c.worker_id = ${workers.id} and c.subject_id = ${trainingSubjects.id} and c.removed_at is null and c.completed_on <= ${p.end}
        and (c.expires_on is null or c.expires_on >= ${p.end})))`,
  };
}

/** The scorecard, kept while the data is unchanged, and for a lead a while after a change if slow (db/insights-cache.ts). */
export async function scorecard(user: SessionUser, f: ScorecardFilters) {
  return await keptObject("scorecard", user, f, async () => await workOutScorecard(user, f), true);
}

/** A team's sums for the scorecard, from its workers' facts or its own. */
type TeamSums = {
  teamId: string | null;
  teamName: string;
  headcount: number;
  fte: number;
  dueAppraised: number;
  competencyRequired: number;
  competencySignedOff: number;
  /** Workers who owe any competencies at their stage. */
  competencyOwing: number;
  mandatoryOwed: number;
  mandatoryInDate: number;
  decided: number;
  approved: number;
  median: number | null;
} & ScorecardRow["counts"];

/**
 * The scorecard: one row per team with workers in the population (by name), and the overall row first. Shares are
 * of the team's headcount; CPD per FTE is the median of workers' hours ÷ FTE. Worked out from the summaries of
 * decision record 0028: a lead's or an administrator's, for the whole organisation or a team, from each team's sums;
 * anyone else's, or one filtered by profession or care setting, from each worker's facts.
 */
async function workOutScorecard(user: SessionUser, f: ScorecardFilters) {
  const p = periodEnding(f.end);
  const { teams: teamRows, median } = orgWide(user) && !f.profession && !f.setting ? await sumsOfTeams(user, f, p) : await sumsOfWorkers(user, f, p);
  const thresholds = await scorecardThresholds();
  const make = (r: TeamSums): ScorecardRow => {
    const counts = { pdp_reviewed: r.pdp_reviewed, appraised: r.appraised, career_conversation: r.career_conversation, supervised: r.supervised, structured_education: r.structured_education };
    const due = { pdp_reviewed: r.headcount, appraised: r.dueAppraised, career_conversation: r.headcount, supervised: r.headcount, structured_education: r.headcount };
    const values: ScorecardRow["values"] = {
      pdp_reviewed: share(counts.pdp_reviewed, due.pdp_reviewed),
      appraised: share(counts.appraised, due.appraised),
      career_conversation: share(counts.career_conversation, due.career_conversation),
      supervised: share(counts.supervised, due.supervised),
      cpd_per_fte: r.median === null || r.headcount === 0 ? null : Math.round(r.median * 10) / 10,
      structured_education: share(counts.structured_education, due.structured_education),
      training_approved: share(r.approved, r.decided),
      competency_coverage: share(r.competencySignedOff, r.competencyRequired),
      mandatory_training: share(r.mandatoryInDate, r.mandatoryOwed),
    };
    const rags = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, rag(v, thresholds[k as ScorecardMeasure])])) as ScorecardRow["rags"];
    return { teamId: r.teamId, teamName: r.teamName, headcount: r.headcount, fte: r.fte, counts, due, trainingDecided: r.decided, trainingApproved: r.approved, competencyRequired: r.competencyRequired, competencySignedOff: r.competencySignedOff, mandatoryOwed: r.mandatoryOwed, mandatoryInDate: r.mandatoryInDate, values, rags };
  };
  const rows = teamRows.map(make);
  const sum = (pick: (r: TeamSums) => number) => teamRows.reduce((n, r) => n + pick(r), 0);
  const overall = make({
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
    competencyOwing: sum((r) => r.competencyOwing),
    mandatoryOwed: sum((r) => r.mandatoryOwed),
    mandatoryInDate: sum((r) => r.mandatoryInDate),
    decided: sum((r) => r.decided),
    approved: sum((r) => r.approved),
    median,
  });
  return { period: p, thresholds, overall, rows };
}

/** Leads and administrators see the whole organisation (db/access.ts), so a team's sums are the same for all of them. */
function orgWide(user: SessionUser): boolean {
  return user.role === "lead" || user.role === "admin";
}

/** A worker measure's count among those for whom it had fallen due, as SQL over the workers and their facts. */
function countedMeasures(p: Period): Record<WorkerMeasure, SQL<number>> {
  const due = measureDue(p);
  const counted = (m: WorkerMeasure) => sql<number>`coalesce(${countWhere(sql`${due[m]} and ${factColumn[m]} = 1`)}, 0)`;
  return {
    pdp_reviewed: counted("pdp_reviewed"),
    appraised: counted("appraised"),
    career_conversation: counted("career_conversation"),
    supervised: counted("supervised"),
    structured_education: counted("structured_education"),
  };
}

/** Each team's sums and median, and the overall median, from the facts of every worker in the population. */
async function sumsOfWorkers(user: SessionUser, f: ScorecardFilters, p: Period): Promise<{ teams: TeamSums[]; median: number | null }> {
  const where = population(user, f, p);
  await bringFactsUpToDate(where, p);
  const teamRows = await db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      headcount: sql<number>`count(*)`,
      fte: roundTo(sql`sum(${workers.fte})`, 2),
      dueAppraised: sql<number>`coalesce(${countWhere(measureDue(p).appraised)}, 0)`,
      ...countedMeasures(p),
      competencyRequired: sql<number>`coalesce(sum(${workerScorecardFacts.competencyOwed}), 0)`,
      competencySignedOff: sql<number>`coalesce(sum(case when ${workerScorecardFacts.competencyOwed} > 0 then ${workerScorecardFacts.competencySigned} else 0 end), 0)`,
      competencyOwing: sql<number>`coalesce(${countWhere(sql`${workerScorecardFacts.competencyOwed} > 0`)}, 0)`,
      mandatoryOwed: sql<number>`coalesce(sum(${workerScorecardFacts.mandatoryOwed}), 0)`,
      mandatoryInDate: sql<number>`coalesce(sum(${workerScorecardFacts.mandatoryInDate}), 0)`,
      decided: sql<number>`coalesce(sum(${workerScorecardFacts.trainingDecided}), 0)`,
      approved: sql<number>`coalesce(sum(${workerScorecardFacts.trainingApproved}), 0)`,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(workerScorecardFacts, factsOf(p))
    .where(where)
    .groupBy(teams.id)
    .orderBy(caseless(teams.name));
  // Medians of CPD hours per FTE, per team and overall (team_id null), with window functions over the facts.
  const medians = await selectRows<{ teamId: string | null; median: number }>(sql`
    with per as materialized (
      select ${workers.teamId} as team_id, ${workerScorecardFacts.cpdHours} / ${workers.fte} as v
      from ${workers} join ${teams} on ${teams.id} = ${workers.teamId} join ${workerScorecardFacts} on ${factsOf(p)} where ${where}
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
  const medianBy = new Map(medians.map((m) => [m.teamId, m.median]));
  return { teams: teamRows.map((r) => ({ ...r, median: medianBy.get(r.teamId) ?? null })), median: medianBy.get(null) ?? null };
}

/** The median of numbers (the mean of the middle two of an even count), or null for none. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort(); // numeric order, and a fraction of a comparator's time for 47,000
  const n = sorted.length;
  return (sorted[Math.floor((n + 1) / 2) - 1]! + sorted[Math.floor((n + 2) / 2) - 1]!) / 2;
}

/**
 * Each team's sums from its own summary row, brought up to date first (a lead's scorecard of the organisation reads
 * one row a team, not one a worker), and the overall median from every team's CPD values.
 */
async function sumsOfTeams(user: SessionUser, f: ScorecardFilters, p: Period): Promise<{ teams: TeamSums[]; median: number | null }> {
  const which = and(visibleTeams(user), f.team ? eq(teams.id, f.team) : undefined)!;
  await bringTeamsUpToDate(which, population(user, { team: null, profession: null, setting: null, end: p.end }, p), p);
  const rows = await db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      headcount: teamScorecardFacts.headcount,
      fte: teamScorecardFacts.fte,
      dueAppraised: teamScorecardFacts.dueAppraised,
      pdp_reviewed: teamScorecardFacts.pdpReviewed,
      appraised: teamScorecardFacts.appraised,
      career_conversation: teamScorecardFacts.careerConversation,
      supervised: teamScorecardFacts.supervised,
      structured_education: teamScorecardFacts.structuredEducation,
      competencyRequired: teamScorecardFacts.competencyOwed,
      competencySignedOff: teamScorecardFacts.competencySigned,
      competencyOwing: teamScorecardFacts.competencyOwing,
      mandatoryOwed: teamScorecardFacts.mandatoryOwed,
      mandatoryInDate: teamScorecardFacts.mandatoryInDate,
      decided: teamScorecardFacts.trainingDecided,
      approved: teamScorecardFacts.trainingApproved,
      cpdPerFte: teamScorecardFacts.cpdPerFte,
    })
    .from(teamScorecardFacts)
    .innerJoin(teams, eq(teams.id, teamScorecardFacts.teamId))
    .where(and(which, eq(teamScorecardFacts.periodEnd, p.end), sql`${teamScorecardFacts.headcount} > 0`))
    .orderBy(caseless(teams.name));
  const all: number[] = [];
  const sums = rows.map(({ cpdPerFte, fte, ...r }) => {
    const values = (JSON.parse(cpdPerFte) as number[]);
    all.push(...values);
    return { ...r, fte: Math.round(fte * 100) / 100, median: median(values) };
  });
  return { teams: sums, median: median(all) };
}

/** The day whose summaries this instance has brought up to date, or begun to; and, after a failure, when to try again. */
let summariesOf: string | null = null;
let retryAfter = 0;
const RETRY_MS = 10 * 60_000;
const DAY_CLAIM = "daily:";

/**
 * Today's summaries, worked out once a day after the response to the day's first signed-in request (decision record
 * 0028): every team's sums and every worker's facts for the period ending today, in the same chunks as a view, so
 * that a lead's first view of the day finds them rather than waiting seconds for them. Of several instances, the
 * first to claim the day (a row in fact_versions) does it; the others leave it, and a view that comes first finds
 * little out of date. A failure gives up the claim, is logged, and is tried again ten minutes later.
 */
export async function bringTodaysSummariesUpToDate(): Promise<void> {
  const today = todayInLondon();
  if (summariesOf === today || Date.now() < retryAfter) return;
  summariesOf = today;
  const claim = `${DAY_CLAIM}${today}`;
  let claimed = false;
  try {
    claimed = await withoutInvalidating(async (tx) => {
      await tx.delete(factVersions).where(and(sql`${factVersions.subject} like ${`${DAY_CLAIM}%`}`, sql`${factVersions.subject} <> ${claim}`));
      return (await tx.insert(factVersions).values({ subject: claim, version: 0 }).onConflictDoNothing().returning({ subject: factVersions.subject })).length > 0;
    });
    if (!claimed) return;
    const p = periodEnding(today);
    // Each team's own organisation's workers, as a lead of it counts them.
    await bringTeamsUpToDate(always, and(inPostOn(p), sql`${workers.orgId} = ${teams.orgId}`)!, p, true);
    // And the first day each apprenticeship is at risk (decision record 0029), which only a change or new rules put
    // out of date: after a deployment or a change of rules, the apprenticeships page's first view finds them.
    await bringRiskFactsUpToDate(always);
    // And each worker's part in the newest equity figures offered (decision record 0030), which change only with a
    // worker's records or a new quarter; those of periods no longer offered go.
    const offered = equityPeriods(today);
    await bringEquityFactsUpToDate(offered[0]!);
    await forgetEquityFacts(offered.at(-1)!.end);
    // And each team's progression events by month (decision record 0032), for the period ending today.
    await bringTeamProgressionUpToDate(always, today, true);
  } catch (error) {
    if (summariesOf === today) summariesOf = null;
    retryAfter = Date.now() + RETRY_MS;
    if (claimed) await withoutInvalidating(async (tx) => await tx.delete(factVersions).where(eq(factVersions.subject, claim))).catch(() => undefined);
    console.error("Today's scorecard summaries could not be worked out:", error);
  }
}

/** Forgets which day this instance worked out, so the next call works today's out again (the tests). */
export function forgetSummariesDay(): void {
  summariesOf = null;
  retryAfter = 0;
}

/** Teams whose sums are worked out in one statement (with their workers' facts first). */
const TEAMS_CHUNK = 250;

/**
 * Brings the sums of the teams in `which` up to date for the period: those with none, or labelled with a team or
 * shared version that is no longer current, are worked out again from their workers' facts (brought up to date
 * first), a chunk of teams at a time. The sums are labelled with the team's version only if every worker's facts they
 * add up were current in the same statement; if a write came between, with -1, so the next view works them out again.
 */
async function bringTeamsUpToDate(which: SQL, inPost: SQL, p: Period, daily = false): Promise<void> {
  await markPeriodInUse(p.end);
  const stale = await selectRows<{ id: string }>(sql`
    select ${teams.id} as id from ${teams}
      left join ${teamScorecardFacts} t on t.period_end = ${p.end} and t.team_id = ${teams.id}
      left join ${factVersions} v on v.subject = 'team:' || ${teams.id}
    where ${which} and (t.team_id is null or t.team_version <> coalesce(v.version, 0) or t.shared_version <> ${sharedVersion})`);
  await inChunks(stale.map((r) => r.id), TEAMS_CHUNK, async (ids) => {
    await bringFactsUpToDate(and(inPost, inArray(workers.teamId, ids))!, p, false);
    const current = sql`${workerScorecardFacts.workerVersion} = coalesce(v.version, 0) and ${workerScorecardFacts.sharedVersion} = ${sharedVersion}`;
    const measures = countedMeasures(p);
    await withoutInvalidating(async () => await execute(sql`
      insert into ${teamScorecardFacts} (team_id, period_end, team_version, shared_version, headcount, fte, due_appraised, pdp_reviewed, appraised,
        career_conversation, supervised, structured_education, competency_owed, competency_signed, competency_owing, training_decided, training_approved,
        mandatory_owed, mandatory_in_date, cpd_per_fte)
      select ${teams.id}, ${p.end},
        case when count(${workers.id}) = ${countWhere(current)}
          then coalesce((select tv.version from ${factVersions} tv where tv.subject = 'team:' || ${teams.id}), 0) else -1 end,
        ${sharedVersion},
        count(${workers.id}), coalesce(sum(${workers.fte}), 0), coalesce(${countWhere(measureDue(p).appraised)}, 0),
        ${measures.pdp_reviewed}, ${measures.appraised}, ${measures.career_conversation}, ${measures.supervised}, ${measures.structured_education},
        coalesce(sum(${workerScorecardFacts.competencyOwed}), 0),
        coalesce(sum(case when ${workerScorecardFacts.competencyOwed} > 0 then ${workerScorecardFacts.competencySigned} else 0 end), 0),
        coalesce(${countWhere(sql`${workerScorecardFacts.competencyOwed} > 0`)}, 0),
        coalesce(sum(${workerScorecardFacts.trainingDecided}), 0), coalesce(sum(${workerScorecardFacts.trainingApproved}), 0),
        coalesce(sum(${workerScorecardFacts.mandatoryOwed}), 0), coalesce(sum(${workerScorecardFacts.mandatoryInDate}), 0),
        ${jsonArrayWhere(sql`${workerScorecardFacts.cpdHours} / ${workers.fte}`, sql`${workers.id} is not null`)}
      from ${teams}
        left join ${workers} on ${workers.teamId} = ${teams.id} and ${inPost}
        left join ${workerScorecardFacts} on ${factsOf(p)}
        left join ${factVersions} v on v.subject = ${workers.id}
      where ${inArray(teams.id, ids)}
      group by ${teams.id}
      order by ${teams.id}
      on conflict (period_end, team_id) do update set team_version = excluded.team_version, shared_version = excluded.shared_version,
        headcount = excluded.headcount, fte = excluded.fte, due_appraised = excluded.due_appraised, pdp_reviewed = excluded.pdp_reviewed,
        appraised = excluded.appraised, career_conversation = excluded.career_conversation, supervised = excluded.supervised,
        structured_education = excluded.structured_education, competency_owed = excluded.competency_owed,
        competency_signed = excluded.competency_signed, competency_owing = excluded.competency_owing, training_decided = excluded.training_decided,
        training_approved = excluded.training_approved, mandatory_owed = excluded.mandatory_owed, mandatory_in_date = excluded.mandatory_in_date,
        cpd_per_fte = excluded.cpd_per_fte`));
  });
  if (stale.length > 0 || daily) await forgetOtherPeriods(p, daily);
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
  const where = population(user, f, p);
  await bringFactsUpToDate(where, p);
  const owing = and(where, sql`${workerScorecardFacts.competencyOwed} > 0`)!;
  const rows = await db
    .select({
      ...person,
      required: workerScorecardFacts.competencyOwed,
      signedOff: workerScorecardFacts.competencySigned,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(workerScorecardFacts, factsOf(p))
    .where(owing)
    .orderBy(sql`1.0 * ${workerScorecardFacts.competencySigned} / ${workerScorecardFacts.competencyOwed}`, caseless(workers.lastName), caseless(workers.firstName), asc(workers.id))
    .limit(limit) // a negative limit (the download) is left out of the SQL by drizzle, on either dialect
    .offset(offset);
  const totals = await first(db
    .select({
      total: sql<number>`count(*)`,
      required: sql<number>`coalesce(sum(${workerScorecardFacts.competencyOwed}), 0)`,
      signedOff: sql<number>`coalesce(sum(${workerScorecardFacts.competencySigned}), 0)`,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(workerScorecardFacts, factsOf(p))
    .where(owing));
  return { period: p, rows, total: Number(totals?.total ?? 0), required: Number(totals?.required ?? 0), signedOff: Number(totals?.signedOff ?? 0) };
}

/** The workers behind the mandatory training figure, kept like coverageWorkers' (never stale: it names people). */
export async function mandatoryTrainingWorkers(user: SessionUser, f: ScorecardFilters, limit = 500, offset = 0) {
  if (limit < 0 || offset > 0) return { ...await workOutMandatoryTrainingWorkers(user, f, limit, limit < 0 ? 0 : offset), workedOutAt: null };
  return keptObject("mandatoryTrainingWorkers", user, [f, limit, offset], async () => await workOutMandatoryTrainingWorkers(user, f, limit, offset));
}

/**
 * The workers behind the mandatory training figure: each worker in the population who needs any subject, with how many
 * of them are in date on the last day; those with anything out of date first (the least in date first), then by name.
 * Bounded by `limit`; the totals are of all of them.
 */
async function workOutMandatoryTrainingWorkers(user: SessionUser, f: ScorecardFilters, limit: number, offset: number) {
  const p = periodEnding(f.end);
  const where = population(user, f, p);
  await bringFactsUpToDate(where, p);
  const needing = and(where, sql`${workerScorecardFacts.mandatoryOwed} > 0`)!;
  const rows = await db
    .select({ ...person, needed: workerScorecardFacts.mandatoryOwed, inDate: workerScorecardFacts.mandatoryInDate })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(workerScorecardFacts, factsOf(p))
    .where(needing)
    .orderBy(sql`1.0 * ${workerScorecardFacts.mandatoryInDate} / ${workerScorecardFacts.mandatoryOwed}`, caseless(workers.lastName), caseless(workers.firstName), asc(workers.id))
    .limit(limit) // a negative limit (the download) is left out of the SQL by drizzle, on either dialect
    .offset(offset);
  const totals = await first(db
    .select({
      total: sql<number>`count(*)`,
      needed: sql<number>`coalesce(sum(${workerScorecardFacts.mandatoryOwed}), 0)`,
      inDate: sql<number>`coalesce(sum(${workerScorecardFacts.mandatoryInDate}), 0)`,
      outOfDate: sql<number>`coalesce(${countWhere(sql`${workerScorecardFacts.mandatoryInDate} < ${workerScorecardFacts.mandatoryOwed}`)}, 0)`,
    })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(workerScorecardFacts, factsOf(p))
    .where(needing));
  return {
    period: p,
    rows,
    total: Number(totals?.total ?? 0),
    needed: Number(totals?.needed ?? 0),
    inDate: Number(totals?.inDate ?? 0),
    outOfDate: Number(totals?.outOfDate ?? 0),
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
