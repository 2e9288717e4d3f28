// Importing and exporting the workforce register as CSV, as a manager does it: a file with two bad rows is
// checked, the dry run names them, confirming adds the good rows; importing it again changes nothing; the export
// holds the rows on screen. Others are refused, and bad files get a message rather than an error page.
import { readFile } from "node:fs/promises";
import { test, expect } from "./support/test";
import { errorSummary } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, storageState, LOGINS } from "./support/roles";
import { demoDb } from "./support/demo-db";

test.describe.configure({ mode: "serial" });

const HEADER = "Employee number,First name,Last name,Job title,Profession,Band,FTE,Team,Care setting,Start date,Line manager email";
// A byte-order mark, Windows line endings, quoted commas and a UK date: what Excel saves.
const STAFF_LIST = `\ufeff${[
  HEADER,
  `99100001,Adaeze,Nwosu,Physiotherapy Assistant,Physiotherapy,2,1,Acute Physiotherapy,Acute inpatient,03/11/2025,${LOGINS.manager}`,
  `99100002,Bartholomew,Quist,"Rehabilitation Assistant, Wards",Physiotherapy,Band 3,"0,8",Acute Physiotherapy,,2025-10-01,`,
  `99100003,Ciaran,Oyelaran,Physiotherapy Assistant,Physiotherapy,2,1.5,Acute Physiotherapy,,03/11/2025,`,
  `99100004,Delphine,Abara,Dietetic Assistant,Dietetics,3,1,Dietetics,,03/11/2025,`,
  `99100005,Eluned,Prothero,Physiotherapy Assistant,Physiotherapy,4,0.6,Acute Physiotherapy,,12/01/2026,`,
].join("\r\n")}\r\n`;
const GOOD = ["Nwosu, Adaeze", "Quist, Bartholomew", "Prothero, Eluned"];

let batchPath = "";

async function upload(page: Page, name: string, contents: string | Buffer) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents) });
  await page.getByRole("button", { name: "Upload and check" }).click();
}

/** A headline count on the dry run, e.g. "Unchanged" and its number. */
const stat = (page: Page, label: string) => page.getByRole("region", { name: "Summary" }).getByText(label, { exact: true }).locator("..");

const problem = (page: Page) => errorSummary(page);

