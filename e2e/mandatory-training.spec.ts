// Statutory and mandatory training, as people use it: an administrator adds a subject for one role (fixing a renewal
// period and a missing choice on the way); Chloe's manager records a completion (fixing a future date), sees it in
// date, removes one recorded in error with the reason, and reminds everyone out of date from My team in one step;
// Chloe reads her own standing without forms; a lead reads and downloads everyone's; another team's manager gets 404.
import { test, expect } from "./support/test";
import { downloadCsv, errorSummary, fillDate } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";
import { today, shift, long } from "./support/dates";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const SUBJECT = "mandatory-training.spec: Sepsis awareness";
const NOTE = "mandatory-training.spec: certificate FS-2231";

const subjectRow = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: false }) });

test("an administrator adds a subject for one role, fixing the renewal period and a missing choice", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  await visit(page, "/admin");
  await page.getByRole("link", { name: "Mandatory training" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mandatory training subjects" })).toBeVisible();
  await expect(subjectRow(page, "Fire safety")).toContainText("Every 2 years");
  await expect(subjectRow(page, "Fire safety")).toContainText("Everyone");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Add a subject" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a mandatory training subject" })).toBeVisible();
  await page.getByLabel("Subject", { exact: true }).fill(SUBJECT);
  await page.getByLabel("Renew every (months)").fill("200");
  await page.getByRole("radio", { name: /^Only the roles, professions or care settings chosen below/ }).check();
  await page.getByRole("button", { name: "Add the subject" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "The renewal period must be between 1 and 120 months" })).toHaveAttribute("href", "#renewalMonths");
  await expect(summary.getByRole("link", { name: /Select at least one role, profession or care setting/ })).toHaveAttribute("href", "#stageIds");
  await expect(page.getByLabel("Subject", { exact: true })).toHaveValue(SUBJECT);
  await expect(page.getByRole("radio", { name: /^Only the roles/ })).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("Renew every (months)").fill("12");
  await page.getByRole("group", { name: "Roles" }).getByLabel("Senior support worker").check();
  await page.getByRole("button", { name: "Add the subject" }).click();
  await expect(page.getByRole("heading", { level: 1, name: SUBJECT })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Added. Everyone it is for is now asked for it." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Senior support worker" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Every year" })).toBeVisible();
  await expectAccessible(page);

  await visit(page, "/admin/mandatory-training");
  await expect(subjectRow(page, SUBJECT)).toContainText("Added here");
});

