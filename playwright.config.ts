import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { DEMO_ORIGIN, SETUP_ORIGIN, OIDC_PORT } from "./e2e/support/ports";

// System Chromium (Debian's package); `npx playwright install` cannot download here.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// E2E_PORT_BASE (e2e/support/ports.ts) lets a second checkout run the suite beside this one without port clashes.
const DEMO_PORT = new URL(DEMO_ORIGIN).port;
const SETUP_PORT = new URL(SETUP_ORIGIN).port;

/** A shell step that deletes the given folders, so each run starts from a fresh database. */
const fresh = (...dirs: string[]) =>
  `node -e "for (const d of ${JSON.stringify(dirs).replaceAll('"', "'")}) require('fs').rmSync(d, { recursive: true, force: true })"`;

const common = { reuseExistingServer: false, timeout: 240_000, stdout: "ignore" as const, stderr: "pipe" as const };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  // One at a time: specs that add workers would otherwise change the counts other specs check against the database.
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: DEMO_ORIGIN,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /global\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["sign-in"], testIgnore: /global\.setup\.ts/ },
  ],
  webServer: [
    {
      // The demo trust, seeded fresh for every run. Microsoft Entra ID points at the test's own OIDC provider.
      command: `${fresh(".e2e/demo", ".e2e/state")} && node scripts/start.mjs`,
      url: `${DEMO_ORIGIN}/login`,
      env: {
        PORT: DEMO_PORT,
        DATABASE_PATH: ".e2e/demo/pathways.db",
        PATHWAYS_DEMO: "1",
        AUTH_MICROSOFT_ENTRA_ID_ID: "pathways-e2e",
        AUTH_MICROSOFT_ENTRA_ID_SECRET: "e2e-client-secret-not-for-production",
        AUTH_MICROSOFT_ENTRA_ID_ISSUER: `http://localhost:${OIDC_PORT}`,
      },
      ...common,
    },
    {
      // A production-style start: demo mode off, an empty database, the first-admin setup path.
      // Playwright starts the servers one after another, so this one finds the build the first made.
      command: `${fresh(".e2e/empty")} && node scripts/start.mjs`,
      url: `${SETUP_ORIGIN}/login`,
      env: { PORT: SETUP_PORT, DATABASE_PATH: ".e2e/empty/pathways.db", PATHWAYS_DEMO: "0" },
      ...common,
    },
  ],
});
