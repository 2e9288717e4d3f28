// Headline measures against a small hand-built dataset with known answers.
import { describe, expect, it } from "vitest";
import { db, one } from "@/db/client";
import { appraisals, pdps, apprenticeships, apprenticeshipStandards } from "@/db/schema";
import { headlineMeasures } from "@/db/queries/insights";
import { twoTeams, asSession, makeWorker } from "./support/factory";

const TODAY = "2026-11-22";

describe("headline measures", () => {
  it("counts only completed appraisals in the last 12 months, agreed active PDPs and live apprenticeships", async () => {
    const f = await twoTeams();
    const { workerA, workerB, lineManagedOnly } = f.workers;
    const leaver = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, status: "left", fte: 0.5 });
    await db.insert(appraisals)
      .values([
        { workerId: workerA.id, scheduledFor: "2026-03-01", heldOn: "2026-03-01", status: "completed" },
        // Held but not signed: does not count.
        { workerId: workerB.id, scheduledFor: "2026-05-01", heldOn: "2026-05-01", status: "awaiting_sign_off" },
        // Completed, but more than 12 months ago.
        { workerId: lineManagedOnly.id, scheduledFor: "2025-11-01", heldOn: "2025-11-01", status: "completed" },
        // A leaver's appraisal: not in post, not counted.
        { workerId: leaver.id, scheduledFor: "2026-04-01", heldOn: "2026-04-01", status: "completed" },
      ]);
    const now = new Date();
    await db.insert(pdps)
      .values([
        { workerId: workerA.id, periodStart: "2026-03-01", periodEnd: "2027-03-01", status: "active", workerAgreedAt: now, managerAgreedAt: now },
        { workerId: workerB.id, periodStart: "2026-05-01", periodEnd: "2027-05-01", status: "active", workerAgreedAt: now },
      ]);
    const standard = await one(db.insert(apprenticeshipStandards).values({ reference: "ST0217", title: "Senior healthcare support worker", level: 3, typicalDurationMonths: 18 }).returning());
    await db.insert(apprenticeships)
      .values([
        { workerId: workerB.id, standardId: standard.id, provider: "College", startDate: "2026-01-05", plannedEndDate: "2027-07-05", status: "on_programme" },
        { workerId: workerA.id, standardId: standard.id, provider: "College", startDate: "2023-01-05", plannedEndDate: "2024-07-05", status: "completed" },
      ]);

    const lead = asSession(f.users.lead);
    expect(await headlineMeasures(lead, TODAY)).toEqual({ inPost: 3, fte: 3, appraisedInYear: 1, withAgreedPdp: 1, onApprenticeship: 1 });

    // A manager's figures cover only the workers they may see.
    expect(await headlineMeasures(asSession(f.users.managerB), TODAY)).toMatchObject({ inPost: 2, appraisedInYear: 0, onApprenticeship: 1 });
  });
});
