// Apprenticeships from the employer's side: standards (data), off-the-job rules (data with effective dates),
// each worker's apprenticeship with status history, off-the-job hours, tripartite reviews and gateway checks.
import { sqliteTable, text, integer, real, index, uniqueIndex, check } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { id, timestamp, date, createdAt, updatedAt } from "./_shared";
import { professions } from "./reference";
import { users, workers } from "./people";
import { APPRENTICESHIP_STATUSES, EPA_RESULTS, OTJ_RULE_KINDS } from "../../lib/vocabulary";

export const apprenticeshipStandards = sqliteTable(
  "apprenticeship_standards",
  {
    id: id(),
    /** The Institute's reference, e.g. "ST0217". */
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    level: integer("level").notNull(),
    typicalDurationMonths: integer("typical_duration_months").notNull(),
    /** The standard's own published off-the-job minimum (applies to starts from August 2025). */
    otjMinimumHours: integer("otj_minimum_hours"),
    /** The registered profession a degree apprenticeship leads to. */
    professionId: text("profession_id").references(() => professions.id, { onDelete: "restrict" }),
    retiredAt: timestamp("retired_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("apprenticeship_standards_reference_uq").on(t.reference)],
);

export const apprenticeshipOptions = sqliteTable(
  "apprenticeship_options",
  {
    id: id(),
    standardId: text("standard_id")
      .notNull()
      .references(() => apprenticeshipStandards.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    retiredAt: timestamp("retired_at"),
  },
  (t) => [index("apprenticeship_options_standard_idx").on(t.standardId)],
);

export const gatewayRequirements = sqliteTable(
  "gateway_requirements",
  {
    id: id(),
    standardId: text("standard_id")
      .notNull()
      .references(() => apprenticeshipStandards.id, { onDelete: "restrict" }),
    label: text("label").notNull(),
    sort: integer("sort").notNull().default(0),
    retiredAt: timestamp("retired_at"),
  },
  (t) => [index("gateway_requirements_standard_idx").on(t.standardId)],
);

/** The off-the-job training rule in force for apprenticeships starting in [effective_from, effective_to). */
export const otjRules = sqliteTable("otj_rules", {
  id: id(),
  effectiveFrom: date("effective_from").notNull(),
  effectiveTo: date("effective_to"),
  kind: text("kind", { enum: OTJ_RULE_KINDS }).notNull(),
  /** 0.2 for 20% of working hours; 6 for six hours a week; unused for the standard's minimum. */
  value: real("value").notNull(),
  /** A floor on the required hours, e.g. 187. */
  minimumHours: integer("minimum_hours"),
  description: text("description").notNull(),
});

export const apprenticeships = sqliteTable(
  "apprenticeships",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    standardId: text("standard_id")
      .notNull()
      .references(() => apprenticeshipStandards.id, { onDelete: "restrict" }),
    optionId: text("option_id").references(() => apprenticeshipOptions.id, { onDelete: "restrict" }),
    provider: text("provider").notNull(),
    startDate: date("start_date").notNull(),
    plannedEndDate: date("planned_end_date").notNull(),
    actualEndDate: date("actual_end_date"),
    status: text("status", { enum: APPRENTICESHIP_STATUSES }).notNull().default("planned"),
    withdrawnReason: text("withdrawn_reason"),
    /** Contracted hours a week, for the pro-rata off-the-job calculation (37.5 full time). */
    weeklyHours: real("weekly_hours").notNull().default(37.5),
    epaResult: text("epa_result", { enum: EPA_RESULTS }),
    epaResultOn: date("epa_result_on"),
    // Summaries of the apprenticeship's off-the-job log and reviews, kept by triggers on those tables in the writer's
    // transaction (migration apprenticeship_summaries; decision record 0027), so that a pipeline of thousands reads
    // one row each rather than every log. Never written by the app.
    /** The hours of every off-the-job log entry, summed. */
    otjHoursLogged: real("otj_hours_logged").notNull().default(0),
    /** The latest progress review's date. */
    lastReviewedOn: date("last_reviewed_on"),
    /** The next review agreed at the latest one (the latest entered, of those on the same date). */
    nextReviewAgreedOn: date("next_review_agreed_on"),
    /**
     * Raised by triggers whenever anything the apprenticeship's tracking is worked out from changes: its dates, status,
     * hours a week, standard, the summaries above, its status history, its standard's minimum hours (migration
     * apprenticeship_risk_facts; decision record 0029). Labels apprenticeship_risk_facts. Never written by the app.
     */
    trackingVersion: integer("tracking_version").notNull().default(0),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("apprenticeships_worker_idx").on(t.workerId, t.status),
    index("apprenticeships_status_idx").on(t.status, t.plannedEndDate),
    index("apprenticeships_standard_idx").on(t.standardId),
    check("apprenticeships_dates", sql`${t.plannedEndDate} > ${t.startDate}`),
  ],
);

export const apprenticeshipStatusChanges = sqliteTable(
  "apprenticeship_status_changes",
  {
    id: id(),
    apprenticeshipId: text("apprenticeship_id")
      .notNull()
      .references(() => apprenticeships.id, { onDelete: "restrict" }),
    fromStatus: text("from_status", { enum: APPRENTICESHIP_STATUSES }),
    toStatus: text("to_status", { enum: APPRENTICESHIP_STATUSES }).notNull(),
    effectiveOn: date("effective_on").notNull(),
    reason: text("reason").notNull().default(""),
    changedBy: text("changed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("apprenticeship_status_changes_idx").on(t.apprenticeshipId, t.effectiveOn)],
);

export const otjLogs = sqliteTable(
  "otj_logs",
  {
    id: id(),
    apprenticeshipId: text("apprenticeship_id")
      .notNull()
      .references(() => apprenticeships.id, { onDelete: "restrict" }),
    activityOn: date("activity_on").notNull(),
    hours: real("hours").notNull(),
    activityType: text("activity_type").notNull(),
    note: text("note").notNull().default(""),
    loggedBy: text("logged_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("otj_logs_apprenticeship_idx").on(t.apprenticeshipId, t.activityOn),
    check("otj_logs_hours_range", sql`${t.hours} > 0 and ${t.hours} <= 24`),
  ],
);

/** Tripartite progress reviews (employer, provider, apprentice), commonly every 8 to 12 weeks. */
export const apprenticeshipReviews = sqliteTable(
  "apprenticeship_reviews",
  {
    id: id(),
    apprenticeshipId: text("apprenticeship_id")
      .notNull()
      .references(() => apprenticeships.id, { onDelete: "restrict" }),
    reviewedOn: date("reviewed_on").notNull(),
    attendees: text("attendees").notNull(),
    progress: text("progress").notNull().default(""),
    concerns: text("concerns").notNull().default(""),
    actions: text("actions").notNull().default(""),
    nextReviewOn: date("next_review_on"),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("apprenticeship_reviews_idx").on(t.apprenticeshipId, t.reviewedOn)],
);

export const gatewayChecks = sqliteTable(
  "gateway_checks",
  {
    id: id(),
    apprenticeshipId: text("apprenticeship_id")
      .notNull()
      .references(() => apprenticeships.id, { onDelete: "restrict" }),
    requirementId: text("requirement_id")
      .notNull()
      .references(() => gatewayRequirements.id, { onDelete: "restrict" }),
    completedOn: date("completed_on").notNull(),
    evidence: text("evidence").notNull().default(""),
    checkedBy: text("checked_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("gateway_checks_uq").on(t.apprenticeshipId, t.requirementId)],
);
