// The PDP as a plan: a manager reviews and agrees Daniel's PDP (fixing a review date before the plan started), Daniel
// agrees it from his own login, another team's manager gets 404, a lead reads it with no forms, it prints on A4; a
// manager closes a PDP with carry-over and starts another for a worker whose PDP they closed.
import { test, expect } from "./support/test";
import { errorSummary, expectDate, fillDate, mainNav } from "./support/pages";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expectAccessible, visit } from "./support/axe";
import { PASSWORD, signedInPage } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";
import { currentDbPath } from "./support/trust";
import { addDays, formatDate, todayInLondon } from "../lib/rules/dates";

test.describe.configure({ mode: "serial" });

const SPEC = "pdp.spec";
const alertBox = (page: Page) => errorSummary(page);

function currentPdp(workerId: string) {
  const db = demoDb();
  try {
    return db.prepare("select id, period_start as periodStart, version from pdps where worker_id = ? and status <> 'closed'").get(workerId) as
      | { id: string; periodStart: string; version: number }
      | undefined;
  } finally {
    db.close();
  }
}

/**
 * A change to the plan arrives (a goal added or reworded, on the goal pages): the version goes up and both must agree
 * again. Written straight into this spec's own copy of the database, as the goal pages would leave it.
 */
function newVersionOf(pdpId: string) {
  const db = new Database(currentDbPath(), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("update pdps set version = version + 1, worker_agreed_at = null, manager_agreed_at = null where id = ?").run(pdpId);
  } finally {
    db.close();
  }
}

/** In-post workers in manager2@'s teams with no login and a current PDP, not the ones other specs sign in as. */
function manager2WorkersWithoutLogin(): { id: string; name: string }[] {
  const db = demoDb();
  try {
    return db
      .prepare(
        `select w.id, w.first_name || ' ' || w.last_name as name from workers w
         join team_managers tm on tm.team_id = w.team_id join users u on u.id = tm.user_id
         where u.email = 'manager2@demo.test' and w.user_id is null and w.status = 'in_post'
           and exists (select 1 from pdps p where p.worker_id = w.id and p.status <> 'closed')
           and exists (select 1 from pdp_goals g join pdps p on p.id = g.pdp_id where p.worker_id = w.id and p.status <> 'closed' and g.status in ('not_started','in_progress','deferred'))
         order by w.employee_number desc limit 2`,
      )
      .all() as { id: string; name: string }[];
  } finally {
    db.close();
  }
}

let danielPdp = "";
const today = todayInLondon();

