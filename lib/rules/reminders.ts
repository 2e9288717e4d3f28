// Reminders for the inbox (and, later, the email digest): what makes one, how urgent it is, the order they are shown
// in, and a key that stays the same for as long as the reminder is about the same thing, so a reminder is never sent
// twice. Derived from current data on every read, nothing stored. Pure; db/queries/inbox.ts feeds it.
import { addDays, daysBetween } from "./dates";
import { appraisalDueStatus, nextAppraisalDue } from "./appraisal-due";
import type { Track } from "./apprenticeship-tracking";

export const REMINDER_KINDS = [
  "appraisal_due",
  "pdp_review_due",
  "apprenticeship_review_due",
  "otj_hours_behind",
  "competency_expiring",
  "delegation_past_review",
  "training_request_awaiting",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type Urgency = "overdue" | "due_soon";

/** Something is "due soon" this many days ahead (appraisals, PDP reviews, competency expiry). */
export const REMINDER_SOON_DAYS = 30;

export type Reminder = {
  /** Stable while the reminder is about the same thing: `kind:workerId[:subjectId]:dueOn`. */
  key: string;
  kind: ReminderKind;
  workerId: string;
  workerName: string;
  /** What it is about, in a few words ("Appraisal", "Transfers with a hoist"). */
  title: string;
  /** Null when there is no date to meet (off-the-job hours are behind now). */
  dueOn: string | null;
  urgency: Urgency;
  /** Where it is dealt with. */
  href: string;
};

export type Person = { workerId: string; workerName: string };

export function reminderKey(kind: ReminderKind, workerId: string, subjectId: string | null, dueOn: string | null): string {
  return [kind, workerId, ...(subjectId ? [subjectId] : []), dueOn ?? "now"].join(":");
}

/** Overdue once the date has passed, due soon within `soonDays`, otherwise nothing to remind about yet. */
export function urgencyOf(dueOn: string, today: string, soonDays = REMINDER_SOON_DAYS): Urgency | null {
  const days = daysBetween(today, dueOn);
  if (days < 0) return "overdue";
  if (days <= soonDays) return "due_soon";
  return null;
}

function make(kind: ReminderKind, p: Person, subjectId: string | null, title: string, dueOn: string | null, urgency: Urgency, href: string): Reminder {
  return { key: reminderKey(kind, p.workerId, subjectId, dueOn), kind, workerId: p.workerId, workerName: p.workerName, title, dueOn, urgency, href };
}

/** The annual appraisal, due 12 months after the last completed one (or the start): within 30 days or overdue. */
export function appraisalReminder(p: Person & { contractStart: string; lastAppraisalOn: string | null }, today: string): Reminder | null {
  const dueOn = nextAppraisalDue(p.contractStart, p.lastAppraisalOn);
  const status = appraisalDueStatus(dueOn, today);
  if (status === "up_to_date") return null;
  return make("appraisal_due", p, null, "Appraisal", dueOn, status, `/workers/${p.workerId}/appraisals`);
}

/** The current PDP's next review date, once it is within 30 days or has passed. */
export function pdpReviewReminder(p: Person & { pdpId: string | null; pdpNextReviewOn: string | null }, today: string): Reminder | null {
  if (!p.pdpId || !p.pdpNextReviewOn) return null;
  const urgency = urgencyOf(p.pdpNextReviewOn, today);
  if (!urgency) return null;
  return make("pdp_review_due", p, p.pdpId, "PDP review", p.pdpNextReviewOn, urgency, `/workers/${p.workerId}/pdp`);
}

/**
 * A live apprenticeship's progress review (due soon or overdue, by the tracking rule's own 14-day window) and its
 * off-the-job hours when behind: amber counts as due soon, red as overdue.
 */
export function apprenticeshipReminders(p: Person & { apprenticeshipId: string; track: Pick<Track, "review" | "risks" | "rag"> }): Reminder[] {
  const out: Reminder[] = [];
  const href = `/workers/${p.workerId}/apprenticeship`;
  const review = p.track.review;
  if (review && (review.status === "due_soon" || review.status === "overdue")) {
    out.push(make("apprenticeship_review_due", p, p.apprenticeshipId, "Apprenticeship progress review", review.dueOn, review.status, href));
  }
  if (p.track.risks.some((r) => r.kind === "otj_behind")) {
    out.push(make("otj_hours_behind", p, p.apprenticeshipId, "Off-the-job hours behind", null, p.track.rag === "red" ? "overdue" : "due_soon", href));
  }
  return out;
}

/** A competency sign-off that expires within 30 days or has expired. */
export function competencyReminder(
  p: Person & { statementId: string; lineageKey: string; number: string; text: string; expiresOn: string | null },
  today: string,
): Reminder | null {
  if (!p.expiresOn) return null;
  const urgency = urgencyOf(p.expiresOn, today);
  if (!urgency) return null;
  // Keyed by lineage, which follows the statement across framework versions, so a new version is not a new reminder.
  return make("competency_expiring", p, p.lineageKey, `Competency ${p.number} sign-off`, p.expiresOn, urgency, `/workers/${p.workerId}/competencies/${p.statementId}`);
}

/** A current delegated task whose review date has passed. */
export function delegationReminder(p: Person & { taskId: string; task: string; reviewOn: string }, today: string): Reminder | null {
  if (p.reviewOn >= today) return null;
  return make("delegation_past_review", p, p.taskId, `Delegated task review: ${p.task}`, p.reviewOn, "overdue", `/workers/${p.workerId}/supervision`);
}

/**
 * A training request waiting for the manager's decision. The decision is needed before the course starts: overdue
 * once that day has come; otherwise due soon (it is already waiting on someone).
 */
export function trainingRequestReminder(p: Person & { requestId: string; title: string; startsOn: string | null }, today: string): Reminder {
  const urgency: Urgency = p.startsOn !== null && p.startsOn <= today ? "overdue" : "due_soon";
  return make("training_request_awaiting", p, p.requestId, `Training request: ${p.title}`, p.startsOn, urgency, `/workers/${p.workerId}/cpd`);
}

/** Overdue first, then by due date (no date counts as today), then by person and what it is about. */
export function compareReminders(a: Reminder, b: Reminder, today: string): number {
  if (a.urgency !== b.urgency) return a.urgency === "overdue" ? -1 : 1;
  const ad = a.dueOn ?? today;
  const bd = b.dueOn ?? today;
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.workerName.localeCompare(b.workerName) || a.title.localeCompare(b.title) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** One of each key (a manager's own record may also be in their team), in inbox order. */
export function inboxOrder(reminders: readonly Reminder[], today: string): Reminder[] {
  const byKey = new Map<string, Reminder>();
  for (const r of reminders) if (!byKey.has(r.key)) byKey.set(r.key, r);
  return [...byKey.values()].sort((a, b) => compareReminders(a, b, today));
}

/** The last day counted as "soon" from today: what the data layer reads up to. */
export const soonUntil = (today: string) => addDays(today, REMINDER_SOON_DAYS);

/* ------------------------------------------------------------------ the email digest */

/** What has not been emailed to this person before: a reminder is sent once, under its key. */
export function notYetSent(reminders: readonly Reminder[], sentKeys: ReadonlySet<string>): Reminder[] {
  return reminders.filter((r) => !sentKeys.has(r.key));
}

const urgencyWords: Record<Urgency, string> = { overdue: "Overdue", due_soon: "Due soon" };

/** One plain-text digest of what is new for someone; links are absolute when the app's address is known. */
export function digestEmail(input: { name: string; reminders: readonly Reminder[]; appUrl: string | undefined; formatDate: (iso: string) => string }) {
  const { name, reminders, appUrl, formatDate } = input;
  const n = reminders.length;
  const lines = reminders.map((r) => {
    const who = r.workerName;
    const when = r.dueOn ? ` (${r.urgency === "overdue" ? "was due" : "due"} ${formatDate(r.dueOn)})` : "";
    const link = appUrl ? `\n  ${appUrl.replace(/\/$/, "")}${r.href}` : "";
    return `- ${urgencyWords[r.urgency]}: ${r.title}, ${who}${when}${link}`;
  });
  const inbox = appUrl ? `${appUrl.replace(/\/$/, "")}/inbox` : "your Inbox in Pathways";
  return {
    subject: `Pathways: ${n} new ${n === 1 ? "reminder" : "reminders"}`,
    text: [`Hello ${name},`, "", `${n === 1 ? "This is new" : "These are new"} since we last wrote:`, "", ...lines, "", `Everything that is due is in ${inbox}.`].join("\n"),
  };
}