test("an administrator imports completions from an ESR file: a dry run row by row, then the new ones", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const db = demoDb();
  const number = (db.prepare("select employee_number as n from workers where id = ?").get(chloe) as { n: string }).n;
  db.close();
  // Older than any completion the demo seeds, so it is new whatever the day.
  const done = shift(today(), -2000);
  const [y, m, d] = done.split("-");
  const csv = [
    "Employee Number,Competence Name,Achieved Date",
    `${number},NHS|CSTF|Conflict Resolution - 3 Years|,${d}/${m}/${y}`,
    `${number},NHS|CSTF|Underwater Basket Weaving - 1 Year|,${d}/${m}/${y}`,
    `99999999,NHS|CSTF|Fire Safety - 2 Years|,${d}/${m}/${y}`,
  ].join("\r\n");

  const page = await signedInPage(browser, "admin");
  await visit(page, "/admin/mandatory-training");
  await page.getByRole("link", { name: "Import completions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import mandatory training completions" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("CSV file").setInputFiles({ name: "esr-competences.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check the completions" })).toBeVisible();
  // Problems first: the subject nobody has, and the employee number nobody has.
  await expect(page.getByRole("link", { name: "Problems (2)" })).toHaveAttribute("aria-current", "page");
  // On a desktop the rows are a table (on a phone, cards).
  const rows = page.getByRole("table");
  await expect(rows.getByText(/No current subject called “NHS\|CSTF\|Underwater Basket/)).toBeVisible();
  await expect(rows.getByText(/No worker with the employee number “99999999”/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "New (1)" }).click();
  await expect(page.getByRole("table").getByText(`Conflict resolution, completed ${long(done)}`)).toBeVisible();
  await page.getByRole("button", { name: "Import 1 completion" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Completions imported" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "added 1 completion" })).toBeVisible();
  await expectAccessible(page);

  await visit(page, `/workers/${chloe}/mandatory-training`);
  const imported = page.getByRole("list", { name: "Completions, newest first" }).getByRole("listitem").filter({ hasText: `Completed ${long(done)}` });
  await expect(imported).toContainText("Conflict resolution");
  await expect(imported).toContainText("imported");
});

test("Chloe's manager records a completion, fixing a future date, and removes one recorded in error", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "manager");
  await visit(page, `/workers/${chloe}/mandatory-training`);
  await expect(page.getByRole("heading", { level: 1, name: "Mandatory training" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mandatory training" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table")).toContainText("Fire safety");
  await expectAccessible(page);

  const form = page.getByRole("region", { name: "Record a completion" });
  await form.getByLabel("Training completed").selectOption({ label: "Fire safety" });
  await fillDate(form, "Date completed", shift(today(), 1));
  await form.getByLabel("Note (optional)").fill(NOTE);
  await form.getByRole("button", { name: "Record the completion" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "The date it was completed cannot be in the future" })).toHaveAttribute("href", "#completedOn");
  await expect(form.getByLabel("Note (optional)")).toHaveValue(NOTE);
  await expect(form.getByLabel("Training completed")).toHaveValue(/.+/);
  await expectAccessible(page);

  const done = shift(today(), -2);
  await fillDate(form, "Date completed", done);
  await form.getByRole("button", { name: "Record the completion" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Completion recorded" })).toBeVisible();
  const fire = subjectRow(page, "Fire safety");
  await expect(fire).toContainText("In date");
  await expect(fire).toContainText(long(done));
  const entry = page.getByRole("list", { name: "Completions, newest first" }).getByRole("listitem").filter({ hasText: NOTE });
  await expect(entry).toContainText(`Completed ${long(done)}`);

  // Recorded against the wrong day: removed with the reason, kept in the history.
  await entry.getByText(/^Remove: /).click();
  await entry.getByRole("button", { name: /^Remove the completion/ }).click();
  await expect(entry.getByRole("alert").getByRole("link", { name: /Enter why it is being removed/ })).toBeVisible();
  await expectAccessible(page);
  await entry.getByLabel("Why is it being removed?").fill("Recorded against the wrong day");
  await entry.getByRole("button", { name: /^Remove the completion/ }).click();
  await expect(page.getByRole("list", { name: "Completions, newest first" }).getByRole("listitem").filter({ hasText: NOTE })).toHaveCount(0);
  await page.getByText(/^Removed as recorded in error/).click();
  await expect(page.getByText("Removed: Recorded against the wrong day")).toBeVisible();
});

test("My team shows each worker's standing and reminds everyone out of date in one step", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/team");
  await expect(page.getByRole("columnheader", { name: "Mandatory training" })).toBeVisible();
  await expect(page.getByText("Mandatory training in date", { exact: true })).toBeVisible();
  const section = page.getByRole("region", { name: "Mandatory training", exact: true });
  await expect(section).toContainText(/\d+ (people have|person has) training expired or never done/);
  const remind = section.getByRole("button", { name: /^Remind (all \d+ people|the 1 person) out of date$/ });
  await expect(remind).toBeVisible();
  await expectAccessible(page);
  await remind.click();
  // The demo has no email server: the reminder is recorded, and each sees it in their inbox and on their record.
  await expect(section.getByRole("status")).toContainText(/^Recorded a reminder for \d+ (people|person)\. No email could be sent/);
  await visit(page, "/team");
  await expect(section.getByRole("button", { name: /^Remind/ })).toHaveCount(0);
  await expect(section).toContainText(/reminded in the last 7 days (are|is) not reminded again yet/);
  await expectAccessible(page);
});

test("Chloe reads her own standing from My development, without forms", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "worker");
  await visit(page, "/me");
  const card = page.getByRole("region", { name: "Mandatory training" });
  await expect(card).toContainText(/of \d+ in date \(\d+%\)/);
  await card.getByRole("link", { name: "My mandatory training" }).click();
  await expect(page).toHaveURL(new RegExp(`/workers/${chloe}/mandatory-training$`));
  await expect(page.getByRole("heading", { level: 1, name: "Mandatory training" })).toBeVisible();
  await expect(page.getByText(/your manager or the training team records it here/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Record a completion" })).toHaveCount(0);
  await expect(page.getByText(/^Remove: /)).toHaveCount(0);
  await expectAccessible(page);
});

test("a lead reads without forms and downloads everyone's; another team's manager gets 404", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const other = await signedInPage(browser, "manager2");
  expect((await other.goto(`/workers/${chloe}/mandatory-training`))?.status()).toBe(404);

  const page = await signedInPage(browser, "lead");
  await visit(page, `/workers/${chloe}/mandatory-training`);
  await expect(page.getByRole("table")).toContainText("Fire safety");
  await expect(page.getByRole("region", { name: "Record a completion" })).toHaveCount(0);
  await expectAccessible(page);

  await visit(page, "/workers");
  const download = await downloadCsv(page, page.getByRole("link", { name: "Download these workers' mandatory training (CSV)" }));
  expect(download.filename).toBe(`mandatory-training-${today()}.csv`);
  const lines = download.text.trim().split("\r\n");
  expect(lines[0]).toBe("Employee number,Last name,First name,Team,Subject,Status,Last completed,Expires");
  expect(lines.length).toBeGreaterThan(100);
  expect(lines.some((l) => /,Fire safety,(In date|Expiring soon|Expired|Never done),/.test(l))).toBe(true);
});
