// The homes and the inbox show one list of what is waiting (decision record 0010): a support worker's "Waiting for
// you" is her inbox, and a manager's "What needs doing" column with their own record's list is their inbox, item for
// item, on a fixture with every kind of item, on the last day of a year and on a leap day.
import { describe, expect, it } from "vitest";
import { eq, isNotNull } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import {
  appraisalFeedbackRequests,
  appraisals,
  apprenticeshipStandards,
  careerConversations,
  competencyAssessments,
  delegatedTasks,
  pdpGoals,
  pdps,
  trainingRequests,
  trainingSubjects,
} from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { startApprenticeship } from "@/db/queries/apprenticeship-changes";
import { inboxCount, inboxReminders } from "@/db/queries/inbox";
import { teamHome, workerHome } from "@/db/queries/homes";
import { REMINDER_KINDS, type Reminder } from "@/lib/rules/reminders";
import { addDays, addMonths } from "@/lib/rules/dates";
import { asSession, makeUser, makeWorker, publishedStatement, twoTeams, withoutMandatoryTraining } from "./support/factory";

/**
 * Team A (manager A): worker A (with a login) whose appraisal waits for her signature, whose PDP is at version 2 with
 * a goal she proposed, a review due soon, no career conversation ever, a delegated task past review, a training
 * request, a sign-off about to expire and an apprenticeship behind; worker C whose appraisal has started and who has
 * no PDP; worker D whose appraisal is booked for next week and whose next career conversation has gone by; the
 * line-managed worker (team B), overdue with nothing booked; manager A's own record, in team A (a row of the table)
 * in one setup and in team B (not in the table) in the other.
 */
async function setup(today: string, ownRecordIn: "A" | "B") {
  await seedReference(db);
  await withoutMandatoryTraining();
  const f = await twoTeams();
  const { workerA, lineManagedOnly } = f.workers;
  const c = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, contractStart: addMonths(today, -30) });
  const d = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, contractStart: addMonths(today, -30) });
  const own = await makeWorker(f.org.id, f.ref, {
    teamId: ownRecordIn === "A" ? f.teamA.id : f.teamB.id,
    lineManagerId: f.users.managerB.id,
    userId: f.users.managerA.id,
    contractStart: addMonths(today, -13),
  });

  const held = addDays(today, -3);
  await db.insert(appraisals).values({ workerId: workerA.id, scheduledFor: held, heldOn: held, status: "awaiting_sign_off" });
  const pdp = await one(db
    .insert(pdps)
    .values({ workerId: workerA.id, periodStart: addMonths(today, -6), periodEnd: addMonths(today, 6), status: "active", version: 2, nextReviewOn: addDays(today, 9) })
    .returning());
  await db.insert(pdpGoals)
    .values([
      { pdpId: pdp.id, title: "Lead the falls class", proposedBy: "manager", agreedAt: new Date() },
      { pdpId: pdp.id, title: "Run the hydration round", proposedBy: "worker" },
    ]);
  await db.insert(delegatedTasks)
    .values({ workerId: workerA.id, task: "Gait re-education", delegatedByName: "Priya Shah", supervisionLevel: "indirect", competentSince: addMonths(today, -18), reviewOn: addDays(today, -1) });
  await db.insert(trainingRequests).values({ workerId: workerA.id, title: "Falls prevention", startsOn: addDays(today, 40) });
  const statement = await publishedStatement("entry:1.1");
  await db.insert(competencyAssessments)
    .values({ workerId: workerA.id, statementId: statement.id, status: "signed_off", signedOffOn: addMonths(today, -12), expiresOn: addDays(today, 14) });
  const hsw = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
  const started = await startApprenticeship(
    asSession(f.users.managerA),
    workerA.id,
    { standardId: hsw.id, optionId: null, provider: "Northbrook College", startDate: addMonths(today, -11), plannedEndDate: addMonths(today, 2), weeklyHours: 37.5, started: "on_programme" },
    today,
  );
  if (!started.ok) throw new Error(started.message);

  await db.insert(appraisals).values({ workerId: c.id, scheduledFor: addDays(today, -1), status: "in_progress" });
  await db.insert(careerConversations)
    .values({ workerId: c.id, heldOn: addMonths(today, -2), aspiration: "stay_and_grow", apprenticeshipInterest: "no", nextConversationOn: addMonths(today, 4) });

  await db.insert(appraisals).values({ workerId: d.id, scheduledFor: addDays(today, 7), status: "scheduled" });
  await db.insert(careerConversations)
    .values({ workerId: d.id, heldOn: addMonths(today, -7), aspiration: "stay_and_grow", apprenticeshipInterest: "no", nextConversationOn: addDays(today, -1) });
  const plan = await one(db
    .insert(pdps)
    .values({ workerId: d.id, periodStart: addMonths(today, -2), periodEnd: addMonths(today, 10), status: "active", workerAgreedAt: new Date(), managerAgreedAt: new Date() })
    .returning());
  await db.insert(pdpGoals).values({ pdpId: plan.id, title: "Shadow the dysphagia clinic", proposedBy: "manager", agreedAt: new Date() });

  return { ...f, c, d, own, lineManagedOnly, workerA };
}

