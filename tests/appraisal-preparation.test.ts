// The worker's preparation for an appraisal (issue 20): only the worker writes it, saving and coming back, private
// until shared; their manager, an administrator and leads then read it, anyone else finds nothing; it can no longer
// change once the appraisal is completed; the inbox asks the worker for it until they share it.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { db, first } from "@/db/client";
import { appraisalObjectiveReviews, appraisalPreparations, appraisals, auditEvents } from "@/db/schema";
import { appraisalPreparation, savePreparation } from "@/db/queries/appraisal-preparation";
import { cancelAppraisal, saveAppraisal, scheduleAppraisal, sendForSignOff, signAsAppraiser, signOff, startAppraisal } from "@/db/queries/appraisals";
import { inboxRemindersNow } from "@/db/queries/inbox";
import type { PreparationFields } from "@/lib/forms/appraisal";
import { preparationHasAnswers, preparationMayChange } from "@/lib/rules/appraisal-lifecycle";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { asSession, makeWorker, SIGNED, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = todayInLondon();
const BLANK: PreparationFields = { wentWell: "", wasHard: "", wantToLearn: "", wellbeing: "", careerAspiration: "" };
const ANSWERS: PreparationFields = {
  wentWell: "Ran the parent drop-in sessions",
  wasHard: "Covering two clinics in winter",
  wantToLearn: "Makaton level 2",
  wellbeing: "Tired, but better since the rota changed",
  careerAspiration: "",
};

let f: Awaited<ReturnType<typeof twoTeams>>;
let managerA: ReturnType<typeof asSession>;
let managerB: ReturnType<typeof asSession>;
let lead: ReturnType<typeof asSession>;
let admin: ReturnType<typeof asSession>;
let workerA: ReturnType<typeof asSession>;
let workerB: ReturnType<typeof asSession>;
let wA: string;

beforeEach(async () => {
  f = await twoTeams();
  managerA = asSession(f.users.managerA);
  managerB = asSession(f.users.managerB);
  lead = asSession(f.users.lead);
  admin = asSession(f.users.admin);
  workerA = asSession(f.users.workerUserA);
  workerB = asSession(f.users.workerUserB);
  wA = f.workers.workerA.id;
});

async function booked(on = addDays(TODAY, 10)) {
  const r = await scheduleAppraisal(managerA, wA, { scheduledFor: on, appraiserId: managerA.id }, TODAY);
  if (!r.ok) throw new Error(r.message);
  return r.appraisalId;
}

const stored = async (id: string) => await first(db.select().from(appraisalPreparations).where(eq(appraisalPreparations.appraisalId, id)));
const auditCount = async () => (await first(db.select({ n: sql<number>`count(*)` }).from(auditEvents)))!.n;

describe("the rules", () => {
  it("lets it change until the appraisal is completed or cancelled, and shares it only with an answer in it", () => {
    expect((["scheduled", "in_progress", "awaiting_sign_off", "completed", "cancelled"] as const).filter(preparationMayChange)).toEqual(["scheduled", "in_progress", "awaiting_sign_off"]);
    expect(preparationHasAnswers(BLANK)).toBe(false);
    expect(preparationHasAnswers({ ...BLANK, wellbeing: "  " })).toBe(false);
    expect(preparationHasAnswers({ ...BLANK, careerAspiration: "An apprenticeship" })).toBe(true);
  });
});

describe("writing it", () => {
  it("saves it for the worker alone until shared; the audit names the answers given, never what they say", async () => {
    const id = await booked();
    expect(await savePreparation(workerA, wA, id, ANSWERS, false)).toEqual({ ok: true, workerId: wA, appraisalId: id, shared: false, sharedNow: false });
    expect(await stored(id)).toMatchObject({ ...ANSWERS, submittedAt: null });
    const event = await first(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "appraisal.preparation_saved"))));
    expect(JSON.parse(event!.summary)).toEqual({ answered: ["wentWell", "wasHard", "wantToLearn", "wellbeing"], shared: false });
    expect(event!.summary).not.toContain("Tired");

    expect(await appraisalPreparation(workerA, wA, id)).toMatchObject({ isTheWorker: true, canWrite: true, shared: false, answers: ANSWERS });
    // Not shared: the manager, an administrator and a lead learn only that it is not.
    for (const u of [managerA, admin, lead]) {
      const seen = (await appraisalPreparation(u, wA, id))!;
      expect(seen).toMatchObject({ isTheWorker: false, canWrite: false, shared: false, answers: null });
      expect(JSON.stringify(seen)).not.toContain("Tired");
    }
  });

  it("shares it: then the manager, an administrator and a lead read it; another team's manager and another worker find nothing", async () => {
    const id = await booked();
    await savePreparation(workerA, wA, id, ANSWERS, false);
    expect(await savePreparation(workerA, wA, id, ANSWERS, true)).toMatchObject({ ok: true, shared: true, sharedNow: true });
    expect((await stored(id))!.submittedAt).toBeInstanceOf(Date);
    expect((await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action)).toContain("appraisal.preparation_submitted");
    for (const u of [managerA, admin, lead]) expect((await appraisalPreparation(u, wA, id))!.answers).toEqual(ANSWERS);
    for (const u of [managerB, workerB]) expect(await appraisalPreparation(u, wA, id)).toBeUndefined();
    // The appraisal must be this worker's.
    expect(await appraisalPreparation(lead, f.workers.workerB.id, id)).toBeUndefined();

    // Changed after sharing: still shared, the first sharing's time kept.
    const first = (await stored(id))!.submittedAt;
    expect(await savePreparation(workerA, wA, id, { ...ANSWERS, careerAspiration: "Assistant practitioner" }, true)).toMatchObject({ ok: true, shared: true, sharedNow: false });
    expect(await stored(id)).toMatchObject({ careerAspiration: "Assistant practitioner", submittedAt: first });
  });

  it("needs an answer before it is shared", async () => {
    const id = await booked();
    expect(await savePreparation(workerA, wA, id, BLANK, true)).toEqual({ ok: false, code: "invalid", field: "wentWell", message: "Write at least one answer before you share your preparation" });
    expect(await stored(id)).toBeUndefined();
    expect((await savePreparation(workerA, wA, id, BLANK, false)).ok).toBe(true);
  });

  it("is the worker's alone to write: a manager, an administrator and a lead are refused, another worker finds nothing", async () => {
    const id = await booked();
    const before = await auditCount();
    const name = `${f.workers.workerA.firstName} ${f.workers.workerA.lastName}`;
    for (const u of [managerA, admin, lead]) {
      expect(await savePreparation(u, wA, id, ANSWERS, true)).toEqual({ ok: false, code: "read_only", message: `Only ${name} writes their preparation for this appraisal` });
    }
    expect(await savePreparation(managerB, wA, id, ANSWERS, true)).toMatchObject({ ok: false, code: "not_found" });
    expect(await savePreparation(workerB, wA, id, ANSWERS, true)).toMatchObject({ ok: false, code: "not_found" });
    expect(await stored(id)).toBeUndefined();
    expect(await auditCount()).toBe(before);
  });

  it("a manager reads their own appraisal's page but does not prepare as its worker (another manager runs it)", async () => {
    const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: managerB.id, userId: managerA.id });
    const r = await scheduleAppraisal(managerB, own.id, { scheduledFor: addDays(TODAY, 10), appraiserId: managerB.id }, TODAY);
    const id = r.ok ? r.appraisalId : "";
    expect(await appraisalPreparation(managerA, own.id, id)).toMatchObject({ isTheWorker: false, canWrite: false });
    expect(await savePreparation(managerA, own.id, id, ANSWERS, true)).toMatchObject({ ok: false, code: "read_only", message: expect.stringMatching(/^Preparing for your own appraisal is not open to managers yet/) });
  });

  it("can no longer change once the appraisal is completed, or cancelled", async () => {
    const id = await booked(TODAY);
    await savePreparation(workerA, wA, id, ANSWERS, true);
    await startAppraisal(managerA, wA, id);
    // Still theirs to add to while the appraisal is written and signed.
    expect((await savePreparation(workerA, wA, id, { ...ANSWERS, wantToLearn: "Makaton level 3" }, false)).ok).toBe(true);
    const reviews = await db.select().from(appraisalObjectiveReviews).where(eq(appraisalObjectiveReviews.appraisalId, id));
    await saveAppraisal(managerA, wA, id, { ...BLANK, heldOn: TODAY, achievements: "", feedback: "", trainingNeeds: "", appraiserSummary: "Good", reviews: reviews.map((x) => ({ id: x.id, outcome: "met" as const, comment: "" })), objectives: [] }, TODAY);
    await sendForSignOff(managerA, wA, id, TODAY);
    await signOff(workerA, wA, id, { workerComments: "" }, SIGNED);
    await signAsAppraiser(managerA, wA, id, SIGNED);
    expect((await first(db.select().from(appraisals).where(eq(appraisals.id, id))))!.status).toBe("completed");
    expect(await savePreparation(workerA, wA, id, ANSWERS, false)).toEqual({ ok: false, code: "read_only", message: "This appraisal is complete, so your preparation for it can no longer change" });
    expect(await appraisalPreparation(workerA, wA, id)).toMatchObject({ canWrite: false, answers: { wantToLearn: "Makaton level 3" } });

    const cancelled = await booked();
    await cancelAppraisal(managerA, wA, cancelled, "Long-term sick leave");
    expect(await savePreparation(workerA, wA, cancelled, ANSWERS, false)).toMatchObject({ ok: false, code: "read_only", message: expect.stringMatching(/cancelled/) });
  });
});

