// The annual appraisal: who may see and do what, the lifecycle, the two signatures, the lock and reopening, objectives
// into the PDP.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first as firstRow, one } from "@/db/client";
import {
  appraisals,
  appraisalObjectiveReviews,
  appraisalObjectives,
  appraisalReopenings,
  auditEvents,
  careerConversations,
  pdps,
  pdpGoals,
  workers,
} from "@/db/schema";
import {
  appraisalDetail,
  appraisalsPage,
  appraiserOptions,
  cancelAppraisal,
  objectivesToPdp,
  reopenAppraisal,
  returnToManager,
  saveAppraisal,
  scheduleAppraisal,
  sendForSignOff,
  signAsAppraiser,
  signOff,
  startAppraisal,
} from "@/db/queries/appraisals";
import { addGoalsToCurrentPdp } from "@/db/queries/pdp-intake";
import { appraisalFields, appraisalFormObject, type AppraisalFields } from "@/lib/forms/appraisal";
import { addDays, addMonths, todayInLondon } from "@/lib/rules/dates";
import { twoTeams, asSession, makeUser, SIGNED, freshSignOn } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = todayInLondon();

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

/** What the form's schema hands the data layer (already parsed). */
function fields(over: Partial<AppraisalFields> = {}): AppraisalFields {
  return { heldOn: null, achievements: "", wellbeing: "", feedback: "", trainingNeeds: "", appraiserSummary: "", reviews: [], objectives: [], ...over };
}

async function schedule(date = addDays(TODAY, -1)) {
  const r = await scheduleAppraisal(managerA, wA, { scheduledFor: date, appraiserId: managerA.id }, TODAY);
  if (!r.ok) throw new Error(r.message);
  return r.appraisalId;
}

/** An appraisal taken as far as awaiting the worker's sign-off, with one new objective. */
async function awaiting(objective = "Lead the falls-prevention huddle") {
  const id = await schedule();
  expect((await startAppraisal(managerA, wA, id)).ok).toBe(true);
  const reviews = await db.select().from(appraisalObjectiveReviews).where(eq(appraisalObjectiveReviews.appraisalId, id));
  const saved = await saveAppraisal(
    managerA,
    wA,
    id,
    fields({
      heldOn: TODAY,
      appraiserSummary: "A strong year",
      reviews: reviews.map((r) => ({ id: r.id, outcome: "met", comment: "" })),
      objectives: [{ id: null, title: objective, successMeasure: "Runs weekly", targetDate: addMonths(TODAY, 6), remove: false }],
    }),
    TODAY,
  );
  expect(saved).toMatchObject({ ok: true });
  expect(await sendForSignOff(managerA, wA, id, TODAY)).toMatchObject({ ok: true });
  return id;
}

/** Signed by both: the worker, then the appraiser, whose signature completes it. */
async function completed() {
  const id = await awaiting();
  expect(await signOff(workerA, wA, id, { workerComments: "Agreed" }, SIGNED)).toMatchObject({ ok: true, completed: false });
  expect(await signAsAppraiser(managerA, wA, id, SIGNED)).toMatchObject({ ok: true, completed: true });
  return id;
}

const statusOf = async (id: string) => (await firstRow(db.select().from(appraisals).where(eq(appraisals.id, id))))!;
const auditFor = async (id: string) => (await db.select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action);

