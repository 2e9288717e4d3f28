// Teams: everyone but support workers sees the teams they may see, with their size by role; an admin adds, edits and
// archives teams, and cannot archive one with workers in post.
import { test, expect } from "./support/test";
import { errorSummary, mainNav } from "./support/pages";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, storageState } from "./support/roles";
import { demoDb } from "./support/demo-db";

test.describe.configure({ mode: "serial" });

const TEAM = "Hand Therapy (e2e)";

function inPost(teamName: string): { headcount: number; fte: number } {
  const db = demoDb();
  try {
    return db
      .prepare("select count(*) as headcount, round(coalesce(sum(w.fte), 0), 2) as fte from workers w join teams t on t.id = w.team_id where t.name = ? and w.status = 'in_post'")
      .get(teamName) as { headcount: number; fte: number };
  } finally {
    db.close();
  }
}

test("a manager sees only the teams they manage, with their size in headcount and FTE", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/teams");
  await expect(mainNav(page).getByRole("link", { name: "Teams" })).toHaveAttribute("aria-current", "page");
  const names = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
  expect(names).toEqual(["Acute Physiotherapy", "Community Occupational Therapy"]);

  const acute = inPost("Acute Physiotherapy");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Acute Physiotherapy" }) });
  const total = card.getByRole("row", { name: /^Total/ });
  await expect(total.getByRole("cell").first()).toHaveText(String(acute.headcount));

  await card.getByRole("link", { name: "Acute Physiotherapy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Acute Physiotherapy" })).toBeVisible();
  await expectAccessible(page);
  const workers = page.getByRole("region", { name: "Support workers in post, table" }).getByRole("row");
  await expect(workers).toHaveCount(acute.headcount + 1);
  await expect(page.getByRole("link", { name: "Edit team" })).toHaveCount(0);

  // Another manager's team answers 404.
  const db = demoDb();
  const other = db.prepare("select id from teams where name = 'Dietetics'").get() as { id: string };
  db.close();
  expect((await page.goto(`/teams/${other.id}`))?.status()).toBe(404);
  expect((await page.goto(`/teams/${other.id}/edit`))?.status()).toBe(404);
  await page.context().close();
});

test("a lead sees every team", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/teams");
  const db = demoDb();
  const { n } = db.prepare("select count(*) as n from teams where archived_at is null").get() as { n: number };
  db.close();
  await expect(page.getByRole("status")).toContainText(`${n} teams`);
  await expect(page.getByRole("link", { name: "Add a team" })).toHaveCount(0);
  await page.context().close();
});

test("an admin adds a team, fixing bad input on the way, then edits and archives it", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  await visit(page, "/teams");
  await page.getByRole("link", { name: "Add a team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a team" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Service (optional)").fill("Musculoskeletal services");
  await page.getByRole("group", { name: /Professions/ }).getByLabel("Physiotherapy").check();
  await page.getByRole("button", { name: "Add team" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "Enter the team's name" })).toHaveAttribute("href", "#name");
  await expect(page.getByLabel("Service (optional)")).toHaveValue("Musculoskeletal services");
  await expect(page.getByRole("group", { name: /Professions/ }).getByLabel("Physiotherapy")).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("Team name").fill("acute physiotherapy");
  await page.getByRole("button", { name: "Add team" }).click();
  await expect(summary).toContainText("There is already a team called Acute Physiotherapy");

  await page.getByLabel("Team name").fill(TEAM);
  await page.getByLabel("Care setting (optional)").selectOption({ label: "Outpatient" });
  await page.getByRole("button", { name: "Add team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TEAM })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Team added");
  await expect(page.getByText("No support workers in post.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Edit team" }).click();
  await expect(page.getByLabel("Team name")).toHaveValue(TEAM);
  await expect(page.getByRole("group", { name: /Professions/ }).getByLabel("Physiotherapy")).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Service (optional)").fill("Hand and upper limb");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved");
  await expect(page.getByText("Hand and upper limb").first()).toBeVisible();

  await page.getByRole("button", { name: "Archive team" }).click();
  await expect(page.getByRole("status")).toContainText("Team archived");
  await expect(page.getByRole("button", { name: "Restore team" })).toBeVisible();
  await visit(page, "/teams?archived=1");
  await expect(page.getByRole("heading", { level: 2, name: TEAM })).toBeVisible();
  await page.context().close();
});

test("a team with workers in post cannot be archived, and the admin is told why", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  await visit(page, "/teams?q=Dietetics");
  await page.getByRole("link", { name: "Dietetics", exact: true }).click();
  await page.getByRole("button", { name: "Archive team" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "The team was not archived" });
  await expect(alert).toContainText(/Dietetics cannot be archived: \d+ support workers? (is|are) in post in it/);
  await expectAccessible(page);
  await page.context().close();
});

test("the teams list fits a 360 px screen", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("lead"), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await visit(page, "/teams");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
  await context.close();
});
