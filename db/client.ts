// The one place that opens the database: pragmas, migrations, and the drizzle instance everything else uses.
//
// The data layer is asynchronous whatever the dialect (decision record 0025): every query is awaited and every
// transaction is `transaction(async (tx) => …)`. SQLite is the default: the queries run on one better-sqlite3
// connection, reached through drizzle's asynchronous SQLite driver (sqlite-proxy), and a transaction holds that
// connection from BEGIN IMMEDIATE to COMMIT: the transactions of this process take turns, and a query made outside the
// transaction while one is open waits for it to end instead of slipping into it. With DATABASE_URL set, the same
// queries run on PostgreSQL through a pool of connections (node-postgres), each transaction on one of them.
import Database from "better-sqlite3";
import pg from "pg";
import { AsyncLocalStorage } from "node:async_hooks";
import { drizzle as drizzleSync } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { getTableColumns, getTableName, sql as sqlTag, type Column, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import * as schema from "./schema/sqlite";
import * as postgresSchema from "./schema/postgres";
import { databasePath, databaseUrl, logStatements } from "../lib/env";

export type DB = SqliteRemoteDatabase<typeof schema>;
/** A transaction: the same query builder as `db`, on the connection the transaction holds. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

type SqliteConnection = { kind: "sqlite"; path: string; sqlite: Database.Database; db: DB; statements: Map<string, Database.Statement> };
type PostgresConnection = { kind: "postgres"; url: string; pool: pg.Pool; db: DB; postgres: PostgresDb };
type Connection = SqliteConnection | PostgresConnection;
type PostgresDb = ReturnType<typeof drizzlePostgres<typeof postgresSchema>>;

const MIGRATIONS = join(process.cwd(), "drizzle", "sqlite");
const POSTGRES_MIGRATIONS = join(process.cwd(), "drizzle", "postgres");
/** Prepared statements kept per connection: the app's queries are a few hundred distinct texts. */
const STATEMENT_CACHE = 1000;

// Survives hot reloads in development, where modules are re-evaluated but the process is not, and is one per process
// in production too, where the bundler may give each route its own copy of this module: the connection, the queue
// and the mark of a transaction's own queries must be the same for all of them.
const holder = globalThis as unknown as { __pathwaysDb?: Connection; __pathwaysGate?: Gate; __pathwaysInTransaction?: AsyncLocalStorage<TxState> };

/** Who holds the connection: the open transaction, and the queue of those waiting for it. */
type Gate = { tail: Promise<void>; open: Promise<void> | null };
function gate(): Gate {
  holder.__pathwaysGate ??= { tail: Promise.resolve(), open: null };
  return holder.__pathwaysGate;
}

/** The transaction a piece of work runs in; `done` once it has ended (something it started may outlive it). */
type TxState = { tx?: Tx; done?: boolean };
/** Set for the whole of a transaction, so its own queries (and nested transactions) go straight through. */
const inTransaction = (holder.__pathwaysInTransaction ??= new AsyncLocalStorage<TxState>());

/** The transaction the caller runs in, if it is still open. */
function openTransaction(): TxState | undefined {
  const state = inTransaction.getStore();
  return state && !state.done ? state : undefined;
}

/** Whether the caller runs inside an open transaction (a helper that must write atomically opens one if not). */
export function inOpenTransaction(): boolean {
  return !!openTransaction()?.tx;
}

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

function statement(connection: SqliteConnection, text: string): Database.Statement {
  let stmt = connection.statements.get(text);
  if (!stmt) {
    stmt = connection.sqlite.prepare(text);
    if (connection.statements.size >= STATEMENT_CACHE) connection.statements.delete(connection.statements.keys().next().value!);
    connection.statements.set(text, stmt);
  }
  return stmt;
}

/** Whether the caller must wait: a transaction other than the caller's holds the connection. Checked without awaiting,
 * so a query with nothing to wait for costs no extra turn of the event loop. */
function mustWait(): boolean {
  return !!holder.__pathwaysGate?.open && !openTransaction();
}

/** Waits while a transaction other than the caller's holds the connection. */
async function turn(): Promise<void> {
  const g = gate();
  if (g.open && !openTransaction()) await g.open;
}

/** PATHWAYS_LOG_STATEMENTS: each statement's text (not its values), a line each, shortened. */
function statementLogger(): { logQuery: (query: string) => void } | false {
  if (!logStatements()) return false;
  return { logQuery: (query) => console.log(`[sql] ${query.replace(/\s+/g, " ").slice(0, 160)}`) };
}

function openSqlite(path: string): SqliteConnection {
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
  const connection: SqliteConnection = { kind: "sqlite", path, sqlite, db: undefined as unknown as DB, statements: new Map() };
  connection.db = drizzle(
    async (text, params, method) => {
      // Checked again after every wait, with nothing awaited between the last check and the statement: the next queued
      // transaction may have taken the connection in between.
      while (mustWait()) await turn();
      const stmt = statement(connection, text);
      if (!stmt.reader) {
        stmt.run(params);
        return { rows: [] };
      }
      stmt.raw(true);
      if (method === "get") return { rows: stmt.get(params) as unknown[] };
      return { rows: stmt.all(params) };
    },
    { schema, logger: statementLogger() },
  );
  return connection;
}

// PostgreSQL's bigint (a moment in milliseconds, a count) and numeric (a sum or an average) arrive as numbers, as they
// do from SQLite; no value the app keeps comes near 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function openPostgres(url: string): PostgresConnection {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, a failover, an administrator) is dropped from the pool and replaced
  // on the next query; unhandled, the error would end the process.
  pool.on("error", (error) => console.error(`PostgreSQL: an idle connection ended (${error.message})`));
  // No JIT compilation for the app's queries: the planner's estimates for a page's query (dozens of correlated
  // subqueries) pass JIT's cost thresholds, and compiling took seconds where running took milliseconds (a manager's
  // team page at 50,000 workers: 3.7 s of JIT for 25 ms of work, docs/benchmarks.md). Set per connection, first
  // thing: a client runs its queries in order, so nothing runs on it before this.
  pool.on("connect", (client) => {
    client.query("set jit = off").catch((error: Error) => console.error(`PostgreSQL: could not turn JIT off (${error.message})`));
  });
  const postgres = drizzlePostgres(pool, { schema: postgresSchema, logger: statementLogger() });
  // Typed as the SQLite instance: the queries are written once against the SQLite tables' types, and at run time
  // db/schema hands them PostgreSQL's tables (tests/schema-parity.test.ts keeps the two the same).
  return { kind: "postgres", url, pool, db: postgres as unknown as DB, postgres };
}

