import "server-only";
// Statutory and mandatory training (decision record 0033): the subjects and who needs each (administrators change
// them; everyone reads them), completions on a worker's record (their manager or an administrator records and removes
// them, never on their own record; the worker and leads read), where each worker stands, the team's figures, the CSV
// download and a manager's reminders to everyone out of date. Every change is audited.
import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { db, first, isUniqueViolation, lockFor, one, type Tx } from "../client";
import { careSettings, professions, stages, teams, trainingCompletions, trainingReminders, trainingSubjectAudiences, trainingSubjects, users, workers } from "../schema";
import { editableWorkers, visibleWorkers } from "../access";
import { caseless } from "../dialect";
import { workerIdsMatching } from "./workers";
import type { WorkerFilters } from "../../lib/worker-filters";
import { audit } from "../audit";
import { notOwnRecord, ownRecordRefused } from "../separation";
import { workerRecordHeader } from "./workers";
import { conflict, invalid, notFound, readOnly, type Refusal, type Result } from "../result";
import type { SessionUser } from "../../lib/session-user";
import type { CompletionInput, SubjectInput } from "../../lib/forms/mandatory-training";
import { now as clockNow, todayInLondon } from "../../lib/rules/dates";
import {
  compareSubjectRows,
  complianceStatus,
  countStatuses,
  expiryOf,
  isOutOfDate,
  needsSubject,
  REMIND_AGAIN_AFTER_DAYS,
  nobodyToRemindWords,
  type ReminderDelivery,
  type Audience,
  type ComplianceCounts,
} from "../../lib/rules/mandatory-training";
import { complianceStatusWords, type ComplianceStatus, type TrainingAudienceKind } from "../../lib/vocabulary";

/* ------------------------------------------------------------------ subjects */

export type Subject = {
  id: string;
  code: string;
  name: string;
  description: string;
  renewalMonths: number | null;
  framework: boolean;
  retiredAt: Date | null;
  audiences: Audience[];
};

/** Every subject with who needs it, current ones first, in the organisation's order. */
export async function allSubjects(q: Pick<Tx, "select"> = db): Promise<Subject[]> {
  const rows = await q
    .select({
      id: trainingSubjects.id,
      code: trainingSubjects.code,
      name: trainingSubjects.name,
      description: trainingSubjects.description,
      renewalMonths: trainingSubjects.renewalMonths,
      framework: trainingSubjects.framework,
      retiredAt: trainingSubjects.retiredAt,
    })
    .from(trainingSubjects)
    .orderBy(sql`${trainingSubjects.retiredAt} is not null`, asc(trainingSubjects.sort), asc(trainingSubjects.name));
  const audiences = await q
    .select({ subjectId: trainingSubjectAudiences.subjectId, kind: trainingSubjectAudiences.kind, refId: trainingSubjectAudiences.refId })
    .from(trainingSubjectAudiences);
  const bySubject = new Map<string, Audience[]>();
  for (const a of audiences) bySubject.set(a.subjectId, [...(bySubject.get(a.subjectId) ?? []), { kind: a.kind, refId: a.refId }]);
  return rows.map((r) => ({ ...r, framework: Boolean(r.framework), audiences: bySubject.get(r.id) ?? [] }));
}

/** The names of the stages, professions and care settings, to say who a subject is for. */
async function audienceNames(): Promise<Map<string, string>> {
  const named = await Promise.all([
    db.select({ id: stages.id, name: stages.name }).from(stages),
    db.select({ id: professions.id, name: professions.name }).from(professions),
    db.select({ id: careSettings.id, name: careSettings.name }).from(careSettings),
  ]);
  return new Map(named.flat().map((r) => [r.id, r.name]));
}

/** Who a subject is for, in words: "Everyone", or "Senior support worker; Physiotherapy; Critical care". */
function audienceWords(audiences: readonly Audience[], names: Map<string, string>): string {
  if (audiences.some((a) => a.kind === "everyone")) return "Everyone";
  if (audiences.length === 0) return "Nobody yet";
  const order: TrainingAudienceKind[] = ["stage", "profession", "care_setting"];
  return [...audiences]
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    .map((a) => names.get(a.refId ?? "") ?? "Unknown")
    .join("; ");
}

