// Nobody decides about their own record (db/separation.ts). Manager A has a support worker's record of their own, in
// the team they manage (so the access rule alone would let them change it), line-managed by manager B; the admin has
// one too. Each decision is refused to them on their own record with a message saying who decides instead, writes
// nothing, and is not offered on the page; the same decision by manager B or the admin goes through, so the refusal
// is the rule and not a fixture that happens to fail. What anyone adds to their own record still works.
import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { db, first } from "@/db/client";
import { apprenticeshipStandards, auditEvents, competencyStatements } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import type { Refusal } from "@/db/result";
import { addEvidence, publishedFrameworkVersion, reopen, signOff, competencyStatementPage } from "@/db/queries/competencies";
import { decideRequest, learningPage, requestTraining, trainingRequestsAwaitingDecision } from "@/db/queries/cpd";
import { appraisalDetail, appraisalsPage, appraiserOptions, objectivesToPdp, saveAppraisal, scheduleAppraisal, startAppraisal } from "@/db/queries/appraisals";
import { agreePdp, closePdp, pdpPage, recordPdpReview, startPdp } from "@/db/queries/pdps";
import { agreeGoal, createGoal, setGoalStatus, updateGoal } from "@/db/queries/pdp-goals";
import { delegateTask, endTask, recordSession, reviewTask, supervisionPage, supervisorOptions } from "@/db/queries/supervision";
import { addStep, conversationsPage, recordConversation, stepToPdpGoal, updateConversation } from "@/db/queries/conversations";
import { apprenticeshipPage } from "@/db/queries/apprenticeships";
import { changeApprenticeshipStatus, deleteOtjLog, logOtj, recordReview, startApprenticeship } from "@/db/queries/apprenticeship-changes";
import { editableWorker, recordLeaving, updateWorker } from "@/db/queries/worker-changes";
import { pdpPermissions } from "@/lib/rules/pdp";
import { asSession, makeWorker, twoTeams, SIGNED } from "./support/factory";

const TODAY = "2026-12-01";

async function setup() {
  await seedReference(db);
  const f = await twoTeams();
  const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerB.id, userId: f.users.managerA.id });
  const adminOwn = await makeWorker(f.org.id, f.ref, { teamId: f.teamB.id, lineManagerId: f.users.managerB.id, userId: f.users.admin.id });
  return {
    ...f,
    own: own.id,
    adminOwn: adminOwn.id,
    ownRow: own,
    /** Manager A, on their own record. */
    me: asSession(f.users.managerA),
    /** Manager B: line manager of manager A's record and of the admin's. */
    other: asSession(f.users.managerB),
    admin: asSession(f.users.admin),
  };
}

const auditCount = async () => (await first(db.select({ n: sql<number>`count(*)` }).from(auditEvents)))!.n;