describe("seeing appraisals", () => {
  it("shows the worker, their manager, a lead and an admin; not another team's manager or another worker", async () => {
    const id = await schedule();
    for (const u of [managerA, lead, admin, workerA]) {
      expect((await appraisalsPage(u, wA, TODAY))?.open?.id).toBe(id);
      expect(await appraisalDetail(u, wA, id)).toBeDefined();
    }
    for (const u of [managerB, workerB]) {
      expect(await appraisalsPage(u, wA, TODAY)).toBeUndefined();
      expect(await appraisalDetail(u, wA, id)).toBeUndefined();
    }
    // The appraisal id must belong to the worker in the URL.
    expect(await appraisalDetail(managerB, f.workers.workerB.id, id)).toBeUndefined();
    expect(await appraisalDetail(lead, f.workers.workerB.id, id)).toBeUndefined();
  });

  it("hides the draft from the worker until it is awaiting their sign-off", async () => {
    const id = await schedule();
    await startAppraisal(managerA, wA, id);
    await saveAppraisal(managerA, wA, id, fields({ wellbeing: "Tired after winter pressures" }), TODAY);
    const draft = (await appraisalDetail(workerA, wA, id))!;
    expect(draft.content).toBeNull();
    expect(draft.appraisal).toMatchObject({ status: "in_progress", scheduledFor: addDays(TODAY, -1) });
    expect(JSON.stringify(draft)).not.toContain("Tired after winter");
    expect((await appraisalDetail(lead, wA, id))!.content?.wellbeing).toBe("Tired after winter pressures");

    const reviews = await db.select().from(appraisalObjectiveReviews).where(eq(appraisalObjectiveReviews.appraisalId, id));
    await saveAppraisal(managerA, wA, id, fields({ heldOn: TODAY, wellbeing: "Tired after winter pressures", appraiserSummary: "Good", reviews: reviews.map((r) => ({ id: r.id, outcome: "met", comment: "" })) }), TODAY);
    await sendForSignOff(managerA, wA, id, TODAY);
    expect((await appraisalDetail(workerA, wA, id))!.content?.wellbeing).toBe("Tired after winter pressures");
  });

  it("works out the next due date: a new starter's from their start, then from the last completed appraisal", async () => {
    expect((await appraisalsPage(managerA, wA, "2022-10-01"))!.due).toMatchObject({ dueOn: "2023-04-01", lastCompletedOn: null, status: "up_to_date" });
    const id = await completed();
    const page = (await appraisalsPage(managerA, wA, TODAY))!;
    expect(page.due).toMatchObject({ lastCompletedOn: TODAY, dueOn: addMonths(TODAY, 12), status: "up_to_date" });
    expect(page.history.map((a) => a.id)).toEqual([id]);
    expect(page.open).toBeUndefined();
  });

  it("offers active managers in the organisation as appraisers", async () => {
    const ids = (await appraiserOptions(admin)).map(([id]) => id);
    expect(ids).toEqual(expect.arrayContaining([managerA.id, managerB.id]));
    expect(ids).not.toContain(lead.id);
  });
});

describe("scheduling", () => {
  it("lets the worker's manager and an admin book one; refuses another team's manager, a lead and a worker", async () => {
    expect(await scheduleAppraisal(managerB, wA, { scheduledFor: TODAY, appraiserId: managerB.id }, TODAY)).toMatchObject({ ok: false, message: "Worker not found" });
    expect((await scheduleAppraisal(lead, wA, { scheduledFor: TODAY, appraiserId: managerA.id }, TODAY)).ok).toBe(false);
    expect((await scheduleAppraisal(workerA, wA, { scheduledFor: TODAY, appraiserId: managerA.id }, TODAY)).ok).toBe(false);
    const r = await scheduleAppraisal(admin, wA, { scheduledFor: TODAY, appraiserId: managerA.id }, TODAY);
    expect(r.ok).toBe(true);
    expect(await auditFor(r.ok ? r.appraisalId : "")).toEqual(["appraisal.scheduled"]);
  });

  it("refuses a date in the far future or before they started, an appraiser who is not an active manager, and a second open one", async () => {
    const far = await scheduleAppraisal(managerA, wA, { scheduledFor: addMonths(TODAY, 36), appraiserId: managerA.id }, TODAY);
    expect(far).toEqual({ ok: false, code: "invalid", field: "scheduledFor", message: "The appraisal date must be within 18 months from today" });
    expect(await scheduleAppraisal(managerA, wA, { scheduledFor: "2022-03-31", appraiserId: managerA.id }, TODAY)).toMatchObject({ field: "scheduledFor" });
    expect(await scheduleAppraisal(managerA, wA, { scheduledFor: TODAY, appraiserId: lead.id }, TODAY)).toMatchObject({ field: "appraiserId" });
    const otherOrgManager = await makeUser(f.workers.otherOrgWorker.orgId, "manager");
    expect(await scheduleAppraisal(managerA, wA, { scheduledFor: TODAY, appraiserId: otherOrgManager.id }, TODAY)).toMatchObject({ field: "appraiserId" });
    await schedule();
    expect(await scheduleAppraisal(managerA, wA, { scheduledFor: TODAY, appraiserId: managerA.id }, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/not finished/) });
    expect(await db.select().from(appraisals)).toHaveLength(1);
  });
});