test("Daniel's manager records a review, fixing a date before the plan started, then agrees the new version", async ({ browser }) => {
  const daniel = workerIdFor("worker2@demo.test");
  const pdp = currentPdp(daniel);
  expect(pdp, "Daniel has a current PDP in the demo data").toBeTruthy();
  danielPdp = pdp!.id;
  newVersionOf(danielPdp);

  const page = await signedInPage(browser, "manager2");
  await visit(page, `/workers/${daniel}/pdp`);
  await expect(page.getByRole("heading", { level: 1, name: "Personal development plan" })).toBeVisible();
  await expect(page.getByRole("link", { name: "PDP", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(`Version ${pdp!.version + 1} waiting for agreement`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a goal" })).toBeVisible();

  const summary = `Review by ${SPEC}: good progress on the communication groups.`;
  await fillDate(page, "Date of the review", addDays(pdp!.periodStart, -1));
  await page.getByLabel("Summary").fill(summary);
  await fillDate(page, "Next review", addDays(today, 90));
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(alertBox(page).getByRole("link", { name: `The review date cannot be before the PDP started (${formatDate(pdp!.periodStart)})` })).toHaveAttribute(
    "href",
    "#reviewedOn",
  );
  await expect(page.getByLabel("Summary")).toHaveValue(summary);
  await expectAccessible(page);

  await fillDate(page, "Date of the review", today);
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Review recorded." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Reviews" }).getByText(summary)).toBeVisible();
  await expect(page.getByText(formatDate(addDays(today, 90))).first()).toBeVisible();

  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Agree this plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You have agreed this plan." })).toBeVisible();
  await expect(page.getByText(/Agreed by Tunde Adebayo on \d{1,2} \w{3} \d{4} at \d{2}:\d{2}/)).toBeVisible();
  await expect(page.getByText("Waiting for Daniel Kowalski")).toBeVisible();
  await expect(page.getByRole("button", { name: "Agree this plan" })).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("Daniel opens his PDP from its address and agrees it: it is active and agreed", async ({ browser }) => {
  const daniel = workerIdFor("worker2@demo.test");
  const page = await signedInPage(browser, "worker2");
  await visit(page, `/workers/${daniel}/pdp`);
  await expect(page.getByRole("link", { name: "Propose a goal" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Record the review" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Close this PDP" })).toHaveCount(0);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Agree this plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You have agreed this plan." })).toBeVisible();
  await expect(page.getByText("Active, agreed")).toBeVisible();
  // His own plan speaks to him: "you", not his name.
  await expect(page.getByText(/^You agreed it on /)).toBeVisible();
  await expect(page.getByText("Agreed by you", { exact: true })).toBeVisible();
  await expect(page.getByText(/Agreed by Daniel Kowalski|Agreed by the worker/)).toHaveCount(0);
  await expectAccessible(page);

  // Another worker's PDP is not there for him.
  const chloe = workerIdFor("worker@demo.test");
  expect((await page.goto(`/workers/${chloe}/pdp`))?.status()).toBe(404);
  await page.context().close();
});

test("another team's manager gets 404; a lead reads the PDP with no forms", async ({ browser }) => {
  const daniel = workerIdFor("worker2@demo.test");
  const other = await signedInPage(browser, "manager");
  expect((await other.goto(`/workers/${daniel}/pdp`))?.status()).toBe(404);
  expect((await other.goto(`/workers/${daniel}/pdp/${danielPdp}/print`))?.status()).toBe(404);
  await other.context().close();

  const lead = await signedInPage(browser, "lead");
  await visit(lead, `/workers/${daniel}/pdp`);
  await expect(lead.getByText("Active, agreed")).toBeVisible();
  await expect(lead.getByRole("heading", { level: 2, name: "Goals" })).toBeVisible();
  await expect(lead.getByRole("main").locator("form")).toHaveCount(0);
  await expect(lead.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await expect(lead.getByRole("link", { name: /Add a goal|Propose a goal/ })).toHaveCount(0);
  await lead.context().close();
});

test("the PDP prints on A4 with no navigation and the worker's name on the page", async ({ browser }) => {
  const daniel = workerIdFor("worker2@demo.test");
  const page = await signedInPage(browser, "manager2");
  await visit(page, `/workers/${daniel}/pdp`);
  await page.getByRole("link", { name: "Print this PDP" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Personal development plan \d{4}/ })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();

  await page.emulateMedia({ media: "print" });
  await expect(mainNav(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.locator(".print-running-head")).toContainText("Daniel Kowalski");
  await expect(page.getByRole("heading", { level: 2, name: "Goals" })).toBeVisible();
  await page.screenshot({ path: "test-results/pdp-print.png", fullPage: true });
  const pdf = await page.pdf({ format: "A4", path: "test-results/pdp-print.pdf" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.context().close();
});

test("a manager closes a PDP carrying unfinished goals over, and starts one after closing another", async ({ browser }) => {
  const [carried, restarted] = manager2WorkersWithoutLogin();
  expect(carried && restarted, "two workers without a login in manager2's teams").toBeTruthy();
  const page = await signedInPage(browser, "manager2");

  await visit(page, `/workers/${carried!.id}/pdp`);
  const oldPdp = currentPdp(carried!.id)!;
  await expect(page.getByLabel("Start the next PDP with the unfinished goals")).toBeChecked();
  await page.getByRole("button", { name: "Close this PDP" }).click();
  await expect(alertBox(page).getByRole("link", { name: "Confirm that you want to close this PDP" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Yes, close this PDP/).check();
  await page.getByRole("button", { name: "Close this PDP" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new draft PDP has started" })).toBeVisible();
  await expect(page.getByText("Draft, not yet agreed")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 }).first()).toBeVisible();
  await expectAccessible(page);

  // The closed one stays readable, and refuses nothing silently: it has no forms at all.
  await page.getByRole("region", { name: "Earlier PDPs" }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/pdp/${oldPdp.id}$`));
  await expect(page.getByText("This PDP is closed")).toBeVisible();
  await expect(page.getByRole("main").locator("form")).toHaveCount(0);
  await expectAccessible(page);

  await visit(page, `/workers/${restarted!.id}/pdp`);
  await page.getByLabel("Start the next PDP with the unfinished goals").uncheck();
  await page.getByLabel(/Yes, close this PDP/).check();
  await page.getByRole("button", { name: "Close this PDP" }).click();
  await expect(page.getByRole("status").filter({ hasText: "PDP closed. It stays readable" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Start a PDP" })).toBeVisible();
  await expectAccessible(page);

  await fillDate(page, "End of the period", addDays(today, -10));
  await page.getByRole("button", { name: "Start the PDP" }).click();
  await expect(alertBox(page)).toContainText("The end of the period must be after its start");
  await expectDate(page, "End of the period", addDays(today, -10));
  await fillDate(page, "End of the period", addDays(today, 365));
  await page.getByRole("button", { name: "Start the PDP" }).click();
  await expect(page.getByRole("status").filter({ hasText: "PDP started" })).toBeVisible();
  await expect(page.getByText("Draft, not yet agreed")).toBeVisible();
  await expect(page.getByText("No goals yet.")).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});
