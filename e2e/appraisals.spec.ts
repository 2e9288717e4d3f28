// The annual appraisal, as the people involved go through it: manager2 books Daniel Kowalski's appraisal and moves it
// to another date with a reason (refused the same date, the reason kept; the move listed; the inbox follows), then
// Daniel is asked in his inbox to prepare, is refused sharing an empty preparation, saves it and comes back, then
// shares it, and the reminder goes; manager2 reads it on the appraisal page as he writes and sends it (adding its new
// objective to his PDP); Daniel reads it, tries sending it back without a reason,
// then signs it, spoken to as "you" throughout; it waits for the appraiser, and manager2 signs as appraiser (refused a
// wrong password), which completes it; manager2 finds it locked, prints it with both signatures, and reopens it with a
// reason. With none booked, Daniel is offered no booking, and his earlier appraisals fit a phone. Another team's
// manager and another worker get 404; a lead reads only.
import { test, expect } from "./support/test";
import { errorSummary, expectDate, fillDate } from "./support/pages";
import { long, shift, today, yearsOn } from "./support/dates";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { PASSWORD, signedInPage, storageState } from "./support/roles";
import { row, workerId as workerIdOf } from "./support/data";

test.describe.configure({ mode: "serial" });

const TAG = "appraisals-e2e";
const OBJECTIVE = `Run the Makaton sign of the week for the team (${TAG})`;
const COMMENT = `Thank you, a fair record of my year (${TAG})`;
const WENT_WELL = `The parent drop-in sessions, which I now run on my own (${TAG})`;
const LEARN = `Makaton level 2, and leading a group session (${TAG})`;

let workerId = "";
let appraisalPath = "";


async function openAppraisal(id: string) {
  return row<{ id: string; status: string; workerSigned: unknown; appraiserSigned: unknown }>(
    `select id, status, worker_signed_at as "workerSigned", appraiser_signed_at as "appraiserSigned" from appraisals
     where worker_id = ? and status in ('scheduled','in_progress','awaiting_sign_off')`,
    id,
  );
}

/** What the audit trail recorded of one of the appraisal's signatures (the worker's, or the appraiser's). */
async function signatureAudit(appraisalId: string, action = "appraisal.signed_off") {
  const found = await row<{ actorId: string; summary: string }>(
    `select actor_id as "actorId", summary from audit_events where entity_id = ? and action = ?`,
    appraisalId,
    action,
  );
  return found && { actorId: found.actorId, summary: JSON.parse(found.summary) as Record<string, unknown> };
}

/** The objective in the record's "New objectives" section. */
const newObjective = (page: Page) => page.getByRole("region", { name: "New objectives", exact: true }).getByText(OBJECTIVE);
const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

test("first, any appraisal of Daniel's that the demo data has open is closed", async ({ browser }) => {
  workerId = await workerIdOf("worker2@demo.test");
  const open = await openAppraisal(workerId);
  if (!open) return;
  if (open.status === "awaiting_sign_off") {
    // Both sign, each what they have not signed yet.
    if (!open.workerSigned) {
      const page = await signedInPage(browser, "worker2");
      await page.goto(`/workers/${workerId}/appraisals/${open.id}`);
      await page.getByLabel("Your password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign off my appraisal" }).click();
      await expect(status(page, "signed off")).toBeVisible();
      await page.context().close();
    }
    if (!open.appraiserSigned) {
      const page = await signedInPage(browser, "manager2");
      await page.goto(`/workers/${workerId}/appraisals/${open.id}`);
      await page.getByLabel("Your password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign as appraiser" }).click();
      await expect(status(page, "Signed as appraiser")).toBeVisible();
      await page.context().close();
    }
  } else {
    const page = await signedInPage(browser, "manager2");
    await page.goto(`/workers/${workerId}/appraisals/${open.id}`);
    await page.getByLabel("Reason for cancelling").fill(`Clearing the way for the ${TAG} run`);
    await page.getByRole("button", { name: "Cancel the appraisal" }).click();
    await expect(status(page, "cancelled")).toBeVisible();
    await page.context().close();
  }
  expect(await openAppraisal(workerId)).toBeUndefined();
});

