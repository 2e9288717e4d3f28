// Random writes for the summaries' tests (tests/equity-facts.test.ts, tests/progression-facts.test.ts): a seeded
// generator's steps, each a write straight to the tables as the seed, an import or a fix by hand would make it, and
// the run that makes every kind once and then some at random, checking the summaries after each.
import { asc, eq, sql } from "drizzle-orm";
import { db, one } from "@/db/client";
import { appraisals, apprenticeships, competencyAssessments, trainingRequests, workerPositions } from "@/db/schema";
import { addDays } from "@/lib/rules/dates";
import { APPRENTICESHIP_STATUSES } from "@/lib/vocabulary";

/** A write; it says what it did, or null when there was nothing to do. */
export type Step = { name: string; run: () => Promise<string | null> };

/** Draws from a seeded generator (db/seed/random.ts mulberry32). */
export function draws(random: () => number, firstDay: string, days: number) {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const day = () => addDays(firstDay, int(0, days));
  return { int, pick, day };
}

/**
 * Every kind of write once, in turn, then `atRandom` more chosen at random, with `check` after each (given the run so
 * far, to name a failure by). Returns how many checks saw kept summaries out of date, and the sum of what they counted.
 */
export async function writeAndCheck(
  steps: Step[],
  random: () => number,
  atRandom: number,
  check: (trail: string) => Promise<{ stale: number; counted: number }>,
  log = false,
): Promise<{ staleSeen: number; counted: number }> {
  const trail: string[] = [];
  let { counted } = await check("before any write");
  let staleSeen = 0;
  for (let i = 0; i < steps.length + atRandom; i++) {
    const step = i < steps.length ? steps[i]! : steps[Math.floor(random() * steps.length)]!;
    const did = await step.run();
    trail.push(`${i}: ${step.name}: ${did ?? "nothing to do"}`);
    if (log) console.log(trail.at(-1));
    const seen = await check(trail.join("\n"));
    staleSeen += seen.stale > 0 ? 1 : 0;
    counted += seen.counted;
  }
  return { staleSeen, counted };
}

type Draws = ReturnType<typeof draws>;

/**
 * Positions made, changed (date, stage, or moved to another worker) and deleted; a change or deletion mostly picks one
 * that starts on or after `counts` (one the figures read), else any.
 */
export function positionSteps(d: Draws, random: () => number, o: { anyWorker: () => Promise<string>; stageIds: string[]; teamId: string; counts: string }): Step[] {
  const positionThatCounts = async () => {
    const rows = await db.select({ id: workerPositions.id, workerId: workerPositions.workerId }).from(workerPositions)
      .where(random() < 0.8 ? sql`${workerPositions.effectiveFrom} >= ${o.counts}` : sql`true`).orderBy(asc(workerPositions.id));
    return rows.length ? d.pick(rows) : undefined;
  };
  return [
    { name: "position made", run: async () => {
      const workerId = await o.anyWorker();
      const from = d.day();
      await db.insert(workerPositions).values({ workerId, effectiveFrom: from, stageId: d.pick(o.stageIds), jobTitle: "New post", teamId: o.teamId, reason: "Promotion" });
      return `position for ${workerId} from ${from}`;
    } },
    { name: "position changed or moved", run: async () => {
      const r = await positionThatCounts();
      if (!r) return null;
      const what = d.pick(["date", "stage", "move"] as const);
      if (what === "move") await db.update(workerPositions).set({ workerId: await o.anyWorker() }).where(eq(workerPositions.id, r.id));
      else await db.update(workerPositions).set(what === "date" ? { effectiveFrom: d.day() } : { stageId: d.pick(o.stageIds) }).where(eq(workerPositions.id, r.id));
      return `position ${r.id} of ${r.workerId}: ${what}`;
    } },
    { name: "position deleted", run: async () => {
      const r = await positionThatCounts();
      if (!r) return null;
      await db.delete(workerPositions).where(eq(workerPositions.id, r.id));
      return `position ${r.id} of ${r.workerId} deleted`;
    } },
  ];
}

/** Apprenticeships made and changed (status, start with its planned end, actual end). */
export function apprenticeshipSteps(d: Draws, random: () => number, o: { anyWorker: () => Promise<string>; standardId: string; rowOf: () => Promise<{ id: string } | undefined> }): Step[] {
  return [
    { name: "apprenticeship made", run: async () => {
      const start = d.day();
      const status = d.pick(APPRENTICESHIP_STATUSES);
      const ended = status === "completed" || status === "withdrawn" ? addDays(start, d.int(30, 500)) : null;
      const r = await one(db.insert(apprenticeships).values({ workerId: await o.anyWorker(), standardId: o.standardId, provider: "College", startDate: start, plannedEndDate: addDays(start, 540), actualEndDate: ended, status }).returning());
      return `apprenticeship ${r.id} ${status} ${start}..${ended ?? ""}`;
    } },
    { name: "apprenticeship changed", run: async () => {
      const r = await o.rowOf();
      if (!r) return null;
      const start = d.day();
      // A new start moves the planned end with it (it must come after the start).
      const set = d.pick([{ status: d.pick(APPRENTICESHIP_STATUSES) }, { startDate: start, plannedEndDate: addDays(start, 540) }, { actualEndDate: random() < 0.3 ? null : d.day() }]);
      await db.update(apprenticeships).set(set).where(eq(apprenticeships.id, r.id));
      return `apprenticeship ${r.id} ${JSON.stringify(set)}`;
    } },
  ];
}


/** The tables of a worker's records the steps move and delete. */
export type WorkersRecords = typeof appraisals | typeof trainingRequests | typeof apprenticeships | typeof competencyAssessments | typeof workerPositions;

/**
 * A record of one of `tables` moved to another worker, or deleted. A move the database refuses (a second sign-off of a
 * statement for one worker) does nothing.
 */
export function moveOrDeleteStep(d: Draws, random: () => number, tables: readonly WorkersRecords[], o: { anyWorker: () => Promise<string>; rowOf: (t: WorkersRecords) => Promise<{ id: string; workerId: string } | undefined> }): Step {
  return { name: "a record moved to another worker, or deleted", run: async () => {
    const t = d.pick(tables);
    const r = await o.rowOf(t);
    if (!r) return null;
    if (random() < 0.5) {
      await db.delete(t).where(eq(t.id, r.id));
      return `deleted ${r.id}`;
    }
    const to = await o.anyWorker();
    const moved = await db.update(t).set({ workerId: to }).where(eq(t.id, r.id)).returning().catch(() => null);
    return moved ? `moved ${r.id} from ${r.workerId} to ${to}` : null;
  } };
}
