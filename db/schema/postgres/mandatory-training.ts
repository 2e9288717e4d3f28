// PostgreSQL's copy of db/schema/mandatory-training.ts (decision record 0025): the same tables, columns, keys and
// indexes, checked by tests/schema-parity.test.ts. Change both together.
import { pgTable, text, integer, boolean, jsonb, index, uniqueIndex, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, timestamp, date, createdAt, updatedAt } from "./_shared";
import { users, workers } from "./people";
import { TRAINING_AUDIENCE_KINDS, TRAINING_COMPLETION_SOURCES } from "../../../lib/vocabulary";

export const trainingSubjects = pgTable(
  "training_subjects",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    renewalMonths: integer("renewal_months"),
    framework: boolean("framework").notNull().default(false),
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

export const trainingSubjectAudiences = pgTable(
  "training_subject_audiences",
  {
    id: id(),
    subjectId: text("subject_id")
      .notNull()
      .references(() => trainingSubjects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TRAINING_AUDIENCE_KINDS }).notNull(),
    refId: text("ref_id"),
  },
  (t) => [
    index("training_subject_audiences_subject_idx").on(t.subjectId),
    check("training_subject_audiences_ref", sql`(${t.kind} = 'everyone') = (${t.refId} is null)`),
  ],
);

export const trainingCompletions = pgTable(
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

export const trainingReminders = pgTable(
  "training_reminders",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "cascade" }),
    sentBy: text("sent_by").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at").notNull(),
    subjects: jsonb("subjects").notNull(),
    delivery: text("delivery").notNull(),
  },
  (t) => [index("training_reminders_worker_idx").on(t.workerId, t.sentAt)],
);
