// The reminder email job against a real SMTP server started for the test: each person gets one digest of their own
// inbox, a second run sends nothing, a new reminder is sent on its own next time, a failed send is retried, and
// nothing is sent or recorded without SMTP.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SMTPServer } from "smtp-server";
import { closeServer, configureMail, listenOnLoopback } from "./support/smtp";
import { db } from "@/db/client";
import { appraisals, delegatedTasks, reminderDeliveries, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { sendReminderDigests } from "@/lib/reminder-digest";
import { DIGEST_LEASE_MS, releaseDigestLease, renewDigestLease, takeDigestLease } from "@/db/queries/reminder-digests";
import { twoTeams } from "./support/factory";

const TODAY = "2026-12-01";
type Received = { to: string[]; raw: string };

let server: SMTPServer;
let port = 0;
const received: Received[] = [];
let refuse = false;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(refuse ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  port = await listenOnLoopback(server);
});
afterAll(async () => await closeServer(server));

const saved = { ...process.env };
function smtp(on: boolean) {
  configureMail(on ? { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), APP_URL: "https://pathways.example.nhs.uk" } : {});
}
afterEach(() => {
  process.env = { ...saved };
  received.length = 0;
  refuse = false;
});

const body = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

/** Everyone up to date but worker B (team B), whose appraisal is overdue; worker A has a task past review. */
async function setup() {
  const f = await twoTeams();
  for (const w of [f.workers.workerA, f.workers.lineManagedOnly, f.workers.otherOrgWorker]) {
    await db.insert(appraisals).values({ workerId: w.id, scheduledFor: "2026-06-01", heldOn: "2026-06-01", status: "completed", workerSignedAt: new Date() });
  }
  await db.insert(delegatedTasks)
    .values({ workerId: f.workers.workerA.id, task: "Gait re-education", delegatedByName: "Priya Shah", supervisionLevel: "indirect", competentSince: "2025-06-01", reviewOn: "2026-11-01" });
  return f;
}

const to = (email: string) => received.filter((m) => m.to.includes(email));

describe("the reminder email job", () => {
  it("sends each person one digest of what their inbox shows, then nothing more until something is new", async () => {
    const f = await setup();
    smtp(true);
    const first = await sendReminderDigests(TODAY);
    expect(first).toMatchObject({ configured: true, sent: 4, failed: 0 });
    // Worker A: their task. Manager A: worker A's task. Worker B and manager B: worker B's appraisal.
    expect(received.map((m) => m.to[0]).sort()).toEqual([f.users.managerA.email, f.users.managerB.email, f.users.workerUserA.email, f.users.workerUserB.email].sort());
    const toWorkerA = body(to(f.users.workerUserA.email)[0]!.raw);
    expect(toWorkerA).toContain("Subject: Pathways: 1 new reminder");
    expect(toWorkerA).toContain("Overdue: Delegated task review: Gait re-education");
    expect(toWorkerA).toContain(`https://pathways.example.nhs.uk/workers/${f.workers.workerA.id}/supervision`);
    expect(toWorkerA).not.toContain("Appraisal");
    expect(body(to(f.users.managerB.email)[0]!.raw)).not.toContain("Gait re-education");

    received.length = 0;
    expect(await sendReminderDigests(TODAY)).toMatchObject({ sent: 0, failed: 0 });
    expect(received).toEqual([]);

    // A second task past review: only that one goes, and only to the people it concerns.
    await db.insert(delegatedTasks)
      .values({ workerId: f.workers.workerA.id, task: "Stairs practice", delegatedByName: "Priya Shah", supervisionLevel: "direct", competentSince: "2025-06-01", reviewOn: "2026-11-20" });
    expect(await sendReminderDigests(TODAY)).toMatchObject({ sent: 2 });
    for (const email of [f.users.workerUserA.email, f.users.managerA.email]) {
      const text = body(to(email)[0]!.raw);
      expect(text).toContain("Stairs practice");
      expect(text).not.toContain("Gait re-education");
    }
  });

  it("records nothing when a send fails, so the next run tries again", async () => {
    const f = await setup();
    smtp(true);
    refuse = true;
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await sendReminderDigests(TODAY)).toMatchObject({ sent: 0, failed: 4 });
    expect(await db.select().from(reminderDeliveries)).toEqual([]);
    refuse = false;
    expect(await sendReminderDigests(TODAY)).toMatchObject({ sent: 4, failed: 0 });
    expect(to(f.users.workerUserA.email)).toHaveLength(1);
  });

  it("sends nothing and records nothing without SMTP, and skips disabled users", async () => {
    const f = await setup();
    smtp(false);
    expect(await sendReminderDigests(TODAY)).toMatchObject({ configured: false, sent: 0 });
    expect(await db.select().from(reminderDeliveries)).toEqual([]);
    smtp(true);
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, f.users.workerUserB.id));
    await sendReminderDigests(TODAY);
    expect(to(f.users.workerUserB.email)).toEqual([]);
  });

  it("sends each digest once when two runs start together (two app instances' cron), and a run that died holding the lease is taken over", async () => {
    const f = await setup();
    smtp(true);
    const [a, b] = await Promise.all([sendReminderDigests(TODAY), sendReminderDigests(TODAY)]);
    expect([a, b].filter((r) => r.otherRunBusy)).toHaveLength(1);
    expect(a.sent + b.sent).toBe(4);
    expect(received.map((m) => m.to[0]).sort()).toEqual([f.users.managerA.email, f.users.managerB.email, f.users.workerUserA.email, f.users.workerUserB.email].sort());

    // A run that crashed leaves its lease behind: the next run waits it out, then takes over.
    received.length = 0;
    await db.insert(delegatedTasks)
      .values({ workerId: f.workers.workerA.id, task: "Stairs practice", delegatedByName: "Priya Shah", supervisionLevel: "direct", competentSince: "2025-06-01", reviewOn: "2026-11-20" });
    const crashedAt = new Date();
    expect(await takeDigestLease("a run that died", crashedAt)).toBe(true);
    expect(await sendReminderDigests(TODAY)).toMatchObject({ otherRunBusy: true, sent: 0 });
    expect(await takeDigestLease("the next morning", new Date(crashedAt.getTime() + DIGEST_LEASE_MS + 1))).toBe(true);
    await releaseDigestLease("the next morning");
    expect(await sendReminderDigests(TODAY)).toMatchObject({ sent: 2 });
  });

  it("keeps its lease while it runs, and a run that lost its lease to another stops", async () => {
    await setup();
    expect(await takeDigestLease("long run")).toBe(true);
    expect(await renewDigestLease("long run")).toBe(true);
    // Another run took over a lease that had run out.
    expect(await takeDigestLease("another run", new Date(Date.now() + DIGEST_LEASE_MS + 1))).toBe(true);
    expect(await renewDigestLease("long run")).toBe(false);
  });
});
