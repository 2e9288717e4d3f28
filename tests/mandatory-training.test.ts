// Statutory and mandatory training (decision record 0033): the rules (who needs a subject, expiry, where a worker
// stands on awkward days), the subjects an administrator keeps, completions (who may record and remove them, never on
// their own record), the team's figures, the inbox, the CSV download and a manager's reminders, with an audit row for
// every change.
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { auditEvents, careSettings, teams, trainingCompletions, trainingReminders, trainingSubjectAudiences, trainingSubjects, workers } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { parseWorkerFilters } from "@/lib/worker-filters";
import {
  claimTrainingReminders,
  complianceOfVisibleWorkers,
  createSubject,
  exportCompliance,
  mandatoryTrainingPage,
  outOfDateToRemind,
  recordCompletion,
  removeCompletion,
  setSubjectRetired,
  subjectsForAdmin,
  teamCompliance,
  updateSubject,
} from "@/db/queries/mandatory-training";
import { inboxRemindersNow } from "@/db/queries/inbox";
import { SubjectFields, completionFields, type SubjectInput } from "@/lib/forms/mandatory-training";
import {
  complianceStatus,
  compliancePercent,
  countStatuses,
  expiryOf,
  needsSubject,
  remindedWords,
  renewalWords,
  trainingReminderEmail,
} from "@/lib/rules/mandatory-training";
import { reminderWhen } from "@/lib/rules/reminders";
import { now as clockNow, todayInLondon } from "@/lib/rules/dates";
import { asSession, makeOrg, makeUser, makeWorker, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import { recordCompletionAction, removeCompletionAction } from "@/app/(app)/workers/[id]/mandatory-training/actions";
import { createSubjectAction } from "@/app/(app)/admin/mandatory-training/actions";
import { remindOutOfDateAction } from "@/app/(app)/team/actions";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-11-22";
type Fixture = Awaited<ReturnType<typeof twoTeams>>;

const subject = (over: Partial<SubjectInput> = {}): SubjectInput => ({
  name: "Fire safety",
  description: "",
  renewalMonths: 24,
  who: "everyone",
  stageIds: [],
  professionIds: [],
  careSettingIds: [],
  ...over,
});

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

async function addSubject(f: Fixture, over: Partial<SubjectInput> = {}) {
  return ok(await createSubject(asSession(f.users.admin), subject(over))).id;
}

const complete = async (f: Fixture, subjectId: string, completedOn: string, workerId = f.workers.workerA.id) =>
  ok(await recordCompletion(asSession(f.users.admin), workerId, { subjectId, completedOn, note: "" }, TODAY)).id;

const standingOf = async (f: Fixture, workerId = f.workers.workerA.id, today = TODAY) =>
  (await complianceOfVisibleWorkers(asSession(f.users.admin), today)).find((w) => w.workerId === workerId)!;

describe("the rules", () => {
  it("a worker needs a subject when any one of its audiences takes them in", () => {
    const w = { stageId: "s1", professionId: "p1", careSettingId: "c1" };
    expect(needsSubject([{ kind: "everyone", refId: null }], w)).toBe(true);
    expect(needsSubject([], w)).toBe(false);
    expect(needsSubject([{ kind: "stage", refId: "s2" }, { kind: "profession", refId: "p1" }], w)).toBe(true);
    expect(needsSubject([{ kind: "stage", refId: "s2" }, { kind: "care_setting", refId: "c2" }], w)).toBe(false);
    expect(needsSubject([{ kind: "care_setting", refId: "c1" }], { ...w, careSettingId: null })).toBe(false);
  });

  it("a completion runs out its renewal period after it was done; a leap day falls back to the month's last day", () => {
    expect(expiryOf("2026-03-15", 12)).toBe("2027-03-15");
    expect(expiryOf("2028-02-29", 12)).toBe("2029-02-28");
    expect(expiryOf("2026-01-31", 1)).toBe("2026-02-28");
    expect(expiryOf("2026-01-31", null)).toBeNull();
  });

  it("in date on the day it expires, expired the day after; expiring within 30 days", () => {
    expect(complianceStatus(null, TODAY)).toBe("never");
    expect(complianceStatus({ expiresOn: null }, TODAY)).toBe("in_date");
    expect(complianceStatus({ expiresOn: "2026-11-21" }, TODAY)).toBe("expired");
    expect(complianceStatus({ expiresOn: TODAY }, TODAY)).toBe("expiring");
    expect(complianceStatus({ expiresOn: "2026-12-22" }, TODAY)).toBe("expiring");
    expect(complianceStatus({ expiresOn: "2026-12-23" }, TODAY)).toBe("in_date");
    // Across a leap day and a year's end.
    expect(complianceStatus({ expiresOn: "2028-03-30" }, "2028-02-29")).toBe("expiring");
    expect(complianceStatus({ expiresOn: "2028-03-31" }, "2028-02-29")).toBe("in_date");
    expect(complianceStatus({ expiresOn: "2026-12-31" }, "2027-01-01")).toBe("expired");
  });

  it("the compliance figure counts expiring as in date and rounds down", () => {
    const counts = countStatuses(["in_date", "expiring", "expired", "never", ...Array<"in_date">(196).fill("in_date")]);
    expect(counts).toEqual({ required: 200, in_date: 197, expiring: 1, expired: 1, never: 1 });
    expect(compliancePercent(counts)).toBe(99);
    expect(compliancePercent(countStatuses([]))).toBeNull();
  });

  it("says renewal periods and what a reminder did in words", () => {
    expect([renewalWords(null), renewalWords(12), renewalWords(36), renewalWords(18), renewalWords(1)]).toEqual([
      "Once (does not expire)",
      "Every year",
      "Every 3 years",
      "Every 18 months",
      "Every month",
    ]);
    expect(remindedWords({ reminded: 2, emailed: 2, recentlyReminded: 0 })).toBe("Reminded 2 people by email.");
    expect(remindedWords({ reminded: 3, emailed: 1, recentlyReminded: 1 })).toBe(
      "Reminded 3 people: 1 by email. The other 2 could not be emailed; they see what is out of date in their inbox and on their record. 1 person reminded in the last 7 days was left out.",
    );
    expect(remindedWords({ reminded: 1, emailed: 0, recentlyReminded: 0 })).toMatch(/^Recorded a reminder for 1 person\. No email could be sent/);
    const email = trainingReminderEmail({ name: "Amy Jones", managerName: "Priya Shah", subjects: ["Fire safety", "Prevent"], url: "https://pathways.example.nhs.uk/workers/x/mandatory-training" });
    expect(email.subject).toBe("Pathways: 2 mandatory training subjects to do");
    expect(email.text).toContain("- Fire safety\n- Prevent");
    expect(email.text).toContain("https://pathways.example.nhs.uk/workers/x/mandatory-training");
  });

  it("the forms: a renewal period is whole months from 1 to 120 or blank; chosen audiences need at least one", () => {
    const read = (over: Record<string, unknown>) => SubjectFields.safeParse({ name: "Fire safety", who: "everyone", ...over });
    expect(read({ renewalMonths: "" }).data?.renewalMonths).toBeNull();
    expect(read({ renewalMonths: "24" }).data?.renewalMonths).toBe(24);
    for (const bad of ["0", "121", "1.5", "two", "-3"]) expect(read({ renewalMonths: bad }).success, bad).toBe(false);
    const none = read({ who: "chosen" });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.path).toEqual(["stageIds"]);
    expect(read({ who: "chosen", careSettingIds: ["x"] }).success).toBe(true);
    expect(completionFields(TODAY).safeParse({ subjectId: "x", completedOn: "2026-11-23" }).success).toBe(false);
    expect(completionFields(TODAY).safeParse({ subjectId: "x", completedOn: TODAY }).success).toBe(true);
  });
});

