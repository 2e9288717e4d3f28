// The call-to-action scorecard as a lead, a manager and an administrator use it: the lead's figures match what this
// test counts straight from the demo database; a team filter changes them and stays in the URL; the manager sees
// only their own teams; mandatory training in date matches what this test counts and opens its workers; the
// administrator changes a threshold and the rating follows; a worker gets 404.
import { test, expect } from "./support/test";
import { downloadCsv, mainNav } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { row, rows as queryRows } from "./support/data";
import { long, today, yearsOn } from "./support/dates";

test.describe.configure({ mode: "serial" });

type Counts = { inPost: number; due: number; appraised: number; conversed: number; notYetDue: { id: string; name: string }[] };

/**
 * In post on the last day, with a signed appraisal and a career conversation in the 12 months, counted
 * independently. An appraisal counts only for those whose first had fallen due (12 months after they started).
 */
async function counts(teamId?: string, managerEmail?: string): Promise<Counts> {
  const end = today();
  // The 12 months: after the same day a year before (28 February for 29 February), up to and including the end.
  const start = yearsOn(end, -1);
  const [scope, scopeParams] = teamId
    ? ["and w.team_id = ?", [teamId]]
    : managerEmail
      ? [
          "and (w.line_manager_id = (select id from users where email = ?) or w.team_id in (select team_id from team_managers where user_id = (select id from users where email = ?)))",
          [managerEmail, managerEmail],
        ]
      : ["", []];
  const rows = await queryRows<{ id: string; name: string; contractStart: string; appraised: number; conversed: number }>(
    `select w.id, w.first_name || ' ' || w.last_name as name, w.contract_start as "contractStart",
       exists (select 1 from appraisals a where a.worker_id = w.id and a.status = 'completed' and a.held_on > ? and a.held_on <= ?) as appraised,
       exists (select 1 from career_conversations c where c.worker_id = w.id and c.held_on > ? and c.held_on <= ?) as conversed
     from workers w where w.contract_start <= ? and (w.status = 'in_post' or w.contract_end > ?) ${scope}`,
    start,
    end,
    start,
    end,
    end,
    end,
    ...scopeParams,
  );
  const due = rows.filter((r) => yearsOn(r.contractStart, 1) <= end);
  return {
    inPost: rows.length,
    due: due.length,
    appraised: due.filter((r) => r.appraised).length,
    conversed: rows.filter((r) => r.conversed).length,
    notYetDue: rows.filter((r) => yearsOn(r.contractStart, 1) > end).map(({ id, name }) => ({ id, name })),
  };
}

const overallCard = (page: Page, label: string) => page.getByRole("list", { name: "The call to action, overall" }).getByRole("listitem").filter({ hasText: label });

