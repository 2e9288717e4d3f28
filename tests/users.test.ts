// Logins: the administrator's user management and a worker's own login. Every change is audited, and role changes,
// disabling and password resets sign the user out on their next request.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { users, workers, auditEvents, passwordTokens, loginSessions, teamManagers, teams } from "@/db/schema";
import {
  createUser,
  changeUserRole,
  setUserStatus,
  resetPassword,
  giveWorkerLogin,
  reissueWorkerLink,
  workerLoginTarget,
  listUsers,
  userHistory,
} from "@/db/queries/users";
import { passwordLinkFor, redeemPasswordLink } from "@/db/queries/password-links";
import { startLoginSession, resolveSession } from "@/db/queries/sign-in";
import { recordLeaving } from "@/db/queries/worker-changes";
import { parseUserFilters } from "@/lib/forms/user";
import { twoTeams, asSession, makeWorker, makeUser } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const APP = "https://pathways.example.nhs.uk";
let savedEnv: NodeJS.ProcessEnv;
beforeAll(() => {
  savedEnv = { ...process.env };
  process.env.APP_URL = APP;
  delete process.env.SMTP_HOST;
});
afterAll(() => {
  process.env = savedEnv;
});

const userRow = async (id: string) => (await first(db.select().from(users).where(eq(users.id, id))))!;
const actions = async (action: string) => await db.select().from(auditEvents).where(eq(auditEvents.action, action));
const everything = async () => ({
  users: await db.select().from(users),
  workers: await db.select().from(workers),
  tokens: await db.select().from(passwordTokens),
  audit: (await db.select().from(auditEvents)).length,
});

describe("creating a user", () => {
  it("adds the login with no password, a one-time link and an audit row", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const result = await createUser(admin, { name: "Priya Shah", email: "Priya.Shah@Test.NHS.uk", role: "lead" });
    if (!result.ok) throw new Error(result.message);
    expect(await userRow(result.userId)).toMatchObject({ email: "priya.shah@test.nhs.uk", role: "lead", status: "active", passwordHash: null, orgId: f.org.id });
    expect(await passwordLinkFor(result.token)).toEqual({ name: "Priya Shah", email: "priya.shah@test.nhs.uk", purpose: "set" });
    expect(result.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    expect(await actions("user.create")).toMatchObject([{ actorId: admin.id, entityId: result.userId, summary: JSON.stringify({ role: "lead" }) }]);
  });

  it("refuses an email already in use, whatever its case, and anyone but an admin", async () => {
    const f = await twoTeams();
    const before = await everything();
    expect(await createUser(asSession(f.users.admin), { name: "X", email: f.users.lead.email.toUpperCase(), role: "lead" })).toEqual({
      ok: false,
      code: "conflict",
      field: "email",
      message: "A user with this email already exists",
    });
    expect(await createUser(asSession(f.users.managerA), { name: "X", email: "new@test.nhs.uk", role: "admin" })).toMatchObject({ ok: false });
    expect(await createUser(asSession(f.users.lead), { name: "X", email: "new@test.nhs.uk", role: "admin" })).toMatchObject({ ok: false });
    expect(await everything()).toEqual(before);
  });
});