describe("the lifecycle", () => {
  it("starts by bringing in last year's objectives and the PDP's agreed live goals, once each by title", async () => {
    const first = await completed(); // its new objective: "Lead the falls-prevention huddle"
    expect(first).toBeTruthy();
    const pdp = await one(db.insert(pdps).values({ workerId: wA, periodStart: TODAY, periodEnd: addMonths(TODAY, 12), status: "draft" }).returning());
    const agreedAt = new Date();
    await db.insert(pdpGoals)
      .values([
        { pdpId: pdp.id, title: "lead the falls-prevention huddle ", proposedBy: "manager", agreedAt },
        { pdpId: pdp.id, title: "Shadow the dysphagia clinic", proposedBy: "worker", agreedAt },
        { pdpId: pdp.id, title: "Dropped goal", proposedBy: "worker", status: "dropped", agreedAt },
      ]);
    // Proposed by the worker this morning and never agreed by the manager: not an objective to mark met or not met.
    const proposed = await db.transaction(async (tx) =>
      await addGoalsToCurrentPdp(tx, workerA, wA, [{ title: "Run the Friday hydration round", targetDate: null, proposedBy: "worker" }], TODAY),
    );
    expect((await firstRow(db.select().from(pdpGoals).where(eq(pdpGoals.id, proposed.goalIds[0]!))))!.agreedAt).toBeNull();
    const id = await schedule(TODAY);
    expect((await startAppraisal(workerA, wA, id)).ok).toBe(false);
    expect(await startAppraisal(managerB, wA, id)).toMatchObject({ ok: false, message: "Appraisal not found" });
    expect((await startAppraisal(managerA, wA, id)).ok).toBe(true);
    const reviews = await db.select().from(appraisalObjectiveReviews).where(eq(appraisalObjectiveReviews.appraisalId, id));
    expect(reviews.map((r) => r.objective).sort()).toEqual(["Lead the falls-prevention huddle", "Shadow the dysphagia clinic"]);
    expect((await statusOf(id)).status).toBe("in_progress");
    expect((await startAppraisal(managerA, wA, id)).ok).toBe(false);
  });

  it("sends for sign-off only when held, every objective is marked and there is a summary", async () => {
    const id = await schedule();
    await startAppraisal(managerA, wA, id);
    await db.insert(appraisalObjectiveReviews).values({ appraisalId: id, objective: "Complete the Care Certificate" });
    const r = await sendForSignOff(managerA, wA, id, TODAY);
    expect(r).toMatchObject({ ok: false, fieldErrors: { heldOn: expect.any(String), reviews: expect.any(String), appraiserSummary: expect.any(String) } });
    expect(await saveAppraisal(managerA, wA, id, fields({ heldOn: addDays(TODAY, 1) }), TODAY)).toMatchObject({ ok: false, field: "heldOn" });
    expect((await statusOf(id)).status).toBe("in_progress");
  });

  it("lets only the worker sign off; a manager, a lead and another worker are refused", async () => {
    const id = await awaiting();
    const name = `${f.workers.workerA.firstName} ${f.workers.workerA.lastName}`;
    for (const u of [managerA, admin, lead]) {
      expect(await signOff(u, wA, id, { workerComments: "" }, SIGNED)).toEqual({ ok: false, code: "read_only", message: `Only ${name} can sign off their own appraisal` });
    }
    expect(await signOff(workerB, wA, id, { workerComments: "" }, SIGNED)).toEqual({ ok: false, code: "not_found", message: "Appraisal not found" });
    expect(await signOff(managerB, wA, id, { workerComments: "" }, SIGNED)).toEqual({ ok: false, code: "not_found", message: "Appraisal not found" });
    expect((await statusOf(id)).status).toBe("awaiting_sign_off");

    expect(await signOff(workerA, wA, id, { workerComments: "Fair and agreed" }, SIGNED)).toMatchObject({ ok: true, completed: false });
    // Signed by the worker alone, it waits for the appraiser: not complete, not locked for good.
    const half = await statusOf(id);
    expect(half).toMatchObject({ status: "awaiting_sign_off", workerComments: "Fair and agreed", completedAt: null, appraiserSignedAt: null });
    expect(half.workerSignedAt).toBeInstanceOf(Date);
    expect(await signAsAppraiser(managerA, wA, id, SIGNED)).toMatchObject({ ok: true, completed: true });
    const done = await statusOf(id);
    expect(done).toMatchObject({ status: "completed", appraiserSignedBy: managerA.id });
    expect(done.appraiserSignedAt).toBeInstanceOf(Date);
    expect(done.completedAt).toEqual(done.appraiserSignedAt);
    expect(await auditFor(id)).toEqual(
      expect.arrayContaining(["appraisal.started", "appraisal.saved", "appraisal.sent_for_sign_off", "appraisal.signed_off", "appraisal.appraiser_signed"]),
    );
  });

  it("lets the worker send it back with a reason, not without", async () => {
    const id = await awaiting();
    expect(await returnToManager(workerA, wA, id, "  ")).toMatchObject({ ok: false, message: "Give a reason", field: "reason" });
    expect((await returnToManager(managerA, wA, id, "x")).ok).toBe(false);
    expect(await returnToManager(workerA, wA, id, "The wellbeing notes are not what we agreed")).toMatchObject({ ok: true });
    expect(await statusOf(id)).toMatchObject({ status: "in_progress", statusReason: "The wellbeing notes are not what we agreed" });
    expect(await auditFor(id)).toContain("appraisal.returned");
  });

  it("cancels with a reason, by the manager only, before sign-off", async () => {
    const id = await schedule();
    expect(await cancelAppraisal(managerA, wA, id, "")).toMatchObject({ ok: false, message: "Give a reason" });
    expect((await cancelAppraisal(lead, wA, id, "Lead says so")).ok).toBe(false);
    expect((await cancelAppraisal(managerB, wA, id, "Not mine")).ok).toBe(false);
    expect(await cancelAppraisal(managerA, wA, id, "Long-term sick leave")).toMatchObject({ ok: true });
    expect(await statusOf(id)).toMatchObject({ status: "cancelled", statusReason: "Long-term sick leave" });
    expect(await saveAppraisal(managerA, wA, id, fields(), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/cancelled/) });
    // Cancelled frees the way for a new booking.
    expect((await scheduleAppraisal(managerA, wA, { scheduledFor: TODAY, appraiserId: managerA.id }, TODAY)).ok).toBe(true);
  });

  it("after the worker has left, only cancels their open appraisal", async () => {
    const id = await schedule();
    await db.update(workers).set({ status: "left", contractEnd: TODAY }).where(eq(workers.id, wA));
    expect(await startAppraisal(managerA, wA, id)).toMatchObject({ ok: false, message: expect.stringMatching(/has left, so this appraisal can only be cancelled/) });
    expect(await saveAppraisal(managerA, wA, id, fields(), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect(await cancelAppraisal(managerA, wA, id, "Left the trust")).toMatchObject({ ok: true });
  });
});

describe("the lock and reopening", () => {
  it("refuses every change to a completed appraisal with the lock message", async () => {
    const id = await completed();
    const locked = /^This appraisal was signed off on \d{1,2} \w+ \d{4} and is locked\. Reopen it with a reason to change it\.$/;
    expect(await saveAppraisal(managerA, wA, id, fields({ appraiserSummary: "Changed after the fact" }), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(locked) });
    expect(await sendForSignOff(managerA, wA, id, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(locked) });
    expect(await cancelAppraisal(managerA, wA, id, "Oops")).toMatchObject({ ok: false, message: expect.stringMatching(locked) });
    expect(await signOff(workerA, wA, id, { workerComments: "again" }, SIGNED)).toMatchObject({ ok: false, message: expect.stringMatching(locked) });
    expect((await statusOf(id)).appraiserSummary).toBe("A strong year");
  });

  it("also refuses the manager's edits while it waits for the worker", async () => {
    const id = await awaiting();
    expect(await saveAppraisal(managerA, wA, id, fields(), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/waiting for .+ to sign it off/) });
  });

  it("reopens with a reason: a reopening row, an audit entry, the sign-off cleared", async () => {
    const id = await completed();
    expect(await reopenAppraisal(managerA, wA, id, " ")).toMatchObject({ ok: false, message: "Give a reason" });
    expect((await reopenAppraisal(lead, wA, id, "Lead")).ok).toBe(false);
    expect((await reopenAppraisal(workerA, wA, id, "Me")).ok).toBe(false);
    expect(await reopenAppraisal(managerB, wA, id, "Not mine")).toMatchObject({ ok: false, message: "Appraisal not found" });
    expect(await db.select().from(appraisalReopenings)).toHaveLength(0);

    expect(await reopenAppraisal(managerA, wA, id, "Target date agreed later")).toMatchObject({ ok: true });
    expect(await statusOf(id)).toMatchObject({ status: "in_progress", workerSignedAt: null, appraiserSignedAt: null, appraiserSignedBy: null, completedAt: null });
    const rows = await db.select().from(appraisalReopenings).where(eq(appraisalReopenings.appraisalId, id));
    expect(rows).toMatchObject([{ reason: "Target date agreed later", reopenedBy: managerA.id }]);
    const event = await firstRow(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "appraisal.reopened"))));
    expect(JSON.parse(event!.summary)).toMatchObject({ reason: "Target date agreed later" });
    expect((await appraisalDetail(lead, wA, id))!.content!.reopenings).toHaveLength(1);
    // Reopened, it is editable again and no longer counts as done.
    expect((await saveAppraisal(managerA, wA, id, fields({ heldOn: TODAY, appraiserSummary: "Revised" }), TODAY)).ok).toBe(true);
    expect((await appraisalsPage(managerA, wA, TODAY))!.due?.lastCompletedOn).toBeNull();
  });
});

