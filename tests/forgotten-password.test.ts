// "Forgotten your password?" (issue 17): a link emailed to the account's own address when SMTP and APP_URL are set up,
// never shown on screen; the same answer whether the address has an account or not; counted per address typed and
// per client address; audited. Against a real SMTP server started for the test.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, one } from "@/db/client";
import { auditEvents, loginThrottle, users } from "@/db/schema";
import { hashPassword } from "@/lib/passwords";
import { checkCredentials } from "@/db/queries/sign-in";
import { passwordLinkFor, requestPasswordReset } from "@/db/queries/password-links";
import { RESET_ADDRESS_LIMITS, RESET_EMAIL_LIMITS } from "@/lib/rules/throttle";
import { askForPasswordLink } from "@/app/login/forgotten-password/actions";
import { makeOrg } from "./support/factory";
import { formData } from "./support/auth-mock";
import { configureMail, recordingSmtpServer } from "./support/smtp";
import { afterTasks } from "./support/next-request";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const PASSWORD = "the old password still works";
let smtp: Awaited<ReturnType<typeof recordingSmtpServer>>;

beforeAll(async () => {
  smtp = await recordingSmtpServer();
});
afterAll(async () => await smtp.close());

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  smtp.inbox.length = 0;
  afterTasks.length = 0;
});

const emailing = () => configureMail({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port), APP_URL: "https://pathways.trust.nhs.uk" });
/** What arrived, once the work Next runs after the answer is done. */
const sent = async () => {
  await Promise.all(afterTasks);
  return [...smtp.inbox];
};

async function person(email: string, status: "active" | "disabled" = "active") {
  return await one(db
    .insert(users)
    .values({ orgId: (await makeOrg()).id, email, name: "Ade Okafor", role: "support_worker", status, passwordHash: await hashPassword(PASSWORD) })
    .returning());
}

async function trail(action: string) {
  return (await db
    .select({ entityType: auditEvents.entityType, entityId: auditEvents.entityId, summary: auditEvents.summary, address: auditEvents.address })
    .from(auditEvents)
    .where(eq(auditEvents.action, action)))
    .map((r) => ({ ...r, summary: JSON.parse(r.summary) as Record<string, unknown> }));
}

describe("without email set up", () => {
  it("says who to ask, and issues nothing", async () => {
    configureMail({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtp.port) }); // no APP_URL: links are built on it alone
    await person("ade.okafor@test.nhs.uk");
    const state = await askForPasswordLink({}, formData({ email: "ade.okafor@test.nhs.uk" }));
    expect(state).toMatchObject({ ok: false, message: expect.stringContaining("Ask your Pathways administrator") });
    expect(await sent()).toEqual([]);
    expect(await trail("user.password_link")).toEqual([]);
  });
});

