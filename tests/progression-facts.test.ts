// Team progression's kept events (decision record 0032): each team's events by month, kept between views and labelled
// with the versions that triggers raise on every write they come from, against the same worked out from the events
// themselves. Random writes from a seeded generator, straight to the tables as the seed, an import or a fix by hand
// would make them: positions, apprenticeships and competency sign-offs made, changed, moved to another worker and
// deleted; workers leaving, coming back, moving team, joining and going; a stage's rank, code and name; a team made and
// removed. After every step a lead's and an administrator's team progression (12 and 24 months, the whole
// organisation and one team, today's period and an earlier one) are read as the app keeps them, and must equal:
//   - the same worked out from the events (the path a manager's or a filtered view takes), and
//   - the same read after every kept row is forgotten, whose rows must equal the kept ones.
// A seed that fails names its step and the run so far. That it would find a missing trigger:
// DROP_TRIGGER=worker_positions_facts_update (SQLite) or DROP_TRIGGER="worker_positions_facts on worker_positions"
// (PostgreSQL) drops one before the writes, and it fails.
import { describe, expect, it } from "vitest";
import { asc, eq, gte, like, ne, sql } from "drizzle-orm";
import { db, execute, one } from "@/db/client";
import { apprenticeshipStandards, apprenticeships, competencyAssessments, competencyStatements, factVersions, stages, teamProgressionFacts, teams, workerPositions, workers } from "@/db/schema";
import { mulberry32 } from "@/db/seed/random";
import { seedReference } from "@/db/seed/reference";
import { clearInsightCache } from "@/db/insights-cache";
import { bringTeamProgressionUpToDate, forgetProgressionFacts, progression, progressionFromEvents } from "@/db/queries/progression";
import type { ScorecardFilters } from "@/db/queries/scorecard";
import { bringTodaysSummariesUpToDate, forgetSummariesDay, scorecard } from "@/db/queries/scorecard";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import type { SessionUser } from "@/lib/session-user";
import { asSession, makeTeam, makeWorker, twoTeams } from "./support/factory";
import { apprenticeshipSteps, draws, moveOrDeleteStep, positionSteps, writeAndCheck, type Step, type WorkersRecords } from "./support/random-writes";

const SEEDS = process.env.PROGRESSION_FACTS_SEEDS ? process.env.PROGRESSION_FACTS_SEEDS.split(",").map(Number) : [20261207, 7, 404];
const STEPS = Number(process.env.PROGRESSION_FACTS_STEPS ?? 40);
/**
 * Two period ends: today's, which the app keeps beside the one a lead last chose, and one about 13 months before it
 * (the day of the month varies with the day the suite runs on, so the windows' last months are cut on different days).
 */
const TODAY = todayInLondon();
const ENDS = [TODAY, addDays(TODAY, -400)];
/** Days from before the longest window of the earlier end starts to after today. */
const FIRST_DAY = addDays(TODAY, -1_200);
const DAYS = 1_260;

async function setup() {
  if (process.env.DROP_TRIGGER) await execute(sql.raw(`drop trigger ${process.env.DROP_TRIGGER}`));
  await seedReference(db);
  const f = await twoTeams();
  const senior = await one(db.insert(stages).values({ code: "senior-pf", name: "Senior", rank: 2, educationLevel: 3, frameworkStage: "intermediate" }).returning());
  const ap = await one(db.insert(stages).values({ code: "ap-pf", name: "Assistant practitioner", rank: 3, educationLevel: 5, frameworkStage: "assistant_practitioner" }).returning());
  const standard = await one(db.insert(apprenticeshipStandards).values({ reference: "ST9991", title: "Test standard", level: 3, typicalDurationMonths: 18 }).returning());
  const teamC = await makeTeam(f.org.id, "Team C");
  for (let i = 0; i < 6; i++) await makeWorker(f.org.id, f.ref, { teamId: [f.teamA.id, f.teamB.id, teamC.id][i % 3]!, contractStart: "2022-04-01" });
  const statements = (await db.select({ id: competencyStatements.id }).from(competencyStatements).orderBy(asc(competencyStatements.id)).limit(12)).map((s) => s.id);
  return { f, teamC, stageIds: [f.ref.stage.id, senior.id, ap.id], standardId: standard.id, statements, lead: asSession(f.users.lead), admin: asSession(f.users.admin) };
}
type World = Awaited<ReturnType<typeof setup>>;

const filters = (end: string, team: string | null = null): ScorecardFilters => ({ team, profession: null, setting: null, end });

