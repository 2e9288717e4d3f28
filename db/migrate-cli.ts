// `npm run db:migrate`: brings the configured database's tables up to date and exits (decision record 0025).
// PostgreSQL (DATABASE_URL set): applies drizzle/postgres's migrations not yet applied. SQLite (DATABASE_PATH, or
// data/pathways.db): opening the file applies drizzle/sqlite's, so this opens it and says where it stands.
// `npm start` needs no separate step: db/seed/cli.ts --start migrates the same way before the server starts.
import Database from "better-sqlite3";
import { existsSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { closeDatabaseAndWait, databaseKind, execute, migrateDatabase, openDatabase, selectRow, transaction } from "./client";
import { databasePath, databaseUrl } from "../lib/env";

/** The database the configuration names: DATABASE_URL's PostgreSQL server, else the SQLite file at DATABASE_PATH. */
export function configuredTarget(): string {
  return databaseUrl() ?? databasePath();
}

export function isPostgresTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}

/**
 * A database's address fit to print: a postgres:// URL's password (in its user part or as a `password` parameter)
 * replaced by ****. Everything up to the URL's last "@" counts as its user part, so a password with an unescaped "@"
 * is hidden too.
 */
export function printableTarget(target: string): string {
  if (!isPostgresTarget(target)) return target;
  const [, scheme = "", userInfo, rest = ""] = /^(postgres(?:ql)?:\/\/)(?:(.*)@)?(.*)$/s.exec(target) ?? [];
  const colon = userInfo?.indexOf(":") ?? -1;
  const user = userInfo === undefined ? "" : colon < 0 ? `${userInfo}@` : `${userInfo.slice(0, colon)}:****@`;
  return scheme + user + rest.replace(/([?&](?:ssl)?password=)[^&]*/gi, "$1****");
}

/**
 * Several instances starting at once take turns to prepare a PostgreSQL database (migrations, then the seed): a
 * transaction-level advisory lock, so it is let go however the transaction ends. Any constant works; this one is
 * Pathways' own.
 */
export async function lockPreparation(): Promise<void> {
  await execute(sql`select pg_advisory_xact_lock(7261002025)`);
}

async function appliedCount(): Promise<number> {
  if (databaseKind() === "postgres") {
    const table = await selectRow<{ name: string | null }>(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`);
    if (!table?.name) return 0;
    return (await selectRow<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`))?.n ?? 0;
  }
  return (await selectRow<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`))?.n ?? 0;
}

/**
 * How many migrations a SQLite file had before it was opened (opening it applies the rest): read from the file without
 * opening it for the app. 0 for a file not there yet; undefined when it cannot be read.
 */
export function sqliteMigrationsBefore(path: string): number | undefined {
  if (path === ":memory:" || !existsSync(path)) return 0;
  try {
    const file = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const table = file.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
      return table ? (file.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
    } finally {
      file.close();
    }
  } catch {
    return undefined;
  }
}

/** What migrating did: `when` says how long it took, or when it happened. */
const counted = (before: number, after: number, where: string, when: string) =>
  after === before
    ? `Migrations: ${where} is up to date (${after} applied in all).`
    : `Migrations: applied ${after - before} to ${where} ${when} (${after} in all).`;

/**
 * Applies the open database's migrations not yet applied and says what it did. PostgreSQL's run under the preparation
 * lock, so two instances never race to apply the same one; SQLite's were applied as the file opened, so `before` is
 * the count sqliteMigrationsBefore() read first.
 */
export async function migrateAndReport(target: string, before?: number): Promise<void> {
  const where = printableTarget(target);
  if (databaseKind() === "sqlite") {
    await migrateDatabase();
    const after = await appliedCount();
    console.log(before === undefined ? `Migrations: ${where} is up to date (${after} applied in all).` : counted(before, after, where, "as it opened"));
    return;
  }
  const started = performance.now();
  const applied = await transaction(async () => {
    await lockPreparation();
    const before = await appliedCount();
    // On a connection of the pool's own; the lock stays held by this transaction until it ends.
    await migrateDatabase();
    return [before, await appliedCount()] as const;
  });
  console.log(counted(applied[0], applied[1], where, `in ${((performance.now() - started) / 1000).toFixed(2)} s`));
}

/**
 * What went wrong, fit to print: the driver's own message (with PostgreSQL's detail) rather than drizzle's wrapper,
 * whose message lists every bound value (for a bulk insert, megabytes of them), and the start of the failed query.
 */
export function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as (Error & { detail?: string }) | undefined;
  const query = (err as Error & { query?: unknown }).query;
  if (!(cause instanceof Error) || typeof query !== "string") return err.message;
  const text = query.length > 200 ? `${query.slice(0, 200)}…` : query;
  return `${cause.message}${cause.detail ? ` (${cause.detail})` : ""}\n  in: ${text}`;
}

async function main(): Promise<void> {
  const target = configuredTarget();
  const before = isPostgresTarget(target) ? undefined : sqliteMigrationsBefore(target);
  openDatabase(target);
  try {
    await migrateAndReport(target, before);
  } finally {
    await closeDatabaseAndWait();
  }
}

/** Whether this file is the script being run, not a module another script imports. */
function runDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) {
  main().catch((err: unknown) => {
    console.error(`Migrating failed: ${describeFailure(err)}`);
    if (err instanceof Error && err.stack && process.env.DEBUG) console.error(err.stack);
    process.exitCode = 1;
  });
}
