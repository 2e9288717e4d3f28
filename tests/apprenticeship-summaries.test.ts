// The summaries on each apprenticeship's row (decision record 0027: off-the-job hours logged, the latest review and the
// next review it agreed), kept by triggers in the writer's transaction, against what the source rows say. Random
// writes, from a seeded generator: through the data layer (logging and removing hours, recording reviews) and straight
// to the tables, as the seed, an import or a fix by hand would (inserting, changing hours and dates, moving an entry to
// another apprenticeship, deleting). After every step, every apprenticeship's summary equals one worked out again here
// from all the rows, in JavaScript.
import { describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import { db, first } from "@/db/client";
import { apprenticeshipReviews, apprenticeshipStandards, apprenticeships, otjLogs } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { mulberry32 } from "@/db/seed/random";
import { deleteOtjLog, logOtj, recordReview, startApprenticeship } from "@/db/queries/apprenticeship-changes";
import { apprenticeshipPipeline } from "@/db/queries/apprenticeship-pipeline";
import { addDays } from "@/lib/rules/dates";
import { OTJ_ACTIVITY_TYPES } from "@/lib/vocabulary";
import { asSession, makeWorker, twoTeams } from "./support/factory";

const TODAY = "2026-12-01";
const SEEDS = [20261207, 11, 90210];
const STEPS = 60;

type Summary = { id: string; otjHoursLogged: number; lastReviewedOn: string | null; nextReviewAgreedOn: string | null };

/** Every apprenticeship's summary worked out from all the rows: the sum of its hours; its latest review, the latest entered of a day. */
async function recomputed(): Promise<Summary[]> {
  const logs = await db.select({ apprenticeshipId: otjLogs.apprenticeshipId, hours: otjLogs.hours }).from(otjLogs);
  const reviews = await db
    .select({ id: apprenticeshipReviews.id, apprenticeshipId: apprenticeshipReviews.apprenticeshipId, reviewedOn: apprenticeshipReviews.reviewedOn, nextReviewOn: apprenticeshipReviews.nextReviewOn, createdAt: apprenticeshipReviews.createdAt })
    .from(apprenticeshipReviews);
  const ids = (await db.select({ id: apprenticeships.id }).from(apprenticeships).orderBy(asc(apprenticeships.id))).map((r) => r.id);
  return ids.map((id) => {
    const latest = reviews
      .filter((r) => r.apprenticeshipId === id)
      .sort((a, b) => b.reviewedOn.localeCompare(a.reviewedOn) || b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0))[0];
    return {
      id,
      otjHoursLogged: logs.filter((l) => l.apprenticeshipId === id).reduce((n, l) => n + l.hours, 0),
      lastReviewedOn: latest?.reviewedOn ?? null,
      nextReviewAgreedOn: latest?.nextReviewOn ?? null,
    };
  });
}

async function kept(): Promise<Summary[]> {
  return await db
    .select({ id: apprenticeships.id, otjHoursLogged: apprenticeships.otjHoursLogged, lastReviewedOn: apprenticeships.lastReviewedOn, nextReviewAgreedOn: apprenticeships.nextReviewAgreedOn })
    .from(apprenticeships)
    .orderBy(asc(apprenticeships.id));
}

/** Hours are sums of decimals: equal to the hundredth, as the pages show them. */
const rounded = (list: Summary[]) => list.map((s) => ({ ...s, otjHoursLogged: Math.round(s.otjHoursLogged * 100) / 100 }));

async function setup() {
  await seedReference(db);
  const f = await twoTeams();
  const manager = asSession(f.users.managerA);
  const hsw = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
  const started: { id: string; workerId: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const worker = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id });
    const a = await startApprenticeship(
      manager,
      worker.id,
      { standardId: hsw.id, optionId: null, provider: "Northbrook College", startDate: "2026-01-05", plannedEndDate: "2027-06-04", weeklyHours: 37.5, started: "on_programme" },
      TODAY,
    );
    if (!a.ok) throw new Error(a.message);
    started.push({ id: a.id, workerId: worker.id });
  }
  return { manager, started };
}