/** What is read after each step: [label, user, filters, months]. */
function views(w: World): [string, SessionUser, ScorecardFilters, number][] {
  return [
    ["lead, 12 months", w.lead, filters(ENDS[0]!), 12],
    ["lead, 24 months", w.lead, filters(ENDS[0]!), 24],
    ["lead, team A", w.lead, filters(ENDS[0]!, w.f.teamA.id), 12],
    ["administrator, the earlier period, 24 months", w.admin, filters(ENDS[1]!), 24],
    ["lead, the earlier period, team C", w.lead, filters(ENDS[1]!, w.teamC.id), 12],
  ];
}

async function reads(w: World) {
  const out: Record<string, unknown> = {};
  for (const [label, user, f, months] of views(w)) {
    const { workedOutAt: _, ...p } = await progression(user, f, months);
    out[label] = p;
  }
  return out;
}

async function fromEvents(w: World) {
  const out: Record<string, unknown> = {};
  for (const [label, user, f, months] of views(w)) out[label] = await progressionFromEvents(user, f, months);
  return out;
}

const factRows = async () => await db
  .select({ periodEnd: teamProgressionFacts.periodEnd, teamId: teamProgressionFacts.teamId, figures: teamProgressionFacts.figures })
  .from(teamProgressionFacts)
  .orderBy(asc(teamProgressionFacts.periodEnd), asc(teamProgressionFacts.teamId));

/** The kept rows' figures as sets of rows (the order of a team's rows is the database's). */
const canonical = (rows: Awaited<ReturnType<typeof factRows>>) => rows.map((r) => ({ ...r, figures: (JSON.parse(r.figures) as unknown[]).map((x) => JSON.stringify(x)).sort() }));

/** How many kept rows the last write left with a label that is no longer current. */
async function staleLabels(): Promise<number> {
  const versions = new Map((await db.select().from(factVersions)).map((v) => [v.subject, v.version]));
  const shared = versions.get("shared") ?? 0;
  const kept = await db.select({ id: teamProgressionFacts.teamId, v: teamProgressionFacts.teamVersion, s: teamProgressionFacts.sharedVersion }).from(teamProgressionFacts);
  return kept.filter((x) => x.v !== (versions.get(`team:${x.id}`) ?? 0) || x.s !== shared).length;
}

/** The kept figures against those worked out from the events and afresh, then the kept rows put back, labels and all. */
async function compare(w: World, where: string) {
  clearInsightCache();
  const stale = await staleLabels();
  const kept = await reads(w);
  const keptRows = await factRows();
  const snapshot = await db.select().from(teamProgressionFacts);
  expect(kept, `${where}: the figures against the events`).toEqual(await fromEvents(w));
  await forgetProgressionFacts();
  clearInsightCache();
  const fresh = await reads(w);
  const freshRows = await factRows();
  await forgetProgressionFacts();
  if (snapshot.length) await db.insert(teamProgressionFacts).values(snapshot);
  expect(kept, `${where}: the figures`).toEqual(fresh);
  const wanted = new Set(freshRows.map((r) => `${r.periodEnd} ${r.teamId}`));
  expect(canonical(keptRows.filter((r) => wanted.has(`${r.periodEnd} ${r.teamId}`))), `${where}: the kept rows`).toEqual(canonical(freshRows));
  const counted = Object.values(fresh).reduce<number>((sum, p) => {
    const x = p as Awaited<ReturnType<typeof progressionFromEvents>>;
    return sum + x.moves.reduce((a, m) => a + m.up + m.down + m.sideways, 0) + x.events.reduce((a, e) => a + e.starts + e.completions + e.withdrawals + e.signOffs + e.leavers, 0);
  }, 0);
  return { stale, counted };
}

