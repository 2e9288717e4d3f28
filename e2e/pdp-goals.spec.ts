// PDP goals as people use them: Daniel proposes a goal on his own PDP (fixing a missing title), then on his phone one
// with an impossible target date and a pasted title too long, both kept and explained; he reflects and records a
// barrier; his manager agrees it, adds an action for him, starts it, and drops another goal (a reason is needed);
// Daniel ticks his action off. Another team's manager gets 404; a lead reads with no forms.
import { test, expect } from "./support/test";
import { dateField, errorSummary, expectDateParts, fillDate, fillDateParts } from "./support/pages";
import { today } from "./support/dates";
import type { Browser, Locator, Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage } from "./support/roles";
import { workerIdFor } from "./support/demo-db";

// Long paths with axe on every page: more time than the default minute.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const TITLE = "Use Makaton signs in group sessions (pdp-goals spec)";
const WHY = "Children in the group who use Makaton can join in (pdp-goals spec)";
const SECOND = "Shadow a dysphagia clinic (pdp-goals spec)";
const ACTION = "Watch the Makaton core vocabulary videos (pdp-goals spec)";
const SECOND_TITLE = "Lead a Makaton song at the family group (pdp-goals spec)";
const THIRD_TITLE = "Sign the stories at the library session (pdp-goals spec)";
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

/** The first leap year after this one, and the year before it (never a leap year). */
function leapYearAhead() {
  let year = Number(today().slice(0, 4)) + 1;
  while (!(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) year += 1;
  return { leap: String(year), common: String(year - 1) };
}

/** Whether an element's top edge is inside the window (not scrolled off above or below). */
async function topInView(page: Page, element: Locator) {
  const box = await element.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y < height;
}

/** Daniel's new-goal form on a phone. */
async function newGoalOnPhone(browser: Browser) {
  const page = await signedInPage(browser, "worker2");
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, `/workers/${danielId}/pdp/goals/new`);
  return page;
}