test("a manager imports a CSV: bad files are refused, the dry run names the bad rows, confirming adds the good ones", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/workers");
  await page.getByRole("link", { name: "Import from CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import workers from a CSV file" })).toBeVisible();
  await expectAccessible(page);

  // Bad files: refused with a message, the page stays put.
  await upload(page, "empty.csv", "");
  await expect(problem(page).getByRole("link", { name: "The file is empty. Choose the CSV file of your staff list." })).toHaveAttribute("href", "#file");
  await expectAccessible(page);
  await upload(page, "huge.csv", Buffer.alloc(20 * 1024 * 1024, "a"));
  await expect(problem(page)).toContainText("The file is 20.0 MB. The largest file Pathways can import is 5.0 MB");
  await upload(page, "wrong.csv", "Employee number,Name,Hours\r\n99100009,Someone,37.5\r\n");
  await expect(problem(page)).toContainText("The file is missing the columns “First name”, “Last name”");
  await expect(problem(page)).toContainText("Pathways does not recognise the columns “Name” and “Hours”");
  await expect(page).toHaveURL("/workers/import");

  // The staff list: checked, nothing saved yet.
  await upload(page, "staff list.csv", STAFF_LIST);
  await page.waitForURL(/\/workers\/import\/[\w-]+$/);
  batchPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Check the import" })).toBeVisible();
  await expect(page.getByText("staff list.csv · 5 rows")).toBeVisible();
  await expect(stat(page, "New workers")).toHaveText("New workers3");
  await expect(stat(page, "Problems")).toContainText("Problems2");
  await expectAccessible(page);
  const db = demoDb();
  expect(db.prepare("select count(*) as n from workers where employee_number like '991000%'").get()).toEqual({ n: 0 });
  db.close();

  // The problems are shown first, each named with its row.
  const rows = page.getByRole("region", { name: "Rows of the file" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("4");
  await expect(rows.nth(0)).toContainText("99100003");
  await expect(rows.nth(0)).toContainText("FTE 1.5 must be 1 or less (1 is full time)");
  await expect(rows.nth(1)).toContainText("99100004");
  await expect(rows.nth(1)).toContainText("You do not manage team “Dietetics”");
  await page.getByRole("link", { name: "All rows (5)" }).click();
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText("Acute Physiotherapy · Senior support worker · Band 3 · 0.8 FTE · from 1 October 2025");
  await expect(page.getByRole("link", { name: "All rows (5)" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import complete" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText("added 3 new workers. 2 rows with problems were left out.");
  await expectAccessible(page);

  await page.getByRole("link", { name: "See the workers list" }).click();
  await page.getByLabel("Name or employee number").fill("991000");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("3 workers · 2.4 FTE");
  for (const name of GOOD) await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("link", { name: "Oyelaran, Ciaran" })).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("the same file again changes nothing, and a confirmed import cannot be confirmed twice", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/workers/import");
  await upload(page, "staff list.csv", STAFF_LIST);
  await page.waitForURL(/\/workers\/import\/[\w-]+$/);
  await expect(page.getByRole("heading", { level: 2, name: "Nothing to import" })).toBeVisible();
  await expect(stat(page, "Unchanged")).toHaveText("Unchanged3");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectAccessible(page);

  await visit(page, batchPath);
  await expect(page.getByRole("heading", { level: 1, name: "Import complete" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await page.context().close();
});

test("the export holds the rows on screen, in a dated file that imports back unchanged", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/workers?q=991000");
  const onScreen = await page.locator("tbody tr td:first-child a").allTextContents();
  expect([...onScreen].sort()).toEqual([...GOOD].sort());

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download these workers as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^pathways-workers-\d{4}-\d{2}-\d{2}-filtered\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith(`\ufeff${HEADER},Role,Status,Line manager\r\n`)).toBe(true);
  const lines = text.replace(/^\ufeff/, "").trim().split("\r\n").slice(1);
  expect(lines).toHaveLength(onScreen.length);
  // Each row on screen is a row of the file: "Last, First" there is First and Last here.
  for (const name of onScreen) {
    const [last, first] = name.split(", ");
    expect(lines.some((l) => l.includes(`,${first},${last},`)), name).toBe(true);
  }
  expect(lines.find((l) => l.startsWith("99100002,"))).toBe(
    '99100002,Bartholomew,Quist,"Rehabilitation Assistant, Wards",Physiotherapy,Band 3,0.8,Acute Physiotherapy,,2025-10-01,,Senior support worker,In post,',
  );

  // The file goes back in unchanged.
  await visit(page, "/workers/import");
  await upload(page, download.suggestedFilename(), text);
  await page.waitForURL(/\/workers\/import\/[\w-]+$/);
  await expect(stat(page, "Unchanged")).toHaveText("Unchanged3");
  await expect(page.getByText("These columns are not imported and were ignored: “Status” and “Line manager”.")).toBeVisible();
  await page.context().close();
});

test("others are refused: another manager, a lead and a support worker", async ({ browser }) => {
  const manager2 = await signedInPage(browser, "manager2");
  // Someone else's check: 404, as if it did not exist.
  expect((await manager2.goto(batchPath))?.status()).toBe(404);
  // A worker outside their teams cannot be changed, and the refusal says no more than that.
  await visit(manager2, "/workers/import");
  await upload(manager2, "mine.csv", `${HEADER}\r\n99100001,Adaeze,Nwosu,Physiotherapy Assistant,Physiotherapy,2,1,Dietetics,,03/11/2025,\r\n`);
  await manager2.waitForURL(/\/workers\/import\/[\w-]+$/);
  await expect(manager2.getByRole("region", { name: "Rows of the file" })).toContainText("Employee number 99100001 belongs to a worker outside your teams");
  await manager2.context().close();

  const lead = await signedInPage(browser, "lead");
  expect((await lead.goto("/workers/import"))?.status()).toBe(404);
  await visit(lead, "/workers");
  await expect(lead.getByRole("link", { name: "Import from CSV" })).toHaveCount(0);
  const leadExport = await lead.request.get("/workers/export");
  expect(leadExport.status()).toBe(200);
  expect(leadExport.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const leadUpload = await lead.request.post("/workers/import/upload", {
    headers: { accept: "application/json" },
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(STAFF_LIST) } },
  });
  expect(leadUpload.status()).toBe(404);
  await lead.context().close();

  const worker = await signedInPage(browser, "worker");
  expect((await worker.goto("/workers/import"))?.status()).toBe(404);
  expect((await worker.request.get("/workers/export")).status()).toBe(404);
  await worker.context().close();
});

test("the server refuses an oversized upload itself, without reading it, and an upload that does not say where it came from", async ({ browser, baseURL }) => {
  const page = await signedInPage(browser, "manager");
  const post = (headers: Record<string, string>) =>
    page.request.post("/workers/import/upload", {
      headers: { accept: "application/json", ...headers },
      multipart: { file: { name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(20 * 1024 * 1024, "a") } },
    });
  // A browser always says where a POST comes from; a request that does not, or comes from another site, is refused.
  expect((await post({})).status()).toBe(403);
  expect((await post({ origin: "https://evil.example" })).status()).toBe(403);
  const res = await post({ origin: new URL(baseURL!).origin });
  expect(res.status()).toBe(413);
  expect(((await res.json()) as { message: string }).message).toMatch(/^The file is 20\.0 MB\. The largest file Pathways can import is 5\.0 MB/);
  await page.context().close();
});

test("without JavaScript the upload still works, and a refused file says so", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("manager"), javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/workers/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page).toHaveURL("/workers/import?refused=1");
  // (No axe here: it runs as a script in the page. The same page with script is checked above.)
  await expect(page.getByRole("alert").filter({ hasText: "The file could not be imported" })).toBeVisible();
  await page.getByLabel("CSV file").setInputFiles({ name: "staff list.csv", mimeType: "text/csv", buffer: Buffer.from(STAFF_LIST) });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check the import" })).toBeVisible();
  await expect(stat(page, "Unchanged")).toHaveText("Unchanged3");
  await context.close();
});

test("the import and its check fit a 360 px screen", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("manager"), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ["/workers/import", `${batchPath}?show=all`]) {
    await visit(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow in px on ${path}`).toBeLessThanOrEqual(0);
  }
  // On a phone the rows are cards, so the reasons are on screen rather than off to the side of a table.
  const problemRow = page.getByRole("list", { name: "Rows of the file" }).getByRole("listitem").filter({ hasText: "Row 4" });
  await expect(problemRow).toContainText("FTE 1.5 must be 1 or less (1 is full time)");
  await problemRow.scrollIntoViewIfNeeded();
  const box = await problemRow.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360, "the row's card fits the screen's width").toBe(true);
  await context.close();
});