export type SubjectRow = Subject & { who: string };

/** The administrator's list: every subject, with who needs it in words. */
export async function subjectsForAdmin(user: SessionUser): Promise<SubjectRow[]> {
  if (user.role !== "admin") return [];
  const names = await audienceNames();
  return (await allSubjects()).map((s) => ({ ...s, who: audienceWords(s.audiences, names) }));
}

export async function subjectForAdmin(user: SessionUser, id: string): Promise<SubjectRow | undefined> {
  return (await subjectsForAdmin(user)).find((s) => s.id === id);
}

/** The choices of the subject form: current stages, professions and care settings, and any a subject already names. */
export async function subjectFormChoices(user: SessionUser, keep: readonly Audience[] = []) {
  if (user.role !== "admin") return { stages: [], professions: [], careSettings: [] };
  const kept = keep.map((a) => a.refId).filter((id): id is string => id !== null);
  const live = <T extends typeof stages | typeof professions | typeof careSettings>(t: T) =>
    db
      .select({ id: t.id, name: t.name })
      .from(t)
      .where(kept.length ? sql`(${t.retiredAt} is null or ${inArray(t.id, kept)})` : isNull(t.retiredAt))
      .orderBy(asc(t.sort), asc(t.name));
  const [s, p, c] = await Promise.all([live(stages), live(professions), live(careSettings)]);
  return { stages: s, professions: p, careSettings: c };
}

const ADMINS_ONLY = readOnly("Only administrators change the mandatory training subjects");

/** A code for the organisation's own subject, from its name: "local-manual-handling-refresher", made unique. */
async function newCode(tx: Tx, name: string): Promise<string> {
  const slug = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "subject";
  const base = `local-${slug}`;
  const taken = new Set((await tx.select({ code: trainingSubjects.code }).from(trainingSubjects)).map((r) => r.code));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The audience rows a form gives, each id checked to be a current (or already named) stage, profession or care setting. */
async function audiencesFrom(tx: Tx, input: SubjectInput, keep: readonly Audience[] = []): Promise<Audience[] | Refusal> {
  if (input.who === "everyone") return [{ kind: "everyone", refId: null }];
  const kept = new Set(keep.map((a) => a.refId));
  const pick = async (kind: TrainingAudienceKind, t: typeof stages | typeof professions | typeof careSettings, wanted: readonly string[], field: string) => {
    const unique = [...new Set(wanted)];
    if (unique.length === 0) return [];
    const found = await tx.select({ id: t.id, retiredAt: t.retiredAt }).from(t).where(inArray(t.id, unique));
    if (found.length !== unique.length || found.some((r) => r.retiredAt && !kept.has(r.id))) return invalid("Select from the list", field);
    return unique.map((refId) => ({ kind, refId }) as Audience);
  };
  const out: Audience[] = [];
  for (const [kind, t, wanted, field] of [
    ["stage", stages, input.stageIds, "stageIds"],
    ["profession", professions, input.professionIds, "professionIds"],
    ["care_setting", careSettings, input.careSettingIds, "careSettingIds"],
  ] as const) {
    const rows = await pick(kind, t, wanted, field);
    if (!Array.isArray(rows)) return rows;
    out.push(...rows);
  }
  return out;
}

/** Names compared as a person reads them: case, accents and spacing aside (in JavaScript, so both databases agree). */
const nameKey = (name: string) => name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * A current subject of the same name, other than `exceptId`. The caller holds the subjects' lock, so two administrators
 * adding the same name at once on PostgreSQL cannot both pass (SQLite's transactions already run one at a time).
 */
async function nameClash(tx: Tx, name: string, exceptId?: string): Promise<Refusal | undefined> {
  const current = await tx.select({ id: trainingSubjects.id, name: trainingSubjects.name }).from(trainingSubjects).where(isNull(trainingSubjects.retiredAt));
  const clash = current.find((r) => r.id !== exceptId && nameKey(r.name) === nameKey(name));
  return clash ? conflict(`There is already a subject called ${clash.name}`, "name") : undefined;
}

const SUBJECTS_LOCK = "training subjects";

export async function createSubject(user: SessionUser, input: SubjectInput): Promise<Result<{ id: string }>> {
  if (user.role !== "admin") return ADMINS_ONLY;
  return await db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    await lockFor(SUBJECTS_LOCK);
    const clash = await nameClash(tx, input.name);
    if (clash) return clash;
    const audiences = await audiencesFrom(tx, input);
    if (!Array.isArray(audiences)) return audiences;
    const sort = ((await first(tx.select({ max: sql<number | null>`max(${trainingSubjects.sort})` }).from(trainingSubjects)))?.max ?? 0) + 10;
    const { id } = await one(tx
      .insert(trainingSubjects)
      .values({ code: await newCode(tx, input.name), name: input.name, description: input.description, renewalMonths: input.renewalMonths, framework: false, sort })
      .returning({ id: trainingSubjects.id }));
    for (const a of audiences) await tx.insert(trainingSubjectAudiences).values({ subjectId: id, ...a });
    await audit(tx, user, { action: "training_subject.create", entityType: "training_subject", entityId: id, summary: { name: input.name, renewalMonths: input.renewalMonths, audiences } });
    return { ok: true, id };
  });
}