describe("creating a manager with their teams", () => {
  const managersOf = async (teamId: string) =>
    (await db.select({ userId: teamManagers.userId }).from(teamManagers).where(eq(teamManagers.teamId, teamId))).map((r) => r.userId);

  it("makes them a manager of the chosen teams, so they see those teams' workers, and audits it", async () => {
    const f = await twoTeams();
    const result = await createUser(asSession(f.users.admin), { name: "Sam Okafor", email: "sam.okafor@test.nhs.uk", role: "manager", teamIds: [f.teamA.id, f.teamB.id] });
    if (!result.ok) throw new Error(result.message);
    expect(await managersOf(f.teamA.id)).toContain(result.userId);
    expect(await managersOf(f.teamB.id)).toContain(result.userId);
    expect(await actions("user.create")).toMatchObject([{ entityId: result.userId, summary: JSON.stringify({ role: "manager", teams: [f.teamA.id, f.teamB.id] }) }]);
  });

  it("refuses another organisation's team, an archived one, and teams for anyone but a manager, writing nothing", async () => {
    const f = await twoTeams();
    const other = (await first(db.select({ teamId: workers.teamId }).from(workers).where(eq(workers.id, f.workers.otherOrgWorker.id))))!.teamId;
    await db.update(teams).set({ archivedAt: new Date() }).where(eq(teams.id, f.teamB.id));
    const before = await everything();
    const add = async (role: "manager" | "lead", teamIds: string[]) => await createUser(asSession(f.users.admin), { name: "Sam Okafor", email: "sam.okafor@test.nhs.uk", role, teamIds });
    expect(await add("manager", [f.teamA.id, other])).toEqual({ ok: false, code: "invalid", field: "teamIds", message: "Select teams from the list" });
    expect(await add("manager", [f.teamB.id])).toMatchObject({ ok: false, field: "teamIds" });
    expect(await add("lead", [f.teamA.id])).toEqual({ ok: false, code: "invalid", field: "teamIds", message: "Only managers manage teams" });
    expect(await everything()).toEqual(before);
    expect(await managersOf(f.teamA.id)).toEqual([f.users.managerA.id]);
  });

  it("addUserAction: a manager's ticked teams are kept; ticks left when another role is chosen are dropped", async () => {
    const { addUserAction } = await import("@/app/(app)/admin/users/actions");
    const f = await twoTeams();
    actAs(asSession(f.users.admin));
    const form = (email: string, role: string) => {
      const data = formData({ name: "Sam Okafor", email, role });
      for (const id of [f.teamA.id, f.teamB.id]) data.append("teamIds", id);
      return data;
    };
    expect(await addUserAction({}, form("sam.manager@test.nhs.uk", "manager"))).toMatchObject({ ok: true });
    expect(await addUserAction({}, form("sam.lead@test.nhs.uk", "lead"))).toMatchObject({ ok: true });
    const byEmail = async (email: string) => (await first(db.select().from(users).where(eq(users.email, email))))!.id;
    expect((await managersOf(f.teamB.id)).sort()).toEqual([f.users.managerB.id, await byEmail("sam.manager@test.nhs.uk")].sort());
    expect(await managersOf(f.teamA.id)).not.toContain(await byEmail("sam.lead@test.nhs.uk"));
  });
});

describe("changing a role", () => {
  it("bumps the session version, so resolveSession refuses the session they had", async () => {
    const f = await twoTeams();
    const session = (await startLoginSession(f.users.lead.id, "password"))!;
    expect((await resolveSession(session.sessionId, session.sessionVersion)).ok).toBe(true);

    expect(await changeUserRole(asSession(f.users.admin), f.users.lead.id, "manager")).toEqual({ ok: true, userId: f.users.lead.id });
    expect(await userRow(f.users.lead.id)).toMatchObject({ role: "manager", sessionVersion: session.sessionVersion + 1 });
    expect(await resolveSession(session.sessionId, session.sessionVersion)).toMatchObject({ ok: false });
    const audit = (await actions("user.role_change"))[0]!;
    expect(JSON.parse(audit.summary)).toEqual({ from: "lead", to: "manager" });

    // A new sign-in gets the new role.
    const again = (await startLoginSession(f.users.lead.id, "password"))!;
    expect(await resolveSession(again.sessionId, again.sessionVersion)).toMatchObject({ ok: true, user: { role: "manager" } });
  });

  it("takes a former manager off the teams they managed", async () => {
    const f = await twoTeams();
    expect((await changeUserRole(asSession(f.users.admin), f.users.managerA.id, "lead")).ok).toBe(true);
    expect(await db.select().from(teamManagers).where(eq(teamManagers.userId, f.users.managerA.id))).toEqual([]);
    expect(JSON.parse((await actions("user.role_change"))[0]!.summary)).toEqual({ from: "manager", to: "lead", noLongerManages: [f.teamA.id] });
  });

  it("refuses the admin's own role, the same role, support worker without a worker record, and other organisations", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const before = await everything();
    expect(await changeUserRole(admin, admin.id, "lead")).toMatchObject({ ok: false, field: "role", message: expect.stringMatching(/your own role/) });
    expect(await changeUserRole(admin, f.users.lead.id, "lead")).toMatchObject({ ok: false, message: `${f.users.lead.name} is already a lead` });
    expect(await changeUserRole(admin, f.users.lead.id, "support_worker")).toMatchObject({ ok: false, field: "role", message: expect.stringMatching(/worker record/) });
    expect(await changeUserRole(admin, f.users.otherLead.id, "admin")).toEqual({ ok: false, code: "not_found", message: "User not found" });
    expect(await changeUserRole(asSession(f.users.managerA), f.users.lead.id, "admin")).toEqual({ ok: false, code: "not_found", message: "User not found" });
    expect(await everything()).toEqual(before);
  });

  it("never leaves the organisation without an active administrator", async () => {
    const f = await twoTeams();
    const second = await makeUser(f.org.id, "admin", "Second Admin");
    // The second admin's request passed its checks just before the first admin disabled them.
    expect((await setUserStatus(asSession(f.users.admin), second.id, "disabled")).ok).toBe(true);
    const result = await changeUserRole(asSession(second), f.users.admin.id, "lead");
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/only active administrator/) });
    expect(await setUserStatus(asSession(second), f.users.admin.id, "disabled")).toMatchObject({ ok: false, message: expect.stringMatching(/only active administrator/) });
    expect(await userRow(f.users.admin.id)).toMatchObject({ role: "admin", status: "active" });
  });
});

