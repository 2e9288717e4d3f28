// Feedback from colleagues for an appraisal (issue 20, decision record 0035): the worker or their manager asks up to
// five colleagues of the worker's team; each gives three short answers or declines, once; the worker and their manager
// read it, named or anonymously as the organisation chooses, and nobody else does; the giver's page is theirs alone;
// every step is audited without what was written; the inbox asks the colleague.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { appraisalFeedbackRequests, appraisals, auditEvents } from "@/db/schema";
import {
  appraisalFeedback,
  askForFeedback,
  declineFeedback,
  feedbackIsAnonymous,
  feedbackRequest,
  giveFeedback,
  saveFeedbackSetting,
} from "@/db/queries/appraisal-feedback";
import { cancelAppraisal, scheduleAppraisal } from "@/db/queries/appraisals";
import { inboxReminders, inboxRemindersNow } from "@/db/queries/inbox";
import type { FeedbackFields } from "@/lib/forms/appraisal";
import { anonymousFeedbackIdentifiable, FEEDBACK_ANSWER_MAX, FEEDBACK_INVITES_MAX, feedbackHasAnswer, feedbackMayBeAsked, mayAskAnother } from "@/lib/rules/appraisal-feedback";
import { addDays } from "@/lib/rules/dates";
import type { SessionUser } from "@/lib/session-user";
import { asSession, makeUser, makeWorker, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

// A fixed day: nothing here depends on the real date.
const TODAY = "2027-03-10";
const GIVEN: FeedbackFields = { doesWell: "Calm and kind with anxious parents", couldDevelop: "Speaking up in handovers", anythingElse: "", shownAs: "named" };

let f: Awaited<ReturnType<typeof twoTeams>>;
let managerA: SessionUser;
let managerB: SessionUser;
let lead: SessionUser;
let admin: SessionUser;
let workerA: SessionUser;
let workerB: SessionUser;
let wA: string;
/** Support workers with logins in worker A's team: colleagues who may be asked. */
let colleagues: SessionUser[];

beforeEach(async () => {
  f = await twoTeams();
  managerA = asSession(f.users.managerA);
  managerB = asSession(f.users.managerB);
  lead = asSession(f.users.lead);
  admin = asSession(f.users.admin);
  workerA = asSession(f.users.workerUserA);
  workerB = asSession(f.users.workerUserB);
  wA = f.workers.workerA.id;
  colleagues = [];
  for (let i = 0; i < 6; i++) {
    const u = await makeUser(f.org.id, "support_worker", `Colleague ${i + 1}`);
    await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: managerA.id, userId: u.id });
    colleagues.push(asSession(u));
  }
});

async function booked() {
  const r = await scheduleAppraisal(managerA, wA, { scheduledFor: addDays(TODAY, 10), appraiserId: managerA.id }, TODAY);
  if (!r.ok) throw new Error(r.message);
  return r.appraisalId;
}

async function asked(appraisalId: string, who: SessionUser, by: SessionUser = managerA) {
  const r = await askForFeedback(by, wA, appraisalId, { inviteeId: who.id });
  if (!r.ok) throw new Error(r.message);
  return r.requestId;
}

const lastAudit = async () => (await first(db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1)))!;

describe("the rules", () => {
  it("keeps feedback open until the appraisal is completed or cancelled, needs an answer, and counts places", () => {
    expect(feedbackMayBeAsked("scheduled")).toBe(true);
    expect(feedbackMayBeAsked("awaiting_sign_off")).toBe(true);
    expect(feedbackMayBeAsked("completed")).toBe(false);
    expect(feedbackMayBeAsked("cancelled")).toBe(false);
    expect(feedbackHasAnswer({ doesWell: " ", couldDevelop: "", anythingElse: "" })).toBe(false);
    expect(feedbackHasAnswer({ doesWell: "", couldDevelop: "", anythingElse: "Thanks" })).toBe(true);
    expect(mayAskAnother(FEEDBACK_INVITES_MAX - 1)).toBe(true);
    expect(mayAskAnother(FEEDBACK_INVITES_MAX)).toBe(false);
    expect([0, 1, 2, 3].map(anonymousFeedbackIdentifiable)).toEqual([false, true, true, false]);
  });
});

