// Small, explicit fixtures for unit tests: an organisation with two teams, their managers and workers.
import { db, first, one } from "@/db/client";
import { and, eq, isNull } from "drizzle-orm";
import { organisations, professions, stages, bands, teams, teamManagers, users, workers, workerPositions, competencyStatements, trainingSubjects } from "@/db/schema";
import { publishedFrameworkVersion } from "@/db/queries/competencies";
import type { SessionUser } from "@/lib/session-user";
import type { Role } from "@/lib/vocabulary";
import type { Signature } from "@/lib/rules/signature";

let counter = 0;

export async function makeOrg(name = "Test Trust") {
  return await one(db.insert(organisations).values({ name }).returning());
}

export async function makeReference() {
  const n = ++counter;
  const profession = await one(db.insert(professions).values({ code: `physio-${n}`, name: "Physiotherapy", kind: "ahp" }).returning());
  const stage = await one(db
    .insert(stages)
    .values({ code: `support_worker-${n}`, name: "Support worker", rank: 1, educationLevel: 2, frameworkStage: "entry" })
    .returning());
  const band = await one(db.insert(bands).values({ code: `3-${n}`, name: "Band 3" }).returning());
  return { profession, stage, band };
}

export async function makeUser(orgId: string, role: Role, name = `${role} ${++counter}`) {
  return await one(db
    .insert(users)
    .values({ orgId, role, name, email: `${role}.${++counter}@test.nhs.uk`, passwordHash: null })
    .returning());
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

export async function makeTeam(orgId: string, name: string, managerIds: string[] = []) {
  const team = await one(db.insert(teams).values({ orgId, name }).returning());
  for (const userId of managerIds) await db.insert(teamManagers).values({ teamId: team.id, userId });
  return team;
}

type Ref = Awaited<ReturnType<typeof makeReference>>;

export async function makeWorker(
  orgId: string,
  ref: Ref,
  opts: { teamId: string; lineManagerId?: string | null; userId?: string | null; contractStart?: string; status?: "in_post" | "left"; fte?: number },
) {
  const n = ++counter;
  const worker = await one(db
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
    .returning());
  await db.insert(workerPositions)
    .values({
      workerId: worker.id,
      effectiveFrom: worker.contractStart,
      stageId: ref.stage.id,
      bandId: ref.band.id,
      jobTitle: worker.jobTitle,
      teamId: opts.teamId,
      reason: "Started",
    });
  return worker;
}

/**
 * Two teams: A (managed by managerA) and B (managed by managerB).
 * - workerA: in team A, has a login (workerUserA);
 * - workerB: in team B, has a login (workerUserB);
 * - lineManagedOnly: in team B but line-managed by managerA;
 * - otherOrgWorker: in another organisation.
 */
export async function twoTeams() {
  const org = await makeOrg();
  const ref = await makeReference();
  const managerA = await makeUser(org.id, "manager", "Manager A");
  const managerB = await makeUser(org.id, "manager", "Manager B");
  const lead = await makeUser(org.id, "lead");
  const admin = await makeUser(org.id, "admin");
  const workerUserA = await makeUser(org.id, "support_worker");
  const workerUserB = await makeUser(org.id, "support_worker");
  const teamA = await makeTeam(org.id, "Team A", [managerA.id]);
  const teamB = await makeTeam(org.id, "Team B", [managerB.id]);
  const workerA = await makeWorker(org.id, ref, { teamId: teamA.id, lineManagerId: managerA.id, userId: workerUserA.id });
  const workerB = await makeWorker(org.id, ref, { teamId: teamB.id, lineManagerId: managerB.id, userId: workerUserB.id });
  const lineManagedOnly = await makeWorker(org.id, ref, { teamId: teamB.id, lineManagerId: managerA.id });

  const otherOrg = await makeOrg("Other Trust");
  const otherLead = await makeUser(otherOrg.id, "lead");
  const otherTeam = await makeTeam(otherOrg.id, "Other team");
  const otherOrgWorker = await makeWorker(otherOrg.id, ref, { teamId: otherTeam.id });

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
export async function publishedStatement(lineageKey: string) {
  const version = (await publishedFrameworkVersion())!;
  return (await first(db
    .select()
    .from(competencyStatements)
    .where(and(eq(competencyStatements.versionId, version.id), eq(competencyStatements.lineageKey, lineageKey)))))!;
}

/**
 * Retires the shipped mandatory training subjects, for a test of other reminders that lists a whole inbox: otherwise
 * every worker there is reminded of each subject never done (tests/mandatory-training.test.ts tests those).
 */
export async function withoutMandatoryTraining() {
  await db.update(trainingSubjects).set({ retiredAt: new Date() }).where(isNull(trainingSubjects.retiredAt));
}