test("the lead's scorecard matches the demo data, and a team filter changes it", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await page.setViewportSize({ width: 1280, height: 800 });
  await visit(page, "/insights");
  const all = await counts();
  expect(all.appraised).toBeGreaterThan(0);
  await expect(page.getByText(`${all.inPost} support workers in post on the last day`)).toBeVisible();
  // The appraisal is out of those for whom it had fallen due: the demo's new starters are not counted, and the
  // definition says so. A career conversation is out of everyone.
  expect(all.notYetDue.length, "the demo has starters whose first appraisal is not due yet").toBeGreaterThan(0);
  await expect(overallCard(page, "Annual appraisal")).toContainText(`${all.appraised} of ${all.due} due`);
  await expect(overallCard(page, "Annual appraisal")).toContainText("a new starter's first falls due 12 months after they start");
  await expect(overallCard(page, "Career conversation")).toContainText(`${all.conversed} of ${all.inPost}`);
  const pct = Math.round((100 * all.appraised) / all.due);
  await expect(overallCard(page, "Annual appraisal")).toContainText(`${pct}%`);
  const byTeam = page.getByRole("table", { name: /scorecard by team/ });
  await expect(byTeam).toBeVisible();
  // At 1280 px every column of the by-team table is in view: nothing hides behind a sideways scroll.
  const [scrollWidth, clientWidth] = await page.getByRole("region", { name: "The call to action by team, table" }).evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth, "the by-team table's width at 1280 px").toBeLessThanOrEqual(clientWidth!);
  // The ratings' thresholds, in words a person would use.
  await page.getByText("How the ratings are set").click();
  const ratings = page.getByRole("table", { name: "The thresholds for each measure's rating" });
  await expect(ratings.getByRole("row", { name: /^CPD hours per FTE/ })).toContainText(/At least \d+(\.\d)? hours/);
  await expect(ratings.getByRole("row", { name: /^PDP agreed and reviewed/ })).toContainText(/At least \d+%.*Below \d+%/);

  // A column's heading orders the teams by it, lowest first; the order is in the address.
  await byTeam.getByRole("link", { name: /^Annual appraisal\s*, sort$/ }).click();
  await expect(page).toHaveURL(/sort=appraised&dir=asc/);
  await expect(byTeam.getByRole("columnheader", { name: /Annual appraisal/ })).toHaveAttribute("aria-sort", "ascending");
  const column = (await byTeam.getByRole("columnheader").allTextContents()).findIndex((t) => t.startsWith("Annual appraisal"));
  const shares = await byTeam.locator("tbody tr").evaluateAll((trs, i) => trs.map((tr) => tr.children[i]!.querySelector("span")!.textContent!), column);
  const numbers = shares.map((t) => /^(\d+)%/.exec(t)).filter((m) => m !== null).map((m) => Number(m[1]));
  expect(numbers.length).toBeGreaterThan(1);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  await expectAccessible(page);
  await visit(page, "/insights");

  // The figure opens the workers behind it, those still to do first.
  await overallCard(page, "Annual appraisal").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Annual appraisal: the workers behind the figure" })).toBeVisible();
  await expect(
    page.getByText(`${all.appraised} of ${all.due} workers whose annual appraisal had fallen due by ${long(today())}; ${all.due - all.appraised} still to do, listed first.`),
  ).toBeVisible();
  const table = page.getByRole("table", { name: /Annual appraisal: each worker/ });
  const listed = table.getByRole("row");
  await expect(listed.nth(1)).toContainText("Not yet");
  // Fifty a page, those still to do first: the demo has more than fifty due on some days.
  const onPage = Math.min(all.due, 50);
  await expect(listed.filter({ hasText: "Done" })).toHaveCount(onPage - (all.due - all.appraised));
  await expect(listed).toHaveCount(onPage + 1);
  // No new starter is chased before their first appraisal is due; everyone listed has a due date.
  const hrefs = await table.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const w of all.notYetDue) expect(hrefs, w.name).not.toContain(`/workers/${w.id}`);
  await expect(table.getByRole("columnheader", { name: "Due" })).toBeVisible();
  const dueCells = await listed.evaluateAll((trs) => trs.slice(1).map((tr) => tr.lastElementChild?.textContent ?? ""));
  for (const d of dueCells) expect(d).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  await page.screenshot({ path: "test-results/insights-appraised-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/insights-appraised-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to Insights" }).click();

  // Filter to one team: the figures are that team's, and the filter is in the URL.
  const team = (await row<{ id: string; name: string }>(
    "select t.id, t.name from teams t join team_managers tm on tm.team_id = t.id join users u on u.id = tm.user_id where u.email = ? order by t.name limit 1",
    LOGINS.manager,
  ))!;
  await page.getByLabel("Team", { exact: true }).selectOption({ label: team.name });
  await page.getByRole("button", { name: "Show the figures" }).click();
  await expect(page).toHaveURL(new RegExp(`team=${team.id}`));
  const one = await counts(team.id);
  expect(one.inPost).toBeLessThan(all.inPost);
  await expect(page.getByText(`${one.inPost} support workers in post on the last day, filtered`)).toBeVisible();
  await expect(page.getByText(`Insights: ${team.name}, filtered from the whole organisation`)).toBeVisible();
  await expect(overallCard(page, "Annual appraisal")).toContainText(`${one.appraised} of ${one.due} due`);
  await expect(page.getByLabel("Team", { exact: true })).toHaveValue(team.id);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(overallCard(page, "Annual appraisal")).toContainText(`${all.appraised} of ${all.due} due`);
  await page.context().close();
});

