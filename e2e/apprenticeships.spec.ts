// Apprenticeships from the employer's side, as people use them: Chloe's manager starts her assistant practitioner
// apprenticeship (fixing an end date before the start on the way), logs her off-the-job hours and watches the status go
// from red to amber to green, records a tripartite review, and finds her on the pipeline; Chloe sees it from My
// development and logs her own hours; another team's manager gets 404 on her apprenticeship, even replaying the
// manager's own request, and does not see her on their pipeline.
import { test, expect } from "./support/test";
import { fillDate, mainNav } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { workerIdFor } from "./support/demo-db";
import { captureAction, replayAs } from "./support/forge";
import { today, shift, long } from "./support/dates";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const PROVIDER = "apprenticeships.spec: Eastfield University";
/** The start date of the apprenticeship the manager starts (worked out when a test runs, from PATHWAYS_TODAY). */
const started = () => shift(today(), -56);
const plannedEnd = () => shift(started(), 730);

const otjTag = (page: Page) => page.getByRole("region", { name: /\(level 5\)/ }).locator(".tag").filter({ hasText: /^Hours / });

async function logHours(page: Page, on: string, hours: string, note = "") {
  await fillDate(page, "Date", on);
  await page.getByLabel("Hours", { exact: true }).fill(hours);
  await page.getByLabel("Kind of training").selectOption({ label: "Taught session at college" });
  await page.getByLabel("Note (optional)").fill(note);
  await page.getByRole("button", { name: "Log the hours" }).click();
}

