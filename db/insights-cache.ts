import "server-only";
// Whole-organisation insights at scale (decision record 0013). A lead's tab over 50,000 workers takes one to three
// seconds of SQL, and better-sqlite3 runs it on the server's only thread, so every page waits behind it. Results are
// kept per tab, scope and filters:
//   - while the database is unchanged (SQLite's data_version for other connections' commits, total_changes() for
//     this one's), a kept result is exact and is served as it is;
//   - after a change, an organisation-wide tab's figures (a lead's or an admin's, asked for with `mayBeStale`) that
//     took longer than SLOW_MS to work out are served for up to MAX_STALE_MS, marked with when they were worked out,
//     so a busy trust's leads see figures at most five minutes old instead of all waiting seconds on every view;
//   - anything else is worked out again after any change: a quick result (a small trust: everything the e2e suite
//     sees), a manager's (whose teams may just have changed) and a list that names people.
// The key holds the scope that decides what the figures may count: the organisation for leads and admins (who see
// all of it), the user for anyone else. On PostgreSQL, where several app instances each keep their own, the version
// is a counter in the database that every write to a table the figures come from adds to (drizzle/postgres
// 0002_data_version), so no instance serves figures from before a change another instance made.
// keptUntilChanged (decision record 0026) keeps a person's inbox, which the navigation counts on every page, by a
// version of its own: the last audited change to a record it is about, so a change elsewhere in a large trust leaves it.
import type Database from "better-sqlite3";
import { connectionToken, databaseKind, rawSqlite, selectRow, transaction, type Tx } from "./client";
import { sql } from "drizzle-orm";
import { insightsMaxStaleMs } from "../lib/env";
import type { SessionUser } from "../lib/session-user";

export const SLOW_MS = 300;
/** The default for how long a slow result may be served after a change; INSIGHTS_MAX_STALE_SECONDS sets another. */
export const MAX_STALE_MS = 5 * 60_000;

/** How long a slow result may be served after a change here: INSIGHTS_MAX_STALE_SECONDS, or five minutes. */
export const maxStaleMs = () => insightsMaxStaleMs(MAX_STALE_MS);
const MAX_ENTRIES = 50; // a lead's unfiltered scorecard at 50,000 workers is a few megabytes

type Entry = { value: unknown; version: string; at: number; tookMs: number };

/** A result, and when it was worked out if the database has changed since (null when it is current). */
export type Kept<T> = { value: T; workedOutAt: Date | null };

export type InsightCache = {
  /** `mayBeStale`: a slow result may be served for a while after a change (see above). */
  get<T>(key: string, compute: () => Promise<T>, mayBeStale?: boolean): Promise<Kept<T>>;
  clear(): void;
};

/**
 * A cache over `version()` (what the data is now) and `clock()` (milliseconds). Once there are `maxEntries`, the
 * least recently used go first.
 */
export function makeInsightCache(opts: { version: () => string | Promise<string>; clock: () => number; slowMs?: number; maxStaleMs?: number; maxEntries?: number }): InsightCache {
  const { version, clock, slowMs = SLOW_MS, maxStaleMs = MAX_STALE_MS, maxEntries = MAX_ENTRIES } = opts;
  const entries = new Map<string, Entry>();
  return {
    async get<T>(key: string, compute: () => Promise<T>, mayBeStale = false): Promise<Kept<T>> {
      const now = await version();
      const kept = entries.get(key);
      const hit = (workedOutAt: Date | null): Kept<T> => {
        entries.delete(key); // the most recently used go last, so the oldest unused go first
        entries.set(key, kept!);
        return { value: kept!.value as T, workedOutAt };
      };
      if (kept && kept.version === now) return hit(null);
      if (kept && mayBeStale && kept.tookMs >= slowMs && clock() - kept.at < maxStaleMs) return hit(new Date(kept.at));
      const started = clock();
      const value = await compute();
      const at = clock();
      entries.delete(key);
      entries.set(key, { value, version: now, at, tookMs: at - started });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return { value, workedOutAt: null };
    },
    clear: () => entries.clear(),
  };
}

// One cache per open database, so a test's or script's fresh file never meets another's results.
const caches = new WeakMap<object, InsightCache>();

/** Rows this connection wrote that change no figure (the audit trail's record of a view or a download). */
const uncounted = new WeakMap<Database.Database, number>();

const totalChanges = (sqlite: Database.Database) => sqlite.prepare("select total_changes()").pluck().get() as number;

/**
 * Pages of lists (a lead's workers, the apprenticeships page) are kept apart from the insights' figures, in a cache of
 * their own: many small entries (every manager's pages and searches) would otherwise push out a lead's figures, which
 * take seconds to work out.
 */
const listCaches = new WeakMap<object, InsightCache>();
const LIST_ENTRIES = 200;

/** The cache for the database in use (`lists`: the one for pages of lists). */
function currentCache(lists = false): InsightCache {
  return databaseKind() === "postgres" ? postgresCache(lists) : cacheFor(rawSqlite(), lists);
}

function postgresCache(lists: boolean): InsightCache {
  const token = connectionToken();
  const map = lists ? listCaches : caches;
  let cache = map.get(token);
  if (!cache) {
    cache = makeInsightCache({
      version: async () => String((await selectRow<{ n: number }>(sql`select n from data_version where id = 1`))?.n ?? 0),
      clock: () => performance.timeOrigin + performance.now(),
      maxStaleMs: maxStaleMs(),
      ...(lists ? { maxEntries: LIST_ENTRIES } : {}),
    });
    map.set(token, cache);
  }
  return cache;
}

