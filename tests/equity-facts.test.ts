// The equity figures' summaries (decision record 0030): each worker's part in a reporting period and in the periods it
// is checked against (worker_equity_facts), kept between views and labelled with the versions that triggers raise on
// every write they come from, against the same worked out afresh from the source tables. Random writes from a seeded
// generator, straight to the tables as the seed, an import or a fix by hand would make them: appraisals, training
// requests, apprenticeships and positions made, changed, moved to another worker and deleted; workers starting,
// leaving, coming back, joining and going; a stage's rank; equality answers. After every step the figures are read as
// the app keeps them (a lead's for two periods, a manager's), then every fact is forgotten and the same is read again:
// the figures, and every kept row the fresh reading worked out, must be the same, and the lead's figures must be
// those the rules' own functions give from the facts. A seed that fails names its step
// and the run so far. That it would find a missing trigger: DROP_TRIGGER=worker_positions_facts_insert (SQLite) or
// DROP_TRIGGER="worker_positions_facts on worker_positions" (PostgreSQL) drops one before the writes, and it fails.
import { describe, expect, it } from "vitest";
import { asc, eq, ne, sql } from "drizzle-orm";
import { db, execute, first, one } from "@/db/client";
import { apprenticeshipStandards, apprenticeships, appraisals, equalityMonitoring, factVersions, stages, trainingRequests, workerEquityFacts, workerPositions, workers } from "@/db/schema";
import { mulberry32 } from "@/db/seed/random";
import { clearInsightCache } from "@/db/insights-cache";
import { bringEquityFactsUpToDate, CHARACTERISTICS, EQUITY_MEASURES, equityFigures, forgetEquityFacts, type Characteristic } from "@/db/queries/equality";
import { changeIsSafe, equityPeriod, MINIMUM_SCOPE, peopleChanged, PERIODS_COMPARED, type EquityPeriod } from "@/lib/rules/equity";
import { APPRAISAL_STATUSES, ETHNIC_GROUPS, TRAINING_REQUEST_STATUSES } from "@/lib/vocabulary";
import { asSession, makeWorker, twoTeams } from "./support/factory";
import { apprenticeshipSteps, draws, moveOrDeleteStep, positionSteps, writeAndCheck, type Step, type WorkersRecords } from "./support/random-writes";

const SEEDS = process.env.EQUITY_FACTS_SEEDS ? process.env.EQUITY_FACTS_SEEDS.split(",").map(Number) : [20261207, 11, 303];
const STEPS = Number(process.env.EQUITY_FACTS_STEPS ?? 40);
/** The periods read: the newest checks against the four quarters before it, back to September 2025's. */
const PERIODS = [equityPeriod("2026-09-30"), equityPeriod("2026-06-30")];
/** Days from a little before the oldest period read starts (1 October 2024) to after the newest ends. */
const FIRST_DAY = "2024-08-01";
const DAYS = 880;
/** A declined request needs its reason; it counts for nothing here. */
const TRAINING = TRAINING_REQUEST_STATUSES.filter((s) => s !== "declined");

async function setup() {
  if (process.env.DROP_TRIGGER) await execute(sql.raw(`drop trigger ${process.env.DROP_TRIGGER}`));
  const f = await twoTeams();
  const senior = await one(db.insert(stages).values({ code: "senior-eq", name: "Senior", rank: 2, educationLevel: 3, frameworkStage: "intermediate" }).returning());
  const ap = await one(db.insert(stages).values({ code: "ap-eq", name: "Assistant practitioner", rank: 3, educationLevel: 5, frameworkStage: "assistant_practitioner" }).returning());
  const standard = await one(db.insert(apprenticeshipStandards).values({ reference: "ST9990", title: "Test standard", level: 3, typicalDurationMonths: 18 }).returning());
  // Enough in team A that the manager's figures can be published.
  for (let i = 0; i < MINIMUM_SCOPE + 6; i++) {
    const w = await makeWorker(f.org.id, f.ref, { teamId: i % 5 === 4 ? f.teamB.id : f.teamA.id, lineManagerId: f.users.managerA.id, contractStart: "2022-04-01" });
    if (i % 6 !== 5) await db.insert(equalityMonitoring).values({ workerId: w.id, ethnicGroup: ETHNIC_GROUPS[i % 3]!, disability: i % 4 ? "no" : "yes", sex: "female", ageBand: "35_44" });
  }
  return { f, stageIds: [f.ref.stage.id, senior.id, ap.id], standardId: standard.id, lead: asSession(f.users.lead), manager: asSession(f.users.managerA) };
}
type World = Awaited<ReturnType<typeof setup>>;

