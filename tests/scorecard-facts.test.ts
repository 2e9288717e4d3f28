// The scorecard's summaries (decision record 0028): each worker's facts for a period (worker_scorecard_facts) and each
// team's sums of them (team_scorecard_facts), kept between views and labelled with versions that triggers raise on
// every write they come from, against summaries worked out afresh from the source tables. Random writes, from a seeded
// generator, nearly all straight to the tables as the seed, an import or a fix by hand would make them (appraisals,
// career conversations, supervision, CPD, PDPs and their reviews, training requests, apprenticeships, sign-offs,
// workers' team, FTE, profession, stage, care setting, contract and leaving; mandatory training completions; the
// framework's statements, its stages, the assessed framework, the mandatory training subjects and who needs them,
// which every worker's facts share; a team's care setting; rows moved from one worker to another) and a few through the
// data layer. After every step the scorecard is read as the app keeps it (only the facts the write put out of date
// worked out again): a lead's for the organisation, a team and each profession, a manager's, the workers behind two
// measures and behind competency coverage. Then every fact is forgotten and the same is read again, worked out from
// the source tables alone: the answers, and the summary rows themselves, must be the same. First every kind of write
// once, in turn, then writes chosen at random: mostly for one period, for a stretch of steps an earlier one. A second
// test writes many rows at once, each in its own transaction (its own connection on PostgreSQL), between reads, and
// compares the same once they have settled. A seed that fails names its step and the run so far.
// That it would find a missing trigger: DROP_TRIGGER=appraisals_facts_update (SQLite) or
// DROP_TRIGGER="appraisals_facts on appraisals" (PostgreSQL) drops one before the writes, and the tests fail; so do
// training_completions_facts_*, training_subjects_facts_update, training_subject_audiences_facts_* and teams_facts_update
// (PostgreSQL: training_completions_facts, training_subjects_facts, training_subject_audiences_facts, teams_facts)
// (decision records 0028 and 0033 list the few triggers no write can show missing on its own).
import { describe, expect, it } from "vitest";
import { and, asc, eq, gte, lte, ne, sql, type SQL } from "drizzle-orm";
import { db, execute, first, one, selectRows } from "@/db/client";
import {
  appraisals,
  apprenticeshipStandards,
  apprenticeships,
  bands,
  careSettings,
  careerConversations,
  competencyAssessments,
  competencyStatements,
  cpdActivities,
  factVersions,
  frameworkVersions,
  frameworks,
  pdpReviews,
  pdps,
  professions,
  settings,
  stages,
  supervisionSessions,
  teamScorecardFacts,
  teams,
  trainingCompletions,
  trainingRequests,
  trainingSubjectAudiences,
  trainingSubjects,
  workerPositions,
  workerScorecardFacts,
  workers,
} from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
// The seed's small deterministic generator: the same seed makes the same run.
import { mulberry32 } from "@/db/seed/random";
import { clearInsightCache } from "@/db/insights-cache";
import { bringTodaysSummariesUpToDate, coverageWorkers, forgetScorecardFacts, mandatoryTrainingWorkers, forgetSummariesDay, scorecard, scorecardWorkers, WORKER_MEASURES, type ScorecardFilters } from "@/db/queries/scorecard";
import { publishedFrameworkVersion } from "@/db/queries/competencies";
import { DEFAULT_FRAMEWORK_KEY } from "@/db/queries/assessed-framework";
import { addCpd } from "@/db/queries/cpd";
import { recordSession } from "@/db/queries/supervision";
import { publishVersion, startDraftVersion } from "@/db/queries/frameworks";
import { addDays, londonDayStartMs } from "@/lib/rules/dates";
import { periodEnding } from "@/lib/rules/scorecard";
import { APPRAISAL_STATUSES, APPRENTICESHIP_STATUSES, TRAINING_REQUEST_STATUSES, type FrameworkStage } from "@/lib/vocabulary";
import { asSession, makeOrg, makeTeam, makeUser } from "./support/factory";

/** The period most steps read, and the earlier one a stretch of them does; neither is today, whatever today is. */
const END = "2026-12-01";
const PAST = "2026-06-30";
// A longer search: SCORECARD_FACTS_SEEDS=1,2,3 SCORECARD_FACTS_STEPS=200 npx vitest run tests/scorecard-facts.test.ts
// (and SCORECARD_FACTS_TRAIL=1 prints each run's steps).
const SEEDS = process.env.SCORECARD_FACTS_SEEDS ? process.env.SCORECARD_FACTS_SEEDS.split(",").map(Number) : [20261201, 7, 4242];
const STEPS = Number(process.env.SCORECARD_FACTS_STEPS ?? 40);

/** The days either side of each period's edges (its first day, the first of its last three months, its last), and a spread around them. */
const EDGES = [END, PAST].flatMap((end) => {
  const p = periodEnding(end);
  return [p.start, p.recentStart, addDays(p.end, 1)].flatMap((d) => [addDays(d, -1), d]);
});

const all = (end: string, over: Partial<ScorecardFilters> = {}): ScorecardFilters => ({ team: null, profession: null, setting: null, end, ...over });

type WorkerSpec = { team: number; fte: number; start: string; profession: number; stage: string; lineManaged?: boolean; leftOn?: string; status?: "left" };

/**
 * An organisation of four teams (the fourth empty until someone moves in) and a dozen workers across them, of two
 * professions and five stages (a trainee owes no competencies), full and part time, long-serving and new (one starts
 * after the last day); a leaver before the earlier period's end, one between the two, one who leaves after the last
 * day and one who left on no recorded day. Team A has a manager, who also line-manages a worker in each of B and C.
 */
async function setup() {
  await seedReference(db);
  if (process.env.DROP_TRIGGER) await execute(sql.raw(`drop trigger ${process.env.DROP_TRIGGER}`));
  const org = await makeOrg();
  const lead = asSession(await makeUser(org.id, "lead"));
  const admin = asSession(await makeUser(org.id, "admin"));
  const managerUser = await makeUser(org.id, "manager");
  const manager = asSession(managerUser);
  const teamRows = [
    await makeTeam(org.id, "Team A", [managerUser.id]),
    await makeTeam(org.id, "Team B"),
    await makeTeam(org.id, "Team C"),
    await makeTeam(org.id, "Team D"),
  ];
  const professionIds = (await db.select({ id: professions.id }).from(professions).orderBy(asc(professions.sort), asc(professions.code)).limit(2)).map((r) => r.id);
  const stageIds = new Map((await db.select({ id: stages.id, code: stages.code }).from(stages).orderBy(asc(stages.code))).map((r) => [r.code, r.id]));
  const band = (await first(db.select({ id: bands.id }).from(bands)))!;
  const standardIds = (await db.select({ id: apprenticeshipStandards.id }).from(apprenticeshipStandards).orderBy(asc(apprenticeshipStandards.reference)).limit(3)).map((r) => r.id);
  let n = 0;
  const addWorker = async (s: WorkerSpec) => {
    const row = await one(db
      .insert(workers)
      .values({
        orgId: org.id,
        employeeNumber: String(50000000 + ++n),
        firstName: `First${n}`,
        lastName: `Last${String(n).padStart(2, "0")}`,
        jobTitle: "Support worker",
        professionId: professionIds[s.profession]!,
        stageId: stageIds.get(s.stage)!,
        bandId: band.id,
        teamId: teamRows[s.team]!.id,
        lineManagerId: s.lineManaged ? managerUser.id : null,
        fte: s.fte,
        contractStart: s.start,
        contractEnd: s.leftOn ?? null,
        status: s.leftOn || s.status ? "left" : "in_post",
      })
      .returning({ id: workers.id }));
    await db.insert(workerPositions).values({ workerId: row.id, effectiveFrom: s.start, stageId: stageIds.get(s.stage)!, bandId: band.id, jobTitle: "Support worker", teamId: teamRows[s.team]!.id, reason: "Started" });
    return row.id;
  };
  const specs: WorkerSpec[] = [
    { team: 0, fte: 1, start: "2014-09-01", profession: 0, stage: "support_worker" },
    { team: 0, fte: 0.5, start: "2021-03-15", profession: 1, stage: "senior_support_worker" },
    { team: 0, fte: 0.8, start: "2026-02-10", profession: 0, stage: "trainee" },
    { team: 0, fte: 0.6, start: "2025-12-01", profession: 1, stage: "support_worker" },
    { team: 0, fte: 1, start: "2020-01-06", profession: 0, stage: "support_worker", leftOn: "2027-01-15" },
    { team: 1, fte: 1, start: "2019-06-01", profession: 0, stage: "assistant_practitioner", lineManaged: true },
    { team: 1, fte: 0.4, start: "2026-09-15", profession: 1, stage: "support_worker" },
    { team: 1, fte: 1, start: "2023-01-09", profession: 0, stage: "senior_support_worker" },
    { team: 1, fte: 0.75, start: "2017-04-03", profession: 1, stage: "support_worker", leftOn: "2026-09-30" },
    { team: 2, fte: 0.7, start: "2018-11-01", profession: 1, stage: "level4", lineManaged: true },
    { team: 2, fte: 1, start: "2025-12-02", profession: 0, stage: "support_worker" },
    { team: 2, fte: 0.9, start: "2027-01-04", profession: 1, stage: "support_worker" },
    { team: 2, fte: 1, start: "2016-05-16", profession: 0, stage: "senior_support_worker", leftOn: "2026-05-31" },
    { team: 2, fte: 1, start: "2015-02-02", profession: 1, stage: "support_worker", status: "left" },
  ];
  for (const s of specs) await addWorker(s);
  // A framework with no published version, to assess workers against for a while.
  await db.insert(frameworks).values({ key: "test-unpublished", name: "Unpublished" });
  // Statements of the published version owed by one profession, and by one team, beside the framework's own.
  const version = (await publishedFrameworkVersion())!;
  const domainId = (await first(db.select({ id: competencyStatements.domainId }).from(competencyStatements).where(eq(competencyStatements.versionId, version.id))))!.id;
  await db.insert(competencyStatements).values([
    { versionId: version.id, domainId, stage: "entry", number: "P.1", lineageKey: "test:profession-1", text: "Uses the profession's own outcome measure", bespoke: true, professionId: professionIds[0]! },
    { versionId: version.id, domainId, stage: "intermediate", number: "T.1", lineageKey: "test:team-a-1", text: "Uses the ward's hoist", bespoke: true, teamId: teamRows[0]!.id },
  ]);
  // Mandatory training: the shipped subjects (needed by everyone, on a database with no workers when they came), and
  // three of the organisation's own, for a stage, a profession and a care setting; team A in that care setting.
  const careSettingIds = (await db.select({ id: careSettings.id }).from(careSettings).orderBy(asc(careSettings.sort), asc(careSettings.code)).limit(2)).map((r) => r.id);
  await db.update(teams).set({ careSettingId: careSettingIds[0]! }).where(eq(teams.id, teamRows[0]!.id));
  for (const [code, kind, refId] of [["test-stage", "stage", stageIds.get("senior_support_worker")!], ["test-profession", "profession", professionIds[1]!], ["test-setting", "care_setting", careSettingIds[0]!]] as const) {
    const subject = await one(db.insert(trainingSubjects).values({ code, name: code, renewalMonths: 12 }).returning({ id: trainingSubjects.id }));
    await db.insert(trainingSubjectAudiences).values({ subjectId: subject.id, kind, refId });
  }
  const subjectIds = (await db.select({ id: trainingSubjects.id }).from(trainingSubjects).orderBy(asc(trainingSubjects.code))).map((r) => r.id);
  return { org, lead, admin, manager, teamIds: teamRows.map((t) => t.id), professionIds, stageIds: [...stageIds.values()], bandId: band.id, standardIds, careSettingIds, subjectIds, addWorker };
}

