// Seeds the database: the reference lists always, then the demo organisation.
//   npx tsx db/seed/cli.ts [--workers N] [--seed N] [--today YYYY-MM-DD] [--reset] [--if-empty]
// --reset deletes the database file first (on PostgreSQL, drops the app's schema and migration history: every table
// and row); --if-empty seeds the demo only when there are no users yet; --reference-only loads the reference lists and
// no demo (a production start); --start is what `npm start` runs: demo mode decides (lib/env.ts demoMode), a
// production start without APP_URL is refused, and it says how to sign in.
// The database is DATABASE_URL's PostgreSQL server when it is set, else the SQLite file at DATABASE_PATH, or
// data/pathways.db. Its migrations are applied first (db/migrate-cli.ts), so `npm start` serves an up-to-date schema.
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import { count, sql } from "drizzle-orm";
import { openDatabase, closeDatabaseAndWait, execute, first, selectRow, transaction, type DB } from "../client";
import { configuredTarget, describeFailure, isPostgresTarget, lockPreparation, migrateAndReport, printableTarget, sqliteMigrationsBefore } from "../migrate-cli";
import { organisations, users } from "../schema";
import { seedReference } from "./reference";
import { seedDemo, DEMO_EMAILS, DEMO_PASSWORD } from "./demo";
import { isIsoDate } from "../../lib/rules/dates";
import { appUrl, demoMode, productionStartProblem } from "../../lib/env";

interface Args {
  workers?: number;
  seed?: number;
  today?: string;
  reset: boolean;
  ifEmpty: boolean;
  referenceOnly: boolean;
  start: boolean;
}

const USAGE = "Usage: npx tsx db/seed/cli.ts [--workers N] [--seed N] [--today YYYY-MM-DD] [--reset] [--if-empty] [--reference-only] [--start]";

/** The command line, read by Node's own parser (node:util parseArgs): unknown options and missing values are refused. */
function readArgs(argv: string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        workers: { type: "string" },
        seed: { type: "string" },
        today: { type: "string" },
        reset: { type: "boolean", default: false },
        "if-empty": { type: "boolean", default: false },
        "reference-only": { type: "boolean", default: false },
        start: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const integer = (flag: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new Error(`--${flag} must be a whole number, not "${v}".`);
    return Number(v);
  };
  const args: Args = {
    workers: integer("workers", values.workers),
    seed: integer("seed", values.seed),
    today: values.today,
    reset: values.reset,
    ifEmpty: values["if-empty"],
    referenceOnly: values["reference-only"],
    start: values.start,
  };
  // Checked before anything is deleted.
  if (args.workers !== undefined && args.workers < 12) throw new Error("--workers must be at least 12.");
  if (args.today !== undefined && !isIsoDate(args.today)) throw new Error(`--today must be a date like 2026-01-31, not "${args.today}".`);
  return args;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd()).join("\n");
}

const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(2)} s`;

/** What `npm start` says about signing in, once the database is ready. */
function startNotes(demo: boolean) {
  const url = `http://localhost:${process.env.PORT ?? "3000"}`;
  if (demo) {
    console.log(`Demo mode: sign in with any of these, password ${DEMO_PASSWORD}. Every page says it is a demonstration.`);
    for (const email of DEMO_EMAILS) console.log(`  ${email}`);
  } else {
    console.log(`Demo mode is off. On an empty database, open ${appUrl() ?? url}/setup to create the first administrator.`);
  }
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  if (args.start) {
    const problem = productionStartProblem();
    if (problem) throw new Error(problem);
    const demo = demoMode();
    args.ifEmpty = demo;
    args.referenceOnly = !demo;
    await seed(args);
    startNotes(demo);
    return;
  }
  await seed(args);
}

