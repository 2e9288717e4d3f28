// The Workforce and Barriers and enablers tabs of Insights as a lead, a manager and a worker meet them: the lead's
// totals match what this test counts straight from the demo database, a filter changes them, a CSV download is the
// table on the screen; the barrier categories match an independent count; a manager sees only their teams; a worker
// gets 404. Every page is checked with axe.
import { test, expect } from "./support/test";
import { downloadCsv } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { demoDb } from "./support/demo-db";
import { today } from "./support/dates";

test.describe.configure({ mode: "serial" });

const MANAGER_SCOPE =
  "(w.line_manager_id = (select id from users where email = @manager) or w.team_id in (select team_id from team_managers where user_id = (select id from users where email = @manager)))";

/** Headcount and FTE in post today, counted independently. */
function inPost(opts: { profession?: string; manager?: string } = {}) {
  const db = demoDb();
  const row = db
    .prepare(
      `select count(*) as headcount, coalesce(sum(w.fte), 0) as fte from workers w
       where w.contract_start <= @end and (w.status = 'in_post' or w.contract_end > @end)
       ${opts.profession ? "and w.profession_id = @profession" : ""} ${opts.manager ? `and ${MANAGER_SCOPE}` : ""}`,
    )
    .get({ end: today(), profession: opts.profession ?? null, manager: opts.manager ?? null }) as { headcount: number; fte: number };
  db.close();
  return { headcount: row.headcount, fte: (Math.round(row.fte * 100) / 100).toFixed(2) };
}

const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });
const DECLINE_CATEGORY: Record<string, string> = { funding: "financial", time_or_cover: "time_constraints", availability_of_training: "availability_of_training" };

/** Barriers in the 12 months to today by category: recorded ones plus declined requests under their reason's category. */
function barrierCounts(manager?: string): Record<string, number> {
  const db = demoDb();
  const end = today();
  const start = db.prepare("select date(?, '-12 months', '+1 day') as d").get(end) as { d: string };
  const scope = manager ? `and ${MANAGER_SCOPE}` : "";
  const counts: Record<string, number> = {};
  for (const r of db
    .prepare(`select b.category as c, count(*) as n from barriers b join workers w on w.id = b.worker_id where b.recorded_on between @start and @end ${scope} group by b.category`)
    .all({ start: start.d, end, manager: manager ?? null }) as { c: string; n: number }[])
    counts[r.c] = r.n;
  for (const r of db
    .prepare(`select t.decline_reason as reason, t.decided_at as at from training_requests t join workers w on w.id = t.worker_id where t.status = 'declined' ${scope}`)
    .all({ manager: manager ?? null }) as { reason: string; at: number }[]) {
    const day = londonDay.format(new Date(r.at));
    if (day < start.d || day > end) continue;
    const c = DECLINE_CATEGORY[r.reason] ?? "other";
    counts[c] = (counts[c] ?? 0) + 1;
  }
  db.close();
  return counts;
}

const CATEGORY_WORDS: Record<string, string> = {
  availability_of_training: "Availability of training",
  financial: "Financial",
  time_constraints: "Time constraints",
  organisational_support: "Lack of organisational support or awareness",
  other: "Other",
};

/** A table's cells as the screen shows them: header, body and totals rows. */
async function cellsOf(page: Page, name: string): Promise<string[][]> {
  return page
    .getByRole("table", { name, exact: true })
    .getByRole("row")
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
}

/** A small CSV reader: quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = "";
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      endRow();
    } else cell += ch;
  }
  if (cell || row.length) endRow();
  return rows;
}

/** A table's download link (its name is "Download as CSV" then, for screen readers, the table's title). */
const csvLink = (page: Page, title: string) => page.getByRole("link", { name: new RegExp(`^Download as CSV\\s*: ${title}$`) });

const bandTotals = (page: Page) => page.getByRole("table", { name: "Headcount and FTE by pay band", exact: true }).locator("tfoot tr");