export async function updateSubject(user: SessionUser, id: string, input: SubjectInput): Promise<Result<{ id: string }>> {
  if (user.role !== "admin") return ADMINS_ONLY;
  return await db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    await lockFor(SUBJECTS_LOCK);
    const before = (await allSubjects(tx)).find((s) => s.id === id);
    if (!before) return notFound("Subject not found");
    const clash = await nameClash(tx, input.name, id);
    if (clash) return clash;
    const audiences = await audiencesFrom(tx, input, before.audiences);
    if (!Array.isArray(audiences)) return audiences;
    const key = (list: readonly Audience[]) => list.map((a) => `${a.kind}:${a.refId ?? ""}`).sort().join(",");
    const changed = [
      ...(before.name !== input.name ? ["name"] : []),
      ...(before.description !== input.description ? ["description"] : []),
      ...(before.renewalMonths !== input.renewalMonths ? ["renewalMonths"] : []),
      ...(key(before.audiences) !== key(audiences) ? ["audiences"] : []),
    ];
    if (changed.length === 0) return { ok: true, id };
    await tx.update(trainingSubjects).set({ name: input.name, description: input.description, renewalMonths: input.renewalMonths }).where(eq(trainingSubjects.id, id));
    await tx.delete(trainingSubjectAudiences).where(eq(trainingSubjectAudiences.subjectId, id));
    for (const a of audiences) await tx.insert(trainingSubjectAudiences).values({ subjectId: id, ...a });
    await audit(tx, user, {
      action: "training_subject.update",
      entityType: "training_subject",
      entityId: id,
      summary: {
        changed,
        name: input.name,
        ...(changed.includes("name") ? { from: before.name } : {}),
        ...(changed.includes("renewalMonths") ? { renewalMonths: { from: before.renewalMonths, to: input.renewalMonths } } : {}),
        ...(changed.includes("audiences") ? { audiences: { from: before.audiences, to: audiences } } : {}),
      },
    });
    return { ok: true, id };
  });
}

/** Retires a subject (nobody needs it from then on; completions keep it) or restores it. */
export async function setSubjectRetired(user: SessionUser, id: string, retired: boolean, now = clockNow()): Promise<Result<{ id: string }>> {
  if (user.role !== "admin") return ADMINS_ONLY;
  return await db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    await lockFor(SUBJECTS_LOCK);
    const row = await first(tx.select({ name: trainingSubjects.name, retiredAt: trainingSubjects.retiredAt }).from(trainingSubjects).where(eq(trainingSubjects.id, id)));
    if (!row) return notFound("Subject not found");
    if (retired === (row.retiredAt !== null)) return conflict(`${row.name} is ${retired ? "already retired" : "not retired"}`);
    if (!retired) {
      const clash = await nameClash(tx, row.name, id);
      if (clash) return conflict(`${clash.message}. Rename or retire that one first.`);
    }
    await tx.update(trainingSubjects).set({ retiredAt: retired ? now : null }).where(eq(trainingSubjects.id, id));
    await audit(tx, user, { action: retired ? "training_subject.retire" : "training_subject.restore", entityType: "training_subject", entityId: id, summary: { name: row.name } });
    return { ok: true, id };
  });
}

