// Single sign-on with Microsoft Entra ID, against a real OpenID Connect provider on loopback (e2e/support/oidc-provider.ts).
// Every spec server's AUTH_MICROSOFT_ENTRA_ID_* settings (e2e/support/trust.ts) point at this provider and client.
// Signing with it (decision record 0021): a fresh sign-on signs with no password; an older one signs in again first.
import { test as base, expect } from "./support/test";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expectAccessible, visit } from "./support/axe";
import { HOMES, LOGINS, signedInPage } from "./support/roles";
import { demoDb } from "./support/demo-db";
import { startOidcProvider } from "./support/oidc-provider";
import { OIDC_PORT } from "./support/ports";
import { ENTRA, currentDbPath } from "./support/trust";
import { FRESH_SIGN_ON_MINUTES } from "../lib/rules/signature";

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
      // Keyed by the login name typed on the provider's page: the email address, as at Microsoft (so a login_hint fills it).
      accounts: {
        [LOGINS.manager]: { sub: "entra-manager-1", email: LOGINS.manager, name: "Morgan Manager" },
        "stranger@elsewhere.test": { sub: "entra-stranger", email: "stranger@elsewhere.test", name: "Sam Stranger" },
      },
    });
    await provide(provider);
    await provider.close();
  },
});

/** From the Pathways login page through the provider's own (development) login page, back to Pathways. */
async function signInWithMicrosoft(page: Page, provider: Provider, loginName: string) {
  // The provider's dev pages @import a Google font: fail it at once rather than wait on the network.
  await page.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (route) => route.abort());
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Microsoft", exact: true }).click();
  await atProviderLogin(page, provider);
  // oidc-provider's dev login form: any login name, any password.
  await page.locator('input[name="login"]').fill(loginName);
  await signInAtProvider(page);
}

async function atProviderLogin(page: Page, provider: Provider) {
  const issuer = provider.issuer;
  await page.waitForURL((url) => url.origin === issuer && url.pathname.startsWith("/interaction/"), { ...SLOW, waitUntil: "domcontentloaded" });
}

async function signInAtProvider(page: Page) {
  await page.locator('input[name="password"]').fill("any password will do");
  await page.getByRole("button", { name: "Sign-in", exact: true }).click();
}

/**
 * A plan of a worker in manager@'s teams (the `nth`, so each test has its own) that changed since it was agreed: the
 * version goes up and both must agree again, as the goal pages leave it. Written straight into this spec's own copy of
 * the database, as e2e/pdp.spec.ts does. `manager` is manager@'s name in Pathways.
 */
function planWaitingForManager(nth: number): { workerId: string; pdpId: string; version: number; manager: string } {
  const read = demoDb();
  let plan: { workerId: string; pdpId: string; version: number; manager: string } | undefined;
  try {
    plan = read
      .prepare(
        `select w.id as workerId, p.id as pdpId, p.version + 1 as version, u.name as manager from workers w
         join team_managers tm on tm.team_id = w.team_id join users u on u.id = tm.user_id
         join pdps p on p.worker_id = w.id and p.status <> 'closed'
         where u.email = ? and w.status = 'in_post' and w.user_id is null
           and exists (select 1 from pdp_goals g where g.pdp_id = p.id)
         order by w.employee_number limit 1 offset ?`,
      )
      .get(LOGINS.manager, nth) as typeof plan;
  } finally {
    read.close();
  }
  if (!plan) throw new Error(`The demo data has no plan number ${nth + 1} for ${LOGINS.manager} to agree`);
  const db = new Database(currentDbPath(), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("update pdps set version = version + 1, worker_agreed_at = null, manager_agreed_at = null, manager_agreed_by = null where id = ?").run(plan.pdpId);
  } finally {
    db.close();
  }
  return plan;
}

/**
 * Makes a person's latest login session look as if they signed on some minutes ago. The app reads when someone signed
 * on from the login session's created_at (db/queries/sign-in.ts resolveSession), on the real clock, never a pinned one.
 */
function signedOnMinutesAgo(email: string, minutes: number) {
  const db = new Database(currentDbPath(), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const changed = db
      .prepare(
        `update login_sessions set created_at = created_at - @ms where id = (
           select s.id from login_sessions s join users u on u.id = s.user_id
           where u.email = @email and s.method = 'oidc' and s.ended_at is null order by s.created_at desc limit 1)`,
      )
      .run({ email, ms: minutes * 60_000 }).changes;
    expect(changed, `an open single-sign-on session for ${email}`).toBe(1);
  } finally {
    db.close();
  }
}

/** What the audit trail recorded of a plan's agreement at a version. */
function agreementAudit(pdpId: string, version: number) {
  const db = demoDb();
  try {
    const rows = db
      .prepare("select u.email, a.summary from audit_events a join users u on u.id = a.actor_id where a.entity_id = ? and a.action = 'pdp.agreed'")
      .all(pdpId) as { email: string; summary: string }[];
    return rows
      .map((r) => ({ ...(JSON.parse(r.summary) as { version?: number; [key: string]: unknown }), email: r.email }))
      .filter((r) => r.version === version);
  } finally {
    db.close();
  }
}

const agreeButton = (page: Page) => page.getByRole("button", { name: "Agree this plan" });
const signInAgainButton = (page: Page) => page.getByRole("button", { name: "Sign in again with Microsoft" });