test("the lead's workforce totals match the demo data, a filter changes them, and a CSV is the table on screen", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/insights");
  await page.getByRole("link", { name: "Workforce", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The support workforce" })).toBeVisible();
  await expectAccessible(page);
  const all = inPost();
  expect(all.headcount).toBeGreaterThan(0);
  await expect(page.getByText(`${all.headcount} support workers, ${all.fte} FTE`)).toBeVisible();
  await expect(bandTotals(page)).toHaveText(new RegExp(`^Total\\s*${all.headcount}\\s*${all.fte.replace(".", "\\.")}\\s*100%\\s*100%$`));
  for (const name of ["Headcount by profession and role", "Headcount by care setting and role"]) {
    const rows = await cellsOf(page, name);
    expect(rows.at(-1)!.at(-1)).toBe(String(all.headcount));
  }
  for (const name of ["FTE by profession and role", "FTE by care setting and role"]) expect((await cellsOf(page, name)).at(-1)!.at(-1)).toBe(all.fte);

  // The CSV of a table is the same cells as the screen.
  const download = await downloadCsv(page, csvLink(page, "Headcount by profession and role"));
  expect(download.filename).toBe(`pathways-headcount-by-profession-in-post-on-${today()}.csv`);
  expect(parseCsv(download.text)).toEqual(await cellsOf(page, "Headcount by profession and role"));

  // Filter to one profession.
  const db = demoDb();
  const prof = db
    .prepare("select p.id, p.name from professions p join workers w on w.profession_id = p.id where w.status = 'in_post' group by p.id order by count(*) desc limit 1")
    .get() as { id: string; name: string };
  db.close();
  await page.getByLabel("Profession", { exact: true }).selectOption({ label: prof.name });
  await page.getByRole("button", { name: "Show the figures" }).click();
  await expect(page).toHaveURL(new RegExp(`profession=${prof.id}`));
  const one = inPost({ profession: prof.id });
  expect(one.headcount).toBeLessThan(all.headcount);
  await expect(page.getByText(`${one.headcount} support workers, ${one.fte} FTE`)).toBeVisible();
  await expect(bandTotals(page)).toContainText(`${one.headcount}`);
  await expectAccessible(page);
  const filtered = await downloadCsv(page, csvLink(page, "Headcount and FTE by pay band"));
  expect(filtered.filename).toContain("pathways-by-band-");
  // The same cells, but a share is a number a spreadsheet can add: "80%" on the page is 80 under a "(%)" heading.
  const onScreen = await cellsOf(page, "Headcount and FTE by pay band");
  const asNumbers = onScreen.map((row, r) => row.map((cell) => (r === 0 && cell.startsWith("Share of") ? `${cell} (%)` : cell.replace(/^(\d+)%$/, "$1"))));
  expect(onScreen.slice(1).every((row) => /^\d+%$/.test(row.at(-1)!))).toBe(true);
  expect(parseCsv(filtered.text)).toEqual(asNumbers);
  await page.context().close();
});

test("the lead's barrier categories match an independent count, and the enablers are shown with their definitions", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/insights/workforce");
  await page.getByRole("link", { name: "Barriers and enablers", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Barriers and enablers" })).toBeVisible();
  await expectAccessible(page);
  const counts = barrierCounts();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(0);
  const rows = await cellsOf(page, "Barriers by category");
  for (const [key, words] of Object.entries(CATEGORY_WORDS)) expect(rows.find((r) => r[0] === words)?.[4], words).toBe(String(counts[key] ?? 0));
  expect(rows.at(-1)![4]).toBe(String(total));
  await expect(page.getByRole("img", { name: /^Barriers by quarter, bar chart/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Enablers in use", exact: true })).toBeVisible();
  await expect(page.getByText("Learning needs assessed:")).toBeVisible();
  const download = await downloadCsv(page, csvLink(page, "Barriers by category"));
  expect(download.filename).toBe(`pathways-barriers-by-category-12-months-to-${today()}.csv`);
  expect(parseCsv(download.text)).toEqual(rows);
  await page.context().close();
});

test("a manager sees only their own teams on both tabs; a worker gets 404", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/insights/workforce");
  const mine = inPost({ manager: LOGINS.manager });
  expect(mine.headcount).toBeLessThan(inPost().headcount);
  await expect(page.getByText(`${mine.headcount} support workers, ${mine.fte} FTE`)).toBeVisible();
  await visit(page, "/insights/barriers");
  const counts = barrierCounts(LOGINS.manager);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > 0) expect((await cellsOf(page, "Barriers by category")).at(-1)![4]).toBe(String(total));
  else await expect(page.getByText("Nothing to count for these filters.").first()).toBeVisible();
  await page.context().close();

  const worker = await signedInPage(browser, "worker");
  for (const path of ["/insights/workforce", "/insights/barriers", "/insights/workforce/csv?table=by-band", "/insights/barriers/csv?table=enablers"])
    expect((await worker.goto(path).catch(() => null))?.status() ?? 404, path).toBe(404);
  await worker.context().close();
});

test("screenshots of both tabs, desktop and phone width", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  for (const [w, h] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const tab of ["workforce", "barriers"]) {
      await visit(page, `/insights/${tab}`);
      await page.screenshot({ path: `test-results/insights-${tab}-${w}.png`, fullPage: true });
    }
  }
  await page.context().close();
});

/** The rows of a list of people behind a figure, cell by cell. */
async function peopleRows(page: Page): Promise<string[][]> {
  return page
    .getByRole("table", { name: /the people behind the figure/ })
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => [r.querySelector("th a")!, ...r.querySelectorAll("td")].map((c) => (c.textContent ?? "").trim())));
}

