// The one place that opens the database: pragmas, migrations, and the drizzle instance everything else uses.
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import * as schema from "./schema";
import { databasePath } from "../lib/env";

export type DB = BetterSQLite3Database<typeof schema>;
type Connection = { path: string; sqlite: Database.Database; db: DB };

const MIGRATIONS = join(process.cwd(), "drizzle");

// Survives hot reloads in development, where modules are re-evaluated but the process is not.
const holder = globalThis as unknown as { __pathwaysDb?: Connection };

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
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  // Gathers planner statistics where they are missing or stale (cheap; SQLite's advice for long-lived connections).
  sqlite.pragma("optimize = 0x10002");
  return { path, sqlite, db };
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

/** The raw better-sqlite3 handle, for bulk seeding with prepared statements. */
export function rawSqlite(): Database.Database {
  return connection().sqlite;
}

/**
 * The drizzle instance. A thin forwarder so that `openDatabase` (tests, scripts) can switch files while
 * modules keep a single `db` import.
 */
export const db: DB = new Proxy({} as DB, {
  get(_target, prop) {
    const real = connection().db;
    const value = Reflect.get(real, prop, real) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

export { schema };
