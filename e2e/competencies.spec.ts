// Competencies, as people use them: My development's figures for Chloe's stage and the next name their stage, add up
// and match the competency page; Chloe (a senior support worker) opens a statement of the next stage from My
// development, rates her confidence and adds evidence (fixing a future date on the way); she has no sign-off form and
// a forged sign-off in her name is refused; her manager signs it off with the assessor's registration (fixing a
// missing number first) and her readiness for the next stage goes up; the manager reopens it with a reason;
// another team's manager gets 404; a lead reads.
import { test, expect } from "./support/test";
import type { Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { PASSWORD, signedInPage, LOGINS } from "./support/roles";
import { demoDb, workerIdFor } from "./support/demo-db";
import { captureAction, replayAs } from "./support/forge";
import { today, shift } from "./support/dates";
import { fillDate } from "./support/pages";

test.describe.configure({ mode: "serial", timeout: 180_000 });


const NOTE = "competencies.spec: I can do this with a colleague nearby";
const EVIDENCE = "competencies.spec: observed leading the falls prevention group on ward 7";

/** The first assistant-practitioner statement (Chloe's next stage) she has no record against, in the published version. */
function untouchedNextStageStatement(workerId: string) {
  const db = demoDb();
  try {
    return db
      .prepare(
        `select s.id, s.number, s.text from competency_statements s
         join framework_versions v on v.id = s.version_id and v.status = 'published'
         join frameworks f on f.id = v.framework_id and f.key = 'hee-ahp-sw-2021'
         where s.stage = 'assistant_practitioner' and s.retired_at is null and s.profession_id is null and s.team_id is null
           and not exists (select 1 from competency_assessments a join competency_statements s2 on s2.id = a.statement_id
                           where a.worker_id = ? and s2.lineage_key = s.lineage_key)
         order by s.sort limit 1`,
      )
      .get(workerId) as { id: string; number: string; text: string };
  } finally {
    db.close();
  }
}

function assessmentStatus(workerId: string, statementId: string) {
  const db = demoDb();
  try {
    return (db.prepare("select status from competency_assessments where worker_id = ? and statement_id = ?").get(workerId, statementId) as { status: string } | undefined)?.status;
  } finally {
    db.close();
  }
}

async function readinessFigure(page: Page) {
  const text = await page.getByRole("region", { name: /^Readiness for the next stage/ }).locator("p").filter({ hasText: /%/ }).first().innerText();
  const m = /(\d+)% \((\d+) of (\d+) assistant practitioner statements signed off\)/.exec(text);
  if (!m) throw new Error(`No readiness figure in "${text}"`);
  return { percent: Number(m[1]), signedOff: Number(m[2]), total: Number(m[3]) };
}

/** The card at the top of a statement's page, with its status tag. */
const statementCard = (page: Page) => page.getByRole("region", { name: "The statement" });

let statement: { id: string; number: string; text: string };
let before: { percent: number; signedOff: number; total: number };

/** The numbers in a piece of text, matched by a pattern with groups. */
async function figures(locator: ReturnType<Page["getByRole"]>, pattern: RegExp): Promise<number[]> {
  const text = (await locator.innerText()).replace(/\s+/g, " ");
  const m = pattern.exec(text);
  if (!m) throw new Error(`"${text}" does not match ${pattern}`);
  return m.slice(1).map(Number);
}

/** How many statements the competency page lists for its stage (with ?show=gaps, those still to achieve). */
async function statementsListed(page: Page) {
  return page.locator('section[aria-labelledby="statements"] li').count();
}

test("My development's competency figures name their stage, add up, and match the competency page", async ({ browser }) => {
  const page = await signedInPage(browser, "worker");
  await visit(page, "/me");
  const card = page.getByRole("region", { name: "Competencies at my stage" });
  const panel = page.getByRole("region", { name: /^Readiness for the next stage: Assistant practitioner/ });

  // Her stage, intermediate, in the card and the panel: the same figures, and they add up.
  await expect(card).toContainText("Intermediate (senior support worker) statements");
  const [signed, total] = await figures(card, /(\d+) of (\d+) signed off/);
  const [toAchieve] = await figures(card, /(\d+) still to achieve/);
  const [signedAgain, totalAgain, percentHere, toAchieveAgain] = await figures(
    panel.locator("p").filter({ hasText: "At your stage" }),
    /At your stage: (\d+) of (\d+) intermediate \(senior support worker\) statements signed off \((\d+)%\); (\d+) still to achieve/,
  );
  expect([signedAgain, totalAgain, toAchieveAgain]).toEqual([signed, total, toAchieve]);
  expect(signed! + toAchieve!).toBe(total);
  expect(percentHere).toBe(Math.floor((100 * signed!) / total!));

  // The next stage, assistant practitioner: its own figures, named, adding up; its gaps link says how many.
  const [percent, nextSigned, nextTotal] = await figures(panel, /(\d+)% \((\d+) of (\d+) assistant practitioner statements signed off\)/);
  const [nextToAchieve, nextTotalAgain] = await figures(panel, /Still to achieve: (\d+) of (\d+)/);
  expect(nextTotalAgain).toBe(nextTotal);
  expect(nextSigned! + nextToAchieve!).toBe(nextTotal);
  expect(percent).toBe(Math.floor((100 * nextSigned!) / nextTotal!));
  await page.screenshot({ path: "test-results/me-competencies-1280.png", fullPage: true });

  // Each "still to achieve" opens that many statements of that stage.
  await panel.getByRole("link", { name: `All ${nextToAchieve} assistant practitioner statements still to achieve` }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Assistant practitioner: ${nextSigned} of ${nextTotal} signed off` })).toBeVisible();
  expect(await statementsListed(page)).toBe(nextToAchieve);
  await visit(page, "/me");
  await card.getByRole("link", { name: `${toAchieve} still to achieve` }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Intermediate (senior support worker): ${signed} of ${total} signed off` })).toBeVisible();
  expect(await statementsListed(page)).toBe(toAchieve);
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, "/me");
  await page.screenshot({ path: "test-results/me-competencies-390.png", fullPage: true });
  await page.context().close();
});