describe("asking", () => {
  it("lets the worker and their manager ask a colleague of the team from the list, never the worker or themselves", async () => {
    const id = await booked();
    const asManager = (await appraisalFeedback(managerA, wA, id))!;
    const names = asManager.choices.map(([, name]) => name);
    expect(names).toEqual(colleagues.map((c) => c.name).sort());
    expect(asManager.choices.map(([uid]) => uid)).not.toContain(workerA.id);
    expect(asManager.choices.map(([uid]) => uid)).not.toContain(managerA.id);
    // The worker's list has their team's manager, and never themselves.
    const asWorker = (await appraisalFeedback(workerA, wA, id))!;
    expect(asWorker.choices.map(([uid]) => uid)).toContain(managerA.id);
    expect(asWorker.choices.map(([uid]) => uid)).not.toContain(workerA.id);

    expect(await askForFeedback(workerA, wA, id, { inviteeId: colleagues[0]!.id })).toMatchObject({ ok: true });
    expect(await askForFeedback(managerA, wA, id, { inviteeId: colleagues[1]!.id })).toMatchObject({ ok: true });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "appraisal.feedback_requested", workerId: wA, actorId: managerA.id });
    expect(JSON.parse(audit.summary)).toMatchObject({ appraisalId: id, inviteeId: colleagues[1]!.id });
    // Asked twice, the worker themselves, someone outside the team, another organisation's user: refused.
    expect(await askForFeedback(managerA, wA, id, { inviteeId: colleagues[0]!.id })).toMatchObject({ ok: false, code: "conflict", field: "inviteeId" });
    expect(await askForFeedback(managerA, wA, id, { inviteeId: workerA.id })).toMatchObject({ ok: false, code: "invalid" });
    expect(await askForFeedback(managerA, wA, id, { inviteeId: workerB.id })).toMatchObject({ ok: false, code: "invalid" });
    expect(await askForFeedback(managerA, wA, id, { inviteeId: f.users.otherLead.id })).toMatchObject({ ok: false, code: "invalid" });
    expect(await askForFeedback(workerA, wA, id, { inviteeId: workerA.id })).toMatchObject({ ok: false, code: "invalid" });
    // A lead, an administrator or a manager of another team: not theirs to ask.
    expect(await askForFeedback(lead, wA, id, { inviteeId: colleagues[2]!.id })).toMatchObject({ ok: false, code: "read_only" });
    expect(await askForFeedback(admin, wA, id, { inviteeId: colleagues[2]!.id })).toMatchObject({ ok: false, code: "read_only" });
    expect(await askForFeedback(managerB, wA, id, { inviteeId: colleagues[2]!.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await askForFeedback(workerB, wA, id, { inviteeId: colleagues[2]!.id })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("asks at most five colleagues; a declined request frees its place", async () => {
    const id = await booked();
    const requests = [];
    for (const c of colleagues.slice(0, FEEDBACK_INVITES_MAX)) requests.push(await asked(id, c));
    expect(await askForFeedback(managerA, wA, id, { inviteeId: colleagues[5]!.id })).toMatchObject({ ok: false, code: "invalid", field: "inviteeId" });
    expect((await appraisalFeedback(managerA, wA, id))!.canAsk).toBe(false);
    expect(await declineFeedback(colleagues[0]!, wA, id, requests[0]!)).toMatchObject({ ok: true });
    expect(await askForFeedback(managerA, wA, id, { inviteeId: colleagues[5]!.id })).toMatchObject({ ok: true });
  });

  it("refuses a manager on their own record, and an appraisal completed or cancelled", async () => {
    // Manager A's own record, in the team they manage; manager B runs it.
    const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: managerB.id, userId: managerA.id });
    const r = await scheduleAppraisal(managerB, own.id, { scheduledFor: addDays(TODAY, 5), appraiserId: managerB.id }, TODAY);
    if (!r.ok) throw new Error(r.message);
    const refused = await askForFeedback(managerA, own.id, r.appraisalId, { inviteeId: colleagues[0]!.id });
    expect(refused).toMatchObject({ ok: false, code: "read_only" });
    expect((refused as { message: string }).message).toMatch(/own appraisal/);

    const id = await booked();
    expect(await cancelAppraisal(managerA, wA, id, "Long-term sick")).toMatchObject({ ok: true });
    expect(await askForFeedback(managerA, wA, id, { inviteeId: colleagues[0]!.id })).toMatchObject({ ok: false, code: "read_only" });
    expect((await appraisalFeedback(managerA, wA, id))!.canAsk).toBe(false);
  });
});

describe("giving and declining", () => {
  it("lets only the colleague asked give it, once, with at least one answer, audited without what they wrote", async () => {
    const id = await booked();
    const req = await asked(id, colleagues[0]!);
    // Anyone else finds nothing: the worker, their manager, a lead, another colleague, another organisation.
    for (const who of [workerA, managerA, lead, admin, colleagues[1]!, asSession(f.users.otherLead)]) {
      expect(await feedbackRequest(who, wA, id, req)).toBeUndefined();
      expect(await giveFeedback(who, wA, id, req, GIVEN)).toMatchObject({ ok: false, code: "not_found" });
      expect(await declineFeedback(who, wA, id, req)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await giveFeedback(colleagues[0]!, wA, id, req, { ...GIVEN, doesWell: "", couldDevelop: "" })).toMatchObject({ ok: false, code: "invalid", field: "doesWell" });
    expect(await giveFeedback(colleagues[0]!, wA, id, req, GIVEN)).toMatchObject({ ok: true });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "appraisal.feedback_given", actorId: colleagues[0]!.id, workerId: wA, entityId: req });
    expect(audit.summary).not.toContain("anxious");
    expect(JSON.parse(audit.summary)).toMatchObject({ answered: ["doesWell", "couldDevelop"], shown: "named" });
    // Once given, it cannot be changed or declined.
    expect(await giveFeedback(colleagues[0]!, wA, id, req, { ...GIVEN, doesWell: "Changed" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await declineFeedback(colleagues[0]!, wA, id, req)).toMatchObject({ ok: false, code: "conflict" });
    expect((await feedbackRequest(colleagues[0]!, wA, id, req))!).toMatchObject({ status: "given", canRespond: false, answers: { doesWell: GIVEN.doesWell } });
  });

  it("keeps each answer to 1000 characters (the form's schema)", async () => {
    const { feedbackFields } = await import("@/lib/forms/appraisal");
    expect(feedbackFields.safeParse({ ...GIVEN, doesWell: "x".repeat(FEEDBACK_ANSWER_MAX) }).success).toBe(true);
    expect(feedbackFields.safeParse({ ...GIVEN, doesWell: "x".repeat(FEEDBACK_ANSWER_MAX + 1) }).success).toBe(false);
  });

  it("declines once, audited; closes when the appraisal is cancelled", async () => {
    const id = await booked();
    const r0 = await asked(id, colleagues[0]!);
    const r1 = await asked(id, colleagues[1]!);
    expect(await declineFeedback(colleagues[0]!, wA, id, r0)).toMatchObject({ ok: true });
    expect(await lastAudit()).toMatchObject({ action: "appraisal.feedback_declined", actorId: colleagues[0]!.id });
    expect(await giveFeedback(colleagues[0]!, wA, id, r0, GIVEN)).toMatchObject({ ok: false, code: "conflict" });
    await cancelAppraisal(managerA, wA, id, "Moved team");
    expect(await giveFeedback(colleagues[1]!, wA, id, r1, GIVEN)).toMatchObject({ ok: false, code: "read_only" });
    expect((await feedbackRequest(colleagues[1]!, wA, id, r1))!.canRespond).toBe(false);
  });

  it("refuses feedback whose form said it would be shown otherwise than the organisation now says", async () => {
    const id = await booked();
    const req = await asked(id, colleagues[0]!);
    await saveFeedbackSetting(admin, { shownAs: "anonymous" });
    expect(await giveFeedback(colleagues[0]!, wA, id, req, GIVEN)).toMatchObject({ ok: false, code: "conflict" });
    expect(await giveFeedback(colleagues[0]!, wA, id, req, { ...GIVEN, shownAs: "anonymous" })).toMatchObject({ ok: true });
  });
});

describe("who reads it", () => {
  it("shows it to the worker and their manager, never to a lead or an administrator", async () => {
    const id = await booked();
    const req = await asked(id, colleagues[0]!);
    await giveFeedback(colleagues[0]!, wA, id, req, GIVEN);
    for (const reader of [workerA, managerA]) {
      const fb = (await appraisalFeedback(reader, wA, id))!;
      expect(fb.feedback).toEqual([expect.objectContaining({ giverName: colleagues[0]!.name, doesWell: GIVEN.doesWell })]);
      expect(fb.asked).toEqual([expect.objectContaining({ name: colleagues[0]!.name, status: "given" })]);
    }
    expect(await appraisalFeedback(lead, wA, id)).toBeNull();
    expect(await appraisalFeedback(admin, wA, id)).toBeNull();
    // Those who cannot see the appraisal at all: nothing (the page is a 404).
    expect(await appraisalFeedback(managerB, wA, id)).toBeUndefined();
    expect(await appraisalFeedback(colleagues[0]!, wA, id)).toBeUndefined();
    expect(await appraisalFeedback(asSession(f.users.otherLead), wA, id)).toBeUndefined();
  });

  it("shows anonymous feedback without the giver's name or who answered, warns under three, and keeps the name in the audit trail", async () => {
    expect(await feedbackIsAnonymous(f.org.id)).toBe(false);
    expect(await saveFeedbackSetting(managerA, { shownAs: "anonymous" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveFeedbackSetting(admin, { shownAs: "anonymous" })).toMatchObject({ ok: true, changed: true });
    expect(await lastAudit()).toMatchObject({ action: "setting.update", actorId: admin.id });
    expect(await feedbackIsAnonymous(f.org.id)).toBe(true);
    // Another organisation's setting is its own.
    expect(await feedbackIsAnonymous(f.users.otherLead.orgId)).toBe(false);

    const id = await booked();
    const requests = [];
    for (const c of colleagues.slice(0, 3)) requests.push(await asked(id, c));
    expect(await feedbackRequest(colleagues[0]!, wA, id, requests[0]!)).toMatchObject({ anonymous: true });
    await giveFeedback(colleagues[0]!, wA, id, requests[0]!, { ...GIVEN, shownAs: "anonymous" });
    expect(await lastAudit()).toMatchObject({ action: "appraisal.feedback_given", actorId: colleagues[0]!.id });

    let fb = (await appraisalFeedback(workerA, wA, id))!;
    expect(fb.feedback).toEqual([expect.objectContaining({ giverName: null, doesWell: GIVEN.doesWell })]);
    expect(fb.asked.every((r) => r.status === null)).toBe(true);
    expect(fb.counts).toEqual({ given: 1, declined: 0, waiting: 2 });
    expect(fb.identifiable).toBe(true);

    await giveFeedback(colleagues[1]!, wA, id, requests[1]!, { ...GIVEN, shownAs: "anonymous" });
    await giveFeedback(colleagues[2]!, wA, id, requests[2]!, { ...GIVEN, shownAs: "anonymous" });
    fb = (await appraisalFeedback(managerA, wA, id))!;
    expect(fb.feedback.map((g) => g.giverName)).toEqual([null, null, null]);
    expect(fb.identifiable).toBe(false);

    // Back to named: what was given anonymously stays anonymous.
    await saveFeedbackSetting(admin, { shownAs: "named" });
    fb = (await appraisalFeedback(managerA, wA, id))!;
    expect(fb.feedback.map((g) => g.giverName)).toEqual([null, null, null]);
  });
});

describe("the inbox", () => {
  it("asks the colleague until they answer, and not once the appraisal is cancelled", async () => {
    const id = await booked();
    const mine = async (u: SessionUser) => (await inboxRemindersNow(u, TODAY)).filter((r) => r.kind === "feedback_requested");
    const r0 = await asked(id, colleagues[0]!);
    expect(await mine(colleagues[0]!)).toEqual([
      expect.objectContaining({ workerId: wA, href: `/workers/${wA}/appraisals/${id}/feedback/${r0}`, urgency: "waiting", dueOn: addDays(TODAY, 10) }),
    ]);
    expect(await mine(colleagues[1]!)).toEqual([]);
    // Asked by the worker, a colleague (whose own views hold only their own record) is reminded too, in the kept inbox
    // as well, which follows the request and the answer.
    const kept = async (u: SessionUser) => (await inboxReminders(u, TODAY)).filter((r) => r.kind === "feedback_requested");
    expect(await kept(colleagues[1]!)).toEqual([]);
    const r1 = await asked(id, colleagues[1]!, workerA);
    expect(await kept(colleagues[1]!)).toHaveLength(1);
    await giveFeedback(colleagues[1]!, wA, id, r1, GIVEN);
    expect(await kept(colleagues[1]!)).toHaveLength(0);
    // A manager asked (the team's, by the worker) is reminded as well.
    await asked(id, managerA, workerA);
    expect((await inboxRemindersNow(managerA, TODAY)).filter((r) => r.kind === "feedback_requested")).toHaveLength(1);
    await cancelAppraisal(managerA, wA, id, "Left the team");
    expect(await mine(colleagues[0]!)).toEqual([]);
  });
});

describe("the actions", () => {
  it("asks, gives and declines through the pipeline for an allowed role, and 404s a denied one", async () => {
    const { askForFeedbackAction, giveFeedbackAction, declineFeedbackAction } = await import("@/app/(app)/workers/[id]/appraisals/actions");
    const id = await booked();
    actAs(lead);
    await expect(askForFeedbackAction(wA, id, {}, formData({ inviteeId: colleagues[0]!.id }))).rejects.toThrow(NOT_FOUND);
    actAs(managerA);
    await expect(askForFeedbackAction(wA, id, {}, formData({ inviteeId: colleagues[0]!.id }))).rejects.toThrow("NEXT_REDIRECT");
    const req = (await first(db.select().from(appraisalFeedbackRequests).where(and(eq(appraisalFeedbackRequests.appraisalId, id)))))!;
    // A bad id is a 404; an empty answer comes back on the form with what was typed.
    await expect(askForFeedbackAction(wA, "not an id!", {}, formData({ inviteeId: colleagues[1]!.id }))).rejects.toThrow(NOT_FOUND);
    actAs(admin);
    await expect(giveFeedbackAction(wA, id, req.id, {}, formData({ doesWell: "Kind", shownAs: "named" }))).rejects.toThrow(NOT_FOUND);
    actAs(colleagues[0]!);
    const empty = await giveFeedbackAction(wA, id, req.id, {}, formData({ doesWell: "", anythingElse: " ", shownAs: "named" }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { doesWell: expect.any(String) } });
    await expect(giveFeedbackAction(wA, id, req.id, {}, formData({ doesWell: "Kind", shownAs: "named" }))).rejects.toThrow("NEXT_REDIRECT");
    actAs(managerA);
    await expect(askForFeedbackAction(wA, id, {}, formData({ inviteeId: colleagues[1]!.id }))).rejects.toThrow("NEXT_REDIRECT");
    const second = (await first(db.select().from(appraisalFeedbackRequests).where(eq(appraisalFeedbackRequests.inviteeId, colleagues[1]!.id))))!;
    actAs(workerA);
    await expect(declineFeedbackAction(wA, id, second.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    actAs(colleagues[1]!);
    await expect(declineFeedbackAction(wA, id, second.id, {}, formData({}))).rejects.toThrow("NEXT_REDIRECT");
    expect((await first(db.select().from(appraisals).where(eq(appraisals.id, id))))!.status).toBe("scheduled");
  });

  it("lets only an administrator set how feedback is shown", async () => {
    const { saveFeedbackSettingAction } = await import("@/app/(app)/admin/appraisals/actions");
    actAs(managerA);
    await expect(saveFeedbackSettingAction({}, formData({ shownAs: "anonymous" }))).rejects.toThrow(NOT_FOUND);
    actAs(admin);
    expect(await saveFeedbackSettingAction({}, formData({ shownAs: "sometimes" }))).toMatchObject({ ok: false });
    expect(await saveFeedbackSettingAction({}, formData({ shownAs: "anonymous" }))).toMatchObject({ ok: true });
    expect(await feedbackIsAnonymous(f.org.id)).toBe(true);
  });
});
