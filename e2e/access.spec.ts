// Access is enforced on the server: a record the user may not see answers 404, whoever asks by URL.
import { test, expect } from "./support/test";
import { axeViolations, visit } from "./support/axe";
import { signedInPage, LOGINS, type DemoLogin } from "./support/roles";
import { workerIdFor } from "./support/demo-db";

test("manager@demo.test opens a worker in their team, and gets 404 on manager2's worker", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  const own = await visit(page, `/workers/${workerIdFor(LOGINS.worker)}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Position history" })).toBeVisible();

  const other = await visit(page, `/workers/${workerIdFor(LOGINS.worker2)}`);
  expect(other?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.context().close();
});

test("worker@demo.test opens their own record, and gets 404 on anyone else's", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  const own = await visit(page, `/workers/${workerIdFor(LOGINS.worker)}`);
  expect(own?.status()).toBe(200);
  expect((await page.goto(`/workers/${workerIdFor(LOGINS.worker2)}`))?.status()).toBe(404);
  expect((await page.goto("/workers/does-not-exist"))?.status()).toBe(404);
  await page.context().close();
});

test("pages for other roles answer 404", async ({ browser }) => {
  const cases: Array<[DemoLogin, string[]]> = [
    ["worker", ["/team", "/insights", "/admin"]],
    ["manager", ["/me", "/admin"]],
    ["lead", ["/me", "/team", "/admin"]],
  ];
  for (const [who, paths] of cases) {
    const page = await signedInPage(browser, who);
    for (const path of paths) expect((await page.goto(path))?.status(), `${who} → ${path}`).toBe(404);
    await page.context().close();
  }
});

test("a lead reads any worker's record in the organisation", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  expect((await visit(page, `/workers/${workerIdFor(LOGINS.worker2)}`))?.status()).toBe(200);
  await page.context().close();
});

test("the accessibility check finds violations: it is not a check that always passes", async ({ page }) => {
  await page.setContent(`<html><body><main><img src="/icon.svg"><a href="/x"></a><p style="color:#eee;background:#fff">Faint</p></main></body></html>`);
  const found = (await axeViolations(page)).map((v) => v.id);
  expect(found).toEqual(expect.arrayContaining(["image-alt", "link-name", "color-contrast", "html-has-lang", "document-title"]));
  // The check runs again on the same document (axe is injected once) and on a fixed page finds nothing.
  await page.setContent(`<html lang="en"><head><title>Fine</title></head><body><main><h1>Fine</h1><img src="/icon.svg" alt="Pathways"></main></body></html>`);
  expect(await axeViolations(page)).toEqual([]);
});
