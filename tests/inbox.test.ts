// The inbox against a hand-built organisation: the right reminders for a worker and for their manager, nothing about
// another team's workers, never someone else's for a support worker, none for a leaver, and none for leads and admins.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import { appraisals, competencyAssessments, delegatedTasks, pdps, trainingRequests } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { apprenticeshipStandards } from "@/db/schema";
import { startApprenticeship } from "@/db/queries/apprenticeship-changes";
import { inboxCount, inboxReminders } from "@/db/queries/inbox";
import { asSession, makeWorker, publishedStatement, twoTeams, withoutMandatoryTraining } from "./support/factory";

const TODAY = "2026-12-01";

async function completedAppraisal(workerId: string, heldOn: string) {
  await db.insert(appraisals).values({ workerId, scheduledFor: heldOn, heldOn, status: "completed", workerSignedAt: new Date(), completedAt: new Date() });
}

async function task(workerId: string, reviewOn: string, name = "Gait re-education with a walking aid") {
  return (await one(db
    .insert(delegatedTasks)
    .values({ workerId, task: name, delegatedByName: "Priya Shah", supervisionLevel: "indirect", competentSince: "2025-06-01", reviewOn })
    .returning())).id;
}

/**
 * Team A (manager A): worker A with an overdue appraisal (none since starting in 2022), a PDP review due soon, a
 * delegated task past review, a training request, a sign-off expiring soon and an apprenticeship with no hours and
 * no review; a leaver with the same gaps. Team B (manager B): worker B up to date but for an overdue PDP review, the
 * line-managed-only worker (line manager A) with an appraisal due soon, and manager A's own worker record.
 */
async function setup() {
  await seedReference(db);
  await withoutMandatoryTraining();
  const f = await twoTeams();
  const { workerA, workerB, lineManagedOnly } = f.workers;
  const leaver = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, status: "left" });
  const managerOwn = await makeWorker(f.org.id, f.ref, { teamId: f.teamB.id, lineManagerId: f.users.managerB.id, userId: f.users.managerA.id });

  const pdpA = await one(db.insert(pdps).values({ workerId: workerA.id, periodStart: "2026-04-01", periodEnd: "2027-03-31", status: "active", nextReviewOn: "2026-12-10" }).returning());
  const taskA = await task(workerA.id, "2026-11-01");
  const requestA = await one(db.insert(trainingRequests).values({ workerId: workerA.id, title: "Falls prevention", startsOn: "2027-01-20" }).returning());
  const statement = await publishedStatement("entry:1.1");
  await db.insert(competencyAssessments)
    .values({ workerId: workerA.id, statementId: statement.id, status: "signed_off", signedOffOn: "2025-12-15", expiresOn: "2026-12-15" });
  const hsw = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
  const started = await startApprenticeship(
    asSession(f.users.managerA),
    workerA.id,
    { standardId: hsw.id, optionId: null, provider: "Northbrook College", startDate: "2026-01-05", plannedEndDate: "2027-01-04", weeklyHours: 37.5, started: "on_programme" },
    TODAY,
  );
  if (!started.ok) throw new Error(started.message);

  // The leaver has everything that would remind about them were they still in post.
  await task(leaver.id, "2026-10-01");
  await db.insert(trainingRequests).values({ workerId: leaver.id, title: "Leaver's course" });
  await db.insert(competencyAssessments)
    .values({ workerId: leaver.id, statementId: statement.id, status: "signed_off", signedOffOn: "2025-11-01", expiresOn: "2026-11-01" });

  await completedAppraisal(workerB.id, "2026-06-01");
  await db.insert(pdps).values({ workerId: workerB.id, periodStart: "2026-04-01", periodEnd: "2027-03-31", status: "active", nextReviewOn: "2026-11-01" });
  await completedAppraisal(lineManagedOnly.id, "2025-12-20");
  await completedAppraisal(managerOwn.id, "2025-11-15");
  await completedAppraisal(f.workers.otherOrgWorker.id, "2020-01-01");

  return { ...f, leaver, managerOwn, pdpA, taskA, requestA, statement, apprenticeshipId: started.id };
}

const summary = (list: Awaited<ReturnType<typeof inboxReminders>>) => list.map((r) => `${r.kind} ${r.workerId} ${r.urgency} ${r.dueOn ?? "-"}`);