test("a barrier count opens to the people and the records behind it", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/insights/barriers");
  const counts = barrierCounts();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThan(0);
  const byCategory = page.getByRole("table", { name: "Barriers by category", exact: true });

  // A category's total opens that category's barriers, as many as this test counts in the database, each with where it
  // was met and when, the worker and the record linked.
  const [key, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  const words = CATEGORY_WORDS[key]!;
  await byCategory.getByRole("link", { name: `${n}: the people behind Total, ${words}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${words} barriers: the people behind the figure` })).toBeVisible();
  await expect(page.getByText("Only support workers in your organisation are named: people whose records you can already open.")).toBeVisible();
  const rows = await peopleRows(page);
  expect(rows).toHaveLength(n);
  // Worker (with the team under the name for a phone), team, where, on: the category is the heading's.
  for (const r of rows) {
    expect(r[2]).toMatch(/^(PDP goal: .+|Career conversation|Training request declined: .+)$/);
    expect(r[3]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  }
  const list = page.getByRole("table", { name: /the people behind the figure/ });
  for (const href of await list.locator("tbody th a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) expect(href).toMatch(/^\/workers\/[\w-]+$/);
  for (const href of await list.locator("tbody td a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) expect(href).toMatch(/^\/workers\/[\w-]+\/(pdp|conversations|cpd)$/);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/insights-barriers-people-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/insights-barriers-people-390.png", fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const download = await downloadCsv(page, page.getByRole("link", { name: /^Download as CSV: / }));
  expect(download.filename).toBe(`pathways-${key.replace(/_/g, "-")}-barriers-people-12-months-to-${today()}.csv`);
  expect(parseCsv(download.text).slice(1).map((r) => r[2])).toEqual(rows.map(() => words));

  // A team's count opens that team's barriers only; the grand total opens them all.
  await page.getByRole("link", { name: "Back to Barriers and enablers" }).click();
  const teamLink = page.getByRole("table", { name: "Barriers by team and category", exact: true }).locator("tbody td:last-child").getByRole("link").first();
  const [, teamTotal, team] = /^(\d+): the people behind Total, (.+)$/.exec((await teamLink.getAttribute("aria-label"))!)!;
  await teamLink.click();
  await expect(page.getByRole("heading", { level: 1, name: `Barriers (${team}): the people behind the figure` })).toBeVisible();
  const teamRows = await peopleRows(page);
  expect(teamRows).toHaveLength(Number(teamTotal));
  for (const r of teamRows) expect(r[1]).toBe(team);
  for (const r of teamRows) expect(Object.values(CATEGORY_WORDS)).toContain(r[2]); // a list of every category has its column
  await expectAccessible(page);
  await visit(page, "/insights/barriers");
  await byCategory.locator("tfoot").getByRole("link", { name: `${total}: the people behind Total, Total`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Barriers: the people behind the figure" })).toBeVisible();
  expect(await peopleRows(page)).toHaveLength(total);

  for (const path of ["/insights/barriers/people?category=nope", "/insights/barriers/people?source=detail", "/insights/barriers/people?quarter=2001-01-01", "/insights/barriers/people/csv?table=enablers"])
    expect((await page.request.get(path)).status(), path).toBe(404);
  await page.context().close();
});

test("a manager's barrier lists name only their own teams' people", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  const total = Object.values(barrierCounts(LOGINS.manager)).reduce((a, b) => a + b, 0);
  await visit(page, "/insights/barriers/people");
  await expect(page.getByText("Only the support workers in your teams, or whom you manage, are named: people whose records you can already open.")).toBeVisible();
  if (total > 0) expect(await peopleRows(page)).toHaveLength(total);
  else await expect(page.getByText("Nobody: no barrier of this kind was recorded for these filters.")).toBeVisible();
  await expectAccessible(page);
  const db = demoDb();
  const other = db.prepare("select tm.team_id as id from team_managers tm join users u on u.id = tm.user_id where u.email = ?").get(LOGINS.manager2) as { id: string };
  db.close();
  expect((await page.request.get(`/insights/barriers/people?team=${other.id}`)).status()).toBe(404);
  await page.context().close();
});
