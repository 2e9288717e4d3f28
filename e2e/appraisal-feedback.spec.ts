// Feedback from colleagues for an appraisal (issue 20, decision record 0035), as the people involved go through it:
// Chloe Mensah's manager asks a colleague of her team for feedback (refused without choosing one); the colleague, who
// signs in through the form, finds the request in their inbox, is refused sending nothing, gives it, and finds it can
// no longer change; Chloe reads it on her appraisal with the colleague's name; a lead sees no feedback on the appraisal,
// and another worker and Chloe's manager get 404 on the colleague's page. An administrator then shows feedback
// anonymously, and a second colleague's feedback, asked by Chloe, is shown without their name and with the note that
// one or two anonymous responses could be traced. Each page is checked with axe and photographed at 390 and 1280 pixels wide.
import { test, expect } from "./support/test";
import type { Page } from "@playwright/test";
import { errorSummary } from "./support/pages";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, signInThroughForm } from "./support/roles";
import { change, row, workerId as workerIdOf } from "./support/data";

test.describe.configure({ mode: "serial" });

const COLLEAGUE_EMAIL = "colleague@demo.test";
const DOES_WELL = "Calm and kind with patients who are anxious about moving (appraisal-feedback-e2e)";
const SHOTS = process.env.E2E_SHOTS_DIR;

let workerId = "";
let appraisalPath = "";
let colleagueName = "";
let requestPath = "";

/** Photographs the page at a phone's width and a laptop's, when E2E_SHOTS_DIR asks for it. */
async function photograph(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Gives the first colleague without a login in Chloe's team one, with the demo password, as an administrator would. */
async function giveLogin(chloe: { orgId: string; teamId: string; hash: string }, userId: string, email: string) {
  const colleague = (await row<{ id: string; name: string }>(
    `select id, first_name || ' ' || last_name as name from workers where team_id = ? and status = 'in_post' and user_id is null order by last_name limit 1`,
    chloe.teamId,
  ))!;
  const now = Date.now();
  await change(
    `insert into users (id, org_id, email, name, role, password_hash, status, session_version, created_at, updated_at)
     values (?, ?, ?, ?, 'support_worker', ?, 'active', 1, ?, ?)`,
    userId,
    chloe.orgId,
    email,
    colleague.name,
    chloe.hash,
    now,
    now,
  );
  await change("update workers set user_id = ? where id = ?", userId, colleague.id);
  return colleague.name;
}

let chloe: { orgId: string; teamId: string; hash: string };

test("first, a colleague in Chloe's team is given a login (the demo has none), and her open appraisal found", async () => {
  workerId = await workerIdOf("worker@demo.test");
  const open = await row<{ id: string }>(
    "select id from appraisals where worker_id = ? and status in ('scheduled','in_progress','awaiting_sign_off')",
    workerId,
  );
  expect(open, "the demo books Chloe's next appraisal").toBeDefined();
  appraisalPath = `/workers/${workerId}/appraisals/${open!.id}`;
  chloe = (await row<{ orgId: string; teamId: string; hash: string }>(
    `select u.org_id as "orgId", w.team_id as "teamId", u.password_hash as hash from workers w join users u on u.id = w.user_id where w.id = ?`,
    workerId,
  ))!;
  colleagueName = await giveLogin(chloe, "e2e-colleague-login", COLLEAGUE_EMAIL);
});

test("Chloe's manager asks the colleague for feedback, refused without choosing one", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, appraisalPath);
  const section = page.getByRole("region", { name: "Feedback from colleagues" });
  await expect(section).toContainText("It is shown with the name of the colleague who gave it.");
  await section.getByRole("button", { name: "Ask for feedback" }).click();
  await expect(errorSummary(page)).toContainText("Choose a colleague");
  await expectAccessible(page);
  await page.getByLabel("Colleague to ask").selectOption({ label: colleagueName });
  await page.getByRole("button", { name: "Ask for feedback" }).click();
  await expect(page.getByText("Feedback asked for.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Feedback from colleagues" })).toContainText(`${colleagueName}: not answered yet`);
  // Asked once is enough: the colleague is no longer offered.
  await expect(page.getByLabel("Colleague to ask").getByRole("option", { name: colleagueName })).toHaveCount(0);
  await expectAccessible(page);
  await photograph(page, "appraisal-feedback-asked");
  await page.context().close();
  const request = (await row<{ id: string }>("select id from appraisal_feedback_requests where invitee_id = ?", "e2e-colleague-login"))!;
  requestPath = `${appraisalPath}/feedback/${request.id}`;
});

