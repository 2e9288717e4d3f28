// Both sign an appraisal (issue 20): the worker and the appraiser, each proving it is them, in either order; only the
// second signature completes and locks it; sending it back and reopening clear what was signed; nobody signs as the
// appraiser of their own appraisal.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { db, first } from "@/db/client";
import { appraisalObjectiveReviews, appraisals, auditEvents } from "@/db/schema";
import {
  appraisalDetail,
  reopenAppraisal,
  returnToManager,
  saveAppraisal,
  scheduleAppraisal,
  sendForSignOff,
  signAsAppraiser,
  signOff,
  startAppraisal,
} from "@/db/queries/appraisals";
import { inboxRemindersNow } from "@/db/queries/inbox";
import { statusAfterSigning } from "@/lib/rules/appraisal-lifecycle";
import type { Signature } from "@/lib/rules/signature";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { asSession, freshSignOn, makeWorker, SIGNED, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = todayInLondon();
const BY_SIGN_ON: Signature = { reauthenticated: "single_sign_on", at: new Date() };

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

/** An appraisal written and sent for signatures, by `by` (manager A unless said), for `workerId`. */
async function sent(by = managerA, workerId = wA) {
  const r = await scheduleAppraisal(by, workerId, { scheduledFor: addDays(TODAY, -1), appraiserId: by.id }, TODAY);
  if (!r.ok) throw new Error(r.message);
  const id = r.appraisalId;
  expect((await startAppraisal(by, workerId, id)).ok).toBe(true);
  const reviews = await db.select().from(appraisalObjectiveReviews).where(eq(appraisalObjectiveReviews.appraisalId, id));
  const fields = { heldOn: TODAY, achievements: "", wellbeing: "", feedback: "", trainingNeeds: "", appraiserSummary: "A good year", objectives: [] };
  expect((await saveAppraisal(by, workerId, id, { ...fields, reviews: reviews.map((x) => ({ id: x.id, outcome: "met" as const, comment: "" })) }, TODAY)).ok).toBe(true);
  expect((await sendForSignOff(by, workerId, id, TODAY)).ok).toBe(true);
  return id;
}

const row = async (id: string) => (await first(db.select().from(appraisals).where(eq(appraisals.id, id))))!;
const auditCount = async () => (await first(db.select({ n: sql<number>`count(*)` }).from(auditEvents)))!.n;
const signatureAudit = async (id: string, action: string) => {
  const e = await first(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action))));
  return e && { actorId: e.actorId, summary: JSON.parse(e.summary) as Record<string, unknown> };
};

describe("the rule", () => {
  it("completes on the second signature, whichever it is", () => {
    const at = new Date();
    expect(statusAfterSigning({ workerSignedAt: null, appraiserSignedAt: null }, "worker")).toBe("awaiting_sign_off");
    expect(statusAfterSigning({ workerSignedAt: null, appraiserSignedAt: null }, "manager")).toBe("awaiting_sign_off");
    expect(statusAfterSigning({ workerSignedAt: null, appraiserSignedAt: at }, "worker")).toBe("completed");
    expect(statusAfterSigning({ workerSignedAt: at, appraiserSignedAt: null }, "manager")).toBe("completed");
  });
});

