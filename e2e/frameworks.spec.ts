// Competency frameworks as data: an admin starts version 2 of the HEE framework, is told what is wrong with a bad
// statement (and keeps what they typed), rewords one, adds a bespoke one for Physiotherapy, retires one and publishes;
// version 1 is superseded with its wording intact. A manager cannot open the screens. The changes are kept small
// and away from the entry stage of domains 1 to 3, which the later specs (PDP goals, the development year) use.
import { test, expect } from "./support/test";
import { errorSummary } from "./support/pages";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, LOGINS } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";

test.describe.configure({ mode: "serial" });

const REWORDED = "frameworks.spec: Leads a small service improvement project and shares what was learned with the team.";
const BESPOKE = "frameworks.spec: Fits and checks walking aids for a patient, under the physiotherapist's delegation.";
const NOTES = "frameworks.spec: reworded 8.1 (assistant practitioner), added a bespoke physiotherapy statement, retired 8.2.";

type Row = { frameworkId: string; v1: string; text81: string; text82: string };

/** The framework and version 1's assistant practitioner statements 8.1 and 8.2, read from the demo database. */
function heeVersion1(): Row {
  const db = demoDb();
  try {
    const v = db
      .prepare("select f.id as frameworkId, v.id as v1 from frameworks f join framework_versions v on v.framework_id = f.id where f.key = 'hee-ahp-sw-2021' and v.version = 1")
      .get() as { frameworkId: string; v1: string };
    const text = (key: string) => (db.prepare("select text from competency_statements where version_id = ? and lineage_key = ?").get(v.v1, key) as { text: string }).text;
    return { ...v, text81: text("assistant_practitioner:8.1"), text82: text("assistant_practitioner:8.2") };
  } finally {
    db.close();
  }
}

const statementItem = (page: Page, text: string) => page.getByRole("listitem").filter({ hasText: text });
const editLink = (page: Page, number: string, text: string) => page.getByRole("link", { name: `Edit statement ${number}: ${text.slice(0, 60)}` });

let hee: Row | undefined;

test("an admin makes version 2 of the HEE framework and publishes it; version 1 stays as it was", async ({ browser }) => {
  // Many pages, each checked by axe: longer than one page's budget on a busy machine.
  test.slow();
  hee = heeVersion1();
  const page = await signedInPage(browser, "admin");
  await visit(page, "/admin");
  await page.getByRole("link", { name: "Competency frameworks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Competency frameworks" })).toBeVisible();
  await expect(page.getByText("Version 1 published")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "AHP Support Worker Competency, Education and Career Development Framework" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("AHP Support Worker Competency");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start a new version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Version 2" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Draft started");
  await expectAccessible(page);

  // A bad edit: no wording and a renewal period of 0.
  await editLink(page, "8.1", hee.text81).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statement 8.1" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Wording").fill("   ");
  await page.getByLabel("Renewal period in months (optional)").fill("0");
  await page.getByLabel("Source reference (optional)").fill("frameworks.spec: source");
  await page.getByRole("button", { name: "Save statement" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("link", { name: "Enter the statement's wording" })).toHaveAttribute("href", "#text");
  await expect(summary.getByRole("link", { name: /at least 1 month/ })).toHaveAttribute("href", "#renewalMonths");
  await expect(page.getByLabel("Renewal period in months (optional)")).toHaveValue("0");
  await expect(page.getByLabel("Source reference (optional)")).toHaveValue("frameworks.spec: source");
  await expect(page.getByLabel("Number", { exact: true })).toHaveValue("8.1");
  await expect(page.getByLabel("Wording")).toHaveAttribute("aria-describedby", /text-error/);
  await expectAccessible(page);

  await page.getByLabel("Wording").fill(REWORDED);
  await page.getByLabel("Renewal period in months (optional)").fill("");
  await page.getByRole("button", { name: "Save statement" }).click();
  await expect(page.getByRole("status")).toContainText("Statement saved");
  await expect(statementItem(page, REWORDED)).toBeVisible();
  await expectAccessible(page);

  // A bespoke statement for Physiotherapy.
  await page.getByRole("link", { name: "Add a statement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a statement" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Domain", { exact: true }).selectOption({ label: "Domain 8: Research, evaluation and service improvement" });
  await page.getByLabel("Stage", { exact: true }).selectOption({ label: "Assistant practitioner" });
  await page.getByLabel("Number", { exact: true }).fill("8.9");
  await page.getByLabel("Wording").fill(BESPOKE);
  await page.getByLabel("Renewal period in months (optional)").fill("24");
  await page.getByRole("radio", { name: /Yes, bespoke/ }).check();
  await page.getByLabel("Profession (bespoke statements only)").selectOption({ label: "Physiotherapy" });
  await page.getByRole("button", { name: "Add statement" }).click();
  await expect(page.getByRole("status")).toContainText("Statement added");
  const bespoke = statementItem(page, BESPOKE);
  await expect(bespoke).toContainText("Bespoke for Physiotherapy");
  await expect(bespoke).toContainText("Renew every 24 months");
  await expectAccessible(page);

  // Retire 8.2 (assistant practitioner).
  await editLink(page, "8.2", hee.text82).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Retire statement" }).click();
  await expect(page.getByRole("status")).toContainText("Retired");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to version 2" }).click();
  await expect(statementItem(page, hee.text82)).toContainText("Retired");
  await expectAccessible(page);

  // Publishing needs notes.
  await page.getByRole("button", { name: "Publish version 2" }).click();
  await expect(errorSummary(page).getByRole("link", { name: "Say what changed in this version" })).toHaveAttribute("href", "#notes");
  await expectAccessible(page);
  await page.getByLabel("What changed in this version").fill(NOTES);
  await page.getByRole("button", { name: "Publish version 2" }).click();
  await expect(page.getByRole("status")).toContainText("Published");
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Publish/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: /^Back to / }).click();
  const versions = page.getByRole("region", { name: "Versions" });
  const v2 = versions.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Version 2" }) });
  const v1 = versions.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Version 1" }) });
  await expect(v2).toContainText("Published");
  await expect(v2).toContainText(NOTES);
  await expect(v1).toContainText("Superseded");
  await expect(page.getByRole("button", { name: "Start a new version" })).toBeVisible();
  await expectAccessible(page);

  await v1.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
  await expect(page.getByText("This version is superseded")).toBeVisible();
  await expect(statementItem(page, hee.text81)).toBeVisible();
  await expect(statementItem(page, hee.text82)).not.toContainText("Retired");
  await expect(page.getByText(REWORDED)).toHaveCount(0);
  await expect(page.getByText(BESPOKE)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.context().close();
});

