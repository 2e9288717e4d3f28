// Equality monitoring and the equity tab: the worker answers their own questions (and a forged value is refused),
// the manager cannot reach them or see them anywhere, even replaying the worker's request; the lead's Equity tab
// shows no count from 1 to 7, a big group's headcount matching the demo database, and a CSV that is the screen;
// a worker gets 404 on the tab.
import { readFile } from "node:fs/promises";
import { test, expect } from "./support/test";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";
import { today } from "./support/dates";
import { captureAction, replayAs } from "./support/forge";
import { splitCsv } from "../lib/csv";
import { equityPeriods, roundedCount } from "../lib/rules/equity";

test.describe.configure({ mode: "serial", timeout: 120_000 });

function answersOf(email: string) {
  const db = demoDb();
  try {
    return db.prepare("select e.* from equality_monitoring e join workers w on w.id = e.worker_id join users u on u.id = w.user_id where u.email = ?").get(email) as
      | { ethnic_group: string | null; disability: string | null; sex: string | null; age_band: string | null }
      | undefined;
  } finally {
    db.close();
  }
}

async function answer(page: Page, legend: string, option: string) {
  await page.getByRole("group", { name: legend }).getByRole("radio", { name: option, exact: true }).check();
}

test("the worker answers, changes and removes their equality monitoring answers", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, "worker");
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, "/me");
  await page.getByRole("link", { name: "Answer or change the equality questions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Equality monitoring" })).toBeVisible();
  await expect(page.getByText("Your manager never sees them")).toBeVisible();
  await expectAccessible(page);

  await answer(page, "What is your ethnic group?", "Mixed or multiple ethnic groups");
  await answer(page, "Do you consider yourself to have a disability or long-term health condition?", "Prefer not to say");
  await answer(page, "What is your sex?", "Leave unanswered");
  await answer(page, "What is your age?", "65 or over");
  await page.screenshot({ path: testInfo.outputPath("equality-form-390.png"), fullPage: true });
  await page.getByRole("button", { name: "Save my answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your answers are saved" })).toBeVisible();
  await expect(page.getByRole("group", { name: "What is your age?" }).getByRole("radio", { name: "65 or over" })).toBeChecked();
  expect(answersOf(LOGINS.worker)).toMatchObject({ ethnic_group: "mixed", disability: "prefer_not_to_say", sex: null, age_band: "65_plus" });
  await expectAccessible(page);

  // A value the form never offers, sent anyway, is refused with the message at the top and on the question.
  await page.getByRole("group", { name: "What is your ethnic group?" }).evaluate((group) => {
    const forged = Object.assign(document.createElement("input"), { type: "radio", name: "ethnicGroup", value: "martian", checked: true });
    forged.setAttribute("aria-label", "Forged");
    group.appendChild(forged);
  });
  await page.getByRole("button", { name: "Save my answers" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Select your ethnic group from the list, or leave it unanswered" })).toBeVisible();
  await expect(page.getByRole("group", { name: "What is your age?" }).getByRole("radio", { name: "65 or over" })).toBeChecked();
  expect(answersOf(LOGINS.worker)?.ethnic_group).toBe("mixed");
  await page.locator('input[value="martian"]').evaluateAll((els) => els.forEach((el) => el.remove()));
  await expectAccessible(page);

  await page.getByRole("button", { name: "Remove all my answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "All your answers are removed" })).toBeVisible();
  expect(answersOf(LOGINS.worker)).toBeUndefined();
  await expectAccessible(page);

  // Answer again, for the manager's checks below.
  await answer(page, "What is your ethnic group?", "Mixed or multiple ethnic groups");
  await answer(page, "What is your age?", "65 or over");
  await page.getByRole("button", { name: "Save my answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your answers are saved" })).toBeVisible();
  await page.context().close();
});

test("the manager cannot reach the worker's answers, see them, or write them by replaying the worker's request", async ({ browser }) => {
  const worker = await signedInPage(browser, "worker");
  await worker.goto("/me/equality");
  const request = await captureAction(worker, async () => {
    await answer(worker, "What is your ethnic group?", "White");
    await worker.getByRole("button", { name: "Save my answers" }).click();
  });
  await worker.context().close();

  const page = await signedInPage(browser, "manager");
  expect((await page.goto("/me/equality"))?.status()).toBe(404);
  expect((await replayAs(page, request)).status()).toBe(404);
  expect(answersOf(LOGINS.worker)?.ethnic_group).toBe("mixed");
  const chloe = workerIdFor(LOGINS.worker);
  await visit(page, `/workers/${chloe}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const words of ["Mixed or multiple ethnic groups", "65 or over", "Equality monitoring", "Ethnic group"]) await expect(page.locator("main")).not.toContainText(words);
  const html = await page.content();
  for (const value of ['"mixed"', "65_plus", "ethnicGroup", "ethnic_group"]) expect(html).not.toContain(value);
  await page.context().close();
});

/** The end of the reporting period the tab opens on: the last quarter end before today. */
const periodEnd = () => equityPeriods(today())[0]!.end;

/** In post on the period's last day (the scorecard's rule), by ethnic group, counted straight from the demo database. */
function inPostByEthnicGroup(): Record<string, number> {
  const db = demoDb();
  try {
    const rows = db
      .prepare(
        `select coalesce(e.ethnic_group, 'not_declared') as g, count(*) as n from workers w left join equality_monitoring e on e.worker_id = w.id
         where w.contract_start <= @end and (w.status = 'in_post' or w.contract_end > @end) group by 1`,
      )
      .all({ end: periodEnd() }) as { g: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.g, r.n]));
  } finally {
    db.close();
  }
}

const cellsOf = async (page: Page, table: string) =>
  page.getByRole("table", { name: new RegExp(`^${table}`) }).evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim())));

test("the lead's Equity tab: a quarter's figures rounded to 5, a big group as the demo data counts it, a CSV that is the screen", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/insights");
  await page.getByRole("navigation", { name: "Insights" }).getByRole("link", { name: "Equity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Equity" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why some figures show *" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("equity-tab.png"), fullPage: true });

  const tables = page.locator("main table");
  await expect(tables).toHaveCount(4);
  const cells = await page.locator("main table td").allTextContents();
  expect(cells.length).toBeGreaterThan(40);
  for (const c of cells) expect(c.trim(), `a cell reads ${c}`).toMatch(/^(\d*[05]|\*|\d+%|[A-Za-z].*)$/);
  expect(cells.some((c) => c.trim() === "*")).toBe(true);
  await expect(page.getByLabel("Reporting period")).toHaveValue(periodEnd());

  const expected = inPostByEthnicGroup();
  const rows = await cellsOf(page, "By ethnic group");
  const white = rows.find((r) => r[0] === "White")!;
  expect(expected.white).toBeGreaterThanOrEqual(8);
  expect(white[1]).toBe(String(roundedCount(expected.white!, false)));
  const total = Object.values(expected).reduce((a, b) => a + b, 0);
  expect(rows.at(-1)).toEqual(expect.arrayContaining(["All in post", String(roundedCount(total, false))]));

  const link = page.getByRole("link", { name: "Download as CSV: By ethnic group" });
  const downloading = page.waitForEvent("download", { timeout: 20_000 });
  await link.click({ timeout: 10_000 });
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`pathways-equity-ethnic-group-12-months-to-${periodEnd()}.csv`);
  const parsed = splitCsv(await readFile((await download.path())!, "utf8"));
  expect(parsed.ok).toBe(true);
  const fileRows = parsed.ok ? parsed.rows.filter((r) => r.some((c) => c !== "")) : [];
  const headings = await page.getByRole("table", { name: /^By ethnic group/ }).locator("thead th").allTextContents();
  expect(fileRows).toEqual([headings.map((h) => h.trim()), ...rows.slice(1)]);

  expect((await page.request.get("/insights/equity/csv?table=nonsense")).status()).toBe(404);
  await page.context().close();

  const worker = await signedInPage(browser, "worker");
  expect((await worker.goto("/insights/equity"))?.status()).toBe(404);
  expect((await worker.request.get("/insights/equity/csv?table=ethnic-group")).status()).toBe(404);
  await worker.context().close();
});

test("a manager whose teams are under the minimum size gets no equity figures, on the page or as a download", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/insights/equity");
  await expect(page.getByText("Insights: your teams")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "No equity figures for your teams" })).toBeVisible();
  await expect(page.locator("main table")).toHaveCount(0);
  expect((await page.request.get(`/insights/equity/csv?table=ethnic-group&end=${periodEnd()}`)).status()).toBe(404);
  await page.context().close();
});
