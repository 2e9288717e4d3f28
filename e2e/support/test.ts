// The test every spec imports: Playwright's, with the spec's own trust (database copy and server) as its base URL.
// The day is PATHWAYS_TODAY (playwright.config.ts sets it for every run), the time zone is TZ's.
import { test as base, expect } from "@playwright/test";
import { specPort } from "./ports";
import { stopTrust, trustFor, type Trust, type TrustKind } from "./trust";
import { today } from "./dates";

type Options = {
  /** "empty": a production start with demo mode off and no users (the first-admin setup path). */
  trustKind: TrustKind;
};

export const test = base.extend<Options & { trust: Trust }, { workerTrusts: void }>({
  // Stops the worker's last server when the worker ends.
  workerTrusts: [
    async ({}, provide) => {
      await provide();
      await stopTrust();
    },
    { scope: "worker", auto: true },
  ],
  trustKind: ["demo", { option: true }],
  trust: [
    async ({ trustKind }, provide, testInfo) => {
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
