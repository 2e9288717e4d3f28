// Signatures prove who signed: signing an appraisal, agreeing a PDP version and signing off a competency each ask the
// signer to prove it is them in the same step (their password, or a recent single sign-on), and the audit row says so.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { auditEvents, pdpGoals, pdps, users } from "@/db/schema";
import { newId } from "@/db/schema/_shared";
import { startPdp } from "@/db/queries/pdps";
import { hashPassword } from "@/lib/passwords";
import { FRESH_SIGN_ON_MINUTES, signerOf, signingProof } from "@/lib/rules/signature";
import type { SessionUser } from "@/lib/session-user";
import { twoTeams, asSession } from "./support/factory";
import { actAs, formData, signIns } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const PASSWORD = "correct horse battery staple";
const MINUTE = 60_000;

describe("the proof a signature asks for", () => {
  const at = new Date("2026-12-06T10:00:00Z");
  it("is the password for a password sign-in, however recent", () => {
    expect(signingProof({ signedInWith: "password", signedInAt: at }, at)).toEqual({ kind: "password" });
  });

  it("is a single sign-on made in the last few minutes, and after that a new one", () => {
    const justNow = { signedInWith: "oidc" as const, signedInAt: new Date(at.getTime() - (FRESH_SIGN_ON_MINUTES * MINUTE - 1)) };
    expect(signingProof(justNow, at)).toMatchObject({ kind: "fresh_sign_on" });
    const onTheDot = { signedInWith: "oidc" as const, signedInAt: new Date(at.getTime() - FRESH_SIGN_ON_MINUTES * MINUTE) };
    expect(signingProof(onTheDot, at)).toEqual({ kind: "sign_on_again" });
    expect(signerOf({ name: "Morgan", ...justNow }, at)).toEqual({ name: "Morgan", proof: "fresh_sign_on", freshUntil: "6 Dec 2026, 10:00" });
  });
});

async function withPassword(user: SessionUser) {
  await db.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, user.id));
  return user;
}

async function draftPlan() {
  const f = await twoTeams();
  const manager = asSession(f.users.managerA);
  const worker = asSession(f.users.workerUserA);
  const workerId = f.workers.workerA.id;
  const r = await startPdp(manager, workerId, { periodStart: "2026-04-01", periodEnd: "2027-03-31", nextReviewOn: "2026-07-01" });
  if (!r.ok) throw new Error(r.message);
  await db.insert(pdpGoals).values({ pdpId: r.pdpId, title: "Lead a falls-prevention group", proposedBy: "manager", agreedAt: new Date() });
  return { manager, worker, workerId, pdpId: r.pdpId };
}

const agreedBy = async (pdpId: string) => (await first(db.select({ worker: pdps.workerAgreedAt, manager: pdps.managerAgreedAt }).from(pdps).where(eq(pdps.id, pdpId))))!;
const agreementAudit = async (pdpId: string) =>
  (await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, pdpId), eq(auditEvents.action, "pdp.agreed"))))
    .map((e) => ({ actorId: e.actorId, summary: JSON.parse(e.summary) as Record<string, unknown> }));

/** The action's redirect on success, as Next throws it. */
const REDIRECTED = /NEXT_REDIRECT/;

beforeEach(() => {
  signIns.length = 0;
});