async function reads(w: World) {
  const strip = (x: object | undefined) => {
    if (!x) return x;
    const { workedOutAt: _, ...rest } = x as { workedOutAt?: unknown };
    return rest;
  };
  return {
    lead: strip(await equityFigures(w.lead, PERIODS[0]!)),
    "lead, the quarter before": strip(await equityFigures(w.lead, PERIODS[1]!)),
    manager: strip(await equityFigures(w.manager, PERIODS[0]!)),
  };
}

const factRows = async () => await db
  .select({ periodEnd: workerEquityFacts.periodEnd, workerId: workerEquityFacts.workerId, figures: workerEquityFacts.figures })
  .from(workerEquityFacts)
  .orderBy(asc(workerEquityFacts.periodEnd), asc(workerEquityFacts.workerId));

/** How many kept facts the last write left with a label that is no longer current. */
async function staleLabels(): Promise<number> {
  const versions = new Map((await db.select().from(factVersions)).map((v) => [v.subject, v.version]));
  const shared = versions.get("shared") ?? 0;
  const facts = await db.select({ id: workerEquityFacts.workerId, v: workerEquityFacts.workerVersion, s: workerEquityFacts.sharedVersion }).from(workerEquityFacts);
  return facts.filter((x) => x.v !== (versions.get(x.id) ?? 0) || x.s !== shared).length;
}

/**
 * The lead's figures worked out here from the facts of the organisation's workers and their answers, with the rules'
 * own functions (peopleChanged, changeIsSafe): what the data layer's grouped query must give.
 */
async function byTheRules(w: World, period: EquityPeriod, rows: Awaited<ReturnType<typeof factRows>>) {
  const ours = new Set((await db.select({ id: workers.id }).from(workers).where(eq(workers.orgId, w.f.org.id))).map((r) => r.id));
  const facts = rows.filter((r) => r.periodEnd === period.end && ours.has(r.workerId)).map((r) => ({ id: r.workerId, parts: r.figures.split(",") }));
  const partIn = (k: number) => new Map(facts.filter((r) => r.parts[k] !== "----").map((r) => [r.id, r.parts[k]!]));
  const mine = partIn(0);
  if (mine.size < MINIMUM_SCOPE) return { status: "too_small", period };
  for (let k = 1; k <= PERIODS_COMPARED; k++) if (!changeIsSafe(peopleChanged(mine, partIn(k)))) return { status: "withheld", period };
  const answers = new Map((await db.select().from(equalityMonitoring)).map((a) => [a.workerId, a]));
  const metBy = (ids: string[]) => Object.fromEntries(EQUITY_MEASURES.map((m, i) => [m, ids.filter((id) => mine.get(id)![i] === "1").length]));
  const by = Object.fromEntries(
    (Object.keys(CHARACTERISTICS) as Characteristic[]).map((c) => [
      c,
      [...CHARACTERISTICS[c], "not_declared"].map((key) => {
        const ids = [...mine.keys()].filter((id) => (answers.get(id)?.[c] ?? "not_declared") === key);
        return { key, headcount: ids.length, met: metBy(ids) };
      }),
    ]),
  );
  return { status: "published", period, overall: { headcount: mine.size, met: metBy([...mine.keys()]) }, by };
}