test("the manager starts Chloe's apprenticeship, logs hours and a review, and sees the status change", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "manager");
  await visit(page, `/workers/${chloe}`);
  await page.getByRole("navigation", { name: "Worker record" }).getByRole("link", { name: "Apprenticeship" }).click();
  await expect(page).toHaveURL(new RegExp(`/workers/${chloe}/apprenticeship$`));
  await expect(page.getByRole("heading", { level: 1, name: "Apprenticeship" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No current apprenticeship" })).toBeVisible();
  await expectAccessible(page);

  // The options follow the chosen standard: the senior healthcare support worker's six, none for the assistant
  // practitioner's (it used to offer "Maternity support" there too).
  const option = page.getByLabel("Option (if the standard has options)");
  await page.getByLabel("Apprenticeship standard").selectOption({ label: "Senior healthcare support worker (level 3, typically 18 months)" });
  await expect(option.locator("option")).toHaveText([
    "No option",
    "Adult nursing support",
    "Allied health profession – therapy support",
    "Children and young people support",
    "Maternity support",
    "Mental health support",
    "Theatre support",
  ]);
  await page.getByLabel("Apprenticeship standard").selectOption({ label: "Assistant practitioner (health) (level 5, typically 24 months)" });
  await expect(option).toHaveCount(0);
  await expect(page.getByText("Maternity support")).toHaveCount(0);
  await page.getByLabel("Training provider").fill(PROVIDER);
  await fillDate(page, "Start date", started());
  await fillDate(page, "Planned end date", shift(started(), -1));
  await expect(page.getByLabel("Contracted hours a week")).toHaveValue("37.5");
  await page.getByRole("group", { name: "Has it started?" }).getByLabel("Yes: it is on programme").check();
  await page.getByRole("button", { name: "Save the apprenticeship" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /planned end date must be after the start date/ })).toHaveAttribute("href", "#plannedEndDate");
  await expect(page.getByLabel("Training provider")).toHaveValue(PROVIDER);
  await expect(page.getByRole("group", { name: "Has it started?" }).getByLabel("Yes: it is on programme")).toBeChecked();
  await expectAccessible(page);

  await fillDate(page, "Planned end date", plannedEnd());
  await page.getByRole("button", { name: "Save the apprenticeship" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Assistant practitioner (health) (level 5)" })).toBeVisible();
  // Nothing logged eight weeks in: behind, and said so.
  await expect(otjTag(page)).toHaveText("Hours behind");
  await expect(page.getByRole("note", { name: "At risk" })).toContainText("Off-the-job hours behind: 0 of");
  await expect(page.getByText("538 hours: the standard's published minimum of 538 hours.")).toBeVisible();
  await expect(page.getByText(`Started on ${long(started())}, so this rule applies: Starts from 1 August 2025`)).toBeVisible();
  await expectAccessible(page);

  // Thirty hours in a day is refused, with what was typed kept.
  await logHours(page, shift(today(), -50), "30", "apprenticeships.spec: anatomy block");
  await expect(page.getByRole("alert").getByRole("link", { name: /24 or fewer/ })).toHaveAttribute("href", "#hours");
  await expect(page.getByLabel("Note (optional)")).toHaveValue("apprenticeships.spec: anatomy block");
  await expectAccessible(page);

  await logHours(page, shift(today(), -50), "12", "apprenticeships.spec: anatomy block");
  await expect(page.getByRole("status").filter({ hasText: "12 hours of off-the-job training logged" })).toBeVisible();
  await expect(otjTag(page)).toHaveText("Hours behind");
  const entries = page.getByRole("table", { name: /Off-the-job training: date, hours/ });
  await expect(entries.getByRole("row")).toHaveCount(2);
  await logHours(page, shift(today(), -43), "12");
  await expect(entries.getByRole("row")).toHaveCount(3);
  await logHours(page, shift(today(), -36), "12");
  await expect(entries.getByRole("row")).toHaveCount(4);
  await expect(otjTag(page)).toHaveText("Hours falling behind");
  await logHours(page, shift(today(), -29), "12");
  await expect(entries.getByRole("row")).toHaveCount(5);
  await expect(otjTag(page)).toHaveText("Hours on track");
  await expect(page.getByRole("note", { name: "At risk" })).toHaveCount(0);
  await expect(entries).toContainText(long(shift(today(), -50)));

  // A review dated before the start is refused; then one is recorded and the next is due by the date it agreed.
  await fillDate(page, "Date of the review", shift(started(), -3));
  await page.getByLabel("Who attended").fill("Chloe Mensah (apprentice), Claire Donnelly (line manager), tutor");
  await page.getByLabel("Progress", { exact: true }).fill("apprenticeships.spec: settling in well; first module passed");
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /cannot be before the apprenticeship began/ })).toHaveAttribute("href", "#reviewedOn");
  await expect(page.getByLabel("Progress", { exact: true })).toHaveValue("apprenticeships.spec: settling in well; first module passed");
  await fillDate(page, "Date of the review", shift(today(), -7));
  await fillDate(page, "Next review (optional)", shift(today(), 63));
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Progress review recorded" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Progress reviews, newest first" })).toContainText("first module passed");
  await expect(page.getByRole("region", { name: /\(level 5\)/ }).getByText(`Review due by ${long(shift(today(), 63))}`)).toBeVisible();

  // A break in learning needs its reason.
  await page.locator("summary", { hasText: "Change the status" }).click();
  await page.getByLabel("New status").selectOption({ label: "Break in learning" });
  await page.getByRole("button", { name: "Change the status" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Give the reason for the break in learning" })).toHaveAttribute("href", "#reason");
  await expectAccessible(page);
  await expect(page.getByRole("table", { name: /Status history/ }).first()).toContainText("On programme");

  // The pipeline shows her, on track.
  await mainNav(page).getByRole("link", { name: "Apprenticeships" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apprenticeships" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Chloe Mensah" }) });
  await expect(row).toContainText("Assistant practitioner (health)");
  await expect(row).toContainText("On programme");
  await expect(row).toContainText("Hours on track");
  await expectAccessible(page);
  await page.getByRole("link", { name: /^\d+$/ }).nth(1).click(); // the "At risk" count
  await expect(page.getByRole("heading", { level: 2, name: "At risk" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Chloe Mensah" })).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("Chloe sees her apprenticeship from My development and logs her own hours", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "worker");
  await visit(page, "/me");
  await page.getByRole("link", { name: "Assistant practitioner (health) (level 5)" }).click();
  await expect(page).toHaveURL(new RegExp(`/workers/${chloe}/apprenticeship$`));
  await expect(page.getByText(PROVIDER)).toBeVisible();
  await expect(page.getByRole("button", { name: "Record the review" })).toHaveCount(0);
  await expect(page.locator("summary", { hasText: "Change the status" })).toHaveCount(0);
  await expectAccessible(page);
  await logHours(page, shift(today(), -1), "2.5", "apprenticeships.spec: Chloe's own reading");
  await expect(page.getByRole("status").filter({ hasText: "2.5 hours of off-the-job training logged" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Off-the-job training: date, hours/ })).toContainText("Chloe's own reading");
  expect((await page.goto("/apprenticeships"))?.status()).toBe(404);
  await page.context().close();
});

test("another team's manager gets 404 on Chloe's apprenticeship, even replaying the manager's request", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const manager = await signedInPage(browser, "manager");
  await manager.goto(`/workers/${chloe}/apprenticeship`);
  const request = await captureAction(manager, async () => {
    await logHours(manager, shift(today(), -2), "1", "apprenticeships.spec: forged");
  });
  await manager.context().close();

  const other = await signedInPage(browser, "manager2");
  expect((await other.goto(`/workers/${chloe}/apprenticeship`))?.status()).toBe(404);
  expect((await replayAs(other, request)).status()).toBe(404);
  await visit(other, "/apprenticeships");
  await expect(other.getByRole("heading", { level: 1, name: "Apprenticeships" })).toBeVisible();
  await expect(other.getByRole("link", { name: "Chloe Mensah" })).toHaveCount(0);
  await other.context().close();

  const check = await signedInPage(browser, "manager");
  await check.goto(`/workers/${chloe}/apprenticeship`);
  await expect(check.getByRole("table", { name: /Off-the-job training: date, hours/ })).not.toContainText("forged");
  await check.context().close();
});

