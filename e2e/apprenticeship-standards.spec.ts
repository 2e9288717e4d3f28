// Apprenticeship standards as data: an admin corrects a standard's off-the-job minimum (after a bad value) and adds a
// gateway requirement, seen in the list; changes an off-the-job rule and adds one from a future date, which closes the
// current rule, then takes it away again; a manager cannot reach the screens. At the end the minimum, the rule and
// the rules' dates are put back and the requirement (prefixed with the spec's name) retired, so later specs see the
// seeded data.
import { test, expect } from "./support/test";
import { errorSummary, fillDate } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage } from "./support/roles";
import { demoDb } from "./support/demo-db";
import { long, shift, today } from "./support/dates";

test.describe.configure({ mode: "serial" });

const REQUIREMENT = "standards.spec: Workplace mentor's statement received";

function standard(reference: string): { id: string; otj: number; gateway: number } {
  const db = demoDb();
  try {
    return db
      .prepare(
        `select s.id, s.otj_minimum_hours as otj,
           (select count(*) from gateway_requirements g where g.standard_id = s.id and g.retired_at is null) as gateway
         from apprenticeship_standards s where s.reference = ?`,
      )
      .get(reference) as { id: string; otj: number; gateway: number };
  } finally {
    db.close();
  }
}

test("an admin corrects a standard's off-the-job minimum and adds a gateway requirement", async ({ browser }) => {
  test.slow();
  const before = standard("ST0216");
  const page = await signedInPage(browser, "admin");
  await visit(page, "/admin");
  await page.getByRole("navigation", { name: "Manage" }).getByRole("link", { name: "Apprenticeship standards" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apprenticeship standards" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("region", { name: "Off-the-job training rules", exact: true }).getByRole("row")).toHaveCount(4);

  await page.getByRole("link", { name: "Healthcare support worker", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Healthcare support worker (level 2)" })).toBeVisible();
  await expectAccessible(page);

  const otj = page.getByLabel("Off-the-job minimum hours");
  await expect(otj).toHaveValue(String(before.otj));
  await otj.fill("-20");
  await page.getByRole("button", { name: "Save changes" }).click();
  const summary = errorSummary(page);
  const link = summary.getByRole("link", { name: "The off-the-job minimum cannot be negative" });
  await expect(link).toHaveAttribute("href", "#otjMinimumHours");
  await expect(otj).toHaveValue("-20");
  await expect(page.getByLabel("Title")).toHaveValue("Healthcare support worker");
  await expectAccessible(page);
  await link.click();
  await expect(otj).toBeFocused();

  await otj.fill("300");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved");
  await expect(page.getByLabel("Off-the-job minimum hours")).toHaveValue("300");

  await page.getByLabel("Gateway requirement").fill(REQUIREMENT);
  await page.getByRole("button", { name: "Add requirement" }).click();
  await expect(page.getByRole("status")).toContainText("Gateway requirement added");
  await expect(page.getByRole("region", { name: "Gateway checklist" }).getByRole("listitem").last()).toContainText(REQUIREMENT);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Back to apprenticeship standards" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apprenticeship standards" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "ST0216", exact: true }) });
  await expect(row.getByRole("cell").nth(4)).toHaveText("300 hours");
  await expect(row.getByRole("cell").nth(6)).toHaveText(String(before.gateway + 1));
  await expectAccessible(page);

  // Put the seeded figure back and retire the added requirement, for the specs that follow.
  await page.goto(`/admin/apprenticeships/${before.id}`);
  await page.getByLabel("Off-the-job minimum hours").fill(String(before.otj));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved");
  await page.getByRole("link", { name: `Change requirement ${REQUIREMENT}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: REQUIREMENT })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Retire requirement" }).click();
  await expect(page.getByRole("status")).toContainText("Gateway requirement retired");
  await expect(page.getByRole("region", { name: "Gateway checklist" }).getByRole("listitem").filter({ hasText: REQUIREMENT })).toContainText("Retired");
  expect(standard("ST0216")).toMatchObject({ otj: before.otj, gateway: before.gateway });
  await page.context().close();
});

type RuleRow = { id: string; effective_from: string; effective_to: string | null; kind: string; value: number; minimum_hours: number | null; description: string };

function rules(): RuleRow[] {
  const db = demoDb();
  try {
    return db.prepare("select * from otj_rules order by effective_from").all() as RuleRow[];
  } finally {
    db.close();
  }
}

const rulesTable = (page: Page) => page.getByRole("region", { name: "Off-the-job training rules, table" });

test("an admin changes an off-the-job rule, and adds one from a date, which closes the current rule", async ({ browser }) => {
  test.slow();
  const before = rules();
  const weekly = before.find((r) => r.kind === "hours_per_week")!;
  const current = before.find((r) => r.effective_to === null)!;
  const page = await signedInPage(browser, "admin");
  await visit(page, "/admin/apprenticeships");

  // Change the hours-a-week rule: a bad figure first, kept with the message.
  await rulesTable(page).getByRole("link", { name: "1 August 2022 to 31 July 2025" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apprenticeships starting 1 August 2022 to 31 July 2025" })).toBeVisible();
  await expect(page.getByText(/changes the required off-the-job hours of every apprenticeship starting in its dates/)).toBeVisible();
  const hours = page.getByLabel("Hours a week for a full-time apprentice");
  await expect(hours).toHaveValue(String(weekly.value));
  await expectAccessible(page);
  await hours.fill("45");
  await page.getByLabel("Description").fill("standards.spec: six hours a week, reworded");
  await page.getByRole("button", { name: "Save changes" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "The hours a week must be more than 0 and at most 40" })).toHaveAttribute("href", "#value");
  await expect(hours).toHaveValue("45");
  await expect(page.getByLabel("Description")).toHaveValue("standards.spec: six hours a week, reworded");
  await expectAccessible(page);
  await hours.fill("6.5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/admin\/apprenticeships\?saved=rule-updated/);
  await expect(page.getByRole("status")).toContainText("Off-the-job rule changed.");
  const weeklyRow = rulesTable(page).getByRole("row").filter({ hasText: "1 August 2022 to 31 July 2025" });
  await expect(weeklyRow).toContainText("6.5 hours a week full time");
  await expect(weeklyRow).toContainText("standards.spec: six hours a week, reworded");
  await expectAccessible(page);

  // Put it back.
  await rulesTable(page).getByRole("link", { name: "1 August 2022 to 31 July 2025" }).click();
  await page.getByLabel("Hours a week for a full-time apprentice").fill(String(weekly.value));
  await page.getByLabel("Description").fill(weekly.description);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Off-the-job rule changed.");

  // A new rule from a date: one not after the current rule's start is refused, with what was typed kept.
  await page.getByRole("link", { name: "Add a rule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add an off-the-job training rule" })).toBeVisible();
  await expectAccessible(page);
  const from = "Applies to apprenticeships starting on or after";
  await fillDate(page, from, current.effective_from);
  await page.getByRole("group", { name: "What the rule requires" }).getByLabel(/^Hours a week/).check();
  await page.getByLabel("Percentage, or hours a week").fill("8");
  await page.getByLabel("Minimum hours for the whole programme (optional)").fill("200");
  await page.getByLabel("Description").fill("standards.spec: eight hours a week from a future date");
  await page.getByRole("button", { name: "Add the rule" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: `The new rule must start after ${long(current.effective_from)}, when the current rule started` })).toHaveAttribute(
    "href",
    "#effectiveFrom",
  );
  await expect(page.getByLabel("Description")).toHaveValue("standards.spec: eight hours a week from a future date");
  await expect(page.getByRole("group", { name: "What the rule requires" }).getByLabel(/^Hours a week/)).toBeChecked();
  await expectAccessible(page);

  const starts = shift(today(), 400);
  await fillDate(page, from, starts);
  await page.getByRole("button", { name: "Add the rule" }).click();
  await expect(page.getByRole("status")).toContainText("Off-the-job rule added; the rule before it now ends the day before.");
  await expect(rulesTable(page).getByRole("row")).toHaveCount(before.length + 2);
  await expect(rulesTable(page).getByRole("link", { name: `${long(current.effective_from)} to ${long(shift(starts, -1))}` })).toBeVisible();
  await expect(rulesTable(page).getByRole("row").filter({ hasText: `From ${long(starts)}` })).toContainText("8 hours a week full time, pro rata part time, never below 200 hours");
  const after = rules();
  expect(after.find((r) => r.id === current.id)?.effective_to).toBe(starts);
  expect(after.at(-1)).toMatchObject({ effective_from: starts, effective_to: null, kind: "hours_per_week", value: 8, minimum_hours: 200 });
  await expectAccessible(page);

  // Not yet in force, it can be taken away; the current rule is open-ended again.
  await rulesTable(page).getByRole("link", { name: `From ${long(starts)}` }).click();
  await expect(page.getByText("Not yet in force")).toBeVisible();
  await page.getByRole("button", { name: "Take the rule away" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Tick the box to confirm that this rule is to be taken away" })).toHaveAttribute("href", "#confirm");
  await expectAccessible(page);
  await page.getByLabel(/^Yes, take this rule away/).check();
  await page.getByRole("button", { name: "Take the rule away" }).click();
  await expect(page.getByRole("status")).toContainText("Scheduled off-the-job rule taken away");
  await expect(rulesTable(page).getByRole("row")).toHaveCount(before.length + 1);
  await expect(rulesTable(page).getByRole("link", { name: `From ${long(current.effective_from)}` })).toBeVisible();
  expect(rules()).toEqual(before);
  // A rule in force offers no taking away.
  await rulesTable(page).getByRole("link", { name: `From ${long(current.effective_from)}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Apprenticeships starting from ${long(current.effective_from)}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Take the rule away" })).toHaveCount(0);
  await expect(page.getByLabel("Hours a week for a full-time apprentice")).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("a manager gets 404 on the apprenticeship standards screens", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  const { id } = standard("ST0216");
  const rule = rules()[0]!;
  for (const path of ["/admin/apprenticeships", "/admin/apprenticeships/new", `/admin/apprenticeships/${id}`, "/admin/apprenticeships/otj-rules/new", `/admin/apprenticeships/otj-rules/${rule.id}`]) {
    const response = await visit(page, path);
    expect(response?.status(), path).toBe(404);
  }
  await page.context().close();
});
