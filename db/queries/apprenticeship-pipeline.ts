import "server-only";
// The apprenticeship pipeline: every current apprentice a user may see, with their hours and next review, who is at
// risk, and counts by status, standard and level.
import { createHash } from "node:crypto";
import { and, asc, count, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { always, caseless, countWhere } from "../dialect";
import { db } from "../client";
import { apprenticeshipRiskFacts, apprenticeshipStandards, apprenticeshipStatusChanges, apprenticeships, teams, workers } from "../schema";
import { keptListPage, withoutInvalidating } from "../insights-cache";
import { pickTeam } from "../../lib/team-filter";
import { visibleWorkers } from "../access";
import type { SessionUser } from "../../lib/session-user";
import { addMonths, todayInLondon } from "../../lib/rules/dates";
import { AT_RISK_RULE_VERSION, atRiskFrom, trackApprenticeship, type StatusChange, type Track, type TrackInput } from "../../lib/rules/apprenticeship-tracking";
import type { OtjRule } from "../../lib/rules/off-the-job";
import { APPRENTICESHIP_STATUSES, type ApprenticeshipStatus } from "../../lib/vocabulary";
import { LIVE, loadRules } from "./apprenticeships";

export type PipelineRow = {
  id: string;
  workerId: string;
  workerName: string;
  teamId: string;
  teamName: string;
  standardId: string;
  standardTitle: string;
  level: number;
  status: ApprenticeshipStatus;
  startDate: string;
  plannedEndDate: string;
  track: Track;
};

/**
 * Every apprenticeship the user may see that is live, or ended in the last 12 months: managers their teams', leads
 * and admins all. Each carries its tracking (hours, reviews, risks), worked out by the same rule as the worker's page.
 */
export async function apprenticeshipPipeline(user: SessionUser, today = todayInLondon()) {
  if (user.role === "support_worker") return undefined;
  const since = addMonths(today, -12);
  return await trackedApprenticeships(
    user,
    or(inArray(apprenticeships.status, LIVE), and(inArray(apprenticeships.status, ["completed", "withdrawn"]), gte(apprenticeships.actualEndDate, since)))!,
    today,
  );
}

/**
 * The live apprenticeships of in-post workers the user may see (a support worker their own), with their tracking:
 * what the inbox reminds about. The same two queries as the pipeline, whatever the number of apprentices.
 */
export async function liveApprenticeshipTracking(user: SessionUser, today = todayInLondon()) {
  return await trackedApprenticeships(user, and(inArray(apprenticeships.status, LIVE), eq(workers.status, "in_post"))!, today);
}

/** The columns a pipeline row is made from: the apprenticeship, its worker, team and standard. */
const rowColumns = {
  id: apprenticeships.id,
  workerId: workers.id,
  workerName: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
  teamId: teams.id,
  teamName: teams.name,
  standardId: apprenticeshipStandards.id,
  standardTitle: apprenticeshipStandards.title,
  level: apprenticeshipStandards.level,
  standardMinimumHours: apprenticeshipStandards.otjMinimumHours,
  status: apprenticeships.status,
  startDate: apprenticeships.startDate,
  plannedEndDate: apprenticeships.plannedEndDate,
  weeklyHours: apprenticeships.weeklyHours,
  // The summaries on the apprenticeship's own row (migration apprenticeship_summaries, decision record 0027): one row
  // an apprenticeship, not every log and review of the organisation.
  loggedHours: apprenticeships.otjHoursLogged,
  lastReviewedOn: apprenticeships.lastReviewedOn,
  nextReviewAgreedOn: apprenticeships.nextReviewAgreedOn,
};
/** A selected row's inputs to the tracking rule (the rest come from its status history). */
type Selected = Omit<TrackInput, "changes" | "reviewDates" | "agreedNextReview"> & { id: string; lastReviewedOn: string | null; nextReviewAgreedOn: string | null };

const pipelineFrom = () =>
  db
    .select(rowColumns)
    .from(apprenticeships)
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId));

