// Moving a booked appraisal to another date (issue 20): who may, what a new date must be, the moves kept and audited
// and shown to everyone who sees the appraisal, reminders following the new date, and nobody moving their own.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { db, first } from "@/db/client";
import { appraisalReschedulings, appraisals, auditEvents } from "@/db/schema";
import { appraisalDetail, cancelAppraisal, rescheduleAppraisal, scheduleAppraisal, startAppraisal } from "@/db/queries/appraisals";
import { inboxRemindersNow } from "@/db/queries/inbox";
import { addDays, addMonths, todayInLondon } from "@/lib/rules/dates";
import { rescheduleDateProblem } from "@/lib/rules/appraisal-lifecycle";
import { asSession, makeWorker, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

// Dates are worked out from whatever day the run takes as today (PATHWAYS_TODAY, or the real one in London).
const TODAY = todayInLondon();
const BOOKED = addDays(TODAY, 10);
const MOVED = addDays(TODAY, 20);

let f: Awaited<ReturnType<typeof twoTeams>>;
let managerA: ReturnType<typeof asSession>;
let managerB: ReturnType<typeof asSession>;
let lead: ReturnType<typeof asSession>;
let admin: ReturnType<typeof asSession>;
let workerA: ReturnType<typeof asSession>;
let wA: string;

beforeEach(async () => {
  f = await twoTeams();
  managerA = asSession(f.users.managerA);
  managerB = asSession(f.users.managerB);
  lead = asSession(f.users.lead);
  admin = asSession(f.users.admin);
  workerA = asSession(f.users.workerUserA);
  wA = f.workers.workerA.id;
});

async function booked(on = BOOKED) {
  const r = await scheduleAppraisal(managerA, wA, { scheduledFor: on, appraiserId: managerA.id }, TODAY);
  if (!r.ok) throw new Error(r.message);
  return r.appraisalId;
}

const row = async (id: string) => (await first(db.select().from(appraisals).where(eq(appraisals.id, id))))!;
const moves = async (id: string) => await db.select().from(appraisalReschedulings).where(eq(appraisalReschedulings.appraisalId, id));
const auditCount = async () => (await first(db.select({ n: sql<number>`count(*)` }).from(auditEvents)))!.n;

describe("the rule for a new date", () => {
  it("needs a date other than the one booked, within booking's limits", () => {
    expect(rescheduleDateProblem("2027-01-10", "2027-01-10", "2026-12-01", "2022-04-01")).toBe("The appraisal is already booked for 10 January 2027. Choose another date.");
    expect(rescheduleDateProblem("2027-01-11", "2027-01-10", "2026-12-01", "2022-04-01")).toBeNull();
    expect(rescheduleDateProblem("2028-07-01", "2027-01-10", "2026-12-01", "2022-04-01")).toBe("The appraisal date must be within 18 months from today");
    expect(rescheduleDateProblem("2022-03-31", "2027-01-10", "2026-12-01", "2022-04-01")).toBe("The appraisal date cannot be before the worker started");
  });
});

describe("moving a booked appraisal", () => {
  it("lets the worker's manager move it with a reason: the move kept, the date changed, the change audited", async () => {
    const id = await booked();
    expect(await rescheduleAppraisal(managerA, wA, id, { scheduledFor: MOVED, reason: "  Clinic cover on the day  " }, TODAY)).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ scheduledFor: MOVED, status: "scheduled" });
    expect(await moves(id)).toMatchObject([{ fromDate: BOOKED, toDate: MOVED, reason: "Clinic cover on the day", rescheduledBy: managerA.id }]);
    const event = await first(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "appraisal.rescheduled"))));
    expect(event).toMatchObject({ actorId: managerA.id, workerId: wA });
    expect(JSON.parse(event!.summary)).toEqual({ from: BOOKED, to: MOVED, reason: "Clinic cover on the day" });

    // Moved again, the history keeps both, oldest first, and everyone who sees the appraisal sees it (the worker too).
    const later = addDays(MOVED, 7);
    expect((await rescheduleAppraisal(admin, wA, id, { scheduledFor: later, reason: "Manager on leave" }, TODAY)).ok).toBe(true);
    for (const u of [managerA, lead, admin, workerA]) {
      const detail = (await appraisalDetail(u, wA, id))!;
      expect(detail.reschedulings.map((m) => [m.fromDate, m.toDate, m.reason])).toEqual([
        [BOOKED, MOVED, "Clinic cover on the day"],
        [MOVED, later, "Manager on leave"],
      ]);
      expect(detail.reschedulings[0]!.byName).toBe(f.users.managerA.name);
    }
    expect((await appraisalDetail(managerA, wA, id))!.canReschedule).toBe(true);
    expect((await appraisalDetail(lead, wA, id))!.canReschedule).toBe(false);
    expect((await appraisalDetail(workerA, wA, id))!.canReschedule).toBe(false);
  });

  it("refuses another team's manager (not found), a lead and the worker (only whoever books it), and writes nothing", async () => {
    const id = await booked();
    const before = await auditCount();
    const move = { scheduledFor: MOVED, reason: "Because" };
    expect(await rescheduleAppraisal(managerB, wA, id, move, TODAY)).toEqual({ ok: false, code: "not_found", message: "Appraisal not found" });
    expect(await rescheduleAppraisal(lead, wA, id, move, TODAY)).toMatchObject({ ok: false, code: "read_only" });
    expect(await rescheduleAppraisal(workerA, wA, id, move, TODAY)).toMatchObject({ ok: false, code: "read_only" });
    // The appraisal must be this worker's.
    expect(await rescheduleAppraisal(managerA, f.workers.lineManagedOnly.id, id, move, TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect((await row(id)).scheduledFor).toBe(BOOKED);
    expect(await moves(id)).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it("refuses the same date, a date booking would refuse, and no reason, each on its field", async () => {
    const id = await booked();
    expect(await rescheduleAppraisal(managerA, wA, id, { scheduledFor: BOOKED, reason: "No change" }, TODAY)).toMatchObject({
      ok: false,
      code: "invalid",
      field: "scheduledFor",
      message: expect.stringMatching(/^The appraisal is already booked for .+\. Choose another date\.$/),
    });
    expect(await rescheduleAppraisal(managerA, wA, id, { scheduledFor: addMonths(TODAY, 19), reason: "Far" }, TODAY)).toMatchObject({ field: "scheduledFor", message: expect.stringMatching(/within 18 months/) });
    expect(await rescheduleAppraisal(managerA, wA, id, { scheduledFor: "2022-03-31", reason: "Early" }, TODAY)).toMatchObject({ field: "scheduledFor", message: expect.stringMatching(/before the worker started/) });
    expect(await rescheduleAppraisal(managerA, wA, id, { scheduledFor: MOVED, reason: "   " }, TODAY)).toMatchObject({ ok: false, field: "reason", message: "Give a reason" });
    expect(await moves(id)).toHaveLength(0);
  });

  it("moves only a booked one: not once started, nor cancelled", async () => {
    const started = await booked(TODAY);
    expect((await startAppraisal(managerA, wA, started)).ok).toBe(true);
    expect(await rescheduleAppraisal(managerA, wA, started, { scheduledFor: MOVED, reason: "Late" }, TODAY)).toMatchObject({ ok: false, code: "invalid", message: expect.stringMatching(/in progress/) });
    expect((await appraisalDetail(managerA, wA, started))!.canReschedule).toBe(false);
    await db.update(appraisals).set({ status: "cancelled" }).where(eq(appraisals.id, started));
    const id = await booked();
    expect((await cancelAppraisal(managerA, wA, id, "Left the service")).ok).toBe(true);
    expect(await rescheduleAppraisal(managerA, wA, id, { scheduledFor: MOVED, reason: "Oops" }, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/cancelled/) });
  });

  it("nobody moves their own appraisal: a manager with a record of their own is told who does", async () => {
    const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: managerB.id, userId: managerA.id });
    const r = await scheduleAppraisal(managerB, own.id, { scheduledFor: BOOKED, appraiserId: managerB.id }, TODAY);
    if (!r.ok) throw new Error(r.message);
    const before = await auditCount();
    expect(await rescheduleAppraisal(managerA, own.id, r.appraisalId, { scheduledFor: MOVED, reason: "Mine" }, TODAY)).toMatchObject({
      ok: false,
      code: "read_only",
      message: expect.stringMatching(/^You can't appraise yourself.+Another manager or an administrator must\.$/),
    });
    expect(await auditCount()).toBe(before);
    expect((await appraisalDetail(managerA, own.id, r.appraisalId))!.canReschedule).toBe(false);
    expect((await rescheduleAppraisal(managerB, own.id, r.appraisalId, { scheduledFor: MOVED, reason: "Theirs to move" }, TODAY)).ok).toBe(true);
  });

  it("takes the reminders with it: the manager's and the worker's now carry the new date", async () => {
    const id = await booked();
    const about = async (u: ReturnType<typeof asSession>) => (await inboxRemindersNow(u, TODAY)).filter((r) => r.href.includes(id));
    expect((await about(managerA)).map((r) => [r.kind, r.dueOn])).toEqual([["appraisal_booked", BOOKED]]);
    expect((await about(workerA)).map((r) => [r.kind, r.dueOn]).sort()).toEqual([["appraisal_booked", BOOKED], ["appraisal_to_prepare", BOOKED]]);
    await rescheduleAppraisal(managerA, wA, id, { scheduledFor: MOVED, reason: "Clinic cover" }, TODAY);
    expect((await about(managerA)).map((r) => [r.kind, r.dueOn, r.key])).toEqual([["appraisal_booked", MOVED, `appraisal_booked:${wA}:${id}:${MOVED}`]]);
    expect((await about(workerA)).map((r) => [r.kind, r.dueOn]).sort()).toEqual([["appraisal_booked", MOVED], ["appraisal_to_prepare", MOVED]]);
    // Moved beyond the 30 days ahead that reminders look at, the meeting drops out; preparing still waits for them.
    await rescheduleAppraisal(managerA, wA, id, { scheduledFor: addDays(TODAY, 60), reason: "After the winter" }, TODAY);
    expect(await about(managerA)).toEqual([]);
    expect((await about(workerA)).map((r) => r.kind)).toEqual(["appraisal_to_prepare"]);
  });
});

