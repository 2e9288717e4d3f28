// CPD, training requests, supervision sessions and delegated tasks (scope of practice).
// PostgreSQL's copy of db/schema/cpd.ts (decision record 0025): the same tables, columns, keys and indexes, checked by
// tests/schema-parity.test.ts. Change both together.
import { pgTable, text, integer, doublePrecision, index, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, timestamp, date, createdAt, updatedAt } from "./_shared";
import { users, workers } from "./people";
import { pdpGoals } from "./development";
import {
  CPD_TYPES,
  LEARNING_KINDS,
  TRAINING_REQUEST_STATUSES,
  DECLINE_REASONS,
  SUPERVISION_TYPES,
  SUPERVISION_LEVELS,
} from "../../../lib/vocabulary";
import { now as clockNow } from "../../../lib/rules/dates";

export const trainingRequests = pgTable(
  "training_requests",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    provider: text("provider").notNull().default(""),
    /** In pence, to avoid floating-point money. */
    costPence: integer("cost_pence"),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    pdpGoalId: text("pdp_goal_id").references(() => pdpGoals.id, { onDelete: "restrict" }),
    why: text("why").notNull().default(""),
    status: text("status", { enum: TRAINING_REQUEST_STATUSES }).notNull().default("pending"),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedAt: timestamp("requested_at").notNull().$defaultFn(() => clockNow()),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at"),
    /** A decline's reason, counted as a barrier. */
    declineReason: text("decline_reason", { enum: DECLINE_REASONS }),
    declineDetail: text("decline_detail"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("training_requests_worker_idx").on(t.workerId, t.status),
    index("training_requests_status_idx").on(t.status, t.requestedAt),
    check("training_requests_decline_has_reason", sql`${t.status} <> 'declined' or ${t.declineReason} is not null`),
    check("training_requests_dates", sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const cpdActivities = pgTable(
  "cpd_activities",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    activityOn: date("activity_on").notNull(),
    title: text("title").notNull(),
    type: text("type", { enum: CPD_TYPES }).notNull(),
    learning: text("learning", { enum: LEARNING_KINDS }).notNull(),
    hours: doublePrecision("hours").notNull(),
    /** Reflection: what happened. */
    reflectionWhat: text("reflection_what").notNull().default(""),
    /** Reflection: so what (what it meant). */
    reflectionSoWhat: text("reflection_so_what").notNull().default(""),
    /** Reflection: now what (what changes). */
    reflectionNowWhat: text("reflection_now_what").notNull().default(""),
    pdpGoalId: text("pdp_goal_id").references(() => pdpGoals.id, { onDelete: "restrict" }),
    trainingRequestId: text("training_request_id").references(() => trainingRequests.id, { onDelete: "restrict" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Covering for the insights (hours per FTE, formal and informal learning by type): a lead's tab reads a year of
    // everyone's CPD from the index alone.
    index("cpd_activities_worker_idx").on(t.workerId, t.activityOn, t.hours, t.learning, t.type),
    index("cpd_activities_date_idx").on(t.activityOn),
    check("cpd_activities_hours_range", sql`${t.hours} > 0 and ${t.hours} <= 24`),
  ],
);

export const supervisionSessions = pgTable(
  "supervision_sessions",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    heldOn: date("held_on").notNull(),
    supervisorId: text("supervisor_id").references(() => users.id, { onDelete: "set null" }),
    supervisorName: text("supervisor_name").notNull(),
    type: text("type", { enum: SUPERVISION_TYPES }).notNull(),
    summary: text("summary").notNull().default(""),
    actions: text("actions").notNull().default(""),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("supervision_sessions_worker_idx").on(t.workerId, t.heldOn), index("supervision_sessions_held_idx").on(t.heldOn)],
);

/** Scope of practice: tasks delegated to a worker by a registered professional. */
export const delegatedTasks = pgTable(
  "delegated_tasks",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    task: text("task").notNull(),
    delegatedByName: text("delegated_by_name").notNull(),
    delegatedByProfession: text("delegated_by_profession").notNull().default(""),
    delegatedByRegistration: text("delegated_by_registration"),
    supervisionLevel: text("supervision_level", { enum: SUPERVISION_LEVELS }).notNull(),
    competentSince: date("competent_since").notNull(),
    reviewOn: date("review_on").notNull(),
    endedOn: date("ended_on"),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("delegated_tasks_worker_idx").on(t.workerId),
    index("delegated_tasks_review_idx").on(t.endedOn, t.reviewOn),
  ],
);