/** The kept figures and rows against those worked out afresh, then the kept rows put back, labels and all. */
async function compare(w: World, where: string) {
  clearInsightCache();
  const stale = await staleLabels();
  const kept = await reads(w);
  const keptRows = await factRows();
  const snapshot = await db.select().from(workerEquityFacts);
  await forgetEquityFacts();
  clearInsightCache();
  const fresh = await reads(w);
  const freshRows = await factRows();
  await forgetEquityFacts();
  if (snapshot.length) await db.insert(workerEquityFacts).values(snapshot);
  expect(kept, `${where}: the figures`).toEqual(fresh);
  // The figures from the facts, as the rules count them (lib/rules/equity.ts), for the lead's two periods.
  expect(fresh.lead, `${where}: the lead's figures by the rules`).toEqual(await byTheRules(w, PERIODS[0]!, freshRows));
  expect(fresh["lead, the quarter before"], `${where}: the lead's earlier figures by the rules`).toEqual(await byTheRules(w, PERIODS[1]!, freshRows));
  const wanted = new Set(freshRows.map((r) => `${r.periodEnd} ${r.workerId}`));
  expect(keptRows.filter((r) => wanted.has(`${r.periodEnd} ${r.workerId}`)), `${where}: the facts`).toEqual(freshRows);
  return { stale, published: Object.values(fresh).filter((x) => (x as { status?: string } | undefined)?.status === "published").length };
}

function writes(w: World, random: () => number): Step[] {
  const d = draws(random, FIRST_DAY, DAYS);
  const { int, pick, day } = d;
  const workerIds = async () => (await db.select({ id: workers.id }).from(workers).where(eq(workers.orgId, w.f.org.id)).orderBy(asc(workers.employeeNumber))).map((r) => r.id);
  const anyWorker = async () => pick(await workerIds());
  const rowOf = async (t: WorkersRecords) => {
    const rows = await db.select({ id: t.id, workerId: t.workerId }).from(t).orderBy(asc(t.id));
    return rows.length ? pick(rows) : undefined;
  };
  return [
    { name: "appraisal made", run: async () => {
      const d = day();
      const r = await one(db.insert(appraisals).values({ workerId: await anyWorker(), scheduledFor: d, heldOn: d, status: pick(["completed", "completed", ...APPRAISAL_STATUSES]) }).returning());
      return `appraisal ${r.id} ${r.status} on ${d}`;
    } },
    { name: "appraisal changed", run: async () => {
      const r = await rowOf(appraisals);
      if (!r) return null;
      const set = random() < 0.5 ? { heldOn: day() } : { status: pick(APPRAISAL_STATUSES) };
      await db.update(appraisals).set(set).where(eq(appraisals.id, r.id));
      return `appraisal ${r.id} ${JSON.stringify(set)}`;
    } },
    { name: "training request made", run: async () => {
      const r = await one(db.insert(trainingRequests).values({ workerId: await anyWorker(), title: "Falls", status: pick(["approved", "attended", ...TRAINING]), startsOn: day() }).returning());
      return `training ${r.id} ${r.status} from ${r.startsOn}`;
    } },
    { name: "training request changed", run: async () => {
      const r = await rowOf(trainingRequests);
      if (!r) return null;
      const set = random() < 0.5 ? { startsOn: day() } : { status: pick(TRAINING) };
      await db.update(trainingRequests).set(set).where(eq(trainingRequests.id, r.id));
      return `training ${r.id} ${JSON.stringify(set)}`;
    } },
    ...apprenticeshipSteps(d, random, { anyWorker, standardId: w.standardId, rowOf: async () => await rowOf(apprenticeships) }),
    moveOrDeleteStep(d, random, [appraisals, trainingRequests, apprenticeships], { anyWorker, rowOf }),
    // Mostly a position that starts during the periods read (a move up, down or sideways that counts), else any.
    ...positionSteps(d, random, { anyWorker, stageIds: w.stageIds, teamId: w.f.teamA.id, counts: "2024-10-01" }),
    { name: "worker starts, leaves or comes back", run: async () => {
      const id = await anyWorker();
      const set = pick([{ contractStart: day() }, { status: "left" as const, contractEnd: day() }, { status: "left" as const, contractEnd: null }, { status: "in_post" as const, contractEnd: null }]);
      await db.update(workers).set(set).where(eq(workers.id, id));
      return `worker ${id} ${JSON.stringify(set)}`;
    } },
    { name: "worker joins", run: async () => {
      const made = await makeWorker(w.f.org.id, w.f.ref, { teamId: pick([w.f.teamA.id, w.f.teamB.id]), contractStart: day() });
      return `worker ${made.id} joins from ${made.contractStart}`;
    } },
    { name: "worker goes", run: async () => {
      const ids = await workerIds();
      const id = pick(ids.slice(3)); // not twoTeams' own
      for (const t of [appraisals, trainingRequests, apprenticeships, workerPositions] as const) await db.delete(t).where(eq(t.workerId, id));
      await db.delete(workers).where(eq(workers.id, id));
      return `worker ${id} deleted`;
    } },
    { name: "a stage's rank", run: async () => {
      const id = pick(w.stageIds.slice(1));
      const rank = int(0, 4);
      await db.update(stages).set({ rank }).where(eq(stages.id, id));
      return `stage ${id} rank ${rank}`;
    } },
    { name: "equality answers", run: async () => {
      const id = await anyWorker();
      const had = await first(db.select().from(equalityMonitoring).where(eq(equalityMonitoring.workerId, id)));
      if (had && random() < 0.3) {
        await db.delete(equalityMonitoring).where(eq(equalityMonitoring.workerId, id));
        return `answers of ${id} cleared`;
      }
      const ethnicGroup = pick(ETHNIC_GROUPS);
      await db.insert(equalityMonitoring).values({ workerId: id, ethnicGroup }).onConflictDoUpdate({ target: equalityMonitoring.workerId, set: { ethnicGroup } });
      return `answers of ${id}: ${ethnicGroup}`;
    } },
  ];
}