/* ------------------------------------------------------------------ where workers stand */

export type SubjectStanding = {
  subjectId: string;
  name: string;
  renewalMonths: number | null;
  status: ComplianceStatus;
  completedOn: string | null;
  expiresOn: string | null;
};

export type WorkerStanding = {
  workerId: string;
  firstName: string;
  lastName: string;
  teamName: string;
  userId: string | null;
  /** The subjects the worker needs, worst first. */
  needed: SubjectStanding[];
  counts: ComplianceCounts;
};

type WorkerRow = {
  workerId: string;
  firstName: string;
  lastName: string;
  teamName: string;
  userId: string | null;
  stageId: string;
  professionId: string;
  careSettingId: string | null;
};

/**
 * The completion (not removed) of each subject that counts, per worker, for these workers: the one that keeps them in
 * date longest (one that never expires first), then the latest done. A certificate still in date stays so when a newer
 * one was recorded with a shorter period (decision record 0033).
 */
async function latestCompletions(workerIds: readonly string[]): Promise<Map<string, Map<string, { completedOn: string; expiresOn: string | null }>>> {
  const out = new Map<string, Map<string, { completedOn: string; expiresOn: string | null }>>();
  const better = (a: { completedOn: string; expiresOn: string | null }, b: { completedOn: string; expiresOn: string | null }) => {
    if (a.expiresOn !== b.expiresOn) return a.expiresOn === null || (b.expiresOn !== null && a.expiresOn > b.expiresOn);
    return a.completedOn > b.completedOn;
  };
  for (let i = 0; i < workerIds.length; i += 2000) {
    const rows = await db
      .select({ workerId: trainingCompletions.workerId, subjectId: trainingCompletions.subjectId, completedOn: trainingCompletions.completedOn, expiresOn: trainingCompletions.expiresOn })
      .from(trainingCompletions)
      .where(and(inArray(trainingCompletions.workerId, workerIds.slice(i, i + 2000)), isNull(trainingCompletions.removedAt)));
    for (const r of rows) {
      const mine = out.get(r.workerId) ?? new Map<string, { completedOn: string; expiresOn: string | null }>();
      const kept = mine.get(r.subjectId);
      if (!kept || better(r, kept)) mine.set(r.subjectId, { completedOn: r.completedOn, expiresOn: r.expiresOn });
      out.set(r.workerId, mine);
    }
  }
  return out;
}

/** Where each of these workers stands on every current subject they need. */
function standings(rows: readonly WorkerRow[], subjects: readonly Subject[], latest: Awaited<ReturnType<typeof latestCompletions>>, today: string): WorkerStanding[] {
  const current = subjects.filter((s) => s.retiredAt === null);
  return rows.map((w) => {
    const done = latest.get(w.workerId);
    const needed = current
      .filter((s) => needsSubject(s.audiences, w))
      .map((s) => {
        const last = done?.get(s.id) ?? null;
        return { subjectId: s.id, name: s.name, renewalMonths: s.renewalMonths, status: complianceStatus(last, today), completedOn: last?.completedOn ?? null, expiresOn: last?.expiresOn ?? null };
      })
      .sort(compareSubjectRows);
    return { workerId: w.workerId, firstName: w.firstName, lastName: w.lastName, teamName: w.teamName, userId: w.userId, needed, counts: countStatuses(needed.map((n) => n.status)) };
  });
}

const workerColumns = {
  workerId: workers.id,
  firstName: workers.firstName,
  lastName: workers.lastName,
  teamName: teams.name,
  userId: workers.userId,
  stageId: workers.stageId,
  professionId: workers.professionId,
  // Their own care setting, or else their team's.
  careSettingId: sql<string | null>`coalesce(${workers.careSettingId}, ${teams.careSettingId})`,
};

