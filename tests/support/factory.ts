// Small, explicit fixtures for unit tests: an organisation with two teams, their managers and workers.
import { db } from "@/db/client";
import { and, eq } from "drizzle-orm";
import { organisations, professions, stages, bands, teams, teamManagers, users, workers, workerPositions, competencyStatements } from "@/db/schema";
import { publishedFrameworkVersion } from "@/db/queries/competencies";
import type { SessionUser } from "@/lib/session-user";
import type { Role } from "@/lib/vocabulary";
import type { Signature } from "@/lib/rules/signature";

let counter = 0;

export function makeOrg(name = "Test Trust") {
  return db.insert(organisations).values({ name }).returning().get();
}

export function makeReference() {
  const n = ++counter;
  const profession = db.insert(professions).values({ code: `physio-${n}`, name: "Physiotherapy", kind: "ahp" }).returning().get();
  const stage = db
    .insert(stages)
    .values({ code: `support_worker-${n}`, name: "Support worker", rank: 1, educationLevel: 2, frameworkStage: "entry" })
    .returning()
    .get();
  const band = db.insert(bands).values({ code: `3-${n}`, name: "Band 3" }).returning().get();
  return { profession, stage, band };
}

export function makeUser(orgId: string, role: Role, name = `${role} ${++counter}`) {
  return db
    .insert(users)
    .values({ orgId, role, name, email: `${role}.${++counter}@test.nhs.uk`, passwordHash: null })
    .returning()
    .get();
}

/** A signature as the pipeline hands it to the data layer once the signer typed their password again. */
export const SIGNED: Signature = { reauthenticated: "password", at: new Date() };

/** The same person just signed in with their organisation account: a signature asks them for nothing more. */
export function freshSignOn(user: SessionUser): SessionUser {
  return { ...user, signedInWith: "oidc", signedInAt: new Date() };
}

export function asSession(user: { id: string; orgId: string; name: string; email: string; role: Role }): SessionUser {
  return { id: user.id, orgId: user.orgId, name: user.name, email: user.email, role: user.role, sessionId: "test-session", signedInWith: "password", signedInAt: new Date() };
}

export function makeTeam(orgId: string, name: string, managerIds: string[] = []) {
  const team = db.insert(teams).values({ orgId, name }).returning().get();
  for (const userId of managerIds) db.insert(teamManagers).values({ teamId: team.id, userId }).run();
  return team;
}

type Ref = ReturnType<typeof makeReference>;

export function makeWorker(
  orgId: string,
  ref: Ref,
  opts: { teamId: string; lineManagerId?: string | null; userId?: string | null; contractStart?: string; status?: "in_post" | "left"; fte?: number },
) {
  const n = ++counter;
  const worker = db
    .insert(workers)
    .values({
      orgId,
      employeeNumber: String(10000000 + n),
      firstName: `First${n}`,
      lastName: `Last${n}`,
      jobTitle: "Therapy Support Worker",
      professionId: ref.profession.id,
      stageId: ref.stage.id,
      bandId: ref.band.id,
      teamId: opts.teamId,
      lineManagerId: opts.lineManagerId ?? null,
      userId: opts.userId ?? null,
      fte: opts.fte ?? 1,
      contractStart: opts.contractStart ?? "2022-04-01",
      status: opts.status ?? "in_post",
    })
    .returning()
    .get();
  db.insert(workerPositions)
    .values({
      workerId: worker.id,
      effectiveFrom: worker.contractStart,
      stageId: ref.stage.id,
      bandId: ref.band.id,
      jobTitle: worker.jobTitle,
      teamId: opts.teamId,
      reason: "Started",
    })
    .run();
  return worker;
}

/**
 * Two teams: A (managed by managerA) and B (managed by managerB).
 * - workerA: in team A, has a login (workerUserA);
 * - workerB: in team B, has a login (workerUserB);
 * - lineManagedOnly: in team B but line-managed by managerA;
 * - otherOrgWorker: in another organisation.
 */
export function twoTeams() {
  const org = makeOrg();
  const ref = makeReference();
  const managerA = makeUser(org.id, "manager", "Manager A");
  const managerB = makeUser(org.id, "manager", "Manager B");
  const lead = makeUser(org.id, "lead");
  const admin = makeUser(org.id, "admin");
  const workerUserA = makeUser(org.id, "support_worker");
  const workerUserB = makeUser(org.id, "support_worker");
  const teamA = makeTeam(org.id, "Team A", [managerA.id]);
  const teamB = makeTeam(org.id, "Team B", [managerB.id]);
  const workerA = makeWorker(org.id, ref, { teamId: teamA.id, lineManagerId: managerA.id, userId: workerUserA.id });
  const workerB = makeWorker(org.id, ref, { teamId: teamB.id, lineManagerId: managerB.id, userId: workerUserB.id });
  const lineManagedOnly = makeWorker(org.id, ref, { teamId: teamB.id, lineManagerId: managerA.id });

  const otherOrg = makeOrg("Other Trust");
  const otherLead = makeUser(otherOrg.id, "lead");
  const otherTeam = makeTeam(otherOrg.id, "Other team");
  const otherOrgWorker = makeWorker(otherOrg.id, ref, { teamId: otherTeam.id });

  return {
    org,
    ref,
    teamA,
    teamB,
    users: { managerA, managerB, lead, admin, workerUserA, workerUserB, otherLead },
    workers: { workerA, workerB, lineManagedOnly, otherOrgWorker },
  };
}

/** A statement of the workers' framework's published version by its lineage key ("entry:1.1"); the reference data must be seeded. */
export function publishedStatement(lineageKey: string) {
  const version = publishedFrameworkVersion()!;
  return db
    .select()
    .from(competencyStatements)
    .where(and(eq(competencyStatements.versionId, version.id), eq(competencyStatements.lineageKey, lineageKey)))
    .get()!;
}