test("Chloe self-assesses a next-stage statement and adds evidence, fixing a future date", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  statement = untouchedNextStageStatement(chloe);
  const page = await signedInPage(browser, "worker");
  await visit(page, "/me");
  const panel = page.getByRole("region", { name: /Readiness for the next stage: Assistant practitioner/ });
  await expect(panel).toBeVisible();
  await page.getByRole("link", { name: "My competencies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Competencies" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("listitem").filter({ hasText: "You are here" })).toContainText("Senior support worker");

  await page.getByRole("link", { name: "Next stage: Assistant practitioner" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Assistant practitioner: \d+ of \d+ signed off/ })).toBeVisible();
  before = await readinessFigure(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: `${statement.number} ${statement.text}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Competency ${statement.number}` })).toBeVisible();
  await expect(statementCard(page).getByText("Not started", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("button", { name: "Sign off this competency" })).toHaveCount(0);

  // No rating chosen: the note comes back.
  await page.getByLabel("Your note (optional)").fill(NOTE);
  await page.getByRole("button", { name: "Save my self-assessment" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Select how confident you are" })).toHaveAttribute("href", "#confidence");
  await expect(page.getByLabel("Your note (optional)")).toHaveValue(NOTE);
  await expectAccessible(page);
  await page.getByRole("group", { name: "How confident are you?" }).getByLabel(/^3: getting there/).check();
  await page.getByRole("button", { name: "Save my self-assessment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Self-assessment saved" })).toBeVisible();
  await expect(statementCard(page).getByText("Self-assessed", { exact: true })).toBeVisible();

  // Evidence dated tomorrow is refused, with the description kept.
  await page.getByRole("group", { name: "Type of evidence" }).getByLabel("Direct observation").check();
  await fillDate(page, "Date", shift(today(), 1));
  await page.getByLabel("Description").fill(EVIDENCE);
  await page.getByRole("button", { name: "Add the evidence" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "The date of the evidence cannot be in the future" })).toHaveAttribute("href", "#evidenceDate");
  await expect(page.getByLabel("Description")).toHaveValue(EVIDENCE);
  await expectAccessible(page);
  await fillDate(page, "Date", shift(today(), -2));
  // A link typed as people copy it, from "www.", is taken with the https:// it left out.
  await page.getByLabel("Link (optional)").fill("www.e-lfh.org.uk/certificates/competencies-e2e");
  await page.getByRole("button", { name: "Add the evidence" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Evidence added" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Evidence, newest first" })).toContainText(EVIDENCE);
  await expect(page.getByRole("list", { name: "Evidence, newest first" }).getByRole("link", { name: /^https:\/\/www\.e-lfh\.org\.uk\/certificates\/competencies-e2e/ })).toHaveAttribute(
    "href",
    "https://www.e-lfh.org.uk/certificates/competencies-e2e",
  );
  await expect(statementCard(page).getByText("Evidence added", { exact: true })).toBeVisible();
  expect(assessmentStatus(chloe, statement.id)).toBe("evidence_added");
});

