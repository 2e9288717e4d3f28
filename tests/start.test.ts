// What `npm start` runs before the server (db/seed/cli.ts --start): a production start without APP_URL stops before
// touching the database; a demonstration seeds the demo trust once; a production start loads the reference lists only.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

function start(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "pathways-start-"));
  const path = join(dir, "pathways.db");
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["PATHWAYS_DEMO", "APP_URL", "SMTP_HOST"]) delete base[k];
  const run = spawnSync(process.execPath, [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "db/seed/cli.ts", "--start"], {
    env: { ...base, DATABASE_PATH: path, ...env },
    encoding: "utf8",
  });
  const users = () => {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare("select count(*) as n from users").get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  return { status: run.status, out: run.stdout + run.stderr, path, users };
}

// Each test starts the seed CLI in a child process (transpiled by tsx, the demo seeded): seconds on a busy machine, where
// npm test runs the PostgreSQL unit suite beside this one.
describe("npm start's preparation", { timeout: 60_000 }, () => {
  it("refuses a production start without APP_URL, and creates no database", () => {
    const run = start({ PATHWAYS_DEMO: "0" });
    expect(run.status).toBe(1);
    expect(run.out).toContain("APP_URL is not set");
    expect(existsSync(run.path)).toBe(false);
  });

  it("gives a real address no demo unless asked, and says how to set up the first administrator", () => {
    const run = start({ APP_URL: "https://pathways.example.nhs.uk" });
    expect(run.status).toBe(0);
    expect(run.out).toContain("Demo mode is off. On an empty database, open https://pathways.example.nhs.uk/setup");
    expect(run.users()).toBe(0);
  });

  it("seeds the demo on a laptop and lists its logins", () => {
    const run = start({ PATHWAYS_TODAY: "2026-12-01" });
    expect(run.status).toBe(0);
    expect(run.out).toContain("Demo mode: sign in with any of these, password pathways-demo");
    expect(run.out).toContain("worker@demo.test");
    expect(run.users()).toBeGreaterThan(5);
  }, 60_000);
});
