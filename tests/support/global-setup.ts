// Migrates one template database per run; each test copies it (milliseconds) instead of migrating again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "pathways-unit-"));
  const template = join(dir, "template.db");
  const sqlite = new Database(template);
  migrate(drizzle(sqlite), { migrationsFolder: join(process.cwd(), "drizzle", "sqlite") });
  sqlite.close();
  project.provide("templateDb", template);
  return () => rmSync(dir, { recursive: true, force: true });
}
