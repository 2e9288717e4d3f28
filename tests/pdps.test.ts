// The PDP as a plan: who may start, agree, review and close one; agreement makes it active, a plan change a new
// version; reviews keep to the PDP's dates; a closed PDP refuses changes; carry-over copies unfinished goals only.
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import {
  auditEvents,
  frameworks,
  frameworkVersions,
  frameworkDomains,
  pdps,
  pdpGoals,
  pdpGoalDomains,
  pdpGoalSupport,
  pdpActions,
  pdpNotes,
  pdpReviews,
} from "@/db/schema";
import { agreePdp, closePdp, pdpById, pdpPage, recordPdpReview, startPdp } from "@/db/queries/pdps";
import { markPlanChanged } from "@/db/queries/pdp-intake";
import { agreePdpAction, closePdpAction, recordPdpReviewAction, startPdpAction } from "@/app/(app)/workers/[id]/pdp/actions";
import { pdpReviewFields, startPdpFields } from "@/lib/forms/pdp";
import { todayInLondon } from "@/lib/rules/dates";
import type { GoalStatus } from "@/lib/vocabulary";
import { twoTeams, asSession, SIGNED, freshSignOn } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";
const PERIOD = { periodStart: "2026-04-01", periodEnd: "2027-03-31", nextReviewOn: "2026-07-01" };

async function setup() {
  const f = await twoTeams();
  const s = {
    managerA: asSession(f.users.managerA),
    managerB: asSession(f.users.managerB),
    lead: asSession(f.users.lead),
    admin: asSession(f.users.admin),
    workerA: asSession(f.users.workerUserA),
    workerB: asSession(f.users.workerUserB),
  };
  return { f, s, workerId: f.workers.workerA.id };
}

async function addGoal(pdpId: string, over: Partial<typeof pdpGoals.$inferInsert> = {}) {
  return await one(db
    .insert(pdpGoals)
    .values({ pdpId, title: "Lead a falls-prevention group", proposedBy: "manager", agreedAt: new Date(), ...over })
    .returning());
}

async function started(s: Awaited<ReturnType<typeof setup>>) {
  const r = await startPdp(s.s.managerA, s.workerId, PERIOD);
  if (!r.ok) throw new Error(r.message);
  await addGoal(r.pdpId);
  return r.pdpId;
}

const pdpRow = async (id: string) => (await first(db.select().from(pdps).where(eq(pdps.id, id))))!;
const auditActions = async (entityId: string) =>
  (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, entityId))).map((a) => a.action);

describe("starting a PDP", () => {
  it("lets the worker's manager start one, audited, and refuses a second current one", async () => {
    const t = await setup();
    const r = await startPdp(t.s.managerA, t.workerId, PERIOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await pdpRow(r.pdpId)).toMatchObject({ status: "draft", version: 1, ...PERIOD, createdBy: t.s.managerA.id });
    expect(await auditActions(r.pdpId)).toEqual(["pdp.created"]);
    const again = await startPdp(t.s.admin, t.workerId, PERIOD);
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("already has a current PDP") });
  });

  it("gives another team's manager and another worker nothing, and refuses a lead and the worker", async () => {
    const t = await setup();
    expect(await startPdp(t.s.managerB, t.workerId, PERIOD)).toMatchObject({ ok: false, code: "not_found" });
    expect(await startPdp(t.s.workerB, t.workerId, PERIOD)).toMatchObject({ ok: false, code: "not_found" });
    expect(await startPdp(t.s.lead, t.workerId, PERIOD)).toMatchObject({ ok: false, message: "Leads can read PDPs but not change them" });
    expect(await startPdp(t.s.workerA, t.workerId, PERIOD)).toMatchObject({ ok: false, message: "Only your manager can do this" });
    expect(await db.select().from(pdps)).toHaveLength(0);
  });

  it("refuses a first review outside the period, with the field named", async () => {
    const t = await setup();
    expect(await startPdp(t.s.managerA, t.workerId, { ...PERIOD, nextReviewOn: "2027-06-01" })).toMatchObject({ ok: false, field: "nextReviewOn" });
    const schema = startPdpFields(TODAY);
    const bad = schema.safeParse({ periodStart: "2026-04-01", periodEnd: "2026-03-01", nextReviewOn: "2026-05-01" });
    expect(bad.error?.issues.map((i) => [i.path[0], i.message])).toContainEqual(["periodEnd", "The end of the period must be after its start"]);
    expect(schema.safeParse({ periodStart: "not a date", periodEnd: "", nextReviewOn: "2026-05-01" }).success).toBe(false);
  });
});