test("the colleague finds the request in their inbox, is refused sending nothing, and gives their feedback once", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, COLLEAGUE_EMAIL);
  await page.waitForURL("**/me");
  await visit(page, "/inbox");
  await page.getByRole("link", { name: /Give feedback for Chloe Mensah's appraisal/ }).click();
  await page.waitForURL(`**${requestPath}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedback for Chloe Mensah's appraisal");
  await expect(page.getByText("It is shown to them with your name.")).toBeVisible();
  await expectAccessible(page);
  await photograph(page, "appraisal-feedback-give");
  await page.getByRole("button", { name: "Give feedback" }).click();
  await expect(errorSummary(page)).toContainText("Answer at least one of the questions");
  await expectAccessible(page);
  await page.getByLabel("What do they do well?").fill(DOES_WELL);
  await page.getByRole("button", { name: "Give feedback" }).click();
  await expect(page.getByText("Thank you. Your feedback was sent.")).toBeVisible();
  await expect(page.getByText("It cannot be changed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Give feedback" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Your feedback" })).toContainText(DOES_WELL);
  await expectAccessible(page);
  await photograph(page, "appraisal-feedback-given");
  // It is gone from the inbox.
  await page.goto("/inbox");
  await expect(page.getByRole("link", { name: /Give feedback for Chloe Mensah's appraisal/ })).toHaveCount(0);
  // The audit trail names who gave it, never what they wrote.
  const audit = (await row<{ summary: string }>("select summary from audit_events where action = 'appraisal.feedback_given' and actor_id = ?", "e2e-colleague-login"))!;
  expect(audit.summary).not.toContain("Calm and kind");
  await context.close();
});

test("Chloe reads it on her appraisal with the colleague's name", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  await visit(page, appraisalPath);
  const section = page.getByRole("region", { name: "Feedback from colleagues" });
  await expect(section).toContainText(`From ${colleagueName}`);
  await expect(section).toContainText(DOES_WELL);
  await photograph(page, "appraisal-feedback-read");
  await page.context().close();
});

test("a lead sees no feedback on the appraisal; another worker and Chloe's manager get 404 on the colleague's page", async ({ browser }) => {
  const lead = await signedInPage(browser, "lead");
  await lead.goto(appraisalPath);
  await expect(lead.getByRole("heading", { level: 1 })).toContainText("Appraisal");
  await expect(lead.getByText("Feedback from colleagues")).toHaveCount(0);
  await expect(lead.getByText(DOES_WELL)).toHaveCount(0);
  expect((await lead.goto(requestPath))?.status()).toBe(404);
  await lead.context().close();
  for (const who of ["worker2", "manager", "worker"] as const) {
    const page = await signedInPage(browser, who);
    expect((await page.goto(requestPath))?.status(), who).toBe(404);
    await page.context().close();
  }
});

test("an administrator shows feedback anonymously from now on; what was given keeps its name", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin");
  await visit(admin, "/admin");
  await admin.getByRole("link", { name: "Appraisal feedback" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Appraisal feedback");
  await expectAccessible(admin);
  await admin.getByLabel("Without their name").check();
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Feedback given from now on is shown this way")).toBeVisible();
  await expectAccessible(admin);
  await photograph(admin, "admin-appraisal-feedback");
  await admin.context().close();

  const manager = await signedInPage(browser, "manager");
  await manager.goto(appraisalPath);
  const section = manager.getByRole("region", { name: "Feedback from colleagues" });
  await expect(section).toContainText("Your organisation shows it without the name");
  await expect(section).toContainText(`From ${colleagueName}`);
  await manager.context().close();
});

test("a second colleague, asked by Chloe, gives feedback anonymously: shown without a name, with the note that it could be traced", async ({ browser }) => {
  const secondName = await giveLogin(chloe, "e2e-second-colleague", "colleague2@demo.test");
  const worker = await signedInPage(browser, "worker");
  await worker.goto(appraisalPath);
  await worker.getByLabel("Colleague to ask").selectOption({ label: secondName });
  await worker.getByRole("button", { name: "Ask for feedback" }).click();
  await expect(worker.getByText("Feedback asked for.")).toBeVisible();
  await worker.context().close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughForm(page, "colleague2@demo.test");
  await page.waitForURL("**/me");
  await page.goto("/inbox");
  await page.getByRole("link", { name: /Give feedback for Chloe Mensah's appraisal/ }).click();
  await expect(page.getByText("It is shown to them without your name. The audit trail still records that you gave it")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("What could they develop?").fill("Taking the lead in the morning huddle");
  await page.getByRole("button", { name: "Give feedback" }).click();
  await expect(page.getByText("Thank you. Your feedback was sent.")).toBeVisible();
  await context.close();

  const manager = await signedInPage(browser, "manager");
  await visit(manager, appraisalPath);
  const section = manager.getByRole("region", { name: "Feedback from colleagues" });
  await expect(section.getByRole("heading", { name: "From a colleague (anonymous)" })).toBeVisible();
  await expect(section).toContainText("Taking the lead in the morning huddle");
  await expect(section).toContainText("could be traced to the colleague who gave it");
  await expect(section).toContainText("Who answered is not shown");
  await expect(section.getByText(`From ${secondName}`)).toHaveCount(0);
  await photograph(manager, "appraisal-feedback-anonymous");
  await manager.context().close();
});
