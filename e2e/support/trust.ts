// Each spec's own trust: a fresh copy of a seeded template database behind the app's server (scripts/server.mjs, as
// `npm start` runs it), so specs run in parallel in any order and never see each other's changes. Global setup
// (e2e/global-setup.ts) makes the templates; the test fixture (e2e/support/test.ts) asks for a trust when a spec's
// first test starts.
//
// On PostgreSQL (the projects whose `database` is "postgres"), global setup starts a throwaway server and seeds a
// template database on it; a spec's database is a clone of it (CREATE DATABASE … TEMPLATE), with a server of its own
// started afresh for each spec, as a clone cannot be made while a server holds the database open.
//
// A worker keeps its server from spec to spec while the kind of trust and the day stay the same, and puts the
// template back into the server's database file in place (SQLite's online backup: one write transaction, which the
// server's connection sees like any other commit). Starting a server afresh for every spec cost about 2 s of CPU
// each, with every route's code cold again, about a tenth of the run on 2 cores. The server keeps nothing about the
// data in memory but kept insights, which follow the database's version and are never served stale here
// (INSIGHTS_MAX_STALE_SECONDS=0).
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { OIDC_PORT, originOf } from "./ports";
import { cloneClause, databaseAt } from "../../tests/support/postgres";

export type TrustKind = "demo" | "empty";
/** Which database the app runs on: the SQLite default, or PostgreSQL (decision record 0025). */
export type DatabaseKind = "sqlite" | "postgres";

/** Everything a server needs that does not depend on the spec: the same secret everywhere, so stored sessions work. */
export const E2E_AUTH_SECRET = "pathways-e2e-secret-not-for-production-0123456789";
export const ENTRA = { clientId: "pathways-e2e", clientSecret: "e2e-client-secret-not-for-production" };

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const E2E_DIR = join(ROOT, ".e2e");

/** Where global setup keeps a template database for a day (and kind). */
export const templatePath = (today: string, kind: TrustKind) => join(E2E_DIR, "templates", `${kind}-${today}.db`);
/** Where the demo roles' signed-in sessions for a day's template are kept. */
export const stateDir = (today: string) => join(E2E_DIR, "state", today);

/** The throwaway PostgreSQL server global setup starts (its `postgres` database's address), for the workers. */
export function postgresServer(): string {
  const url = process.env.E2E_POSTGRES_URL;
  if (!url) throw new Error("No PostgreSQL server for the e2e specs: global setup starts one for the postgres project unless E2E_POSTGRES=0.");
  return url;
}
/** The template database for a day (and kind) on the PostgreSQL server. */
export const postgresTemplate = (today: string, kind: TrustKind) => `e2e_${kind}_${today.replaceAll("-", "_")}`;

/**
 * Where a spec's data is: a SQLite file (`dbPath`), or a database on the PostgreSQL server (`databaseUrl`, with
 * `dbPath` naming it for messages).
 */
export type Trust = { origin: string; dbPath: string; databaseUrl?: string; kind: TrustKind; today: string };

type Running = Trust & { key: string; serverKey: string; server: ChildProcess; pidFile: string };

/** A server's environment; TZ comes from this process (npm run test:e2e:dates sets it). */
export function serverEnv(opts: { port: number; dbPath: string; databaseUrl?: string; kind: TrustKind; today: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(opts.port),
    DATABASE_PATH: opts.dbPath,
    // Set, the app runs on PostgreSQL; empty, on the SQLite file (whatever the machine's own environment says).
    DATABASE_URL: opts.databaseUrl ?? "",
    PATHWAYS_DEMO: opts.kind === "demo" ? "1" : "0",
    PATHWAYS_TODAY: opts.today,
    AUTH_SECRET: E2E_AUTH_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    // A spec's database is another spec's template put back: figures kept from the last spec must never be served.
    INSIGHTS_MAX_STALE_SECONDS: "0",
    // Microsoft Entra ID points at the single-sign-on spec's own OpenID Connect provider.
    AUTH_MICROSOFT_ENTRA_ID_ID: ENTRA.clientId,
    AUTH_MICROSOFT_ENTRA_ID_SECRET: ENTRA.clientSecret,
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: `http://localhost:${OIDC_PORT}`,
  };
}

/** Whether anything answers HTTP on a port. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/** Starts the built app the way `npm start` does (scripts/server.mjs, Next's handler behind our own) and waits until it answers. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const port = Number(env.PORT);
  // A server left over from an interrupted run would answer in this one's place, on another database.
  if (await answers(`${originOf(port)}/login`)) {
    throw new Error(`Something already answers on port ${port}: stop the server left from an earlier run, or set E2E_PORT_BASE.`);
  }
  const server = spawn(process.execPath, [join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  server.stderr?.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
    // E2E_SERVER_LOG=<file>: every server's errors, to debug a "problem with the service" page.
    if (process.env.E2E_SERVER_LOG) appendFileSync(process.env.E2E_SERVER_LOG, `[port ${port}] ${chunk.toString()}`);
  });
  const url = `${originOf(port)}/login`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server on port ${port} stopped (exit ${server.exitCode}):\n${errors}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill("SIGKILL");
  throw new Error(`The server on port ${port} did not answer within 60 s:\n${errors}`);
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.once("exit", () => r()));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Marks a database's stored sessions as just used (they were made when the run began, and would have timed out). */
function freshenSessions(dbPath: string) {
  const db = new Database(dbPath);
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("update login_sessions set last_seen_at = ? where ended_at is null").run(Date.now());
  } finally {
    db.close();
  }
}