type World = Awaited<ReturnType<typeof setup>>;

/** The organisation's workers in post, in the order they were made. */
async function workerIdsOf(w: World) {
  return (await db.select({ id: workers.id }).from(workers).where(and(eq(workers.orgId, w.org.id), eq(workers.status, "in_post"))).orderBy(asc(workers.employeeNumber))).map((r) => r.id);
}

/** What a person sees: the scorecards, and the workers behind figures, as one object to compare. */
type Answers = Record<string, unknown>;

/** Leaves out when a kept result was worked out (a timestamp; null for every result here, but not what is compared). */
function withoutTime<T extends object>(value: T): Omit<T, "workedOutAt"> {
  const { workedOutAt: _, ...rest } = value as T & { workedOutAt?: unknown };
  return rest;
}

/** The reads compared after a step: chosen before, so the kept and the fresh reading ask the same. */
type Reads = { end: string; team: string; measures: [(typeof WORKER_MEASURES)[number], (typeof WORKER_MEASURES)[number]]; order: number[] };

async function answers(w: World, r: Reads): Promise<Answers> {
  const f = all(r.end);
  const reads: [string, () => Promise<unknown>][] = [
    ["lead", async () => withoutTime(await scorecard(w.lead, f))],
    ["lead, one team", async () => withoutTime(await scorecard(w.lead, all(r.end, { team: r.team })))],
    ["lead, first profession", async () => withoutTime(await scorecard(w.lead, all(r.end, { profession: w.professionIds[0]! })))],
    ["lead, second profession", async () => withoutTime(await scorecard(w.lead, all(r.end, { profession: w.professionIds[1]! })))],
    ["manager", async () => withoutTime(await scorecard(w.manager, f))],
    [`lead's workers, ${r.measures[0]}`, async () => await scorecardWorkers(w.lead, f, r.measures[0])],
    [`manager's workers, ${r.measures[1]}`, async () => await scorecardWorkers(w.manager, f, r.measures[1])],
    ["lead's competency coverage", async () => withoutTime(await coverageWorkers(w.lead, f))],
    ["manager's competency coverage", async () => withoutTime(await coverageWorkers(w.manager, f))],
    ["lead's mandatory training", async () => withoutTime(await mandatoryTrainingWorkers(w.lead, f))],
    ["manager's mandatory training", async () => withoutTime(await mandatoryTrainingWorkers(w.manager, f))],
  ];
  const out: Answers = {};
  // In an order of the step's choosing: a manager's view may bring some of a team's workers' facts up to date first.
  for (const i of r.order) {
    const [name, read] = reads[i % reads.length]!;
    out[name] = await read();
  }
  return out;
}

const READS = 11;

/** The summary rows of the period, without their labels; each team's CPD values in order (their order in the array is the query plan's). */
async function summaryRows(end: string) {
  const workerRows = await db
    .select({
      workerId: workerScorecardFacts.workerId,
      pdpReviewed: workerScorecardFacts.pdpReviewed,
      appraised: workerScorecardFacts.appraised,
      careerConversation: workerScorecardFacts.careerConversation,
      supervised: workerScorecardFacts.supervised,
      structuredEducation: workerScorecardFacts.structuredEducation,
      lastAppraisalOn: workerScorecardFacts.lastAppraisalOn,
      cpdHours: workerScorecardFacts.cpdHours,
      competencyOwed: workerScorecardFacts.competencyOwed,
      competencySigned: workerScorecardFacts.competencySigned,
      trainingDecided: workerScorecardFacts.trainingDecided,
      trainingApproved: workerScorecardFacts.trainingApproved,
      mandatoryOwed: workerScorecardFacts.mandatoryOwed,
      mandatoryInDate: workerScorecardFacts.mandatoryInDate,
    })
    .from(workerScorecardFacts)
    .where(eq(workerScorecardFacts.periodEnd, end))
    .orderBy(asc(workerScorecardFacts.workerId));
  const teamRows = (await db
    .select({
      teamId: teamScorecardFacts.teamId,
      headcount: teamScorecardFacts.headcount,
      fte: teamScorecardFacts.fte,
      dueAppraised: teamScorecardFacts.dueAppraised,
      pdpReviewed: teamScorecardFacts.pdpReviewed,
      appraised: teamScorecardFacts.appraised,
      careerConversation: teamScorecardFacts.careerConversation,
      supervised: teamScorecardFacts.supervised,
      structuredEducation: teamScorecardFacts.structuredEducation,
      competencyOwed: teamScorecardFacts.competencyOwed,
      competencySigned: teamScorecardFacts.competencySigned,
      trainingDecided: teamScorecardFacts.trainingDecided,
      trainingApproved: teamScorecardFacts.trainingApproved,
      mandatoryOwed: teamScorecardFacts.mandatoryOwed,
      mandatoryInDate: teamScorecardFacts.mandatoryInDate,
      cpdPerFte: teamScorecardFacts.cpdPerFte,
    })
    .from(teamScorecardFacts)
    .where(eq(teamScorecardFacts.periodEnd, end))
    .orderBy(asc(teamScorecardFacts.teamId)))
    .map((t) => ({ ...t, fte: Math.round(t.fte * 1e6) / 1e6, cpdPerFte: (JSON.parse(t.cpdPerFte) as number[]).sort((a, b) => a - b) }));
  return { workerRows, teamRows };
}

type Rows = Awaited<ReturnType<typeof summaryRows>>;

/**
 * The kept rows of the workers and teams the fresh reading worked out (a worker who has since left the population, or
 * whom no view asked about, may still have a kept row, out of date and unread), each of which must be there.
 */
function keptOf(kept: Rows, fresh: Rows): Rows {
  const workerIds = new Set(fresh.workerRows.map((r) => r.workerId));
  const teamIds = new Set(fresh.teamRows.map((r) => r.teamId));
  return { workerRows: kept.workerRows.filter((r) => workerIds.has(r.workerId)), teamRows: kept.teamRows.filter((r) => teamIds.has(r.teamId)) };
}

/** How many of the period's kept facts and sums the last write left current, and how many it put out of date. */
async function labels(end: string): Promise<{ current: number; stale: number }> {
  const versions = new Map((await db.select().from(factVersions)).map((v) => [v.subject, v.version]));
  const shared = versions.get("shared") ?? 0;
  const facts = await db.select({ id: workerScorecardFacts.workerId, v: workerScorecardFacts.workerVersion, s: workerScorecardFacts.sharedVersion }).from(workerScorecardFacts).where(eq(workerScorecardFacts.periodEnd, end));
  const sums = await db.select({ id: teamScorecardFacts.teamId, v: teamScorecardFacts.teamVersion, s: teamScorecardFacts.sharedVersion }).from(teamScorecardFacts).where(eq(teamScorecardFacts.periodEnd, end));
  let current = 0;
  for (const f of facts) if (f.v === (versions.get(f.id) ?? 0) && f.s === shared) current++;
  for (const t of sums) if (t.v === (versions.get(`team:${t.id}`) ?? 0) && t.s === shared) current++;
  return { current, stale: facts.length + sums.length - current };
}

/** The team rows' counts, which a lead's scorecard by profession must add up to (every worker has one of the two). */
function countsByTeam(card: unknown) {
  const { overall, rows } = card as { overall: Record<string, unknown>; rows: Record<string, unknown>[] };
  const pickCounts = (r: Record<string, unknown>) => ({
    headcount: r.headcount,
    counts: r.counts,
    due: r.due,
    trainingDecided: r.trainingDecided,
    trainingApproved: r.trainingApproved,
    competencyRequired: r.competencyRequired,
    competencySignedOff: r.competencySignedOff,
    mandatoryOwed: r.mandatoryOwed,
    mandatoryInDate: r.mandatoryInDate,
  });
  return { overall: pickCounts(overall), rows: new Map(rows.map((r) => [r.teamId as string, pickCounts(r)])) };
}