/**
 * Where each in-post worker the user may see stands, by name; `limit` guards a page (a manager's teams are far
 * smaller). Leads and administrators see everyone in the organisation: the CSV download reads them in chunks.
 */
export async function complianceOfVisibleWorkers(user: SessionUser, today = todayInLondon(), opts: { limit?: number; exceptOwn?: boolean } = {}): Promise<WorkerStanding[]> {
  const rows = await db
    .select(workerColumns)
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(visibleWorkers(user), eq(workers.status, "in_post"), opts.exceptOwn ? notOwnRecord(user) : undefined))
    .orderBy(asc(workers.lastName), asc(workers.firstName), asc(workers.id))
    .limit(opts.limit ?? 2000);
  if (rows.length === 0) return [];
  const [subjects, latest] = await Promise.all([allSubjects(), latestCompletions(rows.map((r) => r.workerId))]);
  return standings(rows, subjects, latest, today);
}

/** The team's figures: needed subject places in each state, and how many people are out of date on something. */
export function teamCompliance(people: readonly WorkerStanding[]) {
  const counts = countStatuses(people.flatMap((p) => p.needed.map((n) => n.status)));
  return { counts, outOfDate: people.filter((p) => p.counts.expired + p.counts.never > 0).length };
}

/* ------------------------------------------------------------------ a worker's page */

export type CompletionRow = {
  id: string;
  subjectId: string;
  subjectName: string;
  completedOn: string;
  expiresOn: string | null;
  source: "recorded" | "imported";
  note: string;
  recordedByName: string | null;
  removedAt: Date | null;
  removedReason: string | null;
};