function writes(w: World, random: () => number): Step[] {
  const d = draws(random, FIRST_DAY, DAYS);
  const { int, pick, day } = d;
  const workerIds = async () => (await db.select({ id: workers.id }).from(workers).where(eq(workers.orgId, w.f.org.id)).orderBy(asc(workers.employeeNumber))).map((r) => r.id);
  const anyWorker = async () => pick(await workerIds());
  const ourTeams = async () => (await db.select({ id: teams.id }).from(teams).where(eq(teams.orgId, w.f.org.id)).orderBy(asc(teams.id))).map((r) => r.id);
  const rowOf = async (t: WorkersRecords) => {
    const rows = await db.select({ id: t.id, workerId: t.workerId }).from(t).orderBy(asc(t.id));
    return rows.length ? pick(rows) : undefined;
  };
  return [
    ...positionSteps(d, random, { anyWorker, stageIds: w.stageIds, teamId: w.f.teamA.id, counts: addDays(ENDS[1]!, -760) }),
    ...apprenticeshipSteps(d, random, { anyWorker, standardId: w.standardId, rowOf: async () => await rowOf(apprenticeships) }),
    { name: "competency signed off", run: async () => {
      const workerId = await anyWorker();
      const on = day();
      const status = pick(["signed_off", "signed_off", "expired", "evidence_added"] as const);
      const made = await db.insert(competencyAssessments).values({ workerId, statementId: pick(w.statements), status, signedOffOn: status === "evidence_added" ? null : on }).onConflictDoNothing().returning();
      return made.length ? `sign-off ${made[0]!.id} of ${workerId} ${status} on ${on}` : null;
    } },
    { name: "sign-off changed", run: async () => {
      const r = await rowOf(competencyAssessments);
      if (!r) return null;
      const set = pick([{ signedOffOn: day() }, { status: "evidence_added" as const, signedOffOn: null }, { status: "expired" as const }]);
      await db.update(competencyAssessments).set(set).where(eq(competencyAssessments.id, r.id));
      return `sign-off ${r.id} ${JSON.stringify(set)}`;
    } },
    moveOrDeleteStep(d, random, [apprenticeships, competencyAssessments, workerPositions], { anyWorker, rowOf }),
    { name: "worker leaves or comes back", run: async () => {
      const id = await anyWorker();
      const set = pick([{ status: "left" as const, contractEnd: day() }, { contractEnd: day() }, { status: "in_post" as const, contractEnd: null }]);
      await db.update(workers).set(set).where(eq(workers.id, id));
      return `worker ${id} ${JSON.stringify(set)}`;
    } },
    { name: "worker moves team", run: async () => {
      const id = await anyWorker();
      const to = pick(await ourTeams());
      await db.update(workers).set({ teamId: to }).where(eq(workers.id, id));
      return `worker ${id} to team ${to}`;
    } },
    { name: "worker joins", run: async () => {
      const made = await makeWorker(w.f.org.id, w.f.ref, { teamId: pick(await ourTeams()), contractStart: day() });
      return `worker ${made.id} joins from ${made.contractStart}`;
    } },
    { name: "worker goes", run: async () => {
      const ids = await workerIds();
      const id = pick(ids.slice(3)); // not twoTeams' own
      for (const t of [apprenticeships, competencyAssessments, workerPositions] as const) await db.delete(t).where(eq(t.workerId, id));
      await db.delete(workers).where(eq(workers.id, id));
      return `worker ${id} deleted`;
    } },
    { name: "a stage's rank, code or name", run: async () => {
      const id = pick(w.stageIds.slice(1));
      const set = pick([{ rank: int(0, 4) }, { code: `code-${int(0, 999)}` }, { name: `Stage ${int(0, 999)}` }]);
      await db.update(stages).set(set).where(eq(stages.id, id));
      return `stage ${id} ${JSON.stringify(set)}`;
    } },
    { name: "a team made, or an empty one removed", run: async () => {
      const empty = await db.select({ id: teams.id }).from(teams)
        .where(sql`${teams.orgId} = ${w.f.org.id} and ${teams.id} not in (${w.f.teamA.id}, ${w.f.teamB.id}, ${w.teamC.id})
          and not exists (select 1 from ${workers} where ${workers.teamId} = ${teams.id}) and not exists (select 1 from ${workerPositions} where ${workerPositions.teamId} = ${teams.id})`);
      if (empty.length && random() < 0.5) {
        await db.delete(teams).where(eq(teams.id, empty[0]!.id));
        return `team ${empty[0]!.id} removed`;
      }
      const t = await makeTeam(w.f.org.id, `Team ${int(0, 999)}`);
      return `team ${t.id} made`;
    } },
  ];
}