describe("disabling and re-enabling", () => {
  it("signs them out at once, kills their unused links, and says so when done twice", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const session = (await startLoginSession(f.users.managerB.id, "password"))!;
    const link = await resetPassword(admin, f.users.managerB.id);
    if (!link.ok) throw new Error(link.message);

    expect((await setUserStatus(admin, f.users.managerB.id, "disabled")).ok).toBe(true);
    expect(await resolveSession(session.sessionId, session.sessionVersion)).toMatchObject({ ok: false });
    expect((await first(db.select().from(loginSessions).where(eq(loginSessions.id, session.sessionId))))?.endReason).toBe("revoked");
    expect(await passwordLinkFor(link.token)).toBeUndefined();
    expect(await setUserStatus(admin, f.users.managerB.id, "disabled")).toEqual({ ok: false, code: "conflict", message: "Manager B's account is already disabled" });
    expect(await actions("user.disable")).toHaveLength(1);

    expect((await setUserStatus(admin, f.users.managerB.id, "active")).ok).toBe(true);
    expect((await userRow(f.users.managerB.id)).status).toBe("active");
    expect(await setUserStatus(admin, f.users.managerB.id, "active")).toEqual({ ok: false, code: "conflict", message: "Manager B's account is already active" });
    expect(await actions("user.enable")).toHaveLength(1);
  });

  it("refuses the admin's own account and a leaver's login", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    expect(await setUserStatus(admin, admin.id, "disabled")).toMatchObject({ ok: false, message: expect.stringMatching(/your own account/) });
    expect((await recordLeaving(asSession(f.users.managerA), f.workers.workerA.id, { leftOn: "2026-10-31", reason: "Retired" })).ok).toBe(true);
    expect(await setUserStatus(admin, f.users.workerUserA.id, "active")).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect((await userRow(f.users.workerUserA.id)).status).toBe("disabled");
  });
});

describe("resetting a password", () => {
  it("stops the old password at once, signs them out, and gives a reset link", async () => {
    const f = await twoTeams();
    await db.update(users).set({ passwordHash: "$argon2id$old" }).where(eq(users.id, f.users.lead.id));
    const session = (await startLoginSession(f.users.lead.id, "password"))!;
    const result = await resetPassword(asSession(f.users.admin), f.users.lead.id);
    if (!result.ok) throw new Error(result.message);
    expect(result.purpose).toBe("reset");
    expect((await userRow(f.users.lead.id)).passwordHash).toBeNull();
    expect(await resolveSession(session.sessionId, session.sessionVersion)).toMatchObject({ ok: false });
    expect((await redeemPasswordLink(result.token, "$argon2id$new")).ok).toBe(true);
    expect(JSON.parse((await actions("user.password_link"))[0]!.summary)).toMatchObject({ purpose: "reset" });
  });

  it("refuses the admin's own password, a disabled account, and non-admins", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    expect(await resetPassword(admin, admin.id)).toMatchObject({ ok: false });
    await setUserStatus(admin, f.users.lead.id, "disabled");
    expect(await resetPassword(admin, f.users.lead.id)).toMatchObject({ ok: false, message: expect.stringMatching(/^Re-enable/) });
    expect(await resetPassword(asSession(f.users.managerA), f.users.managerB.id)).toEqual({ ok: false, code: "not_found", message: "User not found" });
    expect(await db.select().from(passwordTokens)).toEqual([]);
  });
});

