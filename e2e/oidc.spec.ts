// Single sign-on with Microsoft Entra ID, against a real OpenID Connect provider on loopback (e2e/support/oidc-provider.ts).
// Every spec server's AUTH_MICROSOFT_ENTRA_ID_* settings (e2e/support/trust.ts) point at this provider and client.
import { test as base, expect } from "./support/test";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { HOMES } from "./support/roles";
import { startOidcProvider } from "./support/oidc-provider";
import { OIDC_PORT } from "./support/ports";
import { ENTRA } from "./support/trust";

const SLOW = { timeout: 20_000 };

type Provider = Awaited<ReturnType<typeof startOidcProvider>>;

/** A provider for each test, whose one client sends people back to this spec's own server. */
const test = base.extend<{ provider: Provider }>({
  provider: async ({ baseURL }, provide) => {
    const provider = await startOidcProvider({
      port: OIDC_PORT,
      clientId: ENTRA.clientId,
      clientSecret: ENTRA.clientSecret,
      redirectUris: [`${baseURL}/api/auth/callback/microsoft-entra-id`],
      accounts: {
        manager: { sub: "entra-manager-1", email: "manager@demo.test", name: "Morgan Manager" },
        stranger: { sub: "entra-stranger", email: "stranger@elsewhere.test", name: "Sam Stranger" },
      },
    });
    await provide(provider);
    await provider.close();
  },
});

/** From the Pathways login page through the provider's own (development) login page, back to Pathways. */
async function signInWithMicrosoft(page: Page, provider: Provider, loginName: string) {
  const issuer = provider.issuer;
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

test("a Microsoft account whose email matches an active user signs in and lands on their home", async ({ page, baseURL, provider }) => {
  await signInWithMicrosoft(page, provider, "manager");
  await page.waitForURL(`${baseURL}/team`, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: HOMES.manager.heading })).toBeVisible();
  await expectAccessible(page);
});

test("a Microsoft account with no Pathways account is turned away with an explanation", async ({ page, baseURL, provider }) => {
  await signInWithMicrosoft(page, provider, "stranger");
  await page.waitForURL((url) => url.origin === baseURL && url.pathname === "/login", SLOW);
  expect(new URL(page.url()).searchParams.get("error")).toBe("AccessDenied");
  await expect(page.getByRole("status")).toContainText("not linked to a Pathways account");
  await expectAccessible(page);
  // No session was made: a signed-in page sends them back to the login page.
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login/);
});