/** Copies a template database to a file no server has open. */
function copyTemplate(template: string, dbPath: string) {
  if (!existsSync(template)) throw new Error(`No template database at ${template}: global setup makes it.`);
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  copyFileSync(template, dbPath);
  freshenSessions(dbPath);
}

/** Runs statements on a PostgreSQL database with a connection of its own. */
export async function onPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A clone of a PostgreSQL template database, made afresh under `name`, its stored sessions marked as just used. */
async function cloneTemplate(template: string, name: string): Promise<string> {
  const server = postgresServer();
  await onPostgres(server, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name} template ${template}${await cloneClause(client)}`);
  });
  const url = databaseAt(server, name);
  await onPostgres(url, async (client) => await client.query("update login_sessions set last_seen_at = $1 where ended_at is null", [Date.now()]));
  return url;
}

/** Puts a template back into a database a running server has open: every page replaced in one transaction. */
async function restoreTemplate(template: string, dbPath: string) {
  if (!existsSync(template)) throw new Error(`No template database at ${template}: global setup makes it.`);
  const source = new Database(template, { readonly: true });
  try {
    await source.backup(dbPath);
  } finally {
    source.close();
  }
  freshenSessions(dbPath);
}

/**
 * Stops the server an earlier worker in this slot left running (a worker that was killed rather than torn down),
 * so its port is free again.
 */
export async function stopLeftover(pidFile: string) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8"));
  rmSync(pidFile, { force: true });
  if (!pid) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// One trust at a time per worker process: a Playwright worker runs one spec file at a time.
let running: Running | undefined;

/**
 * The trust for a spec: the one already running for it; the worker's server with the template put back into its
 * database, when it runs the same kind of trust on the same day; or a fresh copy and a new server.
 */
export async function trustFor(
  spec: string,
  opts: { kind: TrustKind; today: string; database: DatabaseKind; parallelIndex: number; port: number },
): Promise<Trust> {
  const key = `${spec}|${opts.kind}|${opts.today}|${opts.database}`;
  const serverKey = `${opts.kind}|${opts.today}|${opts.database}`;
  if (running?.key === key && running.server.exitCode === null) return running;
  if (opts.database === "postgres") {
    await stopTrust();
    const dir = join(E2E_DIR, "workers", String(opts.parallelIndex));
    mkdirSync(dir, { recursive: true });
    await stopLeftover(join(dir, "server.pid"));
    const name = `e2e_worker_${opts.parallelIndex}`;
    const databaseUrl = await cloneTemplate(postgresTemplate(opts.today, opts.kind), name);
    const server = await startServer(serverEnv({ port: opts.port, dbPath: name, databaseUrl, kind: opts.kind, today: opts.today }));
    if (server.pid) writeFileSync(join(dir, "server.pid"), String(server.pid));
    running = { key, serverKey, server, pidFile: join(dir, "server.pid"), origin: originOf(opts.port), dbPath: name, databaseUrl, kind: opts.kind, today: opts.today };
    return running;
  }
  if (running?.serverKey === serverKey && running.server.exitCode === null) {
    await restoreTemplate(templatePath(opts.today, opts.kind), running.dbPath);
    running = { ...running, key };
    return running;
  }
  await stopTrust();
  const dir = join(E2E_DIR, "workers", String(opts.parallelIndex));
  mkdirSync(dir, { recursive: true });
  await stopLeftover(join(dir, "server.pid"));
  const dbPath = join(dir, "pathways.db");
  copyTemplate(templatePath(opts.today, opts.kind), dbPath);
  const server = await startServer(serverEnv({ port: opts.port, dbPath, kind: opts.kind, today: opts.today }));
  if (server.pid) writeFileSync(join(dir, "server.pid"), String(server.pid));
  running = { key, serverKey, server, pidFile: join(dir, "server.pid"), origin: originOf(opts.port), dbPath, kind: opts.kind, today: opts.today };
  return running;
}

export async function stopTrust(): Promise<void> {
  if (!running) return;
  const { server, pidFile } = running;
  running = undefined;
  await stopServer(server);
  rmSync(pidFile, { force: true });
}

/** The SQLite database of the spec that is running in this worker (for expected figures worked out independently). */
export function currentDbPath(): string {
  if (!running) throw new Error("No trust is running: use the test from e2e/support/test.ts.");
  if (running.databaseUrl) throw new Error("This spec's trust is on PostgreSQL: read it with e2e/support/data.ts, which reads either kind.");
  return running.dbPath;
}

/** The running spec's trust (for e2e/support/data.ts). */
export function currentTrust(): Trust {
  if (!running) throw new Error("No trust is running: use the test from e2e/support/test.ts.");
  return running;
}