describe("the server action", () => {
  it("moves it for the manager; keeps what was typed on a bad date or no reason; a lead and a worker get 404", async () => {
    const { rescheduleAppraisalAction } = await import("@/app/(app)/workers/[id]/appraisals/actions");
    const id = await booked();
    actAs(lead);
    await expect(rescheduleAppraisalAction(wA, id, {}, formData({ scheduledFor: MOVED, reason: "x" }))).rejects.toThrow(NOT_FOUND);
    actAs(workerA);
    await expect(rescheduleAppraisalAction(wA, id, {}, formData({ scheduledFor: MOVED, reason: "x" }))).rejects.toThrow(NOT_FOUND);
    actAs(managerA);
    await expect(rescheduleAppraisalAction(wA, "not an id!", {}, formData({ scheduledFor: MOVED, reason: "x" }))).rejects.toThrow(NOT_FOUND);
    const bad = await rescheduleAppraisalAction(wA, id, {}, formData({ scheduledFor: "2026-02-30", reason: "" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { scheduledFor: expect.stringMatching(/real date/), reason: "Give a reason" }, values: { scheduledFor: "2026-02-30" } });
    const same = await rescheduleAppraisalAction(wA, id, {}, formData({ scheduledFor: BOOKED, reason: "Typed reason" }));
    expect(same).toMatchObject({ ok: false, fieldErrors: { scheduledFor: expect.stringMatching(/already booked/) }, values: { reason: "Typed reason" } });
    await expect(rescheduleAppraisalAction(wA, id, {}, formData({ scheduledFor: MOVED, reason: "Clinic cover" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await row(id)).scheduledFor).toBe(MOVED);
    actAs(managerB);
    await expect(rescheduleAppraisalAction(wA, id, {}, formData({ scheduledFor: BOOKED, reason: "x" }))).rejects.toThrow(NOT_FOUND);
  });
});