describe("the apprenticeships' summaries", () => {
  it.each(SEEDS)("equal what the logs and reviews say after every one of random writes, by the app or straight to the tables (seed %i)", async (seed) => {
    const { manager, started } = await setup();
    const random = mulberry32(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const day = () => addDays(TODAY, -int(0, 300));
    const done = new Set<string>();
    const steps: [string, () => Promise<boolean>][] = [
      ["log hours through the app", async () => {
        const a = pick(started);
        return (await logOtj(manager, a.workerId, a.id, { activityOn: day(), hours: int(1, 24) / 2, activityType: pick(OTJ_ACTIVITY_TYPES), note: "" }, TODAY)).ok;
      }],
      ["remove hours through the app", async () => {
        const logs = await db.select({ id: otjLogs.id, apprenticeshipId: otjLogs.apprenticeshipId }).from(otjLogs);
        if (!logs.length) return false;
        const log = pick(logs);
        return (await deleteOtjLog(manager, started.find((a) => a.id === log.apprenticeshipId)!.workerId, log.id)).ok;
      }],
      ["record a review through the app", async () => {
        const a = pick(started);
        const reviewedOn = [day(), "2026-01-05"].sort().at(-1)!;
        const nextReviewOn = random() < 0.5 ? addDays(reviewedOn, int(1, 84)) : null;
        return (await recordReview(manager, a.workerId, a.id, { reviewedOn, attendees: "Apprentice and manager", progress: "On track", concerns: "", actions: "", nextReviewOn }, TODAY)).ok;
      }],
      ["insert hours straight into the table", async () => {
        await db.insert(otjLogs).values({ apprenticeshipId: pick(started).id, activityOn: day(), hours: int(1, 96) / 4, activityType: pick(OTJ_ACTIVITY_TYPES), note: "" });
        return true;
      }],
      ["change an entry's hours in the table", async () => {
        const logs = await db.select({ id: otjLogs.id }).from(otjLogs);
        if (!logs.length) return false;
        await db.update(otjLogs).set({ hours: int(1, 240) / 10 }).where(eq(otjLogs.id, pick(logs).id));
        return true;
      }],
      ["move an entry to another apprenticeship in the table", async () => {
        const logs = await db.select({ id: otjLogs.id }).from(otjLogs);
        if (!logs.length) return false;
        await db.update(otjLogs).set({ apprenticeshipId: pick(started).id }).where(eq(otjLogs.id, pick(logs).id));
        return true;
      }],
      ["delete an entry from the table", async () => {
        const logs = await db.select({ id: otjLogs.id }).from(otjLogs);
        if (!logs.length) return false;
        await db.delete(otjLogs).where(eq(otjLogs.id, pick(logs).id));
        return true;
      }],
      ["insert a review straight into the table, often on the day of that apprenticeship's latest", async () => {
        const a = pick(started);
        const latest = (await first(db.select({ on: sql<string | null>`max(${apprenticeshipReviews.reviewedOn})` }).from(apprenticeshipReviews).where(eq(apprenticeshipReviews.apprenticeshipId, a.id))))?.on;
        const reviewedOn = latest && random() < 0.6 ? latest : day();
        await db.insert(apprenticeshipReviews).values({
          apprenticeshipId: a.id,
          reviewedOn,
          attendees: "Apprentice",
          progress: "Fine",
          nextReviewOn: addDays(reviewedOn, int(1, 84)),
          // Entered before or after the others of its day: the later entered is the latest.
          createdAt: new Date(Date.now() + int(-100_000, 100_000)),
        });
        return true;
      }],
      ["change a review's date or agreed next date in the table", async () => {
        const reviews = await db.select({ id: apprenticeshipReviews.id }).from(apprenticeshipReviews);
        if (!reviews.length) return false;
        const r = pick(reviews);
        if (random() < 0.5) await db.update(apprenticeshipReviews).set({ reviewedOn: day() }).where(eq(apprenticeshipReviews.id, r.id));
        else await db.update(apprenticeshipReviews).set({ nextReviewOn: random() < 0.3 ? null : addDays(TODAY, int(1, 90)) }).where(eq(apprenticeshipReviews.id, r.id));
        return true;
      }],
      ["move a review to another apprenticeship in the table", async () => {
        const reviews = await db.select({ id: apprenticeshipReviews.id }).from(apprenticeshipReviews);
        if (!reviews.length) return false;
        await db.update(apprenticeshipReviews).set({ apprenticeshipId: pick(started).id }).where(eq(apprenticeshipReviews.id, pick(reviews).id));
        return true;
      }],
      ["delete a review from the table", async () => {
        const reviews = await db.select({ id: apprenticeshipReviews.id }).from(apprenticeshipReviews);
        if (!reviews.length) return false;
        await db.delete(apprenticeshipReviews).where(eq(apprenticeshipReviews.id, pick(reviews).id));
        return true;
      }],
    ];
    const trail: string[] = [];
    let compared = 0;
    for (let step = 1; step <= STEPS; step++) {
      const [name, run] = pick(steps);
      if (await run()) done.add(name);
      trail.push(`${step}: ${name}`);
      const truth = rounded(await recomputed());
      expect(rounded(await kept()), `seed ${seed}, after ${trail.join("; ")}`).toEqual(truth);
      compared += truth.filter((s) => s.otjHoursLogged > 0 || s.lastReviewedOn).length;
    }
    // The run must have done most kinds of write, and had summaries that were not empty to compare most of the time.
    expect(done.size).toBeGreaterThanOrEqual(9);
    expect(compared).toBeGreaterThan(STEPS);
  }, 60_000);

  it("stay right when many write to one apprenticeship at once (each on a connection of its own on PostgreSQL)", async () => {
    const { started } = await setup();
    const [a, b] = started;
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        ...Array.from({ length: 16 }, (_, i) =>
          db.insert(otjLogs).values({ apprenticeshipId: a!.id, activityOn: addDays("2026-02-01", round * 20 + i), hours: 1 + (i % 4) / 2, activityType: OTJ_ACTIVITY_TYPES[0], note: "" })),
        ...Array.from({ length: 8 }, (_, i) =>
          db.insert(apprenticeshipReviews).values({ apprenticeshipId: b!.id, reviewedOn: addDays("2026-03-01", round * 10 + i), attendees: "Apprentice", progress: "Fine", nextReviewOn: addDays("2026-06-01", i) })),
      ]);
      expect(rounded(await kept()), `round ${round}`).toEqual(rounded(await recomputed()));
    }
  });

  it("feed the pipeline: its hours and next review are the summaries'", async () => {
    const { manager, started } = await setup();
    const [a] = started;
    for (const [activityOn, hours] of [["2026-03-02", 7.5], ["2026-03-03", 7.5], ["2026-03-04", 3]] as const) {
      const logged = await logOtj(manager, a!.workerId, a!.id, { activityOn, hours, activityType: OTJ_ACTIVITY_TYPES[0], note: "" }, TODAY);
      expect(logged, JSON.stringify(logged)).toMatchObject({ ok: true });
    }
    const reviewed = await recordReview(manager, a!.workerId, a!.id, { reviewedOn: "2026-11-02", attendees: "Apprentice", progress: "Fine", concerns: "", actions: "", nextReviewOn: "2026-12-14" }, TODAY);
    expect(reviewed.ok).toBe(true);
    const row = (await apprenticeshipPipeline(manager, TODAY))!.find((r) => r.id === a!.id)!;
    expect(row.track.logged).toBe(18);
    // The date the latest review agreed, sooner than 12 weeks after it.
    expect(row.track.review).toMatchObject({ dueOn: "2026-12-14", from: "agreed" });
  });
});