test("the manager takes an apprentice through gateway and end-point assessment to the position it leads to", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/apprenticeships?show=gateway");
  await expect(page.getByRole("heading", { level: 2, name: "At gateway" })).toBeVisible();
  const apprentice = page.getByRole("table", { name: /At gateway: apprentice/ }).getByRole("link").first();
  const name = (await apprentice.textContent())!.trim();
  await apprentice.click();
  await expect(page.getByRole("heading", { level: 1, name: "Apprenticeship" })).toBeVisible();
  await expectAccessible(page);

  // End-point assessment cannot start with gateway requirements still to tick.
  const checklist = page.getByRole("list", { name: "Gateway checklist" });
  const toDo = checklist.getByRole("listitem").filter({ hasText: "To do" });
  // The checklist can stream in after the heading on a busy machine: wait for it rather than count what is there yet.
  await expect(toDo.first()).toBeVisible();
  await page.locator("summary", { hasText: "Change the status" }).click();
  await page.getByLabel("New status").selectOption({ label: "End-point assessment" });
  await page.getByRole("button", { name: "Change the status" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /Tick every gateway requirement/ })).toBeVisible();

  // An empty evidence box is refused; then every requirement is ticked with its evidence.
  const first = toDo.first();
  await first.locator("summary", { hasText: "Tick as met" }).click();
  await first.getByRole("button", { name: /^Tick/ }).click();
  await expect(first.getByRole("alert")).toContainText("Say what evidence you saw");
  await expectAccessible(page);
  for (let left = await toDo.count(); left > 0; left--) {
    const item = toDo.first();
    const details = item.locator("details");
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await item.locator("summary").click();
    await item.getByLabel("Evidence").fill("apprenticeships.spec: certificate seen");
    await item.getByRole("button", { name: /^Tick/ }).click();
    // Once ticked, the requirement shows as met (and its form goes).
    await expect(toDo).toHaveCount(left - 1);
  }
  await expect(page.getByText("Every gateway requirement is met.")).toBeVisible();

  // The status form is still open from its refusal.
  await expect(page.getByLabel("New status")).toBeVisible();
  await page.getByLabel("New status").selectOption({ label: "End-point assessment" });
  await page.getByLabel("Reason or note").fill("apprenticeships.spec: gateway signed");
  await page.getByRole("button", { name: "Change the status" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Status changed to end-point assessment" })).toBeVisible();

  await page.getByRole("group", { name: "Result" }).getByLabel("Distinction").check();
  await page.getByRole("button", { name: "Record the result" }).click();
  await expect(page.getByRole("heading", { name: "Record the new position" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No current apprenticeship" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Earlier apprenticeships" })).toBeVisible();
  await expectAccessible(page);
  const reason = page.getByLabel("Reason on the position history");
  await expect(reason).toHaveValue(/^Completed the .+ apprenticeship \(level \d\), distinction$/);
  const reasonText = await reason.inputValue();
  await page.getByLabel("Job title").fill("apprenticeships.spec: senior therapy support worker");
  await page.getByRole("button", { name: "Record the new position" }).click();
  await expect(page.getByRole("heading", { name: "Record the new position" })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Worker record" }).getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText(reasonText).first()).toBeVisible();
  await expect(page.getByText("apprenticeships.spec: senior therapy support worker").first()).toBeVisible();
  await page.context().close();
});
