// The one place that opens the database: pragmas, migrations, and the drizzle instance everything else uses.
//
// The data layer is asynchronous whatever the dialect (decision record 0025): every query is awaited and every
// transaction is `transaction(async (tx) => …)`. On SQLite the queries still run on one better-sqlite3 connection,
// reached through drizzle's asynchronous SQLite driver (sqlite-proxy), and a transaction holds that connection from
// BEGIN IMMEDIATE to COMMIT: the transactions of this process take turns, and a query made outside the transaction
// while one is open waits for it to end instead of slipping into it.
import Database from "better-sqlite3";
import { AsyncLocalStorage } from "node:async_hooks";
import { drizzle as drizzleSync } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { SQL } from "drizzle-orm";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import * as schema from "./schema";
import { databasePath } from "../lib/env";

export type DB = SqliteRemoteDatabase<typeof schema>;
/** A transaction: the same query builder as `db`, on the connection the transaction holds. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
/** Either: what a helper that may run inside or outside a transaction takes. */
export type Executor = DB | Tx;

type Connection = { path: string; sqlite: Database.Database; db: DB; statements: Map<string, Database.Statement> };

const MIGRATIONS = join(process.cwd(), "drizzle", "sqlite");
/** Prepared statements kept per connection: the app's queries are a few hundred distinct texts. */
const STATEMENT_CACHE = 1000;

// Survives hot reloads in development, where modules are re-evaluated but the process is not, and is one per process
// in production too, where the bundler may give each route its own copy of this module: the connection, the queue
// and the mark of a transaction's own queries must be the same for all of them.
const holder = globalThis as unknown as { __pathwaysDb?: Connection; __pathwaysGate?: Gate; __pathwaysInTransaction?: AsyncLocalStorage<{ tx?: Tx }> };

/** Who holds the connection: the open transaction, and the queue of those waiting for it. */
type Gate = { tail: Promise<void>; open: Promise<void> | null };
function gate(): Gate {
  holder.__pathwaysGate ??= { tail: Promise.resolve(), open: null };
  return holder.__pathwaysGate;
}

/** Set for the whole of a transaction, so its own queries (and nested transactions) go straight through. */
const inTransaction = (holder.__pathwaysInTransaction ??= new AsyncLocalStorage<{ tx?: Tx }>());

/**
 * Makes the database file the app's user's alone (0600) before SQLite opens it, in a folder only that user can open
 * when Pathways creates it. SQLite gives the WAL and shared-memory files the database file's permissions, so they
 * follow; a file left readable by an older version is narrowed as it opens.
 */
