// PostgreSQL's copy of db/schema/summaries.ts (decision record 0025): the same tables, columns, keys and indexes,
// checked by tests/schema-parity.test.ts. Change both together.
import { pgTable, text, integer, doublePrecision, index, primaryKey } from "drizzle-orm/pg-core";
import { date } from "./_shared";
import { teams, workers } from "./people";
import { apprenticeships } from "./apprenticeships";

export const factVersions = pgTable("fact_versions", {
  subject: text("subject").primaryKey(),
  version: integer("version").notNull(),
});

export const workerScorecardFacts = pgTable(
  "worker_scorecard_facts",
  {
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    periodEnd: date("period_end").notNull(),
    workerVersion: integer("worker_version").notNull(),
    sharedVersion: integer("shared_version").notNull(),
    pdpReviewed: integer("pdp_reviewed").notNull(),
    appraised: integer("appraised").notNull(),
    careerConversation: integer("career_conversation").notNull(),
    supervised: integer("supervised").notNull(),
    structuredEducation: integer("structured_education").notNull(),
    lastAppraisalOn: date("last_appraisal_on"),
    cpdHours: doublePrecision("cpd_hours").notNull(),
    competencyOwed: integer("competency_owed").notNull(),
    competencySigned: integer("competency_signed").notNull(),
    trainingDecided: integer("training_decided").notNull(),
    trainingApproved: integer("training_approved").notNull(),
    mandatoryOwed: integer("mandatory_owed").notNull().default(0),
    mandatoryInDate: integer("mandatory_in_date").notNull().default(0),
  },
  (t) => [primaryKey({ name: "worker_scorecard_facts_pk", columns: [t.periodEnd, t.workerId] }), index("worker_scorecard_facts_worker_idx").on(t.workerId)],
);

export const teamScorecardFacts = pgTable(
  "team_scorecard_facts",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    periodEnd: date("period_end").notNull(),
    teamVersion: integer("team_version").notNull(),
    sharedVersion: integer("shared_version").notNull(),
    headcount: integer("headcount").notNull(),
    fte: doublePrecision("fte").notNull(),
    dueAppraised: integer("due_appraised").notNull(),
    pdpReviewed: integer("pdp_reviewed").notNull(),
    appraised: integer("appraised").notNull(),
    careerConversation: integer("career_conversation").notNull(),
    supervised: integer("supervised").notNull(),
    structuredEducation: integer("structured_education").notNull(),
    competencyOwed: integer("competency_owed").notNull(),
    competencySigned: integer("competency_signed").notNull(),
    competencyOwing: integer("competency_owing").notNull(),
    trainingDecided: integer("training_decided").notNull(),
    trainingApproved: integer("training_approved").notNull(),
    mandatoryOwed: integer("mandatory_owed").notNull().default(0),
    mandatoryInDate: integer("mandatory_in_date").notNull().default(0),
    cpdPerFte: text("cpd_per_fte").notNull(),
  },
  (t) => [primaryKey({ name: "team_scorecard_facts_pk", columns: [t.periodEnd, t.teamId] }), index("team_scorecard_facts_team_idx").on(t.teamId)],
);

export const apprenticeshipRiskFacts = pgTable("apprenticeship_risk_facts", {
  apprenticeshipId: text("apprenticeship_id")
    .primaryKey()
    .references(() => apprenticeships.id, { onDelete: "cascade" }),
  /** The apprenticeship's tracking_version when this was worked out. */
  trackingVersion: integer("tracking_version").notNull(),
  /** The off-the-job rules it was worked out under (db/queries/apprenticeships.ts rulesKey). */
  rulesKey: text("rules_key").notNull(),
  /** The first day it is at risk, "0001-01-01" if every day, null if never. */
  atRiskFrom: date("at_risk_from"),
});

export const workerEquityFacts = pgTable(
  "worker_equity_facts",
  {
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    periodEnd: date("period_end").notNull(),
    workerVersion: integer("worker_version").notNull(),
    sharedVersion: integer("shared_version").notNull(),
    figures: text("figures").notNull(),
  },
  (t) => [primaryKey({ name: "worker_equity_facts_pk", columns: [t.periodEnd, t.workerId] }), index("worker_equity_facts_worker_idx").on(t.workerId)],
);

export const teamProgressionFacts = pgTable(
  "team_progression_facts",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    periodEnd: date("period_end").notNull(),
    teamVersion: integer("team_version").notNull(),
    sharedVersion: integer("shared_version").notNull(),
    figures: text("figures").notNull(),
  },
  (t) => [primaryKey({ name: "team_progression_facts_pk", columns: [t.periodEnd, t.teamId] }), index("team_progression_facts_team_idx").on(t.teamId)],
);
