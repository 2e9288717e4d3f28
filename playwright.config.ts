import { defineConfig, devices } from "@playwright/test";
import { LAUNCH_OPTIONS } from "./e2e/support/browser";
import { londonToday } from "./e2e/support/dates";
import { MAX_WORKERS } from "./e2e/support/ports";

// "Today" for the app, the seed and the tests. Unset, it is the real day in London; set it to run the suite on an
// awkward day (npm run test:e2e:dates does). Workers inherit it from this process.
process.env.PATHWAYS_TODAY ||= londonToday();

// Each spec has its own database copy and server (e2e/support/trust.ts), so specs run side by side in any order.
// Each worker is a Chromium and a `next start`; on 2 cores, 3 workers keep both busy.
const workers = Math.min(MAX_WORKERS, Number(process.env.E2E_WORKERS ?? 3));

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Three browsers and three servers share two cores: a long journey with several axe checks can pass a minute.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: LAUNCH_OPTIONS,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
