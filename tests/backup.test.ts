// Backups and restores (db/backup.ts, decision record 0018): why a file copy is not a backup, a backup taken while
// another process keeps writing, what a restore refuses, and the permissions of everything written.
import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { backupDatabase, currentAuthSecret, inspectBackup, restoreDatabase, BACKUP_APPLICATION_ID } from "@/db/backup";
import { closeDatabase, db, openDatabase, rawSqlite } from "@/db/client";
import { seedReference } from "@/db/seed/reference";
import { twoTeams } from "./support/factory";
import { killWriters, startWriter, stopWriter } from "./support/wal-writer-client";

const SECRET = { value: "backup-test-secret-0123456789abcdef", source: "file" as const };
const mode = (file: string) => statSync(file).mode & 0o777;
const tsx = join(process.cwd(), "node_modules/tsx/dist/cli.mjs");

function tempDir() {
  return mkdtempSync(join(tmpdir(), "pathways-backup-"));
}

/** A migrated database with the reference lists and two teams of people in it, closed again. */
async function seededDatabase(dir: string): Promise<string> {
  const path = join(dir, "live", "pathways.db");
  openDatabase(path);
  await seedReference(db);
  await twoTeams();
  closeDatabase();
  return path;
}

function counts(path: string): Record<string, number> {
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]));
  } finally {
    sqlite.close();
  }
}


afterEach(killWriters);

describe("why a backup is not a file copy", () => {
  it("a copy of the database file while the app runs misses the commits still in its WAL; the online backup has them all", async () => {
    const dir = tempDir();
    const path = await seededDatabase(dir);
    const writer = await startWriter(path);
    expect((await writer.ask({ cmd: "write", n: 50 })).batches).toBe(50);

    // What `cp pathways.db` gives while the app is running: the database file without its WAL.
    const copy = join(dir, "copied.db");
    copyFileSync(path, copy);
    expect(counts(copy).drill_batches).toBe(0);

    const done = await backupDatabase({ databasePath: path, out: join(dir, "backup.pwbak"), authSecret: SECRET });
    if (!done.ok) throw new Error(done.message);
    expect(done.info.rowCounts.drill_batches).toBe(50);
    expect(done.info.rowCounts.drill_visits).toBe(150);
    await stopWriter(writer);
  }, 30_000);
});

describe("backup while another process writes", () => {
  it("is one consistent snapshot, and restores to identical rows in every table", async () => {
    const dir = tempDir();
    const path = await seededDatabase(dir);
    const writer = await startWriter(path);
    await writer.ask({ cmd: "write", n: 20 });
    await writer.ask({ cmd: "run" });
    const before = (await writer.ask({ cmd: "count" })).batches;

    const out = join(dir, "during-writes.pwbak");
    const done = await backupDatabase({ databasePath: path, out, authSecret: SECRET });
    if (!done.ok) throw new Error(done.message);

    const after = (await writer.ask({ cmd: "count" })).batches;
    const stopped = (await writer.ask({ cmd: "stop" })).batches;
    // The writer kept committing while the backup ran.
    expect(after).toBeGreaterThan(before);

    const snapshot = done.info.rowCounts;
    const batches = snapshot.drill_batches ?? -1;
    expect(batches).toBeGreaterThanOrEqual(before);
    expect(batches).toBeLessThanOrEqual(after);
    // Whole transactions only: three visits for every batch, batches 1..n with none missing.
    expect(snapshot.drill_visits).toBe(3 * batches);
    const backup = new Database(out, { readonly: true });
    expect(backup.prepare("select max(id) from drill_batches").pluck().get()).toBe(batches);
    backup.close();
    // The file records exactly what it holds.
    const { pathways_backup: _meta, ...held } = counts(out);
    expect(held).toEqual(snapshot);

    await stopWriter(writer);
    expect(counts(path).drill_batches).toBe(stopped);

    const target = join(dir, "restored", "pathways.db");
    const restored = await restoreDatabase({ file: out, databasePath: target, env: {} });
    if (!restored.ok) throw new Error(restored.message);
    expect(counts(target)).toEqual(snapshot);
    // The rows themselves, not only their number: the restore is the live database as it was at the snapshot.
    const live = new Database(path, { readonly: true });
    const liveRows = live.prepare("select * from drill_visits where batch_id <= ? order by id").all(batches);
    live.close();
    const again = new Database(target, { readonly: true });
    expect(again.prepare("select * from drill_visits order by id").all()).toEqual(liveRows);
    // Opened as the app opens it, nothing of the backup's description is left behind.
    expect(again.pragma("application_id", { simple: true })).toBe(0);
    expect(again.pragma("journal_mode", { simple: true })).toBe("wal");
    again.close();
  }, 60_000);
});