test("Daniel, with none booked, reads his appraisals on a phone: nothing he cannot do, and the earlier ones fit 390 px", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("worker2"), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await visit(page, `/workers/${workerId}/appraisals`);
  // Booking is his manager's to do: no heading offering it to him.
  await expect(page.getByRole("heading", { name: "Book the next appraisal" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: "Next appraisal", exact: true })).toBeVisible();
  await expect(page.getByText("No appraisal is booked yet. Your manager books it with you.")).toBeVisible();
  await expect(page.getByRole("button", { name: /book/i })).toHaveCount(0);
  // The table's scrolling box (the section around it is a region of the same name).
  const earlier = page.locator('[role="region"][aria-label="Earlier appraisals"]');
  await expect(earlier.getByText(/^With /).first()).toBeVisible();
  await expect(earlier.getByText(/^Signed off \d/).first()).toBeVisible();
  const cutOff = await earlier.evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(cutOff, "px of the earlier appraisals' table beyond the screen").toBeLessThanOrEqual(0);
  await context.close();
});

test("manager2 books the appraisal, refused a date three years ahead with the date kept, then moves it with a reason", async ({ browser }) => {
  const page = await signedInPage(browser, "manager2");
  await visit(page, `/workers/${workerId}/appraisals`);
  await expect(page.getByRole("heading", { level: 1, name: "Appraisals" })).toBeVisible();
  await expect(page.getByText(/Next appraisal due/)).toBeVisible();

  const far = yearsOn(today(), 3);
  await fillDate(page, "Appraisal date", far);
  await page.getByLabel("Appraiser").selectOption({ label: "Tunde Adebayo" });
  await page.getByRole("button", { name: "Schedule the appraisal" }).click();
  await expect(errorSummary(page)).toContainText("within 18 months");
  await expectDate(page, "Appraisal date", far);
  await expectAccessible(page);

  await fillDate(page, "Appraisal date", today());
  await page.getByRole("button", { name: "Schedule the appraisal" }).click();
  await expect(status(page, "Appraisal scheduled")).toBeVisible();
  appraisalPath = new URL(page.url()).pathname;
  await expectAccessible(page);

  // Moving it: the date it is booked for is refused, with the reason kept; another date moves it, and the move is listed.
  const moved = shift(today(), 7);
  const reason = `Clinic cover on the day (${TAG})`;
  const move = page.getByRole("region", { name: "Move to another date" });
  await fillDate(move, "New date", today());
  await move.getByLabel("Reason for moving it").fill(reason);
  await move.getByRole("button", { name: "Move the appraisal" }).click();
  await expect(errorSummary(page)).toContainText(`already booked for ${long(today())}`);
  await expect(move.getByLabel("Reason for moving it")).toHaveValue(reason);
  await expect(move.getByLabel("Reason for moving it")).not.toHaveAttribute("aria-describedby", /error/);
  await expectAccessible(page);
  await fillDate(move, "New date", moved);
  await move.getByRole("button", { name: "Move the appraisal" }).click();
  await expect(status(page, "Appraisal moved to the new date")).toBeVisible();
  const moves = page.getByRole("region", { name: "Date changes" });
  await expect(moves).toContainText(`Moved from ${long(today())} to ${long(moved)}`);
  await expect(moves).toContainText(reason);
  await expect(moves).toContainText("By Tunde Adebayo");
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/appraisal-moved-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/appraisal-moved-1280.png", fullPage: true });

  // The reminder follows the new date.
  await visit(page, "/inbox");
  const reminder = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("link", { name: "Appraisal meeting" }) }).filter({ hasText: "Daniel Kowalski" });
  await expect(reminder).toContainText(`Booked for ${long(moved)}`);
  await page.context().close();
});

