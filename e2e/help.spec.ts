// Help for someone who is stuck, and the statements NHS services publish (issue 17): every page's footer links the
// accessibility statement and the privacy notice and says who to ask for help; "Forgotten your password?" from the
// login page. Without email set up, that page says who to ask. With it (a second server on this spec's database, with
// SMTP_HOST pointing at an SMTP server this spec runs, APP_URL, and a trust's own help contact and controller), a
// worker asks, the link arrives in their inbox and never on screen, and they choose a new password with it; an address
// with no account gets the same page and no email.
import { test, expect } from "./support/test";
import { expectAccessible, visit } from "./support/axe";
import { errorSummary } from "./support/pages";
import type { Page } from "@playwright/test";
import { LOGINS, signedInPage } from "./support/roles";
import { EMAIL_SETTINGS_PORT, originOf } from "./support/ports";
import { serverEnv, startServer, stopServer } from "./support/trust";
import { demoDb } from "./support/demo-db";
import { recordingSmtpServer } from "../tests/support/smtp";

const footer = (page: Page) => page.getByRole("contentinfo");

test("every page's footer links the accessibility statement and the privacy notice, and says who to ask for help", async ({ page, browser }) => {
  await visit(page, "/login");
  await expect(footer(page)).toContainText("For help with Pathways, contact your IT service desk.");
  await footer(page).getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page).toHaveURL("/accessibility");
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement for Pathways" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Enforcement procedure" })).toBeVisible();
  await expect(page.getByText("partially compliant with the")).toBeVisible();
  await expectAccessible(page);

  await footer(page).getByRole("link", { name: "Privacy notice" }).click();
  await expect(page).toHaveURL("/privacy");
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  // With nothing configured, the controller is the organisation Pathways was set up for.
  await expect(page.getByText("Northbrook Community and Acute NHS Foundation Trust is the data controller.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Special category data" })).toBeVisible();
  await expect(page.getByText(/your ethnic group, whether you have a disability/)).toBeVisible();
  await expectAccessible(page);

  // Signed in, the same footer under every page.
  const worker = await signedInPage(browser, "worker");
  await visit(worker, "/me");
  await expect(footer(worker).getByRole("link", { name: "Privacy notice" })).toBeVisible();
  await worker.context().close();
});

test("on a phone, the statements and the help pages fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/login", "/login/forgotten-password", "/accessibility", "/privacy"]) {
    await visit(page, path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("the login page offers it; without email set up, the page says who to ask and shows no form", async ({ page }) => {
  await visit(page, "/login");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page).toHaveURL("/login/forgotten-password");
  await expect(page.getByRole("heading", { level: 1, name: "Forgotten your password" })).toBeVisible();
  await expect(page.getByText("does not send emails, so it cannot send you a link")).toBeVisible();
  await expect(page.getByText(/Ask your Pathways administrator for a link to choose a new password/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send me a link" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL("/login");
});

test("with email set up: the link goes to the inbox only, and sets a new password; an unknown address gets the same answer", async ({ browser, trust }) => {
  const smtp = await recordingSmtpServer();
  const { inbox } = smtp;
  const origin = originOf(EMAIL_SETTINGS_PORT);
  const server = await startServer({
    ...serverEnv({ port: EMAIL_SETTINGS_PORT, dbPath: trust.dbPath, kind: trust.kind, today: trust.today }),
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtp.port),
    APP_URL: origin,
    HELP_NAME: "the Pathways service desk",
    HELP_EMAIL: "pathways.help@northbrook.nhs.uk",
    HELP_PHONE: "0300 123 4567",
    PRIVACY_CONTROLLER: "Northbrook Community and Acute NHS Foundation Trust (the employer)",
    PRIVACY_DPO_EMAIL: "dpo@northbrook.nhs.uk",
  });
  const context = await browser.newContext({ baseURL: origin });
  try {
    const page = await context.newPage();
    // This trust's own help contact and controller.
    await page.goto("/privacy");
    await expect(footer(page)).toContainText("For help with Pathways, contact the Pathways service desk at pathways.help@northbrook.nhs.uk or on 0300 123 4567.");
    await expect(page.getByText("Northbrook Community and Acute NHS Foundation Trust (the employer) is the data controller.")).toBeVisible();
    await expect(page.getByRole("link", { name: "dpo@northbrook.nhs.uk" })).toHaveAttribute("href", "mailto:dpo@northbrook.nhs.uk");

    await page.goto("/login/forgotten-password");
    await expectAccessible(page);

    // Bad input: the form's own message.
    await page.getByLabel("Email address").fill("not an email");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(errorSummary(page)).toContainText("Enter an email address in the correct format");

    await page.getByLabel("Email address").fill(LOGINS.worker2);
    await page.getByRole("button", { name: "Send me a link" }).click();
    const answer = page.getByRole("status").filter({ hasText: "Check your email" });
    await expect(answer).toContainText(`If ${LOGINS.worker2} is the email address of a Pathways login, we have sent a link to it.`);
    await expectAccessible(page);
    // The link is never on the screen.
    expect(await page.content()).not.toContain("/set-password/");
    await expect.poll(() => inbox.length).toBe(1);
    expect(inbox[0]!.to).toEqual([LOGINS.worker2]);
    const link = new RegExp(`${origin}/set-password/[A-Za-z0-9_-]{43}`).exec(inbox[0]!.text)?.[0];
    expect(link, inbox[0]!.text).toBeDefined();

    // The same answer for an address with no account, and no email.
    await page.goto("/login/forgotten-password");
    await page.getByLabel("Email address").fill("nobody.here@demo.test");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toContainText(
      "If nobody.here@demo.test is the email address of a Pathways login, we have sent a link to it.",
    );

    // The owner opens the link from their email and chooses a new password: they are signed in with it.
    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("Choose a password").fill("a brand new password 2026");
    await page.getByLabel("Type the password again").fill("a brand new password 2026");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(page).toHaveURL("/me");
    expect(inbox).toHaveLength(1);

    // Each request is in the audit trail, with the client address.
    const db = demoDb();
    try {
      const rows = db
        .prepare("select entity_type as kind, summary, address from audit_events where action = 'user.password_reset_requested' order by seq")
        .all() as { kind: string; summary: string; address: string }[];
      expect(rows.map((r) => [r.kind, (JSON.parse(r.summary) as { outcome: string }).outcome])).toEqual([
        ["user", "link_issued"],
        ["sign_in", "unknown_account"],
      ]);
      expect(rows.every((r) => !!r.address)).toBe(true);
    } finally {
      db.close();
    }
  } finally {
    await context.close();
    await stopServer(server);
    await smtp.close();
  }
});