describe("the manager's form", () => {
  it("adds, edits and removes new objectives, and won't remove one that is already a PDP goal", async () => {
    const id = await schedule();
    await startAppraisal(managerA, wA, id);
    const row = (o: Partial<{ id: string | null; title: string; remove: boolean }>) => ({ id: null, title: "", successMeasure: "", targetDate: null, remove: false, ...o });
    await saveAppraisal(managerA, wA, id, fields({ objectives: [row({ title: "One" }), row({ title: "Two" }), row({})] }), TODAY);
    let saved = await db.select().from(appraisalObjectives).where(eq(appraisalObjectives.appraisalId, id));
    expect(saved.map((o) => o.title).sort()).toEqual(["One", "Two"]);
    const one = saved.find((o) => o.title === "One")!;
    const two = saved.find((o) => o.title === "Two")!;
    await saveAppraisal(managerA, wA, id, fields({ objectives: [row({ id: one.id, title: "One, reworded" }), row({ id: two.id, title: "Two", remove: true })] }), TODAY);
    saved = await db.select().from(appraisalObjectives).where(eq(appraisalObjectives.appraisalId, id));
    expect(saved.map((o) => o.title)).toEqual(["One, reworded"]);

    expect((await objectivesToPdp(managerA, wA, id, TODAY)).ok).toBe(true);
    const refused = await saveAppraisal(managerA, wA, id, fields({ wellbeing: "Changed", objectives: [row({ id: one.id, title: "One, reworded", remove: true })] }), TODAY);
    expect(refused).toMatchObject({ ok: false, field: "objectives.0.title", message: expect.stringMatching(/already a goal in the PDP/) });
    expect(await db.select().from(appraisalObjectives).where(eq(appraisalObjectives.appraisalId, id))).toHaveLength(1);
    expect((await statusOf(id)).wellbeing).toBe(""); // nothing of the refused save was written
  });

  it("reads repeated rows from the form and asks for an objective's title when other fields are filled", () => {
    const form = formData({
      heldOn: "",
      "reviews.0.id": "r1",
      "reviews.0.outcome": "partly_met",
      "reviews.0.comment": "Half done",
      "objectives.0.id": "",
      "objectives.0.title": "",
      "objectives.0.successMeasure": "Something measurable",
      "objectives.1.title": "",
    });
    const parsed = appraisalFields.safeParse(appraisalFormObject(form));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["objectives.0.title"]);
    const ok = appraisalFields.parse(appraisalFormObject(formData({ "reviews.0.id": "r1", "reviews.0.outcome": "met", "objectives.0.title": "" })));
    expect(ok.reviews).toEqual([{ id: "r1", outcome: "met", comment: "" }]);
    expect(appraisalFields.safeParse(appraisalFormObject(formData({ "reviews.0.id": "r1", "reviews.0.outcome": "brilliant" }))).success).toBe(false);
  });
});

