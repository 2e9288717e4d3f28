// The append-only, hash-chained audit log (triggers in the migrations refuse UPDATE, DELETE and a row that is not
// the next in order; db/audit-chain.ts verifies the chain) and reminder deliveries.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamp, id } from "./_shared";
import { users } from "./people";
import { now as clockNow } from "../../lib/rules/dates";

export const auditEvents = sqliteTable(
  "audit_events",
  {
    /** Sequential on purpose: the log's order is its meaning. Never shown in a URL. */
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    at: timestamp("at").notNull().$defaultFn(() => clockNow()),
    /** Null for the system (seeding, scheduled jobs). */
    actorId: text("actor_id").references(() => users.id, { onDelete: "restrict" }),
    /** The actor's name and role at the time, so the log reads without joins. */
    actorLabel: text("actor_label").notNull(),
    /** What happened, e.g. "worker.create", "appraisal.sign_off", "user.disable". */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    /** Whose record it touched, so a worker's history can be listed. */
    workerId: text("worker_id"),
    /** JSON: which fields changed (and their non-sensitive values). Never special-category values. */
    summary: text("summary").notNull().default("{}"),
    /** The client's address as the app resolved it (lib/auth.ts clientAddress); null for the system. */
    address: text("address"),
    /** The login session the actor acted in; null for the system. */
    sessionId: text("session_id"),
    /**
     * SHA-256 of the previous row's hash and this row's content (db/audit-chain.ts): editing, removing or inserting a
     * row breaks the chain from there on. Null only for rows written before the chain began.
     */
    hash: text("hash"),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId),
    // By worker, then in order: a worker's latest change is the last entry of their range (db/queries/inbox.ts).
    index("audit_events_worker_idx").on(t.workerId, t.seq),
    index("audit_events_actor_idx").on(t.actorId),
    index("audit_events_at_idx").on(t.at),
  ],
);

/** One row per reminder emailed, so a reminder is never sent twice. */
export const reminderDeliveries = sqliteTable(
  "reminder_deliveries",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Identifies the reminder, e.g. "appraisal_overdue:<workerId>:<dueDate>". */
    reminderKey: text("reminder_key").notNull(),
    sentAt: timestamp("sent_at").notNull().$defaultFn(() => clockNow()),
  },
  (t) => [uniqueIndex("reminder_deliveries_uq").on(t.userId, t.reminderKey)],
);