/** A worker's mandatory training: where they stand on each subject they need, and every completion; undefined if unseen. */
export async function mandatoryTrainingPage(user: SessionUser, workerId: string, today = todayInLondon()) {
  const worker = await workerRecordHeader(user, workerId);
  if (!worker) return undefined;
  const row = await first(db.select(workerColumns).from(workers).innerJoin(teams, eq(teams.id, workers.teamId)).where(and(eq(workers.id, workerId), visibleWorkers(user))));
  if (!row) return undefined;
  const subjects = await allSubjects();
  const latest = await latestCompletions([workerId]);
  const [standing] = standings([row], subjects, latest, today);
  const completions: CompletionRow[] = await db
    .select({
      id: trainingCompletions.id,
      subjectId: trainingCompletions.subjectId,
      subjectName: trainingSubjects.name,
      completedOn: trainingCompletions.completedOn,
      expiresOn: trainingCompletions.expiresOn,
      source: trainingCompletions.source,
      note: trainingCompletions.note,
      recordedByName: users.name,
      removedAt: trainingCompletions.removedAt,
      removedReason: trainingCompletions.removedReason,
    })
    .from(trainingCompletions)
    .innerJoin(trainingSubjects, eq(trainingSubjects.id, trainingCompletions.subjectId))
    .innerJoin(workers, eq(workers.id, trainingCompletions.workerId))
    .leftJoin(users, eq(users.id, trainingCompletions.recordedBy))
    .where(and(eq(trainingCompletions.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(trainingCompletions.completedOn), desc(trainingCompletions.createdAt));
  const neededIds = new Set(standing!.needed.map((n) => n.subjectId));
  const lastReminder = await first(db
    .select({ sentAt: trainingReminders.sentAt, subjects: trainingReminders.subjects, sentBy: users.name })
    .from(trainingReminders)
    .innerJoin(workers, eq(workers.id, trainingReminders.workerId))
    .leftJoin(users, eq(users.id, trainingReminders.sentBy))
    .where(and(eq(trainingReminders.workerId, workerId), visibleWorkers(user)))
    .orderBy(desc(trainingReminders.sentAt))
    .limit(1));
  // Nobody records their own training: a completion is the organisation's word that it was done (decision record 0016).
  const canRecord = worker.status === "in_post" && worker.editable && worker.userId !== user.id;
  return {
    worker,
    standing: standing!,
    /** Current subjects to record a completion against: every one, needed or not. */
    subjects: subjects.filter((s) => s.retiredAt === null).map((s) => ({ id: s.id, name: s.name, needed: neededIds.has(s.id) })),
    completions,
    canRecord,
    ownRecord: worker.userId === user.id,
    lastReminder: lastReminder ? { ...lastReminder, subjects: lastReminder.subjects as string[] } : undefined,
  };
}

/* ------------------------------------------------------------------ changes */

const WORKER_NOT_FOUND = notFound("Worker not found");
const LEAD_REFUSED = readOnly("Leads read mandatory training records; the worker's manager or an administrator records them");
const LEFT = readOnly("This worker has left. Their record can no longer be changed.");

async function editableWorkerInTx(tx: Tx, user: SessionUser, workerId: string) {
  return await first(tx
    .select({ id: workers.id, status: workers.status, userId: workers.userId })
    .from(workers)
    .where(and(eq(workers.id, workerId), editableWorkers(user))));
}

/** Who may record at all, before a worker is looked at: a lead is told they read; a support worker gets not found. */
function refusedByRole(user: SessionUser): Refusal | undefined {
  if (user.role === "lead") return LEAD_REFUSED;
  if (user.role !== "manager" && user.role !== "admin") return WORKER_NOT_FOUND;
  return undefined;
}

/** Records that the worker completed a subject on a day; it runs out after the subject's renewal period. */
export async function recordCompletion(user: SessionUser, workerId: string, input: CompletionInput, today = todayInLondon()): Promise<Result<{ id: string }>> {
  const refused = refusedByRole(user);
  if (refused) return refused;
  try {
    return await recordCompletionOnce(user, workerId, input, today);
  } catch (error) {
    // The same completion recorded twice at once (a double-clicked button): one is kept.
    if (isUniqueViolation(error)) return conflict("That completion is already recorded on that day", "completedOn");
    throw error;
  }
}

async function recordCompletionOnce(user: SessionUser, workerId: string, input: CompletionInput, today: string): Promise<Result<{ id: string }>> {
  return await db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    const worker = await editableWorkerInTx(tx, user, workerId);
    if (!worker) return WORKER_NOT_FOUND;
    if (worker.userId === user.id) return ownRecordRefused("trainingCompletion");
    if (worker.status === "left") return LEFT;
    if (input.completedOn > today) return invalid("The date it was completed cannot be in the future", "completedOn");
    const subject = await first(tx
      .select({ name: trainingSubjects.name, renewalMonths: trainingSubjects.renewalMonths })
      .from(trainingSubjects)
      .where(and(eq(trainingSubjects.id, input.subjectId), isNull(trainingSubjects.retiredAt))));
    if (!subject) return invalid("Select the training from the list", "subjectId");
    const same = await first(tx
      .select({ id: trainingCompletions.id })
      .from(trainingCompletions)
      .where(and(eq(trainingCompletions.workerId, workerId), eq(trainingCompletions.subjectId, input.subjectId), eq(trainingCompletions.completedOn, input.completedOn), isNull(trainingCompletions.removedAt))));
    if (same) return conflict(`${subject.name} is already recorded as completed on that day`, "completedOn");
    const expiresOn = expiryOf(input.completedOn, subject.renewalMonths);
    const { id } = await one(tx
      .insert(trainingCompletions)
      .values({ workerId, subjectId: input.subjectId, completedOn: input.completedOn, expiresOn, source: "recorded", note: input.note, recordedBy: user.id })
      .returning({ id: trainingCompletions.id }));
    await audit(tx, user, {
      action: "training_completion.create",
      entityType: "training_completion",
      entityId: id,
      workerId,
      summary: { subject: subject.name, completedOn: input.completedOn, expiresOn, ...(input.note ? { note: input.note } : {}) },
    });
    return { ok: true, id };
  });
}

