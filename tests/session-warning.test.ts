// How long a session has left, as the warning before it ends asks it (decision record 0023): asking does not keep the
// session alive, "Stay signed in" does, and nothing puts off the 12-hour limit.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { loginSessions, users } from "@/db/schema";
import { endLoginSession, resolveSession, sessionTimeLeft, startLoginSession, staySignedIn } from "@/db/queries/sign-in";
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, sessionEnd, timeLeft, timeLeftWords } from "@/lib/rules/session";
import { staySignedInAction } from "@/app/stay-signed-in";
import { asSession, makeOrg, makeUser } from "./support/factory";
import { actAs, formData } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const minutes = (n: number) => n * 60_000;
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);

async function signedIn(t0: Date) {
  const user = await makeUser((await makeOrg()).id, "manager");
  const session = (await startLoginSession(user.id, "password", t0))!;
  return { user, session, lastSeen: async () => (await first(db.select().from(loginSessions).where(eq(loginSessions.id, session.sessionId))))!.lastSeenAt };
}

describe("when a session ends", () => {
  it("is 30 minutes after its last use, or 12 hours after it began, whichever comes first", () => {
    const t0 = new Date("2026-12-06T08:00:00Z");
    expect(sessionEnd({ createdAt: t0, lastSeenAt: at(t0, minutes(5)) })).toEqual({ at: at(t0, minutes(35)), by: "idle" });
    expect(sessionEnd({ createdAt: t0, lastSeenAt: at(t0, ABSOLUTE_LIMIT_MS - minutes(10)) })).toEqual({ at: at(t0, ABSOLUTE_LIMIT_MS), by: "limit" });
    expect(timeLeft({ at: at(t0, minutes(4)), by: "idle" }, t0)).toEqual({ endsInSeconds: 240, endsBy: "idle" });
    expect(timeLeft({ at: t0, by: "idle" }, at(t0, 5000))).toEqual({ endsInSeconds: 0, endsBy: "idle" });
  });

  it("is said in words a person reads at a glance", () => {
    expect(timeLeftWords(minutes(5))).toBe("5 minutes");
    expect(timeLeftWords(minutes(4) + 1)).toBe("5 minutes");
    expect(timeLeftWords(minutes(1))).toBe("1 minute");
    expect(timeLeftWords(59_999)).toBe("less than a minute");
    expect(timeLeftWords(0)).toBe("less than a minute");
  });
});

describe("how long a session has left", () => {
  it("comes with every request the session is resolved for, counting that request as use", async () => {
    const t0 = new Date("2026-12-06T09:00:00Z");
    const { session } = await signedIn(t0);
    const check = await resolveSession(session.sessionId, session.sessionVersion, at(t0, minutes(10)));
    expect(check.ok && check.user.sessionEnds).toEqual({ at: at(t0, minutes(10) + IDLE_LIMIT_MS), by: "idle" });
  });

  it("can be asked without keeping the session alive", async () => {
    const t0 = new Date("2026-12-06T09:00:00Z");
    const { session, lastSeen } = await signedIn(t0);
    expect(await sessionTimeLeft(session.sessionId, session.sessionVersion, at(t0, minutes(26)))).toEqual({ endsInSeconds: 240, endsBy: "idle" });
    expect(await sessionTimeLeft(session.sessionId, session.sessionVersion, at(t0, minutes(29)))).toEqual({ endsInSeconds: 60, endsBy: "idle" });
    expect(await lastSeen()).toEqual(t0);
    // Asked every few minutes, it still ends on time.
    expect(await sessionTimeLeft(session.sessionId, session.sessionVersion, at(t0, minutes(31)))).toBeNull();
    expect(await resolveSession(session.sessionId, session.sessionVersion, at(t0, minutes(31)))).toEqual({ ok: false, reason: "idle" });
  });

  it("is none for a session signed out, revoked or never made", async () => {
    const t0 = new Date("2026-12-06T09:00:00Z");
    const a = await signedIn(t0);
    await endLoginSession(a.session.sessionId, "logout", at(t0, minutes(1)));
    expect(await sessionTimeLeft(a.session.sessionId, a.session.sessionVersion, at(t0, minutes(2)))).toBeNull();
    const b = await signedIn(t0);
    await db.update(users).set({ sessionVersion: b.session.sessionVersion + 1 }).where(eq(users.id, b.user.id));
    expect(await sessionTimeLeft(b.session.sessionId, b.session.sessionVersion, at(t0, minutes(2)))).toBeNull();
    expect(await sessionTimeLeft("no-such-session", 1, t0)).toBeNull();
  });
});

describe("Stay signed in", () => {
  it("counts as use now, even within the minute in which ordinary requests do not write", async () => {
    const t0 = new Date("2026-12-06T10:00:00Z");
    const { user, session, lastSeen } = await signedIn(t0);
    await resolveSession(session.sessionId, session.sessionVersion, at(t0, 30_000));
    expect(await lastSeen()).toEqual(t0);
    const me = { ...asSession(user), sessionId: session.sessionId };
    expect(await staySignedIn(me, at(t0, 30_000))).toEqual({ ok: true, left: { endsInSeconds: IDLE_LIMIT_MS / 1000, endsBy: "idle" } });
    expect(await lastSeen()).toEqual(at(t0, 30_000));
  });

  it("cannot put off the 12-hour limit", async () => {
    const t0 = new Date("2026-12-06T06:00:00Z");
    const { user, session } = await signedIn(t0);
    const late = at(t0, ABSOLUTE_LIMIT_MS - minutes(3));
    expect(await staySignedIn({ ...asSession(user), sessionId: session.sessionId }, late)).toEqual({ ok: true, left: { endsInSeconds: 180, endsBy: "limit" } });
  });

  it("is anyone's own action, through the pipeline: a signed-out caller is sent to sign in, an ended session is told so", async () => {
    const t0 = new Date();
    const { user, session } = await signedIn(t0);
    const me = { ...asSession(user), sessionId: session.sessionId };
    actAs(me);
    expect(await staySignedInAction({}, formData({}))).toEqual({ ok: true, left: { endsInSeconds: IDLE_LIMIT_MS / 1000, endsBy: "idle" } });
    await endLoginSession(session.sessionId, "logout");
    expect(await staySignedInAction({}, formData({}))).toMatchObject({ ok: false, message: "Your session has ended. Sign in again to carry on." });
    actAs(null);
    await expect(staySignedInAction({}, formData({}))).rejects.toThrow("NEXT_REDIRECT");
  });
});
