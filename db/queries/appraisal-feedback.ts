import "server-only";
// Feedback from colleagues for an appraisal (issue 20, decision record 0035). The worker (a support worker on their own
// record) or their manager (never on their own record) asks up to five colleagues with an active login in the worker's
// team (its managers, its support workers, the worker's line manager); each gives three short answers or declines,
// once. The feedback is read by the worker and their manager only (never a lead or an administrator: it is about a
// person), named or not as the organisation chooses; the audit trail names the giver either way, never what they wrote.
// The colleague's own page finds the request by its invitee in the WHERE clause, so anyone else gets 404.
import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, first, one } from "../client";
import { appraisalFeedbackRequests, appraisals, auditEvents, settings, teamManagers, users, workers } from "../schema";
import { visibleWorkers } from "../access";
import { audit } from "../audit";
import type { SessionUser } from "../../lib/session-user";
import { now as clockNow } from "../../lib/rules/dates";
import {
  anonymousFeedbackIdentifiable,
  feedbackAnonymitySetting,
  feedbackClosedMessage,
  feedbackHasAnswer,
  feedbackMayBeAsked,
  FEEDBACK_INVITES_MAX,
  mayAskAnother,
} from "../../lib/rules/appraisal-feedback";
import type { FeedbackFields, FeedbackInviteFields, FeedbackSettingFields } from "../../lib/forms/appraisal";
import type { AppraisalStatus, FeedbackRequestStatus } from "../../lib/vocabulary";
import type { Refusal, Result } from "../result";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
type Q = Tx | typeof db;

const NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Feedback request not found" };
const APPRAISAL_NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Appraisal not found" };

const inviter = alias(users, "feedback_inviter");

/* ------------------------------------------------------------------ the organisation's setting */

/** Whether feedback given now is shown without the giver's name (default: named). */
export async function feedbackIsAnonymous(orgId: string, q: Q = db): Promise<boolean> {
  const row = await first(q.select({ value: settings.value }).from(settings).where(eq(settings.key, feedbackAnonymitySetting(orgId))));
  return row?.value === true;
}

/** The administrator sets how feedback is shown from now on; feedback already given keeps how its giver was told. */
export async function saveFeedbackSetting(user: SessionUser, f: FeedbackSettingFields): Promise<Result<{ changed: boolean }>> {
  if (user.role !== "admin") return { ok: false, code: "not_found", message: "Only administrators change this" };
  return await db.transaction(async (tx) => {
    const before = await feedbackIsAnonymous(user.orgId, tx);
    const anonymous = f.shownAs === "anonymous";
    if (before === anonymous) return { ok: true, changed: false };
    const key = feedbackAnonymitySetting(user.orgId);
    const now = clockNow();
    await tx.insert(settings).values({ key, value: anonymous, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value: anonymous, updatedAt: now } });
    await audit(tx, user, { action: "setting.update", entityType: "setting", entityId: key, summary: { from: before ? "anonymous" : "named", to: f.shownAs } });
    return { ok: true, changed: true };
  });
}

/* ------------------------------------------------------------------ who is asked */

/** The appraisal and its worker, if the user may see the worker's record at all. */
async function visibleAppraisal(q: Q, user: SessionUser, workerId: string, appraisalId: string) {
  return await first(q
    .select({
      id: appraisals.id,
      status: appraisals.status,
      appraiserId: appraisals.appraiserId,
      workerUserId: workers.userId,
      workerStatus: workers.status,
      teamId: workers.teamId,
      lineManagerId: workers.lineManagerId,
      firstName: workers.firstName,
      lastName: workers.lastName,
    })
    .from(appraisals)
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .where(and(eq(appraisals.id, appraisalId), eq(appraisals.workerId, workerId), visibleWorkers(user))));
}
type VisibleAppraisal = NonNullable<Awaited<ReturnType<typeof visibleAppraisal>>>;

/** The person appraised, on their side: a support worker on their own record. */
const isTheWorker = (user: SessionUser, a: VisibleAppraisal) => user.role === "support_worker" && a.workerUserId === user.id;

/**
 * Who reads the feedback: the person appraised, and a manager of theirs (the appraiser is one). Never a lead or an
 * administrator, and never a manager on their own record as manager (they read it as the person appraised).
 */