const byName = [caseless(workers.lastName), caseless(workers.firstName), asc(apprenticeships.id)] as const;

/** The status histories of these apprenticeships (those of live ones matter: breaks in learning), in order. */
async function statusHistories(where: SQL): Promise<Map<string, StatusChange[]>> {
  const changes = new Map<string, StatusChange[]>();
  for (const c of await db
    .select({ apprenticeshipId: apprenticeshipStatusChanges.apprenticeshipId, toStatus: apprenticeshipStatusChanges.toStatus, effectiveOn: apprenticeshipStatusChanges.effectiveOn })
    .from(apprenticeshipStatusChanges)
    .innerJoin(apprenticeships, eq(apprenticeships.id, apprenticeshipStatusChanges.apprenticeshipId))
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .where(where)
    .orderBy(asc(apprenticeshipStatusChanges.effectiveOn), asc(apprenticeshipStatusChanges.createdAt))) {
    const list = changes.get(c.apprenticeshipId) ?? [];
    list.push({ toStatus: c.toStatus, effectiveOn: c.effectiveOn });
    changes.set(c.apprenticeshipId, list);
  }
  return changes;
}

/** What the tracking rule is given for one apprenticeship. */
function trackInput(r: Selected, changes: Map<string, StatusChange[]>): TrackInput {
  return {
    status: r.status,
    startDate: r.startDate,
    plannedEndDate: r.plannedEndDate,
    weeklyHours: r.weeklyHours,
    standardMinimumHours: r.standardMinimumHours,
    loggedHours: r.loggedHours,
    changes: changes.get(r.id) ?? [],
    // The latest review is the one the next is due from (nextReviewDue takes the latest of those given).
    reviewDates: r.lastReviewedOn ? [r.lastReviewedOn] : [],
    agreedNextReview: r.nextReviewAgreedOn,
  };
}

function tracked(rows: readonly (Selected & Omit<PipelineRow, "track">)[], changes: Map<string, StatusChange[]>, rules: readonly OtjRule[], today: string): PipelineRow[] {
  return rows.map((r) => ({
    id: r.id,
    workerId: r.workerId,
    workerName: r.workerName,
    teamId: r.teamId,
    teamName: r.teamName,
    standardId: r.standardId,
    standardTitle: r.standardTitle,
    level: r.level,
    status: r.status,
    startDate: r.startDate,
    plannedEndDate: r.plannedEndDate,
    track: trackApprenticeship(rules, trackInput(r, changes), today),
  }));
}

async function trackedApprenticeships(user: SessionUser, which: SQL, today: string) {
  const rows = await pipelineFrom().where(and(visibleWorkers(user), which)).orderBy(...byName);
  // The status histories of the live ones, read with the same access rule (one query, not one a row).
  const changes = await statusHistories(and(visibleWorkers(user), inArray(apprenticeships.status, LIVE))!);
  return tracked(rows, changes, await loadRules(db), today);
}

/* ------------------------------------------------------------------ the first day each is at risk (decision record 0029) */

/**
 * The off-the-job rules, and the version of the code that says what a risk is, as a label: risk facts worked out
 * under other rules, or by an older rule in code, are out of date.
 */
