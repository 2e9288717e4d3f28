// The team progression tab as a lead and a manager use it: the figures match what this test counts straight from the
// demo database (its own walk over the position history, not the app's query); 24 months widens them; a table's CSV
// download holds the rows on the screen; a manager's figures are their teams' only; a worker gets 404.
import { test, expect } from "./support/test";
import { downloadCsv } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { demoDb } from "./support/demo-db";
import { today } from "./support/dates";

test.describe.configure({ mode: "serial" });

/** The window's first day: the first of the month `months - 1` months before today's month. */
function windowStart(months: number): string {
  const [y, m] = today().split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - (months - 1), 1));
  return d.toISOString().slice(0, 10);
}

type Totals = { up: number; down: number; starts: number; completions: number; withdrawals: number; signOffs: number; leavers: number };

/** Each total over the window, counted independently; scoped to a manager's workers when an email is given. */
function totals(months: number, managerEmail?: string): Totals {
  const db = demoDb();
  const start = windowStart(months);
  const end = today();
  const scope = managerEmail
    ? "where (w.line_manager_id = (select id from users where email = @manager) or w.team_id in (select team_id from team_managers where user_id = (select id from users where email = @manager)))"
    : "";
  const ids = `(select w.id from workers w ${scope})`;
  const args = { manager: managerEmail ?? null, start, end };
  const positions = db
    .prepare(`select p.worker_id as w, p.effective_from as d, s.rank as r from worker_positions p join stages s on s.id = p.stage_id where p.worker_id in ${ids} order by p.worker_id, p.effective_from, p.created_at, p.id`)
    .all(args) as { w: string; d: string; r: number }[];
  let up = 0;
  let down = 0;
  positions.forEach((p, i) => {
    const prev = positions[i - 1];
    if (!prev || prev.w !== p.w || p.d < start || p.d > end) return;
    if (p.r > prev.r) up++;
    if (p.r < prev.r) down++;
  });
  const count = (q: string) => (db.prepare(q).get(args) as { n: number }).n;
  const result = {
    up,
    down,
    starts: count(`select count(*) as n from apprenticeships where worker_id in ${ids} and status <> 'planned' and start_date between @start and @end`),
    completions: count(`select count(*) as n from apprenticeships where worker_id in ${ids} and status = 'completed' and actual_end_date between @start and @end`),
    withdrawals: count(`select count(*) as n from apprenticeships where worker_id in ${ids} and status = 'withdrawn' and actual_end_date between @start and @end`),
    signOffs: count(`select count(*) as n from competency_assessments where worker_id in ${ids} and status in ('signed_off', 'expired') and signed_off_on between @start and @end`),
    leavers: count(`select count(*) as n from workers where id in ${ids} and status = 'left' and contract_end between @start and @end`),
  };
  db.close();
  return result;
}

/** A table's totals row, cell by cell, as the screen shows it. */
const totalsRow = (page: Page, name: string) => page.getByRole("table", { name, exact: true }).locator("tfoot tr").locator("th, td").allTextContents();

async function expectTotals(page: Page, t: Totals) {
  expect((await totalsRow(page, "Moves between stages by month")).slice(0, 3)).toEqual(["Total", String(t.up), String(t.down)]);
  expect(await totalsRow(page, "Apprenticeships started, completed and withdrawn by month")).toEqual(["Total", String(t.starts), String(t.completions), String(t.withdrawals)]);
  expect(await totalsRow(page, "Competencies signed off by month")).toEqual(["Total", String(t.signOffs)]);
  expect(await totalsRow(page, "Leavers by month")).toEqual(["Total", String(t.leavers)]);
}

test("the lead's progression matches the demo data, over 12 and 24 months, and downloads as shown", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/insights");
  await page.getByRole("navigation", { name: "Insights" }).getByRole("link", { name: "Team progression" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team progression" })).toBeVisible();
  await expect(page).toHaveURL(/\/insights\/progression$/);
  await expectAccessible(page);
  const twelve = totals(12);
  expect(twelve.up + twelve.starts + twelve.signOffs + twelve.leavers).toBeGreaterThan(0);
  await expectTotals(page, twelve);
  await expect(page.getByRole("table", { name: "Leavers by month" }).locator("tbody tr")).toHaveCount(12);
  await expect(page.getByRole("img", { name: /^Moves between stages, bar chart/ })).toBeVisible();

  // 24 months: the choice stays in the URL and the figures widen.
  await page.getByLabel("Over the last").selectOption("24");
  await page.getByRole("button", { name: "Show the figures" }).click();
  await expect(page).toHaveURL(/months=24/);
  await expect(page.getByRole("table", { name: "Leavers by month" }).locator("tbody tr")).toHaveCount(24);
  await expectTotals(page, totals(24));
  await expectAccessible(page);

  // The download is the table on the screen, row for row.
  const table = page.getByRole("table", { name: "Apprenticeships started, completed and withdrawn by month" });
  const shown = await table.locator("tr").evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => c.textContent ?? "").join(",")));
  const download = await downloadCsv(page, page.getByRole("link", { name: /^Download as CSV\s*:\s*Apprenticeships started, completed and withdrawn by month$/ }));
  expect(download.filename).toBe(`pathways-apprenticeships-24-months-to-${today()}.csv`);
  expect(download.text.trim().split(/\r?\n/)).toEqual(shown);

  // A table that is not there is not found.
  expect((await page.request.get("/insights/progression/csv?table=nothing")).status()).toBe(404);
  await page.context().close();
});

