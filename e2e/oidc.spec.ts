// Single sign-on with Microsoft Entra ID, against a real OpenID Connect provider on loopback (e2e/support/oidc-provider.ts).
// The demo server's AUTH_MICROSOFT_ENTRA_ID_* settings in playwright.config.ts point at this provider and client.
import { test, expect } from "./support/test";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { HOMES } from "./support/roles";
import { startOidcProvider } from "./support/oidc-provider";
import { MAX_WORKERS, OIDC_PORT, originOf, specPort } from "./support/ports";
import { ENTRA } from "./support/trust";

/** Every spec server's callback (this spec may run on any worker's server; e2e/support/trust.ts sets the client). */
const REDIRECT_URIS = Array.from({ length: MAX_WORKERS }, (_, i) => `${originOf(specPort(i))}/api/auth/callback/microsoft-entra-id`);
const SLOW = { timeout: 20_000 };

test.describe.configure({ mode: "serial" });

let provider: Awaited<ReturnType<typeof startOidcProvider>> | undefined;

test.beforeAll(async () => {
  provider = await startOidcProvider({
    port: OIDC_PORT,
    clientId: ENTRA.clientId,
    clientSecret: ENTRA.clientSecret,
    redirectUris: REDIRECT_URIS,
    accounts: {
      manager: { sub: "entra-manager-1", email: "manager@demo.test", name: "Morgan Manager" },
      stranger: { sub: "entra-stranger", email: "stranger@elsewhere.test", name: "Sam Stranger" },
    },
  });
});

test.afterAll(async () => {
  await provider?.close();
});

/** From the Pathways login page through the provider's own (development) login page, back to Pathways. */
async function signInWithMicrosoft(page: Page, loginName: string) {
  const issuer = provider?.issuer ?? `http://localhost:${OIDC_PORT}`;
  // The provider's dev pages @import a Google font: fail it at once rather than wait on the network.
  await page.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Microsoft", exact: true }).click();
  await page.waitForURL((url) => url.origin === issuer && url.pathname.startsWith("/interaction/"), { ...SLOW, waitUntil: "domcontentloaded" });
  // oidc-provider's dev login form: any login name, any password.
  await page.locator('input[name="login"]').fill(loginName);
  await page.locator('input[name="password"]').fill("any password will do");
  await page.getByRole("button", { name: "Sign-in", exact: true }).click();
}

test("a Microsoft account whose email matches an active user signs in and lands on their home", async ({ page, baseURL }) => {
  await signInWithMicrosoft(page, "manager");
  await page.waitForURL(`${baseURL}/team`, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: HOMES.manager.heading })).toBeVisible();
  await expectAccessible(page);
});

test("a Microsoft account with no Pathways account is turned away with an explanation", async ({ page, baseURL }) => {
  await signInWithMicrosoft(page, "stranger");
  await page.waitForURL((url) => url.origin === baseURL && url.pathname === "/login", SLOW);
  expect(new URL(page.url()).searchParams.get("error")).toBe("AccessDenied");
  await expect(page.getByRole("status")).toContainText("not linked to a Pathways account");
  await expectAccessible(page);
  // No session was made: a signed-in page sends them back to the login page.
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login/);
});
