// Runs once before the specs: builds the app if the sources changed, seeds the day's template databases (the demo
// trust, and an empty production-style one), and signs each demo role in through the real form on a server over the
// demo template, keeping the sessions. Each spec then runs on its own copy of a template (e2e/support/trust.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium, expect } from "@playwright/test";
import Database from "better-sqlite3";
import { LAUNCH_OPTIONS } from "./support/browser";
import { today } from "./support/dates";
import { TEMPLATE_PORT, originOf } from "./support/ports";
import { HOMES, LOGINS, PASSWORD, type DemoLogin } from "./support/roles";
import { E2E_DIR, serverEnv, startServer, stateDir, stopLeftover, stopServer, templatePath, type TrustKind } from "./support/trust";

function run(args: string[], env: NodeJS.ProcessEnv, label: string) {
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal}).`);
}

function seedTemplate(day: string, kind: TrustKind) {
  const path = templatePath(day, kind);
  mkdirSync(dirname(path), { recursive: true });
  run(
    ["node_modules/tsx/dist/cli.mjs", "db/seed/cli.ts", "--reset", ...(kind === "demo" ? [] : ["--reference-only"])],
    { ...process.env, DATABASE_PATH: path, PATHWAYS_TODAY: day },
    `Seeding the ${kind} template for ${day}`,
  );
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

async function signInRoles(day: string) {
  const path = templatePath(day, "demo");
  const server = await startServer(serverEnv({ port: TEMPLATE_PORT, dbPath: path, kind: "demo", today: day }));
  const browser = await chromium.launch(LAUNCH_OPTIONS).catch(async (error: unknown) => {
    await stopServer(server);
    throw error;
  });
  try {
    mkdirSync(stateDir(day), { recursive: true });
    await Promise.all(
      (Object.keys(LOGINS) as DemoLogin[]).map(async (who) => {
        const context = await browser.newContext({ baseURL: originOf(TEMPLATE_PORT) });
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
    await browser.close();
    await stopServer(server);
  }
  checkpoint(path);
}

export default async function globalSetup() {
  const day = today();
  const started = Date.now();
  run(["scripts/build-if-needed.mjs"], process.env, "The build");
  // Servers an interrupted run left behind hold their ports: stop them before their records go.
  const slots = join(E2E_DIR, "workers");
  if (existsSync(slots)) for (const slot of readdirSync(slots)) await stopLeftover(join(slots, slot, "server.pid"));
  rmSync(E2E_DIR, { recursive: true, force: true });
  seedTemplate(day, "demo");
  seedTemplate(day, "empty");
  await signInRoles(day);
  console.log(`e2e: templates for ${day} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