describe("subjects", () => {
  it("an administrator adds, changes, retires and restores a subject, each audited; nobody else may", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const id = await addSubject(f, { name: "Sepsis awareness", renewalMonths: 12, who: "chosen", stageIds: [f.ref.stage.id] });
    const row = (await subjectsForAdmin(admin)).find((s) => s.id === id)!;
    expect(row).toMatchObject({ name: "Sepsis awareness", renewalMonths: 12, framework: false, who: "Support worker", code: "local-sepsis-awareness" });
    ok(await updateSubject(admin, id, subject({ name: "Sepsis awareness", renewalMonths: 36, who: "everyone" })));
    expect((await subjectsForAdmin(admin)).find((s) => s.id === id)).toMatchObject({ renewalMonths: 36, who: "Everyone" });
    ok(await setSubjectRetired(admin, id, true));
    expect(await setSubjectRetired(admin, id, true)).toMatchObject({ ok: false, code: "conflict" });
    ok(await setSubjectRetired(admin, id, false));
    const actions = (await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, id))).map((a) => a.action);
    expect(actions).toEqual(["training_subject.create", "training_subject.update", "training_subject.retire", "training_subject.restore"]);
    for (const user of [f.users.managerA, f.users.lead, f.users.workerUserA]) {
      expect(await createSubject(asSession(user), subject({ name: "Other" }))).toMatchObject({ ok: false, code: "read_only" });
      expect(await updateSubject(asSession(user), id, subject())).toMatchObject({ ok: false, code: "read_only" });
      expect(await subjectsForAdmin(asSession(user))).toEqual([]);
    }
  });

  it("refuses a second current subject of the same name, and an audience that is not on the lists", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    await addSubject(f, { name: "Fire safety" });
    expect(await createSubject(admin, subject({ name: "fire SAFETY" }))).toMatchObject({ ok: false, code: "conflict", field: "name" });
    // Accents and spacing aside too, the same on SQLite and PostgreSQL.
    await addSubject(f, { name: "Échographie safety" });
    expect(await createSubject(admin, subject({ name: "echographie  SAFETY" }))).toMatchObject({ ok: false, code: "conflict", field: "name" });
    const twice = await Promise.all([createSubject(admin, subject({ name: "Sepsis" })), createSubject(admin, subject({ name: "sepsis" }))]);
    expect(twice.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(await createSubject(admin, subject({ name: "Other", who: "chosen", professionIds: ["madeUpProfession"] }))).toMatchObject({ ok: false, code: "invalid", field: "professionIds" });
    expect(await createSubject(admin, subject({ name: "Other", who: "chosen", stageIds: [f.ref.profession.id] }))).toMatchObject({ ok: false, code: "invalid", field: "stageIds" });
  });

  it("the action: an administrator's form adds it; a manager gets not found", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.managerA));
    await expect(createSubjectAction({}, formData({ name: "Sepsis", who: "everyone" }))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.admin));
    await expect(createSubjectAction({}, formData({ name: "Sepsis", who: "everyone", renewalMonths: "12" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await first(db.select().from(trainingSubjects).where(eq(trainingSubjects.name, "Sepsis")))).toMatchObject({ renewalMonths: 12 });
    const bad = await createSubjectAction({}, formData({ name: "", who: "chosen", renewalMonths: "200" }));
    expect(bad).toMatchObject({ ok: false, values: { renewalMonths: "200" } });
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["name", "renewalMonths", "stageIds"]);
  });
});