function rulesKey(rules: readonly OtjRule[]): string {
  const key = rules.map((r) => [r.effectiveFrom, r.effectiveTo, r.kind, r.value, r.minimumHours]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return createHash("sha256").update(JSON.stringify([AT_RISK_RULE_VERSION, key])).digest("base64url");
}

/** Chunks of this many apprenticeships are worked out and written at a time. */
const RISK_CHUNK = 2_000;

/**
 * Works out again the first day at risk of every live apprenticeship in `where` (on workers and apprenticeships)
 * whose fact is missing, labelled with an older tracking_version, or worked out under other rules; returns how many.
 * The row and its label are read in one statement before its status history, so a change that commits in between is
 * read with the older label and worked out again next time, never the other way round.
 */
export async function bringRiskFactsUpToDate(where: SQL, rules?: readonly OtjRule[]): Promise<number> {
  const loaded = rules ?? (await loadRules(db));
  const key = rulesKey(loaded);
  let done = 0;
  for (;;) {
    const stale = await db
      .select({ ...rowColumns, version: apprenticeships.trackingVersion })
      .from(apprenticeships)
      .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
      .innerJoin(teams, eq(teams.id, workers.teamId))
      .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId))
      .leftJoin(apprenticeshipRiskFacts, eq(apprenticeshipRiskFacts.apprenticeshipId, apprenticeships.id))
      .where(
        and(
          where,
          inArray(apprenticeships.status, LIVE),
          or(isNull(apprenticeshipRiskFacts.apprenticeshipId), ne(apprenticeshipRiskFacts.trackingVersion, apprenticeships.trackingVersion), ne(apprenticeshipRiskFacts.rulesKey, key)),
        ),
      )
      // In no order: each chunk written is no longer out of date, so the next read finds the rest (and SQLite can
      // start from the status index rather than every apprenticeship in id order).
      .limit(RISK_CHUNK);
    if (stale.length === 0) return done;
    const changes = await statusHistories(inArray(apprenticeships.id, stale.map((r) => r.id)));
    // In the order of their ids, so that views writing at once on PostgreSQL take the rows' locks in the same order.
    const facts = stale
      .map((r) => ({ apprenticeshipId: r.id, trackingVersion: r.version, rulesKey: key, atRiskFrom: atRiskFrom(loaded, trackInput(r, changes)) }))
      .sort((a, b) => (a.apprenticeshipId < b.apprenticeshipId ? -1 : 1));
    await withoutInvalidating(async (tx) => {
      await tx
        .insert(apprenticeshipRiskFacts)
        .values(facts)
        .onConflictDoUpdate({
          target: apprenticeshipRiskFacts.apprenticeshipId,
          set: { trackingVersion: sql`excluded.tracking_version`, rulesKey: sql`excluded.rules_key`, atRiskFrom: sql`excluded.at_risk_from` },
          // A slower view that read the apprenticeship before a change never puts back what it worked out then.
          setWhere: sql`excluded.tracking_version >= ${apprenticeshipRiskFacts.trackingVersion}`,
        });
    });
    done += stale.length;
    if (stale.length < RISK_CHUNK) return done;
  }
}

/** Forgets every risk fact (the benchmark, to time a first view, and the tests). */
export async function forgetRiskFacts(): Promise<void> {
  await withoutInvalidating(async (tx) => await tx.delete(apprenticeshipRiskFacts).where(always));
}

/* ------------------------------------------------------------------ the pipeline page */

export type PipelineShow = ApprenticeshipStatus | "at_risk" | "live";
type Counts = Record<ApprenticeshipStatus, number>;
const emptyCounts = (): Counts => Object.fromEntries(APPRENTICESHIP_STATUSES.map((s) => [s, 0])) as Counts;

/**
 * What the apprenticeships page shows, for the user's apprentices (managers their teams', leads and admins the
 * organisation's), live or ended in the last 12 months: the teams to choose from and the one picked (by id, or by
 * words typed in the team box: lib/team-filter.ts), counts by status, the at-risk count, counts by standard and level,
 * and one page of the list chosen (`show`), with the tracking of those rows alone. The at-risk ones are read from each
 * apprenticeship's first day at risk, brought up to date first, so a page of an organisation of 50,000 reads a few
 * thousand rows and runs the tracking rule for the ones it shows and those changed since. Kept while nothing is
 * written (db/insights-cache.ts, exact: never served after a change).
 */
export async function apprenticeshipPipelinePage(
  user: SessionUser,
  today: string,
  opts: { show: PipelineShow; team?: string; teamq?: string; page: number; pageSize: number },
) {
  if (user.role === "support_worker") return undefined;
  return await keptListPage("apprenticeships page", user, { today, ...opts }, async () => await workOutPipelinePage(user, today, opts));
}