describe("new objectives become PDP goals", () => {
  it("adds them to the current PDP once, linked back to the objective; again adds nothing", async () => {
    const id = await awaiting("Mentor the new starter");
    expect((await objectivesToPdp(lead, wA, id, TODAY)).ok).toBe(false);
    expect((await objectivesToPdp(workerA, wA, id, TODAY)).ok).toBe(false);
    expect(await objectivesToPdp(managerB, wA, id, TODAY)).toMatchObject({ ok: false, message: "Appraisal not found" });

    const first = await objectivesToPdp(managerA, wA, id, TODAY);
    expect(first).toMatchObject({ ok: true, message: expect.stringMatching(/^1 objective added to the PDP/) });
    const objective = (await firstRow(db.select().from(appraisalObjectives).where(eq(appraisalObjectives.appraisalId, id))))!;
    const goals = await db.select().from(pdpGoals).where(eq(pdpGoals.sourceObjectiveId, objective.id));
    expect(goals).toMatchObject([{ title: "Mentor the new starter", successMeasure: "Runs weekly", proposedBy: "manager" }]);
    expect((await appraisalDetail(workerA, wA, id))!.content!.objectives[0]!.goalId).toBe(goals[0]!.id);

    expect(await objectivesToPdp(managerA, wA, id, TODAY)).toMatchObject({ ok: true, message: "These objectives are already goals in the PDP" });
    expect(await db.select().from(pdpGoals).where(eq(pdpGoals.sourceObjectiveId, objective.id))).toHaveLength(1);
    expect((await auditFor(id)).filter((a) => a === "appraisal.objectives_to_pdp")).toHaveLength(2);
  });

  it("refuses for a cancelled appraisal or one without objectives", async () => {
    const id = await schedule();
    expect(await objectivesToPdp(managerA, wA, id, TODAY)).toMatchObject({ ok: false, message: "Save at least one new objective first" });
    await cancelAppraisal(managerA, wA, id, "Postponed");
    expect(await objectivesToPdp(managerA, wA, id, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/cancelled/) });
  });
});

