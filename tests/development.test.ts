// Where each worker stands (the team page and "My development"): PDP state, reviews, appraisal, conversations,
// and the same access rule as every other read.
import { describe, expect, it } from "vitest";
import { db, one } from "@/db/client";
import { pdps, pdpGoals, pdpActions, pdpReviews, pdpNotes, appraisals, careerConversations, careerSteps, delegatedTasks } from "@/db/schema";
import {
  developmentSummaries,
  currentPdp,
  activeGoals,
  actionsDueSoon,
  conversationHistory,
  appraisalHistory,
} from "@/db/queries/development";
import { teamHome } from "@/db/queries/homes";
import { twoTeams, asSession } from "./support/factory";

const TODAY = "2026-11-29";

async function planFor(workerId: string, opts: { status?: "draft" | "active" | "closed"; agreed?: boolean; nextReviewOn?: string } = {}) {
  const agreedAt = opts.agreed ? new Date("2026-05-02T10:00:00Z") : null;
  return await one(db
    .insert(pdps)
    .values({
      workerId,
      periodStart: "2026-05-01",
      periodEnd: "2027-05-01",
      status: opts.status ?? "active",
      workerAgreedAt: agreedAt,
      managerAgreedAt: agreedAt,
      nextReviewOn: opts.nextReviewOn ?? "2027-01-15",
    })
    .returning());
}

async function goalIn(pdpId: string, title: string, status: "not_started" | "in_progress" | "achieved" = "in_progress") {
  return await one(db.insert(pdpGoals).values({ pdpId, title, status, proposedBy: "manager", agreedAt: new Date() }).returning());
}

describe("developmentSummaries", () => {
  it("reads the current PDP whether draft or active, ignores closed ones, and says what needs doing", async () => {
    const f = await twoTeams();
    const managerA = asSession(f.users.managerA);
    await planFor(f.workers.workerA.id, { status: "closed", agreed: true });
    const draft = await planFor(f.workers.workerA.id, { status: "draft", nextReviewOn: "2026-11-01" });
    await db.insert(pdpReviews).values({ pdpId: draft.id, reviewedOn: "2026-08-01", summary: "On track" });

    const row = (await developmentSummaries(managerA, TODAY, { workerIds: [f.workers.workerA.id] }))[0]!;
    expect(row.currentPdpId).toBe(draft.id);
    expect(row.pdp).toBe("draft");
    expect(row.pdpLastReviewOn).toBe("2026-08-01");
    // Started 2022, never appraised: overdue; no agreed PDP; review overdue; no conversation ever.
    expect(row.appraisalState).toBe("overdue");
    const waiting = (await teamHome(managerA, TODAY)).rows.find((r) => r.workerId === f.workers.workerA.id)!.waiting;
    expect(waiting.map((r) => r.title)).toEqual(["Book the appraisal", "PDP review", "Add goals to the PDP", "Have a first career conversation"]);
  });

  it("counts only a completed appraisal as done and shows an open one's status", async () => {
    const f = await twoTeams();
    const managerA = asSession(f.users.managerA);
    const w = f.workers.workerA.id;
    await db.insert(appraisals).values({ workerId: w, scheduledFor: "2026-06-01", heldOn: "2026-06-01", status: "awaiting_sign_off" });
    let row = (await developmentSummaries(managerA, TODAY, { workerIds: [w] }))[0]!;
    expect(row.lastAppraisalOn).toBeNull();
    expect(row.openAppraisalStatus).toBe("awaiting_sign_off");
    // It is the worker's to sign now: nothing about the appraisal waits for the manager, and it is not "overdue" for them.
    expect((await teamHome(managerA, TODAY)).rows.find((r) => r.workerId === w)!.waiting.filter((r) => r.kind.startsWith("appraisal"))).toEqual([]);

    await db.insert(appraisals).values({ workerId: w, scheduledFor: "2026-03-01", heldOn: "2026-03-02", status: "completed", completedAt: new Date() });
    row = (await developmentSummaries(managerA, TODAY, { workerIds: [w] }))[0]!;
    expect(row.lastAppraisalOn).toBe("2026-03-02");
    expect(row.appraisalState).toBe("done");
    expect(row.appraisalDueOn).toBe("2027-03-02");
  });

  it("counts delegated tasks in force whose review date has passed", async () => {
    const f = await twoTeams();
    const w = f.workers.workerA.id;
    const task = { workerId: w, delegatedByName: "Sam Okoro", supervisionLevel: "indirect" as const, competentSince: "2025-01-10" };
    await db.insert(delegatedTasks)
      .values([
        { ...task, task: "Past review", reviewOn: "2026-11-28" },
        { ...task, task: "Due today", reviewOn: TODAY },
        { ...task, task: "Ended", reviewOn: "2026-01-01", endedOn: "2026-02-01" },
      ]);
    const row = (await developmentSummaries(asSession(f.users.managerA), TODAY, { workerIds: [w] }))[0]!;
    expect(row.delegationsPastReview).toBe(1);
    expect((await teamHome(asSession(f.users.managerA), TODAY)).rows.find((r) => r.workerId === w)!.waiting.filter((r) => r.kind === "delegation_past_review").map((r) => r.title)).toEqual([
      "Delegated task review: Past review",
    ]);
  });

  it("is empty for a manager of another team", async () => {
    const f = await twoTeams();
    await planFor(f.workers.workerA.id, { agreed: true });
    expect(await developmentSummaries(asSession(f.users.managerB), TODAY, { workerIds: [f.workers.workerA.id] })).toEqual([]);
  });
});

