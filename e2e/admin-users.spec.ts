// Logins: an administrator adds a user who sets their password through a one-time link; changes a role and
// disables a user who is signed in elsewhere (their next request signs them out); a manager gives their support
// worker a login. Others are refused by URL.
import { test, expect } from "./support/test";
import { errorSummary } from "./support/pages";
import type { Browser, Page } from "@playwright/test";
import { expectAccessible, visit } from "./support/axe";
import { signedInPage, signInThroughForm, storageState } from "./support/roles";
import { demoDb } from "./support/demo-db";

test.describe.configure({ mode: "serial" });

/** Adds a user through the admin screens and returns the set-password link shown once. */
async function addUser(admin: Page, name: string, email: string, role: "Manager" | "Lead" | "Administrator") {
  await admin.goto("/admin/users/new");
  await admin.getByLabel("Full name").fill(name);
  await admin.getByLabel("Work email address").fill(email);
  await admin.getByLabel("Role").selectOption({ label: role });
  await admin.getByRole("button", { name: "Create login" }).click();
  await expect(admin.getByRole("heading", { name: `Login created for ${name}` })).toBeVisible();
  return admin.getByLabel(/Set-password link for/).inputValue();
}

/** Opens a set-password link in a fresh browser (no one signed in) and chooses a password. */
async function choosePassword(browser: Browser, link: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Choose a password").fill(password);
  await page.getByLabel("Type the password again").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  return page;
}

