import { describe, expect, it } from "vitest";
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, rawSqlite } from "@/db/client";

describe("migrations", () => {
  it("apply to an empty database, and again as a no-op", () => {
    const path = join(mkdtempSync(join(tmpdir(), "pathways-migrate-")), "empty.db");
    openDatabase(path);
    const sqlite = rawSqlite();
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const t of ["organisations", "users", "workers", "worker_positions", "pdps", "appraisals", "apprenticeships", "audit_events"]) {
      expect(tables).toContain(t);
    }
    const migrationFiles = readdirSync(join(process.cwd(), "drizzle", "sqlite")).filter((f) => f.endsWith(".sql"));
    const applied = () => (sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n;
    expect(applied()).toBe(migrationFiles.length);

    openDatabase(path); // reopening migrates again: nothing to do
    expect((rawSqlite().prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n).toBe(migrationFiles.length);
  });

  it("keeps the database, its WAL and its shared memory readable by the app's user alone", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pathways-perm-")), "data");
    const path = join(dir, "pathways.db");
    openDatabase(path);
    rawSqlite().prepare("create table if not exists perm_check (x)").run();
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file)).toBe(0o600);

    // A file an older version left readable by others is narrowed when it opens.
    const old = join(dir, "old.db");
    writeFileSync(old, "");
    chmodSync(old, 0o644);
    openDatabase(old);
    expect(mode(old)).toBe(0o600);
  });

  it("opens with the pragmas chosen on purpose", () => {
    const sqlite = rawSqlite();
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("enforces foreign keys", () => {
    expect(() =>
      rawSqlite()
        .prepare("insert into teams (id, org_id, name, service, created_at, updated_at) values ('t', 'no-such-org', 'x', '', 0, 0)")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