test("a manager cannot open the framework screens", async ({ browser }) => {
  hee ??= heeVersion1();
  const page = await signedInPage(browser, "manager");
  for (const path of ["/admin/frameworks", `/admin/frameworks/${hee.frameworkId}`, `/admin/frameworks/${hee.frameworkId}/versions/${hee.v1}`]) {
    const response = await visit(page, path);
    expect(response?.status(), path).toBe(404);
  }
  await page.context().close();
});

test("after version 2, Chloe's earlier sign-offs still show version 1, and her next stage shows version 2's wording", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  // A sign-off of Chloe's made against version 1 (the demo trust seeds several at her stage).
  const db = demoDb();
  const signed = (() => {
    try {
      return db
        .prepare(
          `select s.id, s.number, s.text, s.lineage_key as lineageKey from competency_assessments a
           join competency_statements s on s.id = a.statement_id
           join framework_versions v on v.id = s.version_id and v.version = 1
           where a.worker_id = ? and a.status = 'signed_off' and a.expires_on is null and s.stage = 'intermediate'
           order by s.sort limit 1`,
        )
        .get(chloe) as { id: string; number: string; text: string; lineageKey: string };
    } finally {
      db.close();
    }
  })();
  const page = await signedInPage(browser, "worker");
  await visit(page, `/workers/${chloe}/competencies`);
  await expect(page.getByText(/Assessed against the .*, version 2\./)).toBeVisible();
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `${signed.number} ${signed.text}` }) });
  await expect(row).toContainText("Assessed against version 1");
  await expect(row).toContainText("Signed off");
  await row.getByRole("link", { name: `${signed.number} ${signed.text}` }).click();
  await expect(page.getByText("Signed off against version 1 of the framework. A newer version (2) is now current.")).toBeVisible();
  await expect(page.getByText("The wording has not changed.")).toBeVisible();
  await expectAccessible(page);

  // Her next stage (assistant practitioner) reads from version 2: the reworded statement, the bespoke one for her
  // profession (Physiotherapy), and not the retired 8.2.
  await visit(page, `/workers/${chloe}/competencies?stage=next`);
  // The statements list (the readiness panel above it may name the same statement among the gaps).
  const statements = page.getByRole("region", { name: /^Assistant practitioner: \d+ of \d+ signed off/ });
  await expect(statements.getByRole("link", { name: `8.1 ${REWORDED}` })).toBeVisible();
  await expect(statements.getByRole("listitem").filter({ hasText: BESPOKE })).toContainText("local competency");
  hee ??= heeVersion1();
  await expect(page.getByText(hee.text82)).toHaveCount(0);

  // Chloe can still open her sign-off from the old link, and it is still the version 1 record.
  const check = demoDb();
  try {
    const stillV1 = check
      .prepare("select count(*) as n from competency_assessments where worker_id = ? and statement_id = ? and status = 'signed_off'")
      .get(chloe, signed.id) as { n: number };
    expect(stillV1.n).toBe(1);
  } finally {
    check.close();
  }
  await page.context().close();
});