/** The refusal for a decision about one's own record, and nothing written. */
async function expectOwnRefusal(decide: () => Promise<{ ok: boolean }>, what: RegExp) {
  const before = await auditCount();
  const result = (await decide()) as Refusal;
  expect(result).toMatchObject({ ok: false, code: "read_only" });
  expect(result.message).toMatch(/^You can't .+\. Another manager or an administrator must\.$/);
  expect(result.message).toMatch(what);
  expect(await auditCount()).toBe(before);
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error((result as unknown as Refusal).message);
  return result as Extract<T, { ok: true }>;
}

describe("nobody decides about their own record", () => {
  it("competencies: a manager adds evidence to their own record but never signs it off or reopens it; their line manager does", async () => {
    const t = await setup();
    const st = (await first(db
      .select()
      .from(competencyStatements)
      .where(and(eq(competencyStatements.versionId, (await publishedFrameworkVersion())!.id), eq(competencyStatements.lineageKey, "entry:1.4")))))!;
    const evidence = { type: "direct_observation" as const, evidenceDate: "2026-11-20", description: "Observed on the ward", link: null };
    const assessor = { assessorName: "Priya Shah", assessorProfession: "Physiotherapist", assessorRegistration: "PH123456", signedOffOn: "2026-11-25" };
    ok(await addEvidence(t.me, t.own, st.id, evidence, TODAY));
    expect(await competencyStatementPage(t.me, t.own, st.id, TODAY)).toMatchObject({ canSignOff: false, canAddEvidence: true });
    await expectOwnRefusal(async () => await signOff(t.me, t.own, st.id, assessor, SIGNED, TODAY), /sign off a competency/);

    expect(await competencyStatementPage(t.other, t.own, st.id, TODAY)).toMatchObject({ canSignOff: true });
    ok(await signOff(t.other, t.own, st.id, assessor, SIGNED, TODAY));
    expect(await competencyStatementPage(t.me, t.own, st.id, TODAY)).toMatchObject({ canReopen: false });
    await expectOwnRefusal(async () => await reopen(t.me, t.own, st.id, "Signed in error", TODAY), /reopen a sign-off/);
    ok(await reopen(t.other, t.own, st.id, "Signed in error", TODAY));
  });

  it("training: a manager asks for training for themselves, but it waits for someone else's decision, and is not in their list to decide", async () => {
    const t = await setup();
    const course = { courseTitle: "Leadership in the NHS", provider: "NHS Leadership Academy", cost: 0, startsOn: "2027-02-01", endsOn: null, requestGoalId: null, why: "To lead the team" };
    const request = ok(await requestTraining(t.me, t.own, course)).id;
    expect(await learningPage(t.me, t.own, TODAY)).toMatchObject({ canDecide: false, canAdd: true });
    expect((await trainingRequestsAwaitingDecision(t.me)).requests.map((r) => r.id)).not.toContain(request);
    await expectOwnRefusal(async () => await decideRequest(t.me, t.own, request, { status: "approved" }), /decide your own training request/);

    expect((await trainingRequestsAwaitingDecision(t.other)).requests.map((r) => r.id)).toContain(request);
    ok(await decideRequest(t.other, t.own, request, { status: "approved" }));

    // The same for an administrator with a record of their own.
    const adminRequest = ok(await requestTraining(t.admin, t.adminOwn, course)).id;
    expect((await trainingRequestsAwaitingDecision(t.admin)).requests.map((r) => r.id)).not.toContain(adminRequest);
    await expectOwnRefusal(async () => await decideRequest(t.admin, t.adminOwn, adminRequest, { status: "approved" }), /training request/);
    ok(await decideRequest(t.other, t.adminOwn, adminRequest, { status: "approved" }));
  });

  it("appraisals: nobody books, writes or is the appraiser of their own appraisal", async () => {
    const t = await setup();
    await expectOwnRefusal(async () => await scheduleAppraisal(t.me, t.own, { scheduledFor: TODAY, appraiserId: t.users.managerB.id }, TODAY), /appraise yourself/);
    expect(await scheduleAppraisal(t.other, t.own, { scheduledFor: TODAY, appraiserId: t.users.managerA.id }, TODAY)).toMatchObject({
      ok: false,
      code: "invalid",
      field: "appraiserId",
      message: expect.stringMatching(/cannot be their own appraiser/),
    });
    const { appraisalId } = ok(await scheduleAppraisal(t.other, t.own, { scheduledFor: TODAY, appraiserId: t.users.managerB.id }, TODAY));
    expect(await appraisalsPage(t.me, t.own, TODAY)).toMatchObject({ canEdit: false });
    expect(await appraisalsPage(t.other, t.own, TODAY)).toMatchObject({ canEdit: true });
    // The worker is not offered as their own appraiser.
    expect((await appraiserOptions(t.other, t.users.managerA.id)).map(([id]) => id)).not.toContain(t.users.managerA.id);
    expect((await appraiserOptions(t.other)).map(([id]) => id)).toContain(t.users.managerA.id);
    expect(await appraisalDetail(t.me, t.own, appraisalId)).toMatchObject({ canEdit: false, editable: false });
    await expectOwnRefusal(async () => await startAppraisal(t.me, t.own, appraisalId), /appraise yourself/);
    expect(await appraisalDetail(t.other, t.own, appraisalId)).toMatchObject({ canEdit: true });
    ok(await startAppraisal(t.other, t.own, appraisalId));
    const fields = { heldOn: null, achievements: "Led the huddle", wellbeing: "", feedback: "", trainingNeeds: "", appraiserSummary: "", reviews: [], objectives: [{ id: null, title: "Lead the team", successMeasure: "Runs it weekly", targetDate: null, remove: false }] };
    await expectOwnRefusal(async () => await saveAppraisal(t.me, t.own, appraisalId, fields, TODAY), /appraise yourself/);
    ok(await saveAppraisal(t.other, t.own, appraisalId, fields, TODAY));
    // What the appraiser is writing is not for the person appraised to read yet, whatever their role.
    expect(await appraisalDetail(t.me, t.own, appraisalId)).toMatchObject({ content: null });
    expect((await appraisalDetail(t.other, t.own, appraisalId))?.content).not.toBeNull();
    await expectOwnRefusal(async () => await objectivesToPdp(t.me, t.own, appraisalId, TODAY), /appraise yourself/);
  });

  it("PDPs and goals: a manager neither starts, fills, nor agrees their own plan as its manager", async () => {
    const t = await setup();
    const period = { periodStart: "2026-12-01", periodEnd: "2027-12-01", nextReviewOn: "2027-03-01" };
    await expectOwnRefusal(async () => await startPdp(t.me, t.own, period), /manage or agree your own development plan/);
    const { pdpId } = ok(await startPdp(t.other, t.own, period));
    const goal = { title: "Lead the team huddle", why: "Leadership", successMeasure: "Runs it weekly", targetDate: "2027-06-01", domainIds: [], statementIds: [], support: [] };
    await expectOwnRefusal(async () => await createGoal(t.me, t.own, goal, TODAY), /goals in your own development plan/);
    ok(await createGoal(t.other, t.own, goal, TODAY));
    const goalId = ok(await createGoal(t.other, t.own, { ...goal, title: "Chair the team meeting" }, TODAY)).goalId;
    await expectOwnRefusal(async () => await updateGoal(t.me, t.own, goalId, { ...goal, title: "Chair every meeting" }), /goals in your own development plan/);
    await expectOwnRefusal(async () => await setGoalStatus(t.me, t.own, goalId, { status: "in_progress", reason: "" }), /goals in your own development plan/);
    await expectOwnRefusal(async () => await agreeGoal(t.me, t.own, goalId), /goals in your own development plan/);
    await expectOwnRefusal(async () => await agreePdp(t.me, t.own, pdpId, SIGNED), /manage or agree your own development plan/);
    const page = (await pdpPage(t.me, t.own))!;
    expect(page.worker.canManage).toBe(false);
    expect((await pdpPage(t.other, t.own))!.worker.canManage).toBe(true);
    expect(pdpPermissions({ role: t.me.role, ownRecord: page.worker.isOwn, editable: page.worker.canManage, inPost: true }, page.current)).toMatchObject({ manages: false, mayAgree: false });
    const review = { reviewedOn: TODAY, summary: "On track", nextReviewOn: "2027-03-01" };
    await expectOwnRefusal(async () => await recordPdpReview(t.me, t.own, pdpId, review, TODAY), /manage or agree your own development plan/);
    await expectOwnRefusal(async () => await closePdp(t.me, t.own, pdpId, { carryOver: false }, TODAY), /manage or agree your own development plan/);
    ok(await agreePdp(t.other, t.own, pdpId, SIGNED));
    ok(await recordPdpReview(t.other, t.own, pdpId, review, TODAY));
  });

  it("supervision: nobody records their own supervision, supervises themselves, or delegates to themselves", async () => {
    const t = await setup();
    const session = { heldOn: "2026-11-20", type: "clinical" as const, supervisorId: null, supervisorName: "Priya Shah", summary: "Caseload", actions: "" };
    const delegation = {
      task: "Gait re-education with a walking aid",
      delegatedByName: "Priya Shah",
      delegatedByProfession: "Physiotherapist",
      delegatedByRegistration: "PH123456",
      supervisionLevel: "indirect" as const,
      competentSince: "2026-06-01",
      reviewOn: "2027-06-01",
    };
    expect(await supervisionPage(t.me, t.own, TODAY)).toMatchObject({ canEdit: false });
    // Not even as the worker's own line manager.
    expect((await supervisorOptions(t.other, { id: t.own, userId: t.users.managerA.id, lineManagerId: t.users.managerA.id })).map((u) => u.id)).not.toContain(t.users.managerA.id);
    expect((await supervisionPage(t.other, t.own, TODAY))!.supervisors.map((u) => u.id)).not.toContain(t.users.managerA.id);
    await expectOwnRefusal(async () => await recordSession(t.me, t.own, session, TODAY), /record supervision of yourself/);
    await expectOwnRefusal(async () => await delegateTask(t.me, t.own, delegation, TODAY), /delegate a task to yourself/);
    expect(await recordSession(t.other, t.own, { ...session, supervisorId: t.users.managerA.id }, TODAY)).toMatchObject({ ok: false, field: "supervisorId" });
    ok(await recordSession(t.other, t.own, session, TODAY));
    const task = ok(await delegateTask(t.other, t.own, delegation, TODAY)).id;
    await expectOwnRefusal(async () => await reviewTask(t.me, t.own, task, "2027-09-01", TODAY), /delegate a task to yourself/);
    await expectOwnRefusal(async () => await endTask(t.me, t.own, task, "No longer needed", TODAY), /delegate a task to yourself/);
    expect(await supervisionPage(t.other, t.own, TODAY)).toMatchObject({ canEdit: true });
    ok(await endTask(t.other, t.own, task, "No longer needed", TODAY));
  });

  it("career conversations: nobody records one with themselves", async () => {
    const t = await setup();
    const conversation = {
      heldOn: "2026-11-20",
      aspiration: "assistant_practitioner" as const,
      aspirationDetail: "",
      targetProfessionId: null,
      apprenticeshipInterest: "yes" as const,
      barriers: [],
      otherBarrierDetail: "",
      optionsDiscussed: "Level 5 apprenticeship",
      nextConversationOn: null,
      appraisalId: null,
      steps: [],
    };
    expect(await conversationsPage(t.me, t.own)).toMatchObject({ canEdit: false });
    await expectOwnRefusal(async () => await recordConversation(t.me, t.own, conversation, TODAY), /career conversation with yourself/);
    const withStep = { ...conversation, steps: [{ description: "Visit the university open day", dueOn: "2027-01-15" }] };
    const { conversationId } = ok(await recordConversation(t.other, t.own, withStep, TODAY));
    const { steps: _steps, appraisalId: _a, ...changes } = withStep;
    await expectOwnRefusal(async () => await updateConversation(t.me, t.own, conversationId, { ...changes, optionsDiscussed: "Changed" }, TODAY), /career conversation with yourself/);
    await expectOwnRefusal(async () => await addStep(t.me, t.own, conversationId, { description: "Shadow a band 5", dueOn: null }), /career conversation with yourself/);
    const stepId = (await conversationsPage(t.other, t.own))!.conversations[0]!.steps[0]!.id;
    await expectOwnRefusal(async () => await stepToPdpGoal(t.me, t.own, stepId, TODAY), /goals in your own development plan/);
    ok(await addStep(t.other, t.own, conversationId, { description: "Shadow a band 5", dueOn: null }));
  });

  it("apprenticeships: a manager logs their own off-the-job hours, but the decisions on it are someone else's", async () => {
    const t = await setup();
    const hsw = (await first(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
    const start = { standardId: hsw.id, optionId: null, provider: "Northbrook College", startDate: "2026-01-05", plannedEndDate: "2027-01-04", weeklyHours: 37.5, started: "on_programme" as const };
    await expectOwnRefusal(async () => await startApprenticeship(t.me, t.own, start, TODAY), /your own apprenticeship/);
    const apprenticeshipId = ok(await startApprenticeship(t.other, t.own, start, TODAY)).id;
    expect(await apprenticeshipPage(t.me, t.own, TODAY)).toMatchObject({ canManage: false, canLog: true });
    const mine = ok(await logOtj(t.me, t.own, apprenticeshipId, { activityOn: "2026-02-02", hours: 3, activityType: "Simulation", note: "" }, TODAY)).id;
    // An entry the line manager logged is evidence towards the gateway: not the apprentice's to take away.
    const theirs = ok(await logOtj(t.other, t.own, apprenticeshipId, { activityOn: "2026-02-03", hours: 4, activityType: "Simulation", note: "" }, TODAY)).id;
    expect(await deleteOtjLog(t.me, t.own, theirs)).toMatchObject({ ok: false, code: "not_found" });
    const logs = (await apprenticeshipPage(t.me, t.own, TODAY))!.current!.logs;
    expect(Object.fromEntries(logs.map((l) => [l.id, l.canRemove]))).toEqual({ [mine]: true, [theirs]: false });
    ok(await deleteOtjLog(t.me, t.own, mine));
    const review = { reviewedOn: "2026-11-20", attendees: "Apprentice, manager, tutor", progress: "On track", concerns: "", actions: "", nextReviewOn: null };
    await expectOwnRefusal(async () => await recordReview(t.me, t.own, apprenticeshipId, review, TODAY), /your own apprenticeship/);
    const toBreak = { to: "break_in_learning" as const, effectiveOn: "2026-11-30", reason: "Illness", newPlannedEndDate: null };
    await expectOwnRefusal(async () => await changeApprenticeshipStatus(t.me, t.own, apprenticeshipId, toBreak, TODAY), /your own apprenticeship/);
    ok(await recordReview(t.other, t.own, apprenticeshipId, review, TODAY));
    ok(await changeApprenticeshipStatus(t.other, t.own, apprenticeshipId, toBreak, TODAY));
  });

  it("the record itself: nobody changes their own post or records their own leaving, and nobody is their own line manager", async () => {
    const t = await setup();
    const w = t.ownRow;
    const fields = {
      firstName: w.firstName,
      lastName: w.lastName,
      employeeNumber: w.employeeNumber,
      jobTitle: w.jobTitle,
      professionId: w.professionId,
      stageId: w.stageId,
      bandId: w.bandId,
      careSettingId: w.careSettingId,
      teamId: w.teamId,
      lineManagerId: w.lineManagerId,
      fte: w.fte,
      contractStart: w.contractStart,
    };
    // The record's page offers no change (its edit and leaving pages answer 404 to them), and the data layer refuses it.
    expect(await editableWorker(t.me, t.own)).toBeUndefined();
    expect((await editableWorker(t.other, t.own))?.id).toBe(t.own);
    await expectOwnRefusal(async () => await updateWorker(t.me, t.own, { ...fields, fte: 0.6 }), /change your own post/);
    expect(await updateWorker(t.admin, t.own, { ...fields, lineManagerId: t.users.managerA.id })).toMatchObject({
      ok: false,
      code: "invalid",
      field: "lineManagerId",
      message: expect.stringMatching(/cannot be their own line manager/),
    });
    ok(await updateWorker(t.admin, t.own, { ...fields, fte: 0.6 }));
    await expectOwnRefusal(async () => await recordLeaving(t.me, t.own, { leftOn: "2026-11-30", reason: "Moved trust" }), /record your own leaving/);
    await expectOwnRefusal(async () => await recordLeaving(t.admin, t.adminOwn, { leftOn: "2026-11-30", reason: "Moved trust" }), /record your own leaving/);
    ok(await recordLeaving(t.other, t.own, { leftOn: "2026-11-30", reason: "Moved trust" }));
  });
});