function cacheFor(sqlite: Database.Database, lists: boolean): InsightCache {
  const map = lists ? listCaches : caches;
  let cache = map.get(sqlite);
  if (!cache) {
    const changes = sqlite.prepare("select total_changes()").pluck();
    cache = makeInsightCache({
      version: () => `${sqlite.pragma("data_version", { simple: true })}:${(changes.get() as number) - (uncounted.get(sqlite) ?? 0)}`,
      clock: () => performance.timeOrigin + performance.now(),
      maxStaleMs: maxStaleMs(),
      ...(lists ? { maxEntries: LIST_ENTRIES } : {}),
    });
    map.set(sqlite, cache);
  }
  return cache;
}

/** Who the figures are for: leads and admins see the whole organisation, so they share one entry. */
function scopeKey(user: SessionUser): string {
  return user.role === "lead" || user.role === "admin" ? `org ${user.orgId}` : `user ${user.id}`;
}

/**
 * `compute()`'s result for this insight, user's scope and arguments, kept as above. `tab`: an organisation-wide tab's
 * figures, which for a lead or an admin may be served a while after a change when they are slow to work out.
 */
export async function keptInsight<T>(name: string, user: SessionUser, args: unknown, compute: () => Promise<T>, tab = false): Promise<Kept<T>> {
  const orgWide = user.role === "lead" || user.role === "admin";
  return await currentCache().get(`${name} ${scopeKey(user)} ${JSON.stringify(args)}`, compute, tab && orgWide);
}

/**
 * A page of a list, kept exactly as keptInsight keeps a quick result (never served after a change), in the lists'
 * own cache.
 */
export async function keptListPage<T>(name: string, user: SessionUser, args: unknown, compute: () => Promise<T>): Promise<T> {
  return (await currentCache(true).get(`${name} ${scopeKey(user)} ${JSON.stringify(args)}`, compute)).value;
}

/**
 * Works through summaries to work out again, `size` ids at a time, letting waiting requests run between chunks (on
 * SQLite every statement runs on the server's one thread).
 */
export async function inChunks(ids: readonly string[], size: number, work: (chunk: string[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += size) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    await work(ids.slice(i, i + size));
  }
}

/**
 * Runs a write that changes no figure (recording that someone viewed or downloaded figures) without making every kept
 * result look out of date: else each view of a tab, logged, would make the next one work its figures out again.
 */
export async function withoutInvalidating<T>(write: (tx: Tx) => Promise<T>): Promise<T> {
  // PostgreSQL's data version leaves out the tables such writes go to; nothing to count.
  if (databaseKind() === "postgres") return await transaction(write);
  // In a transaction of its own, which holds the connection: no other write can fall between the two counts.
  return await transaction(async (tx) => {
    const sqlite = rawSqlite();
    const before = totalChanges(sqlite);
    const result = await write(tx);
    uncounted.set(sqlite, (uncounted.get(sqlite) ?? 0) + totalChanges(sqlite) - before);
    return result;
  });
}

/** Forgets every kept result (the benchmark, to time a first view). */
export function clearInsightCache(): void {
  currentCache().clear();
  currentCache(true).clear();
}

/**
 * The people whose inbox and home an instance keeps at once, the least recently used going first: a support worker's
 * take a few kilobytes, a manager's home tens of kilobytes, so at most about 100 MB.
 */
const SMALL_ENTRIES = 2_000;
/**
 * However sure the version, a kept result is worked out again after this long: a change that bypasses the data layer
 * (a fix made by hand in PostgreSQL) shows within it.
 */
export const KEPT_AT_MOST_MS = 5 * 60_000;
type Stamped = { version: string; value: unknown; at: number };
const stampedByConnection = new WeakMap<object, Map<string, Stamped>>();

/**
 * `compute()`'s result for `key`, kept until `version()` answers something else (decision record 0026). `version` is
 * read before the result is worked out, so a change that lands meanwhile makes the next call work it out again.
 * `key` must name whose result it is and for which day; the caller must not change what it gets back, which is handed
 * to every later caller. The least recently used go first once SMALL_ENTRIES are kept.
 */
export async function keptUntilChanged<T>(key: string, version: () => Promise<string>, compute: () => Promise<T>): Promise<T> {
  const owner = databaseKind() === "postgres" ? connectionToken() : rawSqlite();
  let kept = stampedByConnection.get(owner);
  if (!kept) stampedByConnection.set(owner, (kept = new Map()));
  const now = await version();
  const at = performance.now();
  const hit = kept.get(key);
  kept.delete(key);
  if (hit && hit.version === now && at - hit.at < KEPT_AT_MOST_MS) {
    kept.set(key, hit);
    return hit.value as T;
  }
  const value = await compute();
  kept.set(key, { version: now, value, at });
  while (kept.size > SMALL_ENTRIES) kept.delete(kept.keys().next().value!);
  return value;
}

/**
 * On SQLite, a number that changes when another connection commits: the reminder job, a fix made by hand with the
 * sqlite3 tool. The server's own writes all go through the data layer. Empty on PostgreSQL, where every instance is
 * another connection.
 */
export function writesElsewhere(): string {
  return databaseKind() === "postgres" ? "" : String(rawSqlite().pragma("data_version", { simple: true }));
}

/** Forgets every result keptUntilChanged holds (the benchmark, to time the queries). */
export function forgetKeptUntilChanged(): void {
  stampedByConnection.delete(databaseKind() === "postgres" ? connectionToken() : rawSqlite());
}

/** keptInsight for a result that is an object: the object, with when it was worked out if that is not now. */
export async function keptObject<T extends object>(name: string, user: SessionUser, args: unknown, compute: () => Promise<T>, tab = false): Promise<T & { workedOutAt: Date | null }> {
  const { value, workedOutAt } = await keptInsight(name, user, args, compute, tab);
  return { ...value, workedOutAt };
}
