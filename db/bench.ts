// What scripts/benchmark.ts needs from the database beyond the pages' own queries: opening a named file, the demo
// logins as sessions, and a harmless write that counts as a change (for the insights cache).
import { and, eq } from "drizzle-orm";
import { openDatabase, closeDatabase, db } from "./client";
import { apprenticeships, teams, users } from "./schema";
import type { SessionUser } from "../lib/session-user";

/** Opens (and migrates) the database at `path`, closing any other. */
export function openBenchDatabase(path: string): void {
  openDatabase(path);
}

export function closeBenchDatabase(): void {
  closeDatabase();
}

/** The active user with this email, as the session the pages would get. */
export function benchSession(email: string): SessionUser {
  const u = db.select().from(users).where(and(eq(users.email, email), eq(users.status, "active"))).get();
  if (!u) throw new Error(`No user ${email}`);
  return { id: u.id, orgId: u.orgId, name: u.name, email: u.email, role: u.role, sessionId: "bench", signedInWith: "password", signedInAt: new Date() };
}

/** A worker whose apprenticeship is at gateway, if any. */
export function gatewayApprenticeId(): string | undefined {
  return db.select({ workerId: apprenticeships.workerId }).from(apprenticeships).where(eq(apprenticeships.status, "gateway")).get()?.workerId;
}

/** Writes the user's name back unchanged: a commit that changes nothing, so kept insights count as out of date. */
export function rewriteUserName(user: SessionUser): void {
  db.update(users).set({ name: user.name }).where(eq(users.id, user.id)).run();
}

/** The names of the first `limit` teams. */
export function firstTeamNames(limit: number): string[] {
  return db.select({ name: teams.name }).from(teams).limit(limit).all().map((t) => t.name);
}