async function seed(args: Args): Promise<void> {
  const target = configuredTarget();
  const where = printableTarget(target);
  const postgres = isPostgresTarget(target);
  const started = performance.now();

  if (args.reset && !postgres && target !== ":memory:") {
    for (const file of [target, `${target}-wal`, `${target}-shm`]) if (existsSync(file)) rmSync(file);
    console.log(`Deleted ${target}`);
  }

  const before = postgres ? undefined : sqliteMigrationsBefore(target);
  const db = openDatabase(target);
  try {
    if (args.reset && postgres) await emptyPostgres(where);
    await migrateAndReport(target, before);
    // On PostgreSQL, instances starting together take turns (and the first's demo is the only one): one transaction,
    // holding the preparation lock, with the reference lists' and the demo's own transactions savepoints inside it.
    const done = postgres
      ? await transaction(async () => {
          await lockPreparation();
          return fill(db, args);
        })
      : await fill(db, args);
    // PostgreSQL plans queries from statistics that autovacuum gathers only a while after a bulk load; until then a
    // manager's team page over 50,000 seeded workers took seconds instead of milliseconds. Gathered here at once.
    if (done && postgres) await execute(sql`analyze`);
    if (done) console.log(`Done in ${seconds(started)} (${where})`);
  } finally {
    await closeDatabaseAndWait();
  }
}

/**
 * --reset on PostgreSQL: drops the schema the tables live in (current_schema(), normally public) with everything in
 * it, and drizzle's record of applied migrations, then creates the schema again, empty, for the migrations to fill.
 * One transaction: a failure leaves the database as it was. The audit log's triggers refuse TRUNCATE, not this.
 */
async function emptyPostgres(where: string): Promise<void> {
  const { name, tables } = await transaction(async () => {
    await lockPreparation();
    const row = await selectRow<{ name: string | null; tables: number }>(
      sql`select current_schema() as name, (select count(*)::int from pg_tables where schemaname = current_schema()) as tables`,
    );
    const name = row?.name ?? "public";
    await execute(sql`drop schema if exists ${sql.identifier(name)} cascade`);
    await execute(sql`create schema ${sql.identifier(name)}`);
    await execute(sql`drop schema if exists drizzle cascade`);
    return { name, tables: row?.tables ?? 0 };
  });
  console.log(`Emptied ${where}: dropped schema ${name} (${tables} table${tables === 1 ? "" : "s"}) and drizzle's migration history, created ${name} again`);
}

/** The reference lists, then the demo unless told otherwise. Whether it got as far as the demo. */
async function fill(db: DB, args: Args): Promise<boolean> {
  let t = performance.now();
  const added = await seedReference(db);
  const addedTotal = Object.values(added).reduce((a, b) => a + b, 0);
  console.log(
    addedTotal === 0
      ? `Reference data: already present (${seconds(t)})`
      : `Reference data: ${Object.entries(added).map(([k, v]) => `${v} ${k}`).join(", ")} (${seconds(t)})`,
  );

  // A production start (demo mode off): reference lists only; the first admin sets up the organisation.
  if (args.referenceOnly) return false;

  if (args.ifEmpty) {
    const userCount = (await first(db.select({ n: count() }).from(users)))?.n ?? 0;
    if (userCount > 0) {
      console.log(`Demo: skipped, the database already has ${userCount} user${userCount === 1 ? "" : "s"} (--if-empty).`);
      return false;
    }
  } else {
    const org = await first(db.select({ name: organisations.name }).from(organisations));
    if (org) {
      throw new Error(`The database already has an organisation ("${org.name}"). Use --reset to start again, or --if-empty to seed only an empty database.`);
    }
  }

  t = performance.now();
  const passwordHash = await hash(DEMO_PASSWORD);
  const hashTime = seconds(t);
  t = performance.now();
  const demo = await seedDemo(db, { workers: args.workers, seed: args.seed, today: args.today, passwordHash });
  const total = Object.values(demo.counts).reduce((a, b) => a + b, 0);
  console.log(
    `Demo: ${demo.orgName}, as at ${demo.today}: ${demo.workers.toLocaleString("en-GB")} workers in ${demo.teams} teams, ` +
      `${demo.managers} managers, ${total.toLocaleString("en-GB")} rows (${seconds(t)}; password hash ${hashTime})`,
  );
  const interesting = Object.entries(demo.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n.toLocaleString("en-GB")}`);
  console.log(`  ${interesting.join(", ")}`);
  console.log("");
  console.log(table([["Email", "Role", "Name", "Password", ""], ...demo.logins.map((l) => [l.email, l.role, l.name, DEMO_PASSWORD, l.note])]));
  console.log("");
  return true;
}

main().catch((err: unknown) => {
  console.error(`Seeding failed: ${describeFailure(err)}`);
  if (err instanceof Error && err.stack && process.env.DEBUG) console.error(err.stack);
  process.exitCode = 1;
});
