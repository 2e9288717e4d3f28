// The workforce register, as a manager keeps it: add a worker, change their band (a position-history entry),
// find them in the list, record leaving. Others are refused by URL.
import { test, expect } from "./support/test";
import { dateField, errorSummary, fillDate } from "./support/pages";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";

test.describe.configure({ mode: "serial" });

const EMPLOYEE_NUMBER = "98765401";
let newWorkerPath = "";

test("a manager adds a worker, fixing bad input on the way", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/workers");
  await page.getByRole("link", { name: "Add a worker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a support worker" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("First name").fill("Oluwaseun");
  await page.getByLabel("Last name").fill("");
  await page.getByLabel("Employee number").fill(EMPLOYEE_NUMBER);
  await page.getByLabel("Job title").fill("Physiotherapy Assistant");
  await page.getByLabel("Profession").selectOption({ label: "Physiotherapy" });
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Support worker" });
  await page.getByLabel("Agenda for Change band").selectOption({ label: "Band 3" });
  await page.getByLabel("Team").selectOption({ label: "Acute Physiotherapy" });
  await page.getByLabel("FTE").fill("1.5");
  await fillDate(page, "Start date", "2099-01-01");
  await page.getByRole("button", { name: "Add worker" }).click();

  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "Enter a last name" })).toHaveAttribute("href", "#lastName");
  await expect(summary).toContainText("FTE must be 1 or less");
  await expect(summary).toContainText("Start date cannot be more than a year from now");
  await expect(page.getByLabel("First name")).toHaveValue("Oluwaseun");
  await expect(page.getByLabel("FTE")).toHaveValue("1.5");
  await expect(page.getByLabel("Team")).toHaveValue(/.+/);
  await expectAccessible(page);

  await page.getByLabel("Last name").fill("Adeyemi");
  await page.getByLabel("FTE").fill("0.8");
  await fillDate(page, "Start date", "2026-09-01");
  await page.getByRole("button", { name: "Add worker" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Oluwaseun Adeyemi" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Worker added");
  newWorkerPath = new URL(page.url()).pathname;
  await expectAccessible(page);
  await page.context().close();
});

test("a duplicate employee number is refused with the input kept", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await page.goto("/workers/new");
  await page.getByLabel("First name").fill("Duplicate");
  await page.getByLabel("Last name").fill("Person");
  await page.getByLabel("Employee number").fill(EMPLOYEE_NUMBER);
  await page.getByLabel("Job title").fill("Physiotherapy Assistant");
  await page.getByLabel("Profession").selectOption({ label: "Physiotherapy" });
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Support worker" });
  await page.getByLabel("Team").selectOption({ label: "Acute Physiotherapy" });
  await page.getByLabel("FTE").fill("1");
  await fillDate(page, "Start date", "2026-09-01");
  await page.getByRole("button", { name: "Add worker" }).click();
  await expect(errorSummary(page)).toContainText(`Employee number ${EMPLOYEE_NUMBER} is already in use`);
  await expect(page.getByLabel("First name")).toHaveValue("Duplicate");
  await page.context().close();
});

test("a band change becomes a new entry in the position history", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await page.goto(newWorkerPath);
  await page.getByRole("link", { name: "Edit details or change post" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Edit / })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Agenda for Change band").selectOption({ label: "Band 4" });
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Senior support worker" });
  await expect(dateField(page, "Date the change takes effect")).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(errorSummary(page)).toContainText("Enter the date the change");
  await expectAccessible(page);

  await fillDate(page, "Date the change takes effect", "2026-11-01");
  await page.getByLabel("Reason (optional)").fill("Passed the senior support worker assessment");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByRole("status")).toContainText("Changes saved");
  const history = page.getByRole("region", { name: "Position history" });
  await expect(history.getByRole("listitem").first()).toContainText("1 November 2026 to now");
  await expect(history.getByRole("listitem").first()).toContainText("Senior support worker · Band 4");
  await expect(history.getByRole("listitem").first()).toContainText("Passed the senior support worker assessment");
  await expect(history.getByRole("listitem").nth(1)).toContainText("1 September 2026 to 1 November 2026");
  await expect(history.getByRole("listitem").nth(1)).toContainText("Support worker · Band 3");
  await page.context().close();
});