test("an admin adds a user, who chooses a password through the link and is signed in", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin");
  await visit(admin, "/admin/users");
  await expect(admin.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await admin.getByRole("link", { name: "Add a user" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Add a user" })).toBeVisible();
  await expectAccessible(admin);

  // Bad input first: every field says what is wrong, and what was typed stays.
  await admin.getByLabel("Full name").fill("x".repeat(121));
  await admin.getByLabel("Work email address").fill("rowan.ellery.e2e");
  await admin.getByRole("button", { name: "Create login" }).click();
  const summary = errorSummary(admin);
  await expect(summary.getByRole("link", { name: "Name must be 120 characters or fewer" })).toHaveAttribute("href", "#name");
  await expect(summary).toContainText("Enter an email address in the correct format");
  await expect(summary).toContainText("Select a role");
  await expect(admin.getByLabel("Work email address")).toHaveValue("rowan.ellery.e2e");
  await expectAccessible(admin);

  await admin.getByLabel("Full name").fill("Rowan Ellery");
  await admin.getByLabel("Work email address").fill("lead@DEMO.test");
  await admin.getByLabel("Role").selectOption({ label: "Lead" });
  await admin.getByRole("button", { name: "Create login" }).click();
  await expect(summary).toContainText("A user with this email already exists");
  await expect(admin.getByLabel("Full name")).toHaveValue("Rowan Ellery");

  await admin.getByLabel("Work email address").fill("rowan.ellery.e2e@demo.test");
  await admin.getByRole("button", { name: "Create login" }).click();
  await expect(admin.getByRole("heading", { name: "Login created for Rowan Ellery" })).toBeVisible();
  await expect(admin.getByText("expires on")).toContainText("72 hours");
  await expect(admin.getByText("Email is not set up here")).toBeVisible();
  const link = await admin.getByLabel(/Set-password link for/).inputValue();
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(admin);

  // The new user, in a browser of their own.
  const context = await browser.newContext();
  const page = await context.newPage();
  await visit(page, link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  await expect(page.getByText("rowan.ellery.e2e@demo.test")).toBeVisible();
  await page.getByLabel("Choose a password").fill("too short");
  await page.getByLabel("Type the password again").fill("too short");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(errorSummary(page)).toContainText("Password must be at least 12 characters");
  await expect(page.getByLabel("Choose a password")).toHaveValue("");
  await expectAccessible(page);

  await page.getByLabel("Choose a password").fill("rowan's own long password");
  await page.getByLabel("Type the password again").fill("rowan's own long password");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL("/insights");
  await expect(page.getByRole("heading", { level: 1, name: "The call to action" })).toBeVisible();

  // The link worked once.
  await visit(page, link);
  await expect(page.getByRole("heading", { level: 1, name: "This link no longer works" })).toBeVisible();
  await expect(page.getByText("This link has expired or has already been used; ask your manager or administrator for a new one.")).toBeVisible();

  // And the password is theirs: a fresh sign-in through the form works.
  const again = await browser.newContext();
  const fresh = await again.newPage();
  await signInThroughForm(fresh, "rowan.ellery.e2e@demo.test", "rowan's own long password");
  await expect(fresh).toHaveURL("/insights");

  // The admin sees them in the list, with a last sign-in.
  await visit(admin, "/admin/users?q=rowan.ellery");
  const row = admin.getByRole("row", { name: /Rowan Ellery/ });
  await expect(row).toContainText("Lead");
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never");
  await Promise.all([context.close(), again.close(), admin.context().close()]);
});

test("creating a manager asks for the teams they manage, and they become the team's manager", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin");
  await visit(admin, "/admin/users/new");
  const teams = admin.getByRole("group", { name: "Teams they manage" });
  // Asked of a manager only.
  await expect(teams).toBeHidden();
  await admin.getByLabel("Role").selectOption({ label: "Lead" });
  await expect(teams).toBeHidden();
  await admin.getByLabel("Role").selectOption({ label: "Manager" });
  await expect(teams).toBeVisible();
  await expectAccessible(admin);

  await admin.getByLabel("Full name").fill("Morgan Hale");
  await admin.getByLabel("Work email address").fill("morgan.hale.e2e@demo.test");
  await teams.getByLabel("Acute Physiotherapy").check();
  await admin.getByRole("button", { name: "Create login" }).click();
  await expect(admin.getByRole("heading", { name: "Login created for Morgan Hale" })).toBeVisible();
  await expectAccessible(admin);

  await visit(admin, "/teams");
  await admin.getByRole("link", { name: "Acute Physiotherapy", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Acute Physiotherapy" })).toBeVisible();
  await expect(admin.getByText(/Morgan Hale/)).toBeVisible();
  await expectAccessible(admin);
  await admin.context().close();
});

test("an admin changes the role of, then disables, a user signed in elsewhere: each time their next request signs them out", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin");
  const link = await addUser(admin, "Sasha Okoro", "sasha.okoro.e2e@demo.test", "Lead");
  const sasha = await choosePassword(browser, link, "sasha's long password");
  await expect(sasha).toHaveURL("/insights");

  await visit(admin, "/admin/users?q=sasha.okoro");
  await admin.getByRole("link", { name: "Sasha Okoro" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Sasha Okoro" })).toBeVisible();
  await expectAccessible(admin);

  await admin.getByLabel("Role", { exact: true }).selectOption({ label: "Manager" });
  await admin.getByRole("button", { name: "Change role" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Role changed to manager" })).toBeVisible();
  await sasha.reload();
  await expect(sasha).toHaveURL(/\/login\?expired=1/);
  await signInThroughForm(sasha, "sasha.okoro.e2e@demo.test", "sasha's long password");
  await expect(sasha).toHaveURL("/team");

  await admin.getByRole("button", { name: "Disable account" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Account disabled" })).toBeVisible();
  await expect(admin.getByRole("button", { name: "Re-enable account" })).toBeVisible();
  await expectAccessible(admin);

  await sasha.reload();
  await expect(sasha).toHaveURL(/\/login\?expired=1/);
  await expect(sasha.getByRole("status")).toContainText("Your session has ended");
  await signInThroughForm(sasha, "sasha.okoro.e2e@demo.test", "sasha's long password");
  await expect(sasha.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText("The email address or password is not right");

  // The history says who did what.
  const history = admin.getByRole("region", { name: "History table" });
  await expect(history.getByRole("row").nth(1)).toContainText("Account disabled");
  await expect(history).toContainText("Role changed: lead to manager");
  await expect(history).toContainText("Password set");

  await admin.getByRole("button", { name: "Re-enable account" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Account re-enabled" })).toBeVisible();
  await signInThroughForm(sasha, "sasha.okoro.e2e@demo.test", "sasha's long password");
  await expect(sasha).toHaveURL("/team");

  // A reset stops the old password at once and gives a new link.
  await admin.getByRole("button", { name: "Reset password" }).click();
  await expect(admin.getByRole("heading", { name: "Password reset" })).toBeVisible();
  const resetLink = await admin.getByLabel(/Set-password link for/).inputValue();
  await expectAccessible(admin);
  await sasha.reload();
  await expect(sasha).toHaveURL(/\/login\?expired=1/);
  await sasha.goto(resetLink);
  await expect(sasha.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await Promise.all([sasha.context().close(), admin.context().close()]);
});

test("an admin cannot disable or demote themselves", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin");
  await visit(admin, "/admin/users?q=admin%40demo.test");
  await admin.getByRole("link", { name: "Sam Whitfield" }).click();
  await expect(admin.getByText("This is your own account.")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Disable account" })).toHaveCount(0);
  await expect(admin.getByRole("button", { name: "Change role" })).toHaveCount(0);
  await expectAccessible(admin);
  await admin.context().close();
});

/** A support worker in manager@demo.test's teams with no login, picked so no other spec is likely to use them. */
function unlinkedWorkerOfManager(): { id: string; name: string } {
  const db = demoDb();
  try {
    const row = db
      .prepare(
        `select w.id, w.first_name || ' ' || w.last_name as name from workers w
         join team_managers tm on tm.team_id = w.team_id join users u on u.id = tm.user_id
         where u.email = 'manager@demo.test' and w.user_id is null and w.status = 'in_post'
         order by w.employee_number desc limit 1`,
      )
      .get() as { id: string; name: string } | undefined;
    if (!row) throw new Error("No unlinked worker in manager@demo.test's teams");
    return row;
  } finally {
    db.close();
  }
}

test("a manager gives their support worker a login; another team's manager gets 404", async ({ browser }) => {
  const worker = unlinkedWorkerOfManager();

  const manager2 = await signedInPage(browser, "manager2");
  expect((await manager2.goto(`/workers/${worker.id}/login`))?.status()).toBe(404);
  await manager2.context().close();

  const manager = await signedInPage(browser, "manager");
  await manager.goto(`/workers/${worker.id}`);
  await manager.getByRole("link", { name: "Give them a Pathways login" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: `A Pathways login for ${worker.name}` })).toBeVisible();
  await expectAccessible(manager);

  await manager.getByRole("button", { name: "Create login" }).click();
  await expect(errorSummary(manager)).toContainText("Enter an email address");
  await manager.getByLabel(/work email address/).fill("worker@demo.test");
  await manager.getByRole("button", { name: "Create login" }).click();
  await expect(errorSummary(manager)).toContainText("A user with this email already exists");
  await expect(manager.getByLabel(/work email address/)).toHaveValue("worker@demo.test");

  await manager.getByLabel(/work email address/).fill("given.login.e2e@demo.test");
  await manager.getByRole("button", { name: "Create login" }).click();
  await expect(manager.getByRole("heading", { name: `Login created for ${worker.name}` })).toBeVisible();
  // The manager never holds the worker's way in: no email is set up here, so an administrator gives the link.
  await expect(manager.getByText(`an administrator gives ${worker.name} their set-password link`)).toBeVisible();
  await expect(manager.getByLabel(/Set-password link for/)).toHaveCount(0);
  expect(await manager.content()).not.toContain("/set-password/");
  await expectAccessible(manager);

  // The administrator issues it from the user's page, where it is shown once.
  const admin = await signedInPage(browser, "admin");
  await admin.goto(`/admin/users?q=${encodeURIComponent("given.login.e2e@demo.test")}`);
  // The row links the login to its page (and the worker to their record, under the same name).
  await admin.locator('a[href^="/admin/users/"]', { hasText: worker.name }).click();
  await admin.getByRole("button", { name: "Create a new set-password link" }).click();
  const link = await admin.getByLabel(/Set-password link for/).inputValue();
  await expectAccessible(admin);
  await admin.context().close();

  // The worker sets a password and lands on their own record.
  const own = await choosePassword(browser, link, "my own long password");
  await expect(own).toHaveURL("/me");
  await own.context().close();

  // The profile no longer offers a login; the login page says they have one.
  await manager.goto(`/workers/${worker.id}`);
  await expect(manager.getByRole("link", { name: "Give them a Pathways login" })).toHaveCount(0);
  await visit(manager, `/workers/${worker.id}/login`);
  await expect(manager.getByText("already has a login")).toContainText("given.login.e2e@demo.test");
  await manager.context().close();
});

test("users and reference data are for administrators only; teams are not for support workers", async ({ browser }) => {
  const cases: Array<["worker" | "manager" | "lead", string[]]> = [
    ["worker", ["/teams", "/admin/users", "/admin/users/new", "/admin/reference"]],
    ["manager", ["/admin/users", "/admin/reference", "/teams/new"]],
    ["lead", ["/admin/users", "/admin/reference/bands/new", "/teams/new"]],
  ];
  for (const [who, paths] of cases) {
    const page = await signedInPage(browser, who);
    for (const path of paths) expect((await page.goto(path))?.status(), `${who} → ${path}`).toBe(404);
    await expectAccessible(page);
    await page.context().close();
  }
});

test("the users list and the reference lists fit a 360 px screen", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState("admin"), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ["/admin/users", "/admin/reference"]) {
    await visit(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  await context.close();
});