describe("both sign", () => {
  it("the worker first, then the appraiser: locked only on the second, each audited with how they proved it was them", async () => {
    const id = await sent();
    expect(await signOff(workerA, wA, id, { workerComments: "Fair" }, SIGNED)).toEqual({ ok: true, workerId: wA, appraisalId: id, completed: false });
    expect(await row(id)).toMatchObject({ status: "awaiting_sign_off", completedAt: null, appraiserSignedAt: null });
    // Not complete yet: what the manager and the worker see.
    expect(await appraisalDetail(workerA, wA, id)).toMatchObject({ awaitingMe: false, canSignAsAppraiser: false });
    expect(await appraisalDetail(managerA, wA, id)).toMatchObject({ canSignAsAppraiser: true, editable: false });
    expect(await appraisalDetail(lead, wA, id)).toMatchObject({ canSignAsAppraiser: false });
    expect(await signAsAppraiser(managerA, wA, id, BY_SIGN_ON)).toEqual({ ok: true, workerId: wA, appraisalId: id, completed: true });
    const done = await row(id);
    expect(done).toMatchObject({ status: "completed", appraiserSignedBy: managerA.id });
    expect(done.completedAt!.getTime()).toBe(done.appraiserSignedAt!.getTime());
    expect(done.appraiserSignedAt!.getTime()).toBeGreaterThanOrEqual(done.workerSignedAt!.getTime());
    expect(await signatureAudit(id, "appraisal.signed_off")).toEqual({ actorId: workerA.id, summary: { withComments: true, reauthenticated: "password", completed: false } });
    expect(await signatureAudit(id, "appraisal.appraiser_signed")).toEqual({ actorId: managerA.id, summary: { reauthenticated: "single_sign_on", completed: true } });
    // The record names both, with when.
    const detail = (await appraisalDetail(lead, wA, id))!;
    expect(detail.appraisal).toMatchObject({ appraiserSignedByName: f.users.managerA.name, workerSignedAt: done.workerSignedAt, appraiserSignedAt: done.appraiserSignedAt });
  });

  it("the appraiser first (an administrator), then the worker, whose signature completes it", async () => {
    const id = await sent();
    expect(await signAsAppraiser(admin, wA, id, SIGNED)).toMatchObject({ ok: true, completed: false });
    expect(await row(id)).toMatchObject({ status: "awaiting_sign_off", completedAt: null, workerSignedAt: null, appraiserSignedBy: admin.id });
    expect(await appraisalDetail(workerA, wA, id)).toMatchObject({ awaitingMe: true });
    expect(await appraisalDetail(managerA, wA, id)).toMatchObject({ canSignAsAppraiser: false });
    // A second appraiser's signature is refused: one is enough.
    expect(await signAsAppraiser(managerA, wA, id, SIGNED)).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/^The appraiser signed this appraisal on /) });
    expect(await signOff(workerA, wA, id, { workerComments: "" }, SIGNED)).toMatchObject({ ok: true, completed: true });
    const done = await row(id);
    expect(done.status).toBe("completed");
    expect(done.completedAt!.getTime()).toBe(done.workerSignedAt!.getTime());
  });

  it("the worker signs once, and cannot send it back after signing", async () => {
    const id = await sent();
    await signOff(workerA, wA, id, { workerComments: "" }, SIGNED);
    expect(await signOff(workerA, wA, id, { workerComments: "Again" }, SIGNED)).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/^You signed this appraisal on .+ once the appraiser signs too\.$/) });
    expect(await returnToManager(workerA, wA, id, "Changed my mind")).toMatchObject({ ok: false, code: "conflict" });
    expect((await row(id)).workerComments).toBe("");
  });

  it("only the worker's manager or an administrator signs as appraiser, and only once it is sent", async () => {
    const id = await sent();
    const before = await auditCount();
    expect(await signAsAppraiser(managerB, wA, id, SIGNED)).toEqual({ ok: false, code: "not_found", message: "Appraisal not found" });
    expect(await signAsAppraiser(lead, wA, id, SIGNED)).toMatchObject({ ok: false, code: "read_only" });
    expect(await signAsAppraiser(workerA, wA, id, SIGNED)).toMatchObject({ ok: false, code: "read_only" });
    expect(await auditCount()).toBe(before);
    expect((await row(id)).appraiserSignedAt).toBeNull();

    const r = await scheduleAppraisal(managerA, f.workers.lineManagedOnly.id, { scheduledFor: TODAY, appraiserId: managerA.id }, TODAY);
    const early = r.ok ? r.appraisalId : "";
    expect(await signAsAppraiser(managerA, f.workers.lineManagedOnly.id, early, SIGNED)).toMatchObject({ ok: false, code: "invalid", message: expect.stringMatching(/scheduled/) });
  });

  it("sending it back clears the appraiser's signature: what they signed is going to change", async () => {
    const id = await sent();
    await signAsAppraiser(managerA, wA, id, SIGNED);
    expect(await returnToManager(workerA, wA, id, "The objectives are not what we agreed")).toMatchObject({ ok: true });
    expect(await row(id)).toMatchObject({ status: "in_progress", appraiserSignedAt: null, appraiserSignedBy: null });
    expect(JSON.parse((await first(db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "appraisal.returned")))))!.summary)).toMatchObject({
      appraiserSignatureCleared: true,
    });
  });

  it("reopening clears both signatures, and both sign again", async () => {
    const id = await sent();
    await signOff(workerA, wA, id, { workerComments: "" }, SIGNED);
    await signAsAppraiser(managerA, wA, id, SIGNED);
    expect((await reopenAppraisal(managerA, wA, id, "Wrong target date")).ok).toBe(true);
    expect(await row(id)).toMatchObject({ status: "in_progress", workerSignedAt: null, appraiserSignedAt: null, appraiserSignedBy: null, completedAt: null });
    expect((await sendForSignOff(managerA, wA, id, TODAY)).ok).toBe(true);
    expect(await signOff(workerA, wA, id, { workerComments: "" }, SIGNED)).toMatchObject({ ok: true, completed: false });
    expect(await signAsAppraiser(managerA, wA, id, SIGNED)).toMatchObject({ ok: true, completed: true });
  });

  it("nobody signs as the appraiser of their own appraisal; another manager does", async () => {
    const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: managerB.id, userId: managerA.id });
    const id = await sent(managerB, own.id);
    const before = await auditCount();
    expect(await signAsAppraiser(managerA, own.id, id, SIGNED)).toMatchObject({
      ok: false,
      code: "read_only",
      message: expect.stringMatching(/^You can't appraise yourself.+Another manager or an administrator must\.$/),
    });
    expect(await auditCount()).toBe(before);
    expect(await appraisalDetail(managerA, own.id, id)).toMatchObject({ canSignAsAppraiser: false, awaitingMe: false });
    expect((await signAsAppraiser(managerB, own.id, id, SIGNED)).ok).toBe(true);
  });
});