const mayRead = (user: SessionUser, a: VisibleAppraisal) => a.workerUserId === user.id || user.role === "manager";

/** Who asks: the worker on their own record, or a manager of theirs (never on their own record), while it is open. */
function askRefusal(user: SessionUser, a: VisibleAppraisal): Refusal | null {
  if (a.workerUserId === user.id && user.role !== "support_worker") {
    return { ok: false, code: "read_only", message: "You can't ask for feedback for your own appraisal as its manager. The manager who appraises you can." };
  }
  if (!isTheWorker(user, a) && user.role !== "manager") {
    return { ok: false, code: "read_only", message: `Only ${a.firstName} ${a.lastName} or their manager asks for feedback for this appraisal` };
  }
  if (a.workerStatus !== "in_post") return { ok: false, code: "read_only", message: `${a.firstName} ${a.lastName} has left, so feedback can no longer be asked for` };
  const closed = feedbackClosedMessage(a.status);
  return closed ? { ok: false, code: "read_only", message: closed } : null;
}

/**
 * The colleagues who may be asked: active support worker and manager logins of the worker's organisation who manage
 * the worker's team, line-manage the worker, or are support workers in post in the worker's team; never the worker,
 * and never the person asking.
 */
async function colleagues(q: Q, user: SessionUser, a: VisibleAppraisal) {
  const inTeam = sql`(
    ${users.id} in (select ${teamManagers.userId} from ${teamManagers} where ${teamManagers.teamId} = ${a.teamId})
    or ${users.id} in (select w.user_id from ${workers} w where w.team_id = ${a.teamId} and w.status = 'in_post' and w.user_id is not null)
    ${a.lineManagerId ? sql`or ${users.id} = ${a.lineManagerId}` : sql``})`;
  return await q
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(
      eq(users.orgId, user.orgId),
      eq(users.status, "active"),
      inArray(users.role, ["support_worker", "manager"]),
      ne(users.id, user.id),
      a.workerUserId ? ne(users.id, a.workerUserId) : undefined,
      inTeam,
    ))
    .orderBy(asc(users.name));
}

/* ------------------------------------------------------------------ the appraisal page */

async function requestsOf(q: Q, appraisalId: string) {
  return await q
    .select({
      id: appraisalFeedbackRequests.id,
      inviteeId: appraisalFeedbackRequests.inviteeId,
      inviteeName: users.name,
      invitedByName: inviter.name,
      status: appraisalFeedbackRequests.status,
      doesWell: appraisalFeedbackRequests.doesWell,
      couldDevelop: appraisalFeedbackRequests.couldDevelop,
      anythingElse: appraisalFeedbackRequests.anythingElse,
      anonymous: appraisalFeedbackRequests.anonymous,
      respondedAt: appraisalFeedbackRequests.respondedAt,
      createdAt: appraisalFeedbackRequests.createdAt,
    })
    .from(appraisalFeedbackRequests)
    .innerJoin(users, eq(users.id, appraisalFeedbackRequests.inviteeId))
    .innerJoin(inviter, eq(inviter.id, appraisalFeedbackRequests.invitedBy))
    .where(eq(appraisalFeedbackRequests.appraisalId, appraisalId))
    .orderBy(asc(appraisalFeedbackRequests.createdAt), asc(users.name));
}

export type GivenFeedback = { id: string; giverName: string | null; doesWell: string; couldDevelop: string; anythingElse: string; givenAt: Date };

/**
 * The feedback section of the appraisal page, or null when the user does not read it (a lead, an administrator) or
 * undefined when they may not see the appraisal at all. Anonymous responses come without the giver's name; while any
 * feedback is anonymous, who was asked is listed without who answered, which would give the name away.
 */
