// Pages work on a 360 px phone: nothing pushes the page sideways, the navigation and sign-out stay reachable.
import { test, expect } from "./support/test";
import { visit } from "./support/axe";
import { HOMES, LOGINS, storageState, type DemoLogin } from "./support/roles";
import { workerIdFor } from "./support/demo-db";

/** A worker's own record page, found when the test runs (ids come from the freshly seeded database). */
const own = (tab: string) => () => `/workers/${workerIdFor(LOGINS.worker)}/${tab}`;

const PAGES: Array<[DemoLogin, string | (() => string), string, string?]> = [
  ["worker", HOMES.worker.path, HOMES.worker.heading],
  ["manager", HOMES.manager.path, HOMES.manager.heading],
  ["lead", HOMES.lead.path, HOMES.lead.heading],
  ["admin", HOMES.admin.path, HOMES.admin.heading],
  ["manager", "/workers", "Workers"],
  ["worker", own("competencies"), "Competencies", "their competencies page"],
  ["worker", own("cpd"), "CPD and training", "their CPD page"],
];

for (const [who, where, heading, label = String(where)] of PAGES) {
  test(`${who}: ${label} fits a 360 px screen`, async ({ browser }) => {
    const path = typeof where === "string" ? where : where();
    const context = await browser.newContext({ storageState: storageState(who), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await visit(page, path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    await context.close();
  });
}