function open(target: string): Connection {
  const postgres = /^postgres(ql)?:\/\//.test(target);
  // db/schema hands out the tables of the dialect DATABASE_URL names when it is loaded: a database of the other kind
  // would get the wrong tables and SQL, so it is refused here rather than failing query by query.
  if (postgres !== !!databaseUrl()) {
    throw new Error(postgres ? "A PostgreSQL database needs DATABASE_URL set (it decides the tables)." : "DATABASE_URL is set: open its PostgreSQL database, not a SQLite file.");
  }
  return postgres ? openPostgres(target) : openSqlite(target);
}

function connection(): Connection {
  if (!holder.__pathwaysDb) holder.__pathwaysDb = open(databaseUrl() ?? databasePath());
  return holder.__pathwaysDb;
}

/** An object that stands for the open database while it stays open (a key for what is kept per database). */
export function connectionToken(): object {
  return connection();
}

/** Where the open database is: its file's path (SQLite) or its postgres:// address. */
export function databaseTarget(): string {
  const c = connection();
  return c.kind === "sqlite" ? c.path : c.url;
}

/** Which database is in use. */
export function databaseKind(): Connection["kind"] {
  return connection().kind;
}

/**
 * Opens the database at `target` (a SQLite file's path, or a postgres:// address), closing any other. SQLite's is
 * migrated as it opens; PostgreSQL's by `migrateDatabase()`. For tests and scripts.
 */
