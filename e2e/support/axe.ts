// The accessibility check run on every page an e2e test visits: WCAG 2.2 A and AA rules, no violations allowed.
//
// axe-core runs in the page itself (axe.run), injected once per document and asked for violations only. The
// @axe-core/playwright builder did the same work at about three times the cost: it injected the 500 kB script twice
// on every check, and opened a blank page per check to merge results across frames (Pathways has no frames), sending
// every passing node over the wire. On this suite that was two thirds of the end-to-end run (decision record 0014).
import axe from "axe-core";
import { expect, test, type Page } from "@playwright/test";
import type { Day } from "./days";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Violation = { id: string; impact: string | null; help: string; targets: string[] };

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/** Runs axe in the page and returns its violations, injecting axe-core when this document does not have it yet. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  const injected = await page.evaluate(() => typeof window.axe?.run === "function");
  if (!injected) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const results = await window.axe!.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, WCAG_TAGS);
}

export async function expectAccessible(page: Page) {
  // Every page of the main project is checked; the awkward days' projects repeat its journeys for the dates alone.
  const day = (test.info().project.use as { day?: Day }).day;
  if (day?.checkAccessibility === false) return;
  await test.step("axe", () => checkAccessible(page), { box: true });
}

async function checkAccessible(page: Page) {
  // After a client-side navigation Next sets the title a moment after the content: check the settled page.
  // (A page that never gets a title still fails below, on axe's document-title rule.)
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 5_000 }).catch(() => {});
  let violations = await axeViolations(page);
  // The wait above can pass on the previous page's title, which Next then swaps for the new one while axe runs (seen
  // once in 216 tests on a loaded machine). A title missing alone is checked again once the title has settled; a page
  // with no title at all fails the second check too.
  if (violations.length > 0 && violations.every((v) => v.id === "document-title")) {
    await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 5_000 }).catch(() => {});
    violations = await axeViolations(page);
  }
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.targets.join("\n  ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Go to a path and check the page is accessible. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await expectAccessible(page);
  return response;
}
