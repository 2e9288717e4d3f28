// Pages work on a 360 px phone: nothing pushes the page sideways, the navigation and sign-out stay reachable.
import { test, expect } from "./support/test";
import { expectAccessible, visit } from "./support/axe";
import { mainNav } from "./support/pages";
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

/** The worker's own pages on a phone (issue 17): her PDP is in the main navigation, and the record's nine sections fold into one line. */
test("worker: on a 360 px phone My PDP is in the main navigation and her record's sections fold into one line", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("worker"), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const workerId = workerIdFor(LOGINS.worker);
  await visit(page, "/me");
  const myPdp = mainNav(page).getByRole("link", { name: "My PDP" });
  await expect(myPdp).toBeInViewport();
  await myPdp.click();
  await expect(page).toHaveURL(`/workers/${workerId}/pdp`);
  await expect(page.getByRole("heading", { level: 1, name: "Personal development plan" })).toBeVisible();
  await expectAccessible(page);
  await expect(myPdp).toHaveAttribute("aria-current", "page");

  // Eight tabs (nine now) wrapped to four rows (177 px) before the page began; folded, they take one line and open on a tap.
  const sections = page.getByRole("navigation", { name: "Worker record" });
  expect((await sections.boundingBox())?.height, "height of the record's navigation in px").toBeLessThanOrEqual(60);
  await expect(sections.getByRole("link")).toHaveCount(0);
  await sections.getByText("Sections of my record").click();
  await expect(sections.getByRole("link")).toHaveCount(9);
  await expect(sections.getByRole("link", { name: "PDP", exact: true })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);
  await sections.getByRole("link", { name: "Appraisals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appraisals" })).toBeVisible();
  await expectAccessible(page);
  // Her record belongs to "My development"; only her PDP has an item of its own.
  await expect(mainNav(page).getByRole("link", { name: "My development" })).toHaveAttribute("aria-current", "page");
  await expect(myPdp).not.toHaveAttribute("aria-current", "page");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
  await context.close();
});

test("worker: at 1280 px My PDP is in the main navigation and her record's sections are a row of tabs", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("worker"), viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await visit(page, `/workers/${workerIdFor(LOGINS.worker)}/pdp/goals/new`);
  await expect(mainNav(page).getByRole("link", { name: "My PDP" })).toHaveAttribute("aria-current", "page");
  const sections = page.getByRole("navigation", { name: "Worker record" });
  await expect(sections.getByRole("link")).toHaveCount(9);
  await expect(sections.getByRole("link", { name: "Competencies" })).toBeInViewport();
  await expect(sections.getByText("Sections of my record")).toBeHidden();
  await context.close();
});
