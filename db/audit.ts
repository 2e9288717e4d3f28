// The one helper every mutation calls, inside its transaction: who did what to which record, when, from where and in
// which session; each row chained to the one before it by its hash (db/audit-chain.ts).
import { auditEvents, settings } from "./schema";
import { chainHead, rowHash } from "./audit-chain";
import { inOpenTransaction, insertMany, transaction, type DB } from "./client";
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

/**
 * The setting that holds the number of the last audited change not about one worker (a team, a reference list, a
 * framework, a setting): a person's kept inbox is out of date after such a change as after one to a record of a
 * worker in it (db/queries/inbox.ts, decision record 0026).
 */
export const SHARED_CHANGE_SETTING = "changes.shared";

/**
 * Audited events that change nothing an inbox shows: signing in and out and a user's own account (their role is in
 * what keeps their inbox), and the record of a download or a view of figures. Any other event with no worker is a
 * shared change; one left off this list only makes inboxes be worked out again sooner.
 */
const CHANGES_NO_INBOX: ReadonlySet<string> = new Set(["user", "sign_in", "worker_list", "audit_trail", "equity", "insights"]);

async function markSharedChange(tx: Tx | DB, seq: number, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.some((e) => !e.workerId && !CHANGES_NO_INBOX.has(e.entityType))) return;
  const now = clockNow();
  await tx
    .insert(settings)
    .values({ key: SHARED_CHANGE_SETTING, value: { seq }, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: { seq }, updatedAt: now } });
}

/** The row numbered next, with its hash. Called inside the writer's transaction, so nothing comes between. */
function chained(previous: { seq: number; hash: string | null }, row: ReturnType<typeof auditRow>) {
  const seq = previous.seq + 1;
  return { ...row, seq, hash: rowHash(previous.hash, { ...row, seq }) };
}

/**
 * Appends an entry to the chain. Called with `db` outside a transaction (an event on its own: a failed sign-in, a link
 * delivered), it opens one: reading the chain's head and writing the next row must not interleave with another writer.
 */
export async function audit(tx: Tx | DB, actor: Actor, entry: AuditEntry): Promise<void> {
  if (!inOpenTransaction()) return transaction((t) => audit(t, actor, entry));
  const row = chained(await chainHead(tx), auditRow(actor, entry));
  await tx.insert(auditEvents).values(row);
  await markSharedChange(tx, row.seq, [entry]);
}

/** Many entries in one go (a bulk import): the chained rows worked out first, then inserted together (insertMany). */
export async function auditMany(tx: Tx | DB, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (!inOpenTransaction()) return transaction((t) => auditMany(t, actor, entries));
  let head = await chainHead(tx);
  const rows = entries.map((entry) => {
    const row = chained(head, auditRow(actor, entry));
    head = { seq: row.seq, hash: row.hash };
    return row;
  });
  await insertMany(auditEvents, rows);
  await markSharedChange(tx, head.seq, entries);
}