describe("agreeing a PDP", () => {
  it("becomes active once the worker and a manager have both agreed; the manager's agreement agrees pending goals", async () => {
    const t = await setup();
    const pdpId = await started(t);
    const proposed = await addGoal(pdpId, { title: "Shadow the dysphagia clinic", proposedBy: "worker", agreedAt: null });

    const byWorker = await agreePdp(t.s.workerA, t.workerId, pdpId, SIGNED);
    expect(byWorker).toMatchObject({ ok: true, message: expect.stringContaining("Waiting for your manager") });
    expect(await pdpRow(pdpId)).toMatchObject({ status: "draft", managerAgreedAt: null });
    expect((await pdpRow(pdpId)).workerAgreedAt).toBeInstanceOf(Date);

    const byManager = await agreePdp(t.s.managerA, t.workerId, pdpId, SIGNED);
    expect(byManager).toMatchObject({ ok: true, message: expect.stringContaining("agreed by you both") });
    expect(await pdpRow(pdpId)).toMatchObject({ status: "active", managerAgreedBy: t.s.managerA.id });
    expect((await first(db.select().from(pdpGoals).where(eq(pdpGoals.id, proposed.id))))!.agreedAt).toBeInstanceOf(Date);
    expect((await auditActions(pdpId)).filter((a) => a === "pdp.agreed")).toHaveLength(2);
    expect(await auditActions(proposed.id)).toEqual(["pdp_goal.agreed"]);

    // Agreeing again is a friendly no-op.
    const before = (await pdpRow(pdpId)).managerAgreedAt;
    expect(await agreePdp(t.s.managerA, t.workerId, pdpId, SIGNED)).toMatchObject({ ok: true, message: "You have already agreed version 1 of this plan" });
    expect((await pdpRow(pdpId)).managerAgreedAt).toEqual(before);
    // Agreeing from a page opened before the plan changed is refused: the person must read the new version.
    await db.update(pdps).set({ version: 2, workerAgreedAt: null, managerAgreedAt: null }).where(eq(pdps.id, pdpId));
    expect(await agreePdp(t.s.workerA, t.workerId, pdpId, SIGNED, 1)).toMatchObject({ ok: false, message: expect.stringContaining("changed since you opened it") });
    expect(await agreePdp(t.s.workerA, t.workerId, pdpId, SIGNED, 2)).toMatchObject({ ok: true });
  });

  it("refuses a lead, another team's manager and another worker, and an empty plan", async () => {
    const t = await setup();
    const r = await startPdp(t.s.managerA, t.workerId, PERIOD);
    if (!r.ok) throw new Error(r.message);
    expect(await agreePdp(t.s.managerA, t.workerId, r.pdpId, SIGNED)).toMatchObject({ ok: false, message: "Add at least one goal before agreeing this plan" });
    await addGoal(r.pdpId);
    expect(await agreePdp(t.s.lead, t.workerId, r.pdpId, SIGNED)).toMatchObject({ ok: false, message: "Leads can read PDPs but not change them" });
    expect(await agreePdp(t.s.managerB, t.workerId, r.pdpId, SIGNED)).toMatchObject({ ok: false, code: "not_found" });
    expect(await agreePdp(t.s.workerB, t.workerId, r.pdpId, SIGNED)).toMatchObject({ ok: false, code: "not_found" });
    // A PDP id of one worker under another worker's id is not found.
    expect(await agreePdp(t.s.managerA, t.f.workers.lineManagedOnly.id, r.pdpId, SIGNED)).toMatchObject({ ok: false, code: "not_found" });
    expect(await pdpRow(r.pdpId)).toMatchObject({ workerAgreedAt: null, managerAgreedAt: null });
  });

  it("a plan change on an agreed PDP makes a new version both must agree; it stays active", async () => {
    const t = await setup();
    const pdpId = await started(t);
    await agreePdp(t.s.workerA, t.workerId, pdpId, SIGNED);
    await agreePdp(t.s.managerA, t.workerId, pdpId, SIGNED);
    await db.transaction(async (tx) => await markPlanChanged(tx, t.s.managerA, pdpId));
    expect(await pdpRow(pdpId)).toMatchObject({ status: "active", version: 2, workerAgreedAt: null, managerAgreedAt: null });
    const page = (await pdpPage(t.s.workerA, t.workerId))!;
    expect(page.current).toMatchObject({ version: 2, status: "active" });
    expect(await agreePdp(t.s.workerA, t.workerId, pdpId, SIGNED)).toMatchObject({ ok: true, message: expect.stringContaining("Waiting") });
    expect(await agreePdp(t.s.admin, t.workerId, pdpId, SIGNED)).toMatchObject({ ok: true, message: "Plan agreed. Version 2 is agreed by you both." });
  });
});

