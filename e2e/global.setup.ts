// Signs each demo role in through the real form once and keeps the session for the other specs.
import { test as setup, expect } from "@playwright/test";
import { LOGINS, HOMES, storageState, signInThroughForm, type DemoLogin } from "./support/roles";

for (const who of Object.keys(LOGINS) as DemoLogin[]) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await signInThroughForm(page, LOGINS[who]);
    await expect(page).toHaveURL(HOMES[who].path);
    await expect(page.getByRole("heading", { level: 1, name: HOMES[who].heading })).toBeVisible();
    await page.context().storageState({ path: storageState(who) });
  });
}
