// Backups and restores (`npm run backup`, `npm run restore`, db/backup-cli.ts): SQLite's online backup of the live
// database into one self-describing file that also carries the auth secret, and its restore (decision record 0018).
//
// A backup is itself an SQLite database, in rollback-journal mode so that it is one file: the copy, marked with
// Pathways' application id and a `pathways_backup` table (format, version, the migration it was taken at, the time,
// the auth secret, row counts per table and a digest of every row). It is created 0600 and checked before it is kept.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { conflict, invalid, type Result } from "./result";

/** "PWAY": SQLite's header slot for an application's own file format (`PRAGMA application_id`), so `file` can tell. */
export const BACKUP_APPLICATION_ID = 0x50574159;
export const BACKUP_FORMAT = "pathways-backup";
/** The layout of the `pathways_backup` table. A reader refuses a higher version than it knows. */
export const BACKUP_FORMAT_VERSION = 1;
const META_TABLE = "pathways_backup";
const MIGRATIONS_TABLE = "__drizzle_migrations";

const Meta = z.object({
  format: z.literal(BACKUP_FORMAT),
  format_version: z.coerce.number().int().positive(),
  created_at: z.string(),
  migration: z.string(),
  migration_at: z.coerce.number().int(),
  app_version: z.string(),
  sqlite_version: z.string(),
  auth_secret: z.string().optional(),
  auth_secret_source: z.enum(["environment", "file", "none"]),
  row_counts: z.string().transform((s, ctx) => {
    try {
      return z.record(z.string(), z.number().int().min(0)).parse(JSON.parse(s));
    } catch {
      ctx.addIssue({ code: "custom", message: "row_counts is not a table of counts" });
      return z.NEVER;
    }
  }),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

/** What a backup says about itself. The auth secret is kept apart so that printing this never shows it. */
export type BackupInfo = {
  formatVersion: number;
  createdAt: string;
  /** The newest migration applied to the database when it was backed up, e.g. "0009_insights_indexes". */
  migration: string;
  migrationAt: number;
  appVersion: string;
  sqliteVersion: string;
  authSecretSource: "environment" | "file" | "none";
  rowCounts: Record<string, number>;
  digest: string;
};

export type AuthSecret = { value: string; source: "environment" | "file" };

/**
 * The secret the app signs sessions with, found the way `npm start` finds it (scripts/start.mjs): AUTH_SECRET when
 * set, else the `.auth-secret` file beside the database.
 */
export function currentAuthSecret(databasePath: string, env: Record<string, string | undefined> = process.env): AuthSecret | undefined {
  if (env.AUTH_SECRET) return { value: env.AUTH_SECRET, source: "environment" };
  const file = authSecretFile(databasePath);
  if (existsSync(file)) {
    const value = readFileSync(file, "utf8").trim();
    if (value) return { value, source: "file" };
  }
  return undefined;
}

export function authSecretFile(databasePath: string): string {
  return join(dirname(resolve(databasePath)), ".auth-secret");
}

/** The migrations this code knows (drizzle/sqlite/meta/_journal.json), oldest first. */
function knownMigrations(): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(join(process.cwd(), "drizzle", "sqlite", "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when })).sort((a, b) => a.when - b.when);
}

function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
}

/** When the newest migration applied to this database was made (drizzle records the migration's folder time). */
function newestMigrationAt(sqlite: Database.Database): number | undefined {
  if (!hasTable(sqlite, MIGRATIONS_TABLE)) return undefined;
  const row = sqlite.prepare(`select max(created_at) as at from ${MIGRATIONS_TABLE}`).get() as { at: number | null };
  return row.at ?? undefined;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The database's own tables (not SQLite's, not the backup's description), by name. */
function dataTables(sqlite: Database.Database): { name: string; withoutRowid: boolean }[] {
  const rows = sqlite.prepare("pragma table_list").all() as { schema: string; name: string; type: string; wr: number }[];
  return rows
    .filter((r) => r.schema === "main" && r.type === "table" && !r.name.startsWith("sqlite_") && r.name !== META_TABLE)
    .map((r) => ({ name: r.name, withoutRowid: r.wr === 1 }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function rowCounts(sqlite: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of dataTables(sqlite)) counts[t.name] = (sqlite.prepare(`select count(*) as n from ${quote(t.name)}`).get() as { n: number }).n;
  return counts;
}

/**
 * SHA-256 over every row of every table, in a fixed order: equal digests mean equal contents. It shows that a
 * restore holds exactly what was backed up, and that a backup was not altered after it was made (by accident or by
 * hand; not against someone who recomputes it, which is what the file's permissions and the backup store are for).
 */
function contentDigest(sqlite: Database.Database): string {
  const hash = createHash("sha256");
  for (const t of dataTables(sqlite)) {
    const order = t.withoutRowid
      ? (sqlite.prepare(`pragma table_info(${quote(t.name)})`).all() as { name: string; pk: number }[])
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => quote(c.name))
          .join(", ")
      : "rowid";
    hash.update(`table ${t.name}\n`);
    // Plain JSON of each row (a blob as its bytes): about 25 s a GB here, a third faster than exact 64-bit integers,
    // which no value in Pathways needs (the largest are millisecond times).
    const select = sqlite.prepare(`select * from ${quote(t.name)} order by ${order}`).raw();
    for (const row of select.iterate() as IterableIterator<unknown[]>) {
      hash.update(JSON.stringify(row));
      hash.update("\n");
    }
  }
  return hash.digest("hex");
}

function integrityProblem(sqlite: Database.Database): string | undefined {
  try {
    const rows = sqlite.prepare("pragma integrity_check").pluck().all() as string[];
    return rows.length === 1 && rows[0] === "ok" ? undefined : rows.slice(0, 3).join("; ");
  } catch (err) {
    // Damage bad enough stops the check itself ("database disk image is malformed").
    if (err instanceof Database.SqliteError) return err.message;
    throw err;
  }
}

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** A new empty file only this user can read, in a folder made private if Pathways creates it. */
function createPrivateFile(path: string) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, "wx", 0o600));
  chmodSync(path, 0o600);
}

function fsyncPath(path: string) {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies every page of `source` into the database file at `destination` in one step, so the copy is one snapshot. */
async function copyPages(source: Database.Database, destination: string) {
  // better-sqlite3's first step copies nothing and reports the size; the number returned here is the pages for the
  // next step. All of them at once means one read transaction: a consistent snapshot however busy the writers, where
  // a step at a time would start again each time another connection writes.
  await source.backup(destination, { progress: ({ totalPages }) => Math.max(totalPages, 1) * 2 });
}

export type BackupDone = { info: BackupInfo; out: string; bytes: number; milliseconds: number };

/**
 * Backs up the database at `databasePath` into the new file `out` while the app may be running and writing.
 * Refuses a database that is not Pathways', an `out` that exists (unless `overwrite`), and a backup without the auth
 * secret unless `authSecret` is explicitly `"none"`.
 */
export async function backupDatabase(options: {
  databasePath: string;
  out: string;
  authSecret: AuthSecret | "none";
  overwrite?: boolean;
}): Promise<Result<BackupDone>> {
  const started = performance.now();
  const source = resolve(options.databasePath);
  const out = resolve(options.out);
  if (out === source || out.startsWith(`${source}-`)) return invalid(`The backup cannot be written over the database itself (${out}).`, "out");
  if (!existsSync(source)) return invalid(`There is no database at ${source} (DATABASE_PATH) to back up.`, "databasePath");
  if (existsSync(out) && !options.overwrite) return conflict(`${out} already exists. Choose a new name, or pass --force to replace it.`, "out");

  // Read-write (not readonly) so that a WAL database whose shared memory file is missing still opens; nothing is written.
  const live = new Database(source, { fileMustExist: true, timeout: 5000 });
  const working = `${out}.partial-${process.pid}`;
  try {
    if (newestMigrationAt(live) === undefined) return invalid(`${source} is not a Pathways database (it has no migrations table).`, "databasePath");
    rmSync(working, { force: true });
    createPrivateFile(working);
    await copyPages(live, working);
  } catch (err) {
    rmSync(working, { force: true });
    throw err;
  } finally {
    live.close();
  }

  try {
    const copy = new Database(working, { fileMustExist: true });
    let info: BackupInfo;
    try {
      // One file: no WAL beside the backup.
      copy.pragma("journal_mode = DELETE");
      copy.pragma("synchronous = FULL");
      const migrationAt = newestMigrationAt(copy) ?? 0;
      const migration = knownMigrations().find((m) => m.when === migrationAt)?.tag ?? `unknown to this code (made ${new Date(migrationAt).toISOString()})`;
      info = {
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        migration,
        migrationAt,
        appVersion: appVersion(),
        sqliteVersion: (copy.prepare("select sqlite_version() as v").get() as { v: string }).v,
        authSecretSource: options.authSecret === "none" ? "none" : options.authSecret.source,
        rowCounts: rowCounts(copy),
        digest: contentDigest(copy),
      };
      const meta: Record<string, string> = {
        format: BACKUP_FORMAT,
        format_version: String(info.formatVersion),
        created_at: info.createdAt,
        migration: info.migration,
        migration_at: String(info.migrationAt),
        app_version: info.appVersion,
        sqlite_version: info.sqliteVersion,
        auth_secret_source: info.authSecretSource,
        row_counts: JSON.stringify(info.rowCounts),
        digest: info.digest,
      };
      if (options.authSecret !== "none") meta.auth_secret = options.authSecret.value;
      copy.transaction(() => {
        copy.exec(`create table ${META_TABLE} (key text primary key, value text not null) strict`);
        const insert = copy.prepare(`insert into ${META_TABLE} (key, value) values (?, ?)`);
        for (const [k, v] of Object.entries(meta)) insert.run(k, v);
      })();
      copy.pragma(`application_id = ${BACKUP_APPLICATION_ID}`);
      // The finished file, as it will be kept.
      const problem = integrityProblem(copy);
      if (problem) throw new Error(`The copy failed its integrity check (${problem}); the database itself may be damaged. Nothing was kept.`);
    } finally {
      copy.close();
    }

    // Read back as a restore reads it before it takes the final name; its rows were counted and digested from this
    // file a moment ago, so only its description is read again. A database newer than this code is still backed up:
    // the newer code that made it can restore it.
    const check = inspectBackup(working, { allowNewerSchema: true, contents: false });
    if (!check.ok) throw new Error(`The new backup did not verify: ${check.message}`);
    fsyncPath(working);
    renameSync(working, out);
    fsyncPath(dirname(out));
    return { ok: true, info, out, bytes: statSync(out).size, milliseconds: Math.round(performance.now() - started) };
  } finally {
    rmSync(working, { force: true });
  }
}

export type InspectedBackup = { info: BackupInfo; authSecret?: string };

/**
 * Reads and checks a backup: an SQLite file marked as Pathways', a format this code reads, intact (integrity check),
 * unaltered (row counts and digest as recorded), and from a schema no newer than this code's migrations.
 */
export function inspectBackup(file: string, options: { allowNewerSchema?: boolean; contents?: boolean } = {}): Result<InspectedBackup> {
  const path = resolve(file);
  if (!existsSync(path) || !statSync(path).isFile()) return invalid(`There is no file at ${path}.`, "file");
  const header = Buffer.alloc(16);
  const fd = openSync(path, "r");
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString("latin1") !== "SQLite format 3\0") {
    return invalid(`${path} is not a Pathways backup: it is not an SQLite file at all.`, "file");
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    return invalid(`${path} is not a Pathways backup: it cannot be opened (${err instanceof Error ? err.message : String(err)}).`, "file");
  }
  try {
    const applicationId = sqlite.pragma("application_id", { simple: true }) as number;
    const metaRows = hasTable(sqlite, META_TABLE)
      ? (sqlite.prepare(`select key, value from ${META_TABLE}`).all() as { key: string; value: string }[])
      : [];
    if (applicationId !== BACKUP_APPLICATION_ID || metaRows.length === 0) {
      const isDatabase = (() => {
        try {
          return hasTable(sqlite, MIGRATIONS_TABLE);
        } catch {
          return false;
        }
      })();
      return invalid(
        isDatabase
          ? `${path} is not a Pathways backup: it looks like a Pathways database file itself. Make a backup of it with npm run backup.`
          : `${path} is not a Pathways backup: it has no Pathways backup marker.`,
        "file",
      );
    }
    const raw = Object.fromEntries(metaRows.map((r) => [r.key, r.value]));
    const version = Number(raw.format_version);
    if (raw.format === BACKUP_FORMAT && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
      return invalid(`${path} is a Pathways backup in format ${version}, made by a newer Pathways; this one reads format ${BACKUP_FORMAT_VERSION}. Restore it with that newer version.`, "file");
    }
    const meta = Meta.safeParse(raw);
    if (!meta.success) return invalid(`${path} is not a usable Pathways backup: its description is altered or incomplete (${meta.error.issues.map((i) => i.path.join(".") || i.message).join(", ")}).`, "file");
    const m = meta.data;

    const contents = options.contents ?? true;
    const problem = contents ? integrityProblem(sqlite) : undefined;
    if (problem) return invalid(`${path} is damaged: the integrity check failed (${problem}).`, "file");

    const known = knownMigrations();
    const newestKnown = known.at(-1)?.when ?? 0;
    const holds = newestMigrationAt(sqlite) ?? 0;
    if (Math.max(holds, m.migration_at) > newestKnown && !options.allowNewerSchema) {
      return invalid(
        `${path} was taken at a newer schema than this code's (migration ${m.migration}; this code's newest is ${known.at(-1)?.tag ?? "none"}). Restore it with the Pathways version that made it, or a later one.`,
        "file",
      );
    }
    if (holds !== m.migration_at) return invalid(`${path} was altered after it was made: it says migration ${m.migration} but holds another.`, "file");

    const counts = contents ? rowCounts(sqlite) : m.row_counts;
    const differing = [...new Set([...Object.keys(counts), ...Object.keys(m.row_counts)])].filter((t) => counts[t] !== m.row_counts[t]);
    if (differing.length > 0 || (contents && contentDigest(sqlite) !== m.digest)) {
      const detail = differing.slice(0, 3).map((t) => `${t}: ${m.row_counts[t] ?? 0} recorded, ${counts[t] ?? 0} found`).join("; ");
      return invalid(`${path} was altered after it was made: its rows do not match what it recorded${detail ? ` (${detail})` : ""}.`, "file");
    }

    return {
      ok: true,
      info: {
        formatVersion: m.format_version,
        createdAt: m.created_at,
        migration: m.migration,
        migrationAt: m.migration_at,
        appVersion: m.app_version,
        sqliteVersion: m.sqlite_version,
        authSecretSource: m.auth_secret_source,
        rowCounts: m.row_counts,
        digest: m.digest,
      },
      authSecret: m.auth_secret,
    };
  } catch (err) {
    if (err instanceof Database.SqliteError) return invalid(`${path} is damaged and cannot be read (${err.message}).`, "file");
    throw err;
  } finally {
    sqlite.close();
  }
}

/** Whether another connection (a running app) has the database open: it then holds a shared lock that this waits on. */
function openElsewhere(path: string): boolean | "not_a_database" {
  const probe = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    // Leaving WAL needs the database to itself; it is about to be replaced, and the app puts WAL back when it opens.
    probe.pragma("journal_mode = DELETE");
    return false;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return true;
    if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") return "not_a_database";
    throw err;
  } finally {
    probe.close();
  }
}

