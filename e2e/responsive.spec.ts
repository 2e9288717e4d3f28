// Every home works on a 360 px phone: nothing pushes the page sideways, the navigation and sign-out stay reachable.
import { test, expect } from "@playwright/test";
import { visit } from "./support/axe";
import { HOMES, storageState, type DemoLogin } from "./support/roles";

for (const who of ["worker", "manager", "lead", "admin"] as DemoLogin[]) {
  test(`${who}'s home fits a 360 px screen`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState(who), viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await visit(page, HOMES[who].path);
    await expect(page.getByRole("heading", { level: 1, name: HOMES[who].heading })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    await context.close();
  });
}