test("the manager signs it off with registration details (and a forged sign-off by Chloe is refused); readiness goes up", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const path = `/workers/${chloe}/competencies/${statement.id}`;
  const page = await signedInPage(browser, "manager");
  await visit(page, path);
  await expect(page.getByRole("list", { name: "Evidence, newest first" })).toContainText(EVIDENCE);
  // Chloe replays the manager's sign-off request with her own session: refused, and nothing changes.
  const request = await captureAction(page, async () => {
    await page.getByLabel("Assessor's name").fill("Chloe Mensah");
    await page.getByLabel("Assessor's profession").fill("Physiotherapist");
    await page.getByLabel("Registration number").fill("PH654321");
    await page.getByLabel("Your password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign off this competency" }).click();
  });
  const chloePage = await signedInPage(browser, "worker");
  await chloePage.goto(path);
  expect((await replayAs(chloePage, request)).status()).toBe(404);
  expect(assessmentStatus(chloe, statement.id)).toBe("evidence_added");

  // Without the registration number: an error, with the other details kept.
  await page.getByLabel("Assessor's name").fill("Priya Shah");
  await page.getByLabel("Assessor's profession").fill("Physiotherapist");
  await page.getByLabel("Registration number").fill("");
  await page.getByRole("button", { name: "Sign off this competency" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: /registration number/ })).toHaveAttribute("href", "#assessorRegistration");
  await expect(page.getByLabel("Assessor's name")).toHaveValue("Priya Shah");
  await expect(page.getByLabel("Assessor's profession")).toHaveValue("Physiotherapist");
  await expectAccessible(page);
  await page.getByLabel("Registration number").fill("PH 654321");
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign off this competency" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Signed off. The competency is now locked" })).toBeVisible();
  const signOff = page.getByRole("region", { name: "Sign-off" });
  await expect(signOff).toContainText("Priya Shah");
  await expect(signOff).toContainText("PH654321");
  await expectAccessible(page);
  expect(assessmentStatus(chloe, statement.id)).toBe("signed_off");

  await visit(page, `/workers/${chloe}/competencies?stage=next`);
  const after = await readinessFigure(page);
  expect(after.signedOff).toBe(before.signedOff + 1);
  expect(after.total).toBe(before.total);
  expect(after.percent).toBe(Math.floor(((before.signedOff + 1) / before.total) * 100));

  // Chloe sees it signed off and locked, with no forms left.
  await visit(chloePage, path);
  await expect(statementCard(chloePage).getByText("Signed off", { exact: true })).toBeVisible();
  await expect(chloePage.getByRole("button", { name: "Save my self-assessment" })).toHaveCount(0);
  await expect(chloePage.getByRole("button", { name: "Add the evidence" })).toHaveCount(0);
  await expect(chloePage.getByText("Reopen this sign-off")).toHaveCount(0);
});

test("another team's manager gets 404; a lead reads without forms; the manager reopens with a reason", async ({ browser }) => {
  const chloe = workerIdFor(LOGINS.worker);
  const path = `/workers/${chloe}/competencies/${statement.id}`;
  const other = await signedInPage(browser, "manager2");
  expect((await other.goto(path))?.status()).toBe(404);
  expect((await other.goto(`/workers/${chloe}/competencies`))?.status()).toBe(404);

  const lead = await signedInPage(browser, "lead");
  await visit(lead, path);
  await expect(lead.getByRole("region", { name: "Sign-off" })).toContainText("PH654321");
  await expect(lead.getByText("Reopen this sign-off")).toHaveCount(0);
  await expect(lead.getByRole("button", { name: "Add the evidence" })).toHaveCount(0);

  const page = await signedInPage(browser, "manager");
  await visit(page, path);
  await page.getByText("Reopen this sign-off").click();
  await page.getByRole("button", { name: "Reopen the sign-off" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Say why the sign-off is being reopened" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Why is it being reopened?").fill("competencies.spec: signed off against the wrong statement");
  await page.getByRole("button", { name: "Reopen the sign-off" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sign-off reopened" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Reopened sign-offs" })).toContainText("signed off against the wrong statement");
  await expect(statementCard(page).getByText("Evidence added", { exact: true })).toBeVisible();
  await expectAccessible(page);
  expect(assessmentStatus(chloe, statement.id)).toBe("evidence_added");
});