export type RestoreDone = {
  info: BackupInfo;
  databasePath: string;
  /** Where the auth secret was written, when the backup had one. */
  authSecretFile?: string;
  notes: string[];
  milliseconds: number;
};

/**
 * Restores a backup into the database at `databasePath` (made if missing) and writes its auth secret to the
 * `.auth-secret` file beside it. Refuses a file that is not a usable backup, and a database a running app has open
 * unless `force` (then the app should be restarted). Migrations newer than the backup apply on the next start.
 */
export async function restoreDatabase(options: { file: string; databasePath: string; force?: boolean; env?: Record<string, string | undefined> }): Promise<Result<RestoreDone>> {
  const started = performance.now();
  const env = options.env ?? process.env;
  const target = resolve(options.databasePath);
  const inspected = inspectBackup(options.file);
  if (!inspected.ok) return inspected;
  if (resolve(options.file) === target) return invalid("The backup is the database file itself; restore it to another DATABASE_PATH.", "file");

  const notes: string[] = [];
  if (existsSync(target)) {
    const busy = openElsewhere(target);
    if (busy === "not_a_database") return conflict(`${target} exists but is not an SQLite database. Move it aside first; nothing was changed.`, "databasePath");
    if (busy && !options.force) {
      return conflict(
        `${target} is open in a running Pathways (or another program). Stop the app, then restore; or pass --force to restore into it while it runs and restart the app straight after. Nothing was changed.`,
        "databasePath",
      );
    }
    if (busy) notes.push("The database was open in a running app: restart it now, so that nothing it kept in memory outlives the restore.");
  } else {
    createPrivateFile(target);
  }

  // A private working copy without the backup's description and secret, which then replaces the database's pages.
  const working = `${target}.restoring-${process.pid}`;
  try {
    rmSync(working, { force: true });
    createPrivateFile(working);
    copyFileSync(resolve(options.file), working);
    chmodSync(working, 0o600);
    const copy = new Database(working, { fileMustExist: true });
    try {
      copy.exec(`drop table ${META_TABLE}`);
      copy.pragma("application_id = 0");
      // The restored file is the app's: WAL, as db/client.ts opens it.
      copy.pragma("journal_mode = WAL");
    } finally {
      copy.close();
    }
    const source = new Database(working, { fileMustExist: true });
    try {
      await copyPages(source, target);
    } finally {
      source.close();
    }
  } finally {
    for (const f of [working, `${working}-wal`, `${working}-shm`]) rmSync(f, { force: true });
  }

  const restored = new Database(target, { fileMustExist: true });
  try {
    const digest = contentDigest(restored);
    if (digest !== inspected.info.digest) {
      if (!options.force) throw new Error(`The restored database does not match the backup (digest ${digest} against ${inspected.info.digest}).`);
      notes.push("The running app has written since the restore, so the database no longer matches the backup exactly.");
    }
  } finally {
    restored.close();
  }

  let secretFile: string | undefined;
  if (inspected.authSecret) {
    secretFile = authSecretFile(target);
    const temporary = `${secretFile}.restoring-${process.pid}`;
    rmSync(temporary, { force: true });
    writeFileSync(temporary, inspected.authSecret, { mode: 0o600, flag: "wx" });
    renameSync(temporary, secretFile);
    if (env.AUTH_SECRET && env.AUTH_SECRET !== inspected.authSecret) {
      notes.push(`AUTH_SECRET is set in this environment and differs from the backup's. The app uses AUTH_SECRET, so sessions signed before the backup will not verify; set AUTH_SECRET to the value now in ${secretFile} to keep them.`);
    }
  } else {
    notes.push("The backup holds no auth secret: everyone signs in again (sessions are signed with it).");
  }

  return { ok: true, info: inspected.info, databasePath: target, authSecretFile: secretFile, notes, milliseconds: Math.round(performance.now() - started) };
}