const keys = (list: readonly Reminder[]) => list.map((r) => r.key);

describe.each([
  ["2026-12-31", "A"],
  ["2028-02-29", "B"],
] as const)("on %s, with the manager's own record in team %s", (today, ownRecordIn) => {
  it("covers every kind of item between the workers' and the manager's lists", async () => {
    const f = await setup(today, ownRecordIn);
    // Mandatory training back in use: worker A has never done it, so she is reminded, and her manager once for her.
    await db.update(trainingSubjects).set({ retiredAt: null }).where(isNotNull(trainingSubjects.retiredAt));
    // Two more in team A: one whose appraisal she has signed and that waits for its appraiser, and one with a login
    // whose booked appraisal waits for her preparation.
    const e = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id });
    const held = addDays(today, -2);
    await db.insert(appraisals).values({ workerId: e.id, scheduledFor: held, heldOn: held, status: "awaiting_sign_off", workerSignedAt: new Date() });
    const loginF = await makeUser(f.org.id, "support_worker");
    const g = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, userId: loginF.id });
    const gAppraisal = await one(db.insert(appraisals).values({ workerId: g.id, scheduledFor: addDays(today, 12), status: "scheduled" }).returning());
    // Her manager asked worker A for feedback for g's appraisal.
    await db.insert(appraisalFeedbackRequests).values({ appraisalId: gAppraisal.id, inviteeId: f.users.workerUserA.id, invitedBy: f.users.managerA.id });
    const lists = await Promise.all([f.users.workerUserA, loginF, f.users.managerA].map(async (u) => await inboxReminders(asSession(u), today)));
    const kinds = new Set(lists.flat().map((r) => r.kind));
    expect([...kinds].sort()).toEqual([...REMINDER_KINDS].sort());
  });

  it("gives the support worker's home exactly her inbox, in its order, and the count in the navigation", async () => {
    const f = await setup(today, ownRecordIn);
    const worker = asSession(f.users.workerUserA);
    const inbox = await inboxReminders(worker, today);
    expect(keys((await workerHome(worker, today, f.workerA.id)).waiting)).toEqual(keys(inbox));
    expect(await inboxCount(worker, today)).toBe(inbox.length);
    // What the manager sent her and the changed plan are hers to do now.
    expect(inbox.filter((r) => r.urgency === "waiting").map((r) => r.title)).toEqual(["Read and sign your appraisal", "Agree the changed PDP (version 2)"]);
  });

  it("gives the manager's home exactly their inbox: each worker's row has that worker's items, and their own record's are listed apart", async () => {
    const f = await setup(today, ownRecordIn);
    const manager = asSession(f.users.managerA);
    const inbox = await inboxReminders(manager, today);
    const home = await teamHome(manager, today);
    for (const row of home.rows) for (const r of row.waiting) expect(r.workerId).toBe(row.workerId);
    const shown = [...home.rows.flatMap((r) => r.waiting), ...home.forYou];
    expect(keys(shown).sort()).toEqual(keys(inbox).sort());
    expect(await inboxCount(manager, today)).toBe(shown.length);

    const inTable = home.rows.some((r) => r.workerId === f.own.id);
    expect(inTable).toBe(ownRecordIn === "A");
    const ownItems = inTable ? home.rows.find((r) => r.workerId === f.own.id)!.waiting : home.forYou;
    // Their own appraisal is due (13 months in post), but it is another manager's to book.
    expect(ownItems.map((r) => `${r.kind} ${r.title}`)).toEqual(["appraisal_due Appraisal"]);
    expect(home.forYou).toEqual(inTable ? [] : ownItems);
  });

  it("asks the manager for the proposed goal, and follows a booked or started appraisal rather than the annual due date", async () => {
    const f = await setup(today, ownRecordIn);
    const byWorker = new Map((await teamHome(asSession(f.users.managerA), today)).rows.map((r) => [r.workerId, r.waiting]));
    const titles = (id: string) => byWorker.get(id)!.map((r) => `${r.urgency}: ${r.title}`);
    expect(titles(f.workerA.id)).toContain("waiting: Agree the proposed goal: Run the hydration round");
    expect(titles(f.workerA.id)).toContain("waiting: Agree the changed PDP (version 2)");
    // Sent to the worker: hers to sign, nothing for the manager.
    expect(titles(f.workerA.id).filter((t) => /apprais/i.test(t))).toEqual([]);
    // 30 months in post and never appraised, so overdue by the annual rule; but it has started: the manager finishes it.
    expect(titles(f.c.id)).toEqual(["waiting: Finish the appraisal and send it to sign", "waiting: Start a PDP"]);
    expect(titles(f.d.id)).toEqual(["overdue: Career conversation", "due_soon: Appraisal meeting"]);
    expect(titles(f.lineManagedOnly.id)[0]).toBe("overdue: Book the appraisal");
  });
});
