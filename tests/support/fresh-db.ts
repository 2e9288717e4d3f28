// Before each test: a fresh copy of the migrated template, opened as the app's database, and nobody signed in (files
// share modules, so the acting user an earlier file set must not carry over into a test that forgot to set its own).
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, afterAll, inject } from "vitest";
import { openDatabase, closeDatabase } from "@/db/client";
import { actAs } from "./auth-mock";

const dir = mkdtempSync(join(tmpdir(), "pathways-test-"));
let n = 0;

beforeEach(() => {
  const template = inject("templateDb");
  const path = join(dir, `test-${process.pid}-${++n}.db`);
  copyFileSync(template, path);
  openDatabase(path);
  actAs(null);
});

afterAll(() => closeDatabase());