test("an impossible target date is refused in words and what was typed stays; 29 February needs a leap year", async ({ browser }) => {
  const page = await newGoalOnPhone(browser);
  const summary = errorSummary(page);
  const target = dateField(page, "Target date");
  const { leap, common } = leapYearAhead();
  await expect(target).toContainText("For example, 27 3 2026");
  await page.getByLabel("What is the goal?").fill(SECOND_TITLE);
  await page.getByRole("checkbox", { name: /Communication/ }).first().check();

  await fillDateParts(page, "Target date", { day: "31", month: "2", year: leap });
  await page.getByRole("button", { name: "Propose goal" }).click();
  await expect(summary.getByRole("link", { name: "The target date must be a real date" })).toHaveAttribute("href", "#targetDate");
  await expectDateParts(page, "Target date", { day: "31", month: "2", year: leap });
  await expect(page.getByLabel("What is the goal?")).toHaveValue(SECOND_TITLE);
  await expect(target.getByLabel("Day", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  // A two-digit year and a missing month are each told apart, and only the part at fault is marked.
  await fillDateParts(page, "Target date", { day: "29", month: "2", year: leap.slice(2) });
  await page.getByRole("button", { name: "Propose goal" }).click();
  await expect(summary.getByRole("link", { name: "The target date must have a year with 4 numbers, for example 27 3 2026" })).toBeVisible();
  await expect(target.getByLabel("Year", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(target.getByLabel("Day", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await fillDateParts(page, "Target date", { day: "29", month: "", year: common });
  await page.getByRole("button", { name: "Propose goal" }).click();
  await expect(summary.getByRole("link", { name: "The target date must include a month" })).toBeVisible();
  await expectDateParts(page, "Target date", { day: "29", month: "", year: common });
  await fillDateParts(page, "Target date", { day: "29", month: "2", year: common });
  await page.getByRole("button", { name: "Propose goal" }).click();
  await expect(summary.getByRole("link", { name: "The target date must be a real date" })).toBeVisible();

  await fillDate(page, "Target date", `${leap}-02-29`);
  await page.getByRole("button", { name: "Propose goal" }).click();
  await expect(status(page)).toContainText("Goal proposed");
  await expect(page.getByRole("heading", { level: 1, name: SECOND_TITLE })).toBeVisible();
  await expect(page.locator("dt", { hasText: "Target date" }).locator("+ dd")).toHaveText(`29 February ${leap}`);
  await page.context().close();
});

test("a pasted 712-character title is kept whole, counted, and refused with its limit", async ({ browser }) => {
  const page = await newGoalOnPhone(browser);
  const title = page.getByLabel("What is the goal?");
  await expect(page.getByText("You can enter up to 200 characters")).toBeAttached();
  const pasted = "Learn Makaton to the level of the foundation workshop and use it in every group session (pdp-goals spec). ".repeat(7).slice(0, 712);
  await title.fill(pasted);
  await expect(title).toHaveValue(pasted);
  await expect(page.getByText("You have 512 characters too many")).toBeVisible();
  await page.getByRole("checkbox", { name: /Communication/ }).first().check();
  await page.getByRole("button", { name: "Propose goal" }).click();

  await expect(errorSummary(page).getByRole("link", { name: "The goal must be 200 characters or fewer" })).toHaveAttribute("href", "#title");
  await expect(title).toHaveValue(pasted);
  await expect(page.getByText("You have 512 characters too many")).toBeVisible();
  await expectAccessible(page);

  // Cut to fit, the count says what is left.
  await title.fill(pasted.slice(0, 190));
  await expect(page.getByText("You have 10 characters remaining")).toBeVisible();
  await page.context().close();
});

test("the summary's links keep each question in sight, the title says Error and matches the heading, and each part of a date shows the focus ring", async ({ browser }) => {
  const page = await newGoalOnPhone(browser);
  await expect(page.getByRole("heading", { level: 1, name: "Propose a goal" })).toBeVisible();
  await expect(page).toHaveTitle("Propose a goal – Pathways");
  const target = dateField(page, "Target date");
  await fillDateParts(page, "Target date", { day: "31", month: "4", year: leapYearAhead().leap });
  await page.getByRole("button", { name: "Propose goal" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "Enter what the goal is" })).toHaveAttribute("href", "#title");
  await expect(page).toHaveTitle("Error: Propose a goal – Pathways");

  // Each link goes to its field with the label (or the date's legend) and the message still in sight above it.
  await summary.getByRole("link", { name: "Enter what the goal is" }).click();
  await expect(page.getByLabel("What is the goal?")).toBeFocused();
  expect(await topInView(page, page.getByText("What is the goal?", { exact: true }))).toBe(true);
  expect(await topInView(page, page.locator("#title-error"))).toBe(true);
  await page.evaluate(() => window.scrollTo(0, 0));
  await summary.getByRole("link", { name: "The target date must be a real date" }).click();
  await expect(target.getByLabel("Day", { exact: true })).toBeFocused();
  expect(await topInView(page, target.locator("legend"))).toBe(true);
  expect(await topInView(page, page.locator("#targetDate-error"))).toBe(true);

  // Each part of the date shows the focus ring as the keyboard reaches it.
  for (const [i, part] of ["Day", "Month", "Year"].entries()) {
    if (i > 0) await page.keyboard.press("Tab");
    const input = target.getByLabel(part, { exact: true });
    await expect(input).toBeFocused();
    await expect(input).toHaveCSS("outline-style", "solid");
    await expect(input).toHaveCSS("outline-width", "4px");
  }

  // Put right, the page it goes to has no "Error:" in its title.
  await page.getByLabel("What is the goal?").fill(THIRD_TITLE);
  await page.getByRole("checkbox", { name: /Communication/ }).first().check();
  await fillDateParts(page, "Target date", { day: "", month: "", year: "" });
  await page.getByRole("button", { name: "Propose goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: THIRD_TITLE })).toBeVisible();
  await expect(page.locator("dt", { hasText: "Target date" }).locator("+ dd")).toHaveText("Not recorded");
  await expect(page).not.toHaveTitle(/^Error:/);
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
  await fillDate(page, "Due date (optional)", "2027-01-15");
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
  await expect(page).toHaveTitle("Add a goal – Pathways");
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
