// Sign-in that cannot be used to lock people out or spoofed: a browser the owner signed in with keeps working while
// strangers are locked out of the account (device cookies), and the per-address pause counts the connection's own
// address, whatever X-Forwarded-For a client sends, on a server started the way `npm start` starts it.
import Database from "better-sqlite3";
import { test, expect } from "./support/test";
import { HOMES, LOGINS, PASSWORD, signInThroughForm } from "./support/roles";
import { currentDbPath } from "./support/trust";

const paused = /sign-in is paused: try again after/;

function throttleRows(): { key: string; failures: number }[] {
  const db = new Database(currentDbPath(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select key, failures from login_throttle order by key").all() as { key: string; failures: number }[];
  } finally {
    db.close();
  }
}

function auditActions(): { action: string; summary: string; address: string | null }[] {
  const db = new Database(currentDbPath(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select action, summary, address from audit_events where action like 'user.sign_%' order by rowid").all() as {
      action: string;
      summary: string;
      address: string | null;
    }[];
  } finally {
    db.close();
  }
}

test.describe.configure({ mode: "serial" });

test("the owner's browser keeps signing in while strangers are locked out of the account", async ({ browser, page }) => {
  const email = LOGINS.worker2;
  const owner = await (await browser.newContext()).newPage();
  await signInThroughForm(owner, email);
  await expect(owner).toHaveURL(HOMES.worker2.path);
  const device = (await owner.context().cookies()).find((c) => c.name === "pathways-device");
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(device!.expires * 1000 - Date.now()).toBeGreaterThan(170 * 24 * 60 * 60_000);
  await owner.getByRole("button", { name: "Sign out" }).click();
  await expect(owner).toHaveURL(/\/login\?signedOut=1/);

  // A stranger's browser: five wrong guesses lock the account for browsers it does not know, the right password too.
  for (let i = 0; i < 5; i++) await signInThroughForm(page, email, `guess-${i}`);
  await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText(paused);
  await signInThroughForm(page, email, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText(paused);

  // The owner's own browser is not stopped.
  await signInThroughForm(owner, email);
  await expect(owner).toHaveURL(HOMES.worker2.path);
  await expect(owner.getByRole("heading", { level: 1, name: HOMES.worker2.heading })).toBeVisible();
  await owner.context().close();

  const actions = auditActions().map((a) => a.action);
  expect(actions.filter((a) => a === "user.sign_in_failed")).toHaveLength(5);
  expect(actions).toContain("user.sign_in_locked");
  expect(actions).toContain("user.sign_in_throttled");
  expect(actions).toContain("user.sign_out");
});

test("a spoofed X-Forwarded-For neither escapes nor moves the per-address pause", async ({ page }) => {
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.1", "X-Real-IP": "203.0.113.1", "X-Pathways-Client-Address": "203.0.113.1" });
  await signInThroughForm(page, "nobody-1@demo.test", "guess");
  await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toBeVisible();
  const addresses = throttleRows().filter((r) => r.key.startsWith("address:"));
  // Counted against the connection's own (loopback) address, not the one the client claimed.
  expect(addresses).toHaveLength(1);
  expect(addresses[0]!.key).toMatch(/^address:(127\.0\.0\.1|::1)$/);
  const failed = auditActions().filter((a) => a.action === "user.sign_in_failed").at(-1)!;
  expect(failed.address).toBe(addresses[0]!.key.slice("address:".length));
  expect(JSON.parse(failed.summary)).toMatchObject({ deviceCookie: false });

  // Bring the address to one short of its limit (100 by default) rather than typing 98 more passwords here.
  const db = new Database(currentDbPath(), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("update login_throttle set failures = 99 where key = ?").run(addresses[0]!.key);
  } finally {
    db.close();
  }
  // The hundredth failure, claiming yet another address, pauses the real one; a right password from it is refused.
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.2" });
  await signInThroughForm(page, "nobody-2@demo.test", "guess");
  await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText(paused);
  await page.context().setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.3, 198.51.100.7" });
  await signInThroughForm(page, LOGINS.manager2, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText(paused);
  expect(throttleRows().filter((r) => r.key.startsWith("address:")).map((r) => r.key)).toEqual([addresses[0]!.key]);
});
