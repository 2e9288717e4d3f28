// Two instances of the app over one PostgreSQL database behave as one app (issue 18, docs/deployment.md): the spec's
// own server (instance A) and a second started here on the same database (instance B), as a load balancer would have
// them. Nothing they share lives in a process: a session made on one is valid on the other (the same AUTH_SECRET, the
// session's row in the database), signing out and a role change end it on both, sign-in throttling counts the
// failures made on either, a lead's insights on one follow a change made on the other (the data version is kept in the
// database), and two reminder runs at once send each digest once. Only the "postgres" project runs it
// (e2e/support/databases.ts). The browser sends its cookies for localhost to both ports, as it would to one address.
import { spawn, type ChildProcess } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { expectDate } from "./support/pages";
import { LOGINS, PASSWORD, signInThroughForm, storageState, type DemoLogin } from "./support/roles";
import { row, rows } from "./support/data";
import { today, yearsOn } from "./support/dates";
import { SECOND_INSTANCE_PORT, originOf } from "./support/ports";
import { serverEnv, startServer, stopServer, type Trust } from "./support/trust";
import { recordingSmtpServer } from "../tests/support/smtp";

test.describe.configure({ mode: "serial" });

const B = originOf(SECOND_INSTANCE_PORT);
let second: ChildProcess | undefined;

/**
 * Instance B: the app again, on the spec's database. Like A, it serves no slow figures kept from before a change
 * (INSIGHTS_MAX_STALE_SECONDS=0, e2e/support/trust.ts): on a busy machine a first view can pass the 300 ms that makes
 * a lead's figures "slow", and what this spec proves is the data version the instances share, not the stale window.
 */
async function secondInstance(trust: Trust): Promise<string> {
  if (!trust.databaseUrl) throw new Error("Two instances need the app on PostgreSQL: this spec runs in the postgres project only.");
  if (!second || second.exitCode !== null) {
    second = await startServer(serverEnv({ port: SECOND_INSTANCE_PORT, dbPath: trust.dbPath, databaseUrl: trust.databaseUrl, kind: trust.kind, today: trust.today }));
  }
  return B;
}

test.afterAll(async () => {
  if (second) await stopServer(second);
  second = undefined;
});

/** A fresh browser, or one with a demo role's stored session, whose relative addresses go to instance A. */
async function browserOn(browser: Browser, origin: string, who?: DemoLogin): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, ...(who ? { storageState: storageState(who) } : {}) });
  return context.newPage();
}

const signInFailed = (page: Page) => page.getByRole("alert").filter({ hasText: "could not be signed in" });

test("a session made on one instance is valid on the other, and signing out on either ends it on both", async ({ browser, trust, baseURL }) => {
  const b = await secondInstance(trust);
  const page = await browserOn(browser, baseURL!);
  await signInThroughForm(page, LOGINS.manager);
  await expect(page).toHaveURL("/team");

  await page.goto(`${b}/team`);
  await expect(page.getByRole("heading", { level: 1, name: "My team" })).toBeVisible();
  expect(page.url()).toBe(`${b}/team`);
  const cookies = await page.context().cookies();

  // Signed out on B; the cookie from before, replayed to A, no longer opens anything.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${b}/login?signedOut=1`);
  await page.context().addCookies(cookies);
  await page.goto(`${baseURL}/team`);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/login/);
  expect(new URL(page.url()).origin).toBe(baseURL);
  await page.goto(`${b}/team`);
  await expect(page).toHaveURL(new RegExp(`^${b}/login`));
  await page.context().close();
});