describe("recording a review", () => {
  const review = { reviewedOn: "2026-10-01", summary: "Good progress on the group sessions", nextReviewOn: "2027-01-10" };

  it("records a review and moves the PDP's next review date, audited", async () => {
    const t = await setup();
    const pdpId = await started(t);
    const r = await recordPdpReview(t.s.managerA, t.workerId, pdpId, review, TODAY);
    expect(r).toMatchObject({ ok: true });
    expect((await pdpRow(pdpId)).nextReviewOn).toBe("2027-01-10");
    const rows = await db.select().from(pdpReviews).where(eq(pdpReviews.pdpId, pdpId));
    expect(rows).toMatchObject([{ ...review, reviewerId: t.s.managerA.id }]);
    expect(await auditActions(rows[0]!.id)).toEqual(["pdp.reviewed"]);
  });

  it("refuses a review before the PDP started or in the future, and a next review before it", async () => {
    const t = await setup();
    const pdpId = await started(t);
    expect(await recordPdpReview(t.s.managerA, t.workerId, pdpId, { ...review, reviewedOn: "2026-03-31" }, TODAY)).toEqual({
      ok: false,
      code: "invalid",
      field: "reviewedOn",
      message: "The review date cannot be before the PDP started (1 April 2026)",
    });
    expect(await recordPdpReview(t.s.managerA, t.workerId, pdpId, { ...review, reviewedOn: "2026-11-23", nextReviewOn: "2027-02-01" }, TODAY)).toMatchObject({
      ok: false,
      field: "reviewedOn",
      message: "The review date cannot be in the future",
    });
    expect(await recordPdpReview(t.s.managerA, t.workerId, pdpId, { ...review, nextReviewOn: "2026-10-01" }, TODAY)).toMatchObject({
      ok: false,
      field: "nextReviewOn",
    });
    expect(await db.select().from(pdpReviews)).toHaveLength(0);
  });

  it("refuses the worker, a lead and another team's manager", async () => {
    const t = await setup();
    const pdpId = await started(t);
    expect(await recordPdpReview(t.s.workerA, t.workerId, pdpId, review, TODAY)).toMatchObject({ ok: false, message: "Only your manager can do this" });
    expect(await recordPdpReview(t.s.lead, t.workerId, pdpId, review, TODAY)).toMatchObject({ ok: false, message: "Leads can read PDPs but not change them" });
    expect(await recordPdpReview(t.s.managerB, t.workerId, pdpId, review, TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db.select().from(pdpReviews)).toHaveLength(0);
  });
});

describe("closing a PDP", () => {
  async function withDomain() {
    const fw = await one(db.insert(frameworks).values({ key: "hee", name: "HEE" }).returning());
    const v = await one(db.insert(frameworkVersions).values({ frameworkId: fw.id, version: 1, status: "published" }).returning());
    return await one(db.insert(frameworkDomains).values({ versionId: v.id, number: 2, title: "Supporting service users" }).returning());
  }

  it("closes it and refuses any change after, with the date it closed", async () => {
    const t = await setup();
    const pdpId = await started(t);
    expect(await closePdp(t.s.managerA, t.workerId, pdpId, { carryOver: false }, TODAY)).toMatchObject({ ok: true });
    expect(await pdpRow(pdpId)).toMatchObject({ status: "closed", nextReviewOn: null });
    expect(await auditActions(pdpId)).toContain("pdp.closed");
    const closedOn = todayInLondon((await pdpRow(pdpId)).closedAt!);
    const refusal = await agreePdp(t.s.workerA, t.workerId, pdpId, SIGNED);
    expect(refusal.ok).toBe(false);
    if (refusal.ok) return;
    expect(refusal.message).toMatch(/^This PDP was closed on \d{1,2} \w+ \d{4}; start a new one to make changes$/);
    expect(refusal.message).toContain(closedOn.slice(0, 4));
    expect(await recordPdpReview(t.s.managerA, t.workerId, pdpId, { reviewedOn: "2026-10-01", summary: "x", nextReviewOn: "2027-01-01" }, TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining("This PDP was closed on"),
    });
    expect(await closePdp(t.s.managerA, t.workerId, pdpId, { carryOver: true }, TODAY)).toMatchObject({ ok: false, message: expect.stringContaining("closed on") });
    // It stays readable, and a new one can start.
    expect((await pdpPage(t.s.workerA, t.workerId))!.earlier.map((p) => p.id)).toEqual([pdpId]);
    expect((await pdpById(t.s.workerA, t.workerId, pdpId))!.pdp.status).toBe("closed");
    expect((await startPdp(t.s.managerA, t.workerId, { periodStart: "2027-04-01", periodEnd: "2028-03-31", nextReviewOn: "2027-07-01" })).ok).toBe(true);
  });

  it("carries unfinished goals only into a draft PDP for the next period, with their domains and support", async () => {
    const t = await setup();
    const domain = await withDomain();
    const r = await startPdp(t.s.managerA, t.workerId, PERIOD);
    if (!r.ok) throw new Error(r.message);
    const statuses: GoalStatus[] = ["not_started", "in_progress", "achieved", "deferred", "dropped"];
    const goals = await Promise.all(statuses.map(async (status, i) => await addGoal(r.pdpId, { title: `Goal ${status}`, status, sort: i, targetDate: i === 1 ? "2027-06-01" : "2026-09-01" })));
    await db.insert(pdpGoalDomains).values({ goalId: goals[1]!.id, domainId: domain.id });
    await db.insert(pdpGoalSupport).values({ goalId: goals[1]!.id, kind: "protected_time" });

    const closed = await closePdp(t.s.managerA, t.workerId, r.pdpId, { carryOver: true }, TODAY);
    expect(closed).toMatchObject({ ok: true, carried: 3 });
    if (!closed.ok || !closed.nextPdpId) throw new Error("no next PDP");
    // The old period ended 2027-03-31, after today: the next starts the day after.
    expect(await pdpRow(closed.nextPdpId)).toMatchObject({ status: "draft", periodStart: "2027-04-01", periodEnd: "2028-04-01", workerAgreedAt: null });
    const view = (await pdpPage(t.s.managerA, t.workerId))!.current!;
    expect(view.id).toBe(closed.nextPdpId);
    expect(view.goals.map((g) => [g.title, g.status])).toEqual([
      ["Goal not_started", "not_started"],
      ["Goal in_progress", "in_progress"],
      ["Goal deferred", "not_started"],
    ]);
    expect(view.goals.every((g) => g.agreedAt instanceof Date)).toBe(true);
    expect(view.goals[1]).toMatchObject({ targetDate: "2027-06-01", domains: [{ number: 2, title: "Supporting service users" }], support: ["protected_time"] });
    expect(view.goals[0]!.targetDate).toBeNull();
    // The old PDP keeps all five, and the list of earlier PDPs counts them.
    expect(await db.select().from(pdpGoals).where(eq(pdpGoals.pdpId, r.pdpId))).toHaveLength(5);
    expect((await pdpPage(t.s.managerA, t.workerId))!.earlier).toEqual([expect.objectContaining({ id: r.pdpId, goals: 5, achieved: 1 })]);
    const created = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "pdp_goal.created"), eq(auditEvents.workerId, t.workerId)));
    expect(created).toHaveLength(3);
  });

  it("starts the next period today when the old one has already ended", async () => {
    const t = await setup();
    const r = await startPdp(t.s.managerA, t.workerId, { periodStart: "2025-04-01", periodEnd: "2026-03-31", nextReviewOn: "2025-07-01" });
    if (!r.ok) throw new Error(r.message);
    const closed = await closePdp(t.s.managerA, t.workerId, r.pdpId, { carryOver: true }, TODAY);
    expect(closed.ok && (await pdpRow(closed.nextPdpId!)).periodStart).toBe(TODAY);
  });

  it("refuses the worker, a lead and another team's manager", async () => {
    const t = await setup();
    const pdpId = await started(t);
    expect(await closePdp(t.s.workerA, t.workerId, pdpId, { carryOver: false })).toMatchObject({ ok: false, message: "Only your manager can do this" });
    expect(await closePdp(t.s.lead, t.workerId, pdpId, { carryOver: false })).toMatchObject({ ok: false, message: "Leads can read PDPs but not change them" });
    expect(await closePdp(t.s.managerB, t.workerId, pdpId, { carryOver: false })).toMatchObject({ ok: false, code: "not_found" });
    expect((await pdpRow(pdpId)).status).toBe("draft");
  });
});