function keepPrivate(path: string) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, "a", 0o600));
  // The database's path comes from configuration at run time: nothing for the bundler to trace.
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(/*turbopackIgnore: true*/ file) && (statSync(/*turbopackIgnore: true*/ file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

function statement(connection: Connection, text: string): Database.Statement {
  let stmt = connection.statements.get(text);
  if (!stmt) {
    stmt = connection.sqlite.prepare(text);
    if (connection.statements.size >= STATEMENT_CACHE) connection.statements.delete(connection.statements.keys().next().value!);
    connection.statements.set(text, stmt);
  }
  return stmt;
}

/** Waits while a transaction other than the caller's holds the connection. */
async function turn(): Promise<void> {
  if (inTransaction.getStore()) return;
  const g = gate();
  while (g.open) await g.open;
}

function open(path: string): Connection {
  if (path !== ":memory:") keepPrivate(path);
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  // FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power loss; these are HR records
  // (docs/decisions/0001-sqlite-durability.md).
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Reads through a memory map of the first GiB (address space, not memory: the pages are the OS's file cache), so a
  // lead's whole-organisation insights copy no pages through read(); about a third faster at 50,000 workers
  // (docs/benchmarks.md). Writes still go through the WAL; a file that is not a regular local one simply ignores it.
  if (path !== ":memory:") sqlite.pragma("mmap_size = 1073741824");
  migrate(drizzleSync(sqlite), { migrationsFolder: MIGRATIONS });
  // Gathers planner statistics where they are missing or stale (cheap; SQLite's advice for long-lived connections).
  sqlite.pragma("optimize = 0x10002");
  const connection: Connection = { path, sqlite, db: undefined as unknown as DB, statements: new Map() };
  connection.db = drizzle(
    async (text, params, method) => {
      await turn();
      const stmt = statement(connection, text);
      if (!stmt.reader) {
        stmt.run(params);
        return { rows: [] };
      }
      stmt.raw(true);
      if (method === "get") return { rows: stmt.get(params) as unknown[] };
      return { rows: stmt.all(params) };
    },
    { schema },
  );
  return connection;
}

function connection(): Connection {
  if (!holder.__pathwaysDb) holder.__pathwaysDb = open(databasePath());
  return holder.__pathwaysDb;
}

/** Opens (and migrates) the database at `path`, closing any other. For tests and scripts. */
export function openDatabase(path: string): DB {
  closeDatabase();
  holder.__pathwaysDb = open(path);
  return holder.__pathwaysDb.db;
}

export function closeDatabase(): void {
  holder.__pathwaysDb?.sqlite.close();
  holder.__pathwaysDb = undefined;
}

/** The raw better-sqlite3 handle, for bulk seeding with prepared statements, backups and tests of SQLite itself. */
export function rawSqlite(): Database.Database {
  return connection().sqlite;
}

/**
 * Runs `fn` in a transaction and returns what it returns; a throw rolls everything back. Inside another transaction it
 * is a savepoint of that one. On SQLite it starts with BEGIN IMMEDIATE (the write lock from the start, so two
 * processes never deadlock upgrading a read) and the process's transactions run one at a time.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = inTransaction.getStore();
  if (outer?.tx) return outer.tx.transaction(fn);
  const g = gate();
  const before = g.tail;
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  g.tail = before.then(() => done);
  await before;
  // Queries outside the transaction wait for this one (turn()); the next transaction waits on the queue above.
  g.open = done;
  try {
    const state: { tx?: Tx } = {};
    return await inTransaction.run(state, async () =>
      await connection().db.transaction(
        async (tx) => {
          state.tx = tx;
          return fn(tx);
        },
        { behavior: "immediate" },
      ),
    );
  } finally {
    if (g.open === done) g.open = null;
    release();
  }
}

const dialect = new SQLiteAsyncDialect();

/** Runs a statement written with `sql`, for what the query builder cannot say. */
export async function execute(query: SQL): Promise<void> {
  await turn();
  const { sql: text, params } = dialect.sqlToQuery(query);
  const stmt = statement(connection(), text);
  if (stmt.reader) stmt.raw(false).all(params);
  else stmt.run(params);
}

/** The rows of a query written with `sql`, as objects named by the query's column aliases. */
export async function selectRows<T>(query: SQL): Promise<T[]> {
  await turn();
  const { sql: text, params } = dialect.sqlToQuery(query);
  return statement(connection(), text).raw(false).all(params) as T[];
}

/** The first row of a query written with `sql`, or undefined. */
export async function selectRow<T>(query: SQL): Promise<T | undefined> {
  await turn();
  const { sql: text, params } = dialect.sqlToQuery(query);
  return statement(connection(), text).raw(false).get(params) as T | undefined;
}

/** The first row a query builder returns, or undefined (a select, or an insert, update or delete with returning). */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  const q = query as PromiseLike<T[]> & { get?: () => Promise<T | undefined> };
  if (typeof q.get === "function") return q.get();
  return (await query)[0];
}

/**
 * Whether a write failed on a unique index (two people saving the same name at once): SQLite's code, or PostgreSQL's
 * 23505, on the error or on the driver's error that drizzle wraps.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (e.code === "SQLITE_CONSTRAINT_UNIQUE" || e.code === "23505") return true;
  }
  return false;
}

/**
 * The row an insert, update or delete with `returning` gives back, typed as there, as drizzle's synchronous `.get()`
 * typed it. Use `first` where there may be none.
 */
export async function one<T>(query: PromiseLike<T[]>): Promise<T> {
  return (await query)[0] as T;
}

/**
 * The drizzle instance. A thin forwarder so that `openDatabase` (tests, scripts) can switch files while modules keep a
 * single `db` import; its `transaction` is the one above.
 */
export const db: DB = new Proxy({} as DB, {
  get(_target, prop) {
    if (prop === "transaction") return transaction;
    const real = connection().db;
    const value = Reflect.get(real, prop, real) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export { schema };
