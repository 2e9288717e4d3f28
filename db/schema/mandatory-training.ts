// Statutory and mandatory training (decision record 0033): the subjects (the Core Skills Training Framework's and the
// organisation's own), who needs each, completions (typed in or imported) and the reminders a manager sent.
// Subjects are reference data: retired, never deleted, so a completion keeps its meaning.
import { sqliteTable, text, integer, index, uniqueIndex, check } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { id, timestamp, date, createdAt, updatedAt } from "./_shared";
import { users, workers } from "./people";
import { TRAINING_AUDIENCE_KINDS, TRAINING_COMPLETION_SOURCES } from "../../lib/vocabulary";

export const trainingSubjects = sqliteTable(
  "training_subjects",
  {
    id: id(),
    /** A stable key: the framework's subjects keep theirs ("cstf-fire-safety"), so the seeder matches on it. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** How often it must be done again, in months; null for a subject done once. */
    renewalMonths: integer("renewal_months"),
    /** Whether it is one of the Core Skills Training Framework's subjects (else the organisation's own). */
    framework: integer("framework", { mode: "boolean" }).notNull().default(false),
    sort: integer("sort").notNull().default(0),
    retiredAt: timestamp("retired_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("training_subjects_code_uq").on(t.code),
    check("training_subjects_renewal_range", sql`${t.renewalMonths} is null or (${t.renewalMonths} >= 1 and ${t.renewalMonths} <= 120)`),
  ],
);

/** Who needs a subject: everyone, or a stage (role), a profession or a care setting, one row each. */
export const trainingSubjectAudiences = sqliteTable(
  "training_subject_audiences",
  {
    id: id(),
    subjectId: text("subject_id")
      .notNull()
      .references(() => trainingSubjects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TRAINING_AUDIENCE_KINDS }).notNull(),
    /** The stage, profession or care setting's id; null for everyone. */
    refId: text("ref_id"),
  },
  (t) => [
    index("training_subject_audiences_subject_idx").on(t.subjectId),
    check("training_subject_audiences_ref", sql`(${t.kind} = 'everyone') = (${t.refId} is null)`),
  ],
);

/** A subject done by a worker on a day. A wrong one is removed with a reason, and stays for the audit trail. */
export const trainingCompletions = sqliteTable(
  "training_completions",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    subjectId: text("subject_id")
      .notNull()
      .references(() => trainingSubjects.id, { onDelete: "restrict" }),
    completedOn: date("completed_on").notNull(),
    /** When it runs out: the subject's renewal period then, or the date the learning system's file gave; null never. */
    expiresOn: date("expires_on"),
    source: text("source", { enum: TRAINING_COMPLETION_SOURCES }).notNull(),
    note: text("note").notNull().default(""),
    /** The learning system's file it came from, when imported (the batch itself is deleted a day later). */
    importBatchId: text("import_batch_id"),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    removedAt: timestamp("removed_at"),
    removedBy: text("removed_by").references(() => users.id, { onDelete: "set null" }),
    removedReason: text("removed_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("training_completions_worker_idx").on(t.workerId, t.subjectId, t.completedOn),
    // One current completion of a subject a day: a double-clicked form, or a file imported twice, cannot add another.
    uniqueIndex("training_completions_once_a_day_uq").on(t.workerId, t.subjectId, t.completedOn).where(sql`${t.removedAt} is null`),
    index("training_completions_subject_idx").on(t.subjectId, t.expiresOn),
    check("training_completions_expiry", sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.completedOn}`),
  ],
);

/** A reminder a manager sent a worker about their out-of-date training, with the subjects it named. */
export const trainingReminders = sqliteTable(
  "training_reminders",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    sentBy: text("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at").notNull(),
    /** The subjects' names, as JSON. */
    subjects: text("subjects", { mode: "json" }).notNull(),
    /** Whether an email went: "sent", "not_configured", "failed" or "no_email" (no login). */
    delivery: text("delivery").notNull(),
  },
  (t) => [index("training_reminders_worker_idx").on(t.workerId, t.sentAt)],
);