describe("reading PDPs", () => {
  it("shows the worker their own, their manager and a lead theirs, and nobody else anything", async () => {
    const t = await setup();
    const pdpId = await started(t);
    const goal = (await first(db.select().from(pdpGoals).where(eq(pdpGoals.pdpId, pdpId))))!;
    await db.insert(pdpActions).values([
      { goalId: goal.id, description: "Book the course", owner: "worker", dueOn: "2026-12-01" },
      { goalId: goal.id, description: "Done already", owner: "manager", dueOn: "2026-05-01", doneOn: "2026-05-01" },
    ]);
    for (let i = 0; i < 5; i++) {
      await db.insert(pdpNotes).values({ goalId: goal.id, kind: "progress", body: `Note ${i}`, authorId: t.s.workerA.id, createdAt: new Date(Date.UTC(2026, 5, i + 1)) });
    }
    for (const who of [t.s.workerA, t.s.managerA, t.s.lead, t.s.admin]) {
      const page = await pdpPage(who, t.workerId);
      expect(page?.current?.id).toBe(pdpId);
    }
    const g = (await pdpPage(t.s.workerA, t.workerId))!.current!.goals[0]!;
    expect(g).toMatchObject({ openActions: 1, nextActionDue: "2026-12-01" });
    expect(g.notes.map((n) => n.body)).toEqual(["Note 4", "Note 3", "Note 2"]);
    expect(g.notes[0]!.authorName).toBe(t.f.users.workerUserA.name);
    expect(g.lastNoteAt).toEqual(new Date(Date.UTC(2026, 5, 5)));
    expect((await pdpPage(t.s.workerA, t.workerId))!.worker.isOwn).toBe(true);
    expect((await pdpPage(t.s.managerA, t.workerId))!.worker.canManage).toBe(true);
    expect((await pdpPage(t.s.lead, t.workerId))!.worker.canManage).toBe(false);

    expect(await pdpPage(t.s.managerB, t.workerId)).toBeUndefined();
    expect(await pdpPage(t.s.workerB, t.workerId)).toBeUndefined();
    expect(await pdpById(t.s.managerB, t.workerId, pdpId)).toBeUndefined();
    // The right worker, a PDP that is not theirs.
    expect(await pdpById(t.s.managerA, t.f.workers.lineManagedOnly.id, pdpId)).toBeUndefined();
  });
});