describe("the equity figures' kept facts", () => {
  for (const seed of SEEDS) {
    it(`equal ones worked out afresh from the source tables after every one of random writes (seed ${seed})`, async () => {
      const w = await setup();
      const random = mulberry32(seed);
      const steps = writes(w, random);
      // Before any write the periods are alike, so the figures are published; writes soon make them differ by a few.
      const { staleSeen, counted: published } = await writeAndCheck(steps, random, STEPS, async (trail) => {
        const seen = await compare(w, `seed ${seed}, ${trail}`);
        return { stale: seen.stale, counted: seen.published };
      }, !!process.env.EQUITY_FACTS_TRAIL);
      // The writes put kept facts out of date, and some figures were published, else nothing was tested.
      expect(staleSeen).toBeGreaterThan(steps.length / 2);
      expect(published).toBeGreaterThan(0);
      // About a second alone; a full run's other suites beside it on two cores make it several.
    }, 60_000);
  }

  it("are worked out for the newest period offered by the day's summaries, and a lead's first view then works out none", async () => {
    const w = await setup();
    expect(await bringEquityFactsUpToDate(PERIODS[0]!)).toBeGreaterThan(MINIMUM_SCOPE);
    expect(await bringEquityFactsUpToDate(PERIODS[0]!)).toBe(0);
    const before = await factRows();
    clearInsightCache();
    await equityFigures(w.lead, PERIODS[0]!);
    expect(await factRows()).toEqual(before);
    // The day's run is for every organisation: another's workers have facts too.
    const other = await db.select({ id: workers.id }).from(workers).where(ne(workers.orgId, w.f.org.id));
    expect(before.some((r) => other.some((o) => o.id === r.workerId))).toBe(true);
    // Facts of periods no longer offered go.
    expect(await bringEquityFactsUpToDate(PERIODS[1]!)).toBeGreaterThan(MINIMUM_SCOPE);
    await forgetEquityFacts("2026-07-01");
    expect(await factRows()).toEqual(before);
  }, 30_000);
});
