// Runs once before the specs: builds the app if the sources changed, seeds the template databases for every project's
// day (the demo trust on each; an empty production-style one on the main day), and signs each demo role in through
// the real form on a server over the main day's demo template, keeping the sessions (carried into the other days'
// templates). Each spec then runs on its own copy of a template (e2e/support/trust.ts).
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { chromium, expect, type Browser, type FullConfig } from "@playwright/test";
import Database from "better-sqlite3";
import { LAUNCH_OPTIONS } from "./support/browser";
import type { Day } from "./support/days";
import { TEMPLATE_PORT, originOf } from "./support/ports";
import { HOMES, LOGINS, PASSWORD, type DemoLogin } from "./support/roles";
import { E2E_DIR, serverEnv, startServer, stateDir, stopLeftover, stopServer, templatePath, type TrustKind } from "./support/trust";

function run(args: string[], env: NodeJS.ProcessEnv, label: string) {
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal}).`);
}

/** Seeds a template in a child process; several run side by side. */
async function seedTemplate(day: string, kind: TrustKind) {
  const path = templatePath(day, kind);
  mkdirSync(dirname(path), { recursive: true });
  const args = ["node_modules/tsx/dist/cli.mjs", "db/seed/cli.ts", "--reset", ...(kind === "demo" ? [] : ["--reference-only"])];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_PATH: path, PATHWAYS_TODAY: day } });
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`Seeding the ${kind} template for ${day} failed (exit ${code}).`);
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

export default async function globalSetup(config: FullConfig) {
  const days = projectDays(config);
  const started = Date.now();
  run(["scripts/build-if-needed.mjs"], process.env, "The build");
  // Servers an interrupted run left behind hold their ports: stop them before their records go.
  const slots = join(E2E_DIR, "workers");
  if (existsSync(slots)) for (const slot of readdirSync(slots)) await stopLeftover(join(slots, slot, "server.pid"));
  rmSync(E2E_DIR, { recursive: true, force: true });
  // Only the first-administrator spec uses the empty trust, and only in the main project.
  await Promise.all([...days.map(async (day) => await seedTemplate(day.today, "demo")), seedTemplate(days[0]!.today, "empty")]);
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
  const list = days.map((d) => d.today).join(", ");
  console.log(`e2e: templates for ${list} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
