// A year of one worker's development, done in the browser by the manager and the worker together (issue 4):
// Claire Donnelly (manager@) writes Chloe Mensah's (worker@) appraisal with two new objectives, which become PDP
// goals; Chloe sees them on "My development", adds a progress note, agrees the changed plan, comments on and signs
// the appraisal; it is then locked for Claire, who prints it, agrees the plan and reviews it; another team's manager
// gets 404; the team page shows the changed status.
import { test, expect } from "./support/test";
import { fillDate, mainNav } from "./support/pages";
import { today } from "./support/dates";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { PASSWORD, signedInPage } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";

test.describe.configure({ mode: "serial" });

const TAG = "development-year";
const OBJECTIVES = [
  { title: `Co-run the weekly falls-prevention class (${TAG})`, success: "Runs the warm-up and the balance circuit unaided" },
  { title: `Complete the Level 3 dementia awareness module (${TAG})`, success: "Certificate on file and a reflection shared" },
];
const NOTE = `Co-ran Tuesday's class; the balance circuit went well (${TAG})`;
const COMMENT = `Thank you, I am keen to start the falls class (${TAG})`;

let chloe = "";
let appraisalPath = "";

const nextYear = (monthDay: string) => `${Number(today().slice(0, 4)) + 1}-${monthDay}`;
const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
const chloeRow = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("link", { name: "Chloe Mensah", exact: true }) });

function openAppraisalOf(workerId: string) {
  const db = demoDb();
  try {
    return db
      .prepare("select id, status from appraisals where worker_id = ? and status in ('scheduled','in_progress','awaiting_sign_off') order by scheduled_for")
      .get(workerId) as { id: string; status: string } | undefined;
  } finally {
    db.close();
  }
}