test("the list finds the worker, sorts by column, and shows headcount and FTE", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, `/workers?q=${EMPLOYEE_NUMBER}`);
  await expect(page.getByRole("status")).toContainText("1 worker · 0.8 FTE");
  await expect(page.getByRole("link", { name: "Adeyemi, Oluwaseun" })).toBeVisible();

  await page.goto("/workers");
  await page.getByRole("link", { name: /^FTE/ }).click();
  await expect(page).toHaveURL(/sort=fte/);
  await expect(page.getByRole("columnheader", { name: /FTE/ })).toHaveAttribute("aria-sort", "ascending");
  const ftes = await page.locator("tbody tr td.num").allTextContents();
  expect(ftes.map(Number)).toEqual([...ftes.map(Number)].sort((a, b) => a - b));
  await expectAccessible(page);

  // Filters live in the URL: the filtered view can be bookmarked.
  await page.getByText("More filters").click();
  await page.getByLabel("Team").selectOption({ label: "Community Occupational Therapy" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/team=/);
  const db = demoDb();
  const { n } = db
    .prepare("select count(*) as n from workers w join teams t on t.id = w.team_id where t.name = 'Community Occupational Therapy' and w.status = 'in_post'")
    .get() as { n: number };
  db.close();
  await expect(page.getByRole("status")).toContainText(`${n} worker`);
  await page.context().close();
});

test("recording leaving keeps the record but takes them off the default list", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await page.goto(newWorkerPath);
  await page.getByRole("link", { name: "Record leaving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Record that .* has left/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Record leaving" }).click();
  await expect(errorSummary(page)).toContainText("Enter the leaving date");
  await fillDate(page, "Last day in post", "2026-11-20");
  await page.getByLabel("Reason for leaving").fill("Moved to a trust nearer home");
  await page.getByRole("button", { name: "Record leaving" }).click();
  await expect(page.getByRole("status")).toContainText("Leaving recorded");
  await expect(page.getByText("Moved to a trust nearer home")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit details or change post" })).toHaveCount(0);

  await page.goto(`/workers?q=${EMPLOYEE_NUMBER}`);
  await expect(page.getByRole("status")).toContainText("0 workers");
  await page.goto(`/workers?q=${EMPLOYEE_NUMBER}&status=left`);
  await expect(page.getByRole("status")).toContainText("1 worker");
  await page.context().close();
});

test("a lead sees the whole workforce but cannot add workers", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/workers");
  const db = demoDb();
  const { n } = db.prepare("select count(*) as n from workers where status = 'in_post'").get() as { n: number };
  db.close();
  await expect(page.getByRole("status")).toContainText(`${n} workers`);
  await expect(page.getByRole("link", { name: "Add a worker" })).toHaveCount(0);
  expect((await page.goto("/workers/new"))?.status()).toBe(404);

  // A search too long to take is refused with a message, not cut short, and the other filters still apply.
  await visit(page, `/workers?q=${"x".repeat(1001)}&status=left`);
  await expect(page.getByLabel("Name or employee number")).toHaveAccessibleDescription(/Search for 1,000 characters or fewer/);
  await expect(page.getByLabel("Status")).toHaveValue("left");
  // A long one that can be taken is kept whole.
  const long = "Mensah ".repeat(20).trim();
  await visit(page, `/workers?q=${encodeURIComponent(long)}`);
  await expect(page.getByLabel("Name or employee number")).toHaveValue(long);
  await page.context().close();
});

test("others are refused by URL: a support worker, and another team's manager", async ({ browser }) => {
  const worker = await signedInPage(browser, "worker");
  expect((await worker.goto("/workers"))?.status()).toBe(404);
  expect((await worker.goto(`/workers/${workerIdFor(LOGINS.worker)}/edit`))?.status()).toBe(404);
  await worker.context().close();

  const manager2 = await signedInPage(browser, "manager2");
  const id = workerIdFor(LOGINS.worker);
  for (const path of [`/workers/${id}`, `/workers/${id}/edit`, `/workers/${id}/leave`]) {
    expect((await manager2.goto(path))?.status(), path).toBe(404);
  }
  await manager2.context().close();
});