describe("with email set up", () => {
  it("emails a working link to the account's owner, shows none, and leaves the old password working until it is used", async () => {
    emailing();
    const ade = await person("ade.okafor@test.nhs.uk");
    const state = await askForPasswordLink({}, formData({ email: "  Ade.Okafor@TEST.nhs.uk " }));
    expect(state).toEqual({ ok: true, values: { email: "ade.okafor@test.nhs.uk" } });
    expect(JSON.stringify(state)).not.toMatch(/set-password|https?:/);
    const mail = await sent();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual(["ade.okafor@test.nhs.uk"]);
    expect(mail[0]!.text).toContain("Subject: Reset your Pathways password");
    const token = /https:\/\/pathways\.trust\.nhs\.uk\/set-password\/([A-Za-z0-9_-]{43})/.exec(mail[0]!.text)?.[1];
    expect(token).toBeDefined();
    expect(await passwordLinkFor(token!)).toEqual({ name: "Ade Okafor", email: "ade.okafor@test.nhs.uk", purpose: "reset" });
    expect(await checkCredentials(ade.email, PASSWORD, "10.0.0.9")).toMatchObject({ ok: true });
    expect(await trail("user.password_reset_requested")).toEqual([
      { entityType: "user", entityId: ade.id, summary: { email: ade.email, outcome: "link_issued" }, address: "127.0.0.1" },
    ]);
    expect(await trail("user.password_link_delivered")).toEqual([
      { entityType: "user", entityId: ade.id, summary: { emailed: "sent", shownTo: null, requested: true }, address: null },
    ]);
  });

  it("answers an address with no account, or a disabled one, exactly as it answers a real one, and sends nothing", async () => {
    emailing();
    await person("ade.okafor@test.nhs.uk");
    await person("left.last.year@test.nhs.uk", "disabled");
    const real = await askForPasswordLink({}, formData({ email: "ade.okafor@test.nhs.uk" }));
    await sent();
    smtp.inbox.length = 0;
    for (const email of ["nobody.here@test.nhs.uk", "left.last.year@test.nhs.uk"]) {
      const answer = await askForPasswordLink({}, formData({ email }));
      expect(answer).toEqual({ ...real, values: { email } });
    }
    expect(await sent()).toEqual([]);
    const outcomes = (await trail("user.password_reset_requested")).map((r) => [r.entityType, r.summary.outcome]);
    expect(outcomes).toEqual([
      ["user", "link_issued"],
      ["sign_in", "unknown_account"],
      ["user", "account_disabled"],
    ]);
    // An address that names nobody is not kept: it may be a real person's, mistyped. Not in the trail, and not in the
    // counters that pace requests either (they hold a digest of it).
    expect(JSON.stringify(await trail("user.password_reset_requested"))).not.toContain("nobody.here");
    expect(JSON.stringify(await db.select().from(loginThrottle))).not.toContain("nobody.here");
  });

  it("pauses after three requests an hour for one address typed, whether or not it has an account, and audits the pause", async () => {
    const t0 = new Date("2026-12-06T09:00:00Z");
    for (const email of ["ade.okafor@test.nhs.uk", "nobody.here@test.nhs.uk"]) {
      for (let i = 0; i < RESET_EMAIL_LIMITS.maxFailures; i++) expect((await requestPasswordReset(email, `10.0.1.${i}`, t0)).outcome).not.toBe("paused");
      expect(await requestPasswordReset(email, "10.0.2.1", t0)).toEqual({ outcome: "paused", until: new Date(t0.getTime() + RESET_EMAIL_LIMITS.lockMs) });
      expect((await requestPasswordReset(email, "10.0.2.1", new Date(t0.getTime() + RESET_EMAIL_LIMITS.lockMs + 1))).outcome).not.toBe("paused");
    }
    expect((await trail("user.password_reset_paused")).map((r) => r.address)).toEqual(["10.0.2.1", "10.0.2.1"]);
  });

  it("pauses one client address asking for many different addresses", async () => {
    const t0 = new Date("2026-12-06T09:00:00Z");
    for (let i = 0; i < RESET_ADDRESS_LIMITS.maxFailures; i++) await requestPasswordReset(`guess.${i}@test.nhs.uk`, "10.9.9.9", t0);
    expect((await requestPasswordReset("one.more@test.nhs.uk", "10.9.9.9", t0)).outcome).toBe("paused");
    expect((await requestPasswordReset("one.more@test.nhs.uk", "10.9.9.10", t0)).outcome).toBe("not_issued");
  });

  it("tells a paused person when to try again, the same for any address typed", async () => {
    emailing();
    for (let i = 0; i < RESET_EMAIL_LIMITS.maxFailures; i++) await askForPasswordLink({}, formData({ email: "nobody.here@test.nhs.uk" }));
    expect(await askForPasswordLink({}, formData({ email: "nobody.here@test.nhs.uk" }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^You have asked for several links in the last hour\. Use the newest email, or ask again after /),
    });
  });

  it("answers bad input with the form's own message, never a crash", async () => {
    emailing();
    for (const email of ["", "not-an-email", "x".repeat(100_000), "\u0000@\u202e.uk", "<script>alert(1)</script>@x.uk"]) {
      const state = await askForPasswordLink({}, formData({ email }));
      expect(state.ok, email.slice(0, 20)).toBe(false);
      expect(state.fieldErrors?.email, email.slice(0, 20)).toBeTruthy();
    }
    expect(await sent()).toEqual([]);
    expect(await trail("user.password_link")).toEqual([]);
  });
});

describe("the link a request made", () => {
  it("is the only one that works: a link issued before it stops working", async () => {
    const ade = await person("ade.okafor@test.nhs.uk");
    const first = await requestPasswordReset(ade.email, "10.0.0.1");
    const second = await requestPasswordReset(ade.email, "10.0.0.1");
    if (first.outcome !== "issued" || second.outcome !== "issued") throw new Error("links were not issued");
    expect(await passwordLinkFor(first.link.token)).toBeUndefined();
    expect(await passwordLinkFor(second.link.token)).toMatchObject({ email: ade.email });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.password_link"), eq(auditEvents.entityId, ade.id)))).toHaveLength(2);
  });
});