describe("agreeing a PDP version is a signature", () => {
  it("asks for the signer's password, refuses a wrong one, and records the re-authentication on the audit row", async () => {
    const { agreePdpAction } = await import("@/app/(app)/workers/[id]/pdp/actions");
    const t = await draftPlan();
    actAs(await withPassword(t.worker));
    const fields = { pdpId: t.pdpId, version: "1" };

    expect(await agreePdpAction(t.workerId, {}, formData(fields))).toMatchObject({
      ok: false,
      fieldErrors: { password: "Enter your password to confirm it is you" },
    });
    const wrong = await agreePdpAction(t.workerId, {}, formData({ ...fields, password: "not my password" }));
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { password: "The password is not right" } });
    expect(wrong.values).not.toHaveProperty("password");
    expect((await agreedBy(t.pdpId)).worker).toBeNull();
    expect(await agreementAudit(t.pdpId)).toEqual([]);

    await expect(agreePdpAction(t.workerId, {}, formData({ ...fields, password: PASSWORD }))).rejects.toThrow(REDIRECTED);
    expect((await agreedBy(t.pdpId)).worker).toBeInstanceOf(Date);
    expect(await agreementAudit(t.pdpId)).toEqual([{ actorId: t.worker.id, summary: expect.objectContaining({ by: "worker", reauthenticated: "password" }) }]);
  });

  it("will not take another person's password: a manager who knows the worker's cannot agree as the worker", async () => {
    const { agreePdpAction } = await import("@/app/(app)/workers/[id]/pdp/actions");
    const t = await draftPlan();
    await withPassword(t.worker);
    // The manager is signed in (someone left a session open, or set the worker's login up) and types the worker's password.
    actAs(t.manager);
    expect(await agreePdpAction(t.workerId, {}, formData({ pdpId: t.pdpId, version: "1", password: PASSWORD }))).toMatchObject({
      ok: false,
      fieldErrors: { password: "The password is not right" },
    });
    expect((await agreedBy(t.pdpId)).manager).toBeNull();
  });

  it("takes a single sign-on made moments ago as the proof, and records that", async () => {
    const { agreePdpAction } = await import("@/app/(app)/workers/[id]/pdp/actions");
    const t = await draftPlan();
    actAs({ ...t.manager, signedInWith: "oidc", signedInAt: new Date(Date.now() - MINUTE) });
    await expect(agreePdpAction(t.workerId, {}, formData({ pdpId: t.pdpId, version: "1" }))).rejects.toThrow(REDIRECTED);
    expect(await agreementAudit(t.pdpId)).toEqual([{ actorId: t.manager.id, summary: expect.objectContaining({ by: "manager", reauthenticated: "single_sign_on" }) }]);
  });

  it("asks someone whose single sign-on is older to sign on again, and changes nothing", async () => {
    const { agreePdpAction } = await import("@/app/(app)/workers/[id]/pdp/actions");
    const t = await draftPlan();
    actAs({ ...t.manager, signedInWith: "oidc", signedInAt: new Date(Date.now() - (FRESH_SIGN_ON_MINUTES + 1) * MINUTE) });
    // A password typed does not stand in for the organisation's sign-on.
    expect(await agreePdpAction(t.workerId, {}, formData({ pdpId: t.pdpId, version: "1", password: "anything" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("Sign in again with your organisation account"),
    });
    expect((await agreedBy(t.pdpId)).manager).toBeNull();
  });
});

describe("every signature asks for proof before the data layer is reached", () => {
  it("refuses an appraisal sign-off and a competency sign-off sent without the password", async () => {
    const appraisals = await import("@/app/(app)/workers/[id]/appraisals/actions");
    const competencies = await import("@/app/(app)/workers/[id]/competencies/actions");
    const t = await draftPlan();
    actAs(t.worker);
    // Ids of nothing at all: had the data layer been reached, the answer would have been a 404.
    expect(await appraisals.signOffAppraisalAction(newId(), newId(), {}, formData({ workerComments: "Fair" }))).toMatchObject({
      ok: false,
      fieldErrors: { password: "Enter your password to confirm it is you" },
      values: { workerComments: "Fair" },
    });
    actAs(t.manager);
    const signOff = { assessorName: "Priya Shah", assessorProfession: "Physiotherapist", assessorRegistration: "PH123456", signedOffOn: "2026-11-01" };
    expect(await competencies.signOffCompetencyAction(newId(), newId(), {}, formData(signOff))).toMatchObject({
      ok: false,
      fieldErrors: { password: "Enter your password to confirm it is you" },
      values: signOff,
    });
  });
});

describe("signing on again before a signature", () => {
  it("sends the person to their organisation's sign-in with a fresh login asked for, and back to the page", async () => {
    const { signInAgainWithMicrosoft } = await import("@/app/sign-on-again");
    const t = await draftPlan();
    actAs(t.manager);
    await expect(signInAgainWithMicrosoft(`/workers/${t.workerId}/pdp`)).rejects.toThrow(REDIRECTED);
    await expect(signInAgainWithMicrosoft("https://evil.example/steal")).rejects.toThrow(REDIRECTED);
    expect(signIns).toEqual([
      { provider: "microsoft-entra-id", options: { redirectTo: `/workers/${t.workerId}/pdp` }, authorization: { prompt: "login", login_hint: t.manager.email } },
      { provider: "microsoft-entra-id", options: { redirectTo: "/steal" }, authorization: { prompt: "login", login_hint: t.manager.email } },
    ]);
  });
});
