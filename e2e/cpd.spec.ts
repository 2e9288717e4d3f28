// CPD and training requests, as people use them: Chloe adds a CPD entry (fixing impossible hours on the way),
// changes it, deletes one added by mistake, asks for three courses and withdraws one; her manager sees the other two
// waiting on the team page, opens one from there on a phone and approves it on its own page (a choice, then a message
// saying what was decided), declines the other for funding, then records the approved one as attended, which puts it
// in her CPD; deleting that entry puts the request back to approved, to be recorded again; a lead reads only; another
// team's manager gets 404.
import { test, expect } from "./support/test";
import { errorSummary, expectDate, fillDate } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, storageState, LOGINS } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";
import { today, shift, long } from "./support/dates";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const CPD_TITLE = "learning.spec: shadowed the dietitian on the stroke ward";
const REFLECTION = "learning.spec: saw how texture-modified diets are chosen";
const DECLINED = "learning.spec: dysphagia awareness study day";
const APPROVED = "learning.spec: moving and handling key trainer";
const WITHDRAWN = "learning.spec: wound care refresher, no longer needed";
const MISTAKE = "learning.spec: entered twice by mistake";
const NOW_WHAT = "learning.spec: I will ask about texture before every meal round";

function idFor(table: "cpd_activities" | "training_requests", title: string): string {
  const db = demoDb();
  try {
    return (db.prepare(`select id from ${table} where title = ?`).get(title) as { id: string }).id;
  } finally {
    db.close();
  }
}
const cpdIdFor = (title: string) => idFor("cpd_activities", title);

const requestCard = (page: Page, title: string) =>
  page.getByRole("list", { name: "Training requests" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });
const cpdCard = (page: Page, title: string) =>
  page.getByRole("list", { name: "CPD activities, newest first" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: title }) });

async function requestCourse(page: Page, title: string, cost: string) {
  await page.getByLabel("Course", { exact: true }).fill(title);
  await page.getByLabel("Provider (optional)").fill("learning.spec: Skills for Health");
  await page.getByLabel("Cost in pounds (optional)").fill(cost);
  await fillDate(page, "Start date", shift(today(), 30));
  await fillDate(page, "End date (optional)", shift(today(), 31));
  await page.getByLabel("Why is it needed?").fill("learning.spec: to work to the full scope of my role");
  await page.getByRole("button", { name: "Request the training" }).click();
}