function addCounts(a: ReturnType<typeof countsByTeam>["overall"] | undefined, b: ReturnType<typeof countsByTeam>["overall"] | undefined) {
  if (!a) return b;
  if (!b) return a;
  const sum = (x: unknown, y: unknown): unknown =>
    typeof x === "number" ? x + (y as number) : Object.fromEntries(Object.entries(x as Record<string, number>).map(([k, v]) => [k, v + (y as Record<string, number>)[k]!]));
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, sum(v, (b as Record<string, unknown>)[k])])) as typeof a;
}

/**
 * The kept answers, and the rows they left, against the ones worked out afresh. `restore`: then puts back the kept
 * rows, labels and all, as they were before the fresh reading, so the next step reads facts that have only ever been
 * brought up to date a few at a time; else the next step begins from facts all worked out at once.
 */
async function compare(w: World, r: Reads, where: string, restore: boolean) {
  clearInsightCache();
  const before = await labels(r.end);
  const kept = await answers(w, r);
  const keptRows = await summaryRows(r.end);
  const snapshot = { workerRows: await db.select().from(workerScorecardFacts), teamRows: await db.select().from(teamScorecardFacts) };
  await forgetScorecardFacts();
  clearInsightCache();
  const fresh = await answers(w, r);
  const freshRows = await summaryRows(r.end);
  if (restore) {
    await forgetScorecardFacts();
    if (snapshot.workerRows.length) await db.insert(workerScorecardFacts).values(snapshot.workerRows);
    if (snapshot.teamRows.length) await db.insert(teamScorecardFacts).values(snapshot.teamRows);
  }
  expect(kept, `${where}: the answers`).toEqual(fresh);
  // Every worker and team the fresh reading worked out was kept, with the same figures.
  expect(keptRows.workerRows.map((x) => x.workerId), `${where}: the workers kept`).toEqual(expect.arrayContaining(freshRows.workerRows.map((x) => x.workerId)));
  expect(keptOf(keptRows, freshRows), `${where}: the summary rows`).toEqual(freshRows);
  // The organisation's figures from the teams' sums add up to the figures by profession, from the workers' facts.
  const whole = countsByTeam(kept.lead);
  const byProfession = [countsByTeam(kept["lead, first profession"]), countsByTeam(kept["lead, second profession"])];
  expect(addCounts(byProfession[0]!.overall, byProfession[1]!.overall), `${where}: the organisation by profession`).toEqual(whole.overall);
  for (const [teamId, counts] of whole.rows) {
    expect(addCounts(byProfession[0]!.rows.get(teamId), byProfession[1]!.rows.get(teamId)), `${where}: team ${teamId} by profession`).toEqual(counts);
  }
  return { before, workers: freshRows.workerRows.length };
}

/** A write; `table`, for an insert, a move or a deletion, the table whose rows it makes or takes. */
type Step = { name: string; weight: number; table?: object; run: () => Promise<string | null> };

