// Migrates one template database per run; each test copies it instead of migrating again. SQLite by default (a file
// copied in milliseconds); with DATABASE_URL set, a PostgreSQL template database on that server, which each test
// clones with CREATE DATABASE … TEMPLATE (decision record 0025).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { TestProject } from "vitest/node";
import { databaseAt } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** SQLite: the template file's path. PostgreSQL: the template database's name. */
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `pathways_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const pool = new pg.Pool({ connectionString: databaseAt(server, name) });
    await migratePostgres(drizzlePostgres(pool), { migrationsFolder: join(process.cwd(), "drizzle", "postgres") });
    await pool.end();
    project.provide("templateDb", name);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "pathways-unit-"));
  const template = join(dir, "template.db");
  const sqlite = new Database(template);
  migrate(drizzle(sqlite), { migrationsFolder: join(process.cwd(), "drizzle", "sqlite") });
  sqlite.close();
  project.provide("templateDb", template);
  return () => rmSync(dir, { recursive: true, force: true });
}