describe("a worker's own login", () => {
  it("lets their manager create it, linked to their record, as a support worker", async () => {
    const f = await twoTeams();
    const worker = f.workers.lineManagedOnly;
    const result = await giveWorkerLogin(asSession(f.users.managerA), worker.id, { email: "New.Worker@test.nhs.uk" });
    if (!result.ok) throw new Error(result.message);
    expect(await userRow(result.userId)).toMatchObject({ role: "support_worker", email: "new.worker@test.nhs.uk", name: `${worker.firstName} ${worker.lastName}` });
    expect((await first(db.select().from(workers).where(eq(workers.id, worker.id))))?.userId).toBe(result.userId);
    expect((await actions("user.create"))[0]).toMatchObject({ actorId: f.users.managerA.id, workerId: worker.id });
    expect((await passwordLinkFor(result.token))?.purpose).toBe("set");
    expect((await workerLoginTarget(asSession(f.users.managerA), worker.id))?.login).toMatchObject({ email: "new.worker@test.nhs.uk", passwordSet: false });
  });

  it("refuses another team's manager, a lead, a support worker, and changes nothing", async () => {
    const f = await twoTeams();
    const before = await everything();
    for (const who of [f.users.managerB, f.users.lead, f.users.workerUserA, f.users.otherLead]) {
      expect(await giveWorkerLogin(asSession(who), f.workers.workerA.id, { email: "x@test.nhs.uk" })).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    }
    const unlinked = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id });
    expect(await giveWorkerLogin(asSession(f.users.managerB), unlinked.id, { email: "x@test.nhs.uk" })).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    expect(await workerLoginTarget(asSession(f.users.managerB), unlinked.id)).toBeUndefined();
    expect(await workerLoginTarget(asSession(f.users.lead), unlinked.id)).toBeUndefined();
    expect({ ...await everything(), workers: before.workers }).toEqual(before);
    expect((await first(db.select().from(workers).where(eq(workers.id, unlinked.id))))?.userId).toBeNull();
  });

  it("says so when the worker already has a login, has left, or the email is taken", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    expect(await giveWorkerLogin(admin, f.workers.workerB.id, { email: "x@test.nhs.uk" })).toEqual({
      ok: false,
      code: "conflict",
      message: `${f.workers.workerB.firstName} ${f.workers.workerB.lastName} already has a login (${f.users.workerUserB.email})`,
    });
    const leaver = await makeWorker(f.org.id, f.ref, { teamId: f.teamB.id, status: "left" });
    expect(await giveWorkerLogin(admin, leaver.id, { email: "x@test.nhs.uk" })).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect(await giveWorkerLogin(admin, f.workers.lineManagedOnly.id, { email: f.users.managerA.email })).toEqual({
      ok: false,
      code: "conflict",
      field: "email",
      message: "A user with this email already exists",
    });
    expect((await first(db.select().from(workers).where(eq(workers.id, f.workers.lineManagedOnly.id))))?.userId).toBeNull();
  });

  it("gives a fresh link for a login never used, and refuses once a password is set", async () => {
    const f = await twoTeams();
    const manager = asSession(f.users.managerA);
    const first = await giveWorkerLogin(manager, f.workers.lineManagedOnly.id, { email: "w@test.nhs.uk" });
    if (!first.ok) throw new Error(first.message);
    const second = await reissueWorkerLink(manager, f.workers.lineManagedOnly.id);
    if (!second.ok) throw new Error(second.message);
    expect(await passwordLinkFor(first.token)).toBeUndefined();
    expect((await redeemPasswordLink(second.token, "$argon2id$x")).ok).toBe(true);
    expect(await reissueWorkerLink(manager, f.workers.lineManagedOnly.id)).toMatchObject({ ok: false, message: expect.stringMatching(/already set a password/) });
    expect(await reissueWorkerLink(asSession(f.users.managerB), f.workers.workerA.id)).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
  });
});