/** The random writes, each returning what it did, or null when there was nothing to do it to. */
function writes(w: World, random: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  /** A day at or next to a period's edge, or any day from a year and a half before the last day to two months after. */
  const day = () => (chance(0.4) ? pick(EDGES) : addDays(END, -int(-60, 560)));
  /** A moment on such a day, at its first or last millisecond in London, or midday. */
  const moment = () => {
    const d = day();
    return new Date(pick([londonDayStartMs(d), londonDayStartMs(d) + 43_200_000, londonDayStartMs(addDays(d, 1)) - 1]));
  };
  let n = 0;
  /**
   * The step that goes back, when one went away from the published framework (workers assessed against a framework
   * with no published version, the framework's key renamed, its published version superseded): for one step at a time.
   */
  let away: string | null = null;
  // Workers in the order they were made; the rows the steps made, in the order they made them (ids are random, so
  // rows in the order of their ids would make the same seed pick differently each run).
  const workerIds = async () => (await db.select({ id: workers.id }).from(workers).where(eq(workers.orgId, w.org.id)).orderBy(asc(workers.employeeNumber))).map((r) => r.id);
  const made = new Map<object, string[]>();
  const madeIn = (t: object) => made.get(t) ?? made.set(t, []).get(t)!;
  const remember = (t: object, id: string) => void madeIn(t).push(id);
  const forgetRow = (t: object, id: string) => void madeIn(t).splice(madeIn(t).indexOf(id), 1);
  /**
   * One of the rows a step made in a table, more often than not one that counts in the period most steps read (a
   * change to a row that counts for nothing would show no missing trigger).
   */
  const counting = new Map<object, SQL>([
    [appraisals, sql`status = 'completed' and held_on between ${periodEnding(END).start} and ${END}`],
    [careerConversations, sql`held_on between ${periodEnding(END).start} and ${END}`],
    [supervisionSessions, sql`held_on between ${periodEnding(END).recentStart} and ${END}`],
    [cpdActivities, sql`activity_on between ${periodEnding(END).start} and ${END}`],
    // Decided in the period (the London days' first and last moments).
    [trainingRequests, and(gte(trainingRequests.decidedAt, new Date(londonDayStartMs(periodEnding(END).start))), lte(trainingRequests.decidedAt, new Date(londonDayStartMs(addDays(END, 1)) - 1)))!],
    [apprenticeships, sql`status <> 'planned' and start_date <= ${END}`],
    [competencyAssessments, sql`status in ('signed_off', 'expired') and signed_off_on <= ${END} and exists (select 1 from ${competencyStatements} s
      join ${workers} w on w.id = ${competencyAssessments}.worker_id join ${stages} st on st.id = w.stage_id where s.id = statement_id and s.stage = st.framework_stage)`],
    // The one completion in date on the last day of a current subject the worker needs.
    [trainingCompletions, sql`removed_at is null and completed_on <= ${END} and (expires_on is null or expires_on >= ${END})
      and exists (select 1 from ${trainingSubjects} s where s.id = subject_id and s.retired_at is null)
      and exists (select 1 from ${trainingSubjectAudiences} a join ${workers} w on w.id = ${trainingCompletions}.worker_id join ${teams} t on t.id = w.team_id
        where a.subject_id = ${trainingCompletions}.subject_id and (a.kind = 'everyone' or (a.kind = 'stage' and a.ref_id = w.stage_id)
          or (a.kind = 'profession' and a.ref_id = w.profession_id) or (a.kind = 'care_setting' and a.ref_id = coalesce(w.care_setting_id, t.care_setting_id))))
      and not exists (select 1 from ${trainingCompletions} c2 where c2.worker_id = ${trainingCompletions}.worker_id and c2.subject_id = ${trainingCompletions}.subject_id
        and c2.id <> ${trainingCompletions}.id and c2.removed_at is null and c2.completed_on <= ${END} and (c2.expires_on is null or c2.expires_on >= ${END}))`],
    [pdps, sql`worker_agreed_at is not null and manager_agreed_at is not null and exists (select 1 from ${pdpReviews} r where r.pdp_id = ${pdps}.id)`],
    // The one review that counts of a worker in post (a worker with two is as reviewed with one).
    [pdpReviews, sql`reviewed_on between ${periodEnding(END).start} and ${END}
      and exists (select 1 from ${pdps} p join ${workers} w on w.id = p.worker_id where p.id = ${pdpReviews}.pdp_id and w.status = 'in_post' and w.contract_start <= ${END}
        and p.worker_agreed_at is not null and p.manager_agreed_at is not null
        and (select count(*) from ${pdpReviews} r2 join ${pdps} p2 on p2.id = r2.pdp_id where p2.worker_id = p.worker_id
          and r2.reviewed_on between ${periodEnding(END).start} and ${END} and p2.worker_agreed_at is not null and p2.manager_agreed_at is not null) = 1)`],
  ]);
  /** Whether a row a step made in the table (or the last it made) counts in the period most steps read. */
  /** The ids of the rows that count: as `counting` says, and of a worker in post on the last day. */
  const countingIds = async (t: object, where: SQL) => new Set((await selectRows<{ id: string }>(sql`select id from ${t as typeof appraisals} where ${where}
    ${t === pdpReviews ? sql`` : sql`and worker_id in (select id from ${workers} where status = 'in_post' and contract_start <= ${END})`}`)).map((r) => r.id));
  const counts = async (t: object, lastMade = false) => {
    const where = counting.get(t);
    if (!where) return true;
    const those = await countingIds(t, where);
    return (lastMade ? madeIn(t).slice(-1) : madeIn(t)).some((id) => those.has(id));
  };
  const pickRow = async (t: object): Promise<string | undefined> => {
    const ids = madeIn(t);
    if (!ids.length) return undefined;
    const where = counting.get(t);
    if (where && chance(0.85)) {
      const those = await countingIds(t, where);
      const counted = ids.filter((id) => those.has(id));
      if (counted.length) return pick(counted);
    }
    return pick(ids);
  };
  const short = (id: string) => id.slice(0, 6);

  /** A table with a worker_id: its rows moved to another worker, or deleted, in plain SQL. */
  type WorkerTable = typeof appraisals | typeof careerConversations | typeof supervisionSessions | typeof cpdActivities | typeof trainingRequests | typeof apprenticeships | typeof competencyAssessments | typeof pdps | typeof trainingCompletions;
  const rowOf = async (t: WorkerTable) => {
    const id = await pickRow(t);
    return id ? (await selectRows<{ id: string; workerId: string }>(sql`select id, worker_id as "workerId" from ${t} where id = ${id}`))[0]! : undefined;
  };
  const moveAndDelete = (label: string, t: WorkerTable, weight = 1, mayMove: (row: { id: string; workerId: string }, to: string) => Promise<boolean> = async () => true): Step[] => [
    {
      name: `move ${label} to another worker`,
      weight,
      table: t,
      run: async () => {
        const row = await rowOf(t);
        if (!row) return null;
        const to = pick((await workerIds()).filter((id) => id !== row.workerId));
        if (!await mayMove(row, to)) return null;
        await execute(sql`update ${t} set worker_id = ${to} where id = ${row.id}`);
        return `moved ${label} ${short(row.id)} from ${short(row.workerId)} to ${short(to)}`;
      },
    },
    {
      name: `delete ${label}`,
      weight,
      table: t,
      run: async () => {
        const row = await rowOf(t);
        if (!row) return null;
        await execute(sql`delete from ${t} where id = ${row.id}`);
        forgetRow(t, row.id);
        return `deleted ${label} ${short(row.id)} of ${short(row.workerId)}`;
      },
    },
  ];

  /** A change to one column or two of a worker's own row, chosen after the worker (so a seed picks as it always has). */
  const changeWorker = <V extends Partial<typeof workers.$inferInsert>,>(name: string, weight: number, values: () => V, said: (v: V) => string): Step => ({
    name,
    weight,
    run: async () => {
      const id = pick(await workerIds());
      const v = values();
      await db.update(workers).set(v).where(eq(workers.id, id));
      return `worker ${short(id)} ${said(v)}`;
    },
  });

  const steps: Step[] = [
    // Appraisals: only a completed one held in the period counts; the last one held by the last day dates the next.
    {
      name: "insert an appraisal",
      table: appraisals,
      weight: 3,
      run: async () => {
        const workerId = pick(await workerIds());
        const status = chance(0.6) ? "completed" : pick(APPRAISAL_STATUSES);
        const heldOn = status === "scheduled" && chance(0.7) ? null : day();
        remember(appraisals, (await one(db.insert(appraisals).values({ workerId, scheduledFor: heldOn ?? day(), heldOn, status }).returning({ id: appraisals.id }))).id);
        return `appraisal of ${short(workerId)}, ${status}, held ${heldOn}`;
      },
    },
    {
      name: "change an appraisal's status or date",
      weight: 3,
      run: async () => {
        const aId = await pickRow(appraisals);
        const a = aId ? await first(db.select().from(appraisals).where(eq(appraisals.id, aId))) : undefined;
        if (!a) return null;
        if (chance(0.5)) {
          const status = a.status === "completed" ? pick(APPRAISAL_STATUSES) : chance(0.6) ? "completed" : pick(APPRAISAL_STATUSES);
          await db.update(appraisals).set({ status, heldOn: a.heldOn ?? day() }).where(eq(appraisals.id, a.id));
          return `appraisal ${short(a.id)} ${a.status} → ${status}`;
        }
        const heldOn = chance(0.1) ? null : day();
        await db.update(appraisals).set({ heldOn }).where(eq(appraisals.id, a.id));
        return `appraisal ${short(a.id)} held ${a.heldOn} → ${heldOn}`;
      },
    },
    ...moveAndDelete("an appraisal", appraisals),

    // Career conversations: one held in the period counts.
    {
      name: "insert a career conversation",
      table: careerConversations,
      weight: 2,
      run: async () => {
        const workerId = pick(await workerIds());
        const heldOn = day();
        const interest = pick(["yes", "maybe", "no"] as const);
        remember(careerConversations, (await one(db.insert(careerConversations).values({ workerId, heldOn, aspiration: "stay_and_grow", apprenticeshipInterest: interest }).returning({ id: careerConversations.id }))).id);
        return `career conversation of ${short(workerId)} on ${heldOn}`;
      },
    },
    {
      name: "change a career conversation's date",
      weight: 1,
      run: async () => {
        const cId = await pickRow(careerConversations);
        const c = cId ? await first(db.select({ id: careerConversations.id, heldOn: careerConversations.heldOn }).from(careerConversations).where(eq(careerConversations.id, cId))) : undefined;
        if (!c) return null;
        const heldOn = day();
        await db.update(careerConversations).set({ heldOn }).where(eq(careerConversations.id, c.id));
        return `career conversation ${short(c.id)} ${c.heldOn} → ${heldOn}`;
      },
    },
    ...moveAndDelete("a career conversation", careerConversations),

    // Supervision: a session in the period's last three months counts.
    {
      name: "insert a supervision session",
      table: supervisionSessions,
      weight: 2,
      run: async () => {
        const workerId = pick(await workerIds());
        // Half of them in the last three months of the period most steps read, the only ones that count.
        const heldOn = chance(0.5) ? addDays(END, -int(0, 90)) : day();
        const type = pick(["clinical", "managerial"] as const);
        remember(supervisionSessions, (await one(db.insert(supervisionSessions).values({ workerId, heldOn, supervisorName: "R. Supervisor", type }).returning({ id: supervisionSessions.id }))).id);
        return `supervision of ${short(workerId)} on ${heldOn}`;
      },
    },
    {
      name: "change a supervision session's date",
      weight: 1,
      run: async () => {
        const sId = await pickRow(supervisionSessions);
        const s = sId ? await first(db.select({ id: supervisionSessions.id, heldOn: supervisionSessions.heldOn }).from(supervisionSessions).where(eq(supervisionSessions.id, sId))) : undefined;
        if (!s) return null;
        const heldOn = day();
        await db.update(supervisionSessions).set({ heldOn }).where(eq(supervisionSessions.id, s.id));
        return `supervision ${short(s.id)} ${s.heldOn} → ${heldOn}`;
      },
    },
    ...moveAndDelete("a supervision session", supervisionSessions),
    {
      name: "record a supervision session through the app",
      weight: 1,
      run: async () => {
        const workerId = pick(await workerIds());
        const heldOn = [day(), END].sort()[0]!;
        const done = await recordSession(w.admin, workerId, { heldOn, type: "clinical", supervisorId: null, supervisorName: "R. Supervisor", summary: "Caseload", actions: "" }, END);
        if (done.ok) remember(supervisionSessions, done.id);
        return `the admin records supervision of ${short(workerId)} on ${heldOn}: ${done.ok ? "done" : done.message}`;
      },
    },

    // CPD: hours in the period, divided by FTE.
    {
      name: "insert CPD",
      table: cpdActivities,
      weight: 3,
      run: async () => {
        const workerId = pick(await workerIds());
        const hours = chance(0.5) ? int(1, 40) / 4 : int(1, 60) / 10;
        const activityOn = day();
        remember(cpdActivities, (await one(db.insert(cpdActivities).values({ workerId, activityOn, title: `Course ${++n}`, type: "course", learning: "formal", hours }).returning({ id: cpdActivities.id }))).id);
        return `${hours} hours of CPD for ${short(workerId)} on ${activityOn}`;
      },
    },
    {
      name: "change CPD's hours or date",
      weight: 2,
      run: async () => {
        const cId = await pickRow(cpdActivities);
        const c = cId ? await first(db.select({ id: cpdActivities.id, hours: cpdActivities.hours, activityOn: cpdActivities.activityOn }).from(cpdActivities).where(eq(cpdActivities.id, cId))) : undefined;
        if (!c) return null;
        if (chance(0.5)) {
          const hours = int(1, 80) / 4;
          await db.update(cpdActivities).set({ hours }).where(eq(cpdActivities.id, c.id));
          return `CPD ${short(c.id)} ${c.hours} → ${hours} hours`;
        }
        const activityOn = day();
        await db.update(cpdActivities).set({ activityOn }).where(eq(cpdActivities.id, c.id));
        return `CPD ${short(c.id)} ${c.activityOn} → ${activityOn}`;
      },
    },
    ...moveAndDelete("CPD", cpdActivities),
    {
      name: "log CPD through the app",
      weight: 1,
      run: async () => {
        const workerId = pick(await workerIds());
        const activityOn = [day(), END].sort()[0]!;
        const hours = int(1, 20) / 2;
        const by = chance(0.5) ? w.admin : w.manager;
        const done = await addCpd(by, workerId, { activityOn, title: `Course ${++n}`, type: "e_learning", learning: "formal", hours, reflectionWhat: "", reflectionSoWhat: "", reflectionNowWhat: "", pdpGoalId: null, trainingRequestId: null }, END);
        if (done.ok) remember(cpdActivities, done.id);
        return `the ${by.role} logs ${hours} hours of CPD for ${short(workerId)} on ${activityOn}: ${done.ok ? "done" : done.message}`;
      },
    },

    // PDPs and their reviews: a review in the period of a PDP both have agreed counts.
    {
      name: "insert a PDP",
      table: pdps,
      weight: 2,
      run: async () => {
        const workerId = pick(await workerIds());
        const current = await first(db.select({ id: pdps.id }).from(pdps).where(and(eq(pdps.workerId, workerId), ne(pdps.status, "closed"))));
        const periodStart = day();
        const agreed = [chance(0.85), chance(0.85)];
        remember(pdps, (await one(db.insert(pdps).values({
          workerId,
          periodStart,
          periodEnd: addDays(periodStart, 364),
          status: current ? "closed" : pick(["draft", "active"] as const),
          workerAgreedAt: agreed[0] ? new Date() : null,
          managerAgreedAt: agreed[1] ? new Date() : null,
        }).returning({ id: pdps.id }))).id);
        return `PDP of ${short(workerId)} from ${periodStart}, agreed by worker ${agreed[0]}, manager ${agreed[1]}`;
      },
    },
    {
      name: "agree or withdraw agreement to a PDP",
      weight: 2,
      run: async () => {
        const pId = await pickRow(pdps);
        const p = pId ? await first(db.select().from(pdps).where(eq(pdps.id, pId))) : undefined;
        if (!p) return null;
        if (chance(0.5)) {
          await db.update(pdps).set({ workerAgreedAt: p.workerAgreedAt ? null : new Date() }).where(eq(pdps.id, p.id));
          return `PDP ${short(p.id)}: worker's agreement ${p.workerAgreedAt ? "withdrawn" : "given"}`;
        }
        await db.update(pdps).set({ managerAgreedAt: p.managerAgreedAt ? null : new Date() }).where(eq(pdps.id, p.id));
        return `PDP ${short(p.id)}: manager's agreement ${p.managerAgreedAt ? "withdrawn" : "given"}`;
      },
    },
    ...moveAndDelete("a PDP", pdps, 1, async (row, to) => {
      // One current PDP a worker; a closed one may go to anyone.
      const p = (await first(db.select({ status: pdps.status }).from(pdps).where(eq(pdps.id, row.id))))!;
      return p.status === "closed" || !await first(db.select({ id: pdps.id }).from(pdps).where(and(eq(pdps.workerId, to), ne(pdps.status, "closed"))));
    }).map((s) => s.name.startsWith("delete")
      ? {
          ...s,
          // Its reviews go first, in the same transaction.
          run: async () => {
            const pId = await pickRow(pdps);
            const p = pId ? await first(db.select({ id: pdps.id, workerId: pdps.workerId }).from(pdps).where(eq(pdps.id, pId))) : undefined;
            if (!p) return null;
            await db.transaction(async (tx) => {
              for (const r of await tx.delete(pdpReviews).where(eq(pdpReviews.pdpId, p.id)).returning({ id: pdpReviews.id })) forgetRow(pdpReviews, r.id);
              await tx.delete(pdps).where(eq(pdps.id, p.id));
            });
            forgetRow(pdps, p.id);
            return `deleted PDP ${short(p.id)} of ${short(p.workerId)} and its reviews`;
          },
        }
      : s),
    {
      name: "insert a PDP review",
      table: pdpReviews,
      weight: 3,
      run: async () => {
        // Mostly of a PDP both have agreed, whoever's; else any.
        const agreed = new Set((await db.select({ id: pdps.id }).from(pdps).where(sql`${pdps.workerAgreedAt} is not null and ${pdps.managerAgreedAt} is not null`)).map((r) => r.id));
        const some = madeIn(pdps).filter((id) => agreed.has(id));
        const pId = some.length && chance(0.7) ? pick(some) : await pickRow(pdps);
        const p = pId ? await first(db.select({ id: pdps.id, workerId: pdps.workerId }).from(pdps).where(eq(pdps.id, pId))) : undefined;
        if (!p) return null;
        // Half of them in the period most steps read.
        const reviewedOn = chance(0.5) ? addDays(END, -int(0, 364)) : day();
        remember(pdpReviews, (await one(db.insert(pdpReviews).values({ pdpId: p.id, reviewedOn, summary: "On track" }).returning({ id: pdpReviews.id }))).id);
        return `review of PDP ${short(p.id)} (${short(p.workerId)}) on ${reviewedOn}`;
      },
    },
    {
      name: "change a PDP review's date",
      weight: 2,
      run: async () => {
        const rId = await pickRow(pdpReviews);
        const r = rId ? await first(db.select({ id: pdpReviews.id, reviewedOn: pdpReviews.reviewedOn }).from(pdpReviews).where(eq(pdpReviews.id, rId))) : undefined;
        if (!r) return null;
        const reviewedOn = day();
        await db.update(pdpReviews).set({ reviewedOn }).where(eq(pdpReviews.id, r.id));
        return `PDP review ${short(r.id)} ${r.reviewedOn} → ${reviewedOn}`;
      },
    },
    {
      name: "move a PDP review to another PDP",
      table: pdpReviews,
      weight: 2,
      run: async () => {
        const rId = await pickRow(pdpReviews);
        const r = rId ? await first(db.select({ id: pdpReviews.id, pdpId: pdpReviews.pdpId }).from(pdpReviews).where(eq(pdpReviews.id, rId))) : undefined;
        const others = madeIn(pdps).filter((id) => id !== r?.pdpId);
        if (!r || !others.length) return null;
        const to = pick(others);
        await db.update(pdpReviews).set({ pdpId: to }).where(eq(pdpReviews.id, r.id));
        return `PDP review ${short(r.id)} moved from PDP ${short(r.pdpId)} to ${short(to)}`;
      },
    },
    {
      name: "delete a PDP review",
      table: pdpReviews,
      weight: 1,
      run: async () => {
        const rId = await pickRow(pdpReviews);
        const r = rId ? await first(db.select({ id: pdpReviews.id }).from(pdpReviews).where(eq(pdpReviews.id, rId))) : undefined;
        if (!r) return null;
        await db.delete(pdpReviews).where(eq(pdpReviews.id, r.id));
        forgetRow(pdpReviews, r.id);
        return `deleted PDP review ${short(r.id)}`;
      },
    },

    // Training requests: decided in the period (a timestamp against London days); approved or attended and starting in
    // it, structured education.
    {
      name: "insert a training request",
      table: trainingRequests,
      weight: 3,
      run: async () => {
        const workerId = pick(await workerIds());
        const status = pick(TRAINING_REQUEST_STATUSES);
        const decidedAt = status !== "pending" || chance(0.2) ? moment() : null;
        const startsOn = chance(0.8) ? day() : null;
        const row = await one(db.insert(trainingRequests).values({ workerId, title: `Course ${++n}`, status, decidedAt, startsOn, declineReason: status === "declined" ? "funding" : null }).returning({ id: trainingRequests.id }));
        remember(trainingRequests, row.id);
        return `training request of ${short(workerId)}, ${status}, decided ${decidedAt?.toISOString()}, starts ${startsOn}`;
      },
    },
    {
      name: "change a training request's status, decision time or start",
      weight: 3,
      run: async () => {
        const tId = await pickRow(trainingRequests);
        const t = tId ? await first(db.select().from(trainingRequests).where(eq(trainingRequests.id, tId))) : undefined;
        if (!t) return null;
        const what = int(0, 2);
        if (what === 0) {
          const status = pick(TRAINING_REQUEST_STATUSES);
          await db.update(trainingRequests).set({ status, declineReason: status === "declined" ? "funding" : t.declineReason }).where(eq(trainingRequests.id, t.id));
          return `training request ${short(t.id)} ${t.status} → ${status}`;
        }
        if (what === 1) {
          const decidedAt = chance(0.15) ? null : moment();
          await db.update(trainingRequests).set({ decidedAt }).where(eq(trainingRequests.id, t.id));
          return `training request ${short(t.id)} decided ${t.decidedAt?.toISOString()} → ${decidedAt?.toISOString()}`;
        }
        const startsOn = chance(0.15) ? null : day();
        await db.update(trainingRequests).set({ startsOn }).where(eq(trainingRequests.id, t.id));
        return `training request ${short(t.id)} starts ${t.startsOn} → ${startsOn}`;
      },
    },
    ...moveAndDelete("a training request", trainingRequests),

    // Apprenticeships: one under way at some time in the period (not planned) is structured education.
    {
      name: "insert an apprenticeship",
      table: apprenticeships,
      weight: 2,
      run: async () => {
        const workerId = pick(await workerIds());
        const startDate = day();
        const status = pick(APPRENTICESHIP_STATUSES);
        const actualEndDate = chance(0.35) ? addDays(startDate, int(0, 500)) : null;
        const standardId = pick(w.standardIds);
        const row = await one(db.insert(apprenticeships).values({ workerId, standardId, provider: "College", startDate, plannedEndDate: addDays(startDate, 540), actualEndDate, status }).returning({ id: apprenticeships.id }));
        remember(apprenticeships, row.id);
        return `apprenticeship of ${short(workerId)}, ${status}, ${startDate} to ${actualEndDate}`;
      },
    },
    {
      name: "change an apprenticeship's status or dates",
      weight: 2,
      run: async () => {
        const aId = await pickRow(apprenticeships);
        const a = aId ? await first(db.select().from(apprenticeships).where(eq(apprenticeships.id, aId))) : undefined;
        if (!a) return null;
        const what = int(0, 3);
        if (what === 0) {
          const status = pick(APPRENTICESHIP_STATUSES);
          await db.update(apprenticeships).set({ status }).where(eq(apprenticeships.id, a.id));
          return `apprenticeship ${short(a.id)} ${a.status} → ${status}`;
        }
        if (what === 1) {
          const startDate = day();
          await db.update(apprenticeships).set({ startDate, plannedEndDate: addDays(startDate, 540) }).where(eq(apprenticeships.id, a.id));
          return `apprenticeship ${short(a.id)} starts ${a.startDate} → ${startDate}`;
        }
        if (what === 2) {
          const actualEndDate = chance(0.3) ? null : day();
          await db.update(apprenticeships).set({ actualEndDate }).where(eq(apprenticeships.id, a.id));
          return `apprenticeship ${short(a.id)} ended ${a.actualEndDate} → ${actualEndDate}`;
        }
        // A column the facts do not read, which raises no version.
        await db.update(apprenticeships).set({ provider: `College ${++n}`, plannedEndDate: addDays(a.plannedEndDate, 7) }).where(eq(apprenticeships.id, a.id));
        return `apprenticeship ${short(a.id)}: provider and planned end changed`;
      },
    },
    ...moveAndDelete("an apprenticeship", apprenticeships),

    // Sign-offs: of statements at the worker's stage (any version's, by lineage), standing on the last day.
    {
      name: "insert a sign-off",
      table: competencyAssessments,
      weight: 3,
      run: async () => {
        const workerId = pick(await workerIds());
        const version = await publishedFrameworkVersion();
        // Mostly of a statement at the worker's stage, which they owe; sometimes any other.
        const atStage = chance(0.7) ? (await first(db.select({ stage: stages.frameworkStage }).from(workers).innerJoin(stages, eq(stages.id, workers.stageId)).where(eq(workers.id, workerId))))?.stage : null;
        // Mostly the published version's, sometimes an older version's (or a draft's), which counts by lineage.
        const statements = await db
          .select({ id: competencyStatements.id })
          .from(competencyStatements)
          .innerJoin(frameworkVersions, eq(frameworkVersions.id, competencyStatements.versionId))
          .where(and(
            version && chance(0.75) ? eq(competencyStatements.versionId, version.id) : undefined,
            atStage ? eq(competencyStatements.stage, atStage) : undefined,
            sql`not exists (select 1 from ${competencyAssessments} ca where ca.worker_id = ${workerId} and ca.statement_id = ${competencyStatements.id})`,
          ))
          .orderBy(asc(competencyStatements.lineageKey), asc(frameworkVersions.version));
        if (!statements.length) return null;
        const statementId = pick(statements).id;
        // Half of them standing on the last day (signed off by then, not expired), the rest anything.
        const standing = chance(0.5);
        const status = standing ? "signed_off" : pick(["signed_off", "expired", "self_assessed"] as const);
        const signedOffOn = standing ? [day(), END].sort()[0]! : status === "self_assessed" && chance(0.7) ? null : day();
        const expiresOn = standing ? (chance(0.6) ? null : addDays(END, int(0, 400))) : chance(0.4) ? day() : null;
        remember(competencyAssessments, (await one(db.insert(competencyAssessments).values({ workerId, statementId, status, signedOffOn, expiresOn }).returning({ id: competencyAssessments.id }))).id);
        return `sign-off of ${short(workerId)} on ${short(statementId)}, ${status} ${signedOffOn} until ${expiresOn}`;
      },
    },
    {
      name: "change a sign-off's status or dates",
      weight: 2,
      run: async () => {
        const aId = await pickRow(competencyAssessments);
        const a = aId ? await first(db.select().from(competencyAssessments).where(eq(competencyAssessments.id, aId))) : undefined;
        if (!a) return null;
        const what = int(0, 2);
        if (what === 0) {
          const status = pick(["signed_off", "expired", "self_assessed", "evidence_added"] as const);
          await db.update(competencyAssessments).set({ status, signedOffOn: a.signedOffOn ?? day() }).where(eq(competencyAssessments.id, a.id));
          return `sign-off ${short(a.id)} ${a.status} → ${status}`;
        }
        if (what === 1) {
          const signedOffOn = day();
          await db.update(competencyAssessments).set({ signedOffOn }).where(eq(competencyAssessments.id, a.id));
          return `sign-off ${short(a.id)} signed ${a.signedOffOn} → ${signedOffOn}`;
        }
        const expiresOn = chance(0.3) ? null : day();
        await db.update(competencyAssessments).set({ expiresOn }).where(eq(competencyAssessments.id, a.id));
        return `sign-off ${short(a.id)} expires ${a.expiresOn} → ${expiresOn}`;
      },
    },
    ...moveAndDelete("a sign-off", competencyAssessments, 1, async (row, to) => {
      // One assessment a worker and statement.
      const a = (await first(db.select({ statementId: competencyAssessments.statementId }).from(competencyAssessments).where(eq(competencyAssessments.id, row.id))))!;
      return !await first(db.select({ id: competencyAssessments.id }).from(competencyAssessments).where(and(eq(competencyAssessments.workerId, to), eq(competencyAssessments.statementId, a.statementId))));
    }),

    // Workers: who is in the population on the last day, in which team, at what FTE, owing what.
    changeWorker("move a worker to another team", 2, () => ({ teamId: pick(w.teamIds) }), (v) => `to team ${w.teamIds.indexOf(v.teamId)}`),
    changeWorker("change a worker's FTE", 1, () => ({ fte: pick([1, 0.9, 0.8, 0.75, 0.6, 0.5, 0.4, 0.2]) }), (v) => `at ${v.fte} FTE`),
    changeWorker("change a worker's profession", 1, () => ({ professionId: pick(w.professionIds) }), (v) => `of profession ${w.professionIds.indexOf(v.professionId)}`),
    changeWorker("change a worker's stage", 2, () => ({ stageId: pick(w.stageIds) }), (v) => `at stage ${short(v.stageId)}`),
    {
      name: "a worker leaves, or a leaver's leaving date changes",
      weight: 2,
      run: async () => {
        const id = pick(await workerIds());
        const contractEnd = chance(0.1) ? null : day();
        await db.update(workers).set({ status: "left", contractEnd }).where(eq(workers.id, id));
        return `worker ${short(id)} left on ${contractEnd}`;
      },
    },
    {
      name: "a leaver comes back",
      weight: 1,
      run: async () => {
        const leavers = await db.select({ id: workers.id }).from(workers).where(and(eq(workers.orgId, w.org.id), eq(workers.status, "left"))).orderBy(asc(workers.employeeNumber));
        if (!leavers.length) return null;
        const leaver = pick(leavers);
        await db.update(workers).set({ status: "in_post", contractEnd: null }).where(eq(workers.id, leaver.id));
        return `worker ${short(leaver.id)} back in post`;
      },
    },
    changeWorker("change a worker's contract start", 1, () => ({ contractStart: chance(0.3) ? pick(["2012-05-01", "2025-11-30", "2025-12-01", "2025-12-02", "2025-06-30", "2025-07-01"]) : day() }), (v) => `started ${v.contractStart}`),
    changeWorker("change who line-manages a worker", 1, () => ({ lineManagerId: chance(0.4) ? w.manager.id : null }), (v) => `line-managed by ${v.lineManagerId ? "the manager" : "nobody"}`),
    {
      name: "a new worker joins",
      weight: 1,
      run: async () => {
        const id = await w.addWorker({ team: int(0, 3), fte: pick([1, 0.5, 0.8]), start: day(), profession: int(0, 1), stage: pick(["support_worker", "senior_support_worker", "trainee", "assistant_practitioner"]) });
        return `new worker ${short(id)}`;
      },
    },
    {
      name: "delete a worker with no records",
      weight: 1,
      run: async () => {
        const bare = await selectRows<{ id: string }>(sql`select w.id from ${workers} w where ${sql.join(
          [appraisals, careerConversations, supervisionSessions, cpdActivities, trainingRequests, apprenticeships, competencyAssessments, pdps, trainingCompletions].map((t) => sql`not exists (select 1 from ${t} x where x.worker_id = w.id)`),
          sql` and `,
        )} order by w.employee_number`);
        if (!bare.length) return null;
        const id = pick(bare).id;
        await db.transaction(async (tx) => {
          await tx.delete(workerPositions).where(eq(workerPositions.workerId, id));
          await tx.delete(workers).where(eq(workers.id, id));
        });
        return `deleted worker ${short(id)}`;
      },
    },

    // Mandatory training: a completion in date on the last day (done by then, not removed, expiring on it or after, or
    // never) of a current subject the worker needs.
    {
      name: "insert a training completion",
      table: trainingCompletions,
      weight: 3,
      run: async () => {
        const workerId = pick(await workerIds());
        // Mostly a subject someone needs.
        const needed = (await db.selectDistinct({ id: trainingSubjectAudiences.subjectId }).from(trainingSubjectAudiences).orderBy(asc(trainingSubjectAudiences.subjectId))).map((r) => r.id);
        const subjectId = needed.length && chance(0.8) ? pick(needed) : pick(w.subjectIds);
        const completedOn = chance(0.5) ? addDays(END, -int(0, 400)) : day();
        // Often running out on the last day or the day either side of it.
        const expiresOn = chance(0.15) ? null : chance(0.4) ? [pick([addDays(END, -1), END, addDays(END, 1)]), completedOn].sort().at(-1)! : addDays(completedOn, 365);
        const done = await db.insert(trainingCompletions).values({ workerId, subjectId, completedOn, expiresOn, source: chance(0.5) ? "recorded" : "imported" })
          .returning({ id: trainingCompletions.id }).catch(() => null); // once a day a subject
        if (!done) return null;
        remember(trainingCompletions, done[0]!.id);
        return `completion by ${short(workerId)} of ${short(subjectId)} on ${completedOn} until ${expiresOn}`;
      },
    },
    {
      name: "change a training completion's dates, or remove or restore it",
      weight: 2,
      run: async () => {
        const cId = await pickRow(trainingCompletions);
        const c = cId ? await first(db.select().from(trainingCompletions).where(eq(trainingCompletions.id, cId))) : undefined;
        if (!c) return null;
        const what = int(0, 2);
        if (what === 0) {
          const expiresOn = chance(0.2) ? null : [pick([addDays(END, -1), END, addDays(END, 1), day()]), c.completedOn].sort().at(-1)!;
          await db.update(trainingCompletions).set({ expiresOn }).where(eq(trainingCompletions.id, c.id));
          return `completion ${short(c.id)} expires ${c.expiresOn} → ${expiresOn}`;
        }
        if (what === 1) {
          const completedOn = [day(), c.expiresOn ?? "9999-12-31"].sort()[0]!;
          const done = await db.update(trainingCompletions).set({ completedOn }).where(eq(trainingCompletions.id, c.id)).returning().catch(() => null);
          return done ? `completion ${short(c.id)} done ${c.completedOn} → ${completedOn}` : null;
        }
        const done = await db.update(trainingCompletions).set(c.removedAt ? { removedAt: null, removedReason: null } : { removedAt: new Date(), removedReason: "In error" })
          .where(eq(trainingCompletions.id, c.id)).returning().catch(() => null);
        return done ? `completion ${short(c.id)} ${c.removedAt ? "restored" : "removed"}` : null;
      },
    },
    ...moveAndDelete("a training completion", trainingCompletions, 1, async (row, to) => {
      // One current completion of a subject a day a worker.
      const c = (await first(db.select().from(trainingCompletions).where(eq(trainingCompletions.id, row.id))))!;
      return c.removedAt !== null || !await first(db.select({ id: trainingCompletions.id }).from(trainingCompletions)
        .where(and(eq(trainingCompletions.workerId, to), eq(trainingCompletions.subjectId, c.subjectId), eq(trainingCompletions.completedOn, c.completedOn), sql`${trainingCompletions.removedAt} is null`)));
    }),
    {
      name: "retire or restore a mandatory training subject",
      weight: 1,
      run: async () => {
        const s = (await first(db.select({ id: trainingSubjects.id, retiredAt: trainingSubjects.retiredAt }).from(trainingSubjects).where(eq(trainingSubjects.id, pick(w.subjectIds)))))!;
        await db.update(trainingSubjects).set({ retiredAt: s.retiredAt ? null : new Date() }).where(eq(trainingSubjects.id, s.id));
        return `subject ${short(s.id)} ${s.retiredAt ? "restored" : "retired"}`;
      },
    },
    {
      name: "take an audience of a mandatory training subject away",
      weight: 1,
      run: async () => {
        const audiences = await db.select({ id: trainingSubjectAudiences.id, subjectId: trainingSubjectAudiences.subjectId }).from(trainingSubjectAudiences)
          .orderBy(asc(trainingSubjectAudiences.subjectId), asc(trainingSubjectAudiences.kind), asc(trainingSubjectAudiences.refId));
        if (!audiences.length) return null;
        const a = pick(audiences);
        await db.delete(trainingSubjectAudiences).where(eq(trainingSubjectAudiences.id, a.id));
        return `subject ${short(a.subjectId)}: an audience taken away`;
      },
    },
    {
      name: "give a mandatory training subject another audience",
      weight: 1,
      run: async () => {
        const subjectId = pick(w.subjectIds);
        const kind = pick(["everyone", "stage", "profession", "care_setting"] as const);
        const refId = kind === "everyone" ? null : kind === "stage" ? pick(w.stageIds) : kind === "profession" ? pick(w.professionIds) : pick(w.careSettingIds);
        await db.insert(trainingSubjectAudiences).values({ subjectId, kind, refId });
        return `subject ${short(subjectId)}: needed by ${kind} ${refId ? short(refId) : ""}`;
      },
    },
    {
      name: "change who an audience of a mandatory training subject is",
      weight: 1,
      run: async () => {
        const audiences = await db.select({ id: trainingSubjectAudiences.id, kind: trainingSubjectAudiences.kind }).from(trainingSubjectAudiences)
          .where(sql`${trainingSubjectAudiences.kind} <> 'everyone'`).orderBy(asc(trainingSubjectAudiences.subjectId), asc(trainingSubjectAudiences.refId));
        if (!audiences.length) return null;
        const a = pick(audiences);
        const refId = a.kind === "stage" ? pick(w.stageIds) : a.kind === "profession" ? pick(w.professionIds) : pick(w.careSettingIds);
        await db.update(trainingSubjectAudiences).set({ refId }).where(eq(trainingSubjectAudiences.id, a.id));
        return `audience ${short(a.id)}: ${a.kind} ${short(refId)}`;
      },
    },
    {
      name: "change a team's care setting",
      weight: 1,
      run: async () => {
        // One of the teams with workers, into another care setting (or none).
        const teamId = pick(w.teamIds.slice(0, 3));
        const now = (await first(db.select({ id: teams.careSettingId }).from(teams).where(eq(teams.id, teamId))))!.id;
        const careSettingId = pick([null, ...w.careSettingIds].filter((id) => id !== now));
        await db.update(teams).set({ careSettingId }).where(eq(teams.id, teamId));
        return `team ${w.teamIds.indexOf(teamId)} in care setting ${careSettingId ? w.careSettingIds.indexOf(careSettingId) : "none"}`;
      },
    },
    changeWorker("change a worker's own care setting", 1, () => ({ careSettingId: chance(0.5) ? null : pick(w.careSettingIds) }), (v) => `in care setting ${v.careSettingId ? w.careSettingIds.indexOf(v.careSettingId) : "of their team"}`),

    // What every worker's facts share: the framework's statements and versions, the stages, the assessed framework.
    {
      name: "retire or restore a statement of the published version",
      weight: 2,
      run: async () => {
        const version = await publishedFrameworkVersion();
        if (!version) return null;
        const s = pick(await db.select({ id: competencyStatements.id, retiredAt: competencyStatements.retiredAt }).from(competencyStatements).where(eq(competencyStatements.versionId, version.id)).orderBy(asc(competencyStatements.lineageKey)));
        await db.update(competencyStatements).set({ retiredAt: s.retiredAt ? null : new Date() }).where(eq(competencyStatements.id, s.id));
        return `statement ${short(s.id)} ${s.retiredAt ? "restored" : "retired"}`;
      },
    },
    {
      name: "add a statement to the published version",
      weight: 2,
      run: async () => {
        const version = await publishedFrameworkVersion();
        if (!version) return null;
        const domainId = (await first(db.select({ id: competencyStatements.domainId }).from(competencyStatements).where(eq(competencyStatements.versionId, version.id))))!.id;
        const stage = pick(["entry", "intermediate", "assistant_practitioner"] as const satisfies readonly FrameworkStage[]);
        const whose = int(0, 2);
        await db.insert(competencyStatements).values({
          versionId: version.id,
          domainId,
          stage,
          number: `X.${++n}`,
          lineageKey: `test:added-${n}`,
          text: "Added by hand",
          bespoke: whose > 0,
          professionId: whose === 1 ? pick(w.professionIds) : null,
          teamId: whose === 2 ? pick(w.teamIds) : null,
        });
        return `statement added at ${stage}${whose === 1 ? " for a profession" : whose === 2 ? " for a team" : ""}`;
      },
    },
    {
      name: "publish a new version of the framework through the app",
      weight: 0.5,
      run: async () => {
        const version = await publishedFrameworkVersion();
        if (!version) return null;
        const draft = await startDraftVersion(w.admin, version.frameworkId);
        if (!draft.ok) return `the admin starts a draft: ${draft.message}`;
        const done = await publishVersion(w.admin, draft.versionId, { notes: `Version ${++n}` });
        return `the admin publishes version ${version.version + 1}: ${done.ok ? "done" : done.message}`;
      },
    },
    {
      name: "change a stage's framework stage",
      weight: 1,
      run: async () => {
        const s = (await first(db.select({ id: stages.id, frameworkStage: stages.frameworkStage }).from(stages).where(eq(stages.code, "senior_support_worker"))))!;
        const frameworkStage = s.frameworkStage === "intermediate" ? "entry" : "intermediate";
        await db.update(stages).set({ frameworkStage }).where(eq(stages.id, s.id));
        return `senior support workers assessed at ${frameworkStage}`;
      },
    },
    {
      name: "delete a statement of the published version nobody has signed off, by hand",
      weight: 1,
      run: async () => {
        const version = await publishedFrameworkVersion();
        if (!version) return null;
        const unsigned = await db
          .select({ id: competencyStatements.id })
          .from(competencyStatements)
          // One every worker at its stage owes (not retired, nor only a profession's or a team's).
          .where(and(
            eq(competencyStatements.versionId, version.id),
            sql`${competencyStatements.retiredAt} is null and ${competencyStatements.professionId} is null and ${competencyStatements.teamId} is null`,
            sql`not exists (select 1 from ${competencyAssessments} ca where ca.statement_id = ${competencyStatements.id})`,
          ))
          .orderBy(asc(competencyStatements.lineageKey));
        if (!unsigned.length) return null;
        const s = pick(unsigned);
        await db.delete(competencyStatements).where(eq(competencyStatements.id, s.id));
        return `statement ${short(s.id)} deleted`;
      },
    },
    {
      name: "supersede the published version by hand, or publish the latest again",
      weight: 1,
      run: async () => {
        const framework = await first(db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.key, DEFAULT_FRAMEWORK_KEY)));
        if (!framework) return null;
        const published = await first(db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(and(eq(frameworkVersions.frameworkId, framework.id), eq(frameworkVersions.status, "published"))));
        away = published ? "supersede the published version by hand, or publish the latest again" : null;
        if (published) {
          await db.update(frameworkVersions).set({ status: "superseded" }).where(eq(frameworkVersions.id, published.id));
          return `version ${short(published.id)} superseded: none published`;
        }
        const latest = (await first(db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(and(eq(frameworkVersions.frameworkId, framework.id), eq(frameworkVersions.status, "superseded"))).orderBy(sql`${frameworkVersions.version} desc`)))!;
        await db.update(frameworkVersions).set({ status: "published" }).where(eq(frameworkVersions.id, latest.id));
        return `version ${short(latest.id)} published again`;
      },
    },
    {
      name: "rename the assessed framework's key by hand, or back",
      weight: 1,
      run: async () => {
        // Renamed, no framework has the key workers are assessed against: nothing is owed.
        const renamed = await first(db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.key, "test-renamed")));
        away = renamed ? null : "rename the assessed framework's key by hand, or back";
        if (renamed) await db.update(frameworks).set({ key: DEFAULT_FRAMEWORK_KEY }).where(eq(frameworks.id, renamed.id));
        else await db.update(frameworks).set({ key: "test-renamed" }).where(eq(frameworks.key, DEFAULT_FRAMEWORK_KEY));
        return renamed ? "the framework's key back" : "the framework's key renamed";
      },
    },
    {
      name: "assess workers against another framework, or back",
      weight: 1,
      run: async () => {
        // A framework with no published version: nothing is owed until the setting is back, the next step; back is
        // the setting changed, or deleted (unset, it is the framework the reference data ships with).
        const value = away ? DEFAULT_FRAMEWORK_KEY : "test-unpublished";
        away = away ? null : "assess workers against another framework, or back";
        if (value === DEFAULT_FRAMEWORK_KEY && chance(0.5)) {
          await db.delete(settings).where(eq(settings.key, "assessed_framework"));
          return "the assessed framework unset";
        }
        await db.insert(settings).values({ key: "assessed_framework", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
        return `workers assessed against ${value}`;
      },
    },
  ];
  /** The next write: any, by weight, or the way back to the framework when a step went away from it. */
  const next = () => (away ? steps.find((s) => s.name === away)! : choose(steps, random));
  return { steps, pick, next, away: () => away, counts };
}