export async function appraisalFeedback(user: SessionUser, workerId: string, appraisalId: string) {
  const a = await visibleAppraisal(db, user, workerId, appraisalId);
  if (!a) return undefined;
  if (!mayRead(user, a)) return null;
  const requests = await requestsOf(db, appraisalId);
  const anonymousNow = await feedbackIsAnonymous(user.orgId);
  const given = requests.filter((r) => r.status === "given");
  const anonymousGiven = given.filter((r) => r.anonymous).length;
  const hideWhoAnswered = anonymousNow || anonymousGiven > 0;
  const open = requests.filter((r) => r.status !== "declined").length;
  const canAsk = askRefusal(user, a) === null && mayAskAnother(open);
  const invited = new Set(requests.map((r) => r.inviteeId));
  const choices = askRefusal(user, a) === null ? (await colleagues(db, user, a)).filter((c) => !invited.has(c.id)) : [];
  return {
    anonymousNow,
    isTheWorker: a.workerUserId === user.id,
    /** Who was asked and by whom; with `status` only while nothing is shown anonymously. */
    asked: requests.map((r) => ({ id: r.id, name: r.inviteeName, invitedByName: r.invitedByName, askedAt: r.createdAt, status: hideWhoAnswered ? null : r.status })),
    counts: {
      given: given.length,
      declined: requests.filter((r) => r.status === "declined").length,
      waiting: requests.filter((r) => r.status === "requested").length,
    },
    feedback: given
      .map((r): GivenFeedback => ({ id: r.id, giverName: r.anonymous ? null : r.inviteeName, doesWell: r.doesWell, couldDevelop: r.couldDevelop, anythingElse: r.anythingElse, givenAt: r.respondedAt! }))
      .sort((x, y) => x.givenAt.getTime() - y.givenAt.getTime()),
    /** Fewer than three anonymous responses could be traced to their giver: the page says so. */
    identifiable: anonymousFeedbackIdentifiable(anonymousGiven),
    open: feedbackMayBeAsked(a.status),
    /** The user may ask another colleague now (and the list has someone to ask). */
    canAsk: canAsk && choices.length > 0,
    /** Why not, when the user asks but the limit is reached or nobody is left to ask. */
    cannotAskWhy: askRefusal(user, a) !== null ? null : !mayAskAnother(open) ? `${FEEDBACK_INVITES_MAX} colleagues have been asked, the most for one appraisal.` : choices.length === 0 ? "Everyone who can be asked has been." : null,
    choices: choices.map((c) => [c.id, c.name] as const),
  };
}

export type AppraisalFeedback = NonNullable<Awaited<ReturnType<typeof appraisalFeedback>>>;

/* ------------------------------------------------------------------ asking */

export type FeedbackResult = Result<{ workerId: string; appraisalId: string; requestId: string }>;

/** Asks a colleague from the list for feedback: at most five not declined, one request each. */
export async function askForFeedback(user: SessionUser, workerId: string, appraisalId: string, f: FeedbackInviteFields): Promise<FeedbackResult> {
  return await db.transaction(async (tx) => {
    const a = await visibleAppraisal(tx, user, workerId, appraisalId);
    if (!a) return APPRAISAL_NOT_FOUND;
    const refused = askRefusal(user, a);
    if (refused) return refused;
    const requests = await tx
      .select({ inviteeId: appraisalFeedbackRequests.inviteeId, status: appraisalFeedbackRequests.status })
      .from(appraisalFeedbackRequests)
      .where(eq(appraisalFeedbackRequests.appraisalId, appraisalId));
    if (requests.some((r) => r.inviteeId === f.inviteeId)) return { ok: false, code: "conflict", field: "inviteeId", message: "They have already been asked for this appraisal" };
    if (!mayAskAnother(requests.filter((r) => r.status !== "declined").length)) {
      return { ok: false, code: "invalid", field: "inviteeId", message: `${FEEDBACK_INVITES_MAX} colleagues have been asked already, the most for one appraisal` };
    }
    const colleague = (await colleagues(tx, user, a)).find((c) => c.id === f.inviteeId);
    if (!colleague) return { ok: false, code: "invalid", field: "inviteeId", message: "Choose a colleague from the list" };
    const row = await one(tx.insert(appraisalFeedbackRequests).values({ appraisalId, inviteeId: colleague.id, invitedBy: user.id }).returning({ id: appraisalFeedbackRequests.id }));
    await audit(tx, user, { action: "appraisal.feedback_requested", entityType: "appraisal_feedback", entityId: row.id, workerId, summary: { appraisalId, invitee: colleague.name, inviteeId: colleague.id } });
    return { ok: true, workerId, appraisalId, requestId: row.id };
  });
}

