// `npm start`: build when the sources changed, migrate and seed, then serve. One command for a fresh machine.
// The database is SQLite's file at DATABASE_PATH, or DATABASE_URL's PostgreSQL server when that is set: either way
// db/seed/cli.ts --start applies its migrations before the server starts (PostgreSQL's under a lock, so instances
// starting together take turns).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { randomBytes } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const env = { ...process.env };
env.PORT ||= "3000";
env.DATABASE_PATH ||= "data/pathways.db";
// No usage data leaves an NHS installation.
env.NEXT_TELEMETRY_DISABLED ||= "1";

// Where the database is, fit to print: a PostgreSQL server's host and database, never its user or password.
function databaseName() {
  if (!env.DATABASE_URL) return env.DATABASE_PATH;
  try {
    const url = new URL(env.DATABASE_URL);
    return `PostgreSQL at ${url.host}${url.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

// AUTH_SECRET signs session tokens. Generated once and kept beside the database (never in git) unless set.
if (!env.AUTH_SECRET) {
  const secretFile = join(dirname(resolve(env.DATABASE_PATH)), ".auth-secret");
  if (!existsSync(secretFile)) {
    // The data folder is the app user's alone, as db/client.ts makes it when it gets there first.
    mkdirSync(dirname(secretFile), { recursive: true, mode: 0o700 });
    writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`Generated a new AUTH_SECRET in ${secretFile}`);
  }
  env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  // Each machine would make its own, and a session signed by one instance would be refused by the others.
  if (env.DATABASE_URL) console.log(`AUTH_SECRET is not set: using ${secretFile}. Several instances must share one: set AUTH_SECRET on each.`);
}

function run(args, label) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

buildIfNeeded(env);

// The migrations, demo mode or not (lib/env.ts demoMode), the reference lists, the demo trust on an empty database in
// demo mode, and how to sign in; a production start without APP_URL stops here, and so does a failed migration.
run([join(root, "node_modules/tsx/dist/cli.mjs"), "db/seed/cli.ts", "--start"], "Preparing the database");

console.log(`\nPathways is starting on http://localhost:${env.PORT}  (database: ${databaseName()})`);
if (env.PATHWAYS_TODAY) console.log(`Today is pinned to ${env.PATHWAYS_TODAY} (PATHWAYS_TODAY): for tests and demonstrations only.`);

// Next's server behind scripts/server.mjs, which works out each client's address (TRUSTED_PROXY); not `next start`.
const server = spawn(process.execPath, [join(root, "scripts/server.mjs")], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
