// What is waiting for someone: the reminders behind the inbox, its count in the navigation, the "Waiting for you" list
// on a support worker's home and the "What needs doing" column on a manager's (and the email digest). What makes one,
// how urgent it is, the words it is shown in, the order, and a key that stays the same for as long as it is about the
// same thing, so it is never sent twice. Derived from current data on every read, nothing stored. Pure;
// db/queries/inbox.ts feeds it, and the homes and the inbox take the same list (decision record 0010).
import { addDays, daysBetween, formatDate } from "./dates";
import { appraisalDueStatus, nextAppraisalDue } from "./appraisal-due";
import type { Track } from "./apprenticeship-tracking";

export const REMINDER_KINDS = [
  "appraisal_due",
  "appraisal_booked",
  "appraisal_to_finish",
  "appraisal_to_sign",
  "appraisal_to_countersign",
  "appraisal_to_prepare",
  "feedback_requested",
  "pdp_to_start",
  "pdp_to_agree",
  "goal_to_agree",
  "pdp_review_due",
  "conversation_due",
  "apprenticeship_review_due",
  "otj_hours_behind",
  "competency_expiring",
  "delegation_past_review",
  "training_request_awaiting",
  "mandatory_training",
  "training_out_of_date",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * Overdue: its date has passed. Waiting: it is the reader's move now (sign, agree, decide, start, finish), with no
 * date to meet yet. Due soon: its date is within the next 30 days (or the apprenticeship rule's own window).
 */
export type Urgency = "overdue" | "waiting" | "due_soon";
export const URGENCIES: readonly Urgency[] = ["overdue", "waiting", "due_soon"];

/** Something is "due soon" this many days ahead (appraisals, PDP reviews, competency expiry). */
export const REMINDER_SOON_DAYS = 30;

export type Reminder = {
  /** Stable while the reminder is about the same thing: `kind:workerId[:subjectId]:dueOn`. */
  key: string;
  kind: ReminderKind;
  workerId: string;
  workerName: string;
  /** What it is about, in a few words ("Book the appraisal", "Transfers with a hoist"). */
  title: string;
  /** Null when there is no date to meet (off-the-job hours are behind now; a plan waits for agreement). */
  dueOn: string | null;
  urgency: Urgency;
  /** Where it is dealt with. */
  href: string;
};

export type Person = { workerId: string; workerName: string };

/**
 * Whose side of a worker's record the reader takes: the worker's own (a support worker on their record), the
 * manager's (a manager or administrator on a worker they manage), or neither side's steps, only the dates (a manager
 * reading their own record: another manager runs it, decision record 0016).
 */
export type Side = "worker" | "manager" | "self";

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

/**
 * The worker's appraisal that has not finished (at most one at a time): who has signed it so far, and whether the
 * worker has shared their preparation.
 */
export type OpenAppraisal = {
  id: string;
  status: "scheduled" | "in_progress" | "awaiting_sign_off";
  scheduledFor: string;
  heldOn: string | null;
  workerSigned?: boolean;
  appraiserSigned?: boolean;
  prepared?: boolean;
};

/**
 * The annual appraisal, as its next step:
 * - none open: due 12 months after the last completed one (or the start), within 30 days or overdue; the manager
 *   books it;
 * - booked: the meeting, within 30 days or past without being started;
 * - started: the manager's to write up and send (waiting for them);
 * - sent: the worker's to read and sign (waiting for them); once they have signed, the appraiser's to sign (waiting for
 *   the manager). The appraiser may sign first; the reminder to them comes once the worker has signed.
 * Once it is booked, the annual due date no longer makes it overdue: the booking's date does (moved, the reminder
 * follows the new date).
 */
export function appraisalReminder(
  p: Person & { contractStart: string; lastAppraisalOn: string | null; openAppraisal?: OpenAppraisal | null },
  today: string,
  side: Side = "worker",
): Reminder | null {
  const open = p.openAppraisal ?? null;
  if (!open) {
    const dueOn = nextAppraisalDue(p.contractStart, p.lastAppraisalOn);
    const status = appraisalDueStatus(dueOn, today);
    if (status === "up_to_date") return null;
    return make("appraisal_due", p, null, side === "manager" ? "Book the appraisal" : "Appraisal", dueOn, status, `/workers/${p.workerId}/appraisals`);
  }
  const href = `/workers/${p.workerId}/appraisals/${open.id}`;
  const held = open.heldOn ?? open.scheduledFor;
  switch (open.status) {
    case "scheduled": {
      const urgency = urgencyOf(open.scheduledFor, today);
      return urgency ? make("appraisal_booked", p, open.id, "Appraisal meeting", open.scheduledFor, urgency, href) : null;
    }
    case "in_progress":
      return side === "manager" ? make("appraisal_to_finish", p, open.id, "Finish the appraisal and send it to sign", held, "waiting", href) : null;
    case "awaiting_sign_off":
      if (side === "worker" && !open.workerSigned) return make("appraisal_to_sign", p, open.id, "Read and sign your appraisal", held, "waiting", href);
      if (side === "manager" && open.workerSigned && !open.appraiserSigned) {
        return make("appraisal_to_countersign", p, open.id, "Sign the appraisal as appraiser", held, "waiting", href);
      }
      return null;
  }
}

/**
 * The worker's preparation for a booked appraisal, theirs to write until they submit it: waiting for them before the
 * meeting, overdue once the booked date has passed while the appraisal is still being written. Keyed by the booked
 * date, so a move makes it a new reminder with the new date.
 */
export function preparationReminder(p: Person & { openAppraisal?: OpenAppraisal | null }, today: string, side: Side): Reminder | null {
  const open = p.openAppraisal ?? null;
  if (side !== "worker" || !open || open.prepared || open.status === "awaiting_sign_off") return null;
  const urgency: Urgency = open.scheduledFor < today ? "overdue" : "waiting";
  return make(
    "appraisal_to_prepare",
    p,
    open.id,
    "Prepare for your appraisal",
    open.scheduledFor,
    urgency,
    `/workers/${p.workerId}/appraisals/${open.id}/preparation`,
  );
}

/**
 * A colleague asked for feedback for someone's appraisal (issue 20): theirs to give or decline, before the meeting
 * (overdue once its date has passed while the appraisal is still open). Keyed by the request.
 */
export function feedbackRequestReminder(p: Person & { requestId: string; appraisalId: string; meetingOn: string }, today: string): Reminder {
  const urgency: Urgency = p.meetingOn < today ? "overdue" : "waiting";
  return make(
    "feedback_requested",
    p,
    p.requestId,
    `Give feedback for ${p.workerName}'s appraisal`,
    p.meetingOn,
    urgency,
    `/workers/${p.workerId}/appraisals/${p.appraisalId}/feedback/${p.requestId}`,
  );
}

/** The worker's current (draft or active) PDP, as what waits on it needs it. */
export type CurrentPdp = { id: string; version: number; goals: number; workerAgreed: boolean; managerAgreed: boolean; nextReviewOn: string | null };

/**
 * The PDP: the manager starts one (or adds its first goal) and agrees each version and each goal the worker proposed;
 * the worker agrees each version; both are reminded of its next review. A plan with no goals cannot be agreed yet.
 */
export function pdpReminders(p: Person & { pdp: CurrentPdp | null; proposedGoals?: readonly { goalId: string; title: string }[] }, today: string, side: Side): Reminder[] {
  const out: Reminder[] = [];
  const href = `/workers/${p.workerId}/pdp`;
  const pdp = p.pdp;
  if (!pdp) {
    if (side === "manager") out.push(make("pdp_to_start", p, null, "Start a PDP", null, "waiting", href));
    return out;
  }
  if (pdp.goals === 0) {
    if (side === "manager") out.push(make("pdp_to_start", p, pdp.id, "Add goals to the PDP", null, "waiting", href));
  } else if ((side === "worker" && !pdp.workerAgreed) || (side === "manager" && !pdp.managerAgreed)) {
    const title =
      pdp.version > 1 ? `Agree the changed PDP (version ${pdp.version})` : side === "worker" ? "Read and agree your PDP" : "Agree the PDP";
    out.push(make("pdp_to_agree", p, `${pdp.id}:v${pdp.version}`, title, null, "waiting", href));
  }
  if (side === "manager") {
    for (const g of p.proposedGoals ?? []) {
      out.push(make("goal_to_agree", p, g.goalId, `Agree the proposed goal: ${g.title}`, null, "waiting", `${href}/goals/${g.goalId}`));
    }
  }
  const review = pdpReviewReminder({ ...p, pdpId: pdp.id, pdpNextReviewOn: pdp.nextReviewOn }, today);
  if (review) out.push(review);
  return out;
}

/** The current PDP's next review date, once it is within 30 days or has passed. */
export function pdpReviewReminder(p: Person & { pdpId: string | null; pdpNextReviewOn: string | null }, today: string): Reminder | null {
  if (!p.pdpId || !p.pdpNextReviewOn) return null;
  const urgency = urgencyOf(p.pdpNextReviewOn, today);
  if (!urgency) return null;
  return make("pdp_review_due", p, p.pdpId, "PDP review", p.pdpNextReviewOn, urgency, `/workers/${p.workerId}/pdp`);
}

/**
 * A career conversation, for the manager: a first one with a worker who has never had one (waiting), or the date
 * to talk again set at the last one, within 30 days or past.
 */
export function conversationReminder(p: Person & { lastConversationOn: string | null; nextConversationOn: string | null }, today: string, side: Side): Reminder | null {
  if (side !== "manager") return null;
  const href = `/workers/${p.workerId}/conversations`;
  if (!p.lastConversationOn) return make("conversation_due", p, null, "Have a first career conversation", null, "waiting", href);
  if (!p.nextConversationOn) return null;
  const urgency = urgencyOf(p.nextConversationOn, today);
  return urgency ? make("conversation_due", p, null, "Career conversation", p.nextConversationOn, urgency, href) : null;
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
 * once that day has come; otherwise waiting for them.
 */
export function trainingRequestReminder(p: Person & { requestId: string; title: string; startsOn: string | null }, today: string): Reminder {
  const urgency: Urgency = p.startsOn !== null && p.startsOn <= today ? "overdue" : "waiting";
  return make("training_request_awaiting", p, p.requestId, `Training request: ${p.title}`, p.startsOn, urgency, `/workers/${p.workerId}/cpd`);
}

/** A needed mandatory training subject as the reminders read it (lib/rules/mandatory-training.ts says where it stands). */
export type NeededTraining = { subjectId: string; name: string; status: "expired" | "never" | "expiring" | "in_date"; expiresOn: string | null };

/**
 * Mandatory training: the worker (or a manager on their own record) is reminded of each needed subject expired,
 * never done or expiring within 30 days; their manager gets one reminder a worker, naming how many are out of date,
 * so a team's inbox is not a list of every subject of every person.
 */
export function mandatoryTrainingReminders(p: Person & { needed: readonly NeededTraining[] }, side: Side): Reminder[] {
  const href = `/workers/${p.workerId}/mandatory-training`;
  const due = p.needed.filter((n) => n.status !== "in_date");
  if (side !== "manager") {
    return due.map((n) => make("mandatory_training", p, n.subjectId, n.name, n.expiresOn, n.status === "expiring" ? "due_soon" : "overdue", href));
  }
  if (due.length === 0) return [];
  const expired = due.filter((n) => n.status === "expired").length;
  const never = due.filter((n) => n.status === "never").length;
  const out = expired + never;
  const dates = due.filter((n) => (out > 0 ? n.status === "expired" : true)).map((n) => n.expiresOn).filter((d): d is string => d !== null).sort();
  const title = out > 0
    ? `Mandatory training out of date: ${[expired ? `${expired} expired` : "", never ? `${never} never done` : ""].filter(Boolean).join(", ")}`
    : `Mandatory training expiring soon: ${due.length}`;
  const reminder = make("training_out_of_date", p, null, title, dates[0] ?? null, out > 0 ? "overdue" : "due_soon", href);
  // Keyed by which subjects are due, not by a date: one completion recorded changes the earliest date but is no news
  // for the email digest unless the set of subjects changes.
  const which = due.map((n) => `${n.subjectId}.${n.status === "expiring" ? "s" : "o"}`).sort().join("+");
  return [{ ...reminder, key: reminderKey("training_out_of_date", p.workerId, which, null) }];
}

/** Overdue first, then what waits for the reader, then due soon; each by due date (no date counts as today), then by person and what it is about. */
export function compareReminders(a: Reminder, b: Reminder, today: string): number {
  if (a.urgency !== b.urgency) return URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency);
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

/**
 * The one list split by person, for a manager's home: the reminders about each listed worker, in inbox order, and the
 * rest (their own record, which the team table does not list). Nothing is dropped or added, so the home shows what
 * the inbox shows.
 */
export function splitByWorker(reminders: readonly Reminder[], workerIds: readonly string[]): { byWorker: Map<string, Reminder[]>; rest: Reminder[] } {
  const byWorker = new Map<string, Reminder[]>(workerIds.map((id) => [id, []]));
  const rest: Reminder[] = [];
  for (const r of reminders) (byWorker.get(r.workerId) ?? rest).push(r);
  return { byWorker, rest };
}

/** When, in words, for the inbox, the homes and the email: "Was due 3 March 2027", "Booked for 23 December 2026". */
export function reminderWhen(r: Reminder, fmt: (iso: string) => string = formatDate): string {
  const on = r.dueOn ? fmt(r.dueOn) : "";
  const overdue = r.urgency === "overdue";
  switch (r.kind) {
    case "otj_hours_behind":
      return overdue ? "Well behind now" : "Slightly behind now";
    case "training_request_awaiting":
      return r.dueOn ? `Awaiting your decision; the course ${overdue ? "started" : "starts"} ${on}` : "Awaiting your decision";
    case "competency_expiring":
      return overdue ? `Expired ${on}` : `Expires ${on}`;
    case "mandatory_training":
      if (!r.dueOn) return "Never done";
      return overdue ? `Expired ${on}` : `Expires ${on}`;
    case "training_out_of_date":
      if (!r.dueOn) return "Never done";
      return overdue ? `First expired ${on}` : `First expires ${on}`;
    case "appraisal_booked":
      return overdue ? `Booked for ${on}, not started yet` : `Booked for ${on}`;
    case "appraisal_to_finish":
      return `Meeting on ${on}; write it up and send it`;
    case "appraisal_to_sign":
      return `Meeting on ${on}; sent to you to sign`;
    case "appraisal_to_countersign":
      return `Meeting on ${on}; signed by the worker, now yours to sign`;
    case "appraisal_to_prepare":
      return overdue ? `The meeting was booked for ${on}` : `Before the meeting on ${on}`;
    case "feedback_requested":
      return overdue ? `Asked for by the meeting on ${on}` : `Before the meeting on ${on}`;
    case "pdp_to_agree":
      return "Not yet agreed by you";
    case "goal_to_agree":
      return "Proposed by the worker, not yet agreed";
    case "pdp_to_start":
      return "";
    case "conversation_due":
      if (!r.dueOn) return "No career conversation yet";
      break;
    case "appraisal_due":
    case "pdp_review_due":
    case "apprenticeship_review_due":
    case "delegation_past_review":
      break;
  }
  if (!r.dueOn) return "";
  return overdue ? `Was due ${on}` : `Due ${on}`;
}

/** The last day counted as "soon" from today: what the data layer reads up to. */
export const soonUntil = (today: string) => addDays(today, REMINDER_SOON_DAYS);

/* ------------------------------------------------------------------ the email digest */

/** What has not been emailed to this person before: a reminder is sent once, under its key. */
export function notYetSent(reminders: readonly Reminder[], sentKeys: ReadonlySet<string>): Reminder[] {
  return reminders.filter((r) => !sentKeys.has(r.key));
}

export const urgencyWords: Record<Urgency, string> = { overdue: "Overdue", waiting: "Waiting for you", due_soon: "Due soon" };

/** One plain-text digest of what is new for someone; links are absolute when the app's address is known. */
export function digestEmail(input: { name: string; reminders: readonly Reminder[]; appUrl: string | undefined; formatDate: (iso: string) => string }) {
  const { name, reminders, appUrl, formatDate } = input;
  const n = reminders.length;
  const lines = reminders.map((r) => {
    const who = r.workerName;
    const words = reminderWhen(r, formatDate);
    const when = words ? ` (${words.charAt(0).toLowerCase()}${words.slice(1)})` : "";
    const link = appUrl ? `\n  ${appUrl.replace(/\/$/, "")}${r.href}` : "";
    return `- ${urgencyWords[r.urgency]}: ${r.title}, ${who}${when}${link}`;
  });
  const inbox = appUrl ? `${appUrl.replace(/\/$/, "")}/inbox` : "your Inbox in Pathways";
  return {
    subject: `Pathways: ${n} new ${n === 1 ? "reminder" : "reminders"}`,
    text: [`Hello ${name},`, "", `${n === 1 ? "This is new" : "These are new"} since we last wrote:`, "", ...lines, "", `Everything that is due is in ${inbox}.`].join("\n"),
  };
}
