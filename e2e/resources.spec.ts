// The resources hub: each support worker sees their own profession's resources first; an admin adds one (after a
// bad address) and the profession's worker sees it; others cannot reach the admin screens.
import { test, expect } from "./support/test";
import { errorSummary, mainNav } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage } from "./support/roles";
import { demoDb } from "./support/demo-db";

test.describe.configure({ mode: "serial" });

const TITLE = "Physiotherapy e2e guide (resources.spec)";
let resourcePath = "";

function resourceId(title: string): string {
  const db = demoDb();
  try {
    return (db.prepare("select id from resources where title = ?").get(title) as { id: string }).id;
  } finally {
    db.close();
  }
}

/** The first section of the hub: whatever the reader sees first. */
const firstSection = (page: Page) => page.getByRole("main").getByRole("region").first();

test("a physiotherapy support worker sees the CSP's resources first", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  await visit(page, "/me");
  await mainNav(page).getByRole("link", { name: "Resources" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Resources" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Resources" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  const first = firstSection(page);
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("For your profession: Physiotherapy");
  const csp = first.getByRole("link", { name: "CSP associates and support workers network" });
  await expect(csp).toHaveAttribute("href", "https://www.csp.org.uk/networks/associates-support-workers");
  // Opens in the same tab, with the site shown beside it.
  await expect(csp).not.toHaveAttribute("target", /.+/);
  await expect(first.getByRole("listitem").filter({ has: page.getByRole("link", { name: "CSP associates and support workers network" }) })).toContainText("csp.org.uk");
  await expect(first).not.toContainText("RCSLT");
  await expect(page.getByRole("region", { name: "For everyone" }).getByRole("link", { name: "UNISON" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Other professions" }).getByRole("link", { name: "RCSLT support worker hub" })).toBeVisible();
  await page.context().close();
});

test("a speech and language therapy support worker sees the RCSLT first, and can filter by kind", async ({ browser }) => {
  const page = await signedInPage(browser, "worker2");
  await visit(page, "/resources");
  const first = firstSection(page);
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("For your profession: Speech and language therapy");
  await expect(first.getByRole("link").first()).toHaveText(/RCSLT|Royal College of Speech and Language Therapists/);
  await expect(first.getByRole("link", { name: "RCSLT support worker hub" })).toBeVisible();

  await page.getByLabel("Kind of resource").selectOption({ label: "Trade union" });
  await page.getByRole("button", { name: "Show resources" }).click();
  await expect(page).toHaveURL(/type=union/);
  await expect(firstSection(page)).toContainText("There are no resources of this kind for Speech and language therapy here yet");
  await expect(page.getByRole("region", { name: "For everyone" }).getByRole("link", { name: "UNISON" })).toBeVisible();
  await expect(page.getByRole("link", { name: "RCSLT support worker hub" })).toHaveCount(0);
  await expect(page.getByLabel("Kind of resource")).toHaveValue("union");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByRole("link", { name: "RCSLT support worker hub" })).toBeVisible();
  await page.context().close();
});

test("an admin adds a physiotherapy resource, fixing a bad address, and the physiotherapy worker sees it first", async ({ browser }) => {
  // Two people, five pages, each checked by axe: longer than one page's budget on a busy machine.
  test.slow();
  const page = await signedInPage(browser, "admin");
  await visit(page, "/resources");
  await page.getByRole("link", { name: "Manage resources" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Manage resources" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a resource" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a resource" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Web address").fill("example.org/resources-spec");
  await page.getByLabel("Kind of resource").selectOption({ label: "Role and responsibility guide" });
  await page.getByLabel("Profession").selectOption({ label: "Physiotherapy" });
  await page.getByLabel("Description (optional)").fill("Written by the resources spec.");
  await page.getByRole("button", { name: "Add resource" }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText("Enter a web address starting with https:// or www.");
  await expect(page.getByLabel("Title")).toHaveValue(TITLE);
  await expect(page.getByLabel("Web address")).toHaveValue("example.org/resources-spec");
  await expect(page.getByLabel("Profession")).toHaveValue(/.+/);
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Written by the resources spec.");
  await expectAccessible(page);

  // As people copy an address, from "www.": it is kept with the https:// it left out.
  await page.getByLabel("Web address").fill("www.example.org/resources-spec");
  await page.getByRole("button", { name: "Add resource" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Added");
  await expectAccessible(page);
  resourcePath = new URL(page.url()).pathname;

  const chloe = await signedInPage(browser, "worker");
  await visit(chloe, "/resources");
  await expect(firstSection(chloe).getByRole("link", { name: TITLE })).toHaveAttribute("href", "https://www.example.org/resources-spec");
  await chloe.context().close();
  await page.context().close();
});

test("an admin retires the resource and it leaves the hub; restoring brings it back", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  await visit(page, resourcePath);
  await page.getByRole("button", { name: "Retire resource" }).click();
  await expect(page.getByRole("status")).toContainText("Retired");
  await expectAccessible(page);
  await visit(page, "/resources");
  await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
  await page.goto(resourcePath);
  await page.getByRole("button", { name: "Restore resource" }).click();
  await expect(page.getByRole("status")).toContainText("Restored");
  await page.context().close();
});

test("a manager reads the hub and filters by profession, but cannot open the admin screens", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/resources");
  await expect(firstSection(page).getByRole("heading", { level: 2 })).toHaveText("For everyone");
  await page.getByLabel("Profession", { exact: true }).selectOption({ label: "Dietetics" });
  await page.getByRole("button", { name: "Show resources" }).click();
  await expect(firstSection(page).getByRole("heading", { level: 2 })).toHaveText("For Dietetics");
  await expect(firstSection(page).getByRole("link", { name: "BDA dietetic support workforce hub" })).toBeVisible();
  await expect(page.getByRole("link", { name: "CSP associates and support workers network" })).toHaveCount(0);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "Manage resources" })).toHaveCount(0);

  for (const path of ["/admin/resources", "/admin/resources/new", `/admin/resources/${resourceId("UNISON")}`]) {
    const response = await visit(page, path);
    expect(response?.status(), path).toBe(404);
  }
  await page.context().close();
});

test("a lead reads the hub", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/resources");
  await expect(page.getByRole("heading", { level: 1, name: "Resources" })).toBeVisible();
  await expect(page.getByRole("region", { name: "For everyone" })).toBeVisible();
  const response = await page.goto("/admin/resources");
  expect(response?.status()).toBe(404);
  await page.context().close();
});
