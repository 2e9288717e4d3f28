// Apprenticeship standards as data: an admin corrects a standard's off-the-job minimum (after a bad value) and adds a
// gateway requirement, seen in the list; a manager cannot reach the screens. At the end the minimum is put back and
// the requirement (prefixed with the spec's name) retired, so later specs see the seeded checklist.
import { test, expect } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage } from "./support/roles";
import { demoDb } from "./support/demo-db";

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
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
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

test("a manager gets 404 on the apprenticeship standards screens", async ({ browser }) => {
  const page = await signedInPage(browser, "manager");
  const { id } = standard("ST0216");
  for (const path of ["/admin/apprenticeships", "/admin/apprenticeships/new", `/admin/apprenticeships/${id}`]) {
    const response = await visit(page, path);
    expect(response?.status(), path).toBe(404);
  }
  await page.context().close();
});