test("Chloe adds a CPD entry, fixing impossible hours, and requests two courses", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "worker");
  await visit(page, "/me");
  await page.getByRole("link", { name: "My CPD and training" }).click();
  await expect(page).toHaveURL(new RegExp(`/workers/${chloe}/cpd$`));
  await expect(page.getByRole("heading", { level: 1, name: "CPD and training" })).toBeVisible();
  await expect(page.getByRole("link", { name: "CPD and training" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  const cpdHours = page.getByText("CPD hours", { exact: true }).locator("xpath=following-sibling::p[1]");
  const before = Number(await cpdHours.textContent());

  await expectDate(page, "Date of the activity", today());
  await page.getByLabel("What was it?").fill(CPD_TITLE);
  await page.getByLabel("Type of activity").selectOption({ label: "Shadowing" });
  await page.getByRole("group", { name: "Formal or informal learning" }).getByLabel("Informal learning").check();
  await page.getByLabel("Hours", { exact: true }).fill("30");
  await page.getByLabel("What happened?").fill(REFLECTION);
  // A reflection has a limit, and says so as she types: the GOV.UK character count.
  await expect(page.getByText(`You have ${(4000 - REFLECTION.length).toLocaleString("en-GB")} characters remaining`)).toBeVisible();
  await page.getByRole("button", { name: "Add the CPD activity" }).click();

  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: /24 or fewer/ })).toHaveAttribute("href", "#hours");
  await expect(page.getByLabel("What was it?")).toHaveValue(CPD_TITLE);
  await expect(page.getByLabel("What happened?")).toHaveValue(REFLECTION);
  await expect(page.getByLabel("Hours", { exact: true })).toHaveValue("30");
  await expect(page.getByRole("group", { name: "Formal or informal learning" }).getByLabel("Informal learning")).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("Hours", { exact: true }).fill("1.5");
  await page.getByRole("button", { name: "Add the CPD activity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "CPD activity added" })).toBeVisible();
  const entry = cpdCard(page, CPD_TITLE);
  await expect(entry).toContainText(long(today()));
  await expect(entry).toContainText("Informal learning");
  await expect(entry).toContainText(REFLECTION);
  await expect(page.getByRole("list", { name: "CPD activities, newest first" }).getByRole("listitem").first()).toContainText(CPD_TITLE);
  await expect.poll(async () => Number(await cpdHours.textContent())).toBeCloseTo(before + 1.5, 2);
  await expect(page.getByLabel("What was it?")).toHaveValue("");

  // A cost that is not a number comes back with the text kept.
  await requestCourse(page, DECLINED, "about eighty");
  await expect(page.getByRole("alert").getByRole("link", { name: /cost in pounds as a number/ })).toHaveAttribute("href", "#cost");
  await expect(page.getByLabel("Course", { exact: true })).toHaveValue(DECLINED);
  await expectAccessible(page);
  await page.getByLabel("Cost in pounds (optional)").fill("85.50");
  await page.getByRole("button", { name: "Request the training" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Training requested" })).toBeVisible();
  await expect(requestCard(page, DECLINED)).toContainText("Awaiting a decision");
  await expect(requestCard(page, DECLINED)).toContainText("£85.50");

  await requestCourse(page, APPROVED, "£1,200");
  await expect(page.getByRole("status").filter({ hasText: "Training requested" })).toBeVisible();
  await expect(requestCard(page, APPROVED)).toContainText("£1,200");
  // Chloe cannot decide on her own requests.
  await expect(page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await expectAccessible(page);
});

test("Chloe changes her CPD entry, deletes one added by mistake, and withdraws a request", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "worker");
  await visit(page, `/workers/${chloe}/cpd`);

  await cpdCard(page, CPD_TITLE).getByRole("link", { name: /^Change or delete/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change a CPD activity" })).toBeVisible();
  await expect(page.getByLabel("What was it?")).toHaveValue(CPD_TITLE);
  await expect(page.getByLabel("Hours", { exact: true })).toHaveValue("1.5");
  await expect(page.getByLabel("What happened?")).toHaveValue(REFLECTION);
  await expectAccessible(page);
  await page.getByLabel("Hours", { exact: true }).fill("0");
  await page.getByLabel("Now what? What will you do differently?").fill(NOW_WHAT);
  await page.getByRole("button", { name: "Save changes" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "The hours must be more than 0" })).toHaveAttribute("href", "#hours");
  await expect(page.getByLabel("Now what? What will you do differently?")).toHaveValue(NOW_WHAT);
  await expect(page.getByLabel("Hours", { exact: true })).toHaveValue("0");
  await expectAccessible(page);
  await page.getByLabel("Hours", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/workers/${chloe}/cpd\\?saved=cpd-updated`));
  await expect(page.getByRole("status").filter({ hasText: "CPD activity changed." })).toBeVisible();
  await expect(cpdCard(page, CPD_TITLE)).toContainText(NOW_WHAT);
  await expect(cpdCard(page, CPD_TITLE).getByRole("definition").first()).toHaveText("2");
  await expectAccessible(page);

  // One entered by mistake is deleted, after saying yes.
  await page.getByLabel("What was it?").fill(MISTAKE);
  await page.getByLabel("Type of activity").selectOption({ label: "Reading" });
  await page.getByRole("group", { name: "Formal or informal learning" }).getByLabel("Informal learning").check();
  await page.getByLabel("Hours", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Add the CPD activity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "CPD activity added" })).toBeVisible();
  await cpdCard(page, MISTAKE).getByRole("link", { name: /^Change or delete/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change a CPD activity" })).toBeVisible();
  await page.getByRole("button", { name: "Delete the CPD activity" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Tick the box to confirm that this CPD activity is to be deleted" })).toHaveAttribute("href", "#delete-confirm");
  await expectAccessible(page);
  await page.getByLabel("Yes, delete this CPD activity. This cannot be undone.").check();
  await page.getByRole("button", { name: "Delete the CPD activity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "CPD activity deleted." })).toBeVisible();
  await expect(cpdCard(page, MISTAKE)).toHaveCount(0);
  await expect(cpdCard(page, CPD_TITLE)).toHaveCount(1);

  // A request still awaiting a decision is withdrawn, after saying yes; it stays listed as withdrawn.
  await requestCourse(page, WITHDRAWN, "40");
  await expect(page.getByRole("status").filter({ hasText: "Training requested" })).toBeVisible();
  const card = requestCard(page, WITHDRAWN);
  await card.locator("summary", { hasText: "Withdraw" }).click();
  await card.getByRole("button", { name: /^Withdraw the request/ }).click();
  await expect(card.getByRole("alert").getByRole("link", { name: "Tick the box to confirm that this request is to be withdrawn" })).toBeVisible();
  await expectAccessible(page);
  await card.getByLabel(/^Yes, withdraw this request/).check();
  await card.getByRole("button", { name: /^Withdraw the request/ }).click();
  await expect(card.getByText("Withdrawn", { exact: true }).first()).toBeVisible();
  await expect(card.getByRole("button", { name: /^Withdraw the request/ })).toHaveCount(0);
  await expect(card.locator("summary", { hasText: "Withdraw" })).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("the manager sees the requests waiting on the team page; another team's manager gets 404", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "manager");
  await visit(page, "/team");
  const waiting = page.getByRole("list", { name: "Training requests awaiting a decision" });
  await expect(waiting.getByRole("link", { name: `Chloe Mensah: ${DECLINED}` })).toBeVisible();
  await expect(waiting.getByRole("link", { name: `Chloe Mensah: ${APPROVED}` })).toHaveAttribute("href", new RegExp(`^/workers/${chloe}/cpd/requests/[^/]+$`));
  await expect(page.getByText("Training requests to decide", { exact: true })).toBeVisible();
  // The withdrawn one no longer waits.
  await expect(waiting.getByRole("link", { name: `Chloe Mensah: ${WITHDRAWN}` })).toHaveCount(0);

  const other = await signedInPage(browser, "manager2");
  expect((await other.goto(`/workers/${chloe}/cpd`))?.status()).toBe(404);
});

test("on a phone, the team page's link opens the request to decide; approving needs a choice and says what was decided", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("manager"), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await visit(page, "/team");
  await page.getByRole("list", { name: "Training requests awaiting a decision" }).getByRole("link", { name: `Chloe Mensah: ${APPROVED}` }).click();
  // The request itself, at the top: no empty "Request training" form in the way.
  await expect(page.getByRole("heading", { level: 1, name: "Decide on a training request" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: APPROVED })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Request the training" })).toHaveCount(0);
  await expect(page.getByText("Why is it needed?")).toHaveCount(0);
  await expectAccessible(page);

  // One tap decides nothing: the choice comes first.
  await page.getByRole("button", { name: "Save the decision" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Select whether to approve or decline the request" })).toBeVisible();
  await expectAccessible(page);
  const decision = page.getByRole("group", { name: "Do you approve this training?" });
  await expect(page.getByRole("group", { name: "Why is it declined?" })).toBeHidden();
  await decision.getByLabel("Approve").check();
  await page.getByRole("button", { name: "Save the decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: `You approved Chloe Mensah's request for ${APPROVED}.` })).toBeVisible();
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save the decision" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to My team" }).click();
  await expect(page.getByRole("link", { name: `Chloe Mensah: ${APPROVED}` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Chloe Mensah: ${DECLINED}` })).toBeVisible();
  await context.close();
});

test("the manager declines one for funding and records the approved one as attended", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "manager");
  await visit(page, `/workers/${chloe}/cpd`);

  // From the CPD page too, a request awaiting a decision opens its own page.
  await requestCard(page, DECLINED).getByRole("link", { name: /^Approve or decline/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: DECLINED })).toBeVisible();
  await page.getByRole("group", { name: "Do you approve this training?" }).getByLabel("Decline").check();
  const reasons = page.getByRole("group", { name: "Why is it declined?" });
  await expect(reasons).toBeVisible();
  await page.getByRole("button", { name: "Save the decision" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Select why the request is declined" })).toBeVisible();
  // The form comes back with "Decline" still chosen, and the reasons open.
  await expect(reasons).toBeVisible();
  await expectAccessible(page);
  await reasons.getByLabel("Funding").check();
  await page.getByRole("button", { name: "Save the decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: `You declined Chloe Mensah's request for ${DECLINED}. The reason is counted as a barrier to training.` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Training request" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Chloe's CPD and training" }).click();
  await expect(requestCard(page, DECLINED)).toContainText("Declined");
  await expect(requestCard(page, DECLINED)).toContainText("Reason");
  await expect(requestCard(page, DECLINED)).toContainText("Funding");
  await expect(requestCard(page, DECLINED).getByRole("link", { name: /^Approve or decline/ })).toHaveCount(0);
  await expect(requestCard(page, APPROVED)).toContainText("Approved");

  await requestCard(page, APPROVED).getByRole("link", { name: /^Record as attended/ }).click();
  await expect(page.getByRole("heading", { name: `Record as attended: ${APPROVED}` })).toBeVisible();
  await expect(page.getByLabel("What was it?")).toHaveValue(APPROVED);
  await expect(page.getByLabel("Type of activity")).toHaveValue("course");
  await expect(page.getByRole("group", { name: "Formal or informal learning" }).getByLabel("Formal learning", { exact: true })).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Hours", { exact: true }).fill("7.5");
  await page.getByLabel("So what? What did it mean for you and your practice?").fill("learning.spec: I can now teach safe transfers");
  await page.getByRole("button", { name: "Record as attended" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Training recorded as attended and added to CPD" })).toBeVisible();
  const entry = cpdCard(page, APPROVED);
  await expect(entry).toContainText("From a training request");
  await expect(entry).toContainText("Formal learning");
  await expect(requestCard(page, APPROVED)).toContainText("Attended");
  await expect(requestCard(page, APPROVED).getByRole("link", { name: /^Record as attended/ })).toHaveCount(0);

  // Once decided, they are no longer waiting on the team page.
  await visit(page, "/team");
  await expect(page.getByRole("link", { name: `Chloe Mensah: ${APPROVED}` })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Chloe Mensah: ${DECLINED}` })).toHaveCount(0);
});

test("deleting the entry recorded from the training request puts it back to approved, to be recorded again", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const page = await signedInPage(browser, "manager");
  await visit(page, `/workers/${chloe}/cpd`);
  // A decided request offers no withdrawing.
  await expect(requestCard(page, APPROVED).locator("summary", { hasText: "Withdraw" })).toHaveCount(0);
  await expect(requestCard(page, WITHDRAWN)).toContainText("Withdrawn");
  await expect(requestCard(page, WITHDRAWN).getByRole("link", { name: /^Approve or decline/ })).toHaveCount(0);

  await cpdCard(page, APPROVED).getByRole("link", { name: /^Change or delete/ }).click();
  await expect(page.getByText(`Recorded from the training request \u201c${APPROVED}\u201d`)).toBeVisible();
  await expect(page.getByText(/puts the training request back to approved/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Yes, delete this CPD activity. This cannot be undone.").check();
  await page.getByRole("button", { name: "Delete the CPD activity" }).click();
  await expect(page.getByRole("status").filter({ hasText: "CPD activity deleted." })).toBeVisible();
  await expect(cpdCard(page, APPROVED)).toHaveCount(0);
  await expect(requestCard(page, APPROVED).getByText("Approved", { exact: true }).first()).toBeVisible();

  await requestCard(page, APPROVED).getByRole("link", { name: /^Record as attended/ }).click();
  await expect(page.getByRole("heading", { name: `Record as attended: ${APPROVED}` })).toBeVisible();
  await page.getByLabel("Hours", { exact: true }).fill("7.5");
  await page.getByRole("button", { name: "Record as attended" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Training recorded as attended and added to CPD" })).toBeVisible();
  await expect(cpdCard(page, APPROVED)).toContainText("From a training request");
  await expect(requestCard(page, APPROVED)).toContainText("Attended");
  await page.context().close();
});

test("a lead reads CPD and requests but is told they cannot change them; another team's manager and another worker get 404", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const entry = cpdIdFor(CPD_TITLE);
  const lead = await signedInPage(browser, "lead");
  await visit(lead, `/workers/${chloe}/cpd`);
  await expect(lead.getByText(/^Leads read CPD and training requests/)).toBeVisible();
  await expect(cpdCard(lead, CPD_TITLE)).toContainText(NOW_WHAT);
  await expect(lead.getByRole("link", { name: /^Change or delete/ })).toHaveCount(0);
  await expect(lead.locator("summary", { hasText: "Withdraw" })).toHaveCount(0);
  await visit(lead, `/workers/${chloe}/cpd/${entry}/edit`);
  await expect(lead.getByText("Leads read CPD and training requests; only the worker, their manager or an administrator changes them.")).toBeVisible();
  await expect(lead.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(lead.getByRole("button", { name: "Delete the CPD activity" })).toHaveCount(0);
  await lead.context().close();

  const request = idFor("training_requests", DECLINED);
  const leadRequest = await signedInPage(browser, "lead");
  await visit(leadRequest, `/workers/${chloe}/cpd/requests/${request}`);
  await expect(leadRequest.getByRole("heading", { level: 1, name: "Training request" })).toBeVisible();
  await expect(leadRequest.getByRole("button", { name: "Save the decision" })).toHaveCount(0);
  await leadRequest.context().close();

  for (const who of ["manager2", "worker2"] as const) {
    const other = await signedInPage(browser, who);
    expect((await other.goto(`/workers/${chloe}/cpd/${entry}/edit`))?.status(), who).toBe(404);
    expect((await other.goto(`/workers/${chloe}/cpd/requests/${request}`))?.status(), who).toBe(404);
    await other.context().close();
  }
});
