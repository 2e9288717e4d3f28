// Sessions are checked against the database on every request: a disabled user or a changed role takes effect at once.
import { test, expect } from "./support/test";
import { signInThroughForm as signIn } from "./support/roles";
import { setUserAccess } from "./support/demo-db";

test("a user disabled while signed in is signed out on their next request, and cannot sign in again", async ({ page }) => {
  await signIn(page, "manager3@demo.test");
  await expect(page).toHaveURL("/team");

  setUserAccess("manager3@demo.test", { status: "disabled" });
  await page.reload();
  await expect(page).toHaveURL(/\/login\?expired=1/);
  await expect(page.getByRole("status")).toContainText("Your session has ended");

  await signIn(page, "manager3@demo.test");
  await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText("The email address or password is not right");
});

test("a role change takes effect on the next request", async ({ page }) => {
  await signIn(page, "educator@demo.test");
  await expect(page).toHaveURL("/insights");

  setUserAccess("educator@demo.test", { role: "manager" });
  await page.reload();
  // The old session (minted as a lead) no longer works; signing in again gives the new role's home.
  await expect(page).toHaveURL(/\/login\?expired=1/);
  await signIn(page, "educator@demo.test");
  await expect(page).toHaveURL("/team");
});
