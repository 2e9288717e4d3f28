// Reference data: an admin adds a value (its code made from its name), finds it in the forms, retires it (and is told
// when it is already retired), then restores it. Others are refused by URL.
import { test, expect } from "./support/test";
import { errorSummary } from "./support/pages";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage } from "./support/roles";

test.describe.configure({ mode: "serial" });

const NAME = "Prison healthcare (e2e)";
const CODE = "prison-healthcare-e2e";
let valuePath = "";

test("an admin adds a care setting, fixing bad input, and it appears in the forms", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  await visit(page, "/admin/reference");
  await expect(page.getByRole("heading", { level: 1, name: "Reference data" })).toBeVisible();
  for (const list of ["Professions", "Care settings", "Bands", "Stages"]) {
    await expect(page.getByRole("heading", { level: 2, name: list })).toBeVisible();
  }
  await page.getByRole("link", { name: "Add a care setting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a care setting" })).toBeVisible();
  await expect(page).toHaveTitle("Add a care setting – Pathways");
  await expectAccessible(page);

  await page.getByLabel("Code").fill("Prison Healthcare!");
  await page.getByRole("button", { name: "Add care setting" }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText("Enter a name");
  await expect(summary).toContainText("Code can only contain lower-case letters");
  await expect(page.getByLabel("Code")).toHaveValue("Prison Healthcare!");
  await expectAccessible(page);

  await page.getByLabel("Name").fill("community");
  await page.getByLabel("Code").fill("community");
  await page.getByRole("button", { name: "Add care setting" }).click();
  await expect(summary).toContainText("The code community is already used by Community");

  // Left empty, the code is made from the name.
  await page.getByLabel("Name").fill(NAME);
  await page.getByLabel("Code").fill("");
  await page.getByRole("button", { name: "Add care setting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Added");
  await expect(page.getByText(CODE, { exact: true })).toBeVisible();
  await expectAccessible(page);
  valuePath = new URL(page.url()).pathname;

  await page.goto("/teams/new");
  await expect(page.getByLabel("Care setting (optional)").getByRole("option", { name: NAME })).toHaveCount(1);
  await page.context().close();
});

test("retiring takes it out of the forms; retiring it again says it is already retired; it can be restored", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  const stale = await page.context().newPage();
  await stale.goto(valuePath);

  await visit(page, valuePath);
  await page.getByRole("button", { name: "Retire care setting" }).click();
  await expect(page.getByRole("status")).toContainText("Retired");
  await expect(page.getByRole("button", { name: "Restore care setting" })).toBeVisible();
  await expectAccessible(page);

  // A second tab still showing the old page.
  await stale.getByRole("button", { name: "Retire care setting" }).click();
  await expect(stale.getByRole("alert").filter({ hasText: "Nothing was changed" })).toContainText(`${NAME} is already retired`);
  await expectAccessible(stale);

  await page.goto("/teams/new");
  await expect(page.getByLabel("Care setting (optional)").getByRole("option", { name: NAME })).toHaveCount(0);
  await visit(page, "/admin/reference");
  await expect(page.getByRole("row", { name: new RegExp(NAME.replace(/[()]/g, "\\$&")) })).toContainText("Retired");

  await page.goto(valuePath);
  await page.getByRole("button", { name: "Restore care setting" }).click();
  await expect(page.getByRole("status")).toContainText("Restored");
  await page.context().close();
});

test("renaming checks for duplicates and keeps the code", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  await page.goto(valuePath);
  await page.getByLabel("Name").fill("Outpatient");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(errorSummary(page)).toContainText("There is already a care setting called Outpatient");
  await expect(page.getByLabel("Name")).toHaveValue("Outpatient");
  await page.getByLabel("Name").fill(`${NAME} renamed`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${NAME} renamed` })).toBeVisible();
  await expect(page.getByText(CODE)).toBeVisible();
  await page.context().close();
});