test("a manager sees only their own teams' progression; a worker gets 404", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/insights/progression");
  await expect(page.getByText("Insights: your teams")).toBeVisible();
  const mine = totals(12, LOGINS.manager);
  await expectTotals(page, mine);
  await page.context().close();

  const worker = await signedInPage(browser, "worker");
  expect((await worker.goto("/insights/progression"))?.status()).toBe(404);
  await expectAccessible(worker);
  expect((await worker.request.get("/insights/progression/csv?table=leavers")).status()).toBe(404);
  await worker.context().close();
});

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthWords = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** The leavers of the window by name, counted straight from the database; a manager's own when an email is given. */
function leaversNamed(months: number, managerEmail?: string): string[] {
  const db = demoDb();
  const scope = managerEmail
    ? "and (w.line_manager_id = (select id from users where email = @manager) or w.team_id in (select team_id from team_managers where user_id = (select id from users where email = @manager)))"
    : "";
  const rows = db
    .prepare(`select w.first_name || ' ' || w.last_name as name from workers w where w.status = 'left' and w.contract_end between @start and @end ${scope}`)
    .all({ start: windowStart(months), end: today(), manager: managerEmail ?? null }) as { name: string }[];
  db.close();
  return rows.map((r) => r.name).sort();
}

/** The names listed, in the order shown, and where each links. */
async function listed(page: Page) {
  const rows = page.getByRole("table", { name: /the people behind the figure/ }).locator("tbody tr");
  return {
    names: await rows.locator("th a").allTextContents(),
    hrefs: await rows.locator("th a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "")),
  };
}

test("a progression figure opens to the people behind it, for the total and for one month", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/insights/progression");
  const leavers = leaversNamed(12);
  expect(leavers.length).toBeGreaterThan(0);
  const first = monthWords(windowStart(12));
  const last = monthWords(today());

  // Only figures above 0 are links: in the leavers table, every month with leavers, and the total.
  const leaverTable = page.getByRole("table", { name: "Leavers by month", exact: true });
  const monthFigures = (await leaverTable.locator("tbody td").allTextContents()).map(Number);
  await expect(leaverTable.locator("tbody").getByRole("link")).toHaveCount(monthFigures.filter((n) => n > 0).length);

  // The total opens the leavers of the whole period: the same people this test finds in the database.
  await leaverTable.getByRole("link", { name: `${leavers.length}: the people behind Leavers, Total`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Leavers, ${first} to ${last}: the people behind the figure` })).toBeVisible();
  await expect(page.getByText("Only support workers in your organisation are named: people whose records you can already open.")).toBeVisible();
  await expect(page.getByText(`${leavers.length} ${leavers.length === 1 ? "event" : "events"}, newest first.`)).toBeVisible();
  const all = await listed(page);
  expect([...all.names].sort()).toEqual(leavers);
  for (const href of all.hrefs) expect(href).toMatch(/^\/workers\/[\w-]+$/);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/insights-progression-people-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/insights-progression-people-390.png", fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The download has every one of them, named for the figure.
  const download = await downloadCsv(page, page.getByRole("link", { name: /^Download as CSV: Leavers/ }));
  expect(download.filename).toBe(`pathways-leavers-${first.toLowerCase().replace(" ", "-")}-to-${last.toLowerCase().replace(" ", "-")}-people-12-months-to-${today()}.csv`);
  expect(download.text.trim().split(/\r?\n/)).toHaveLength(leavers.length + 1);

  // One month's cell opens that month's people only, as many as the cell says.
  await page.getByRole("link", { name: "Back to Team progression" }).click();
  const monthLink = page.getByRole("table", { name: "Moves between stages by month", exact: true }).locator("tbody").getByRole("link").first();
  const name = (await monthLink.getAttribute("aria-label"))!;
  const [, figure, column, month] = /^(\d+): the people behind (.+), (\w{3} \d{4})$/.exec(name)!;
  await monthLink.click();
  await expect(page.getByRole("heading", { level: 1, name: `${column} in ${month}: the people behind the figure` })).toBeVisible();
  await expect(page.getByRole("table", { name: /the people behind the figure/ }).locator("tbody tr")).toHaveCount(Number(figure));
  await expectAccessible(page);

  // Anything the address should not hold is not found, never an error.
  for (const path of ["/insights/progression/people", "/insights/progression/people?figure=nope", "/insights/progression/people?figure=up&month=1999-01", "/insights/progression/people?figure=up&team=nope", "/insights/progression/people/csv?figure=up&x=1"])
    expect((await page.request.get(path)).status(), path).toBe(404);
  await page.context().close();
});

test("a manager's lists name only their own teams' people; another manager's team is not found", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/insights/progression/people?figure=leavers");
  await expect(page.getByText("Only the support workers in your teams, or whom you manage, are named: people whose records you can already open.")).toBeVisible();
  expect([...(await listed(page)).names].sort()).toEqual(leaversNamed(12, LOGINS.manager));
  await expectAccessible(page);
  const db = demoDb();
  const other = db.prepare("select tm.team_id as id from team_managers tm join users u on u.id = tm.user_id where u.email = ?").get(LOGINS.manager2) as { id: string };
  db.close();
  expect((await page.request.get(`/insights/progression/people?figure=leavers&team=${other.id}`)).status()).toBe(404);
  expect((await page.request.get(`/insights/progression/people/csv?figure=leavers&team=${other.id}`)).status()).toBe(404);
  await page.context().close();
});
