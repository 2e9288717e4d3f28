// PDP goals as people use them: Daniel proposes a goal on his own PDP (fixing a missing title), reflects and records
// a barrier; his manager agrees it, adds an action for him, starts it, and drops another goal (a reason is needed);
// Daniel ticks his action off. Another team's manager gets 404; a lead reads with no forms.
import { test, expect } from "./support/test";
import { errorSummary } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage } from "./support/roles";
import { workerIdFor } from "./support/demo-db";

// Long paths with axe on every page: more time than the default minute.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const TITLE = "Use Makaton signs in group sessions (pdp-goals spec)";
const WHY = "Children in the group who use Makaton can join in (pdp-goals spec)";
const SECOND = "Shadow a dysphagia clinic (pdp-goals spec)";
const ACTION = "Watch the Makaton core vocabulary videos (pdp-goals spec)";
let danielId = "";
let goalPath = "";

const status = (page: Page) => page.getByRole("status");
const problem = (page: Page) => errorSummary(page);

test.beforeAll(() => {
  danielId = workerIdFor("worker2@demo.test");
});

test("Daniel proposes a goal on his own PDP, fixing a missing title", async ({ browser }) => {
  const page = await signedInPage(browser, "worker2");
  await visit(page, `/workers/${danielId}/pdp/goals/new`);
  await expect(page.getByRole("heading", { level: 1, name: "Propose a goal" })).toBeVisible();

  await page.getByLabel("Why does it matter?").fill(WHY);
  await page.getByLabel("How will success be seen?").fill("I sign the hello song and snack time without prompts");
  await page.getByRole("checkbox", { name: /Communication/ }).first().check();
  await page.getByRole("checkbox", { name: "Informal learning" }).check();
  await page.getByRole("button", { name: "Propose goal" }).click();

  await expect(problem(page).getByRole("link", { name: "Enter what the goal is" })).toHaveAttribute("href", "#title");
  await expect(page.getByLabel("Why does it matter?")).toHaveValue(WHY);
  await expect(page.getByRole("checkbox", { name: "Informal learning" })).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("What is the goal?").fill(TITLE);
  await page.getByRole("button", { name: "Propose goal" }).click();
  await expect(status(page)).toContainText("Goal proposed");
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText("Proposed, waiting for your manager to agree")).toBeVisible();
  await expect(page.getByText("You", { exact: true })).toBeVisible(); // proposed by
  goalPath = new URL(page.url()).pathname;
  await expectAccessible(page);
  await page.context().close();
});

test("Daniel adds a reflection and records a barrier ('Other' needs detail)", async ({ browser }) => {
  const page = await signedInPage(browser, "worker2");
  await visit(page, `${goalPath}?note=reflection`);
  await expect(page.getByRole("radio", { name: "Reflection" })).toBeChecked();
  await page.getByLabel("Note", { exact: true }).fill("I practised the signs with my daughter at home (pdp-goals spec)");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(status(page)).toContainText("Reflection added");
  await expect(page.getByText("I practised the signs with my daughter at home (pdp-goals spec)")).toBeVisible();
  await expect(page.getByLabel("Note", { exact: true })).toHaveValue("");
  await expectAccessible(page);

  await page.getByText("Record a barrier").click();
  await page.getByLabel("What got in the way").selectOption({ label: "Other" });
  await page.getByRole("button", { name: "Record barrier" }).click();
  await expect(problem(page)).toContainText("Describe the barrier when you choose Other");
  await page.getByLabel("What got in the way").selectOption({ label: "Time constraints" });
  await page.getByLabel("Detail", { exact: true }).fill("Group sessions overrun into my admin time (pdp-goals spec)");
  await page.getByRole("button", { name: "Record barrier" }).click();
  await expect(status(page)).toContainText("Barrier recorded");
  await expect(page.getByText("Group sessions overrun into my admin time (pdp-goals spec)")).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("Tunde agrees the goal, adds an action for Daniel and starts it", async ({ browser }) => {
  const page = await signedInPage(browser, "manager2");
  await visit(page, goalPath);
  await page.getByRole("button", { name: "Agree this goal" }).click();
  await expect(status(page)).toContainText("Goal agreed");
  await expect(page.getByRole("button", { name: "Agree this goal" })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("What will be done").fill(ACTION);
  await page.getByLabel("Who will do it").selectOption({ label: "Support worker" });
  await page.getByLabel("Due date (optional)").fill("2027-01-15");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(status(page)).toContainText("Action added");
  await expect(page.getByText(ACTION, { exact: true })).toBeVisible();

  await page.getByLabel("New status").selectOption({ label: "In progress" });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(status(page)).toContainText("Goal status changed");
  await expect(page.locator(".tag", { hasText: "In progress" })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("Tunde adds another goal and drops it, giving a reason on the second try", async ({ browser }) => {
  const page = await signedInPage(browser, "manager2");

  // Another goal, added by the manager (agreed at once), then dropped.
  await visit(page, `/workers/${danielId}/pdp/goals/new`);
  await page.getByLabel("What is the goal?").fill(SECOND);
  await page.getByRole("checkbox", { name: /Formal knowledge/ }).first().check();
  await page.getByRole("button", { name: "Add goal" }).click();
  await expect(status(page)).toContainText("Goal added");
  await page.getByLabel("New status").selectOption({ label: "Dropped" });
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(problem(page).getByRole("link", { name: "Give a reason for marking this goal dropped" })).toBeVisible();
  await expect(page.getByLabel("New status")).toHaveValue("dropped");
  await expectAccessible(page);
  await page.getByLabel("Reason", { exact: true }).fill("The clinic is moving to another site (pdp-goals spec)");
  await page.getByRole("button", { name: "Change status" }).click();
  await expect(status(page)).toContainText("Goal status changed");
  await expect(page.getByText("Dropped: The clinic is moving to another site (pdp-goals spec)")).toBeVisible();
  await page.context().close();
});

test("Daniel marks his action done", async ({ browser }) => {
  const page = await signedInPage(browser, "worker2");
  await visit(page, goalPath);
  await page.getByRole("button", { name: /^Mark done/ }).click();
  await expect(status(page)).toContainText("Action marked done");
  await expect(page.getByRole("button", { name: /^Mark not done/ })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("another team's manager gets 404; a lead reads the goal with no forms", async ({ browser }) => {
  const other = await signedInPage(browser, "manager");
  const response = await other.goto(goalPath);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(other);
  expect((await other.goto(`/workers/${danielId}/pdp/goals/new`))?.status()).toBe(404);
  await other.context().close();

  const lead = await signedInPage(browser, "lead");
  await visit(lead, goalPath);
  await expect(lead.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(lead.getByText(ACTION, { exact: true })).toBeVisible();
  await expect(lead.getByRole("main").locator("form")).toHaveCount(0);
  expect((await lead.goto(`${goalPath}/edit`))?.status()).toBe(404);
  await lead.context().close();
});
