// What scripts/benchmark.ts needs from the database beyond the pages' own queries: opening a named file, the demo
// logins as sessions, and a harmless write that counts as a change (for the insights cache).
import { and, eq } from "drizzle-orm";
import { openDatabase, closeDatabase, db, first } from "./client";
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

/** The names of the first `limit` teams. */
export async function firstTeamNames(limit: number): Promise<string[]> {
  return (await db.select({ name: teams.name }).from(teams).limit(limit)).map((t) => t.name);
}
