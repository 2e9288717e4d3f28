// The one helper every mutation calls, inside its transaction: who did what to which record, and when.
import { auditEvents } from "./schema";
import type { DB } from "./client";
import type { SessionUser } from "../lib/session-user";
import { roleWords } from "../lib/vocabulary";

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

export function audit(tx: Tx | DB, actor: Actor, entry: AuditEntry): void {
  tx.insert(auditEvents)
    .values({
      actorId: actor === "system" ? null : actor.id,
      actorLabel: actor === "system" ? "System" : `${actor.name} (${roleWords.label(actor.role)})`,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      workerId: entry.workerId ?? null,
      summary: JSON.stringify(entry.summary ?? {}),
    })
    .run();
}