describe("the inbox", () => {
  it("asks the worker to sign, then the appraiser once the worker has signed, then nobody", async () => {
    const id = await sent();
    const kinds = async (u: ReturnType<typeof asSession>) => (await inboxRemindersNow(u, TODAY)).filter((r) => r.href.endsWith(id)).map((r) => r.kind);
    expect(await kinds(workerA)).toEqual(["appraisal_to_sign"]);
    expect(await kinds(managerA)).toEqual([]);
    await signOff(workerA, wA, id, { workerComments: "" }, SIGNED);
    expect(await kinds(workerA)).toEqual([]);
    expect(await kinds(managerA)).toEqual(["appraisal_to_countersign"]);
    await signAsAppraiser(managerA, wA, id, SIGNED);
    expect(await kinds(managerA)).toEqual([]);
  });
});

describe("the server actions", () => {
  it("the appraiser's signature asks for proof first; a worker and a lead get 404; another team's manager 404", async () => {
    const { signAsAppraiserAction } = await import("@/app/(app)/workers/[id]/appraisals/actions");
    const id = await sent();
    actAs(freshSignOn(workerA));
    await expect(signAsAppraiserAction(wA, id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    actAs(freshSignOn(lead));
    await expect(signAsAppraiserAction(wA, id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    // Signed in with a password, the manager must type it again: nothing is signed without it.
    actAs(managerA);
    expect(await signAsAppraiserAction(wA, id, {}, formData({}))).toMatchObject({ ok: false, fieldErrors: { password: "Enter your password to confirm it is you" } });
    expect((await row(id)).appraiserSignedAt).toBeNull();
    actAs(freshSignOn(managerB));
    await expect(signAsAppraiserAction(wA, id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    actAs(freshSignOn(managerA));
    await expect(signAsAppraiserAction(wA, id, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await row(id)).appraiserSignedBy).toBe(managerA.id);
    expect(await signatureAudit(id, "appraisal.appraiser_signed")).toMatchObject({ summary: { reauthenticated: "single_sign_on" } });
    // Signed already: the message, not a second signature.
    expect(await signAsAppraiserAction(wA, id, {}, formData({}))).toMatchObject({ ok: false, message: expect.stringMatching(/The appraiser signed this appraisal/) });
  });
});

describe("two steps at once", () => {
  it("the worker and the appraiser signing at the same moment complete it; a send-back as the appraiser signs stands", async () => {
    // On PostgreSQL each step takes the appraisal's lock before reading it (SQLite runs one transaction at a time).
    for (let i = 0; i < 12; i++) {
      const id = await sent();
      const both = await Promise.all([signOff(workerA, wA, id, { workerComments: "" }, SIGNED), signAsAppraiser(managerA, wA, id, SIGNED)]);
      expect(both.map((r) => r.ok)).toEqual([true, true]);
      expect(await first(db.select({ status: appraisals.status }).from(appraisals).where(eq(appraisals.id, id)))).toEqual({ status: "completed" });
    }
    const id = await sent();
    const raced = await Promise.all([returnToManager(workerA, wA, id, "Wrong"), signAsAppraiser(managerA, wA, id, SIGNED)]);
    // Whichever ran first, the worker's send-back stands: the appraiser's signature is refused, or cleared by it.
    expect(raced[0].ok).toBe(true);
    expect(await first(db.select({ status: appraisals.status, appraiserSignedAt: appraisals.appraiserSignedAt }).from(appraisals).where(eq(appraisals.id, id)))).toEqual({ status: "in_progress", appraiserSignedAt: null });
  });
});
