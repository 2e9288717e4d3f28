// A year of one worker's development, done in the browser by the manager and the worker together (issue 4):
// Chloe Mensah (worker@) proposes a goal that morning; Claire Donnelly's (manager@) inbox and team page ask her to
// agree it. Claire starts Chloe's appraisal (the proposal is not among last year's objectives to review; her inbox
// now asks her to finish it, not to book it), writes it with two new objectives, which become PDP goals, and sends
// it. Chloe's home and inbox both ask her to sign it and to agree the changed plan; she adds a progress note, agrees
// the plan, comments on and signs the appraisal; Claire signs it as appraiser, which completes and locks it; she
// prints it, agrees the plan and reviews it; another team's manager gets 404; the team page shows the changed status.
import { test, expect } from "./support/test";
import { fillDate, inboxCountInNav, mainNav, waitingLinks } from "./support/pages";
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
const PROPOSED = `Run the Friday hydration round (${TAG})`;

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

/** The titles of the goals in the worker's current PDP that are agreed and not dropped, from the database. */
function agreedGoalsOf(workerId: string): string[] {
  const db = demoDb();
  try {
    const rows = db
      .prepare(
        `select g.title from pdp_goals g join pdps p on p.id = g.pdp_id
         where p.worker_id = ? and p.status <> 'closed' and g.agreed_at is not null and g.status <> 'dropped'`,
      )
      .all(workerId) as { title: string }[];
    return rows.map((r) => r.title);
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
  const appraisalCell = row.getByRole("cell").nth(2);
  await expect(appraisalCell.getByText("Due soon", { exact: true })).toBeVisible();
  await expect(appraisalCell).toContainText("Scheduled");
  await row.getByRole("link", { name: /^Appraisals/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Appraisals" })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("Chloe proposes a goal the morning of her appraisal", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  await visit(page, `/workers/${chloe}/pdp/goals/new`);
  await page.getByLabel("What is the goal?").fill(PROPOSED);
  await page.getByRole("checkbox", { name: /Communication/ }).first().check();
  await page.getByRole("button", { name: "Propose goal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: PROPOSED })).toBeVisible();
  await expect(page.getByText("Proposed, waiting for your manager to agree")).toBeVisible();
  await page.context().close();
});

test("Claire's inbox asks her to agree Chloe's proposed goal, and lists what her team page lists", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/inbox");
  const waiting = page.getByRole("region", { name: /^Waiting for you/ });
  const ask = waiting.getByRole("listitem").filter({ hasText: "Chloe Mensah" }).getByRole("link", { name: `Agree the proposed goal: ${PROPOSED}` });
  await expect(ask).toHaveAttribute("href", new RegExp(`^/workers/${chloe}/pdp/goals/`));
  const inbox = await waitingLinks(page, "inbox");
  expect(inbox.length).toBe(await inboxCountInNav(page));
  await visit(page, "/team");
  await expect(chloeRow(page).getByRole("link", { name: `Agree the proposed goal: ${PROPOSED}` })).toBeVisible();
  expect(await waitingLinks(page, "team")).toEqual(inbox);
  await page.context().close();
});

test("Claire writes the appraisal with two new objectives, makes them PDP goals and sends it to Chloe", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, appraisalPath);
  await page.getByRole("button", { name: "Start the appraisal" }).click();
  await expect(status(page, "Appraisal started")).toBeVisible();
  await expectAccessible(page);

  // Started, it is Claire's to finish: her inbox and team page follow the appraisal, not the date it fell due.
  await visit(page, "/inbox");
  const aboutChloe = page.getByRole("main").getByRole("listitem").filter({ hasText: "Chloe Mensah" });
  await expect(aboutChloe.getByRole("link", { name: "Finish the appraisal and send it to sign" })).toHaveAttribute("href", appraisalPath);
  await expect(aboutChloe.getByRole("link", { name: /^(Book the appraisal|Appraisal meeting)$/ })).toHaveCount(0);
  const inbox = await waitingLinks(page, "inbox");
  await visit(page, "/team");
  expect(await waitingLinks(page, "team")).toEqual(inbox);
  await visit(page, appraisalPath);

  // Last year's objectives (from the previous appraisal and the PDP's agreed goals) are there to mark; the goal
  // Chloe proposed this morning, which nobody has agreed, is not one of them.
  const reviews = page.locator("#reviews fieldset");
  const legends = await reviews.locator("legend").allTextContents();
  for (const title of agreedGoalsOf(chloe)) expect(legends, title).toContain(title);
  expect(legends).not.toContain(PROPOSED);
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
  await expect(waiting.getByRole("link", { name: "Read and sign your appraisal" })).toHaveAttribute("href", appraisalPath);
  await expect(waiting.getByRole("link", { name: /^Agree the changed PDP \(version \d+\)$/ })).toBeVisible();
  // Held and sent to her, so no longer "booked".
  const nextAppraisal = page.getByRole("region", { name: "Next appraisal" });
  await expect(nextAppraisal).toContainText("waiting for you to read and sign it");
  await expect(nextAppraisal).not.toContainText("Booked for");
  // Her inbox and its count say the same as her home.
  const home = await waitingLinks(page, "me");
  expect(home.length).toBe(await inboxCountInNav(page));
  await visit(page, "/inbox");
  expect(await waitingLinks(page, "inbox")).toEqual(home);
  await page.screenshot({ path: "test-results/development-year-inbox-worker-390.png", fullPage: true });
  await visit(page, "/me");
  await page.screenshot({ path: "test-results/development-year-me-worker-390.png", fullPage: true });
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

  // Nothing about the appraisal or the plan waits for her now; what is left is what her inbox lists.
  await visit(page, "/me");
  const waiting = page.getByRole("region", { name: "Waiting for you" });
  await expect(waiting.getByRole("link", { name: /Read and sign|Agree the/ })).toHaveCount(0);
  // Signed by her, it waits for Claire's signature as appraiser before it counts as done.
  await expect(page.getByRole("region", { name: "Next appraisal" })).toContainText("you have signed it, waiting for the appraiser's signature");
  const home = await waitingLinks(page, "me");
  expect(home.length).toBe(await inboxCountInNav(page));
  await visit(page, "/inbox");
  expect(await waitingLinks(page, "inbox")).toEqual(home);
  await page.context().close();
});

test("Claire signs the appraisal as appraiser, which locks it; she prints it, agrees the plan and records a review", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, appraisalPath);
  await page.getByRole("region", { name: "Sign as appraiser" }).getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign as appraiser" }).click();
  await expect(status(page, "Both have signed")).toBeVisible();
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
