// Before each test: a fresh copy of the migrated template, opened as the app's database, and nobody signed in (files
// share modules, so the acting user an earlier file set must not carry over into a test that forgot to set its own).
// On PostgreSQL (DATABASE_URL set) the copy is a database cloned from the template, dropped after the test.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, afterEach, afterAll, expect, inject } from "vitest";
import { openDatabase, closeDatabase, closeDatabaseAndWait } from "@/db/client";
import { actAs } from "./auth-mock";
import { cloneTemplate, dropDatabase, endAdmin } from "./postgres";

const server = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), "pathways-test-"));
let n = 0;
let current: string | undefined;

/**
 * The rules and the forms' parsers (lib/rules, lib/forms) never touch the database. On PostgreSQL a clone costs about
 * 100 ms of the server's time, so their tests get none: the database is closed, and a test there that did reach it
 * would fail on the server's empty default database rather than pass.
 */
const withoutDatabase = (file: string | undefined) => !!file && /[\\/]lib[\\/](rules|forms)[\\/][^\\/]+\.test\.ts$/.test(file);

beforeEach(async () => {
  const template = inject("templateDb");
  if (server && withoutDatabase(expect.getState().testPath)) {
    await closeDatabaseAndWait();
    actAs(null);
    return;
  }
  if (server) {
    current = `pathways_test_${process.pid}_${++n}`;
    openDatabase(await cloneTemplate(server, template, current));
  } else {
    const path = join(dir, `test-${process.pid}-${++n}.db`);
    copyFileSync(template, path);
    openDatabase(path);
  }
  actAs(null);
});

afterEach(async () => {
  if (!server || !current) return;
  await closeDatabaseAndWait();
  await dropDatabase(server, current);
  current = undefined;
});

afterAll(async () => {
  if (server) {
    await closeDatabaseAndWait();
    await endAdmin();
  } else closeDatabase();
});
