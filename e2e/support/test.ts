// The test every spec imports: Playwright's, with the spec's own trust (database copy and server) as its base URL,
// on the project's day (e2e/support/days.ts).
import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";
import { specPort } from "./ports";
import { stopTrust, trustFor, type DatabaseKind, type Trust, type TrustKind } from "./trust";
import { today } from "./dates";
import type { Day } from "./days";

export type TestOptions = {
  /** "empty": a production start with demo mode off and no users (the first-admin setup path). */
  trustKind: TrustKind;
};

export type WorkerOptions = {
  /** The project's day and time zone. */
  day: Day;
  /** The project's database: SQLite, or the PostgreSQL server global setup starts. */
  database: DatabaseKind;
};

/** What the browser reports when the Content-Security-Policy refuses something. */
const CSP_REPORT = "Content-Security-Policy violation:";

/** A context whose pages report every Content-Security-Policy violation to `violations`. */
async function watchPolicy(context: BrowserContext, violations: string[]) {
  // The event, reported through the console: Chromium's own "Refused to …" lines are browser log entries, which
  // Playwright's console event does not always carry. Playwright's init scripts are not subject to the policy.
  await context.addInitScript((prefix) => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(
        `${prefix} ${e.effectiveDirective} refused ${e.blockedURI || "inline"} on ${e.documentURI}` +
          (e.sourceFile ? ` (from ${e.sourceFile}:${e.lineNumber}:${e.columnNumber})` : ""),
      ),
    );
  }, CSP_REPORT);
  context.on("console", (message) => {
    const text = message.text();
    if (text.startsWith(CSP_REPORT) || (/^Refused to /.test(text) && text.includes("Content Security Policy"))) {
      violations.push(text);
    }
  });
}

/**
 * Every context a test opens (the page fixture's, and those specs and helpers make with browser.newContext or
 * newPage) is watched for the policy's refusals while the test runs: the wrapper is put back after it.
 */
async function watchContexts(browser: Browser, violations: string[]): Promise<() => void> {
  const newContext = browser.newContext;
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await newContext.apply(browser, args);
    await watchPolicy(context, violations);
    return context;
  };
  return () => {
    browser.newContext = newContext;
  };
}

export const test = base.extend<
  TestOptions & { trust: Trust; policyViolations: string[] },
  WorkerOptions & { onDay: void; workerTrusts: void }
>({
  day: [{ today: "" }, { option: true, scope: "worker" }],
  database: ["sqlite", { option: true, scope: "worker" }],
  // A worker runs one project's tests, so its process takes the project's day and time zone before anything else:
  // the servers it starts inherit them, and the specs' date helpers (./dates) read them.
  onDay: [
    async ({ day }, provide) => {
      if (day.today) process.env.PATHWAYS_TODAY = day.today;
      if (day.tz) process.env.TZ = day.tz;
      await provide();
    },
    { scope: "worker", auto: true },
  ],
  // Stops the worker's last server when the worker ends.
  workerTrusts: [
    async ({ onDay }, provide) => {
      void onDay;
      await provide();
      await stopTrust();
    },
    { scope: "worker", auto: true },
  ],
  trustKind: ["demo", { option: true }],
  trust: [
    async ({ trustKind, database, onDay }, provide, testInfo) => {
      void onDay;
      const trust = await trustFor(testInfo.file, {
        kind: trustKind,
        today: today(),
        database,
        parallelIndex: testInfo.parallelIndex,
        port: specPort(testInfo.parallelIndex),
      });
      await provide(trust);
    },
    { auto: true, timeout: 90_000 },
  ],
  baseURL: async ({ trust }, provide) => provide(trust.origin),
  // No page in any spec may trip the Content-Security-Policy (lib/security-headers.ts): a refused script or style is
  // a page that half works. Checked after the test, so what a test does last is covered too. The list is a fixture
  // so that the test of the watcher itself (e2e/security-headers.spec.ts) can read it.
  policyViolations: [
    async ({ browser }, provide) => {
      const violations: string[] = [];
      const restore = await watchContexts(browser, violations);
      try {
        await provide(violations);
      } finally {
        restore();
      }
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
