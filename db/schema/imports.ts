// CSV imports of the workforce register: a checked file (the dry run) kept server-side until it is confirmed,
// so "Confirm" applies exactly the rows that were shown. Rows are deleted with their batch a day later.
import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import { id, timestamp, date, createdAt } from "./_shared";
import { organisations } from "./reference";
import { users } from "./people";
import { IMPORT_BATCH_STATUSES, IMPORT_KINDS, IMPORT_VERDICTS } from "../../lib/vocabulary";

export const importBatches = sqliteTable(
  "import_batches",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Only the person who uploaded the file may see or confirm it. */
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** What the file imports; each kind's pages and confirmation read only their own. */
    kind: text("kind", { enum: IMPORT_KINDS }).notNull().default("workers"),
    fileName: text("file_name").notNull(),
    /** The date the rows were checked against (start dates may be at most a year after it). */
    checkedOn: date("checked_on").notNull(),
    status: text("status", { enum: IMPORT_BATCH_STATUSES }).notNull().default("checked"),
    totalRows: integer("total_rows").notNull(),
    toCreate: integer("to_create").notNull(),
    toUpdate: integer("to_update").notNull(),
    unchanged: integer("unchanged").notNull(),
    rejected: integer("rejected").notNull(),
    /** JSON array of notes about the file as a whole (columns ignored, the text encoding it was read in). */
    notes: text("notes").notNull().default("[]"),
    createdAt: createdAt(),
    appliedAt: timestamp("applied_at"),
  },
  (t) => [index("import_batches_uploader_idx").on(t.uploadedBy, t.createdAt), index("import_batches_created_idx").on(t.createdAt)],
);

export const importRows = sqliteTable(
  "import_rows",
  {
    batchId: text("batch_id")
      .notNull()
      .references(() => importBatches.id, { onDelete: "cascade" }),
    /** The row as a spreadsheet numbers it: the header is row 1. */
    rowNumber: integer("row_number").notNull(),
    verdict: text("verdict", { enum: IMPORT_VERDICTS }).notNull(),
    /** JSON: the cells as read, and the resolved fields, the changes or the problems (lib/rules/worker-import/plan.ts). */
    data: text("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNumber] }), index("import_rows_verdict_idx").on(t.batchId, t.verdict, t.rowNumber)],
);