test("a Microsoft account whose email matches an active user signs in and lands on their home", async ({ page, baseURL, provider }) => {
  await signInWithMicrosoft(page, provider, LOGINS.manager);
  await page.waitForURL(`${baseURL}/team`, SLOW);
  await expect(page.getByRole("heading", { level: 1, name: HOMES.manager.heading })).toBeVisible();
  await expectAccessible(page);
});

test("a Microsoft account with no Pathways account is turned away with an explanation", async ({ page, baseURL, provider }) => {
  await signInWithMicrosoft(page, provider, "stranger@elsewhere.test");
  await page.waitForURL((url) => url.origin === baseURL && url.pathname === "/login", SLOW);
  expect(new URL(page.url()).searchParams.get("error")).toBe("AccessDenied");
  await expect(page.getByRole("status")).toContainText("not linked to a Pathways account");
  await expectAccessible(page);
  // No session was made: a signed-in page sends them back to the login page.
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login/);
});

test("a manager signed in with Microsoft moments ago agrees a plan with no password, and the trail says single sign-on proved it", async ({ page, browser, baseURL, provider }) => {
  const plan = planWaitingForManager(0);
  const { manager } = plan;
  await signInWithMicrosoft(page, provider, LOGINS.manager);
  await page.waitForURL(`${baseURL}/team`, SLOW);

  await visit(page, `/workers/${plan.workerId}/pdp`);
  await expect(page.getByText(`You are signing as ${manager}. You signed in with your organisation account moments ago`)).toBeVisible();
  await expect(page.getByLabel("Your password")).toHaveCount(0);
  await expect(signInAgainButton(page)).toHaveCount(0);
  await agreeButton(page).click();
  await expect(page.getByRole("status").filter({ hasText: "You have agreed this plan." })).toBeVisible();
  await expect(page.getByText(new RegExp(`Agreed by ${manager} on \\d{1,2} \\w{3} \\d{4} at \\d{2}:\\d{2}`))).toBeVisible();
  await expect(agreeButton(page)).toHaveCount(0);
  await expectAccessible(page);

  // The administrator reads it in the trail: the agreement of this version, by the manager, proved by single sign-on.
  const admin = await signedInPage(browser, "admin");
  await visit(admin, `/admin/audit?worker=${plan.workerId}&kind=pdp`);
  const agreed = admin
    .getByRole("table", { name: /^\d+ (entry|entries) about / })
    .getByRole("row")
    .filter({ hasText: "agreed a PDP" })
    .filter({ hasText: `version: ${plan.version};` });
  await expect(agreed).toHaveCount(1);
  await expect(agreed).toContainText(manager);
  await expect(agreed).toContainText("reauthenticated: single_sign_on");
  await admin.context().close();
});

test(`a sign-on older than ${FRESH_SIGN_ON_MINUTES} minutes signs in again at Microsoft (prompt=login) and comes back to sign`, async ({ page, baseURL, provider }, testInfo) => {
  const plan = planWaitingForManager(1);
  const { manager } = plan;
  const pdpPath = `/workers/${plan.workerId}/pdp`;
  await signInWithMicrosoft(page, provider, LOGINS.manager);
  await page.waitForURL(`${baseURL}/team`, SLOW);
  signedOnMinutesAgo(LOGINS.manager, FRESH_SIGN_ON_MINUTES + 1);

  // No way to sign from here: neither the button nor a password (a password never stands in for the organisation's sign-on).
  await visit(page, pdpPath);
  await expect(page.getByText(`You are signing as ${manager}. Before you sign, sign in again with your organisation account`)).toBeVisible();
  await expect(agreeButton(page)).toHaveCount(0);
  await expect(page.getByLabel("Your password")).toHaveCount(0);
  await expect(signInAgainButton(page)).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await signInAgainButton(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`sign-in-again-${width}.png`) });
  }
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  // The provider still has her signed in, so only prompt=login makes it ask again; login_hint fills in who.
  expect(provider.interactions).toHaveLength(1);
  expect(provider.interactions[0]!.reasons).not.toContain("login_prompt");
  await signInAgainButton(page).click();
  await atProviderLogin(page, provider);
  expect(provider.interactions).toHaveLength(2);
  expect(provider.interactions[1]).toEqual({ prompt: "login", reasons: expect.arrayContaining(["login_prompt"]), loginHint: LOGINS.manager });
  await expect(page.locator('input[name="login"]')).toHaveValue(LOGINS.manager);
  await signInAtProvider(page);

  // Back on the plan, signed on just now: she agrees it, and the trail says single sign-on proved it.
  await page.waitForURL(`${baseURL}${pdpPath}`, SLOW);
  await expect(page.getByText(`You are signing as ${manager}. You signed in with your organisation account moments ago`)).toBeVisible();
  await expect(signInAgainButton(page)).toHaveCount(0);
  await expectAccessible(page);
  await agreeButton(page).click();
  await expect(page.getByRole("status").filter({ hasText: "You have agreed this plan." })).toBeVisible();
  await expect(page.getByText(`Agreed by ${manager} on`)).toBeVisible();
  await expectAccessible(page);
  expect(agreementAudit(plan.pdpId, plan.version)).toEqual([expect.objectContaining({ email: LOGINS.manager, by: "manager", reauthenticated: "single_sign_on" })]);
});