test("Daniel prepares from his inbox: refused sharing nothing, saves and comes back, then shares it and the reminder goes", async ({ browser }) => {
  const page = await signedInPage(browser, "worker2");
  await visit(page, "/inbox");
  await page.getByRole("link", { name: "Prepare for your appraisal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Preparing for the appraisal" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${appraisalPath}/preparation$`));
  await expect(page.getByText("Only you can see it until you share it with your manager.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Share with my manager" }).click();
  await expect(errorSummary(page)).toContainText("Write at least one answer before you share your preparation");
  await expect(page.getByLabel("What went well this year")).toHaveAttribute("aria-describedby", /wentWell-error/);
  await expectAccessible(page);

  await page.getByLabel("What went well this year").fill(WENT_WELL);
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(status(page, "Saved. Only you can see it until you share it with your manager.")).toBeVisible();
  // Coming back, it is as he left it; still in his inbox, and still his alone.
  await visit(page, "/inbox");
  await page.getByRole("link", { name: "Prepare for your appraisal" }).click();
  await expect(page.getByLabel("What went well this year")).toHaveValue(WENT_WELL);
  await page.getByLabel("What you want to learn next").fill(LEARN);
  await page.getByLabel("Your wellbeing").fill("Settled; the new rota helps");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/appraisal-preparation-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/appraisal-preparation-1280.png", fullPage: true });
  await page.getByRole("button", { name: "Share with my manager" }).click();
  await expect(status(page, "Shared with your manager")).toBeVisible();
  await expect(page.getByText(/^You shared it with your manager on /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  await expectAccessible(page);

  await visit(page, "/inbox");
  await expect(page.getByRole("link", { name: "Prepare for your appraisal" })).toHaveCount(0);
  await visit(page, appraisalPath);
  await expect(page.getByRole("region", { name: "Your preparation" })).toContainText("You shared it with your manager on");
  await page.context().close();
});

test("manager2 starts it, fills the form with a new objective, adds it to the PDP and sends it for sign-off", async ({ browser }) => {
  const page = await signedInPage(browser, "manager2");
  await visit(page, appraisalPath);
  // Daniel's preparation, there as he writes it.
  const prepared = page.getByRole("region", { name: "Daniel's preparation" });
  await expect(prepared).toContainText(WENT_WELL);
  await expect(prepared).toContainText(LEARN);
  await page.screenshot({ path: "test-results/appraisal-manager-preparation-1280.png", fullPage: true });
  await page.getByRole("button", { name: "Start the appraisal" }).click();
  await expect(status(page, "Appraisal started")).toBeVisible();
  await expectAccessible(page);

  // Sending before it is ready lists what is missing, and nothing typed is lost.
  await page.getByLabel("Achievements").fill(`Ran the parent drop-in sessions (${TAG})`);
  await page.getByRole("button", { name: /Save and send to Daniel/ }).click();
  await expect(errorSummary(page)).toContainText("Enter the date the appraisal meeting was held");
  await expect(page.getByLabel("Achievements")).toHaveValue(`Ran the parent drop-in sessions (${TAG})`);

  const reviews = page.locator("#reviews fieldset");
  const n = await reviews.count();
  for (let i = 0; i < n; i++) await reviews.nth(i).getByLabel("Met", { exact: true }).check();
  await fillDate(page, "Date the meeting was held", today());
  await page.getByLabel("Wellbeing").fill("Settled, enjoying the caseload");
  await page.getByLabel("Feedback").fill("Parents value his calm explanations");
  await page.getByLabel("Training and development needs").fill("Makaton level 2");

  const first = page.getByRole("group", { name: "New objective 1" });
  await first.getByLabel("Objective", { exact: true }).fill(OBJECTIVE);
  await first.getByLabel("How success will be seen").fill("A sign each week on the board; two colleagues using it");
  await fillDate(first, "Target date", `${Number(today().slice(0, 4)) + 1}-06-30`);
  // Another row comes from the server, keeping what was typed.
  await page.getByRole("button", { name: "Add another objective" }).click();
  await expect(page.getByRole("group", { name: "New objective 2" })).toBeVisible();
  await expect(first.getByLabel("Objective", { exact: true })).toHaveValue(OBJECTIVE);
  await page.getByRole("textbox", { name: "Summary" }).fill(`A strong year; ready for more responsibility (${TAG})`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(status(page, "Appraisal saved")).toBeVisible();
  await expectAccessible(page);

  const pdp = page.getByRole("region", { name: "New objectives and the PDP" });
  await expect(pdp).toContainText(`${OBJECTIVE}: not in the PDP yet`);
  await pdp.getByRole("button", { name: "Add these objectives to the PDP" }).click();
  await expect(status(page, "1 objective added to the PDP")).toBeVisible();
  await expect(pdp.getByRole("link", { name: "a goal in the PDP" })).toHaveAttribute("href", new RegExp(`/workers/${workerId}/pdp/goals/.+`));
  await expect(page.getByRole("link", { name: "Record the career conversation" })).toHaveAttribute(
    "href",
    `/workers/${workerId}/conversations/new?appraisal=${appraisalPath.split("/").pop()}`,
  );
  await expectAccessible(page);

  await page.getByRole("button", { name: /Save and send to Daniel/ }).click();
  await expect(status(page, "Sent for sign-off")).toBeVisible();
  await expect(newObjective(page)).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test("Daniel reads it, needs a reason to send it back, then signs it with a comment", async ({ browser }) => {
  const page = await signedInPage(browser, "worker2");
  await visit(page, `/workers/${workerId}/appraisals`);
  // Spoken to as "you" about his own appraisal.
  await expect(page.getByText("Awaiting your sign-off")).toBeVisible();
  await expect(page.getByText(/the worker's sign-off/i)).toHaveCount(0);
  await page.getByRole("link", { name: "Read and sign off your appraisal" }).click();
  await expect(newObjective(page)).toBeVisible();
  await expect(page.getByText("Awaiting your sign-off")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Your comments (optional)").fill(COMMENT);
  await page.getByRole("button", { name: "Send back to my manager" }).click();
  await expect(errorSummary(page)).toContainText("Give a reason");
  await expect(page.getByLabel("Your comments (optional)")).toHaveValue(COMMENT);
  await expectAccessible(page);

  // Signing proves it is him: without his password, or with a wrong one, nothing is signed and his comment stays.
  await page.getByRole("button", { name: "Sign off my appraisal" }).click();
  // (The send-back form above still shows its own error: two summaries, one a form.)
  await expect(page.getByRole("alert").filter({ hasText: "Enter your password to confirm it is you" })).toBeVisible();
  await expect(page.getByLabel("Your comments (optional)")).toHaveValue(COMMENT);
  await page.getByLabel("Your password").fill("not-my-password");
  await page.getByRole("button", { name: "Sign off my appraisal" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The password is not right" })).toBeVisible();
  await expect(page.getByLabel("Your password")).toHaveValue("");
  await expect(page.getByLabel("Your password")).toHaveAttribute("aria-describedby", /password-error/);
  await expectAccessible(page);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign off my appraisal" }).click();
  // His signature alone does not complete it: it waits for the appraiser's.
  await expect(status(page, "Appraisal signed off. It is complete once the appraiser signs it too.")).toBeVisible();
  expect((await signatureAudit(appraisalPath.split("/").at(-1)!))?.summary).toMatchObject({ reauthenticated: "password", completed: false });
  await expect(page.getByText(COMMENT)).toBeVisible();
  await expect(page.getByText(/^You signed it off on .+\. It is complete once the appraiser signs it too\.$/)).toBeVisible();
  await expect(page.getByText("Awaiting the appraiser's signature")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign off my appraisal" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your comments" })).toBeVisible();
  await expect(page.getByText("Signed off by you", { exact: true })).toBeVisible();
  await expect(page.getByText(/Signed off by Daniel|the worker's comments|Signed off by the worker/i)).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("manager2 signs as appraiser: a wrong password signs nothing; with his password both have signed and it is complete", async ({ browser }) => {
  const page = await signedInPage(browser, "manager2");
  await visit(page, appraisalPath);
  await expect(page.getByText(/^Daniel Kowalski signed it off on \d/)).toBeVisible();
  const sign = page.getByRole("region", { name: "Sign as appraiser" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/appraisal-appraiser-sign-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await sign.getByLabel("Your password").fill("not-my-password");
  await sign.getByRole("button", { name: "Sign as appraiser" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The password is not right" })).toBeVisible();
  expect(await signatureAudit(appraisalPath.split("/").at(-1)!, "appraisal.appraiser_signed")).toBeUndefined();
  await expectAccessible(page);
  await sign.getByLabel("Your password").fill(PASSWORD);
  await sign.getByRole("button", { name: "Sign as appraiser" }).click();
  await expect(status(page, "Signed as appraiser. Both have signed, so the appraisal is now complete.")).toBeVisible();
  expect((await signatureAudit(appraisalPath.split("/").at(-1)!, "appraisal.appraiser_signed"))?.summary).toMatchObject({ reauthenticated: "password", completed: true });
  await expect(page.getByText(/^Signed off by Daniel Kowalski on .+ and by Tunde Adebayo as appraiser on .+\. Locked\.$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Sign as appraiser" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/appraisal-signed-by-both-1280.png", fullPage: true });
  await expectAccessible(page);
  await page.context().close();
});

test("another team's manager and another worker get 404; a lead reads it and changes nothing", async ({ browser }) => {
  for (const who of ["manager", "worker"] as const) {
    const page = await signedInPage(browser, who);
    expect((await page.goto(appraisalPath))?.status()).toBe(404);
    expect((await page.goto(`/workers/${workerId}/appraisals`))?.status()).toBe(404);
    expect((await page.goto(`${appraisalPath}/print`))?.status()).toBe(404);
    expect((await page.goto(`${appraisalPath}/preparation`))?.status()).toBe(404);
    await page.context().close();
  }
  const lead = await signedInPage(browser, "lead");
  await visit(lead, appraisalPath);
  await expect(newObjective(lead)).toBeVisible();
  await expect(lead.getByRole("button", { name: /Save|Reopen|Cancel|Sign off|Start/ })).toHaveCount(0);
  await expect(lead.getByRole("textbox")).toHaveCount(0);
  await visit(lead, `${appraisalPath}/preparation`);
  await expect(lead.getByRole("region", { name: "Daniel's preparation" })).toContainText(WENT_WELL);
  await expect(lead.getByRole("textbox")).toHaveCount(0);
  await expect(lead.getByRole("button", { name: /Share|Save/ })).toHaveCount(0);
  await lead.context().close();
});

test("manager2 finds it locked, prints it, and reopens it with a reason", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, "manager2");
  await visit(page, appraisalPath);
  await expect(page.getByText(/Signed off by Daniel Kowalski on .+ Locked/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Summary" })).toHaveCount(0);

  await page.getByRole("link", { name: "Print or save as PDF" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Appraisal / })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("heading", { name: "Career conversation" })).toBeVisible();
  // Both signatures, each a name with the date and time.
  await expect(page.getByText(/^Daniel Kowalski, \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expect(page.getByText(/^Tunde Adebayo, \d{1,2} \w+ \d{4}/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Date changes" })).toContainText("Clinic cover on the day");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Worker record" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("appraisal-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  await visit(page, appraisalPath);
  await page.getByRole("button", { name: "Reopen the appraisal" }).click();
  await expect(errorSummary(page)).toContainText("Give a reason");
  await page.getByLabel("Reason for reopening").fill(`Target date agreed later (${TAG})`);
  await page.getByRole("button", { name: "Reopen the appraisal" }).click();
  await expect(status(page, "Appraisal reopened")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});
