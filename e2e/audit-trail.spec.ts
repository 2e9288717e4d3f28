// The audit trail as an information-governance reviewer would use it: the lead opens a worker's appraisal and the
// equity figures and downloads a table; the administrator finds each of those in the trail, in words, with where it
// came from, filters to one worker, downloads the trail, and sees that the log's hash chain verifies. Anyone else
// gets 404 on the trail.
import { readFile } from "node:fs/promises";
import { test, expect } from "./support/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage } from "./support/roles";
import { demoDb } from "./support/demo-db";

test.describe.configure({ mode: "serial" });

let appraisal: { id: string; workerId: string; name: string };

test("the lead opens a completed appraisal and the equity figures, and downloads an equity table", async ({ browser }) => {
  const db = demoDb();
  try {
    appraisal = db
      .prepare(
        `select a.id, a.worker_id as workerId, w.first_name || ' ' || w.last_name as name from appraisals a join workers w on w.id = a.worker_id
         where a.status = 'completed' order by a.held_on desc limit 1`,
      )
      .get() as typeof appraisal;
  } finally {
    db.close();
  }
  const page = await signedInPage(browser, "lead");
  await visit(page, `/workers/${appraisal.workerId}/appraisals/${appraisal.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await visit(page, "/insights/equity");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV: By sex" }).click();
  await (await downloading).path();
  await page.context().close();
});

test("the administrator finds those in the trail, in words, filters to the worker, downloads it, and the chain verifies", async ({ browser }, testInfo) => {
  const page = await signedInPage(browser, "admin");
  await visit(page, "/admin");
  await page.getByRole("link", { name: "Audit trail" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The audit log verifies." })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("audit-trail-1280.png"), fullPage: true });

  const entries = page.getByRole("table", { name: /entries/ });
  const leadRow = (what: string) => entries.getByRole("row").filter({ hasText: "(Lead)" }).filter({ hasText: what });
  await expect(leadRow("downloaded an insights table").or(leadRow("downloaded the equity figures")).first()).toBeVisible();
  await expect(leadRow("opened the equity figures").first()).toBeVisible();
  await expect(leadRow("opened an appraisal").first()).toContainText(appraisal.name);

  // Everything about the worker whose appraisal the lead opened.
  await leadRow("opened an appraisal").first().getByRole("link", { name: `entries about ${appraisal.name}` }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`(entry|entries) about ${appraisal.name}`) })).toBeVisible();
  const rows = page.getByRole("table", { name: /entries/ }).locator("tbody tr");
  for (const text of await rows.allTextContents()) expect(text).toContain(appraisal.name);
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download these entries as CSV/ }).click();
  const file = await readFile((await (await downloading).path())!, "utf8");
  expect(file).toContain("When,Who,What,Record,Details,Address");
  expect(file).toContain("opened an appraisal");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("audit-trail-390.png"), fullPage: true });
  await page.context().close();
});

test("nobody but an administrator reaches the trail or its download", async ({ browser }) => {
  for (const who of ["lead", "manager", "worker"] as const) {
    const page = await signedInPage(browser, who);
    expect((await page.goto("/admin/audit"))?.status()).toBe(404);
    expect((await page.request.get("/admin/audit/csv")).status()).toBe(404);
    await page.context().close();
  }
});
