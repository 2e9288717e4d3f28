// Email over SMTP, against a real SMTP server started for the test: nothing is sent without SMTP_HOST, a link is
// emailed with its expiry, credentials are used, and a server that is down does not throw.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { sendMail, mailConfigured } from "@/lib/mail";
import { deliverPasswordLink } from "@/lib/password-link-delivery";
import { newLinkToken } from "@/lib/rules/password-links";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { asSession, makeOrg, makeUser } from "./support/factory";

type Received = { from: string; to: string[]; raw: string; user?: string };

let server: SMTPServer;
let port = 0;
const inbox: Received[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to trust, and AUTH allowed without TLS for the test only.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "pathways" && auth.password === "s3cret") return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const saved = { ...process.env };
function configure(env: Record<string, string | undefined>) {
  for (const key of ["SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM", "SMTP_SECURE", "APP_URL"]) delete process.env[key];
  Object.assign(process.env, env);
}
afterEach(() => {
  process.env = { ...saved };
  inbox.length = 0;
});

/** Quoted-printable soft line breaks split long lines (like a link) in the raw message. */
const body = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

describe("sending email", () => {
  it("sends nothing when SMTP_HOST is not set", async () => {
    configure({});
    expect(mailConfigured()).toBe(false);
    expect(await sendMail({ to: "a@test.nhs.uk", subject: "s", text: "t" })).toBe("not_configured");
    expect(inbox).toEqual([]);
  });

  it("delivers through the configured server, signing in with SMTP_USER and SMTP_PASSWORD", async () => {
    configure({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_USER: "pathways", SMTP_PASSWORD: "s3cret", SMTP_FROM: "Pathways <pathways@trust.nhs.uk>" });
    expect(mailConfigured()).toBe(true);
    expect(await sendMail({ to: "sam@test.nhs.uk", subject: "Hello", text: "A message" })).toBe("sent");
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ from: "pathways@trust.nhs.uk", to: ["sam@test.nhs.uk"], user: "pathways" });
    expect(inbox[0]!.raw).toContain("Subject: Hello");
    expect(inbox[0]!.raw).toContain("A message");
  });

  it("reports a failure, without throwing, when the server refuses or is not there", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    configure({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_USER: "pathways", SMTP_PASSWORD: "wrong" });
    expect(await sendMail({ to: "sam@test.nhs.uk", subject: "s", text: "the secret link" })).toBe("failed");
    // The log says what failed, never what the message held.
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("Email to sam@test.nhs.uk could not be sent"));
    expect(JSON.stringify(logged.mock.calls)).not.toContain("the secret link");
    // A port nothing listens on: take one, then free it.
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
    const closedPort = (spare.address() as AddressInfo).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    configure({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(closedPort) });
    expect(await sendMail({ to: "sam@test.nhs.uk", subject: "s", text: "t" })).toBe("failed");
    expect(inbox).toEqual([]);
    logged.mockRestore();
  });

  it("emails a set-password link built on APP_URL, with when it expires, and shows it to the administrator who issued it", async () => {
    configure({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), APP_URL: "https://pathways.trust.nhs.uk/" });
    const { admin, starter } = await people();
    const token = newLinkToken();
    const link = await deliverPasswordLink(admin, {
      userId: starter.id,
      token,
      expiresAt: new Date("2026-11-25T10:00:00Z"),
      purpose: "set",
      email: "new.starter@test.nhs.uk",
      name: "New Starter",
      organisation: "Test Trust",
    });
    expect(link).toEqual({
      url: `https://pathways.trust.nhs.uk/set-password/${token}`,
      expiresAt: "25 Nov 2026, 10:00",
      email: "new.starter@test.nhs.uk",
      name: "New Starter",
      emailed: "sent",
    });
    expect(inbox[0]?.to).toEqual(["new.starter@test.nhs.uk"]);
    const text = body(inbox[0]!.raw);
    expect(text).toContain("Subject: Your Pathways login");
    expect(text).toContain(`https://pathways.trust.nhs.uk/set-password/${token}`);
    expect(text).toContain("expires on 25 Nov 2026, 10:00");
    expect(await deliveries(starter.id)).toEqual([{ actorId: admin.id, summary: { emailed: "sent", shownTo: "admin" } }]);
  });

  it("never shows a manager the link: it goes to its owner by email, and the audit says so", async () => {
    configure({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), APP_URL: "https://pathways.trust.nhs.uk" });
    const { manager, starter } = await people();
    const token = newLinkToken();
    const link = await deliverPasswordLink(manager, { userId: starter.id, token, expiresAt: new Date("2026-11-25T10:00:00Z"), purpose: "set", email: "w@test.nhs.uk", name: "W" });
    expect(link).not.toHaveProperty("url");
    expect(JSON.stringify(link)).not.toContain(token);
    expect(link.emailed).toBe("sent");
    expect(body(inbox[0]!.raw)).toContain(`https://pathways.trust.nhs.uk/set-password/${token}`);
    expect(await deliveries(starter.id)).toEqual([{ actorId: manager.id, summary: { emailed: "sent", shownTo: null } }]);
  });

  it("emails no link without APP_URL, whatever address the request came to", async () => {
    configure({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) });
    const { manager, starter } = await people();
    const link = await deliverPasswordLink(manager, { userId: starter.id, token: newLinkToken(), expiresAt: new Date("2026-11-25T10:00:00Z"), purpose: "set", email: "w@test.nhs.uk", name: "W" });
    expect(link).toMatchObject({ emailed: "not_configured" });
    expect(link).not.toHaveProperty("url");
    expect(inbox).toEqual([]);
    expect(await deliveries(starter.id)).toEqual([{ actorId: manager.id, summary: { emailed: "not_configured", shownTo: null } }]);
  });
});

async function people() {
  const org = await makeOrg();
  return {
    admin: asSession(await makeUser(org.id, "admin")),
    manager: asSession(await makeUser(org.id, "manager")),
    starter: await makeUser(org.id, "support_worker"),
  };
}

const deliveries = async (userId: string) =>
  (await db
    .select({ actorId: auditEvents.actorId, summary: auditEvents.summary })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "user.password_link_delivered"), eq(auditEvents.entityId, userId))))
    .map((r) => ({ actorId: r.actorId, summary: JSON.parse(r.summary as string) as unknown }));