describe("the inbox", () => {
  it("asks the worker to prepare until they share it, saving alone does not; the manager is not asked", async () => {
    const id = await booked();
    const prepare = async (u: ReturnType<typeof asSession>) => (await inboxRemindersNow(u, TODAY)).filter((r) => r.kind === "appraisal_to_prepare");
    expect((await prepare(workerA)).map((r) => r.href)).toEqual([`/workers/${wA}/appraisals/${id}/preparation`]);
    expect(await prepare(managerA)).toEqual([]);
    await savePreparation(workerA, wA, id, ANSWERS, false);
    expect(await prepare(workerA)).toHaveLength(1);
    await savePreparation(workerA, wA, id, ANSWERS, true);
    expect(await prepare(workerA)).toEqual([]);
  });
});

describe("the server action", () => {
  it("saves for the worker and shares on the share button; keeps what was typed when too long; a manager and a lead get 404", async () => {
    const { savePreparationAction } = await import("@/app/(app)/workers/[id]/appraisals/actions");
    const id = await booked();
    actAs(managerA);
    await expect(savePreparationAction(wA, id, {}, formData({ ...ANSWERS, intent: "share" }))).rejects.toThrow(NOT_FOUND);
    actAs(lead);
    await expect(savePreparationAction(wA, id, {}, formData({ ...ANSWERS, intent: "share" }))).rejects.toThrow(NOT_FOUND);
    actAs(workerB);
    await expect(savePreparationAction(wA, id, {}, formData({ ...ANSWERS, intent: "save" }))).rejects.toThrow(NOT_FOUND);
    actAs(workerA);
    const tooLong = await savePreparationAction(wA, id, {}, formData({ ...ANSWERS, wellbeing: "x".repeat(4001), intent: "save" }));
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { wellbeing: expect.stringMatching(/4000 characters or fewer/) }, values: { wentWell: ANSWERS.wentWell } });
    expect(await savePreparationAction(wA, id, {}, formData({ ...ANSWERS, intent: "save" }))).toMatchObject({ ok: true, message: expect.stringMatching(/^Saved\. Only you can see it/) });
    const empty = await savePreparationAction(wA, id, {}, formData({ ...BLANK, intent: "share" }));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { wentWell: "Write at least one answer before you share your preparation" } });
    expect(await savePreparationAction(wA, id, {}, formData({ ...ANSWERS, intent: "share" }))).toMatchObject({ ok: true, message: expect.stringMatching(/^Shared with your manager/) });
    expect((await stored(id))!.submittedAt).toBeInstanceOf(Date);
  });
});
