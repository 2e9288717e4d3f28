// Summaries the insights read instead of every worker's events (decision record 0028): each worker's scorecard facts
// for a period, worked out on read by db/queries/scorecard.ts and labelled with the versions (below) of the
// worker and of what every worker shares when they were, so a label that no longer matches marks them out of date.
import { sqliteTable, text, integer, real, index, primaryKey } from "drizzle-orm/sqlite-core";
import { date } from "./_shared";
import { teams, workers } from "./people";
import { apprenticeships } from "./apprenticeships";

/**
 * A version for each worker, and one ("shared") for what every worker's facts depend on, that triggers in the
 * migrations raise in the transaction of every write the facts are worked out from, whoever writes (migration
 * worker_scorecard_facts). Never written by the app.
 */
export const factVersions = sqliteTable("fact_versions", {
  /** A worker's id, or "shared". */
  subject: text("subject").primaryKey(),
  version: integer("version").notNull(),
});

export const workerScorecardFacts = sqliteTable(
  "worker_scorecard_facts",
  {
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    /** The last day of the 12-month period the facts are for (lib/rules/scorecard.ts periodEnding). */
    periodEnd: date("period_end").notNull(),
    /** The worker's version in fact_versions when these were worked out (0: no row). */
    workerVersion: integer("worker_version").notNull(),
    /** The shared version (the framework, stages, statements) when these were worked out (0: no row). */
    sharedVersion: integer("shared_version").notNull(),
    // 1 when the worker meets the measure in the period, else 0 (whether it had fallen due is read from the worker).
    pdpReviewed: integer("pdp_reviewed").notNull(),
    appraised: integer("appraised").notNull(),
    careerConversation: integer("career_conversation").notNull(),
    supervised: integer("supervised").notNull(),
    structuredEducation: integer("structured_education").notNull(),
    /** The last signed appraisal on or before the period's last day. */
    lastAppraisalOn: date("last_appraisal_on"),
    /** CPD hours in the period (not yet divided by FTE). */
    cpdHours: real("cpd_hours").notNull(),
    /** Competency statements at the worker's stage, and how many are signed off and not expired on the last day. */
    competencyOwed: integer("competency_owed").notNull(),
    competencySigned: integer("competency_signed").notNull(),
    /** Their training requests decided in the period, and how many of those were approved. */
    trainingDecided: integer("training_decided").notNull(),
    trainingApproved: integer("training_approved").notNull(),
    /** Current mandatory training subjects the worker needs, and how many of them are in date on the last day (decision record 0033). */
    mandatoryOwed: integer("mandatory_owed").notNull().default(0),
    mandatoryInDate: integer("mandatory_in_date").notNull().default(0),
  },
  (t) => [primaryKey({ name: "worker_scorecard_facts_pk", columns: [t.periodEnd, t.workerId] }), index("worker_scorecard_facts_worker_idx").on(t.workerId)],
);

/**
 * Each team's scorecard for a period, summed from its workers' facts (the workers in post on the last day), for a
 * lead's or an administrator's scorecard of the whole organisation or one team: a few thousand rows at 50,000 workers.
 * Labelled with the team's version ("team:" and its id in fact_versions, raised whenever one of its workers' is, or a
 * worker joins or leaves it) and the shared one.
 */
export const teamScorecardFacts = sqliteTable(
  "team_scorecard_facts",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    periodEnd: date("period_end").notNull(),
    /** The team's version when these were worked out, or -1 when a worker's facts changed meanwhile (work out again). */
    teamVersion: integer("team_version").notNull(),
    sharedVersion: integer("shared_version").notNull(),
    headcount: integer("headcount").notNull(),
    fte: real("fte").notNull(),
    dueAppraised: integer("due_appraised").notNull(),
    pdpReviewed: integer("pdp_reviewed").notNull(),
    appraised: integer("appraised").notNull(),
    careerConversation: integer("career_conversation").notNull(),
    supervised: integer("supervised").notNull(),
    structuredEducation: integer("structured_education").notNull(),
    competencyOwed: integer("competency_owed").notNull(),
    competencySigned: integer("competency_signed").notNull(),
    /** How many of its workers owe any competencies at their stage. */
    competencyOwing: integer("competency_owing").notNull(),
    trainingDecided: integer("training_decided").notNull(),
    trainingApproved: integer("training_approved").notNull(),
    mandatoryOwed: integer("mandatory_owed").notNull().default(0),
    mandatoryInDate: integer("mandatory_in_date").notNull().default(0),
    /** Each worker's CPD hours divided by their FTE, as a JSON array: the team's median, and with the others' the organisation's. */
    cpdPerFte: text("cpd_per_fte").notNull(),
  },
  (t) => [primaryKey({ name: "team_scorecard_facts_pk", columns: [t.periodEnd, t.teamId] }), index("team_scorecard_facts_team_idx").on(t.teamId)],
);

/**
 * For each live apprenticeship, the first day it is at risk (lib/rules/apprenticeship-tracking.ts atRiskFrom), which
 * stays true while its record does: the pipeline counts and lists the at-risk ones from these rows instead of working
 * out the tracking of thousands (decision record 0029). Worked out on read by db/queries/apprenticeship-pipeline.ts
 * and labelled with the apprenticeship's tracking_version and the off-the-job rules they were worked out under.
 */
export const apprenticeshipRiskFacts = sqliteTable("apprenticeship_risk_facts", {
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

/**
 * Each worker's part in the equity figures of a reporting period (lib/rules/equity.ts) and of the periods before it
 * that the figures are checked against (decision record 0030): for the period and each of the PERIODS_COMPARED
 * before it, in that order and comma-separated, "-" when the worker was not in post on its last day, else a flag
 * (1 or 0) for each of EQUITY_MEASURES. Worked out on read by db/queries/equality.ts and labelled like the scorecard's
 * facts; the worker's equality answers are read from their own table at the time of the view.
 */
export const workerEquityFacts = sqliteTable(
  "worker_equity_facts",
  {
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    /** The last day of the reporting period (a quarter end). */
    periodEnd: date("period_end").notNull(),
    workerVersion: integer("worker_version").notNull(),
    sharedVersion: integer("shared_version").notNull(),
    figures: text("figures").notNull(),
  },
  (t) => [primaryKey({ name: "worker_equity_facts_pk", columns: [t.periodEnd, t.workerId] }), index("worker_equity_facts_worker_idx").on(t.workerId)],
);

/**
 * Each team's progression events by month over the longest window offered (lib/rules/progression.ts) ending on a
 * period's last day, counted by the team's workers as they are now (decision record 0032): a lead's or an
 * administrator's team progression of the whole organisation, or of one team, adds up these rows instead of every
 * worker's position history and events. `figures` is JSON, a list of [kind, month, from, to, up, down, sideways, n]:
 * "moves" (month; up, down, sideways), "stage" (month; from and to stage codes; up 1 for a move up, else 0; n) and
 * an event kind ("starts", "completions", "withdrawals", "signOffs", "leavers"; month; n). Labelled like the
 * scorecard's team sums.
 */
export const teamProgressionFacts = sqliteTable(
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