describe("the users list and history", () => {
  it("searches by name or email and filters by role and status, within the organisation, for admins only", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const all = await listUsers(admin, parseUserFilters({}));
    expect(all.total).toBe(6); // not the other organisation's lead
    expect(all.rows.find((r) => r.id === f.users.workerUserA.id)).toMatchObject({ workerId: f.workers.workerA.id });
    expect((await listUsers(admin, parseUserFilters({ q: "manager a" }))).rows.map((r) => r.id)).toEqual([f.users.managerA.id]);
    expect((await listUsers(admin, parseUserFilters({ q: f.users.lead.email.toUpperCase() }))).rows.map((r) => r.id)).toEqual([f.users.lead.id]);
    expect((await listUsers(admin, parseUserFilters({ role: "manager" }))).total).toBe(2);
    await setUserStatus(admin, f.users.managerB.id, "disabled");
    expect((await listUsers(admin, parseUserFilters({ status: "disabled" }))).rows.map((r) => r.id)).toEqual([f.users.managerB.id]);
    expect((await listUsers(admin, parseUserFilters({ q: "%" }))).total).toBe(0);
    expect((await listUsers(asSession(f.users.lead), parseUserFilters({}))).total).toBe(0);
    expect(parseUserFilters({ role: "emperor", status: "gone", page: "-1" })).toEqual({ q: undefined, role: undefined, status: undefined, page: 1 });
  });

  it("shows a user's history, newest first", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    await changeUserRole(admin, f.users.lead.id, "manager");
    await setUserStatus(admin, f.users.lead.id, "disabled");
    expect((await userHistory(admin, f.users.lead.id)).map((e) => e.action)).toEqual(["user.disable", "user.role_change"]);
    expect(await userHistory(asSession(f.users.otherLead), f.users.lead.id)).toEqual([]);
  });
});

