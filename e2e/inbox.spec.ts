// The inbox: manager@demo.test's shows an overdue appraisal to book for one of their workers, found here straight
// from the demo database; the navigation carries the count; worker@demo.test sees only her own reminders;
// manager2@demo.test sees none about manager@demo.test's workers; each home (/me, /team) lists exactly what the inbox
// lists; a lead has no inbox. Screenshots at 1280, 390 and 360 px for review.
import { test, expect } from "./support/test";
import { mainNav, waitingLinks } from "./support/pages";
import type { Page } from "@playwright/test";
import { visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";
import { today, long, yearsOn } from "./support/dates";

test.describe.configure({ mode: "serial" });

type Row = { id: string; name: string; contractStart: string; lastHeld: string | null; open: number };


/** The in-post workers a manager manages (line-managed or in a team they manage), from the database directly. */
function managedWorkers(email: string): Row[] {
  const db = demoDb();
  try {
    return db
      .prepare(
        `select w.id, w.first_name || ' ' || w.last_name as name, w.contract_start as contractStart,
           (select max(a.held_on) from appraisals a where a.worker_id = w.id and a.status = 'completed') as lastHeld,
           exists (select 1 from appraisals a where a.worker_id = w.id and a.status in ('scheduled','in_progress','awaiting_sign_off')) as open
         from workers w, users u
         where u.email = ? and w.org_id = u.org_id and w.status = 'in_post'
           and (w.line_manager_id = u.id or w.team_id in (select team_id from team_managers where user_id = u.id))`,
      )
      .all(email) as Row[];
  } finally {
    db.close();
  }
}

const inboxNavLink = (page: Page) => mainNav(page).getByRole("link", { name: /^Inbox \(\d+ reminders?\)$/ });
const reminderItems = (page: Page) => page.getByRole("main").getByRole("listitem");

async function countInNav(page: Page) {
  const name = (await inboxNavLink(page).textContent()) ?? "";
  return Number(/\((\d+)/.exec(name)?.[1]);
}

async function hrefsOnPage(page: Page) {
  return reminderItems(page).getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
}

test("manager@demo.test's inbox shows an overdue appraisal to book for one of their workers, and the nav shows the count", async ({ browser }) => {
  const now = today();
  const overdue = managedWorkers(LOGINS.manager)
    .filter((w) => !w.open)
    .map((w) => ({ ...w, dueOn: yearsOn(w.lastHeld ?? w.contractStart, 1) }))
    .filter((w) => w.dueOn < now)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
  expect(overdue, "the demo data has a worker of manager@demo.test with an overdue appraisal and none booked").toBeDefined();

  const page = await signedInPage(browser, "manager");
  await visit(page, "/team");
  await inboxNavLink(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await visit(page, "/inbox");
  await expect(inboxNavLink(page)).toHaveAttribute("aria-current", "page");

  const overdueSection = page.getByRole("region", { name: /^Overdue/ });
  const book = page.getByRole("link", { name: "Book the appraisal", exact: true });
  const item = overdueSection.getByRole("listitem").filter({ hasText: overdue!.name }).filter({ has: book });
  await expect(item).toContainText(`Was due ${long(overdue!.dueOn)}`);
  await expect(item.getByRole("link", { name: "Book the appraisal", exact: true })).toHaveAttribute("href", `/workers/${overdue!.id}/appraisals`);

  const shown = await reminderItems(page).count();
  expect(shown).toBeGreaterThan(0);
  expect(await countInNav(page)).toBe(shown);

  // Overdue comes before due soon.
  const headings = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
  expect(headings[0]).toMatch(/^Overdue \(\d+\)$/);

  await page.screenshot({ path: "test-results/inbox-manager-1280.png", fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await visit(page, "/inbox");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: "test-results/inbox-manager-360.png", fullPage: true });

  // The link takes them to where it is dealt with.
  await page.setViewportSize({ width: 1280, height: 800 });
  await visit(page, "/inbox");
  await item.getByRole("link", { name: "Book the appraisal", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/workers/${overdue!.id}/appraisals$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await visit(page, page.url());
});

test("worker@demo.test sees only her own reminders", async ({ browser }) => {
  const own = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "worker");
  await visit(page, "/inbox");
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  const hrefs = await hrefsOnPage(page);
  expect(hrefs.length, "the demo data gives Chloe reminders of her own").toBeGreaterThan(0);
  expect(hrefs.length).toBe(await countInNav(page));
  for (const href of hrefs) expect(href.startsWith(`/workers/${own}/`), href).toBe(true);
  await page.screenshot({ path: "test-results/inbox-worker-1280.png", fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await visit(page, "/inbox");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: "test-results/inbox-worker-360.png", fullPage: true });
});

test("manager2@demo.test sees nothing about manager@demo.test's workers", async ({ browser }) => {
  const theirs = managedWorkers(LOGINS.manager2).map((w) => w.id);
  const others = managedWorkers(LOGINS.manager).filter((w) => !theirs.includes(w.id));
  expect(others.length).toBeGreaterThan(0);
  const page = await signedInPage(browser, "manager2");
  await visit(page, "/inbox");
  const hrefs = await hrefsOnPage(page);
  expect(hrefs.length, "manager2@demo.test has reminders about their own teams").toBeGreaterThan(0);
  expect(hrefs.length).toBe(await countInNav(page));
  for (const href of hrefs) {
    const id = /^\/workers\/([^/]+)\//.exec(href)?.[1];
    expect(theirs, href).toContain(id);
  }
  const text = (await page.getByRole("main").textContent()) ?? "";
  for (const w of others) expect(text).not.toContain(w.name);
});

test("each home lists what its inbox lists, and the navigation counts it: a support worker, and two managers", async ({ browser }) => {
  for (const [role, home] of [["worker", "/me"], ["manager", "/team"], ["manager2", "/team"]] as const) {
    const page = await signedInPage(browser, role);
    await visit(page, home);
    const onHome = await waitingLinks(page, home === "/me" ? "me" : "team");
    expect(onHome.length, `${role}'s home lists something waiting`).toBeGreaterThan(0);
    expect(onHome.length, role).toBe(await countInNav(page));
    if (role === "manager") {
      await page.screenshot({ path: "test-results/team-manager-1280.png", fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await visit(page, home);
      await page.screenshot({ path: "test-results/team-manager-390.png", fullPage: true });
    }
    if (role === "worker") {
      await page.setViewportSize({ width: 390, height: 844 });
      await visit(page, home);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: "test-results/me-worker-390.png", fullPage: true });
    }
    await visit(page, "/inbox");
    expect(await waitingLinks(page, "inbox"), role).toEqual(onHome);
    await page.context().close();
  }
});

test("a lead has no inbox: no link in the navigation, and the address is not found", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/workers");
  await expect(mainNav(page).getByRole("link", { name: /^Inbox/ })).toHaveCount(0);
  const response = await visit(page, "/inbox");
  expect(response?.status()).toBe(404);
});
