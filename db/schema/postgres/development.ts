// The development cycle: PDPs (goals, actions, support, notes, reviews), appraisals, career conversations, barriers.
// PostgreSQL's copy of db/schema/development.ts (decision record 0025): the same tables, columns, keys and indexes, checked by
// tests/schema-parity.test.ts. Change both together.
import { pgTable, text, integer, boolean, index, uniqueIndex, primaryKey, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, timestamp, date, createdAt, updatedAt } from "./_shared";
import { professions } from "./reference";
import { users, workers } from "./people";
import { frameworkDomains, competencyStatements } from "./competencies";
import {
  PDP_STATUSES,
  GOAL_STATUSES,
  SUPPORT_KINDS,
  ACTION_OWNERS,
  NOTE_KINDS,
  APPRAISAL_STATUSES,
  FEEDBACK_REQUEST_STATUSES,
  OBJECTIVE_OUTCOMES,
  ASPIRATIONS,
  INTEREST_LEVELS,
  BARRIER_CATEGORIES,
} from "../../../lib/vocabulary";

export const appraisals = pgTable(
  "appraisals",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    appraiserId: text("appraiser_id").references(() => users.id, { onDelete: "set null" }),
    scheduledFor: date("scheduled_for").notNull(),
    /** The date the appraisal meeting took place; due dates run from here once it is completed. */
    heldOn: date("held_on"),
    status: text("status", { enum: APPRAISAL_STATUSES }).notNull().default("scheduled"),
    /** Why it was last cancelled or returned to the manager by the worker (reopen reasons have their own table). */
    statusReason: text("status_reason"),
    achievements: text("achievements").notNull().default(""),
    wellbeing: text("wellbeing").notNull().default(""),
    feedback: text("feedback").notNull().default(""),
    trainingNeeds: text("training_needs").notNull().default(""),
    appraiserSummary: text("appraiser_summary").notNull().default(""),
    workerComments: text("worker_comments").notNull().default(""),
    workerSignedAt: timestamp("worker_signed_at"),
    /** The appraiser's signature: when, and who signed as appraiser (the worker's manager or an administrator). */
    appraiserSignedAt: timestamp("appraiser_signed_at"),
    appraiserSignedBy: text("appraiser_signed_by").references(() => users.id, { onDelete: "set null" }),
    /** Set once both the worker and the appraiser have signed; the record is locked from then until reopened with a reason. */
    completedAt: timestamp("completed_at"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("appraisals_worker_idx").on(t.workerId, t.status, t.heldOn),
    index("appraisals_scheduled_idx").on(t.status, t.scheduledFor),
    /** The scorecard: appraisals held in a period. */
    index("appraisals_held_idx").on(t.status, t.heldOn),
  ],
);

/** Last year's objectives reviewed in this appraisal: met / partly met / not met. */
export const appraisalObjectiveReviews = pgTable(
  "appraisal_objective_reviews",
  {
    id: id(),
    appraisalId: text("appraisal_id")
      .notNull()
      .references(() => appraisals.id, { onDelete: "restrict" }),
    objective: text("objective").notNull(),
    outcome: text("outcome", { enum: OBJECTIVE_OUTCOMES }),
    comment: text("comment").notNull().default(""),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("appraisal_objective_reviews_idx").on(t.appraisalId)],
);