/** Removes a completion recorded in error, with the reason; it stays in the history, struck through. */
export async function removeCompletion(user: SessionUser, workerId: string, completionId: string, reason: string, now = clockNow()): Promise<Result<{ id: string }>> {
  const refused = refusedByRole(user);
  if (refused) return refused;
  return await db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    const worker = await editableWorkerInTx(tx, user, workerId);
    if (!worker) return WORKER_NOT_FOUND;
    if (worker.userId === user.id) return ownRecordRefused("trainingCompletion");
    if (worker.status === "left") return LEFT;
    const row = await first(tx
      .select({ removedAt: trainingCompletions.removedAt, completedOn: trainingCompletions.completedOn, subject: trainingSubjects.name })
      .from(trainingCompletions)
      .innerJoin(trainingSubjects, eq(trainingSubjects.id, trainingCompletions.subjectId))
      .where(and(eq(trainingCompletions.id, completionId), eq(trainingCompletions.workerId, workerId))));
    if (!row) return notFound("Completion not found");
    if (row.removedAt) return conflict("This completion has already been removed");
    // Only while still in place: of two removals at once, the second is told it was done.
    const removed = await tx
      .update(trainingCompletions)
      .set({ removedAt: now, removedBy: user.id, removedReason: reason })
      .where(and(eq(trainingCompletions.id, completionId), isNull(trainingCompletions.removedAt)))
      .returning({ id: trainingCompletions.id });
    if (removed.length === 0) return conflict("This completion has already been removed");
    await audit(tx, user, {
      action: "training_completion.remove",
      entityType: "training_completion",
      entityId: completionId,
      workerId,
      summary: { subject: row.subject, completedOn: row.completedOn, reason },
    });
    return { ok: true, id: completionId };
  });
}

/* ------------------------------------------------------------------ reminders */

export type ReminderTarget = { workerId: string; name: string; email: string | null; subjects: string[] };

/**
 * Who a manager's "remind everyone out of date" reaches: the in-post workers they manage (never their own record)
 * out of date on something, less those reminded in the last week; each with their login's email, if active.
 */
export async function outOfDateToRemind(user: SessionUser, today = todayInLondon(), now = clockNow()): Promise<{ targets: ReminderTarget[]; recentlyReminded: number }> {
  if (user.role !== "manager") return { targets: [], recentlyReminded: 0 };
  const people = (await complianceOfVisibleWorkers(user, today, { exceptOwn: true })).filter((p) => p.counts.expired + p.counts.never > 0);
  if (people.length === 0) return { targets: [], recentlyReminded: 0 };
  const since = new Date(now.getTime() - REMIND_AGAIN_AFTER_DAYS * 24 * 60 * 60_000);
  const recent = new Set((await db
    .select({ workerId: trainingReminders.workerId })
    .from(trainingReminders)
    .where(and(inArray(trainingReminders.workerId, people.map((p) => p.workerId)), gte(trainingReminders.sentAt, since))))
    .map((r) => r.workerId));
  const userIds = people.map((p) => p.userId).filter((id): id is string => id !== null);
  const emails = new Map(userIds.length ? (await db.select({ id: users.id, email: users.email }).from(users).where(and(inArray(users.id, userIds), eq(users.status, "active")))).map((u) => [u.id, u.email]) : []);
  const targets = people
    .filter((p) => !recent.has(p.workerId))
    .map((p) => ({
      workerId: p.workerId,
      name: `${p.firstName} ${p.lastName}`,
      email: p.userId ? (emails.get(p.userId) ?? null) : null,
      subjects: p.needed.filter((n) => isOutOfDate(n.status)).map((n) => n.name),
    }));
  return { targets, recentlyReminded: people.length - targets.length };
}

export type ClaimedReminder = ReminderTarget & { reminderId: string };

/**
 * Claims a manager's reminders before any email goes: under the organisation's reminder lock, in one transaction, works
 * out who is out of date and not reminded in the last week, and records a reminder for each ("pending", audited). Two
 * presses at once, or two managers of one team, remind each worker once; a run that dies while emailing has recorded
 * whom it was reminding.
 */