function choose(steps: Step[], random: () => number): Step {
  const total = steps.reduce((n, s) => n + s.weight, 0);
  let r = random() * total;
  for (const s of steps) if ((r -= s.weight) < 0) return s;
  return steps.at(-1)!;
}

describe("the scorecard's kept summaries", () => {
  it.each(SEEDS)("equal ones worked out afresh from the source tables after every one of random writes (seed %i)", async (seed) => {
    const w = await setup();
    const random = mulberry32(seed);
    const { steps, pick, next, away, counts } = writes(w, random);
    // Something to count before the first comparison: each kind of insert eight times over.
    const inserts = steps.filter((s) => s.name.startsWith("insert"));
    for (let round = 0; round < 8; round++) for (const s of inserts) await s.run();

    // The facts and sums worked out once, so the first write finds them kept.
    await compare(w, { end: END, team: w.teamIds[0]!, measures: ["appraised", "supervised"], order: Array.from({ length: READS }, (_, i) => i) }, `seed ${seed}, after the first inserts`, true);
    const trail: string[] = [];
    const done = new Set<string>();
    let reused = 0;
    let redone = 0;
    // First every kind of write once, in turn, each read after; then writes chosen at random, mostly one, sometimes
    // a few, before the scorecard is read again.
    let inTurn = 0;
    let tries = 0;
    for (let step = 1, atRandom = 0; inTurn < steps.length || atRandom < STEPS; step++) {
      const firstPass = inTurn < steps.length;
      if (!firstPass) atRandom++;
      const names: string[] = [];
      for (let k = inTurn < steps.length || random() >= 0.25 ? 1 : 3; k > 0; k--) {
        let s: Step;
        // In turn, an insert is made again, and a move or a deletion waits for an insert, until a row of its table
        // counts in the period (ten tries at most): a row that counts for nothing would show no missing trigger.
        let inserted: object | null = null;
        if (away() !== null || inTurn >= steps.length) s = next();
        else {
          const due = steps[inTurn]!;
          const insert = due.table ? steps.find((x) => x.table === due.table && x.name.startsWith("insert")) : undefined;
          if (insert && insert !== due && tries < 10 && !await counts(due.table!)) [s, inserted, tries] = [insert, null, tries + 1];
          else if (insert === due && tries < 10) [s, inserted] = [due, due.table!];
          else [s, inTurn, tries] = [due, inTurn + 1, 0];
        }
        const what = await s.run();
        if (inserted) {
          if (await counts(inserted, true)) [inTurn, tries] = [inTurn + 1, 0];
          else tries++;
        }
        if (what !== null) done.add(s.name);
        names.push(s.name);
        trail.push(`${step}: ${s.name}: ${what ?? "nothing to act on"}`);
        // Away from the framework is read before the way back.
        if (away() !== null) break;
      }
      // Among the random writes, a stretch of steps reads an earlier period (reading it forgets the other period's
      // facts, so the stretch's first step works them all out, and the first step after it too, blind to a missing
      // trigger; every kind of write in turn is read against facts kept from the step before).
      const end = !firstPass && step % 20 >= 13 && step % 20 <= 17 ? PAST : END;
      const order = Array.from({ length: READS }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const reads: Reads = { end, team: pick(w.teamIds), measures: [pick(WORKER_MEASURES), pick(WORKER_MEASURES)], order };
      // Every fifth step the next begins from facts all worked out afresh; the others from the kept ones, as they were.
      const { before } = await compare(w, reads, `seed ${seed}, step ${step} (${names.join(", ")}) for the period ending ${end}. The run so far:\n${trail.join("\n")}\n`, step % 5 !== 0);
      reused += before.current;
      redone += before.stale;
    }
    if (process.env.SCORECARD_FACTS_TRAIL) console.log(`seed ${seed}: ${reused} summaries kept current, ${redone} out of date\n${trail.join("\n")}`);
    // Most kinds of write were made, and the kept summaries were both reused and worked out again along the way.
    expect(done.size).toBeGreaterThanOrEqual(25);
    expect(reused).toBeGreaterThan(STEPS * 5);
    expect(redone).toBeGreaterThan(STEPS / 2);
  }, 120_000 * Math.max(1, STEPS / 40));

  it("for today worked out ahead of a lead's first view, once a day on each instance, and the same as afresh", async () => {
    const w = await setup();
    const saved = process.env.PATHWAYS_TODAY;
    try {
      const today = "2027-03-31";
      process.env.PATHWAYS_TODAY = today;
      await forgetScorecardFacts();
      forgetSummariesDay();
      await db.insert(appraisals).values({ workerId: (await workerIdsOf(w))[0]!, scheduledFor: "2027-01-05", heldOn: "2027-01-05", status: "completed" });
      // A worker of another organisation in one of this one's teams (nothing in the schema forbids it): neither a lead
      // of this organisation nor the day's summaries count them.
      const other = await makeOrg();
      const [stranger] = await db.select().from(workers).where(eq(workers.id, (await workerIdsOf(w))[0]!));
      await db.insert(workers).values({ ...stranger!, id: undefined, orgId: other.id, employeeNumber: "59999999", userId: null, createdAt: undefined, updatedAt: undefined });
      await bringTodaysSummariesUpToDate();
      // Every in-post worker's facts and every team's sums, current; a lead's views find them and work nothing out.
      const warmed = await labels(today);
      expect(warmed.stale).toBe(0);
      expect(warmed.current).toBeGreaterThanOrEqual(4 + 10);
      const reads: Reads = { end: today, team: w.teamIds[0]!, measures: ["appraised", "pdp_reviewed"], order: Array.from({ length: READS }, (_, i) => i) };
      const rows = await summaryRows(today);
      await compare(w, reads, "today's, worked out ahead", true);
      expect(await labels(today)).toEqual(warmed);
      expect(await summaryRows(today)).toEqual(rows);

      // Once a day: a write the same day is left for the next view to work out.
      await db.insert(appraisals).values({ workerId: (await workerIdsOf(w))[1]!, scheduledFor: "2027-02-01", heldOn: "2027-02-01", status: "completed" });
      await bringTodaysSummariesUpToDate();
      expect((await labels(today)).stale).toBe(2);
      // The next day, the next day's.
      process.env.PATHWAYS_TODAY = "2027-04-01";
      await bringTodaysSummariesUpToDate();
      expect(await labels("2027-04-01")).toEqual({ current: warmed.current, stale: 0 });
      await compare(w, { ...reads, end: "2027-04-01" }, "the next day's, worked out ahead", true);
    } finally {
      if (saved === undefined) delete process.env.PATHWAYS_TODAY;
      else process.env.PATHWAYS_TODAY = saved;
      forgetSummariesDay();
    }
  }, 60_000);

  it("equal ones worked out afresh after many writes at once, between reads (each on a connection of its own on PostgreSQL)", async () => {
    const w = await setup();
    const [teamA] = w.teamIds;
    const inTeamA = (await db.select({ id: workers.id }).from(workers).where(and(eq(workers.teamId, teamA!), eq(workers.status, "in_post"))).orderBy(asc(workers.id))).map((r) => r.id);
    expect(inTeamA.length).toBeGreaterThanOrEqual(4);
    const reads: Reads = { end: END, team: teamA!, measures: ["appraised", "supervised"], order: Array.from({ length: READS }, (_, i) => i) };
    // The facts and sums worked out once, so the rounds below find them kept.
    await compare(w, reads, "before the writes", true);
    for (let round = 0; round < 4; round++) {
      const held = ["2025-12-02", "2026-03-15", "2026-09-01", "2026-09-02", "2026-12-01", "2026-12-02"];
      const writesAtOnce = Array.from({ length: 10 }, (_, i) => async () => {
        const workerId = inTeamA[(i + round) % inTeamA.length]!;
        await db.transaction(async (tx) => {
          if (i % 3 === 2) {
            // Delete one of the worker's appraisals, if they have one, and log CPD instead.
            const a = await first(tx.select({ id: appraisals.id }).from(appraisals).where(eq(appraisals.workerId, workerId)).orderBy(asc(appraisals.id)));
            if (a) await tx.delete(appraisals).where(eq(appraisals.id, a.id));
            await tx.insert(cpdActivities).values({ workerId, activityOn: held[(i + round) % held.length]!, title: "Course", type: "course", learning: "formal", hours: 1 + i / 4 });
          } else if (i % 3 === 1) {
            await tx.insert(cpdActivities).values({ workerId, activityOn: held[i % held.length]!, title: "Reading", type: "reading", learning: "informal", hours: 2.5 });
            const c = await first(tx.select({ id: cpdActivities.id }).from(cpdActivities).where(eq(cpdActivities.workerId, workerId)).orderBy(asc(cpdActivities.id)));
            if (c && round % 2 === 1) await tx.delete(cpdActivities).where(eq(cpdActivities.id, c.id));
          } else {
            const heldOn = held[(i + round * 2) % held.length]!;
            await tx.insert(appraisals).values({ workerId, scheduledFor: heldOn, heldOn, status: "completed" });
          }
        });
      });
      const readsBetween = [
        async () => await scorecard(w.lead, all(END)),
        async () => await scorecard(w.lead, all(END, { team: teamA! })),
        async () => await scorecardWorkers(w.lead, all(END), "appraised"),
        async () => await scorecard(w.manager, all(END)),
      ];
      // Each read begins between the writes, and runs while they do.
      await Promise.all([...writesAtOnce.flatMap((write, i) => [write(), ...(i % 3 === 0 ? [readsBetween[(i / 3 + round) % readsBetween.length]!()] : [])])]);
      // The next round's reads begin from the facts these brought up to date.
      await compare(w, reads, `round ${round}`, true);
    }
  }, 60_000);
});
