// Supervision sessions and the delegation register: who may read and change them (the worker reads their own, their
// manager and admins change, leads read, everyone else gets "not found"), the date rules, past-review flags, and an
// audit row for every change.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { auditEvents, delegatedTasks, supervisionSessions, workers } from "@/db/schema";
import {
  delegateTask,
  delegationsPastReview,
  endTask,
  recordSession,
  reviewTask,
  supervisionPage,
} from "@/db/queries/supervision";
import { delegationFields, sessionFields, type DelegationFields, type SessionFields } from "@/lib/forms/supervision";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { asSession, makeOrg, makeUser, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import { delegateTaskAction, endTaskAction, recordSessionAction, reviewTaskAction } from "@/app/(app)/workers/[id]/supervision/actions";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";
type Fixture = Awaited<ReturnType<typeof twoTeams>>;

function session(over: Partial<SessionFields> = {}): SessionFields {
  return {
    heldOn: "2026-11-20",
    type: "clinical",
    supervisorId: null,
    supervisorName: "Priya Shah",
    summary: "Caseload on the orthopaedic ward; confidence with transfers",
    actions: "Shadow the band 6 on two Tuesday clinics",
    ...over,
  };
}

function delegation(over: Partial<DelegationFields> = {}): DelegationFields {
  return {
    task: "Gait re-education with a walking aid",
    delegatedByName: "Priya Shah",
    delegatedByProfession: "Physiotherapist",
    delegatedByRegistration: "PH123456",
    supervisionLevel: "indirect",
    competentSince: "2026-06-01",
    reviewOn: "2027-06-01",
    ...over,
  };
}

async function delegate(f: Fixture, over: Partial<DelegationFields> = {}, workerId = f.workers.workerA.id, today = TODAY) {
  const result = await delegateTask(asSession(f.users.admin), workerId, delegation(over), today);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

const auditFor = async (entityId: string) => await db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
const taskRow = async (id: string) => (await first(db.select().from(delegatedTasks).where(eq(delegatedTasks.id, id))))!;
const sessionsOf = async (workerId: string) => await db.select().from(supervisionSessions).where(eq(supervisionSessions.workerId, workerId));

describe("reading the supervision page", () => {
  it("shows the worker's manager the sessions newest first and the tasks past review first, with a form", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    for (const heldOn of ["2026-09-01", "2026-11-01", "2026-10-01"]) {
      expect((await recordSession(manager, f.workers.workerA.id, session({ heldOn }), TODAY)).ok).toBe(true);
    }
    const later = await delegate(f, { task: "Later review", reviewOn: "2027-09-01" });
    const overdue = await delegate(f, { task: "Overdue review", competentSince: "2024-01-01", reviewOn: "2026-11-21" });
    const sooner = await delegate(f, { task: "Sooner review", reviewOn: "2026-11-22" });
    const ended = await delegate(f, { task: "Ended one" });
    expect((await endTask(manager, f.workers.workerA.id, ended, "No longer on the ward", TODAY)).ok).toBe(true);

    const page = (await supervisionPage(manager, f.workers.workerA.id, TODAY))!;
    expect(page.canEdit).toBe(true);
    expect(page.ownRecord).toBe(false);
    // The one recording, the worker's line manager and team's managers (all Manager A here): not every manager and lead.
    expect(page.supervisors.map((s) => s.name)).toEqual(["Manager A"]);
    expect(page.sessions.map((s) => s.heldOn)).toEqual(["2026-11-01", "2026-10-01", "2026-09-01"]);
    expect(page.current.map((t) => [t.id, t.pastReview])).toEqual([
      [overdue, true],
      [sooner, false],
      [later, false],
    ]);
    expect(page.ended.map((t) => t.id)).toEqual([ended]);
  });

  it("lets the worker read their own, read-only, and nobody else's", async () => {
    const f = await twoTeams();
    await delegate(f);
    const own = (await supervisionPage(asSession(f.users.workerUserA), f.workers.workerA.id, TODAY))!;
    expect(own).toMatchObject({ canEdit: false, ownRecord: true, supervisors: [] });
    expect(own.current).toHaveLength(1);
    expect(await supervisionPage(asSession(f.users.workerUserA), f.workers.workerB.id, TODAY)).toBeUndefined();
  });

  it("lets a lead read without changing; another team's manager and another organisation see nothing", async () => {
    const f = await twoTeams();
    await delegate(f);
    const lead = (await supervisionPage(asSession(f.users.lead), f.workers.workerA.id, TODAY))!;
    expect(lead.canEdit).toBe(false);
    expect(lead.current).toHaveLength(1);
    expect(await supervisionPage(asSession(f.users.managerB), f.workers.workerA.id, TODAY)).toBeUndefined();
    expect(await supervisionPage(asSession(f.users.otherLead), f.workers.workerA.id, TODAY)).toBeUndefined();
  });

  it("offers no form for a worker who has left", async () => {
    const f = await twoTeams();
    await db.update(workers).set({ status: "left", contractEnd: "2026-10-01" }).where(eq(workers.id, f.workers.workerA.id));
    expect((await supervisionPage(asSession(f.users.managerA), f.workers.workerA.id, TODAY))!.canEdit).toBe(false);
  });
});

describe("recording a session", () => {
  it("lets the worker's manager record it, with a typed supervisor, audited", async () => {
    const f = await twoTeams();
    const result = await recordSession(asSession(f.users.managerA), f.workers.workerA.id, session(), TODAY);
    if (!result.ok) throw new Error(result.message);
    const row = (await first(db.select().from(supervisionSessions).where(eq(supervisionSessions.id, result.id))))!;
    expect(row).toMatchObject({ supervisorId: null, supervisorName: "Priya Shah", type: "clinical", recordedBy: f.users.managerA.id });
    const [event] = await auditFor(result.id);
    expect(event).toMatchObject({ action: "supervision_session.create", actorId: f.users.managerA.id, workerId: f.workers.workerA.id });
    expect(JSON.parse(event!.summary)).toMatchObject({ heldOn: "2026-11-20", type: "clinical", supervisorName: "Priya Shah" });
  });

  it("takes a picked supervisor's name from their account (an admin records)", async () => {
    const f = await twoTeams();
    const result = await recordSession(asSession(f.users.admin), f.workers.workerA.id, session({ supervisorId: f.users.lead.id, supervisorName: "" }), TODAY);
    if (!result.ok) throw new Error(result.message);
    expect(await first(db.select().from(supervisionSessions).where(eq(supervisionSessions.id, result.id)))).toMatchObject({
      supervisorId: f.users.lead.id,
      supervisorName: f.users.lead.name,
      recordedBy: f.users.admin.id,
    });
  });

  it("offers whoever was picked as the worker's supervisor before; a typed name stays as typed, never matched to an account", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    // Manager B, another team's, picked once by an administrator (a form may send any manager or lead of the organisation).
    const picked = await recordSession(asSession(f.users.admin), f.workers.workerA.id, session({ supervisorId: f.users.managerB.id, supervisorName: "" }), TODAY);
    if (!picked.ok) throw new Error(picked.message);
    expect((await supervisionPage(manager, f.workers.workerA.id, TODAY))!.supervisors.map((s) => s.name)).toEqual(["Manager A", "Manager B"]);
    // The lead's name typed: recorded as typed, not linked (a namesake, or an outside supervisor of the same name).
    const typed = await recordSession(manager, f.workers.workerA.id, session({ supervisorName: f.users.lead.name }), TODAY);
    if (!typed.ok) throw new Error(typed.message);
    expect(await first(db.select().from(supervisionSessions).where(eq(supervisionSessions.id, typed.id)))).toMatchObject({ supervisorId: null, supervisorName: f.users.lead.name });
    expect((await supervisionPage(manager, f.workers.workerA.id, TODAY))!.supervisors.map((s) => s.name)).toEqual(["Manager A", "Manager B"]);
    // Another team's manager sees their own name offered for a worker of theirs, not Manager A.
    expect((await supervisionPage(asSession(f.users.managerB), f.workers.workerB.id, TODAY))!.supervisors.map((s) => s.name)).toEqual(["Manager B"]);
  });

  it("refuses a supervisor who is not an active manager or lead of the organisation", async () => {
    const f = await twoTeams();
    const stranger = await makeUser((await makeOrg("Elsewhere")).id, "manager");
    for (const supervisorId of [f.users.workerUserB.id, stranger.id, "made-up"]) {
      expect(await recordSession(asSession(f.users.managerA), f.workers.workerA.id, session({ supervisorId }), TODAY)).toMatchObject({
        ok: false,
        field: "supervisorId",
      });
    }
    expect(await sessionsOf(f.workers.workerA.id)).toHaveLength(0);
  });

  it("refuses dates in the future or before the worker started", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    expect(await recordSession(manager, f.workers.workerA.id, session({ heldOn: "2026-11-23" }), TODAY)).toMatchObject({ ok: false, field: "heldOn", message: expect.stringMatching(/future/) });
    expect(await recordSession(manager, f.workers.workerA.id, session({ heldOn: "2022-03-31" }), TODAY)).toMatchObject({
      ok: false,
      field: "heldOn",
      message: expect.stringMatching(/before they started/),
    });
    expect(await sessionsOf(f.workers.workerA.id)).toHaveLength(0);
  });

  it("refuses another team's manager and support workers as not found, and tells a lead they only read", async () => {
    const f = await twoTeams();
    expect(await recordSession(asSession(f.users.managerB), f.workers.workerA.id, session(), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await recordSession(asSession(f.users.workerUserA), f.workers.workerA.id, session(), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await recordSession(asSession(f.users.workerUserA), f.workers.workerB.id, session(), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    const lead = await recordSession(asSession(f.users.lead), f.workers.workerA.id, session(), TODAY);
    expect(lead).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/) });
    expect(lead).not.toHaveProperty("notFound");
    expect(await sessionsOf(f.workers.workerA.id)).toHaveLength(0);
    expect(await db.select().from(auditEvents)).toHaveLength(0);
  });

  it("refuses a worker who has left", async () => {
    const f = await twoTeams();
    await db.update(workers).set({ status: "left", contractEnd: "2026-10-01" }).where(eq(workers.id, f.workers.workerA.id));
    expect(await recordSession(asSession(f.users.managerA), f.workers.workerA.id, session(), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
  });
});

describe("the session form's rules", () => {
  it("wants a supervisor picked or named, a summary and a real date not in the future", () => {
    const r = sessionFields(TODAY).safeParse({ heldOn: "2026-11-23", type: "clinical", supervisorId: "", supervisorName: " ", summary: "" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["heldOn", "supervisorName", "summary"]));
    expect(sessionFields(TODAY).safeParse({ heldOn: "2026-02-30", type: "x", supervisorName: "A", summary: "B" }).error!.issues.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(["heldOn", "type"]),
    );
    expect(sessionFields(TODAY).parse({ heldOn: TODAY, type: "managerial", supervisorId: "abc", summary: "Fine" })).toMatchObject({ supervisorId: "abc", supervisorName: "", actions: "" });
  });
});

describe("delegating a task", () => {
  it("lets the worker's manager record it, audited", async () => {
    const f = await twoTeams();
    const result = await delegateTask(asSession(f.users.managerA), f.workers.workerA.id, delegation(), TODAY);
    if (!result.ok) throw new Error(result.message);
    expect(await taskRow(result.id)).toMatchObject({ task: "Gait re-education with a walking aid", supervisionLevel: "indirect", endedOn: null, recordedBy: f.users.managerA.id });
    const [event] = await auditFor(result.id);
    expect(event).toMatchObject({ action: "delegated_task.create", actorId: f.users.managerA.id, workerId: f.workers.workerA.id });
    expect(JSON.parse(event!.summary)).toMatchObject({ delegatedByRegistration: "PH123456", reviewOn: "2027-06-01" });
  });

  it("records an older delegation whose review has already gone by, flagged at once", async () => {
    const f = await twoTeams();
    const result = await delegateTask(asSession(f.users.managerA), f.workers.workerA.id, delegation({ competentSince: "2023-01-01", reviewOn: "2026-11-21" }), TODAY);
    expect(result.ok).toBe(true);
    expect((await supervisionPage(asSession(f.users.managerA), f.workers.workerA.id, TODAY))!.current[0]!.pastReview).toBe(true);
  });

  it("refuses bad dates in the data layer too", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    expect(await delegateTask(manager, f.workers.workerA.id, delegation({ competentSince: "2026-11-23", reviewOn: "2027-11-23" }), TODAY)).toMatchObject({ ok: false, field: "competentSince" });
    expect(await delegateTask(manager, f.workers.workerA.id, delegation({ reviewOn: "2026-06-01" }), TODAY)).toMatchObject({ ok: false, field: "reviewOn" });
    expect(await delegateTask(manager, f.workers.workerA.id, delegation({ reviewOn: "2029-11-23" }), TODAY)).toMatchObject({ ok: false, field: "reviewOn" });
    expect(await db.select().from(delegatedTasks)).toHaveLength(0);
  });

  it("refuses another team's manager and support workers as not found, and tells a lead they only read", async () => {
    const f = await twoTeams();
    expect(await delegateTask(asSession(f.users.managerB), f.workers.workerA.id, delegation(), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await delegateTask(asSession(f.users.workerUserA), f.workers.workerB.id, delegation(), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await delegateTask(asSession(f.users.workerUserA), f.workers.workerA.id, delegation(), TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await delegateTask(asSession(f.users.lead), f.workers.workerA.id, delegation(), TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/) });
    expect(await db.select().from(delegatedTasks)).toHaveLength(0);
  });
});

describe("the delegation form's rules", () => {
  const raw = {
    task: "Gait re-education",
    delegatedByName: "Priya Shah",
    delegatedByProfession: "Physiotherapist",
    delegatedByRegistration: "",
    supervisionLevel: "direct",
    competentSince: "2026-06-01",
    reviewOn: "2027-06-01",
  };
  const problems = (over: Record<string, string>) => {
    const r = delegationFields(TODAY).safeParse({ ...raw, ...over });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("takes a blank registration as none, and tidies a given one", () => {
    expect(delegationFields(TODAY).parse(raw).delegatedByRegistration).toBeNull();
    expect(delegationFields(TODAY).parse({ ...raw, delegatedByRegistration: "ph 123456" }).delegatedByRegistration).toBe("PH123456");
  });

  it("says what is wrong with each field", () => {
    expect(problems({ delegatedByRegistration: "not a number!" })).toHaveProperty("delegatedByRegistration", expect.stringMatching(/letters and numbers/));
    expect(problems({ delegatedByName: "", delegatedByProfession: " ", task: "" })).toMatchObject({
      delegatedByName: expect.stringMatching(/registered professional/),
      delegatedByProfession: expect.stringMatching(/profession/),
      task: expect.stringMatching(/task/),
    });
    expect(problems({ supervisionLevel: "whenever" })).toHaveProperty("supervisionLevel");
    expect(problems({ competentSince: "2026-11-23", reviewOn: "2027-11-23" })).toHaveProperty("competentSince", expect.stringMatching(/future/));
    expect(problems({ reviewOn: "2026-05-31" })).toHaveProperty("reviewOn", expect.stringMatching(/after the date/));
    expect(problems({ reviewOn: "2029-11-23" })).toHaveProperty("reviewOn", expect.stringMatching(/within 3 years/));
    expect(problems({ reviewOn: "soon" })).toHaveProperty("reviewOn", expect.stringMatching(/real date/));
    expect(problems({})).toEqual({});
  });
});

describe("reviewing and ending a delegation", () => {
  it("sets the next review date, audited as reviewed", async () => {
    const f = await twoTeams();
    const id = await delegate(f, { competentSince: "2024-01-01", reviewOn: "2026-10-01" });
    expect(await reviewTask(asSession(f.users.managerA), f.workers.workerA.id, id, "2027-11-22", TODAY)).toMatchObject({ ok: true });
    expect((await taskRow(id)).reviewOn).toBe("2027-11-22");
    const event = (await auditFor(id)).find((e) => e.action === "delegated_task.reviewed")!;
    expect(event.actorId).toBe(f.users.managerA.id);
    expect(JSON.parse(event.summary)).toEqual({ reviewedOn: TODAY, previousReviewOn: "2026-10-01", nextReviewOn: "2027-11-22", wasPastReview: true });
    expect((await supervisionPage(asSession(f.users.managerA), f.workers.workerA.id, TODAY))!.current[0]!.pastReview).toBe(false);
  });

  it("wants the next review after today and within three years", async () => {
    const f = await twoTeams();
    const id = await delegate(f);
    expect(await reviewTask(asSession(f.users.managerA), f.workers.workerA.id, id, TODAY, TODAY)).toMatchObject({ ok: false, field: "reviewOn" });
    expect(await reviewTask(asSession(f.users.managerA), f.workers.workerA.id, id, "2029-11-23", TODAY)).toMatchObject({ ok: false, field: "reviewOn" });
    expect((await taskRow(id)).reviewOn).toBe("2027-06-01");
  });

  it("ends a delegation today with the reason in the audit trail; it cannot be ended or reviewed again", async () => {
    const f = await twoTeams();
    const id = await delegate(f);
    const manager = asSession(f.users.managerA);
    expect(await endTask(manager, f.workers.workerA.id, id, "  ", TODAY)).toMatchObject({ ok: false, field: "reason" });
    expect(await endTask(manager, f.workers.workerA.id, id, "Moved to the outpatient team", TODAY)).toMatchObject({ ok: true });
    expect((await taskRow(id)).endedOn).toBe(TODAY);
    const event = (await auditFor(id)).find((e) => e.action === "delegated_task.ended")!;
    expect(JSON.parse(event.summary)).toMatchObject({ endedOn: TODAY, reason: "Moved to the outpatient team" });
    expect(await endTask(manager, f.workers.workerA.id, id, "Again", TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/already ended/) });
    expect(await reviewTask(manager, f.workers.workerA.id, id, "2027-01-01", TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/has ended/) });
  });

  it("refuses others: another team's manager and support workers as not found, a lead with a message, a task under the wrong worker", async () => {
    const f = await twoTeams();
    const id = await delegate(f);
    const other = await delegate(f, {}, f.workers.workerB.id);
    for (const who of [f.users.managerB, f.users.workerUserA, f.users.workerUserB]) {
      expect(await reviewTask(asSession(who), f.workers.workerA.id, id, "2027-01-01", TODAY)).toMatchObject({ ok: false, code: "not_found" });
      expect(await endTask(asSession(who), f.workers.workerA.id, id, "Because", TODAY)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await reviewTask(asSession(f.users.lead), f.workers.workerA.id, id, "2027-01-01", TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/) });
    expect(await endTask(asSession(f.users.lead), f.workers.workerA.id, id, "Because", TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/) });
    // Manager A's own worker in the URL, another team's task in the form: not found.
    expect(await reviewTask(asSession(f.users.managerA), f.workers.workerA.id, other, "2027-01-01", TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await endTask(asSession(f.users.managerA), f.workers.workerB.id, other, "Because", TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await taskRow(id)).toMatchObject({ reviewOn: "2027-06-01", endedOn: null });
    expect(await taskRow(other)).toMatchObject({ reviewOn: "2027-06-01", endedOn: null });
    expect((await auditFor(id)).map((e) => e.action)).toEqual(["delegated_task.create"]);
  });
});

describe("delegations past review, for the team page", () => {
  it("counts and lists current tasks past review among the workers the user may see", async () => {
    const f = await twoTeams();
    const past = { competentSince: "2024-01-01" };
    const a1 = await delegate(f, { ...past, task: "A overdue long", reviewOn: "2026-01-01" });
    const a2 = await delegate(f, { ...past, task: "A overdue lately", reviewOn: "2026-11-01" });
    await delegate(f, { task: "A fine", reviewOn: "2027-01-01" });
    const ended = await delegate(f, { ...past, task: "A ended", reviewOn: "2026-02-01" });
    await endTask(asSession(f.users.admin), f.workers.workerA.id, ended, "Done", TODAY);
    const b = await delegate(f, { ...past, task: "B overdue", reviewOn: "2026-03-01" }, f.workers.workerB.id);

    const mine = await delegationsPastReview(asSession(f.users.managerA), TODAY);
    expect(mine.count).toBe(2);
    expect(mine.tasks.map((t) => t.id)).toEqual([a1, a2]);
    expect(mine.tasks[0]).toMatchObject({
      workerId: f.workers.workerA.id,
      workerName: `${f.workers.workerA.firstName} ${f.workers.workerA.lastName}`,
      task: "A overdue long",
      reviewOn: "2026-01-01",
    });

    const lead = await delegationsPastReview(asSession(f.users.lead), TODAY, 2);
    expect(lead.count).toBe(3);
    expect(lead.tasks.map((t) => t.id)).toEqual([a1, b]);
    expect((await delegationsPastReview(asSession(f.users.managerB), TODAY)).tasks.map((t) => t.id)).toEqual([b]);
    expect((await delegationsPastReview(asSession(f.users.workerUserB), TODAY)).count).toBe(1);
    expect((await delegationsPastReview(asSession(f.users.otherLead), TODAY)).count).toBe(0);
  });
});

describe("the page's actions", () => {
  const today = todayInLondon();
  const sessionForm = (over: Record<string, string> = {}) =>
    formData({ heldOn: addDays(today, -1), type: "managerial", supervisorId: "", supervisorName: "Sam Okafor", summary: "Rota and leave", actions: "", ...over });

  it("records a session for the worker's manager; bad input comes back with what was typed", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.managerA));
    const bad = await recordSessionAction(f.workers.workerA.id, {}, sessionForm({ heldOn: addDays(today, 1), summary: "Kept text" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { heldOn: expect.stringMatching(/future/) }, values: { summary: "Kept text" } });
    expect(await recordSessionAction(f.workers.workerA.id, {}, sessionForm())).toMatchObject({ ok: true });
    expect(await sessionsOf(f.workers.workerA.id)).toHaveLength(1);
  });

  it("tells a lead they only read, and gives others not found", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.lead));
    expect(await recordSessionAction(f.workers.workerA.id, {}, sessionForm())).toMatchObject({ ok: false, message: expect.stringMatching(/Leads read/), values: { supervisorName: "Sam Okafor" } });
    actAs(asSession(f.users.managerB));
    await expect(recordSessionAction(f.workers.workerA.id, {}, sessionForm())).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.workerUserA));
    await expect(recordSessionAction(f.workers.workerB.id, {}, sessionForm())).rejects.toThrow(NOT_FOUND);
    expect(await sessionsOf(f.workers.workerA.id)).toHaveLength(0);
  });

  it("delegates, reviews and ends through the forms; a support worker gets not found", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.managerA));
    const fields = {
      task: "Action test task",
      delegatedByName: "Priya Shah",
      delegatedByProfession: "Physiotherapist",
      delegatedByRegistration: "PH 123456",
      supervisionLevel: "remote",
      competentSince: addDays(today, -30),
      reviewOn: addDays(today, 300),
    };
    expect(await delegateTaskAction(f.workers.workerA.id, {}, formData({ ...fields, delegatedByRegistration: "??" }))).toMatchObject({
      ok: false,
      fieldErrors: { delegatedByRegistration: expect.any(String) },
      values: { task: "Action test task" },
    });
    expect(await delegateTaskAction(f.workers.workerA.id, {}, formData(fields))).toMatchObject({ ok: true });
    const task = (await first(db.select().from(delegatedTasks).where(eq(delegatedTasks.task, "Action test task"))))!;
    expect(task.delegatedByRegistration).toBe("PH123456");

    expect(await reviewTaskAction(f.workers.workerA.id, task.id, {}, formData({ reviewOn: today }))).toMatchObject({ ok: false, fieldErrors: { reviewOn: expect.any(String) } });
    expect(await reviewTaskAction(f.workers.workerA.id, task.id, {}, formData({ reviewOn: addDays(today, 200) }))).toMatchObject({ ok: true });
    expect(await endTaskAction(f.workers.workerA.id, task.id, {}, formData({ reason: "" }))).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });

    actAs(asSession(f.users.workerUserA));
    await expect(reviewTaskAction(f.workers.workerA.id, task.id, {}, formData({ reviewOn: addDays(today, 100) }))).rejects.toThrow(NOT_FOUND);
    await expect(endTaskAction(f.workers.workerA.id, task.id, {}, formData({ reason: "Mine now" }))).rejects.toThrow(NOT_FOUND);
    await expect(delegateTaskAction(f.workers.workerA.id, {}, formData({ ...fields, task: "Self-delegated" }))).rejects.toThrow(NOT_FOUND);

    actAs(asSession(f.users.managerA));
    expect(await endTaskAction(f.workers.workerA.id, task.id, {}, formData({ reason: "Left the ward" }))).toMatchObject({ ok: true });
    expect(await taskRow(task.id)).toMatchObject({ reviewOn: addDays(today, 200), endedOn: today });
  });
});