test("the scorecard downloads as the CSV of what is on screen, and competency coverage opens its workers", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  const team = (await row<{ id: string; name: string }>(
    "select t.id, t.name from teams t join team_managers tm on tm.team_id = t.id join users u on u.id = tm.user_id where u.email = ? order by t.name limit 1",
    LOGINS.manager,
  ))!;
  await visit(page, `/insights?team=${team.id}`);
  const download = await downloadCsv(page, page.getByRole("link", { name: "Download as CSV: the call to action scorecard" }));
  const slug = team.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  expect(download.filename).toBe(`pathways-scorecard-${slug}-12-months-to-${today()}.csv`);
  const rows = download.text.trim().split("\r\n").map((l) => l.split(","));
  const header = rows[0]!;
  const overall = rows[1]!;
  expect(overall[0]).toBe("All teams");
  // Each figure on the screen is the CSV's, with what it counted and what it is out of: numbers, a column each.
  const cell = (label: string) => {
    const value = overall[header.indexOf(label)];
    expect(value, label).toMatch(/^\d+$/);
    return value!;
  };
  for (const label of ["Annual appraisal", "Career conversation", "Competencies signed off"]) {
    const card = overallCard(page, label);
    await expect(card).toContainText(`${cell(`${label} (%)`)}%`);
    await expect(card).toContainText(`${cell(`${label}: counted`)} of ${cell(`${label}: out of`)}`);
  }

  // Competency coverage: the figure opens the workers, least covered first, with the same totals.
  const coverage = overallCard(page, "Competencies signed off");
  const outOf = `${cell("Competencies signed off: counted")} of ${cell("Competencies signed off: out of")} competencies`; // "12 of 240 competencies"
  await coverage.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Competencies signed off: the workers behind the figure" })).toBeVisible();
  await expect(page.getByText(`${outOf.replace(" competencies", "")} competencies signed off across`)).toBeVisible();
  const listed = page.getByRole("table", { name: /Competencies signed off: each worker/ }).getByRole("row");
  await expect(listed.nth(2)).toBeVisible();
  await expect(listed.nth(1)).not.toContainText("All signed off");
  await expectAccessible(page);

  // The list downloads too: every worker behind the figure, in the order shown, for the same team.
  const list = await downloadCsv(page, page.getByRole("link", { name: /^Download as CSV: Competencies signed off, all \d+ workers$/ }));
  expect(list.filename).toBe(`pathways-competencies-signed-off-workers-${slug}-12-months-to-${today()}.csv`);
  const lines = list.text.trim().split("\r\n");
  expect(lines[0]).toBe("Worker,Team,Job title,Competencies signed off,Competencies owed at their stage");
  expect(lines).toHaveLength(await listed.count());
  const firstCells = await listed.nth(1).getByRole("cell").allTextContents();
  expect(lines[1]).toContain(firstCells[0]!);
  await page.context().close();
});

/** Mandatory training subjects needed by the workers in post on the last day, and those in date on it, counted independently. */
async function mandatoryCounts(): Promise<{ needed: number; inDate: number; outOfDate: number }> {
  const end = today();
  const needs = `s.retired_at is null and exists (select 1 from training_subject_audiences a where a.subject_id = s.id and (a.kind = 'everyone'
    or (a.kind = 'stage' and a.ref_id = w.stage_id) or (a.kind = 'profession' and a.ref_id = w.profession_id)
    or (a.kind = 'care_setting' and a.ref_id = coalesce(w.care_setting_id, t.care_setting_id))))`;
  const rows = await queryRows<{ needed: number; inDate: number }>(
    `select (select count(*) from training_subjects s where ${needs}) as needed,
       (select count(*) from training_subjects s where ${needs} and exists (select 1 from training_completions c where c.worker_id = w.id
         and c.subject_id = s.id and c.removed_at is null and c.completed_on <= ? and (c.expires_on is null or c.expires_on >= ?))) as "inDate"
     from workers w join teams t on t.id = w.team_id where w.contract_start <= ? and (w.status = 'in_post' or w.contract_end > ?)`,
    end,
    end,
    end,
    end,
  );
  const n = rows.map((r) => ({ needed: Number(r.needed), inDate: Number(r.inDate) }));
  return {
    needed: n.reduce((a, r) => a + r.needed, 0),
    inDate: n.reduce((a, r) => a + r.inDate, 0),
    outOfDate: n.filter((r) => r.inDate < r.needed).length,
  };
}

