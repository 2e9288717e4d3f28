// Supervision and delegation, as people use them: Chloe's manager records a supervision session (fixing a future
// date on the way), delegates two tasks, one recorded with its review already gone by and so flagged at once; Chloe
// reads her own page without forms; a lead reads; another team's manager gets 404; the manager reviews the flagged
// task and ends the other.
import { test, expect } from "./support/test";
import { errorSummary, expectDate, fillDate } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { workerIdFor } from "./support/demo-db";
import { today, shift, long } from "./support/dates";

test.describe.configure({ mode: "serial", timeout: 180_000 });


const SUMMARY = "supervision.spec: transfers on the orthopaedic ward, confidence growing";
const ACTIONS = "supervision.spec: shadow the band 6 at two Tuesday clinics";
const TASK_CURRENT = "supervision.spec: gait re-education with a walking aid";
const TASK_OLD = "supervision.spec: sit-to-stand practice with frail older adults";

const taskCard = (page: Page, task: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: task }) });

test("Chloe's manager records a session, fixing a future date, and delegates two tasks", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "manager");
  await visit(page, `/workers/${chloe}/supervision`);
  await expect(page.getByRole("heading", { level: 1, name: "Supervision and delegation" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Supervision and delegation" })).toHaveAttribute("aria-current", "page");

  await expectDate(page, "Date of the session", today());
  await fillDate(page, "Date of the session", shift(today(), 1));
  await page.getByRole("group", { name: "Type of supervision" }).getByLabel("Clinical").check();
  await page.getByLabel("Supervisor", { exact: true }).selectOption({ label: "Claire Donnelly" });
  await page.getByLabel("Summary", { exact: true }).fill(SUMMARY);
  await page.getByLabel("Agreed actions (optional)").fill(ACTIONS);
  await page.getByRole("button", { name: "Record the session" }).click();

  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "The date of the session cannot be in the future" })).toHaveAttribute("href", "#heldOn");
  await expect(page.getByLabel("Summary", { exact: true })).toHaveValue(SUMMARY);
  await expect(page.getByLabel("Agreed actions (optional)")).toHaveValue(ACTIONS);
  await expect(page.getByRole("group", { name: "Type of supervision" }).getByLabel("Clinical")).toBeChecked();
  await expectAccessible(page);

  await fillDate(page, "Date of the session", today());
  await page.getByRole("button", { name: "Record the session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Supervision session recorded" })).toBeVisible();
  const session = page.getByRole("listitem").filter({ hasText: SUMMARY });
  await expect(session.getByRole("heading", { name: `${long(today())}: clinical supervision` }).first()).toBeVisible();
  await expect(session).toContainText("Claire Donnelly");
  await expect(session).toContainText(ACTIONS);
  await expect(page.getByLabel("Summary", { exact: true })).toHaveValue("");

  // A task delegated with a review a year ahead.
  await page.getByLabel("Task delegated").fill(TASK_CURRENT);
  await page.getByLabel("Delegated by (registered professional)").fill("Priya Shah");
  await page.getByLabel("Their profession").fill("Physiotherapist");
  await page.getByLabel("Their registration number (optional)").fill("not valid!");
  await page.getByRole("group", { name: "Level of supervision" }).getByRole("radio", { name: /^Indirect/ }).check();
  await fillDate(page, "Assessed as competent on", shift(today(), -30));
  await fillDate(page, "Review date", shift(today(), 335));
  await page.getByRole("button", { name: "Record the delegated task" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /registration number as letters and numbers/ })).toHaveAttribute("href", "#delegatedByRegistration");
  await expect(page.getByLabel("Task delegated")).toHaveValue(TASK_CURRENT);
  await expectAccessible(page);
  await page.getByLabel("Their registration number (optional)").fill("PH 123456");
  await page.getByRole("button", { name: "Record the delegated task" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Delegated task recorded" })).toBeVisible();
  const current = taskCard(page, TASK_CURRENT);
  await expect(current).toContainText(`Next review ${long(shift(today(), 335))}`);
  await expect(current).toContainText("Priya Shah, Physiotherapist (registration PH123456)");

  // An older delegation, recorded as it stands: its review went by yesterday, so it is flagged straight away.
  await page.getByLabel("Task delegated").fill(TASK_OLD);
  await page.getByLabel("Delegated by (registered professional)").fill("Tom Reid");
  await page.getByLabel("Their profession").fill("Occupational therapist");
  await page.getByRole("group", { name: "Level of supervision" }).getByRole("radio", { name: /^Direct/ }).check();
  await fillDate(page, "Assessed as competent on", shift(today(), -400));
  await fillDate(page, "Review date", shift(today(), -1));
  await page.getByRole("button", { name: "Record the delegated task" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Delegated task recorded" })).toBeVisible();
  await expect(taskCard(page, TASK_OLD)).toContainText(`Review overdue since ${long(shift(today(), -1))}`);
  await expectAccessible(page);
});

test("Chloe reads her own supervision and delegations, with no forms", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "worker");
  await visit(page, `/workers/${chloe}/supervision`);
  await expect(page.getByText(/Registered professionals delegate tasks to you/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: SUMMARY })).toBeVisible();
  await expect(taskCard(page, TASK_OLD)).toContainText("Review overdue since");
  await expect(taskCard(page, TASK_CURRENT)).toContainText("a registered professional is nearby");
  await expect(page.getByRole("button", { name: "Record the session" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Record the delegated task" })).toHaveCount(0);
  await expect(page.getByText("End delegation")).toHaveCount(0);
});

test("another team's manager gets 404; a lead reads without forms", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const other = await signedInPage(browser, "manager2");
  expect((await other.goto(`/workers/${chloe}/supervision`))?.status()).toBe(404);

  const lead = await signedInPage(browser, "lead");
  await visit(lead, `/workers/${chloe}/supervision`);
  await expect(taskCard(lead, TASK_OLD)).toContainText("Review overdue since");
  await expect(lead.getByRole("listitem").filter({ hasText: SUMMARY })).toBeVisible();
  await expect(lead.getByRole("button", { name: "Record the session" })).toHaveCount(0);
  await expect(lead.getByRole("button", { name: /Save the review/ })).toHaveCount(0);
  await expect(lead.getByText(/Registered professionals delegate tasks to you/)).toHaveCount(0);
});

test("the manager reviews the flagged task and ends the other", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "manager");
  await visit(page, `/workers/${chloe}/supervision`);

  const old = taskCard(page, TASK_OLD);
  await fillDate(old, "Reviewed today, next review on", today());
  await old.getByRole("button", { name: /^Save the review/ }).click();
  await expect(old.getByRole("alert").getByRole("link", { name: "The next review date must be after today" })).toBeVisible();
  await expectAccessible(page);
  await fillDate(old, "Reviewed today, next review on", shift(today(), 180));
  await old.getByRole("button", { name: /^Save the review/ }).click();
  await expect(taskCard(page, TASK_OLD)).toContainText(`Next review ${long(shift(today(), 180))}`);
  await expect(taskCard(page, TASK_OLD)).not.toContainText("Review overdue");

  const current = taskCard(page, TASK_CURRENT);
  await current.getByText("End delegation").click();
  await current.getByLabel("Why is it ending?").fill("supervision.spec: moved to the outpatient team");
  await current.getByRole("button", { name: /^End the delegation today/ }).click();
  await expect(page.getByRole("list", { name: "Ended delegations" }).getByRole("heading", { name: TASK_CURRENT })).toBeVisible();
  await expect(taskCard(page, TASK_CURRENT)).toContainText(`Ended ${long(today())}`);
  await expectAccessible(page);
});