describe("completions and where a worker stands", () => {
  it("needs by role, profession and care setting (their own, else their team's); a retired subject is needed by nobody", async () => {
    const f = await twoTeams();
    const [setting] = await db.insert(careSettings).values({ code: `ward-${Math.random()}`, name: "Acute inpatient" }).returning();
    await db.update(teams).set({ careSettingId: setting!.id }).where(eq(teams.id, f.teamA.id));
    const everyone = await addSubject(f, { name: "Fire safety" });
    const byStage = await addSubject(f, { name: "Stage one", who: "chosen", stageIds: [f.ref.stage.id] });
    const bySetting = await addSubject(f, { name: "Ward one", who: "chosen", careSettingIds: [setting!.id] });
    const retired = await addSubject(f, { name: "Old one" });
    ok(await setSubjectRetired(asSession(f.users.admin), retired, true));
    expect((await standingOf(f)).needed.map((n) => n.subjectId).sort()).toEqual([everyone, byStage, bySetting].sort());
    // Worker B's team has no care setting.
    expect((await standingOf(f, f.workers.workerB.id)).needed.map((n) => n.subjectId).sort()).toEqual([everyone, byStage].sort());
  });

  it("the latest completion counts, expiring at the subject's period; a removed one no longer counts", async () => {
    const f = await twoTeams();
    const fire = await addSubject(f, { name: "Fire safety", renewalMonths: 24 });
    const once = await addSubject(f, { name: "Induction", renewalMonths: null });
    await complete(f, fire, "2024-06-01");
    expect((await standingOf(f)).needed.find((n) => n.subjectId === fire)).toMatchObject({ status: "expired", expiresOn: "2026-06-01" });
    const latest = await complete(f, fire, "2024-12-01");
    await complete(f, once, "2019-05-05");
    const s = await standingOf(f);
    expect(s.needed.map((n) => [n.name, n.status, n.completedOn, n.expiresOn])).toEqual([
      ["Fire safety", "expiring", "2024-12-01", "2026-12-01"],
      ["Induction", "in_date", "2019-05-05", null],
    ]);
    expect(s.counts).toMatchObject({ required: 2, in_date: 1, expiring: 1 });
    ok(await removeCompletion(asSession(f.users.managerA), f.workers.workerA.id, latest, "Wrong person"));
    expect((await standingOf(f)).needed[0]).toMatchObject({ status: "expired", completedOn: "2024-06-01" });
    // A later change of the period applies to completions recorded from then on.
    ok(await updateSubject(asSession(f.users.admin), fire, subject({ name: "Fire safety", renewalMonths: 12 })));
    expect((await standingOf(f)).needed[0]).toMatchObject({ expiresOn: "2026-06-01" });
    // A newer completion under the shorter period does not cut short one still in date under the longer.
    ok(await updateSubject(asSession(f.users.admin), fire, subject({ name: "Fire safety", renewalMonths: 60 })));
    await complete(f, fire, "2025-03-01");
    ok(await updateSubject(asSession(f.users.admin), fire, subject({ name: "Fire safety", renewalMonths: 1 })));
    await complete(f, fire, "2025-06-01");
    expect((await standingOf(f)).needed[0]).toMatchObject({ status: "in_date", completedOn: "2025-03-01", expiresOn: "2030-03-01" });
    const page = (await mandatoryTrainingPage(asSession(f.users.workerUserA), f.workers.workerA.id, TODAY))!;
    expect(page.completions.filter((c) => c.removedAt !== null).map((c) => c.removedReason)).toEqual(["Wrong person"]);
    expect(page.canRecord).toBe(false);
    expect(page.ownRecord).toBe(true);
  });

  it("who may record: the worker's manager and an administrator; a lead reads; the worker, another team's manager and another organisation get not found", async () => {
    const f = await twoTeams();
    const fire = await addSubject(f, { name: "Fire safety" });
    const input = { subjectId: fire, completedOn: "2026-11-01", note: "Certificate 123" };
    const a = f.workers.workerA.id;
    expect(await recordCompletion(asSession(f.users.managerA), a, input, TODAY)).toMatchObject({ ok: true });
    expect(await recordCompletion(asSession(f.users.lead), a, input, TODAY)).toMatchObject({ ok: false, code: "read_only" });
    expect(await recordCompletion(asSession(f.users.workerUserA), a, input, TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await recordCompletion(asSession(f.users.managerB), a, input, TODAY)).toMatchObject({ ok: false, code: "not_found" });
    expect(await recordCompletion(asSession(f.users.otherLead), a, input, TODAY)).toMatchObject({ ok: false, code: "read_only" });
    expect(await mandatoryTrainingPage(asSession(f.users.managerB), a, TODAY)).toBeUndefined();
    expect(await mandatoryTrainingPage(asSession(f.users.otherLead), a, TODAY)).toBeUndefined();
    expect((await mandatoryTrainingPage(asSession(f.users.lead), a, TODAY))?.canRecord).toBe(false);
    expect((await mandatoryTrainingPage(asSession(f.users.managerA), a, TODAY))?.canRecord).toBe(true);
    const audit = await first(db.select().from(auditEvents).where(and(eq(auditEvents.action, "training_completion.create"), eq(auditEvents.workerId, a))));
    expect(JSON.parse(audit!.summary)).toEqual({ subject: "Fire safety", completedOn: "2026-11-01", expiresOn: "2028-11-01", note: "Certificate 123" });
  });

  it("refuses a future date, a retired or unknown subject, the same completion twice, a leaver, and a manager's own record", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const fire = await addSubject(f, { name: "Fire safety" });
    const old = await addSubject(f, { name: "Old" });
    ok(await setSubjectRetired(admin, old, true));
    const a = f.workers.workerA.id;
    expect(await recordCompletion(admin, a, { subjectId: fire, completedOn: "2026-11-23", note: "" }, TODAY)).toMatchObject({ code: "invalid", field: "completedOn" });
    expect(await recordCompletion(admin, a, { subjectId: old, completedOn: TODAY, note: "" }, TODAY)).toMatchObject({ code: "invalid", field: "subjectId" });
    expect(await recordCompletion(admin, a, { subjectId: "madeUpSubjectId1", completedOn: TODAY, note: "" }, TODAY)).toMatchObject({ code: "invalid", field: "subjectId" });
    await complete(f, fire, TODAY);
    expect(await recordCompletion(admin, a, { subjectId: fire, completedOn: TODAY, note: "" }, TODAY)).toMatchObject({ code: "conflict" });
    // A manager who is also on the register does not record their own training.
    const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerB.id, userId: f.users.managerA.id });
    expect(await recordCompletion(asSession(f.users.managerA), own.id, { subjectId: fire, completedOn: TODAY, note: "" }, TODAY)).toMatchObject({
      ok: false,
      code: "read_only",
      message: "You can't record or remove your own mandatory training. Another manager or an administrator must.",
    });
    await db.update(workers).set({ status: "left" }).where(eq(workers.id, a));
    expect(await recordCompletion(admin, a, { subjectId: fire, completedOn: TODAY, note: "" }, TODAY)).toMatchObject({ code: "read_only" });
  });

  it("the actions: an allowed role records and removes with the reason; a support worker gets not found", async () => {
    const f = await twoTeams();
    const fire = await addSubject(f, { name: "Fire safety" });
    const a = f.workers.workerA.id;
    actAs(asSession(f.users.workerUserA));
    await expect(recordCompletionAction(a, {}, formData({ subjectId: fire, completedOn: TODAY }))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.managerA));
    expect(await recordCompletionAction(a, {}, formData({ subjectId: fire, completedOn: "2026-11-20" }))).toMatchObject({ ok: true, message: "Completion recorded" });
    const bad = await recordCompletionAction(a, {}, formData({ subjectId: fire, completedOn: "31/02/2026", note: "kept" }));
    expect(bad).toMatchObject({ ok: false, values: { note: "kept" } });
    const id = (await first(db.select().from(trainingCompletions).where(eq(trainingCompletions.workerId, a))))!.id;
    expect(await removeCompletionAction(a, id, {}, formData({ reason: "" }))).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(await removeCompletionAction(a, id, {}, formData({ reason: "Wrong date" }))).toMatchObject({ ok: true });
    expect(await removeCompletionAction(a, id, {}, formData({ reason: "Again" }))).toMatchObject({ ok: false, message: "This completion has already been removed" });
    // Two removals at once: one is done, the other told so.
    const other = await complete(f, fire, "2026-10-01");
    const both = await Promise.all([removeCompletion(asSession(f.users.managerA), a, other, "One"), removeCompletion(asSession(f.users.admin), a, other, "Two")]);
    expect(both.map((r) => r.ok).sort()).toEqual([false, true]);
    actAs(asSession(f.users.workerUserA));
    await expect(removeCompletionAction(a, id, {}, formData({ reason: "Mine" }))).rejects.toThrow(NOT_FOUND);
  });
});