test("Claire's team page shows Chloe's appraisal due soon and already booked", async ({ browser }) => {
  chloe = workerIdFor("worker@demo.test");
  const open = openAppraisalOf(chloe);
  expect(open?.status).toBe("scheduled");
  appraisalPath = `/workers/${chloe}/appraisals/${open!.id}`;

  const page = await signedInPage(browser, "manager");
  await visit(page, "/team");
  const row = chloeRow(page);
  await expect(row.getByText("Due soon", { exact: true })).toBeVisible();
  await expect(row).toContainText("Scheduled");
  await row.getByRole("link", { name: /^Appraisals/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appraisals" })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("Claire writes the appraisal with two new objectives, makes them PDP goals and sends it to Chloe", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, appraisalPath);
  await page.getByRole("button", { name: "Start the appraisal" }).click();
  await expect(status(page, "Appraisal started")).toBeVisible();
  await expectAccessible(page);

  // Last year's objectives (from the previous appraisal and the PDP) are there to mark.
  const reviews = page.locator("#reviews fieldset");
  const n = await reviews.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await reviews.nth(i).getByLabel(i === 0 ? "Partly met" : "Met", { exact: true }).check();
  await fillDate(page, "Date the meeting was held", today());
  await page.getByLabel("Achievements").fill("Took on the ward's mobility rounds and mentored a new starter");
  await page.getByLabel("Wellbeing").fill("Well; would like more predictable shifts");
  await page.getByLabel("Feedback").fill("Patients and the team value her encouragement");
  await page.getByLabel("Training and development needs").fill("Falls prevention; dementia awareness");

  const first = page.getByRole("group", { name: "New objective 1" });
  await first.getByLabel("Objective", { exact: true }).fill(OBJECTIVES[0]!.title);
  await first.getByLabel("How success will be seen").fill(OBJECTIVES[0]!.success);
  await fillDate(first, "Target date", nextYear("03-31"));
  await page.getByRole("button", { name: "Add another objective" }).click();
  const second = page.getByRole("group", { name: "New objective 2" });
  await expect(second).toBeVisible();
  await second.getByLabel("Objective", { exact: true }).fill(OBJECTIVES[1]!.title);
  await second.getByLabel("How success will be seen").fill(OBJECTIVES[1]!.success);
  await fillDate(second, "Target date", nextYear("06-30"));
  await page.getByRole("textbox", { name: "Summary" }).fill(`A strong year; ready to lead group work (${TAG})`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(status(page, "Appraisal saved")).toBeVisible();

  const toPdp = page.getByRole("region", { name: "New objectives and the PDP" });
  await toPdp.getByRole("button", { name: "Add these objectives to the PDP" }).click();
  await expect(status(page, "2 objectives added to the PDP")).toBeVisible();
  await expect(toPdp.getByRole("link", { name: "a goal in the PDP" })).toHaveCount(2);
  await expectAccessible(page);

  // The goals are in Chloe's PDP, linked back to the appraisal, and the changed plan needs agreeing again.
  await visit(page, `/workers/${chloe}/pdp`);
  for (const o of OBJECTIVES) await expect(page.getByRole("heading", { name: o.title })).toBeVisible();
  await expect(page.getByText(/waiting for agreement/i).first()).toBeVisible();

  await visit(page, appraisalPath);
  await page.getByRole("button", { name: /Save and send to Chloe/ }).click();
  await expect(status(page, "Sent for sign-off")).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("Chloe sees the new goals on My development, adds a progress note and agrees the changed plan", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, "/me");
  const waiting = page.getByRole("region", { name: "Waiting for you" });
  await expect(waiting.getByRole("link", { name: /Read and sign your appraisal/ })).toBeVisible();
  await expect(waiting.getByRole("link", { name: /Agree the changed PDP/ })).toBeVisible();
  const goals = page.getByRole("region", { name: "My PDP goals" });
  for (const o of OBJECTIVES) await expect(goals.getByRole("link", { name: o.title, exact: true })).toBeVisible();

  await goals.getByRole("link", { name: `Add a progress note to ${OBJECTIVES[0]!.title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: OBJECTIVES[0]!.title })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Progress note" })).toBeChecked();
  await page.getByLabel("Note", { exact: true }).fill(NOTE);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText(NOTE)).toBeVisible();
  await expectAccessible(page);

  await visit(page, "/me");
  await page.getByRole("link", { name: /Agree the changed PDP/ }).click();
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Agree this plan" }).click();
  await expect(status(page, "You have agreed this plan.")).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("Chloe comments on the appraisal and signs it off", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  await visit(page, "/me");
  await page.getByRole("link", { name: /Read and sign your appraisal/ }).click();
  for (const o of OBJECTIVES) await expect(page.getByText(o.title).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Your comments (optional)").fill(COMMENT);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign off my appraisal" }).click();
  await expect(status(page, "Appraisal signed off")).toBeVisible();
  await expect(page.getByText(COMMENT)).toBeVisible();
  await expectAccessible(page);

  // Nothing waits for her now.
  await visit(page, "/me");
  await expect(page.getByRole("region", { name: "Waiting for you" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Next appraisal" })).toContainText("Up to date");
  await page.context().close();
});

test("the appraisal is locked for Claire, who prints it, agrees the plan and records a review", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, appraisalPath);
  await expect(page.getByText(/Signed off by Chloe Mensah on .+ Locked/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveCount(0);

  await page.getByRole("link", { name: "Print or save as PDF" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Appraisal/ })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(mainNav(page)).toBeHidden();
  for (const o of OBJECTIVES) await expect(page.getByText(o.title).first()).toBeVisible();
  await expect(page.getByText(COMMENT)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("appraisal-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  await visit(page, `/workers/${chloe}/pdp`);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Agree this plan" }).click();
  await expect(page.getByText("Active, agreed").first()).toBeVisible();
  await fillDate(page, "Date of the review", today());
  await page.getByLabel("Summary").fill(`New goals from the appraisal agreed; falls class starts next week (${TAG})`);
  await fillDate(page, "Next review", nextYear("02-28"));
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(page.getByText(`New goals from the appraisal agreed; falls class starts next week (${TAG})`)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Print this PDP" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Personal development plan/ })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: testInfo.outputPath("pdp-print.png"), fullPage: true });
  await page.context().close();
});

test("another team's manager gets 404 on Chloe's appraisal and PDP", async ({ browser }) => {
  const page = await signedInPage(browser, "manager2");
  for (const path of [appraisalPath, `${appraisalPath}/print`, `/workers/${chloe}/appraisals`, `/workers/${chloe}/pdp`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await page.context().close();
});

test("Claire's team page shows the appraisal done and the PDP agreed and reviewed", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/team");
  const row = chloeRow(page);
  await expect(row.getByText("Done", { exact: true })).toBeVisible();
  await expect(row.getByText("Agreed", { exact: true })).toBeVisible();
  await expect(row).toContainText(/Reviewed \d{1,2} [A-Z][a-z]+ \d{4}/);
  await expect(row).not.toContainText("Book the");
  await page.context().close();
});
