// The one helper every mutation calls, inside its transaction: who did what to which record, when, from where and in
// which session; each row chained to the one before it by its hash (db/audit-chain.ts).
import { sql } from "drizzle-orm";
import { auditEvents } from "./schema";
import { chainHead, rowHash } from "./audit-chain";
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
  /** The client's address for an event with no signed-in actor (a failed sign-in); an actor's own is taken from them. */
  address?: string | null;
};

/** Who acted: a signed-in user (their session and address come with them), or the system. */
export type Actor = (Pick<SessionUser, "id" | "name" | "role"> & Partial<Pick<SessionUser, "sessionId" | "address">>) | "system";

function auditRow(actor: Actor, entry: AuditEntry) {
  return {
    at: clockNow(),
    actorId: actor === "system" ? null : actor.id,
    actorLabel: actor === "system" ? "System" : `${actor.name} (${roleWords.label(actor.role)})`,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    workerId: entry.workerId ?? null,
    summary: JSON.stringify(entry.summary ?? {}),
    address: entry.address ?? (actor === "system" ? null : (actor.address ?? null)),
    sessionId: actor === "system" ? null : (actor.sessionId ?? null),
  };
}

/** The row numbered next, with its hash. Called inside the writer's transaction, so nothing comes between. */
function chained(tx: Tx | DB, previous: { seq: number; hash: string | null }, row: ReturnType<typeof auditRow>) {
  const seq = previous.seq + 1;
  return { ...row, seq, hash: rowHash(previous.hash, { ...row, seq }) };
}

export function audit(tx: Tx | DB, actor: Actor, entry: AuditEntry): void {
  tx.insert(auditEvents).values(chained(tx, chainHead(tx), auditRow(actor, entry))).run();
}

/** Many entries in one go (a bulk import): one prepared statement run per entry, not a query built for each. */
export function auditMany(tx: Tx | DB, actor: Actor, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  const p = (name: keyof ReturnType<typeof chained>) => sql.placeholder(name);
  const insert = tx
    .insert(auditEvents)
    .values({
      seq: p("seq"),
      at: p("at"),
      actorId: p("actorId"),
      actorLabel: p("actorLabel"),
      action: p("action"),
      entityType: p("entityType"),
      entityId: p("entityId"),
      workerId: p("workerId"),
      summary: p("summary"),
      address: p("address"),
      sessionId: p("sessionId"),
      hash: p("hash"),
    })
    .prepare();
  let head = chainHead(tx);
  for (const entry of entries) {
    const row = chained(tx, head, auditRow(actor, entry));
    insert.run(row);
    head = { seq: row.seq, hash: row.hash };
  }
}