describe("the team, the inbox, the download and reminders", () => {
  it("a manager's team figures are their own workers', never their own record", async () => {
    const f = await twoTeams();
    const fire = await addSubject(f, { name: "Fire safety" });
    await addSubject(f, { name: "Prevent", renewalMonths: 36 });
    await complete(f, fire, "2026-01-01");
    await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerB.id, userId: f.users.managerA.id });
    const people = await complianceOfVisibleWorkers(asSession(f.users.managerA), TODAY, { exceptOwn: true });
    // Worker A (team A) and the worker line-managed from team B.
    expect(people.map((p) => p.workerId).sort()).toEqual([f.workers.workerA.id, f.workers.lineManagedOnly.id].sort());
    expect(teamCompliance(people)).toEqual({ counts: { required: 4, in_date: 1, expiring: 0, expired: 0, never: 3 }, outOfDate: 2 });
  });

  it("the inbox: the worker gets each subject; their manager one reminder for the worker", async () => {
    const f = await twoTeams();
    const fire = await addSubject(f, { name: "Fire safety", renewalMonths: 12 });
    await addSubject(f, { name: "Prevent" });
    await complete(f, fire, "2025-12-01");
    const mine = (await inboxRemindersNow(asSession(f.users.workerUserA), TODAY)).filter((r) => r.kind === "mandatory_training");
    expect(mine.map((r) => [r.title, r.urgency, r.dueOn, reminderWhen(r)])).toEqual([
      ["Prevent", "overdue", null, "Never done"],
      ["Fire safety", "due_soon", "2026-12-01", "Expires 1 December 2026"],
    ]);
    const managers = (await inboxRemindersNow(asSession(f.users.managerA), TODAY)).filter((r) => r.kind === "training_out_of_date" && r.workerId === f.workers.workerA.id);
    expect(managers.map((r) => [r.title, r.urgency, r.href])).toEqual([["Mandatory training out of date: 1 never done", "overdue", `/workers/${f.workers.workerA.id}/mandatory-training`]]);
    expect((await inboxRemindersNow(asSession(f.users.managerB), TODAY)).some((r) => r.workerId === f.workers.workerA.id)).toBe(false);
  });

  it("the download: every needed subject of everyone the user sees, audited; a support worker has nothing to download", async () => {
    const f = await twoTeams();
    const fire = await addSubject(f, { name: "Fire safety" });
    await complete(f, fire, "2026-01-01");
    const rows = async (user: Parameters<typeof asSession>[0]) => {
      const file = await exportCompliance(asSession(user), TODAY, undefined, 1);
      const out: string[][] = [];
      for await (const chunk of file.rows()) out.push(...chunk);
      return out;
    };
    const a = f.workers.workerA;
    expect(await rows(f.users.managerA)).toEqual([
      [a.employeeNumber, a.lastName, a.firstName, "Team A", "Fire safety", "In date", "2026-01-01", "2028-01-01"],
      [f.workers.lineManagedOnly.employeeNumber, f.workers.lineManagedOnly.lastName, f.workers.lineManagedOnly.firstName, "Team B", "Fire safety", "Never done", "", ""],
    ]);
    expect((await rows(f.users.lead)).length).toBe(3);
    // Another organisation's lead gets their own organisation's worker alone.
    expect((await rows(f.users.otherLead)).map((r) => r[0])).toEqual([f.workers.otherOrgWorker.employeeNumber]);
    expect(await rows(f.users.workerUserA)).toEqual([]);
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.action, "training_completions.export"));
    expect(audits.map((e) => JSON.parse(e.summary).workers)).toEqual([2, 3, 1, 0]);
  });

  it("reminders reach the manager's workers out of date, once a week, never their own record; recorded and audited", async () => {
    const f = await twoTeams();
    const fire = await addSubject(f, { name: "Fire safety" });
    // The action takes the app's today (PATHWAYS_TODAY on an awkward day): the line-managed worker completed it then.
    const today = todayInLondon();
    ok(await recordCompletion(asSession(f.users.admin), f.workers.lineManagedOnly.id, { subjectId: fire, completedOn: today, note: "" }, today));
    const own = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerB.id, userId: f.users.managerA.id });
    const manager = asSession(f.users.managerA);
    const { targets } = await outOfDateToRemind(manager, today);
    expect(targets).toEqual([{ workerId: f.workers.workerA.id, name: `${f.workers.workerA.firstName} ${f.workers.workerA.lastName}`, email: f.users.workerUserA.email, subjects: ["Fire safety"] }]);
    actAs(manager);
    expect(await remindOutOfDateAction({}, formData({}))).toMatchObject({ ok: true, message: expect.stringMatching(/^Recorded a reminder for 1 person/) });
    const sent = await db.select().from(trainingReminders);
    expect(sent.map((r) => [r.workerId, r.subjects, r.delivery])).toEqual([[f.workers.workerA.id, ["Fire safety"], "not_configured"]]);
    expect(sent.some((r) => r.workerId === own.id)).toBe(false);
    const audited = await db.select().from(auditEvents).where(eq(auditEvents.workerId, f.workers.workerA.id));
    expect(audited.filter((e) => e.entityType === "training_reminder").map((e) => [e.action, JSON.parse(e.summary)])).toEqual([
      ["training_reminder.sent", { subjects: ["Fire safety"] }],
      ["training_reminder.delivered", { delivery: "not_configured" }],
    ]);
    // Again the same week: nobody new to remind.
    expect(await remindOutOfDateAction({}, formData({}))).toMatchObject({ ok: false, message: "Everyone out of date was reminded in the last 7 days" });
    const eightDaysOn = new Date(clockNow().getTime() + 8 * 24 * 60 * 60_000);
    expect(await outOfDateToRemind(manager, today, eightDaysOn)).toMatchObject({ targets: [{ workerId: f.workers.workerA.id }], recentlyReminded: 0 });
    // Only a manager runs it.
    for (const user of [f.users.lead, f.users.admin, f.users.workerUserA]) {
      actAs(asSession(user));
      await expect(remindOutOfDateAction({}, formData({}))).rejects.toThrow(NOT_FOUND);
    }
  });

  it("two presses at once remind each worker once", async () => {
    const f = await twoTeams();
    await addSubject(f, { name: "Fire safety" });
    const manager = asSession(f.users.managerA);
    const both = await Promise.all([claimTrainingReminders(manager, TODAY), claimTrainingReminders(manager, TODAY)]);
    expect(both.filter((r) => r.ok).length).toBe(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: "conflict", message: "Everyone out of date was reminded in the last 7 days" });
    const rows = await db.select({ workerId: trainingReminders.workerId, delivery: trainingReminders.delivery }).from(trainingReminders);
    expect(rows.map((r) => r.workerId).sort()).toEqual([f.workers.workerA.id, f.workers.lineManagedOnly.id].sort());
    expect(new Set(rows.map((r) => r.delivery))).toEqual(new Set(["pending"]));
  });

  it("the download from the workers list takes its filters", async () => {
    const f = await twoTeams();
    await addSubject(f, { name: "Fire safety" });
    const file = await exportCompliance(asSession(f.users.lead), TODAY, { ...parseWorkerFilters(new URLSearchParams(`team=${f.teamB.id}`)) });
    const out: string[][] = [];
    for await (const chunk of file.rows()) out.push(...chunk);
    expect(out.map((r) => r[0]).sort()).toEqual([f.workers.workerB.employeeNumber, f.workers.lineManagedOnly.employeeNumber].sort());
  });

  it("subjects arriving on a database that already has workers are needed by nobody until an administrator says who", async () => {
    await twoTeams();
    await seedReference(db);
    const shipped = await db.select({ id: trainingSubjects.id }).from(trainingSubjects);
    expect(shipped.length).toBe(17);
    expect(await db.select().from(trainingSubjectAudiences)).toEqual([]);
  });

  it("a new database's subjects come with who needs them", async () => {
    await seedReference(db);
    const everyone = await db.select({ subjectId: trainingSubjectAudiences.subjectId }).from(trainingSubjectAudiences).where(eq(trainingSubjectAudiences.kind, "everyone"));
    expect(everyone.length).toBe(11);
  });

  it("another organisation's workers are never counted or reminded", async () => {
    const f = await twoTeams();
    await addSubject(f, { name: "Fire safety" });
    const org = await makeOrg("Third Trust");
    const lead = await makeUser(org.id, "lead");
    expect(await complianceOfVisibleWorkers(asSession(lead), TODAY)).toEqual([]);
    expect((await complianceOfVisibleWorkers(asSession(f.users.lead), TODAY)).length).toBe(3);
  });
});