test("mandatory training in date matches the demo data, and opens its workers with anything out of date first", async ({ browser }) => {
  const page = await signedInPage(browser, "lead");
  await visit(page, "/insights");
  const c = await mandatoryCounts();
  expect(c.needed, "the demo's workers need mandatory training").toBeGreaterThan(0);
  const card = overallCard(page, "Mandatory training in date");
  await expect(card).toContainText(`${c.inDate} of ${c.needed} subjects needed`);
  await expect(card).toContainText(`${Math.round((100 * c.inDate) / c.needed)}%`);
  await expect(card).toContainText("expiring soon counts as in date");
  const ratings = page.getByRole("table", { name: "The thresholds for each measure's rating" });
  await page.getByText("How the ratings are set").click();
  await expect(ratings.getByRole("row", { name: /^Mandatory training in date/ })).toContainText(/At least \d+%.*Below \d+%/);
  await expectAccessible(page);

  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Mandatory training in date: the workers behind the figure" })).toBeVisible();
  await expect(page.getByText(`${c.inDate} of ${c.needed} mandatory training subjects needed are in date across`)).toBeVisible();
  const listed = page.getByRole("table", { name: /Mandatory training in date: each worker/ }).getByRole("row");
  await expect(listed.nth(1)).toBeVisible();
  if (c.outOfDate > 0) await expect(listed.nth(1)).not.toContainText("All in date");
  await expectAccessible(page);
  const list = await downloadCsv(page, page.getByRole("link", { name: /^Download as CSV: Mandatory training in date, all \d+ workers$/ }));
  expect(list.filename).toBe(`pathways-mandatory-training-in-date-workers-12-months-to-${today()}.csv`);
  const lines = list.text.trim().split("\r\n");
  expect(lines[0]).toBe("Worker,Team,Job title,Subjects in date,Subjects needed");
  const [inDate, needed] = lines.slice(1).reduce(([a, b], l) => { const cells = l.split(","); return [a + Number(cells.at(-2)), b + Number(cells.at(-1))]; }, [0, 0]);
  expect([inDate, needed]).toEqual([c.inDate, c.needed]);
  await page.context().close();
});

test("a manager sees only their own teams' figures; a worker gets 404", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  await visit(page, "/");
  await mainNav(page).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The call to action" })).toBeVisible();
  const mine = await counts(undefined, LOGINS.manager);
  await expect(overallCard(page, "Annual appraisal")).toContainText(`${mine.appraised} of ${mine.due} due`);
  const others = await queryRows<{ name: string }>(
    "select t.name from teams t where t.id not in (select team_id from team_managers tm join users u on u.id = tm.user_id where u.email = ?) and t.id not in (select team_id from workers where line_manager_id = (select id from users where email = ?))",
    LOGINS.manager,
    LOGINS.manager,
  );
  expect(others.length).toBeGreaterThan(0);
  const teamOptions = await page.getByLabel("Team", { exact: true }).locator("option").allTextContents();
  for (const o of others) expect(teamOptions).not.toContain(o.name);
  await expectAccessible(page);
  await page.context().close();

  const worker = await signedInPage(browser, "worker");
  expect((await worker.goto("/insights"))?.status()).toBe(404);
  expect((await worker.goto("/admin/scorecard"))?.status()).toBe(404);
  await worker.context().close();
});

test("an administrator changes a threshold and the rating follows", async ({ browser }) => {
  const page = await signedInPage(browser, "admin");
  await visit(page, "/admin");
  await page.getByRole("link", { name: "Scorecard thresholds" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scorecard thresholds" })).toBeVisible();
  await expectAccessible(page);
  // Mandatory training's thresholds are there, at the defaults trusts usually aim for unless changed.
  const mandatory = page.getByRole("group", { name: "Mandatory training in date" });
  await expect(mandatory.getByLabel("Green from (%)")).toHaveValue("90");
  await expect(mandatory.getByLabel("Amber from (%)")).toHaveValue("80");
  const appraisal = page.getByRole("group", { name: "Annual appraisal" });
  const green = appraisal.getByLabel("Green from (%)");
  const amber = appraisal.getByLabel("Amber from (%)");
  const [oldGreen, oldAmber] = [await green.inputValue(), await amber.inputValue()];

  await amber.fill("99");
  await page.getByRole("button", { name: "Save the thresholds" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /amber cannot start above green/ })).toBeVisible();
  await expect(amber).toHaveValue("99");
  await expectAccessible(page);

  await green.fill("1");
  await amber.fill("0");
  await page.getByRole("button", { name: "Save the thresholds" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thresholds saved" })).toBeVisible();
  await visit(page, "/insights");
  await expect(overallCard(page, "Annual appraisal")).toContainText("On track");

  // Put them back for the rest of the run.
  await visit(page, "/admin/scorecard");
  await green.fill(oldGreen);
  await amber.fill(oldAmber);
  await page.getByRole("button", { name: "Save the thresholds" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thresholds saved" })).toBeVisible();
  await page.context().close();
});
