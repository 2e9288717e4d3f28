// The one helper every mutation calls, inside its transaction: who did what to which record, and when.
import { sql } from "drizzle-orm";
import { auditEvents } from "./schema";
import type { DB } from "./client";
import type { SessionUser } from "../lib/session-user";
import { roleWords } from "../lib/vocabulary";
import { now as clockNow } from "../lib/rules/dates";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  workerId?: string | null;
  /** What changed. Never put special-category values (equality monitoring) here: name the fields only. */
  summary?: Record<string, unknown>;
};

export type Actor = Pick<SessionUser, "id" | "name" | "role"> | "system";

function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    actorId: actor === "system" ? null : actor.id,
    actorLabel: actor === "system" ? "System" : `${actor.name} (${roleWords.label(actor.role)})`,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    workerId: entry.workerId ?? null,
    summary: JSON.stringify(entry.summary ?? {}),
  };
}

export function audit(tx: Tx | DB, actor: Actor, entry: AuditEntry): void {
  tx.insert(auditEvents).values(auditRow(actor, entry)).run();
}

/** Many entries in one go (a bulk import): one prepared statement run per entry, not a query built for each. */
export function auditMany(tx: Tx | DB, actor: Actor, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  const p = (name: keyof ReturnType<typeof auditRow>) => sql.placeholder(name);
  const insert = tx
    .insert(auditEvents)
    .values({
      at: clockNow(),
      actorId: p("actorId"),
      actorLabel: p("actorLabel"),
      action: p("action"),
      entityType: p("entityType"),
      entityId: p("entityId"),
      workerId: p("workerId"),
      summary: p("summary"),
    })
    .prepare();
  for (const entry of entries) insert.run(auditRow(actor, entry));
}
