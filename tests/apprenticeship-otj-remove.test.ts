// Who may take an off-the-job entry away, as the apprenticeship page's rows say it (canRemove) and as deleteOtjLog
// decides it: the worker's managers and admins any entry, the worker only an entry they logged, a lead none, and
// nobody once the apprenticeship has ended.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apprenticeshipStandards } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import * as page from "@/db/queries/apprenticeships";
import * as changes from "@/db/queries/apprenticeship-changes";
import * as pipeline from "@/db/queries/apprenticeship-pipeline";

/** The apprenticeship queries, read model, changes and pipeline, as one namespace for these tests. */
const q = { ...page, ...changes, ...pipeline };
import { asSession, twoTeams } from "./support/factory";

const TODAY = "2026-11-22";

function setup() {
  const f = twoTeams();
  seedReference(db);
  const hsw = db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216")).get()!;
  const s = {
    managerA: asSession(f.users.managerA),
    lead: asSession(f.users.lead),
    admin: asSession(f.users.admin),
    workerA: asSession(f.users.workerUserA),
  };
  const started = q.startApprenticeship(
    s.managerA,
    f.workers.workerA.id,
    { standardId: hsw.id, optionId: null, provider: "Northbrook and District College", startDate: "2026-01-05", plannedEndDate: "2027-01-04", weeklyHours: 37.5, started: "on_programme" },
    TODAY,
  );
  if (!started.ok) throw new Error(started.message);
  const log = (user: typeof s.managerA, activityOn: string) => {
    const r = q.logOtj(user, f.workers.workerA.id, started.id, { activityOn, hours: 3, activityType: "Simulation", note: "" }, TODAY);
    if (!r.ok) throw new Error(r.message);
    return r.id;
  };
  return { f, s, apprenticeshipId: started.id, byWorker: log(s.workerA, "2026-02-02"), byManager: log(s.managerA, "2026-02-03") };
}

const removable = (page: ReturnType<typeof q.apprenticeshipPage>) =>
  Object.fromEntries([...(page?.current?.logs ?? []), ...(page?.past ?? []).flatMap((a) => a.logs)].map((l) => [l.id, l.canRemove]));

describe("taking an off-the-job entry away", () => {
  it("is offered to the manager and an admin for every entry, to the worker for their own only, to a lead for none", () => {
    const { f, s, byWorker, byManager } = setup();
    expect(removable(q.apprenticeshipPage(s.managerA, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: true, [byManager]: true });
    expect(removable(q.apprenticeshipPage(s.admin, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: true, [byManager]: true });
    expect(removable(q.apprenticeshipPage(s.workerA, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: true, [byManager]: false });
    expect(removable(q.apprenticeshipPage(s.lead, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: false, [byManager]: false });
  });

  it("offers exactly what deleteOtjLog allows", () => {
    const { f, s, byWorker, byManager } = setup();
    expect(q.deleteOtjLog(s.workerA, f.workers.workerA.id, byManager)).toMatchObject({ ok: false });
    expect(q.deleteOtjLog(s.workerA, f.workers.workerA.id, byWorker)).toMatchObject({ ok: true });
    expect(q.deleteOtjLog(s.managerA, f.workers.workerA.id, byManager)).toMatchObject({ ok: true });
  });

  it("is offered to nobody once the apprenticeship is withdrawn", () => {
    const { f, s, apprenticeshipId, byWorker, byManager } = setup();
    const r = q.changeApprenticeshipStatus(s.managerA, f.workers.workerA.id, apprenticeshipId, { to: "withdrawn", effectiveOn: "2026-11-01", reason: "Changed course", newPlannedEndDate: null }, TODAY);
    expect(r).toMatchObject({ ok: true });
    expect(removable(q.apprenticeshipPage(s.managerA, f.workers.workerA.id, TODAY))).toEqual({ [byWorker]: false, [byManager]: false });
    expect(q.deleteOtjLog(s.managerA, f.workers.workerA.id, byManager)).toMatchObject({ ok: false });
  });
});