describe("the inbox", () => {
  it("gives a support worker every reminder about their own record, overdue first, and none of their manager's decisions", async () => {
    const f = await setup();
    const a = f.workers.workerA.id;
    const list = await inboxReminders(asSession(f.users.workerUserA), TODAY);
    expect(summary(list)).toEqual([
      `appraisal_due ${a} overdue 2023-04-01`,
      `apprenticeship_review_due ${a} overdue 2026-03-30`,
      `delegation_past_review ${a} overdue 2026-11-01`,
      `otj_hours_behind ${a} overdue -`,
      `pdp_review_due ${a} due_soon 2026-12-10`,
      `competency_expiring ${a} due_soon 2026-12-15`,
    ]);
    expect(list.find((r) => r.kind === "competency_expiring")).toMatchObject({
      href: `/workers/${a}/competencies/${f.statement.id}`,
      key: `competency_expiring:${a}:entry:1.1:2026-12-15`,
    });
    expect(list[0]).toMatchObject({ key: `appraisal_due:${a}:2023-04-01`, href: `/workers/${a}/appraisals` });
    expect(await inboxCount(asSession(f.users.workerUserA), TODAY)).toBe(6);
  });

  it("never gives a support worker anyone else's", async () => {
    const f = await setup();
    const list = await inboxReminders(asSession(f.users.workerUserB), TODAY);
    expect(summary(list)).toEqual([`pdp_review_due ${f.workers.workerB.id} overdue 2026-11-01`]);
  });

  it("gives a manager their team's reminders, the training request to decide, and their own; never a leaver's", async () => {
    const f = await setup();
    const list = await inboxReminders(asSession(f.users.managerA), TODAY);
    const a = f.workers.workerA.id;
    expect(new Set(list.map((r) => r.workerId))).toEqual(new Set([a, f.workers.lineManagedOnly.id, f.managerOwn.id]));
    expect(list.filter((r) => r.workerId === a).map((r) => r.kind)).toEqual([
      "appraisal_due",
      "apprenticeship_review_due",
      "delegation_past_review",
      "otj_hours_behind",
      // Waiting for the manager: the PDP has no goals yet, there has never been a career conversation, a request to decide.
      "pdp_to_start",
      "conversation_due",
      "training_request_awaiting",
      "pdp_review_due",
      "competency_expiring",
    ]);
    expect(list.find((r) => r.kind === "training_request_awaiting")).toMatchObject({ dueOn: "2027-01-20", urgency: "waiting", href: `/workers/${a}/cpd` });
    // Their own record only by its dates (another manager runs it); the line-managed worker as its manager.
    expect(list.filter((r) => r.workerId !== a).map((r) => `${r.kind} ${r.workerId} ${r.urgency} ${r.dueOn}`)).toEqual([
      `appraisal_due ${f.managerOwn.id} overdue 2026-11-15`,
      `conversation_due ${f.workers.lineManagedOnly.id} waiting null`,
      `pdp_to_start ${f.workers.lineManagedOnly.id} waiting null`,
      `appraisal_due ${f.workers.lineManagedOnly.id} due_soon 2026-12-20`,
    ]);
    expect(list.some((r) => r.workerId === f.leaver.id)).toBe(false);
    expect(await inboxCount(asSession(f.users.managerA), TODAY)).toBe(list.length);
  });

  it("gives another team's manager none of team A's workers", async () => {
    const f = await setup();
    const list = await inboxReminders(asSession(f.users.managerB), TODAY);
    expect(list.some((r) => r.workerId === f.workers.workerA.id || r.workerId === f.leaver.id)).toBe(false);
    // Manager A's own record is in team B: manager B runs it, as its manager.
    const b = f.workers.workerB.id;
    const own = f.managerOwn.id;
    const lm = f.workers.lineManagedOnly.id;
    expect(summary(list)).toEqual([
      `pdp_review_due ${b} overdue 2026-11-01`,
      `appraisal_due ${own} overdue 2026-11-15`,
      `pdp_to_start ${b} waiting -`,
      `conversation_due ${b} waiting -`,
      `conversation_due ${lm} waiting -`,
      `pdp_to_start ${lm} waiting -`,
      `conversation_due ${own} waiting -`,
      `pdp_to_start ${own} waiting -`,
      `appraisal_due ${lm} due_soon 2026-12-20`,
    ]);
    expect(list.find((r) => r.workerId === own && r.kind === "appraisal_due")!.title).toBe("Book the appraisal");
  });

  it("has nothing for leads and admins (their work is the organisation-wide views), nor across organisations", async () => {
    const f = await setup();
    for (const u of [f.users.lead, f.users.admin, f.users.otherLead]) expect(await inboxReminders(asSession(u), TODAY)).toEqual([]);
  });

  it("is derived from the data as it is now: dealing with a thing takes it off", async () => {
    const f = await setup();
    const worker = asSession(f.users.workerUserA);
    await db.update(delegatedTasks).set({ reviewOn: "2027-06-01" }).where(eq(delegatedTasks.id, f.taskA));
    await completedAppraisal(f.workers.workerA.id, "2026-11-20");
    const kinds = (await inboxReminders(worker, TODAY)).map((r) => r.kind);
    expect(kinds).not.toContain("delegation_past_review");
    expect(kinds).not.toContain("appraisal_due");
  });
});