describe("what a backup holds", () => {
  it("carries the auth secret, says what it is, and is readable by its owner alone; so is what a restore writes", async () => {
    const dir = tempDir();
    const path = await seededDatabase(dir);
    writeFileSync(join(dir, "live", ".auth-secret"), `${SECRET.value}\n`, { mode: 0o600 });
    const secret = currentAuthSecret(path, {});
    expect(secret).toEqual({ value: SECRET.value, source: "file" });
    // AUTH_SECRET in the environment wins, as in `npm start`.
    expect(currentAuthSecret(path, { AUTH_SECRET: "from-env" })).toEqual({ value: "from-env", source: "environment" });

    const out = join(dir, "backups", "pathways.pwbak");
    const done = await backupDatabase({ databasePath: path, out, authSecret: secret ?? "none" });
    if (!done.ok) throw new Error(done.message);
    expect(mode(out)).toBe(0o600);
    expect(mode(join(dir, "backups"))).toBe(0o700);
    // One file: no WAL, journal or half-written copy beside it.
    expect(readdirSync(join(dir, "backups"))).toEqual(["pathways.pwbak"]);

    const lastMigration = (JSON.parse(readFileSync(join(process.cwd(), "drizzle/sqlite/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] }).entries.at(-1)?.tag;
    expect(done.info).toMatchObject({ formatVersion: 1, migration: lastMigration, authSecretSource: "file" });
    const file = new Database(out, { readonly: true });
    expect(file.pragma("application_id", { simple: true })).toBe(BACKUP_APPLICATION_ID);
    expect(file.pragma("journal_mode", { simple: true })).toBe("delete");
    file.close();

    const target = join(dir, "elsewhere", "data", "pathways.db");
    const restored = await restoreDatabase({ file: out, databasePath: target, env: {} });
    if (!restored.ok) throw new Error(restored.message);
    expect(readFileSync(join(dir, "elsewhere", "data", ".auth-secret"), "utf8")).toBe(SECRET.value);
    expect(restored.authSecretFile).toBe(join(dir, "elsewhere", "data", ".auth-secret"));
    for (const f of [target, join(dir, "elsewhere", "data", ".auth-secret")]) expect(mode(f)).toBe(0o600);
    expect(mode(join(dir, "elsewhere", "data"))).toBe(0o700);
    expect(counts(target).users).toBe(counts(path).users);

    // A different AUTH_SECRET in the environment would override the restored one: the restore says so.
    const other = await restoreDatabase({ file: out, databasePath: join(dir, "third", "pathways.db"), env: { AUTH_SECRET: "something-else" } });
    expect(other.ok && other.notes.join(" ")).toMatch(/AUTH_SECRET is set in this environment and differs from the backup's/);

    // A backup never overwrites an existing file unless asked.
    const again = await backupDatabase({ databasePath: path, out, authSecret: SECRET });
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    expect(again.ok || again.message).toMatch(/already exists/);
  }, 30_000);

  it("restores a backup taken at an older migration, and the next start applies the rest", async () => {
    const dir = tempDir();
    // A database made by the code as it was one migration ago.
    const older = join(dir, "older-code");
    cpSync(join(process.cwd(), "drizzle", "sqlite"), older, { recursive: true });
    const journalPath = join(older, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const all = journal.entries.length;
    const previous = journal.entries.at(-2)?.tag;
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
    const path = join(dir, "old.db");
    const sqlite = new Database(path);
    sqlite.pragma("journal_mode = WAL");
    migrate(drizzle(sqlite), { migrationsFolder: older });
    sqlite.close();

    const out = join(dir, "old.pwbak");
    const done = await backupDatabase({ databasePath: path, out, authSecret: SECRET });
    if (!done.ok) throw new Error(done.message);
    expect(done.info.migration).toBe(previous);

    const target = join(dir, "restored.db");
    const restored = await restoreDatabase({ file: out, databasePath: target, env: {} });
    if (!restored.ok) throw new Error(restored.message);
    expect(counts(target).__drizzle_migrations).toBe(all - 1);
    openDatabase(target);
    expect(rawSqlite().prepare("select count(*) from __drizzle_migrations").pluck().get()).toBe(all);
    closeDatabase();
  }, 30_000);
});

describe("what a restore refuses", () => {
  async function aBackup(dir: string) {
    const out = join(dir, "good.pwbak");
    const done = await backupDatabase({ databasePath: await seededDatabase(dir), out, authSecret: SECRET });
    if (!done.ok) throw new Error(done.message);
    return out;
  }

  /** A copy of the backup with a change made to it through SQLite. */
  function altered(from: string, name: string, change: (sqlite: Database.Database) => void) {
    const path = join(from, "..", name);
    copyFileSync(from, path);
    const sqlite = new Database(path);
    change(sqlite);
    sqlite.close();
    return path;
  }

  async function refused(file: string, target: string) {
    const result = await restoreDatabase({ file, databasePath: target, env: {} });
    expect(result.ok).toBe(false);
    // Nothing is created or changed when a restore is refused.
    expect(existsSync(target)).toBe(false);
    return result.ok ? "" : result.message;
  }

  it("refuses files that are not Pathways backups, with a message saying what they are", async () => {
    const dir = tempDir();
    const target = join(dir, "target", "pathways.db");
    const text = join(dir, "notes.txt");
    writeFileSync(text, "not a database at all\n");
    expect(await refused(text, target)).toMatch(/notes\.txt is not a Pathways backup: it is not an SQLite file at all/);

    const foreign = join(dir, "other.sqlite");
    const other = new Database(foreign);
    other.exec("create table things (x)");
    other.close();
    expect(await refused(foreign, target)).toMatch(/other\.sqlite is not a Pathways backup: it has no Pathways backup marker/);

    // The database file itself (what a file copy gives) is not a backup either.
    const live = await seededDatabase(dir);
    expect(await refused(live, target)).toMatch(/is not a Pathways backup: it looks like a Pathways database file itself/);
    expect(await refused(join(dir, "missing.pwbak"), target)).toMatch(/There is no file at/);
  }, 30_000);

  it("refuses a backup altered after it was made, damaged, or from a newer Pathways", async () => {
    const dir = tempDir();
    const good = await aBackup(dir);
    const target = join(dir, "target", "pathways.db");
    const check = inspectBackup(good);
    expect(check.ok).toBe(true);

    const edited = altered(good, "edited.pwbak", (s) => s.prepare("update users set name = 'Someone Else' where rowid = (select min(rowid) from users)").run());
    expect(await refused(edited, target)).toMatch(/edited\.pwbak was altered after it was made: its rows do not match what it recorded/);

    const deleted = altered(good, "deleted.pwbak", (s) => s.prepare("delete from team_managers").run());
    expect(await refused(deleted, target)).toMatch(/altered after it was made: its rows do not match what it recorded \(team_managers: \d+ recorded, 0 found\)/);

    const unmarked = altered(good, "unmarked.pwbak", (s) => s.prepare("delete from pathways_backup where key = 'digest'").run());
    expect(await refused(unmarked, target)).toMatch(/its description is altered or incomplete \(digest\)/);

    const newerFormat = altered(good, "format2.pwbak", (s) => s.prepare("update pathways_backup set value = '2' where key = 'format_version'").run());
    expect(await refused(newerFormat, target)).toMatch(/in format 2, made by a newer Pathways; this one reads format 1/);

    // Its description claiming a migration this code does not have.
    const claimsNewer = altered(good, "claims-newer.pwbak", (s) => s.prepare("update pathways_backup set value = '4102444800000' where key = 'migration_at'").run());
    expect(await refused(claimsNewer, target)).toMatch(/claims-newer\.pwbak was taken at a newer schema than this code's/);

    // Bytes overwritten in the middle of the file, as a failing disk or a bad transfer would.
    const damaged = join(dir, "damaged.pwbak");
    const bytes = readFileSync(good);
    bytes.fill(0x5a, 8192, 8192 + 4096);
    writeFileSync(damaged, bytes);
    expect(await refused(damaged, target)).toMatch(/damaged\.pwbak (is damaged|was altered after it was made)/);
  }, 30_000);

  it("backs up a database migrated by a newer Pathways, which only a newer Pathways restores", async () => {
    const dir = tempDir();
    const path = await seededDatabase(dir);
    // What a newer version's start leaves behind: a migration this code does not know (2100-01-01).
    const sqlite = new Database(path);
    sqlite.prepare("insert into __drizzle_migrations (hash, created_at) values ('a-later-migration', 4102444800000)").run();
    sqlite.close();
    const out = join(dir, "newer.pwbak");
    const done = await backupDatabase({ databasePath: path, out, authSecret: SECRET });
    if (!done.ok) throw new Error(done.message);
    expect(done.info.migration).toBe("unknown to this code (made 2100-01-01T00:00:00.000Z)");

    const lastMigration = (JSON.parse(readFileSync(join(process.cwd(), "drizzle/sqlite/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] }).entries.at(-1)?.tag ?? "";
    expect(await refused(out, join(dir, "target", "pathways.db"))).toBe(
      `${out} was taken at a newer schema than this code's (migration unknown to this code (made 2100-01-01T00:00:00.000Z); this code's newest is ${lastMigration}). Restore it with the Pathways version that made it, or a later one.`,
    );
  }, 30_000);

  it("refuses to restore over a database a running app has open, unless forced", async () => {
    const dir = tempDir();
    const good = await aBackup(dir);
    const running = join(dir, "running", "pathways.db");
    openDatabase(running);
    closeDatabase();
    const writer = await startWriter(running);
    await writer.ask({ cmd: "write", n: 5 });

    const result = await restoreDatabase({ file: good, databasePath: running, env: {} });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect(result.ok || result.message).toMatch(/is open in a running Pathways .* pass --force .* Nothing was changed/);
    expect((await writer.ask({ cmd: "count" })).batches).toBe(5);

    // Forced, SQLite's own backup replaces the pages under the running app's feet safely: it reads the restored rows
    // (the backup has no drill tables) and is told to restart.
    const forced = await restoreDatabase({ file: good, databasePath: running, force: true, env: {} });
    if (!forced.ok) throw new Error(forced.message);
    expect(forced.notes.join(" ")).toMatch(/restart it now/);
    const sqlite = new Database(running, { readonly: true });
    expect(sqlite.prepare("select count(*) from sqlite_master where name = 'drill_batches'").pluck().get()).toBe(0);
    sqlite.close();
    await stopWriter(writer);
  }, 30_000);
});

describe("npm run backup and npm run restore", () => {
  it("back up and restore through the command line, and refuse with a message and exit code 1", async () => {
    const dir = tempDir();
    const path = await seededDatabase(dir);
    const out = join(dir, "cli.pwbak");
    const cli = (args: string[], env: Record<string, string>) => {
      const base: NodeJS.ProcessEnv = { ...process.env };
      delete base.AUTH_SECRET;
      return spawnSync(process.execPath, [tsx, "db/backup-cli.ts", ...args], { env: { ...base, ...env }, encoding: "utf8" });
    };

    const noSecret = cli(["backup", "--out", out], { DATABASE_PATH: path });
    expect(noSecret.status).toBe(1);
    expect(noSecret.stderr).toMatch(/Backup failed: No auth secret found/);

    const backup = cli(["backup", "--out", out], { DATABASE_PATH: path, AUTH_SECRET: "cli-secret" });
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/verified, readable by this user only/);
    expect(backup.stdout).not.toContain("cli-secret");

    const target = join(dir, "cli-restored", "pathways.db");
    const restore = cli(["restore", out], { DATABASE_PATH: target });
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/its rows match the backup's digest/);
    expect(readFileSync(join(dir, "cli-restored", ".auth-secret"), "utf8")).toBe("cli-secret");

    const wrong = cli(["restore", path], { DATABASE_PATH: join(dir, "nowhere.db") });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Restore failed: .* is not a Pathways backup/);
  }, 60_000);
});