/* ------------------------------------------------------------------ the colleague's page */

/** The request as its invitee sees it, found by invitee in the WHERE clause: anyone else gets undefined (404). */
async function myRequest(q: Q, user: SessionUser, workerId: string, appraisalId: string, requestId: string) {
  return await first(q
    .select({
      request: appraisalFeedbackRequests,
      appraisalStatus: appraisals.status,
      scheduledFor: appraisals.scheduledFor,
      heldOn: appraisals.heldOn,
      workerFirstName: workers.firstName,
      workerLastName: workers.lastName,
      workerStatus: workers.status,
      invitedByName: users.name,
    })
    .from(appraisalFeedbackRequests)
    .innerJoin(appraisals, eq(appraisals.id, appraisalFeedbackRequests.appraisalId))
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .innerJoin(users, eq(users.id, appraisalFeedbackRequests.invitedBy))
    .where(and(
      eq(appraisalFeedbackRequests.id, requestId),
      eq(appraisalFeedbackRequests.appraisalId, appraisalId),
      eq(appraisals.workerId, workerId),
      eq(appraisalFeedbackRequests.inviteeId, user.id),
      eq(workers.orgId, user.orgId),
      // Nobody gives feedback for their own appraisal (asking never makes such a request; this holds if one were made).
      or(isNull(workers.userId), ne(workers.userId, user.id)),
    )));
}

/** The colleague's page: who it is for, what they gave (theirs to read again), and whether they may answer now. */
export async function feedbackRequest(user: SessionUser, workerId: string, appraisalId: string, requestId: string) {
  const row = await myRequest(db, user, workerId, appraisalId, requestId);
  if (!row) return undefined;
  const r = row.request;
  return {
    id: r.id,
    workerName: `${row.workerFirstName} ${row.workerLastName}`,
    workerFirstName: row.workerFirstName,
    invitedByName: row.invitedByName,
    askedAt: r.createdAt,
    meetingOn: row.heldOn ?? row.scheduledFor,
    status: r.status,
    respondedAt: r.respondedAt,
    answers: r.status === "given" ? { doesWell: r.doesWell, couldDevelop: r.couldDevelop, anythingElse: r.anythingElse } : null,
    /** How it was, or will be, shown. */
    anonymous: r.status === "given" ? !!r.anonymous : await feedbackIsAnonymous(user.orgId),
    canRespond: r.status === "requested" && row.workerStatus === "in_post" && feedbackMayBeAsked(row.appraisalStatus),
    closedWhy: r.status === "requested" ? (feedbackClosedMessage(row.appraisalStatus) ?? (row.workerStatus !== "in_post" ? `${row.workerFirstName} has left, so feedback is closed` : null)) : null,
  };
}

export type FeedbackRequest = NonNullable<Awaited<ReturnType<typeof feedbackRequest>>>;

function respondRefusal(row: NonNullable<Awaited<ReturnType<typeof myRequest>>>): Refusal | null {
  const status: FeedbackRequestStatus = row.request.status;
  if (status === "given") return { ok: false, code: "conflict", message: "You have already given your feedback. It cannot be changed." };
  if (status === "declined") return { ok: false, code: "conflict", message: "You have already declined this request" };
  const closed = feedbackClosedMessage(row.appraisalStatus as AppraisalStatus);
  if (closed) return { ok: false, code: "read_only", message: closed };
  if (row.workerStatus !== "in_post") return { ok: false, code: "read_only", message: `${row.workerFirstName} has left, so feedback is closed` };
  return null;
}

