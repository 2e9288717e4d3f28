// Competency frameworks as data: frameworks, versions, domains, stage-specific statements; assessments and evidence.
// PostgreSQL's copy of db/schema/competencies.ts (decision record 0025): the same tables, columns, keys and indexes, checked by
// tests/schema-parity.test.ts. Change both together.
import { pgTable, text, integer, index, uniqueIndex, check, boolean } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, timestamp, date, createdAt, updatedAt } from "./_shared";
import { professions } from "./reference";
import { teams, users, workers } from "./people";
import { FRAMEWORK_STAGES, ASSESSMENT_STATUSES, EVIDENCE_TYPES } from "../../../lib/vocabulary";

export const frameworks = pgTable(
  "frameworks",
  {
    id: id(),
    /** Stable key, e.g. "hee-ahp-sw-2021". */
    key: text("key").notNull(),
    name: text("name").notNull(),
    source: text("source").notNull().default(""),
    sourceUrl: text("source_url"),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("frameworks_key_uq").on(t.key)],
);

/** A framework is edited as a draft version and published; assessments point at the statement (so the version) they used. */
export const frameworkVersions = pgTable(
  "framework_versions",
  {
    id: id(),
    frameworkId: text("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "restrict" }),
    version: integer("version").notNull(),
    status: text("status", { enum: ["draft", "published", "superseded"] }).notNull(),
    publishedAt: timestamp("published_at"),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("framework_versions_uq").on(t.frameworkId, t.version),
    // At most one draft and one published version of a framework at a time.
    uniqueIndex("framework_versions_one_draft_uq").on(t.frameworkId).where(sql`${t.status} = 'draft'`),
    uniqueIndex("framework_versions_one_published_uq").on(t.frameworkId).where(sql`${t.status} = 'published'`),
  ],
);

export const frameworkDomains = pgTable(
  "framework_domains",
  {
    id: id(),
    versionId: text("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "restrict" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [uniqueIndex("framework_domains_uq").on(t.versionId, t.number)],
);

export const competencyStatements = pgTable(
  "competency_statements",
  {
    id: id(),
    versionId: text("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "restrict" }),
    domainId: text("domain_id")
      .notNull()
      .references(() => frameworkDomains.id, { onDelete: "restrict" }),
    stage: text("stage", { enum: FRAMEWORK_STAGES }).notNull(),
    /** The framework's numbering, e.g. "1.1". */
    number: text("number").notNull(),
    /** Identifies "the same statement" across versions, so a newer version can be compared. */
    lineageKey: text("lineage_key").notNull(),
    text: text("text").notNull(),
    /** After this many months a sign-off expires; null means it does not. */
    renewalMonths: integer("renewal_months"),
    /** Bespoke competencies added by a service or profession (an enabler in the source report). */
    bespoke: boolean("bespoke").notNull().default(false),
    professionId: text("profession_id").references(() => professions.id, { onDelete: "restrict" }),
    teamId: text("team_id").references(() => teams.id, { onDelete: "restrict" }),
    sourceRef: text("source_ref"),
    sort: integer("sort").notNull().default(0),
    retiredAt: timestamp("retired_at"),
  },
  (t) => [
    index("competency_statements_version_stage_idx").on(t.versionId, t.stage),
    index("competency_statements_lineage_idx").on(t.lineageKey),
    // A statement appears once in a version; its lineage key is how a worker's assessment follows it across versions.
    uniqueIndex("competency_statements_version_lineage_uq").on(t.versionId, t.lineageKey),
    check("competency_statements_renewal_positive", sql`${t.renewalMonths} is null or ${t.renewalMonths} > 0`),
  ],
);

/** A worker's standing against one statement. Signed off = locked until reopened with a reason. */
export const competencyAssessments = pgTable(
  "competency_assessments",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    statementId: text("statement_id")
      .notNull()
      .references(() => competencyStatements.id, { onDelete: "restrict" }),
    /** The stored status; "expired" is also derived at read time from expires_on. */
    status: text("status", { enum: ASSESSMENT_STATUSES }).notNull().default("not_started"),
    /** Self-assessed confidence, 1 (not yet) to 5 (fully confident). */
    confidence: integer("confidence"),
    selfAssessedAt: timestamp("self_assessed_at"),
    /** The worker's own words on their self-assessment: what they can do, what they still need. */
    selfAssessmentNote: text("self_assessment_note").notNull().default(""),
    signedOffOn: date("signed_off_on"),
    signedOffBy: text("signed_off_by").references(() => users.id, { onDelete: "set null" }),
    assessorName: text("assessor_name"),
    assessorProfession: text("assessor_profession"),
    /** e.g. an HCPC registration number. */
    assessorRegistration: text("assessor_registration"),
    expiresOn: date("expires_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("competency_assessments_uq").on(t.workerId, t.statementId),
    // (worker, status) and not (status, ...): with a status-first index SQLite scanned every signed-off row in the
    // organisation for each worker on the team page (20 s at 50,000 workers; scripts/benchmark.ts). The statement and
    // dates make it covering for competency coverage, which reads every sign-off in the organisation for a lead.
    index("competency_assessments_worker_status_idx").on(t.workerId, t.status, t.statementId, t.signedOffOn, t.expiresOn),
    index("competency_assessments_signed_on_idx").on(t.signedOffOn),
    // From a statement to its assessments: the bespoke enabler, and the foreign key check when a statement is removed.
    index("competency_assessments_statement_idx").on(t.statementId),
    index("competency_assessments_expiry_idx").on(t.expiresOn),
    // The sign-off form offers the assessor details this user gave last time (124 ms at 50,000 workers without it).
    index("competency_assessments_signed_by_idx").on(t.signedOffBy, t.updatedAt).where(sql`${t.signedOffBy} is not null`),
    check("competency_assessments_confidence", sql`${t.confidence} is null or ${t.confidence} between 1 and 5`),
  ],
);

export const competencyEvidence = pgTable(
  "competency_evidence",
  {
    id: id(),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => competencyAssessments.id, { onDelete: "restrict" }),
    type: text("type", { enum: EVIDENCE_TYPES }).notNull(),
    evidenceDate: date("evidence_date").notNull(),
    description: text("description").notNull(),
    link: text("link"),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("competency_evidence_assessment_idx").on(t.assessmentId)],
);

/** Each reopening of a signed-off assessment, with its reason (also in the audit log). */
export const competencyReopenings = pgTable(
  "competency_reopenings",
  {
    id: id(),
    assessmentId: text("assessment_id")
      .notNull()
      .references(() => competencyAssessments.id, { onDelete: "restrict" }),
    reason: text("reason").notNull(),
    reopenedBy: text("reopened_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("competency_reopenings_assessment_idx").on(t.assessmentId)],
);