export function openDatabase(target: string): DB {
  const next = open(target);
  closeDatabase();
  holder.__pathwaysDb = next;
  return db;
}

/**
 * Brings the database's tables up to date: PostgreSQL's migrations (drizzle/postgres), which several instances must
 * not race to apply, so `npm start` and the scripts run them before serving; SQLite's are applied on opening.
 */
export async function migrateDatabase(): Promise<void> {
  const c = connection();
  if (c.kind === "postgres") await migratePostgres(c.postgres, { migrationsFolder: POSTGRES_MIGRATIONS });
}

export function closeDatabase(): void {
  const c = holder.__pathwaysDb;
  holder.__pathwaysDb = undefined;
  if (c?.kind === "sqlite") c.sqlite.close();
  if (c?.kind === "postgres") void c.pool.end();
}

/** Closes the database and waits until it is closed (PostgreSQL's pool ends its connections). */
export async function closeDatabaseAndWait(): Promise<void> {
  const c = holder.__pathwaysDb;
  holder.__pathwaysDb = undefined;
  if (c?.kind === "sqlite") c.sqlite.close();
  if (c?.kind === "postgres") await c.pool.end();
}

function sqliteConnection(what: string): SqliteConnection {
  const c = connection();
  if (c.kind !== "sqlite") throw new Error(`${what} works on SQLite only; this installation uses PostgreSQL.`);
  return c;
}

/** The raw better-sqlite3 handle, for bulk seeding with prepared statements, backups and tests of SQLite itself. */
export function rawSqlite(): Database.Database {
  return sqliteConnection("rawSqlite()").sqlite;
}

/**
 * Runs `fn` in a transaction and returns what it returns; a throw rolls everything back. Inside another transaction it
 * is a savepoint of that one. On SQLite it starts with BEGIN IMMEDIATE (the write lock from the start, so two
 * processes never deadlock upgrading a read) and the process's transactions run one at a time.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = openTransaction();
  if (outer?.tx) return outer.tx.transaction(fn);
  const c = connection();
  if (c.kind === "postgres") {
    // PostgreSQL runs transactions side by side, each on a connection of its own from the pool.
    const state: TxState = {};
    try {
      return await inTransaction.run(state, () =>
        c.db.transaction(async (tx) => {
          state.tx = tx;
          return fn(tx);
        }),
      );
    } finally {
      state.done = true;
    }
  }
  const g = gate();
  const before = g.tail;
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  g.tail = before.then(() => done);
  await before;
  // Queries outside the transaction wait for this one (turn()); the next transaction waits on the queue above.
  g.open = done;
  const state: TxState = {};
  try {
    return await inTransaction.run(state, () =>
      c.db.transaction(
        async (tx) => {
          state.tx = tx;
          return fn(tx);
        },
        { behavior: "immediate" },
      ),
    );
  } finally {
    state.done = true;
    if (g.open === done) g.open = null;
    release();
  }
}

const dialect = new SQLiteAsyncDialect();

/** On PostgreSQL, the open transaction's connection when there is one, else the pool. */
function postgresExecutor(c: PostgresConnection): Pick<PostgresDb, "execute"> {
  return (openTransaction()?.tx as unknown as PostgresDb | undefined) ?? c.postgres;
}

async function rowsOf<T>(query: SQL): Promise<T[]> {
  const c = connection();
  if (c.kind === "postgres") return (await postgresExecutor(c).execute(query)).rows as T[];
  while (mustWait()) await turn();
  const { sql: text, params } = dialect.sqlToQuery(query);
  const stmt = statement(c, text);
  if (!stmt.reader) {
    stmt.run(params);
    return [];
  }
  return stmt.raw(false).all(params) as T[];
}

