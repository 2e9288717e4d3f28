// The audit log's hash chain: each row carries SHA-256 of the previous row's hash and its own content, so a row
// edited, removed or slipped in breaks the chain from there on (decision record 0024). Rows written before the chain
// began (an upgraded database) have no hash and come first; verification says how many there are.
import { createHash } from "node:crypto";
import { asc, desc, gt } from "drizzle-orm";
import { auditEvents } from "./schema";
import { first, lockFor, type DB } from "./client";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/** What a row's hash covers: everything it says, in a fixed order. */
export type ChainedContent = {
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  workerId: string | null;
  summary: string;
  address: string | null;
  sessionId: string | null;
};

export function rowHash(previous: string | null, r: ChainedContent): string {
  const content = [
    previous ?? "",
    r.seq,
    r.at.getTime(),
    r.actorId,
    r.actorLabel,
    r.action,
    r.entityType,
    r.entityId,
    r.workerId,
    r.summary,
    r.address,
    r.sessionId,
  ];
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/**
 * The end of the chain, for the writer of the next row inside its transaction: the last row's number and hash (0 and
 * null for an empty log). SQLite has one writer at a time; on PostgreSQL, where transactions run side by side, the
 * writer first takes a lock held until its transaction ends, so two never chain onto the same row.
 */
export async function chainHead(tx: Tx | DB): Promise<{ seq: number; hash: string | null }> {
  await lockFor("audit_events");
  const last = await first(tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1));
  return last ?? { seq: 0, hash: null };
}

export type ChainCheck =
  | { ok: true; rows: number; beforeChain: number; head: { seq: number; hash: string | null } }
  | { ok: false; rows: number; firstBroken: number; reason: string };

const BATCH = 5_000;

/**
 * Walks the whole log in order and recomputes every hash. The first row whose number is not the next one, whose hash
 * does not match its content, or that has no hash after the chain began, is the first broken row.
 */
export async function verifyChain(db: DB): Promise<ChainCheck> {
  let expectedSeq = 1;
  let previous: string | null = null;
  let chained = false;
  let beforeChain = 0;
  let rows = 0;
  for (let after = 0; ; ) {
    const batch = await db.select().from(auditEvents).where(gt(auditEvents.seq, after)).orderBy(asc(auditEvents.seq)).limit(BATCH);
    if (batch.length === 0) break;
    for (const r of batch) {
      rows++;
      if (r.seq !== expectedSeq) {
        return { ok: false, rows, firstBroken: r.seq, reason: `row ${expectedSeq}${r.seq > expectedSeq + 1 ? `–${r.seq - 1}` : ""} is missing` };
      }
      expectedSeq++;
      if (r.hash === null) {
        if (chained) return { ok: false, rows, firstBroken: r.seq, reason: "it has no hash, after the chain began" };
        beforeChain++;
        continue;
      }
      chained = true;
      if (rowHash(previous, r) !== r.hash) return { ok: false, rows, firstBroken: r.seq, reason: "its content or its place in the chain has changed since it was written" };
      previous = r.hash;
    }
    after = batch.at(-1)!.seq;
  }
  return { ok: true, rows, beforeChain, head: { seq: expectedSeq - 1, hash: previous } };
}
