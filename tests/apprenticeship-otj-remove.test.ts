// Who may take an off-the-job entry away, as the apprenticeship page's rows say it (canRemove) and as deleteOtjLog
// decides it: the worker's managers and admins any entry, the worker only an entry they logged, a lead none, and
// nobody once the apprenticeship has ended.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { apprenticeshipStandards } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import * as page from "@/db/queries/apprenticeships";
import * as changes from "@/db/queries/apprenticeship-changes";
import * as pipeline from "@/db/queries/apprenticeship-pipeline";

/** The apprenticeship queries, read model, changes and pipeline, as one namespace for these tests. */
const q = { ...page, ...changes, ...pipeline };
import { asSession, twoTeams } from "./support/factory";

const TODAY = "2026-11-22";

async function setup() {
  const f = await twoTeams();
  await seedReference(db);
  const hsw = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
  const s = {
    managerA: asSession(f.users.managerA),
    lead: asSession(f.users.lead),
    admin: asSession(f.users.admin),
    workerA: asSession(f.users.workerUserA),
  };
  const started = await q.startApprenticeship(
    s.managerA,
    f.workers.workerA.id,
    { standardId: hsw.id, optionId: null, provider: "Northbrook and District College", startDate: "2026-01-05", plannedEndDate: "2027-01-04", weeklyHours: 37.5, started: "on_programme" },
    TODAY,
  );
  if (!started.ok) throw new Error(started.message);
  const log = async (user: typeof s.managerA, activityOn: string) => {
    const r = await q.logOtj(user, f.workers.workerA.id, started.id, { activityOn, hours: 3, activityType: "Simulation", note: "" }, TODAY);
    if (!r.ok) throw new Error(r.message);
    return r.id;
  };
  return { f, s, apprenticeshipId: started.id, byWorker: await log(s.workerA, "2026-02-02"), byManager: await log(s.managerA, "2026-02-03") };
}

const removable = (page: Awaited<ReturnType<typeof q.apprenticeshipPage>>) =>
  Object.fromEntries([...(page?.current?.logs ?? []), ...(page?.past ?? []).flatMap((a) => a.logs)].map((l) => [l.id, l.canRemove]));

describe("taking an off-the-job entry away", () => {
  it("is offered to the manager and an admin for every entry, to the worker for their own only, to a lead for none", async () => {
    const { f, s, byWorker, byManager } = await setup();
    expect(removable(await q.apprenticeshipPage(s.managerA, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: true, [byManager]: true });
    expect(removable(await q.apprenticeshipPage(s.admin, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: true, [byManager]: true });
    expect(removable(await q.apprenticeshipPage(s.workerA, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: true, [byManager]: false });
    expect(removable(await q.apprenticeshipPage(s.lead, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: false, [byManager]: false });
  });

  it("offers exactly what deleteOtjLog allows", async () => {
    const { f, s, byWorker, byManager } = await setup();
    expect(await q.deleteOtjLog(s.workerA, f.workers.workerA.id, byManager)).toMatchObject({ ok: false });
    expect(await q.deleteOtjLog(s.workerA, f.workers.workerA.id, byWorker)).toMatchObject({ ok: true });
    expect(await q.deleteOtjLog(s.managerA, f.workers.workerA.id, byManager)).toMatchObject({ ok: true });
  });

  it("is offered to nobody once the apprenticeship is withdrawn", async () => {
    const { f, s, apprenticeshipId, byWorker, byManager } = await setup();
    const r = await q.changeApprenticeshipStatus(s.managerA, f.workers.workerA.id, apprenticeshipId, { to: "withdrawn", effectiveOn: "2026-11-01", reason: "Changed course", newPlannedEndDate: null }, TODAY);
    expect(r).toMatchObject({ ok: true });
    expect(removable(await q.apprenticeshipPage(s.managerA, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: false, [byManager]: false });
    expect(await q.deleteOtjLog(s.managerA, f.workers.workerA.id, byManager)).toMatchObject({ ok: false });
  });
});
