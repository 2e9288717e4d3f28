// Drafts of long forms (issue 17, decision record 0023): what is typed in a CPD entry, a PDP goal or a career
// conversation is kept in the browser, sealed, until it is saved; opening the form again unsaved puts it back with a
// note, which can throw it away; saving drops it, whether the form stays on the page or goes on to another. (The
// appraisal, and the session ending on the way, are in session.spec.ts.)
import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { expectAccessible, visit } from "./support/axe";
import { LOGINS, signedInPage } from "./support/roles";
import { workerIdFor } from "./support/demo-db";
import { shift, today } from "./support/dates";
import { expectDate, fillDate } from "./support/pages";

const storedDrafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pathways-draft:")).map((k) => `${k} ${localStorage.getItem(k)}`));
const restoredNote = (page: Page) => page.getByRole("status").filter({ hasText: "We have put back what you typed here" });

/** Opens the form again as someone coming back to it: the draft, written a moment after the last keystroke, is put back. */
async function comeBack(page: Page) {
  await expect.poll(async () => (await storedDrafts(page)).length).toBe(1);
  await page.reload();
  await expect(restoredNote(page)).toBeVisible();
}

test("what is typed before the page's scripts have loaded is kept as a draft too", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  const path = `/workers/${workerIdFor(LOGINS.worker)}/cpd`;
  // A slow phone: the page shows, but its scripts are held back while she starts typing.
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  const scripts = /\/_next\/static\/chunks\/.+\.js(\?|$)/;
  await page.route(scripts, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(path, { waitUntil: "commit" });
  const EARLY = "Typed while the page was still loading on the bus (drafts.spec)";
  await page.getByLabel("What happened?").fill(EARLY);
  release();
  // Once the scripts run, what she typed is written as a draft, although she typed nothing after.
  await comeBack(page);
  await expect(page.getByLabel("What happened?")).toHaveValue(EARLY);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Discard what was not saved" }).click();
  await expect.poll(() => storedDrafts(page)).toEqual([]);
  await page.context().close();
});

test("a CPD reflection is put back after the page is left, and its draft goes once it is saved", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  const path = `/workers/${workerIdFor(LOGINS.worker)}/cpd`;
  await visit(page, path);
  const REFLECTION = "Watched the physio teach a patient to use a frame on the stairs (drafts.spec)";
  await page.getByLabel("What was it?").fill("Shadowing on the stroke ward (drafts.spec)");
  await page.getByLabel("What happened?").fill(REFLECTION);
  // Sealed: the reflection cannot be read from the browser's storage.
  await expect.poll(async () => (await storedDrafts(page)).length).toBe(1);
  expect((await storedDrafts(page)).join()).not.toContain("stairs");

  await comeBack(page);
  await expect(page.getByLabel("What happened?")).toHaveValue(REFLECTION);
  await expect(page.getByLabel("What was it?")).toHaveValue("Shadowing on the stroke ward (drafts.spec)");
  await expectAccessible(page);

  await page.getByLabel("Type of activity").selectOption({ label: "Shadowing" });
  await page.getByRole("group", { name: "Formal or informal learning" }).getByLabel("Informal learning").check();
  await page.getByLabel("Hours", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Add the CPD activity" }).click();
  await expect(page.getByText(REFLECTION)).toBeVisible();
  await expect.poll(() => storedDrafts(page)).toEqual([]);
  await page.reload();
  await expect(restoredNote(page)).toHaveCount(0);
  await expect(page.getByLabel("What happened?")).toHaveValue("");
  await page.context().close();
});

test("a PDP goal's draft, ticked boxes and all, can be thrown away to see what is saved", async ({ browser }) => {
  const page = await signedInPage(browser, "worker2");
  await visit(page, `/workers/${workerIdFor(LOGINS.worker2)}/pdp/goals/new`);
  await page.getByLabel("What is the goal?").fill("Learn the Makaton signs for the snack-time routine (drafts.spec)");
  await page.getByLabel("Why does it matter?").fill("So the children who sign can ask for what they want (drafts.spec)");
  const domain = page.getByRole("checkbox", { name: /Communication/ }).first();
  // The typing's draft first, then the tick's: on a busy machine the first can be written before the box is ticked,
  // and coming back then would find a draft without it.
  await expect.poll(async () => (await storedDrafts(page)).length).toBe(1);
  const typed = await storedDrafts(page);
  await domain.check();
  await expect.poll(() => storedDrafts(page)).not.toEqual(typed);

  await comeBack(page);
  await expect(page.getByLabel("What is the goal?")).toHaveValue("Learn the Makaton signs for the snack-time routine (drafts.spec)");
  await expect(domain).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Discard what was not saved" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The form shows what is saved." })).toBeFocused();
  await expect(page.getByLabel("What is the goal?")).toHaveValue("");
  await expect(domain).not.toBeChecked();
  await expect.poll(() => storedDrafts(page)).toEqual([]);
  await page.reload();
  await expect(restoredNote(page)).toHaveCount(0);
  await page.context().close();
});

test("a career conversation's draft, steps and choices included, goes once it is saved and the page moves on", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  const path = `/workers/${workerIdFor(LOGINS.worker)}/conversations/new`;
  await visit(page, path);
  const OPTIONS = "The level 3 senior healthcare support worker apprenticeship, then the assistant practitioner one (drafts.spec)";
  await page.getByRole("group", { name: "Their aspiration" }).getByLabel("Assistant practitioner").check();
  await page.getByRole("group", { name: "Are they interested in an apprenticeship?" }).getByLabel("Yes").check();
  await page.getByLabel("Options discussed").fill(OPTIONS);
  await page.getByRole("group", { name: "Step 1" }).getByLabel("What will happen").fill("Ask the education team about funding (drafts.spec)");
  await fillDate(page.getByRole("group", { name: "Step 1" }), "Due by", shift(today(), 30));

  await comeBack(page);
  await expect(page.getByLabel("Options discussed")).toHaveValue(OPTIONS);
  await expect(page.getByRole("group", { name: "Their aspiration" }).getByLabel("Assistant practitioner")).toBeChecked();
  await expect(page.getByRole("group", { name: "Step 1" }).getByLabel("What will happen")).toHaveValue("Ask the education team about funding (drafts.spec)");
  // A date comes back as it was typed, day, month and year.
  await expectDate(page.getByRole("group", { name: "Step 1" }), "Due by", shift(today(), 30));
  await expectAccessible(page);

  await page.getByRole("button", { name: "Save the conversation" }).click();
  await expect(page).toHaveURL(/\/conversations\/[^/]+\?saved=recorded$/);
  await expect.poll(() => storedDrafts(page)).toEqual([]);
  await page.goto(path);
  await expect(page.getByLabel("Options discussed")).toHaveValue("");
  await expect(restoredNote(page)).toHaveCount(0);
  await page.context().close();
});