/** New objectives agreed in an appraisal; each can become a PDP goal (pdp_goals.source_objective_id). */
export const appraisalObjectives = pgTable(
  "appraisal_objectives",
  {
    id: id(),
    appraisalId: text("appraisal_id")
      .notNull()
      .references(() => appraisals.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    successMeasure: text("success_measure").notNull().default(""),
    targetDate: date("target_date"),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("appraisal_objectives_idx").on(t.appraisalId)],
);

export const appraisalReopenings = pgTable(
  "appraisal_reopenings",
  {
    id: id(),
    appraisalId: text("appraisal_id")
      .notNull()
      .references(() => appraisals.id, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    reopenedBy: text("reopened_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("appraisal_reopenings_idx").on(t.appraisalId)],
);

/** Each move of a booked appraisal to another date, with why and by whom (appraisals.scheduled_for holds the latest). */
export const appraisalReschedulings = pgTable(
  "appraisal_reschedulings",
  {
    id: id(),
    appraisalId: text("appraisal_id")
      .notNull()
      .references(() => appraisals.id, { onDelete: "restrict" }),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date").notNull(),
    reason: text("reason").notNull(),
    rescheduledBy: text("rescheduled_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("appraisal_reschedulings_idx").on(t.appraisalId, t.createdAt),
    check("appraisal_reschedulings_moves", sql`${t.toDate} <> ${t.fromDate}`),
  ],
);

/**
 * The worker's preparation for an appraisal, one per appraisal: written by the worker alone, kept private to them
 * until submitted (then their manager and leads read it), read-only once the appraisal is completed.
 */
export const appraisalPreparations = pgTable(
  "appraisal_preparations",
  {
    id: id(),
    appraisalId: text("appraisal_id")
      .notNull()
      .references(() => appraisals.id, { onDelete: "restrict" }),
    wentWell: text("went_well").notNull().default(""),
    wasHard: text("was_hard").notNull().default(""),
    wantToLearn: text("want_to_learn").notNull().default(""),
    wellbeing: text("wellbeing").notNull().default(""),
    careerAspiration: text("career_aspiration").notNull().default(""),
    /** When the worker first shared it with their manager; null while it is theirs alone. */
    submittedAt: timestamp("submitted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("appraisal_preparations_appraisal_uq").on(t.appraisalId)],
);

/**
 * Feedback from a colleague for an appraisal (issue 20, decision record 0035): asked for by the worker or their manager,
 * given (three short answers, at least one) or declined by the colleague asked, once; read by the worker and their
 * manager only. `anonymous` is how the organisation said it would be shown when it was given: the name is kept here
 * and in the audit trail either way.
 */
export const appraisalFeedbackRequests = pgTable(
  "appraisal_feedback_requests",
  {
    id: id(),
    appraisalId: text("appraisal_id")
      .notNull()
      .references(() => appraisals.id, { onDelete: "restrict" }),
    /** The colleague asked: a support worker's or a manager's login in the worker's organisation. */
    inviteeId: text("invitee_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    status: text("status", { enum: FEEDBACK_REQUEST_STATUSES }).notNull().default("requested"),
    doesWell: text("does_well").notNull().default(""),
    couldDevelop: text("could_develop").notNull().default(""),
    anythingElse: text("anything_else").notNull().default(""),
    /** Set when given: whether it is shown without the giver's name (the organisation's setting at that moment). */
    anonymous: boolean("anonymous"),
    /** When it was given or declined. */
    respondedAt: timestamp("responded_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("appraisal_feedback_requests_uq").on(t.appraisalId, t.inviteeId),
    index("appraisal_feedback_requests_invitee_idx").on(t.inviteeId, t.status),
  ],
);

export const careerConversations = pgTable(
  "career_conversations",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    /** Set when the conversation took place inside an appraisal. */
    appraisalId: text("appraisal_id").references(() => appraisals.id, { onDelete: "restrict" }),
    heldOn: date("held_on").notNull(),
    heldBy: text("held_by").references(() => users.id, { onDelete: "set null" }),
    aspiration: text("aspiration", { enum: ASPIRATIONS }).notNull(),
    aspirationDetail: text("aspiration_detail").notNull().default(""),
    targetProfessionId: text("target_profession_id").references(() => professions.id, { onDelete: "restrict" }),
    apprenticeshipInterest: text("apprenticeship_interest", { enum: INTEREST_LEVELS }).notNull(),
    optionsDiscussed: text("options_discussed").notNull().default(""),
    nextConversationOn: date("next_conversation_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("career_conversations_worker_idx").on(t.workerId, t.heldOn),
    index("career_conversations_next_idx").on(t.nextConversationOn),
    index("career_conversations_held_idx").on(t.heldOn),
  ],
);

export const careerSteps = pgTable(
  "career_steps",
  {
    id: id(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => careerConversations.id, { onDelete: "restrict" }),
    description: text("description").notNull(),
    dueOn: date("due_on"),
    doneOn: date("done_on"),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("career_steps_conversation_idx").on(t.conversationId)],
);

/** One PDP per worker per period; earlier ones stay readable. Both parties agree a version, with a timestamp each. */
export const pdps = pgTable(
  "pdps",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    status: text("status", { enum: PDP_STATUSES }).notNull().default("draft"),
    /** Incremented when an agreed PDP is changed; agreement is then needed again. */
    version: integer("version").notNull().default(1),
    workerAgreedAt: timestamp("worker_agreed_at"),
    managerAgreedAt: timestamp("manager_agreed_at"),
    managerAgreedBy: text("manager_agreed_by").references(() => users.id, { onDelete: "set null" }),
    nextReviewOn: date("next_review_on"),
    closedAt: timestamp("closed_at"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("pdps_worker_idx").on(t.workerId, t.status),
    index("pdps_next_review_idx").on(t.status, t.nextReviewOn),
    // One current (draft or active) PDP per worker; closed ones are kept.
    uniqueIndex("pdps_one_current_uq").on(t.workerId).where(sql`${t.status} <> 'closed'`),
    check("pdps_period_order", sql`${t.periodEnd} > ${t.periodStart}`),
  ],
);

export const pdpGoals = pgTable(
  "pdp_goals",
  {
    id: id(),
    pdpId: text("pdp_id")
      .notNull()
      .references(() => pdps.id, { onDelete: "restrict" }),
    /** SMART: what. */
    title: text("title").notNull(),
    /** SMART: why it matters. */
    why: text("why").notNull().default(""),
    /** SMART: how success will be seen. */
    successMeasure: text("success_measure").notNull().default(""),
    /** SMART: by when. */
    targetDate: date("target_date"),
    status: text("status", { enum: GOAL_STATUSES }).notNull().default("not_started"),
    statusReason: text("status_reason"),
    proposedBy: text("proposed_by", { enum: ACTION_OWNERS }).notNull(),
    /** A goal the worker proposed counts once the manager agrees it. */
    agreedAt: timestamp("agreed_at"),
    sourceObjectiveId: text("source_objective_id").references(() => appraisalObjectives.id, { onDelete: "restrict" }),
    sourceStepId: text("source_step_id").references(() => careerSteps.id, { onDelete: "restrict" }),
    sort: integer("sort").notNull().default(0),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("pdp_goals_pdp_idx").on(t.pdpId, t.status),
    index("pdp_goals_target_idx").on(t.targetDate),
    // "Is this objective / step already a goal?": asked on every appraisal and conversation page. Partial, because
    // most goals have no source; with the nulls indexed the planner judges the index useless and scans the table.
    index("pdp_goals_source_objective_idx").on(t.sourceObjectiveId).where(sql`${t.sourceObjectiveId} is not null`),
    index("pdp_goals_source_step_idx").on(t.sourceStepId).where(sql`${t.sourceStepId} is not null`),
  ],
);

export const pdpGoalDomains = pgTable(
  "pdp_goal_domains",
  {
    goalId: text("goal_id")
      .notNull()
      .references(() => pdpGoals.id, { onDelete: "cascade" }),
    domainId: text("domain_id")
      .notNull()
      .references(() => frameworkDomains.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.domainId] })],
);

export const pdpGoalStatements = pgTable(
  "pdp_goal_statements",
  {
    goalId: text("goal_id")
      .notNull()
      .references(() => pdpGoals.id, { onDelete: "cascade" }),
    statementId: text("statement_id")
      .notNull()
      .references(() => competencyStatements.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.statementId] })],
);

/** The support a goal needs: counted by leads as enablers. */
export const pdpGoalSupport = pgTable(
  "pdp_goal_support",
  {
    goalId: text("goal_id")
      .notNull()
      .references(() => pdpGoals.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SUPPORT_KINDS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.kind] })],
);

export const pdpActions = pgTable(
  "pdp_actions",
  {
    id: id(),
    goalId: text("goal_id")
      .notNull()
      .references(() => pdpGoals.id, { onDelete: "restrict" }),
    description: text("description").notNull(),
    owner: text("owner", { enum: ACTION_OWNERS }).notNull(),
    dueOn: date("due_on"),
    doneOn: date("done_on"),
    createdAt: createdAt(),
  },
  (t) => [index("pdp_actions_goal_idx").on(t.goalId), index("pdp_actions_due_idx").on(t.dueOn)],
);

export const pdpNotes = pgTable(
  "pdp_notes",
  {
    id: id(),
    goalId: text("goal_id")
      .notNull()
      .references(() => pdpGoals.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: NOTE_KINDS }).notNull(),
    body: text("body").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("pdp_notes_goal_idx").on(t.goalId, t.createdAt)],
);

export const pdpReviews = pgTable(
  "pdp_reviews",
  {
    id: id(),
    pdpId: text("pdp_id")
      .notNull()
      .references(() => pdps.id, { onDelete: "restrict" }),
    reviewedOn: date("reviewed_on").notNull(),
    summary: text("summary").notNull(),
    nextReviewOn: date("next_review_on"),
    reviewerId: text("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("pdp_reviews_pdp_idx").on(t.pdpId, t.reviewedOn), index("pdp_reviews_reviewed_idx").on(t.reviewedOn)],
);

/**
 * A barrier met (the report's disabling mechanisms), recorded against a PDP goal or a career conversation.
 * Declined training requests carry their own reason and are counted beside these.
 */
export const barriers = pgTable(
  "barriers",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    goalId: text("goal_id").references(() => pdpGoals.id, { onDelete: "restrict" }),
    conversationId: text("conversation_id").references(() => careerConversations.id, { onDelete: "restrict" }),
    category: text("category", { enum: BARRIER_CATEGORIES }).notNull(),
    detail: text("detail").notNull().default(""),
    recordedOn: date("recorded_on").notNull(),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("barriers_worker_idx").on(t.workerId),
    index("barriers_category_idx").on(t.category, t.recordedOn),
    index("barriers_goal_idx").on(t.goalId),
    index("barriers_conversation_idx").on(t.conversationId),
    check("barriers_one_source", sql`(${t.goalId} is null) <> (${t.conversationId} is null)`),
    check("barriers_other_has_detail", sql`${t.category} <> 'other' or length(trim(${t.detail})) > 0`),
  ],
);
