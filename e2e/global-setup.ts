// Runs once before the specs: builds the app if the sources changed, seeds the template databases for every project's
// day (the demo trust on each; an empty production-style one on the main day), and signs each demo role in through
// the real form on a server over the main day's demo template, keeping the sessions (carried into the other days'
// templates). Each spec then runs on its own copy of a template (e2e/support/trust.ts).
// When a project runs on PostgreSQL, it also starts a throwaway PostgreSQL server (scripts/postgres-server.mjs) for
// the run, seeds that day's demo template on it, and carries the sessions into it; the teardown it answers stops it.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium, expect, type Browser, type FullConfig } from "@playwright/test";
import Database from "better-sqlite3";
import { LAUNCH_OPTIONS } from "./support/browser";
import type { Day } from "./support/days";
import { TEMPLATE_PORT, originOf } from "./support/ports";
import { HOMES, LOGINS, PASSWORD, type DemoLogin } from "./support/roles";
import { E2E_DIR, onPostgres, postgresTemplate, serverEnv, startServer, stateDir, stopLeftover, stopServer, templatePath, type DatabaseKind, type TrustKind } from "./support/trust";
import { databaseAt } from "../tests/support/postgres";
import { startThrowawayPostgres, stopLeftoverPostgres } from "../scripts/postgres-server.mjs";