/** Gives the feedback, once: at least one answer; shown as the organisation said on the form. Never changed after. */
export async function giveFeedback(user: SessionUser, workerId: string, appraisalId: string, requestId: string, f: FeedbackFields): Promise<FeedbackResult> {
  return await db.transaction(async (tx) => {
    const row = await myRequest(tx, user, workerId, appraisalId, requestId);
    if (!row) return NOT_FOUND;
    const refused = respondRefusal(row);
    if (refused) return refused;
    if (!feedbackHasAnswer(f)) return { ok: false, code: "invalid", field: "doesWell", message: "Answer at least one of the questions, or decline" };
    const anonymous = await feedbackIsAnonymous(user.orgId, tx);
    if (anonymous !== (f.shownAs === "anonymous")) {
      return {
        ok: false,
        code: "conflict",
        message: `Your organisation has just changed how feedback is shown: it is now shown ${anonymous ? "without your name" : "with your name"}. Read the note again, then give your feedback.`,
      };
    }
    await tx
      .update(appraisalFeedbackRequests)
      .set({ status: "given", doesWell: f.doesWell, couldDevelop: f.couldDevelop, anythingElse: f.anythingElse, anonymous, respondedAt: clockNow() })
      .where(and(eq(appraisalFeedbackRequests.id, requestId), eq(appraisalFeedbackRequests.status, "requested")));
    await audit(tx, user, {
      action: "appraisal.feedback_given",
      entityType: "appraisal_feedback",
      entityId: requestId,
      workerId,
      // Who gave it is the actor; what they wrote stays out of the trail.
      summary: { appraisalId, answered: (["doesWell", "couldDevelop", "anythingElse"] as const).filter((k) => f[k].length > 0), shown: anonymous ? "anonymous" : "named" },
    });
    return { ok: true, workerId, appraisalId, requestId };
  });
}

/** Declines the request, once; the place it took may go to someone else. */
export async function declineFeedback(user: SessionUser, workerId: string, appraisalId: string, requestId: string): Promise<FeedbackResult> {
  return await db.transaction(async (tx) => {
    const row = await myRequest(tx, user, workerId, appraisalId, requestId);
    if (!row) return NOT_FOUND;
    const refused = respondRefusal(row);
    if (refused) return refused;
    await tx
      .update(appraisalFeedbackRequests)
      .set({ status: "declined", respondedAt: clockNow() })
      .where(and(eq(appraisalFeedbackRequests.id, requestId), eq(appraisalFeedbackRequests.status, "requested")));
    await audit(tx, user, { action: "appraisal.feedback_declined", entityType: "appraisal_feedback", entityId: requestId, workerId, summary: { appraisalId } });
    return { ok: true, workerId, appraisalId, requestId };
  });
}

/* ------------------------------------------------------------------ the inbox */

/** Requests waiting for the user's answer on appraisals still open, for their inbox. */
export async function feedbackRequestsWaitingFor(user: SessionUser) {
  if (user.role !== "support_worker" && user.role !== "manager") return [];
  return await db
    .select({
      requestId: appraisalFeedbackRequests.id,
      appraisalId: appraisals.id,
      workerId: workers.id,
      workerName: sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`,
      meetingOn: sql<string>`coalesce(${appraisals.heldOn}, ${appraisals.scheduledFor})`,
    })
    .from(appraisalFeedbackRequests)
    .innerJoin(appraisals, eq(appraisals.id, appraisalFeedbackRequests.appraisalId))
    .innerJoin(workers, eq(workers.id, appraisals.workerId))
    .where(and(
      eq(appraisalFeedbackRequests.inviteeId, user.id),
      eq(appraisalFeedbackRequests.status, "requested"),
      eq(workers.orgId, user.orgId),
      eq(workers.status, "in_post"),
      inArray(appraisals.status, ["scheduled", "in_progress", "awaiting_sign_off"]),
    ))
    .orderBy(asc(appraisals.scheduledFor));
}

/**
 * The last audited change to any worker whose appraisal has a request to the user: a kept inbox is out of date after
 * a new request, an answer, or a change of the appraisal (completed, cancelled), though the worker is not in its views.
 */
export async function feedbackInboxVersion(user: SessionUser): Promise<number | null> {
  if (user.role !== "support_worker" && user.role !== "manager") return null;
  const asked = db
    .select({ workerId: appraisals.workerId })
    .from(appraisalFeedbackRequests)
    .innerJoin(appraisals, eq(appraisals.id, appraisalFeedbackRequests.appraisalId))
    .where(eq(appraisalFeedbackRequests.inviteeId, user.id));
  const row = await first(db.select({ seq: sql<number | null>`max(${auditEvents.seq})` }).from(auditEvents).where(inArray(auditEvents.workerId, asked)));
  return row?.seq ?? null;
}