describe("the user actions", () => {
  let f: Awaited<ReturnType<typeof twoTeams>>;
  beforeEach(async () => {
    f = await twoTeams();
  });

  it("addUserAction: an admin gets the link to show; a lead and a manager get 404 and nothing is written", async () => {
    const { addUserAction } = await import("@/app/(app)/admin/users/actions");
    const form = () => formData({ name: "Jo Bloggs", email: "jo.bloggs@test.nhs.uk", role: "manager" });
    const before = await everything();
    for (const who of [f.users.lead, f.users.managerA, f.users.workerUserA]) {
      actAs(asSession(who));
      await expect(addUserAction({}, form())).rejects.toThrow(NOT_FOUND);
    }
    expect(await everything()).toEqual(before);

    actAs(asSession(f.users.admin));
    const state = await addUserAction({}, form());
    expect(state).toMatchObject({ ok: true, message: "Login created for Jo Bloggs", link: { email: "jo.bloggs@test.nhs.uk", name: "Jo Bloggs", emailed: "not_configured" } });
    const token = state.link!.url!.replace(`${APP}/set-password/`, "");
    expect((await passwordLinkFor(token))?.email).toBe("jo.bloggs@test.nhs.uk");
  });

  it("addUserAction: bad input comes back with specific messages and what was typed", async () => {
    const { addUserAction } = await import("@/app/(app)/admin/users/actions");
    actAs(asSession(f.users.admin));
    const state = await addUserAction({}, formData({ name: "  ", email: "not-an-email", role: "support_worker" }));
    expect(state.fieldErrors).toEqual({
      name: "Enter their full name",
      email: "Enter an email address in the correct format, like name@nhs.net",
      role: "Select a role",
    });
    expect(state.values).toMatchObject({ email: "not-an-email" });
    const long = await addUserAction({}, formData({ name: "x".repeat(121), email: `${"a".repeat(250)}@x.uk`, role: "lead" }));
    expect(long.fieldErrors).toMatchObject({ name: "Name must be 120 characters or fewer", email: "Email address must be 254 characters or fewer" });
    const dup = await addUserAction({}, formData({ name: "Dup", email: f.users.managerA.email, role: "lead" }));
    expect(dup.fieldErrors).toEqual({ email: "A user with this email already exists" });
    expect(dup.values).toMatchObject({ name: "Dup" });
  });

  it("changeUserRoleAction, changeUserStatusAction, issuePasswordLinkAction: an admin changes; a lead gets 404 and nothing changes", async () => {
    const { changeUserRoleAction, changeUserStatusAction, issuePasswordLinkAction } = await import("@/app/(app)/admin/users/actions");
    const target = f.users.managerB.id;
    const before = await everything();
    actAs(asSession(f.users.lead));
    await expect(changeUserRoleAction(target, {}, formData({ role: "admin" }))).rejects.toThrow(NOT_FOUND);
    await expect(changeUserStatusAction(target, {}, formData({ status: "disabled" }))).rejects.toThrow(NOT_FOUND);
    await expect(issuePasswordLinkAction(target, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(await everything()).toEqual(before);

    actAs(asSession(f.users.admin));
    expect(await changeUserRoleAction(target, {}, formData({ role: "wizard" }))).toMatchObject({ ok: false, fieldErrors: { role: "Select a role" } });
    expect(await changeUserRoleAction(target, {}, formData({ role: "lead" }))).toMatchObject({ ok: true });
    expect(await changeUserStatusAction(target, {}, formData({ status: "disabled" }))).toMatchObject({ ok: true });
    expect(await changeUserStatusAction(target, {}, formData({ status: "disabled" }))).toMatchObject({ ok: false, message: "Manager B's account is already disabled" });
    expect(await issuePasswordLinkAction(target, {}, formData({}))).toMatchObject({ ok: false, message: expect.stringMatching(/^Re-enable/) });
    await changeUserStatusAction(target, {}, formData({ status: "active" }));
    expect(await issuePasswordLinkAction(target, {}, formData({}))).toMatchObject({ ok: true, link: { url: expect.stringContaining(`${APP}/set-password/`) } });
    await expect(changeUserRoleAction("no-such-user", {}, formData({ role: "lead" }))).rejects.toThrow(NOT_FOUND);
    expect(await userRow(target)).toMatchObject({ role: "lead", status: "active" });
  });

  it("createWorkerLoginAction: the worker's manager creates it but never sees the link; an administrator does; others get 404", async () => {
    const { createWorkerLoginAction, renewWorkerLinkAction } = await import("@/app/(app)/workers/[id]/login/actions");
    const id = f.workers.lineManagedOnly.id;
    const before = await everything();
    actAs(asSession(f.users.workerUserA));
    await expect(createWorkerLoginAction(id, {}, formData({ email: "w@test.nhs.uk" }))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.lead));
    await expect(createWorkerLoginAction(id, {}, formData({ email: "w@test.nhs.uk" }))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.managerB));
    await expect(createWorkerLoginAction(f.workers.workerA.id, {}, formData({ email: "w@test.nhs.uk" }))).rejects.toThrow(NOT_FOUND);
    await expect(renewWorkerLinkAction(f.workers.workerA.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(await everything()).toEqual(before);

    actAs(asSession(f.users.managerA));
    expect(await createWorkerLoginAction(id, {}, formData({ email: "" }))).toMatchObject({ ok: false, fieldErrors: { email: "Enter an email address" } });
    const state = await createWorkerLoginAction(id, {}, formData({ email: "w@test.nhs.uk" }));
    // No SMTP here: the link goes nowhere the manager can see, and they are told an administrator gives it.
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(/an administrator gives .* their set-password link/), link: { email: "w@test.nhs.uk", emailed: "not_configured" } });
    expect(state.link).not.toHaveProperty("url");
    expect(JSON.stringify(state)).not.toContain("/set-password/");
    expect(await createWorkerLoginAction(id, {}, formData({ email: "w2@test.nhs.uk" }))).toMatchObject({ ok: false, message: expect.stringMatching(/already has a login/) });
    const renewed = await renewWorkerLinkAction(id, {}, formData({}));
    expect(renewed).toMatchObject({ ok: true });
    expect(JSON.stringify(renewed)).not.toContain("/set-password/");

    // An administrator issuing the link sees it, once; the one the manager's action issued no longer works.
    actAs(asSession(f.users.admin));
    const forAdmin = await renewWorkerLinkAction(id, {}, formData({}));
    expect(forAdmin).toMatchObject({ ok: true, link: { url: expect.stringContaining(`${APP}/set-password/`) } });
    expect((await passwordLinkFor(forAdmin.link!.url!.replace(`${APP}/set-password/`, "")))?.email).toBe("w@test.nhs.uk");
  });
});