test("a role changed by an administrator on one instance takes effect on the other at the person's next request", async ({ browser, trust, baseURL }) => {
  const b = await secondInstance(trust);
  const email = "educator@demo.test";
  const person = await browserOn(browser, b);
  await signInThroughForm(person, email);
  await expect(person).toHaveURL(`${b}/insights`);

  const admin = await browserOn(browser, baseURL!, "admin");
  const user = (await row<{ id: string }>("select id from users where email = ?", email))!;
  await admin.goto(`/admin/users/${user.id}`);
  await admin.getByLabel("Role", { exact: true }).selectOption({ label: "Manager" });
  await admin.getByRole("button", { name: "Change role" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Role changed to manager" })).toBeVisible();

  // On B, the session minted as a lead no longer works; signing in there again gives a manager's home.
  await person.reload();
  await expect(person).toHaveURL(new RegExp(`^${b}/login\\?expired=1`));
  await signInThroughForm(person, email);
  await expect(person).toHaveURL(`${b}/team`);
  await Promise.all([person.context().close(), admin.context().close()]);
});

test("a lead's insights on one instance follow a career conversation recorded on the other", async ({ browser, trust, baseURL }) => {
  const b = await secondInstance(trust);
  const end = today();
  // One of the manager's workers with no career conversation in the 12 months: recording one adds one to the figure.
  const worker = await row<{ id: string }>(
    `select w.id from workers w join users m on m.email = ?
     where w.status = 'in_post' and w.contract_start <= ?
       and (w.line_manager_id = m.id or w.team_id in (select team_id from team_managers where user_id = m.id))
       and not exists (select 1 from career_conversations c where c.worker_id = w.id and c.held_on > ? and c.held_on <= ?)
     order by w.id limit 1`,
    LOGINS.manager,
    end,
    yearsOn(end, -1),
    end,
  );
  expect(worker, "the demo has a worker of the manager's with no career conversation this year").toBeDefined();
  const conversed = async () =>
    (await rows<{ id: string }>("select distinct worker_id as id from career_conversations where held_on > ? and held_on <= ?", yearsOn(end, -1), end)).length;
  const before = await conversed();

  const lead = await browserOn(browser, b, "lead");
  const card = lead.getByRole("list", { name: "The call to action, overall" }).getByRole("listitem").filter({ hasText: "Career conversation" });
  await lead.goto("/insights");
  await expect(card).toContainText(`${before} of `);
  // Seen twice on B, so the figure is one B keeps, not one it has only just worked out.
  await lead.reload();
  await expect(card).toContainText(`${before} of `);

  const manager = await browserOn(browser, baseURL!, "manager");
  await manager.goto(`/workers/${worker!.id}/conversations/new`);
  await expect(manager.getByRole("heading", { level: 1, name: "Record a career conversation" })).toBeVisible();
  await expectDate(manager, "Date of the conversation", end);
  await manager.getByRole("group", { name: "Their aspiration" }).getByLabel("Assistant practitioner").check();
  await manager.getByRole("group", { name: "Are they interested in an apprenticeship?" }).getByLabel("Yes").check();
  await manager.getByRole("button", { name: "Save the conversation" }).click();
  await expect(manager.getByText("Career conversation recorded.")).toBeVisible();
  expect(await conversed()).toBe(before + 1);

  await lead.reload();
  await expect(card).toContainText(`${before + 1} of `);
  await expect(lead.getByText(/Figures worked out at/)).toHaveCount(0);
  await Promise.all([lead.context().close(), manager.context().close()]);
});

/** `npm run reminders` as cron on one machine would run it, against the spec's database; answers what it printed. */
function reminderRun(trust: Trust, smtpPort: number): { done: Promise<{ code: number | null; output: string }> } {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/reminders.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: trust.databaseUrl,
      PATHWAYS_TODAY: trust.today,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtpPort),
      APP_URL: trust.origin,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  return { done: new Promise((resolve) => child.on("exit", (code) => resolve({ code, output }))) };
}

test("two reminder runs started at once send each person's digest once", async ({ trust }) => {
  test.setTimeout(120_000);
  await secondInstance(trust);
  // The mail server keeps every sender mid-message until one run has finished: the run holding the digest's lease
  // cannot finish first, so the other has to find the lease taken while the first is still sending. (Without the
  // lease both would be held here until the time-out, then both would send.) The time-out runs from the first message,
  // not from the start, so a run slow to start on a busy machine still meets the lease held; 15 s stays inside the
  // mail client's 20-second socket time-out (lib/mail.ts).
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let timeOut: NodeJS.Timeout | undefined;
  const smtp = await recordingSmtpServer({
    accept: async () => {
      timeOut ??= setTimeout(release, 15_000).unref();
      await released;
    },
  });
  try {
    const runs = [reminderRun(trust, smtp.port), reminderRun(trust, smtp.port)];
    const first = await Promise.race(runs.map(async (r) => await r.done));
    release();
    const results = await Promise.all(runs.map(async (r) => await r.done));
    const outputs = results.map((r) => r.output).join("\n---\n");
    expect(first.output, outputs).toContain("Another run of the reminder digest is sending now: this one sent nothing.");
    expect(results.map((r) => r.code), outputs).toEqual([0, 0]);
    const sent = results.map((r) => /Reminder digests: (\d+) sent/.exec(r.output)?.[1]).filter(Boolean).map(Number);
    expect(sent, outputs).toHaveLength(1);
    expect(sent[0]).toBeGreaterThan(0);

    const recipients = smtp.inbox.flatMap((m) => m.to);
    expect(recipients).toHaveLength(sent[0]!);
    expect(new Set(recipients).size, "nobody is sent the digest twice").toBe(recipients.length);

    // A run afterwards finds everything already sent.
    const again = await reminderRun(trust, smtp.port).done;
    expect(again.output).toContain("Reminder digests: 0 sent");
    expect(smtp.inbox).toHaveLength(recipients.length);
  } finally {
    release();
    await smtp.close();
  }
});

// Last: the failures it makes pause sign-in from this address for a while.
test("sign-in throttling counts the failures made on either instance", async ({ browser, trust, baseURL }) => {
  const b = await secondInstance(trust);
  const email = LOGINS.worker2;
  const stranger = await browserOn(browser, baseURL!);
  // Five wrong guesses, three on A and two on B: neither instance alone has seen the five that lock the account.
  for (let i = 0; i < 5; i++) {
    await stranger.goto(`${i % 2 === 0 ? baseURL : b}/login`);
    await stranger.getByLabel("Email address").fill(email);
    await stranger.getByLabel("Password").fill(`guess-${i}`);
    await stranger.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(signInFailed(stranger)).toBeVisible();
  }
  for (const origin of [baseURL!, b]) {
    await stranger.goto(`${origin}/login`);
    await stranger.getByLabel("Email address").fill(email);
    await stranger.getByLabel("Password").fill(PASSWORD);
    await stranger.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(signInFailed(stranger)).toContainText(/sign-in is paused: try again after/);
  }
  await stranger.context().close();
});
