import { defineConfig, devices } from "@playwright/test";
import { LAUNCH_OPTIONS } from "./e2e/support/browser";
import { londonToday } from "./e2e/support/dates";
import { AWKWARD_DAYS, DATE_SENSITIVE_SPECS, type Day } from "./e2e/support/days";
import { POSTGRES_ONLY_SPECS, POSTGRES_SPECS } from "./e2e/support/databases";
import { MAX_WORKERS } from "./e2e/support/ports";
import type { TestOptions, WorkerOptions } from "./e2e/support/test";

// "Today" for the app, the seed and the tests in the main project. Unset, it is the real day in London; set it to run
// the whole suite on another day. Each project's workers take their day from the project (e2e/support/test.ts).
process.env.PATHWAYS_TODAY ||= londonToday();
const today: Day = { today: process.env.PATHWAYS_TODAY, tz: process.env.TZ };

/** A project on a day: its workers, servers and browser all have that day and time zone. */
const on = (day: Day, database: "sqlite" | "postgres" = "sqlite") => ({
  ...devices["Desktop Chrome"],
  day,
  database,
  ...(day.tz ? { timezoneId: day.tz } : {}),
  launchOptions: { ...LAUNCH_OPTIONS, env: { ...process.env, ...(day.tz ? { TZ: day.tz } : {}) } },
});

// Each spec has its own database copy and server (e2e/support/trust.ts), so specs run side by side in any order.
// Each worker is a Chromium and a `next start`; on 2 cores, 3 workers keep both busy.
const workers = Math.min(MAX_WORKERS, Number(process.env.E2E_WORKERS ?? 3));

export default defineConfig<TestOptions, WorkerOptions>({
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
    // Traces cost a third of the run; a failure still leaves its screenshot and page snapshot. To debug one, add
    // `--trace retain-on-failure`.
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: POSTGRES_ONLY_SPECS.map((spec) => `${spec}.spec.ts`), use: on(today) },
    // The chosen specs again with the app on PostgreSQL, and the specs that need it (several instances over one
    // database), on a throwaway server global setup starts (e2e/support/databases.ts).
    { name: "postgres", testMatch: [...POSTGRES_SPECS, ...POSTGRES_ONLY_SPECS].map((spec) => `${spec}.spec.ts`), use: on(today, "postgres") },
    // The date-sensitive specs again on awkward days, each day its chosen ones (--project=chromium runs today's alone).
    ...AWKWARD_DAYS.map((day) => ({
      name: `${day.today} ${day.tz}`,
      testMatch: (day.specs ?? DATE_SENSITIVE_SPECS).map((spec) => `${spec}.spec.ts`),
      use: on(day),
    })),
  ],
});