describe("the career conversation in the appraisal", () => {
  it("shows conversations held inside this appraisal", async () => {
    const id = await awaiting();
    await db.insert(careerConversations)
      .values({ workerId: wA, appraisalId: id, heldOn: TODAY, aspiration: "assistant_practitioner", apprenticeshipInterest: "yes", optionsDiscussed: "Level 5 AP apprenticeship" });
    expect((await appraisalDetail(workerA, wA, id))!.content!.conversations).toMatchObject([{ aspiration: "assistant_practitioner", optionsDiscussed: "Level 5 AP apprenticeship", steps: [] }]);
  });
});

describe("the server actions", () => {
  it("schedule: a manager is sent to the new appraisal; bad input comes back kept; a lead and a worker get 404", async () => {
    const { scheduleAppraisalAction } = await import("@/app/(app)/workers/[id]/appraisals/actions");
    actAs(lead);
    await expect(scheduleAppraisalAction(wA, {}, formData({ scheduledFor: TODAY, appraiserId: managerA.id }))).rejects.toThrow(NOT_FOUND);
    actAs(workerA);
    await expect(scheduleAppraisalAction(wA, {}, formData({ scheduledFor: TODAY, appraiserId: managerA.id }))).rejects.toThrow(NOT_FOUND);
    actAs(managerA);
    const far = addMonths(TODAY, 36);
    const state = await scheduleAppraisalAction(wA, {}, formData({ scheduledFor: far, appraiserId: managerA.id }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { scheduledFor: expect.stringMatching(/18 months/) }, values: { scheduledFor: far } });
    const bad = await scheduleAppraisalAction(wA, {}, formData({ scheduledFor: "2026-02-30", appraiserId: "" }));
    expect(bad.fieldErrors).toMatchObject({ scheduledFor: expect.stringMatching(/real date/), appraiserId: "Select the appraiser" });
    await expect(scheduleAppraisalAction(wA, {}, formData({ scheduledFor: TODAY, appraiserId: managerA.id }))).rejects.toThrow(/NEXT_REDIRECT/);
  });

  it("sign-off: the manager is told only the worker can; the worker signs, then the appraiser; then edits are refused with the lock message", async () => {
    const { signOffAppraisalAction, signAsAppraiserAction, saveAppraisalAction, returnToManagerAction } = await import("@/app/(app)/workers/[id]/appraisals/actions");
    const id = await awaiting();
    actAs(freshSignOn(managerA));
    const refused = await signOffAppraisalAction(wA, id, {}, formData({ workerComments: "Signed for them" }));
    expect(refused.message).toBe(`Only ${f.workers.workerA.firstName} ${f.workers.workerA.lastName} can sign off their own appraisal`);
    actAs(freshSignOn(workerB));
    await expect(signOffAppraisalAction(wA, id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    actAs(freshSignOn(workerA));
    const noReason = await returnToManagerAction(wA, id, {}, formData({ reason: "" }));
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: "Give a reason" } });
    await expect(signOffAppraisalAction(wA, id, {}, formData({ workerComments: "Happy with this" }))).rejects.toThrow(/NEXT_REDIRECT/);
    actAs(freshSignOn(managerA));
    await expect(signAsAppraiserAction(wA, id, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    actAs(managerA);
    const locked = await saveAppraisalAction(wA, id, {}, formData({ achievements: "Rewritten", "objectives.0.title": "" }));
    expect(locked).toMatchObject({ ok: false, message: expect.stringMatching(/is locked\. Reopen it with a reason/), values: { achievements: "Rewritten" } });
  });

  it("save: 'Add another objective' returns the typed values with one more row and saves nothing", async () => {
    const { saveAppraisalAction } = await import("@/app/(app)/workers/[id]/appraisals/actions");
    const id = await schedule();
    await startAppraisal(managerA, wA, id);
    actAs(managerA);
    const state = await saveAppraisalAction(wA, id, {}, formData({ intent: "add_objective", achievements: "Typed", "objectives.0.title": "First" }));
    expect(state.values).toMatchObject({ achievements: "Typed", "objectives.0.title": "First", "objectives.1.title": "" });
    expect((await statusOf(id)).achievements).toBe("");
    const saved = await saveAppraisalAction(wA, id, {}, formData({ intent: "save", achievements: "Typed", "objectives.0.title": "First" }));
    expect(saved).toMatchObject({ ok: true, message: "Appraisal saved" });
    expect((await statusOf(id)).achievements).toBe("Typed");
    actAs(lead);
    await expect(saveAppraisalAction(wA, id, {}, formData({ intent: "save" }))).rejects.toThrow(NOT_FOUND);
    actAs(managerB);
    await expect(saveAppraisalAction(wA, id, {}, formData({ intent: "save" }))).rejects.toThrow(NOT_FOUND);
  });
});