/** Runs a statement written with `sql`, for what the query builder cannot say. */
export async function execute(query: SQL): Promise<void> {
  await rowsOf(query);
}

/**
 * The rows of a query written with `sql`, as objects named by the query's column aliases. Quote an alias that has
 * capitals (as "workerId"): PostgreSQL folds unquoted names to lower case.
 */
export async function selectRows<T>(query: SQL): Promise<T[]> {
  return rowsOf<T>(query);
}

/** The first row of a query written with `sql`, or undefined. */
export async function selectRow<T>(query: SQL): Promise<T | undefined> {
  return (await rowsOf<T>(query))[0];
}

/**
 * Makes the open transaction the only one, in any instance, working on `name` until it ends (a read-then-write that
 * must not interleave: a sign-in failure count, the audit chain's head, the first administrator). PostgreSQL takes a
 * transaction-scoped advisory lock; SQLite's transactions already run one at a time. Call it inside a transaction.
 */
export async function lockFor(name: string): Promise<void> {
  if (connection().kind === "postgres") await execute(sqlTag`select pg_advisory_xact_lock(hashtext(${name}))`);
}

/** Rows per multi-row insert on PostgreSQL: well inside its limit on bound parameters. */
const INSERT_CHUNK = 500;

/**
 * Inserts many rows of one table (a file's import, its audit rows), in the open transaction when there is one. Each
 * value is encoded by its column and a missing one takes the column's default, as drizzle's insert does. SQLite runs
 * one prepared statement per row on its connection (no query built per row); PostgreSQL takes a few hundred rows a
 * statement.
 */
export async function insertMany<T extends SQLiteTable>(table: T, rows: readonly T["$inferInsert"][]): Promise<void> {
  if (rows.length === 0) return;
  const c = connection();
  if (c.kind === "postgres") {
    const into = (openTransaction()?.tx as DB | undefined) ?? c.db;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await into.insert(table).values(rows.slice(i, i + INSERT_CHUNK) as T["$inferInsert"][]);
    return;
  }
  while (mustWait()) await turn();
  const columns = Object.entries(getTableColumns(table)) as [string, Column & { defaultFn?: () => unknown; onUpdateFn?: () => unknown }][];
  const stmt = statement(
    c,
    `insert into "${getTableName(table)}" (${columns.map(([, col]) => `"${col.name}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`,
  );
  for (const row of rows) {
    const source = row as Record<string, unknown>;
    stmt.run(
      columns.map(([key, col]) => {
        let value = source[key];
        if (value === undefined) value = col.defaultFn ? col.defaultFn() : col.default !== undefined ? col.default : col.onUpdateFn ? col.onUpdateFn() : null;
        return value === null || value === undefined ? null : col.mapToDriverValue(value);
      }),
    );
  }
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
 * The drizzle instance. A thin forwarder so that `openDatabase` (tests, scripts) can switch databases while modules
 * keep a single `db` import; its `transaction` is the one above. Inside a transaction it is that transaction.
 */
// Methods bound to their instance once, not on every `db.select(…)`.
const boundMethods = new WeakMap<object, Map<PropertyKey, unknown>>();

export const db: DB = new Proxy({} as DB, {
  get(_target, prop) {
    if (prop === "transaction") return transaction;
    // Inside a transaction, `db` is the transaction: on PostgreSQL a query on the pool would run outside it.
    const real = (openTransaction()?.tx as DB | undefined) ?? connection().db;
    let methods = boundMethods.get(real);
    if (!methods) boundMethods.set(real, (methods = new Map()));
    const known = methods.get(prop);
    if (known !== undefined) return known;
    const value = Reflect.get(real, prop, real) as unknown;
    if (typeof value !== "function") return value;
    const bound = (value as (...a: unknown[]) => unknown).bind(real);
    methods.set(prop, bound);
    return bound;
  },
});

export { schema };