describe("team progression's kept events", () => {
  for (const seed of SEEDS) {
    it(`equal those worked out from the events and afresh after every one of random writes (seed ${seed})`, async () => {
      const w = await setup();
      const random = mulberry32(seed);
      const steps = writes(w, random);
      const { staleSeen, counted } = await writeAndCheck(steps, random, STEPS, async (trail) => await compare(w, `seed ${seed}, ${trail}`), !!process.env.PROGRESSION_FACTS_TRAIL);
      // The writes put kept rows out of date, and the figures counted events, else nothing was tested.
      expect(staleSeen).toBeGreaterThan(steps.length / 2);
      expect(counted).toBeGreaterThan(steps.length);
    }, 90_000);
  }

  it("are worked out for today's period by the day's summaries, for every organisation, and a lead's first view then works none out", async () => {
    const w = await setup();
    const today = TODAY;
    await db.insert(workerPositions).values({ workerId: w.f.workers.workerA.id, effectiveFrom: addDays(today, -40), stageId: w.stageIds[1]!, jobTitle: "Senior", teamId: w.f.teamA.id, reason: "Promotion" });
    forgetSummariesDay();
    await bringTodaysSummariesUpToDate();
    const kept = await factRows();
    const ours = await db.select({ id: teams.id }).from(teams).where(eq(teams.orgId, w.f.org.id));
    const others = await db.select({ id: teams.id }).from(teams).where(ne(teams.orgId, w.f.org.id));
    expect(kept.filter((r) => r.periodEnd === today).map((r) => r.teamId).sort()).toEqual([...ours, ...others].map((t) => t.id).sort());
    expect(await bringTeamProgressionUpToDate(eq(teams.orgId, w.f.org.id), today)).toBe(0);
    clearInsightCache();
    const p = await progression(w.lead, filters(today), 12);
    expect(p.moves.reduce((a, m) => a + m.up, 0)).toBe(1);
    expect(await factRows()).toEqual(kept);
    // An earlier period a lead asks for is kept beside today's until the next day's run drops it.
    await progression(w.lead, filters(ENDS[1]!), 12);
    expect(new Set((await factRows()).map((r) => r.periodEnd))).toEqual(new Set([today, ENDS[1]]));
    // The day's run keeps it while a view has asked for it in the last minutes, and drops it after.
    await bringTeamProgressionUpToDate(gte(teams.id, ""), today, true);
    expect(new Set((await factRows()).map((r) => r.periodEnd))).toEqual(new Set([today, ENDS[1]]));
    await db.update(factVersions).set({ version: sql`${factVersions.version} - 11` }).where(like(factVersions.subject, "in use:%"));
    await bringTeamProgressionUpToDate(gte(teams.id, ""), today, true);
    expect(new Set((await factRows()).map((r) => r.periodEnd))).toEqual(new Set([today]));
  }, 30_000);

  it("are not dropped under a view by another view of a different period, or by the day's run (nor are the scorecard's)", async () => {
    const w = await setup();
    await db.insert(workerPositions).values({ workerId: w.f.workers.workerA.id, effectiveFrom: addDays(TODAY, -60), stageId: w.stageIds[1]!, jobTitle: "Senior", teamId: w.f.teamA.id, reason: "Promotion" });
    const strip = <T extends { workedOutAt: unknown }>({ workedOutAt: _, ...rest }: T) => rest;
    for (let i = 0; i < 3; i++) {
      // Two earlier periods at once: each view's own rows must survive the other's dropping of periods not in use.
      const [p1, p2] = [addDays(TODAY, -20 - 2 * i), addDays(TODAY, -21 - 2 * i)];
      clearInsightCache();
      const [a, b] = await Promise.all([progression(w.lead, filters(p1), 24), progression(w.lead, filters(p2), 24)]);
      expect(strip(a), `${p1} beside ${p2}`).toEqual(await progressionFromEvents(w.lead, filters(p1), 24));
      expect(strip(b), `${p2} beside ${p1}`).toEqual(await progressionFromEvents(w.lead, filters(p2), 24));
      expect(a.moves.reduce((n, m) => n + m.up, 0)).toBeGreaterThan(0);
      clearInsightCache();
      const [x, y] = await Promise.all([scorecard(w.lead, filters(p1)), scorecard(w.lead, filters(p2))]);
      clearInsightCache();
      expect(x.rows.length, "the scorecard's teams beside another period").toBe((await scorecard(w.lead, filters(p1))).rows.length);
      expect(y.rows.length).toBeGreaterThan(0);
    }
    // And the day's run, which drops every period but today's and those in use, beside a view of an earlier one.
    const p = addDays(TODAY, -30);
    clearInsightCache();
    forgetSummariesDay();
    const [viewed] = await Promise.all([progression(w.lead, filters(p), 24), bringTodaysSummariesUpToDate()]);
    expect(strip(viewed)).toEqual(await progressionFromEvents(w.lead, filters(p), 24));
  }, 60_000);

  it("count nothing of one organisation's workers for another's lead when a team is moved between them by hand", async () => {
    const w = await setup();
    await db.insert(workerPositions).values({ workerId: w.f.workers.workerA.id, effectiveFrom: addDays(TODAY, -60), stageId: w.stageIds[1]!, jobTitle: "Senior", teamId: w.f.teamA.id, reason: "Promotion" });
    const otherLead = asSession(w.f.users.otherLead);
    clearInsightCache();
    expect((await progression(w.lead, filters(TODAY), 24)).moves.reduce((n, m) => n + m.up, 0)).toBe(1);
    await progression(otherLead, filters(TODAY), 24);
    // The team goes to the other organisation; its worker, wrongly, stays in this one.
    await db.update(teams).set({ orgId: w.f.users.otherLead.orgId }).where(eq(teams.id, w.f.teamA.id));
    clearInsightCache();
    const { workedOutAt: _, ...kept } = await progression(otherLead, filters(TODAY), 24);
    expect(kept).toEqual(await progressionFromEvents(otherLead, filters(TODAY), 24));
    expect(kept.moves.reduce((n, m) => n + m.up, 0)).toBe(0);
  }, 30_000);
});