export async function claimTrainingReminders(user: SessionUser, today = todayInLondon(), now = clockNow()): Promise<Result<{ claimed: ClaimedReminder[]; recentlyReminded: number }>> {
  if (user.role !== "manager") return WORKER_NOT_FOUND;
  return await db.transaction(async (tx): Promise<Result<{ claimed: ClaimedReminder[]; recentlyReminded: number }>> => {
    await lockFor(`training reminders ${user.orgId}`);
    const { targets, recentlyReminded } = await outOfDateToRemind(user, today, now);
    if (targets.length === 0) return conflict(nobodyToRemindWords(recentlyReminded));
    const claimed: ClaimedReminder[] = [];
    for (const t of targets) {
      const { id } = await one(tx
        .insert(trainingReminders)
        .values({ workerId: t.workerId, sentBy: user.id, sentAt: now, subjects: t.subjects, delivery: "pending" })
        .returning({ id: trainingReminders.id }));
      await audit(tx, user, { action: "training_reminder.sent", entityType: "training_reminder", entityId: id, workerId: t.workerId, summary: { subjects: t.subjects } });
      claimed.push({ ...t, reminderId: id });
    }
    return { ok: true, claimed, recentlyReminded };
  });
}

/** How a claimed reminder went: emailed, email not set up or failed, or no login to email. Audited. */
export async function recordReminderDelivery(user: SessionUser, reminder: ClaimedReminder, delivery: ReminderDelivery): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(trainingReminders).set({ delivery }).where(and(eq(trainingReminders.id, reminder.reminderId), eq(trainingReminders.sentBy, user.id)));
    await audit(tx, user, { action: "training_reminder.delivered", entityType: "training_reminder", entityId: reminder.reminderId, workerId: reminder.workerId, summary: { delivery } });
  });
}

/* ------------------------------------------------------------------ the download */

export const COMPLIANCE_CSV_HEAD = ["Employee number", "Last name", "First name", "Team", "Subject", "Status", "Last completed", "Expires"] as const;

/**
 * Every needed subject of every in-post worker the user may see, a row each, by team and name. The download is audited
 * (how many workers) before any row is read; then the rows come a chunk of workers at a time (an organisation of
 * 50,000 has about 600,000 rows). Managers, leads and administrators; a support worker has nothing to download.
 */
export async function exportCompliance(user: SessionUser, today = todayInLondon(), filters?: WorkerFilters, chunk = 2000) {
  // The workers list's filters, when the download is made from it: the same workers in its order; else everyone.
  const ids = user.role === "support_worker" ? [] : filters ? await workerIdsMatching(user, filters) : (await db
    .select({ id: workers.id })
    .from(workers)
    .innerJoin(teams, eq(teams.id, workers.teamId))
    .where(and(visibleWorkers(user), eq(workers.status, "in_post")))
    .orderBy(caseless(teams.name), caseless(workers.lastName), caseless(workers.firstName), asc(workers.id))).map((r) => r.id);
  await db.transaction(async (tx) => await audit(tx, user, { action: "training_completions.export", entityType: "worker_list", entityId: "mandatory-training", summary: { workers: ids.length, ...(filters ? { filters: { ...filters, page: undefined } } : {}) } }));
  const subjects = await allSubjects();
  return {
    count: ids.length,
    async *rows(): AsyncGenerator<string[][]> {
      for (let i = 0; i < ids.length; i += chunk) {
        const part = ids.slice(i, i + chunk);
        const rows = await db
          .select({ ...workerColumns, employeeNumber: workers.employeeNumber })
          .from(workers)
          .innerJoin(teams, eq(teams.id, workers.teamId))
          .where(and(inArray(workers.id, part), visibleWorkers(user), eq(workers.status, "in_post")));
        const byId = new Map(rows.map((r) => [r.workerId, r]));
        const ordered = part.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
        const latest = await latestCompletions(ordered.map((r) => r.workerId));
        const out: string[][] = [];
        for (const p of standings(ordered, subjects, latest, today)) {
          const number = byId.get(p.workerId)?.employeeNumber ?? "";
          for (const n of p.needed) out.push([number, p.lastName, p.firstName, p.teamName, n.name, complianceStatusWords.label(n.status), n.completedOn ?? "", n.expiresOn ?? ""]);
        }
        yield out;
      }
    },
  };
}
