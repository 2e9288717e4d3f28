// The access rule for each role × own record / own team / other team / other organisation.
import { describe, expect, it } from "vitest";
import { workerProfile, ownWorkerRecord, positionHistory } from "@/db/queries/workers";
import { developmentSummaries } from "@/db/queries/development";
import { twoTeams, asSession } from "./support/factory";

const TODAY = "2026-11-22";

describe("visibleWorkers: who can open whose record", () => {
  it("a support worker sees only their own record", async () => {
    const f = await twoTeams();
    const me = asSession(f.users.workerUserA);
    expect((await workerProfile(me, f.workers.workerA.id))?.id).toBe(f.workers.workerA.id);
    expect(await workerProfile(me, f.workers.workerB.id)).toBeUndefined();
    expect(await workerProfile(me, f.workers.lineManagedOnly.id)).toBeUndefined();
    expect((await ownWorkerRecord(me))?.id).toBe(f.workers.workerA.id);
    expect((await developmentSummaries(me, TODAY)).map((r) => r.workerId)).toEqual([f.workers.workerA.id]);
  });

  it("a manager sees their team and the workers they line-manage, not another team", async () => {
    const f = await twoTeams();
    const managerA = asSession(f.users.managerA);
    expect(await workerProfile(managerA, f.workers.workerA.id)).toBeDefined();
    expect(await workerProfile(managerA, f.workers.lineManagedOnly.id)).toBeDefined();
    expect(await workerProfile(managerA, f.workers.workerB.id)).toBeUndefined();
    expect(await workerProfile(managerA, f.workers.otherOrgWorker.id)).toBeUndefined();
    expect(new Set((await developmentSummaries(managerA, TODAY)).map((r) => r.workerId))).toEqual(
      new Set([f.workers.workerA.id, f.workers.lineManagedOnly.id]),
    );

    const managerB = asSession(f.users.managerB);
    expect(await workerProfile(managerB, f.workers.workerA.id)).toBeUndefined();
    expect(await workerProfile(managerB, f.workers.workerB.id)).toBeDefined();
    // Team B's manager also sees a team-B worker whose line manager is someone else.
    expect(await workerProfile(managerB, f.workers.lineManagedOnly.id)).toBeDefined();
  });

  it("a lead and an admin see everyone in their organisation and no one outside it", async () => {
    const f = await twoTeams();
    for (const user of [asSession(f.users.lead), asSession(f.users.admin)]) {
      for (const w of [f.workers.workerA, f.workers.workerB, f.workers.lineManagedOnly]) {
        expect((await workerProfile(user, w.id))?.id).toBe(w.id);
      }
      expect(await workerProfile(user, f.workers.otherOrgWorker.id)).toBeUndefined();
    }
    expect(await workerProfile(asSession(f.users.otherLead), f.workers.workerA.id)).toBeUndefined();
  });

  it("position history follows the same rule", async () => {
    const f = await twoTeams();
    expect(await positionHistory(asSession(f.users.managerA), f.workers.workerA.id)).toHaveLength(1);
    expect(await positionHistory(asSession(f.users.managerB), f.workers.workerA.id)).toHaveLength(0);
    expect(await positionHistory(asSession(f.users.workerUserB), f.workers.workerA.id)).toHaveLength(0);
  });

  it("a manager whose team has left them no longer sees it", async () => {
    const f = await twoTeams();
    const { db } = await import("@/db/client");
    const { teamManagers, workers } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    await db.delete(teamManagers).where(eq(teamManagers.userId, f.users.managerA.id));
    await db.update(workers).set({ lineManagerId: null }).where(eq(workers.id, f.workers.workerA.id));
    expect(await workerProfile(asSession(f.users.managerA), f.workers.workerA.id)).toBeUndefined();
  });
});
