// The demo logins and where each role's stored session lives.
import { join } from "node:path";
import { today } from "./dates";
import { stateDir } from "./trust";

export const PASSWORD = "pathways-demo";

export const LOGINS = {
  admin: "admin@demo.test",
  lead: "lead@demo.test",
  manager: "manager@demo.test",
  manager2: "manager2@demo.test",
  worker: "worker@demo.test",
  worker2: "worker2@demo.test",
} as const;

export type DemoLogin = keyof typeof LOGINS;

/** The role's session, signed in through the real form by global setup on the day's template database. */
export const storageState = (who: DemoLogin) => join(stateDir(today()), `${who}.json`);

export const HOMES: Record<DemoLogin, { path: string; heading: string }> = {
  admin: { path: "/admin", heading: "Administration" },
  lead: { path: "/insights", heading: "The call to action" },
  manager: { path: "/team", heading: "My team" },
  manager2: { path: "/team", heading: "My team" },
  worker: { path: "/me", heading: "My development" },
  worker2: { path: "/me", heading: "My development" },
};

/** A page in its own browser context, signed in as a demo role (axe needs a context made with newContext). */
export async function signedInPage(browser: import("@playwright/test").Browser, who: DemoLogin) {
  const context = await browser.newContext({ storageState: storageState(who) });
  return context.newPage();
}

/** Signs in through the real login form (the way a person does). */
export async function signInThroughForm(page: import("@playwright/test").Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
