// Sessions are checked against the database on every request: a disabled user or a changed role takes effect at once.
// And a session that ends loses nothing (issue 17, decision record 0023): a warning with "Stay signed in" comes
// before the idle limit, a long form sent after it (or with no session cookie at all) goes to the login page, and
// signing in again returns to the page with what was typed. The idle limit is reached by ageing the session's row in
// this spec's own database, and the browser's clock is moved on with it (Playwright's clock), so nothing waits.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { expectAccessible } from "./support/axe";
import { PASSWORD, signInThroughForm as signIn } from "./support/roles";
import { demoDb, idleFor, sessionStartedAgo, setUserAccess } from "./support/demo-db";

test("a user disabled while signed in is signed out on their next request, and cannot sign in again", async ({ page }) => {
  await signIn(page, "manager3@demo.test");
  await expect(page).toHaveURL("/team");

  setUserAccess("manager3@demo.test", { status: "disabled" });
  await page.reload();
  await expect(page).toHaveURL(/\/login\?expired=1/);
  await expect(page.getByRole("status")).toContainText("Your session has ended");

  await signIn(page, "manager3@demo.test");
  await expect(page.getByRole("alert").filter({ hasText: "could not be signed in" })).toContainText("The email address or password is not right");
  // Back as they were: the appraisal in progress below is in manager3's team.
  setUserAccess("manager3@demo.test", { status: "active" });
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

/** An appraisal being written, and the manager who writes it (a manager of the worker's team). */
function appraisalToWrite() {
  const db = demoDb();
  try {
    const row = db
      .prepare(
        `select a.id, a.worker_id as workerId, m.email from appraisals a join workers w on w.id = a.worker_id
         join team_managers tm on tm.team_id = w.team_id join users m on m.id = tm.user_id
         where a.status = 'in_progress' and m.status = 'active' order by m.email, a.id limit 1`,
      )
      .get() as { id: string; workerId: string; email: string } | undefined;
    if (!row) throw new Error("The demo data has no appraisal in progress");
    return { ...row, path: `/workers/${row.workerId}/appraisals/${row.id}` };
  } finally {
    db.close();
  }
}

function savedAchievements(appraisalId: string): string {
  const db = demoDb();
  try {
    return (db.prepare("select achievements from appraisals where id = ?").get(appraisalId) as { achievements: string }).achievements;
  } finally {
    db.close();
  }
}

function lastSeenAgoMs(email: string): number {
  const db = demoDb();
  try {
    const row = db
      .prepare("select max(s.last_seen_at) as at from login_sessions s join users u on u.id = s.user_id where u.email = ? and s.ended_at is null")
      .get(email) as { at: number };
    return Date.now() - row.at;
  } finally {
    db.close();
  }
}

/** Signs in on the login page the browser is already on (as after a session ends), not a fresh one, and waits until it has. */
async function signInHere(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** The drafts this browser holds, as stored (sealed). */
const storedDrafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pathways-draft:")).map((k) => `${k} ${localStorage.getItem(k)}`));

/** Waits until the form's draft has been written (a moment after the last keystroke). */
async function draftWritten(page: Page) {
  await expect.poll(async () => (await storedDrafts(page)).length).toBeGreaterThan(0);
}

const achievements = (page: Page) => page.getByLabel("Achievements");

/**
 * Waits until the appraisal form is interactive: its character counts show only once React has hydrated the page.
 * Typing or moving the clock before then races the draft keeper and the session warning setting themselves up.
 */
async function interactive(page: Page) {
  await expect(page.getByText(/^You have [\d,]+ characters? (remaining|too many)$/).first()).toBeVisible();
}

/** The appraisal's writer signs in, opens it and types; the draft is written before this returns. */
async function typeInAppraisal(page: Page, text: string) {
  const a = appraisalToWrite();
  await signIn(page, a.email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(a.path);
  await interactive(page);
  await achievements(page).fill(text);
  await draftWritten(page);
  return a;
}
const restoredNote = (page: Page) => page.getByRole("status").filter({ hasText: "We have put back what you typed here" });
const problemPage = (page: Page) => page.getByRole("heading", { name: "Sorry, there is a problem with the service" });
const warning = (page: Page) => page.getByRole("dialog", { name: "You are about to be signed out" });

test.describe("a session that ends loses nothing", () => {
  const TYPED = "Ran the falls clinic on Ward 7 for a month while the band 5 was away (session.spec)";

  test("a long form sent after the idle limit: sign in again, back on the page, what was typed put back, then saved", async ({ page }) => {
    const a = await typeInAppraisal(page, TYPED);

    idleFor(a.email, 31);
    await page.getByRole("button", { name: "Save", exact: true }).click();

    await expect(page).toHaveURL(`/login?expired=1&callbackUrl=${encodeURIComponent(a.path)}`);
    await expect(page.getByRole("status")).toHaveText("Your session has ended. Sign in again to go back to the page you were on.");
    await expectAccessible(page);
    // What was typed is on this computer, sealed: not readable in the browser's storage.
    expect((await storedDrafts(page)).join("\n")).not.toContain("falls clinic");

    await signInHere(page, a.email);
    await expect(page).toHaveURL(a.path);
    await expect(achievements(page)).toHaveValue(TYPED);
    await expect(restoredNote(page)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Appraisal saved" })).toBeVisible();
    expect(savedAchievements(a.id)).toBe(TYPED);
    await expect.poll(() => storedDrafts(page)).toEqual([]);
    await page.reload();
    await expect(achievements(page)).toHaveValue(TYPED);
    await expect(restoredNote(page)).toHaveCount(0);
  });

  test("a form sent with no session cookie at all goes to sign in, not to 'a problem with the service'", async ({ page, context }) => {
    const a = await typeInAppraisal(page, `${TYPED}, cookie gone`);

    await context.clearCookies({ name: /session-token/ });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/login?expired=1&callbackUrl=${encodeURIComponent(a.path)}`);
    await expect(problemPage(page)).toHaveCount(0);
    await expect(page.getByRole("status")).toContainText("Your session has ended");

    await signInHere(page, a.email);
    await expect(page).toHaveURL(a.path);
    await expect(achievements(page)).toHaveValue(`${TYPED}, cookie gone`);
  });

  test("without JavaScript too, a form sent with no session cookie goes to sign in, and back after", async ({ browser }) => {
    const a = appraisalToWrite();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, a.email);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto(a.path);
    await context.clearCookies({ name: /session-token/ });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page).toHaveURL(`/login?expired=1&callbackUrl=${encodeURIComponent(a.path)}`);
    await expect(problemPage(page)).toHaveCount(0);
    await signInHere(page, a.email);
    await expect(page).toHaveURL(a.path);
    await context.close();
  });

  test("what one person typed is neither shown nor readable to the next person at the same computer", async ({ page }) => {
    const a = await typeInAppraisal(page, "Private: discussed a health condition in confidence (session.spec)");

    // They walk away; their session ends. An administrator, who may open the same appraisal, signs in here.
    idleFor(a.email, 31);
    await page.goto("/login");
    await signInHere(page, "admin@demo.test");
    await expect(page).toHaveURL("/admin");
    await page.goto(a.path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("discussed a health condition")).toHaveCount(0);
    await expect(restoredNote(page)).toHaveCount(0);
    expect((await storedDrafts(page)).join("\n")).not.toContain("health condition");
  });

  test("signing out drops the person's drafts from this browser", async ({ page }) => {
    const a = await typeInAppraisal(page, "Typed, then signed out (session.spec)");
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login?signedOut=1");
    expect(await storedDrafts(page)).toEqual([]);
    await signInHere(page, a.email);
    await page.goto(a.path);
    await expect(achievements(page)).not.toHaveValue("Typed, then signed out (session.spec)");
    await expect(restoredNote(page)).toHaveCount(0);
  });
});

test.describe("the warning before the session ends", () => {
  /** Signs in with the browser's clock under the test's control, and opens a page. */
  async function openWithClock(page: Page, email: string, path: string) {
    await page.clock.install();
    await signIn(page, email);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto(path);
    await interactive(page);
  }

  test("comes five minutes before the idle limit, and Stay signed in keeps the session going", async ({ page }) => {
    const a = appraisalToWrite();
    await openWithClock(page, a.email, a.path);
    await expect(warning(page)).toHaveCount(0);

    // 26 minutes without a request, on the server and in the browser alike.
    idleFor(a.email, 26);
    await page.clock.fastForward("26:00");
    await expect(warning(page)).toBeVisible();
    await expect(warning(page)).toContainText("You will be signed out in 4 minutes");
    await expect(warning(page).getByRole("button", { name: "Stay signed in" })).toBeFocused();
    await expectAccessible(page);
    // Asking how long is left did not keep the session going.
    expect(lastSeenAgoMs(a.email)).toBeGreaterThan(25 * 60_000);

    await warning(page).getByRole("button", { name: "Stay signed in" }).click();
    await expect(warning(page)).toBeHidden();
    expect(lastSeenAgoMs(a.email)).toBeLessThan(60_000);
    await expect(page).toHaveURL(a.path);
  });

  test("when the session ends meanwhile, the page goes to sign in, and comes back after with what was typed", async ({ page }) => {
    const a = appraisalToWrite();
    await openWithClock(page, a.email, a.path);
    await achievements(page).fill("Typed before stepping away (session.spec)");
    await draftWritten(page);

    idleFor(a.email, 31);
    await page.clock.fastForward("26:00");
    await expect(page).toHaveURL(`/login?expired=1&callbackUrl=${encodeURIComponent(a.path)}`);
    await signInHere(page, a.email);
    await expect(page).toHaveURL(a.path);
    await expect(achievements(page)).toHaveValue("Typed before stepping away (session.spec)");
    await expect(restoredNote(page)).toBeVisible();
  });

  test("in several tabs: staying signed in from one closes the warning in the others", async ({ browser }) => {
    const a = appraisalToWrite();
    const context: BrowserContext = await (browser as Browser).newContext();
    const first = await context.newPage();
    await openWithClock(first, a.email, a.path);
    const second = await context.newPage();
    await second.clock.install();
    await second.goto("/team");

    idleFor(a.email, 27);
    await first.clock.fastForward("27:00");
    await second.clock.fastForward("27:00");
    await expect(warning(first)).toBeVisible();
    await expect(warning(second)).toBeVisible();

    await warning(second).getByRole("button", { name: "Stay signed in" }).click();
    await expect(warning(second)).toBeHidden();
    await expect(warning(first)).toBeHidden();
    await context.close();
  });

  test("near the 12-hour limit, says so without offering to stay", async ({ page }) => {
    const a = appraisalToWrite();
    await signIn(page, a.email);
    await expect(page).not.toHaveURL(/\/login/);
    sessionStartedAgo(a.email, 12 * 60 - 3);
    await page.goto(a.path);
    const limit = page.getByRole("dialog", { name: "Your session is about to end" });
    await expect(limit).toBeVisible();
    await expect(limit).toContainText("a session lasts 12 hours at most");
    await expect(limit.getByRole("button", { name: "Stay signed in" })).toHaveCount(0);
    await limit.getByRole("button", { name: "Close" }).click();
    await expect(limit).toBeHidden();
  });
});

test.describe("coming back after signing in", () => {
  test("a signed-out visit to a page returns there after signing in", async ({ page }) => {
    const a = appraisalToWrite();
    await page.goto(a.path);
    await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(a.path)}`);
    await signInHere(page, a.email);
    await expect(page).toHaveURL(a.path);
  });

  test("an address on another site is refused: signing in stays here", async ({ browser, baseURL }) => {
    // An address elsewhere becomes its path here (a page not found); a path a browser would read as another site, home.
    const attempts: [string, string][] = [
      ["https://evil.example/phish", "/phish"],
      ["//evil.example/phish", "/team"],
      ["/\t/evil.example/phish", "/team"],
      ["/\\evil.example/phish", "/team"],
    ];
    for (const [attempt, landing] of attempts) {
      const page = await browser.newPage();
      await page.goto(`/login?callbackUrl=${encodeURIComponent(attempt)}`);
      await signInHere(page, "manager@demo.test");
      await expect(page, attempt).toHaveURL(landing);
      expect(new URL(page.url()).origin, attempt).toBe(new URL(baseURL!).origin);
      await page.context().close();
    }
  });
});
