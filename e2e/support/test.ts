// The test every spec imports: Playwright's, with the spec's own trust (database copy and server) as its base URL,
// on the project's day (e2e/support/days.ts).
import { test as base, expect } from "@playwright/test";
import { specPort } from "./ports";
import { stopTrust, trustFor, type Trust, type TrustKind } from "./trust";
import { today } from "./dates";
import type { Day } from "./days";

export type TestOptions = {
  /** "empty": a production start with demo mode off and no users (the first-admin setup path). */
  trustKind: TrustKind;
};

export type WorkerOptions = {
  /** The project's day and time zone. */
  day: Day;
};

export const test = base.extend<TestOptions & { trust: Trust }, WorkerOptions & { onDay: void; workerTrusts: void }>({
  day: [{ today: "" }, { option: true, scope: "worker" }],
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
    async ({ trustKind, onDay }, provide, testInfo) => {
      void onDay;
      const trust = await trustFor(testInfo.file, {
        kind: trustKind,
        today: today(),
        parallelIndex: testInfo.parallelIndex,
        port: specPort(testInfo.parallelIndex),
      });
      await provide(trust);
    },
    { auto: true, timeout: 90_000 },
  ],
  baseURL: async ({ trust }, provide) => provide(trust.origin),
});

export { expect };
