// Signing in and out: each role's home with real data, the wrong-password message, bad input, throttling, logout.
import { test, expect } from "./support/test";
import { errorSummary } from "./support/pages";
import { expectAccessible, visit } from "./support/axe";
import { LOGINS, PASSWORD, signedInPage, signInThroughForm } from "./support/roles";
import { row, rows, workerId as workerIdOf } from "./support/data";
import { today as todayForApp, yearsOn } from "./support/dates";

test.describe("each role lands on a home with real data", () => {
  test("support worker: My development", async ({ browser }) => {
    const page = await signedInPage(browser, "worker");
    await visit(page, "/");
    await expect(page).toHaveURL("/me");
    const me = (await row<{ jobTitle: string; team: string }>(
      `select w.job_title as "jobTitle", t.name as team from workers w join users u on u.id = w.user_id join teams t on t.id = w.team_id where u.email = ?`,
      LOGINS.worker,
    ))!;
    const goals = await rows<{ title: string }>(
      "select g.title from pdp_goals g join pdps p on p.id = g.pdp_id join workers w on w.id = p.worker_id join users u on u.id = w.user_id where u.email = ? and p.status = 'active'",
      LOGINS.worker,
    );
    await expect(page.getByText(`${me.jobTitle} · ${me.team}`)).toBeVisible();
    expect(goals.length).toBeGreaterThan(0);
    for (const g of goals) await expect(page.getByRole("heading", { level: 3, name: g.title })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Next appraisal" })).toBeVisible();
    await page.context().close();
  });

  test("manager: My team lists exactly the workers they manage", async ({ browser }) => {
    const page = await signedInPage(browser, "manager");
    await visit(page, "/");
    await expect(page).toHaveURL("/team");
    const { n } = (await row<{ n: number }>(
      `select count(*) as n from workers w join users m on m.email = ?
       where w.status = 'in_post' and (w.line_manager_id = m.id or w.team_id in (select team_id from team_managers where user_id = m.id))`,
      LOGINS.manager,
    ))!;
    expect(n).toBeGreaterThan(5);
    await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(n);
    await expect(page.getByText("Support workers", { exact: true }).locator("..")).toContainText(String(n));
    await page.context().close();
  });

  test("lead: Insights counts the whole organisation", async ({ browser }) => {
    const page = await signedInPage(browser, "lead");
    await visit(page, "/");
    await expect(page).toHaveURL("/insights");
    const { n } = (await row<{ n: number }>("select count(*) as n from workers where status = 'in_post'"))!;
    // Counted here independently: in post on the last day and in post for 12 months (a first appraisal is due then),
    // with a completed appraisal held in the last 12 months (after the same day a year before).
    const today = todayForApp();
    const workers = await rows<{ contractStart: string; appraised: number }>(
      `select w.contract_start as "contractStart", exists (
         select 1 from appraisals a where a.worker_id = w.id and a.status = 'completed' and a.held_on > ? and a.held_on <= ?) as appraised
       from workers w where w.contract_start <= ? and (w.status = 'in_post' or w.contract_end > ?)`,
      yearsOn(today, -1),
      today,
      today,
      today,
    );
    const due = workers.filter((r) => yearsOn(r.contractStart, 1) <= today);
    const appraised = due.filter((r) => r.appraised).length;
    expect(appraised).toBeGreaterThan(0);
    await expect(page.getByText("Support workers in post today", { exact: true }).locator("..")).toContainText(String(n));
    const overall = page.getByRole("list", { name: "The call to action, overall" });
    await expect(overall.getByRole("listitem").filter({ hasText: "Annual appraisal" })).toContainText(`${appraised} of ${due.length} due`);
    await page.context().close();
  });

  test("admin: Administration shows users and recent activity", async ({ browser }) => {
    // Signed in here, so the recent activity has this sign-in whatever the template's history.
    const page = await (await browser.newContext()).newPage();
    await signInThroughForm(page, LOGINS.admin);
    await expect(page).toHaveURL("/admin");
    await visit(page, "/");
    await expect(page).toHaveURL("/admin");
    await expect(page.getByRole("heading", { name: "Recent activity" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "signed in", exact: true }).first()).toBeVisible();
    await page.context().close();
  });
});

test.describe("signing in", () => {
  test("the login page shows the demo logins in demo mode", async ({ page }) => {
    await visit(page, "/login");
    for (const email of Object.values(LOGINS)) await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();
  });

  test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
    const workerId = await workerIdOf(LOGINS.worker);
    await page.goto(`/workers/${workerId}`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("Email address").fill(LOGINS.manager);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`/workers/${workerId}`); // the callbackUrl form, not a fresh /login
    await expect(page.getByRole("heading", { name: "Position history" })).toBeVisible();
  });

  test("a wrong password gets one clear message that does not say which part was wrong", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill(LOGINS.manager2);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const summary = page.getByRole("alert").filter({ hasText: "could not be signed in" });
    await expect(summary).toContainText("The email address or password is not right");
    await expect(page.getByLabel("Email address")).toHaveValue(LOGINS.manager2);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expectAccessible(page);

    // An email that does not exist gets exactly the same words.
    await page.getByLabel("Email address").fill("nobody-here@demo.test");
    await page.getByLabel("Password").fill("whatever");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText("The email address or password is not right");
  });

  test("bad input: each field says what to fix, linked from the summary", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email address").fill("not an email");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const summary = errorSummary(page);
    await expect(summary.getByRole("link", { name: /correct format/ })).toHaveAttribute("href", "#email");
    await expect(summary.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
    await expect(page.getByLabel("Email address")).toHaveValue("not an email");
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-describedby", "email-error");
    await expect(page.locator("#email-error")).toContainText("correct format");
    await expectAccessible(page);
  });

  test("repeated failures pause sign-in for that account and say when to try again", async ({ page }) => {
    const email = "locked-out@demo.test";
    for (let i = 0; i < 5; i++) {
      await page.goto("/login");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill(`guess-${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toBeVisible();
    }
    await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText(/try again after .* \(in 15 minutes\)/);
    await expectAccessible(page);
  });

  test("logout ends the session, and the old session cookie no longer works", async ({ page }) => {
    await signInThroughForm(page, LOGINS.lead);
    await expect(page).toHaveURL("/insights");
    const cookies = await page.context().cookies();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1/);
    await expect(page.getByRole("status")).toContainText("You have signed out");

    // Replaying the cookie from before logout: the login session has ended on the server.
    await page.context().addCookies(cookies);
    await page.goto("/insights");
    await expect(page).toHaveURL(/\/login/);
  });
});
