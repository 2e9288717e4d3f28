// Career conversations, as people use them: Daniel's manager records one (fixing a date on the way), turns a step
// into a PDP goal; Daniel sees it on his own record and ticks a step done; a lead reads it; another manager gets 404.
import { test, expect } from "./support/test";
import { errorSummary, expectDate, fillDate } from "./support/pages";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { workerIdFor } from "./support/demo-db";
import { today, shift } from "./support/dates";

// Many pages, each checked by axe: more than the default minute on a busy machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });


const DETAIL = "conversations.spec: assistant practitioner in children's speech and language therapy";
const STEP_ONE = "conversations.spec: visit the university open day";
const STEP_TWO = "conversations.spec: shadow the assistant practitioner for a day";
let conversationPath = "";

test("Daniel's manager records a career conversation, fixing the next date on the way", async ({ browser }) => {
  const daniel = workerIdFor(LOGINS.worker2);
  const page = await signedInPage(browser, "manager2");
  await visit(page, `/workers/${daniel}/conversations`);
  await expect(page.getByRole("heading", { level: 1, name: "Career conversations" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Career conversations" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Record a career conversation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a career conversation" })).toBeVisible();
  await expectAccessible(page);

  await expectDate(page, "Date of the conversation", today());
  await page.getByRole("group", { name: "Their aspiration" }).getByLabel("Assistant practitioner").check();
  await page.getByLabel(/In their words/).fill(DETAIL);
  await page.getByRole("group", { name: "Are they interested in an apprenticeship?" }).getByLabel("Yes").check();
  await page.getByRole("group", { name: "Barriers they face" }).getByLabel("Financial").check();
  await page.getByLabel("Options discussed").fill("conversations.spec: level 5 assistant practitioner apprenticeship");
  await page.getByRole("group", { name: "Step 1" }).getByLabel("What will happen").fill(STEP_ONE);
  await fillDate(page.getByRole("group", { name: "Step 1" }), "Due by", shift(today(), 30));

  // "Add another step" comes back with a fourth row and everything typed kept.
  await page.getByRole("button", { name: "Add another step" }).click();
  await expect(page.getByRole("group", { name: "Step 4" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Step 1" }).getByLabel("What will happen")).toHaveValue(STEP_ONE);
  await expect(page.getByLabel(/In their words/)).toHaveValue(DETAIL);

  await page.getByRole("group", { name: "Step 2" }).getByLabel("What will happen").fill(STEP_TWO);
  await fillDate(page.getByRole("group", { name: "Step 2" }), "Due by", shift(today(), 60));
  await fillDate(page, /Date of the next conversation/, shift(today(), -1));
  await page.getByRole("button", { name: "Save the conversation" }).click();

  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: /The next conversation must be after this one/ })).toHaveAttribute("href", "#nextConversationOn");
  await expect(page.getByLabel(/In their words/)).toHaveValue(DETAIL);
  await expect(page.getByRole("group", { name: "Step 2" }).getByLabel("What will happen")).toHaveValue(STEP_TWO);
  await expect(page.getByRole("group", { name: "Their aspiration" }).getByLabel("Assistant practitioner")).toBeChecked();
  await expect(page.getByRole("group", { name: "Barriers they face" }).getByLabel("Financial")).toBeChecked();
  await expectAccessible(page);

  await fillDate(page, /Date of the next conversation/, shift(today(), 180));
  // Enter in a text box saves (it must not press "Add another step", the first button a person sees).
  await page.getByRole("group", { name: "Step 1" }).getByLabel("What will happen").press("Enter");

  await expect(page.getByText("Career conversation recorded.")).toBeVisible();
  await expect(page.getByText(DETAIL)).toBeVisible();
  await expect(page.getByText(STEP_ONE, { exact: true })).toBeVisible();
  conversationPath = new URL(page.url()).pathname;
  await expectAccessible(page);

  // The first step becomes a goal in Daniel's PDP; the page then links it.
  await page.getByRole("button", { name: `Make this a PDP goal: ${STEP_ONE}` }).click();
  const goalLink = page.getByRole("link", { name: STEP_ONE });
  await expect(goalLink).toHaveAttribute("href", new RegExp(`^/workers/${daniel}/pdp/goals/.+`));
  await expect(page.getByRole("button", { name: `Make this a PDP goal: ${STEP_ONE}` })).toHaveCount(0);
  await expectAccessible(page);

  // Editing keeps the steps (they are managed on the conversation's page).
  await page.getByRole("link", { name: "Edit the conversation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit career conversation" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Options discussed").fill("conversations.spec: level 5 apprenticeship, and a shadowing day");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page.getByText("conversations.spec: level 5 apprenticeship, and a shadowing day")).toBeVisible();
  await expect(page.getByRole("link", { name: STEP_ONE })).toBeVisible();

  // The list shows it first, with its open steps and the next date.
  await visit(page, `/workers/${daniel}/conversations`);
  const latest = page.getByRole("region", { name: "Latest conversation" });
  await expect(latest).toContainText(DETAIL);
  await expect(latest).toContainText("Financial");
  await expect(latest).toContainText(STEP_TWO);
  await page.context().close();
});

test("Daniel sees it on his own record and ticks a step done", async ({ browser }) => {
  const page = await signedInPage(browser, "worker2");
  await visit(page, conversationPath);
  await expect(page.getByText(DETAIL)).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit the conversation" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Make this a PDP goal/ })).toHaveCount(0);
  await page.getByRole("button", { name: `Mark done: ${STEP_TWO}` }).click();
  await expect(page.getByRole("button", { name: `Mark as not done: ${STEP_TWO}` })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: STEP_TWO })).toContainText("Done");
  await expectAccessible(page);
  await page.context().close();
});

test("another team's manager gets 404; a lead reads it without changing anything", async ({ browser }) => {
  const daniel = workerIdFor(LOGINS.worker2);
  const other = await signedInPage(browser, "manager");
  expect((await other.goto(`/workers/${daniel}/conversations`))?.status()).toBe(404);
  expect((await other.goto(conversationPath))?.status()).toBe(404);
  expect((await other.goto(`/workers/${daniel}/conversations/new`))?.status()).toBe(404);
  await other.context().close();

  const lead = await signedInPage(browser, "lead");
  await visit(lead, `/workers/${daniel}/conversations`);
  await expect(lead.getByRole("region", { name: "Latest conversation" })).toContainText(DETAIL);
  await expect(lead.getByRole("link", { name: "Record a career conversation" })).toHaveCount(0);
  await visit(lead, conversationPath);
  await expect(lead.getByText(STEP_TWO, { exact: true })).toBeVisible();
  await expect(lead.getByRole("button", { name: /Mark done|Mark as not done|Make this a PDP goal/ })).toHaveCount(0);
  await expect(lead.getByRole("link", { name: STEP_ONE })).toBeVisible();
  await expect(lead.getByRole("link", { name: "Edit the conversation" })).toHaveCount(0);
  expect((await lead.goto(`${conversationPath}/edit`))?.status()).toBe(404);
  await lead.context().close();
});