async function workOutPipelinePage(user: SessionUser, today: string, opts: { show: PipelineShow; team?: string; teamq?: string; page: number; pageSize: number }) {
  const since = addMonths(today, -12);
  const scope = and(
    visibleWorkers(user),
    or(inArray(apprenticeships.status, LIVE), and(inArray(apprenticeships.status, ["completed", "withdrawn"]), gte(apprenticeships.actualEndDate, since))),
  )!;
  const rules = await loadRules(db);
  await bringRiskFactsUpToDate(visibleWorkers(user), rules);

  // One pass over the apprenticeships in scope, by team, standard and status, with how many of each are at risk today:
  // the teams to choose from, and every count, whichever team is picked.
  const atRiskToday = sql`${apprenticeshipRiskFacts.atRiskFrom} <= ${today} and ${inArray(apprenticeships.status, LIVE)}`;
  const groups = await db
    .select({
      teamId: teams.id,
      teamName: teams.name,
      standardId: apprenticeshipStandards.id,
      title: apprenticeshipStandards.title,
      level: apprenticeshipStandards.level,
      status: apprenticeships.status,
      n: count(),
      atRisk: countWhere(atRiskToday),
    })
    .from(apprenticeships)
    .innerJoin(workers, eq(workers.id, apprenticeships.workerId))
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .innerJoin(apprenticeshipStandards, eq(apprenticeshipStandards.id, apprenticeships.standardId))
    .leftJoin(apprenticeshipRiskFacts, eq(apprenticeshipRiskFacts.apprenticeshipId, apprenticeships.id))
    .where(scope)
    .groupBy(teams.id, teams.name, apprenticeshipStandards.id, apprenticeshipStandards.title, apprenticeshipStandards.level, apprenticeships.status);
  const teamList = [...new Map(groups.map((g) => [g.teamId, g.teamName])).entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  const picked = pickTeam(opts.team, opts.teamq, teamList);
  const team = picked.team;

  const byStatus = emptyCounts();
  const byStandard = new Map<string, { id: string; title: string; level: number; counts: Counts }>();
  let atRisk = 0;
  for (const g of groups) {
    if (team && g.teamId !== team) continue;
    const n = Number(g.n);
    byStatus[g.status] += n;
    atRisk += Number(g.atRisk ?? 0);
    const entry = byStandard.get(g.standardId) ?? { id: g.standardId, title: g.title, level: g.level, counts: emptyCounts() };
    entry.counts[g.status] += n;
    byStandard.set(g.standardId, entry);
  }

  const inTeam = team ? and(scope, eq(workers.teamId, team))! : scope;
  const listed = opts.show === "live" ? LIVE.reduce((n, s) => n + byStatus[s], 0) : opts.show === "at_risk" ? atRisk : byStatus[opts.show];
  const pages = Math.max(1, Math.ceil(listed / opts.pageSize));
  const page = Math.min(Math.max(1, opts.page), pages);
  const listWhere =
    opts.show === "at_risk"
      ? and(inTeam, inArray(apprenticeships.status, LIVE), lte(apprenticeshipRiskFacts.atRiskFrom, today))!
      : opts.show === "live"
        ? and(inTeam, inArray(apprenticeships.status, LIVE))!
        : and(inTeam, eq(apprenticeships.status, opts.show))!;
  const query = pipelineFrom();
  const rows = await (opts.show === "at_risk" ? query.innerJoin(apprenticeshipRiskFacts, eq(apprenticeshipRiskFacts.apprenticeshipId, apprenticeships.id)) : query)
    .where(listWhere)
    .orderBy(...byName)
    .limit(opts.pageSize)
    .offset((page - 1) * opts.pageSize);
  const changes = rows.length ? await statusHistories(inArray(apprenticeships.id, rows.map((r) => r.id))) : new Map<string, StatusChange[]>();
  return {
    teams: teamList,
    picked,
    byStatus,
    atRisk,
    byStandard: [...byStandard.values()].sort((a, b) => a.level - b.level || a.title.localeCompare(b.title)),
    listed,
    page,
    pages,
    rows: tracked(rows, changes, rules, today),
  };
}