describe("the server actions", () => {
  it("start, review and close for the manager, keeping typed text on a bad review date", async () => {
    const t = await setup();
    actAs(t.s.managerA);
    await expect(startPdpAction(t.workerId, {}, formData(PERIOD))).rejects.toThrow(/NEXT_REDIRECT/);
    const pdpId = (await first(db.select().from(pdps)))!.id;
    await addGoal(pdpId);
    const bad = await recordPdpReviewAction(t.workerId, {}, formData({ pdpId, reviewedOn: "2026-01-01", summary: "Kept text", nextReviewOn: "2026-12-01" }));
    expect(bad.fieldErrors?.reviewedOn).toBe("The review date cannot be before the PDP started (1 April 2026)");
    expect(bad.values?.summary).toBe("Kept text");
    const today = todayInLondon();
    const schemaCheck = pdpReviewFields(today).safeParse({ pdpId, reviewedOn: today, summary: "", nextReviewOn: today });
    expect(schemaCheck.error?.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(["summary", "nextReviewOn"]));
    const unconfirmed = await closePdpAction(t.workerId, {}, formData({ pdpId, carryOver: "yes" }));
    expect(unconfirmed.fieldErrors?.confirm).toBe("Confirm that you want to close this PDP");
    await expect(closePdpAction(t.workerId, {}, formData({ pdpId, carryOver: "yes", confirm: "yes" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await pdpRow(pdpId)).status).toBe("closed");
  });

  it("answers 404 to another team's manager, a lead's change and another worker's agreement", async () => {
    const t = await setup();
    const pdpId = await started(t);
    actAs(freshSignOn(t.s.managerB));
    await expect(agreePdpAction(t.workerId, {}, formData({ pdpId }))).rejects.toThrow(NOT_FOUND);
    actAs(freshSignOn(t.s.workerB));
    await expect(agreePdpAction(t.workerId, {}, formData({ pdpId }))).rejects.toThrow(NOT_FOUND);
    actAs(freshSignOn(t.s.lead));
    await expect(startPdpAction(t.workerId, {}, formData(PERIOD))).rejects.toThrow(NOT_FOUND);
    const leadAgree = await agreePdpAction(t.workerId, {}, formData({ pdpId }));
    expect(leadAgree.message).toBe("Leads can read PDPs but not change them");
    actAs(freshSignOn(t.s.workerA));
    await expect(agreePdpAction(t.workerId, {}, formData({ pdpId }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await pdpRow(pdpId)).workerAgreedAt).toBeInstanceOf(Date);
  });
});