describe("the worker's own development", () => {
  async function world() {
    const f = await twoTeams();
    const w = f.workers.workerA.id;
    const plan = await planFor(w, { agreed: true });
    const goal = await goalIn(plan.id, "Lead a falls-prevention group");
    const done = await goalIn(plan.id, "Finish manual handling refresher", "achieved");
    await db.insert(pdpActions)
      .values([
        { goalId: goal.id, description: "Shadow the physio-led group", owner: "worker", dueOn: "2026-12-05" },
        { goalId: goal.id, description: "Book the room", owner: "manager", dueOn: "2026-11-20" },
        { goalId: goal.id, description: "Run the group alone", owner: "worker", dueOn: "2027-02-01" },
        { goalId: goal.id, description: "Read the falls guidance", owner: "worker", dueOn: "2026-10-01", doneOn: "2026-09-30" },
        { goalId: done.id, description: "Attend the refresher", owner: "worker", dueOn: "2026-11-30" },
      ]);
    await db.insert(pdpNotes).values({ goalId: goal.id, kind: "reflection", body: "Went well", createdAt: new Date("2026-11-10T12:00:00Z") });
    const talk = await one(db
      .insert(careerConversations)
      .values({ workerId: w, heldOn: "2026-09-01", aspiration: "assistant_practitioner", apprenticeshipInterest: "yes", nextConversationOn: "2027-03-01" })
      .returning());
    await db.insert(careerSteps).values([
      { conversationId: talk.id, description: "Talk to the apprenticeship lead", dueOn: "2026-10-01", doneOn: "2026-09-20" },
      { conversationId: talk.id, description: "Check maths level 2", dueOn: "2026-12-01" },
    ]);
    await db.insert(appraisals).values({ workerId: w, scheduledFor: "2026-12-10", status: "scheduled" });
    return { f, w, plan, goal };
  }

  it("shows the worker their PDP, goals with progress, actions due soon, conversations and appraisals", async () => {
    const { f, w, plan, goal } = await world();
    const me = asSession(f.users.workerUserA);
    expect((await currentPdp(me, w))?.id).toBe(plan.id);
    const goals = await activeGoals(me, w);
    expect(goals.map((g) => g.title)).toEqual(["Lead a falls-prevention group", "Finish manual handling refresher"]);
    const g = goals.find((x) => x.id === goal.id)!;
    expect([g.openActions, g.doneActions, g.nextActionDue, g.pending]).toEqual([3, 1, "2026-11-20", false]);
    expect(g.lastNoteAt).toBe(new Date("2026-11-10T12:00:00Z").getTime());
    // Overdue and due within 14 days, open goals only, soonest first; not the one a month away, not the achieved goal's.
    expect((await actionsDueSoon(me, w, TODAY)).map((a) => a.description)).toEqual(["Book the room", "Shadow the physio-led group"]);
    expect((await conversationHistory(me, w)).map((c) => [c.heldOn, c.openSteps])).toEqual([["2026-09-01", 1]]);
    expect((await appraisalHistory(me, w)).map((a) => a.status)).toEqual(["scheduled"]);
  });

  it("shows nothing of it to another support worker or another team's manager", async () => {
    const { f, w } = await world();
    for (const other of [asSession(f.users.workerUserB), asSession(f.users.managerB)]) {
      expect(await currentPdp(other, w)).toBeUndefined();
      expect(await activeGoals(other, w)).toEqual([]);
      expect(await actionsDueSoon(other, w, TODAY)).toEqual([]);
      expect(await conversationHistory(other, w)).toEqual([]);
      expect(await appraisalHistory(other, w)).toEqual([]);
    }
  });

  it("lets the worker's manager and a lead read it", async () => {
    const { f, w, plan } = await world();
    for (const reader of [asSession(f.users.managerA), asSession(f.users.lead)]) {
      expect((await currentPdp(reader, w))?.id).toBe(plan.id);
      expect(await activeGoals(reader, w)).toHaveLength(2);
    }
  });
});
