// What scripts/benchmark.ts needs from the database beyond the pages' own queries: opening the benchmark's database
// (a SQLite file, or a PostgreSQL database), a copy of it to import into, the demo logins as sessions, and a harmless
// write that counts as a change (for the insights cache).
import { copyFileSync, rmSync } from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { onServer } from "./bench-database";
import { openDatabase, closeDatabaseAndWait, databaseKind, databaseTarget, db, first, migrateDatabase, one } from "./client";
import { apprenticeships, cpdActivities, teams, users, workers } from "./schema";
import type { SessionUser } from "../lib/session-user";

/** Opens (and migrates) the database at `target` (a SQLite file's path, or DATABASE_URL's address), closing any other. */
export async function openBenchDatabase(target: string): Promise<void> {
  openDatabase(target);
  await migrateDatabase();
}

export async function closeBenchDatabase(): Promise<void> {
  await closeDatabaseAndWait();
}

/** How many workers the open database holds (none: it needs seeding). */
export async function benchWorkerCount(): Promise<number> {
  return (await one(db.select({ n: count() }).from(workers))).n;
}

/**
 * Opens a copy of the open benchmark database in its place, so a write-heavy measurement leaves the benchmark's data
 * as it was: a copy of the SQLite file, or on PostgreSQL a database made from it as a template. Answers how to close
 * and remove the copy (the original is not reopened).
 */
export async function openBenchCopy(): Promise<{ remove: () => Promise<void> }> {
  const target = databaseTarget();
  if (databaseKind() === "sqlite") {
    const copy = target.replace(/(\.db)?$/, "-import.db");
    copyFileSync(target, copy);
    openDatabase(copy);
    return {
      remove: async () => {
        await closeDatabaseAndWait();
        for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
      },
    };
  }
  const url = new URL(target);
  const name = decodeURIComponent(url.pathname.slice(1));
  const copyName = `${name}_import`;
  if (!/^[a-z_][a-z0-9_]*$/.test(copyName)) throw new Error(`The benchmark copies its database by name: "${name}" needs to be a plain lower-case name.`);
  // A database is copied only while nobody is connected to it.
  await closeDatabaseAndWait();
  await onServer(target, async (client) => {
    await client.query(`drop database if exists ${copyName}`);
    await client.query(`create database ${copyName} template ${name}`);
  });
  url.pathname = `/${copyName}`;
  openDatabase(url.toString());
  return {
    remove: async () => {
      await closeDatabaseAndWait();
      await onServer(target, async (client) => await client.query(`drop database if exists ${copyName}`));
    },
  };
}

/** The active user with this email, as the session the pages would get. */
export async function benchSession(email: string): Promise<SessionUser> {
  const u = await first(db.select().from(users).where(and(eq(users.email, email), eq(users.status, "active"))));
  if (!u) throw new Error(`No user ${email}`);
  return { id: u.id, orgId: u.orgId, name: u.name, email: u.email, role: u.role, sessionId: "bench", signedInWith: "password", signedInAt: new Date() };
}

/** A worker whose apprenticeship is at gateway, if any. */
export async function gatewayApprenticeId(): Promise<string | undefined> {
  return (await first(db.select({ workerId: apprenticeships.workerId }).from(apprenticeships).where(eq(apprenticeships.status, "gateway"))))?.workerId;
}

/** Writes the user's name back unchanged: a commit that changes nothing, so kept insights count as out of date. */
export async function rewriteUserName(user: SessionUser): Promise<void> {
  await db.update(users).set({ name: user.name }).where(eq(users.id, user.id));
}

/**
 * Changes one worker's record as a manager logging CPD would (one CPD entry's hours written again, the same value):
 * the summaries of that worker and their team are out of date afterwards (decision record 0028).
 */
export async function touchOneRecord(): Promise<void> {
  const row = await first(db.select({ id: cpdActivities.id, hours: cpdActivities.hours }).from(cpdActivities).limit(1));
  if (row) await db.update(cpdActivities).set({ hours: row.hours }).where(eq(cpdActivities.id, row.id));
}

/** Rewrites one live apprenticeship's hours a week with the same value: its first day at risk is worked out again. */
export async function touchOneApprenticeship(): Promise<void> {
  const row = await first(db.select({ id: apprenticeships.id, weeklyHours: apprenticeships.weeklyHours }).from(apprenticeships).where(eq(apprenticeships.status, "on_programme")).limit(1));
  if (row) await db.update(apprenticeships).set({ weeklyHours: row.weeklyHours }).where(eq(apprenticeships.id, row.id));
}

/** The names of the first `limit` teams. */
export async function firstTeamNames(limit: number): Promise<string[]> {
  return (await db.select({ name: teams.name }).from(teams).limit(limit)).map((t) => t.name);
}