function run(args: string[], env: NodeJS.ProcessEnv, label: string) {
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal}).`);
}

/** Seeds a template in a child process (a SQLite file, or a database on PostgreSQL at `databaseUrl`); several run side by side. */
async function seedTemplate(day: string, kind: TrustKind, databaseUrl?: string) {
  const path = templatePath(day, kind);
  mkdirSync(dirname(path), { recursive: true });
  const args = ["node_modules/tsx/dist/cli.mjs", "db/seed/cli.ts", "--reset", ...(kind === "demo" ? [] : ["--reference-only"])];
  const env = { ...process.env, DATABASE_PATH: path, DATABASE_URL: databaseUrl ?? "", PATHWAYS_TODAY: day };
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`Seeding the ${kind} template for ${day}${databaseUrl ? " on PostgreSQL" : ""} failed (exit ${code}).`);
}

/** Where the throwaway PostgreSQL server of a run that was interrupted lives, so the next run can stop it. */
const POSTGRES_RECORD = join(E2E_DIR, "..", ".e2e-postgres");

/** The run's PostgreSQL server, its demo template for `day` made and seeded; answers the server's address and stop(). */
async function postgresFor(day: string): Promise<{ url: string; stop: () => void }> {
  if (existsSync(POSTGRES_RECORD)) stopLeftoverPostgres(readFileSync(POSTGRES_RECORD, "utf8").trim());
  const server = await startThrowawayPostgres();
  writeFileSync(POSTGRES_RECORD, server.dir);
  const template = postgresTemplate(day, "demo");
  await onPostgres(server.url, async (client) => await client.query(`create database ${template}`));
  await seedTemplate(day, "demo", databaseAt(server.url, template));
  return {
    url: server.url,
    stop: () => {
      server.stop();
      rmSync(POSTGRES_RECORD, { force: true });
    },
  };
}

/** Folds the write-ahead log into the database file, so a copy of the file alone is the whole database. */
function checkpoint(path: string) {
  const db = new Database(path);
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

async function signInRoles(browser: Browser, { today: day, tz }: Day, port: number) {
  const path = templatePath(day, "demo");
  const server = await startServer({ ...serverEnv({ port, dbPath: path, kind: "demo", today: day }), ...(tz ? { TZ: tz } : {}) });
  try {
    mkdirSync(stateDir(day), { recursive: true });
    await Promise.all(
      (Object.keys(LOGINS) as DemoLogin[]).map(async (who) => {
        const context = await browser.newContext({ baseURL: originOf(port) });
        const page = await context.newPage();
        await page.goto("/login");
        await page.getByLabel("Email address").fill(LOGINS[who]);
        await page.getByLabel("Password").fill(PASSWORD);
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        await expect(page).toHaveURL(HOMES[who].path, { timeout: 30_000 });
        await expect(page.getByRole("heading", { level: 1, name: HOMES[who].heading })).toBeVisible();
        await context.storageState({ path: join(stateDir(day), `${who}.json`) });
        await context.close();
      }),
    );
  } finally {
    await stopServer(server);
  }
  checkpoint(path);
}

/**
 * Gives another day's template the sessions the roles signed in with on the main day's (the same people, matched by
 * email), so the same stored sessions serve every day's trust: one server and six sign-ins instead of one per day.
 */
function carrySessions(from: string, to: string) {
  const db = new Database(to);
  try {
    db.prepare("attach database ? as signed_in").run(from);
    const carried = db
      .prepare(
        `insert into login_sessions (id, user_id, method, created_at, last_seen_at, ended_at, end_reason)
         select s.id, here.id, s.method, s.created_at, s.last_seen_at, s.ended_at, s.end_reason
         from signed_in.login_sessions s
         join signed_in.users there on there.id = s.user_id
         join users here on here.email = there.email and here.session_version = there.session_version
         where s.ended_at is null`,
      )
      .run().changes;
    db.prepare("detach database signed_in").run();
    db.pragma("wal_checkpoint(TRUNCATE)");
    const roles = Object.keys(LOGINS).length;
    if (carried !== roles) throw new Error(`Carried ${carried} sessions into ${to}, expected one for each of the ${roles} demo roles.`);
  } finally {
    db.close();
  }
}

/**
 * Gives the PostgreSQL template for a day the sessions the roles signed in with on the main day's SQLite template
 * (matched by email, as above), so the stored sessions serve the specs on PostgreSQL too.
 */
async function carrySessionsToPostgres(from: string, postgresUrl: string) {
  const db = new Database(from, { readonly: true });
  const sessions = db
    .prepare(
      `select s.id, u.email, u.session_version as "sessionVersion", s.method, s.created_at as "createdAt", s.last_seen_at as "lastSeenAt"
       from login_sessions s join users u on u.id = s.user_id where s.ended_at is null`,
    )
    .all() as { id: string; email: string; sessionVersion: number; method: string; createdAt: number; lastSeenAt: number }[];
  db.close();
  const carried = await onPostgres(postgresUrl, async (client) => {
    let n = 0;
    for (const s of sessions) {
      const result = await client.query(
        `insert into login_sessions (id, user_id, method, created_at, last_seen_at)
         select $1, id, $2, $3, $4 from users where email = $5 and session_version = $6`,
        [s.id, s.method, s.createdAt, s.lastSeenAt, s.email, s.sessionVersion],
      );
      n += result.rowCount ?? 0;
    }
    return n;
  });
  const roles = Object.keys(LOGINS).length;
  if (carried !== roles) throw new Error(`Carried ${carried} sessions into PostgreSQL, expected one for each of the ${roles} demo roles.`);
}

/** Every project's day, the main project's first. */
function projectDays(config: FullConfig): Day[] {
  const days = new Map<string, Day>();
  for (const project of config.projects) {
    const day = (project.use as { day?: Day }).day;
    if (day?.today && !days.has(day.today)) days.set(day.today, day);
  }
  if (days.size === 0) throw new Error("No project has a day: playwright.config.ts gives each one.");
  return [...days.values()];
}

/**
 * The days whose projects run on PostgreSQL. E2E_POSTGRES=0 starts no server, for a machine without PostgreSQL's
 * binaries running other projects (`--project=chromium`); the postgres project then stops at its first spec, saying so.
 */
function postgresDays(config: FullConfig): string[] {
  if (process.env.E2E_POSTGRES === "0") return [];
  const days = new Set<string>();
  for (const project of config.projects) {
    const use = project.use as { day?: Day; database?: DatabaseKind };
    if (use.database === "postgres" && use.day?.today) days.add(use.day.today);
  }
  return [...days];
}

export default async function globalSetup(config: FullConfig) {
  const days = projectDays(config);
  const onPostgresDays = postgresDays(config);
  if (onPostgresDays.some((day) => day !== days[0]!.today)) {
    throw new Error("The projects on PostgreSQL run on the main project's day: global setup carries its sessions into their template.");
  }
  const started = Date.now();
  run(["scripts/build-if-needed.mjs"], process.env, "The build");
  // Servers an interrupted run left behind hold their ports: stop them before their records go.
  const slots = join(E2E_DIR, "workers");
  if (existsSync(slots)) for (const slot of readdirSync(slots)) await stopLeftover(join(slots, slot, "server.pid"));
  rmSync(E2E_DIR, { recursive: true, force: true });
  // Only the first-administrator spec uses the empty trust, and only in the main project.
  const starting = onPostgresDays[0] ? postgresFor(onPostgresDays[0]) : Promise.resolve(undefined);
  let postgres: Awaited<typeof starting>;
  try {
    [postgres] = await Promise.all([starting, ...days.map(async (day) => await seedTemplate(day.today, "demo")), seedTemplate(days[0]!.today, "empty")]);
  } catch (error) {
    // A SQLite template failed while the PostgreSQL server started: it goes too.
    (await starting.catch(() => undefined))?.stop();
    throw error;
  }
  if (postgres) process.env.E2E_POSTGRES_URL = postgres.url;
  try {
    const [main, ...others] = days;
    const browser = await chromium.launch(LAUNCH_OPTIONS);
    try {
      await signInRoles(browser, main!, TEMPLATE_PORT);
    } finally {
      await browser.close();
    }
    for (const day of others) {
      carrySessions(templatePath(main!.today, "demo"), templatePath(day.today, "demo"));
      cpSync(stateDir(main!.today), stateDir(day.today), { recursive: true });
    }
    if (postgres) await carrySessionsToPostgres(templatePath(main!.today, "demo"), databaseAt(postgres.url, postgresTemplate(onPostgresDays[0]!, "demo")));
    const list = days.map((d) => d.today).join(", ");
    console.log(`e2e: templates for ${list}${postgres ? " (and on PostgreSQL)" : ""} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // The server would otherwise outlive a run whose setup failed (the next run's setup stops it too).
    postgres?.stop();
    throw error;
  }
  // The teardown: the PostgreSQL server goes when the run ends.
  return () => postgres?.stop();
}
