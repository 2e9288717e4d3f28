// Logins: the administrator's user management and a worker's own login. Every change is audited, and role changes,
// disabling and password resets sign the user out on their next request.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
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

const userRow = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!;
const actions = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action)).all();
const everything = () => ({
  users: db.select().from(users).all(),
  workers: db.select().from(workers).all(),
  tokens: db.select().from(passwordTokens).all(),
  audit: db.select().from(auditEvents).all().length,
});

describe("creating a user", () => {
  it("adds the login with no password, a one-time link and an audit row", () => {
    const f = twoTeams();
    const admin = asSession(f.users.admin);
    const result = createUser(admin, { name: "Priya Shah", email: "Priya.Shah@Test.NHS.uk", role: "lead" });
    if (!result.ok) throw new Error(result.message);
    expect(userRow(result.userId)).toMatchObject({ email: "priya.shah@test.nhs.uk", role: "lead", status: "active", passwordHash: null, orgId: f.org.id });
    expect(passwordLinkFor(result.token)).toEqual({ name: "Priya Shah", email: "priya.shah@test.nhs.uk", purpose: "set" });
    expect(result.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    expect(actions("user.create")).toMatchObject([{ actorId: admin.id, entityId: result.userId, summary: JSON.stringify({ role: "lead" }) }]);
  });

  it("refuses an email already in use, whatever its case, and anyone but an admin", () => {
    const f = twoTeams();
    const before = everything();
    expect(createUser(asSession(f.users.admin), { name: "X", email: f.users.lead.email.toUpperCase(), role: "lead" })).toEqual({
      ok: false,
      code: "conflict",
      field: "email",
      message: "A user with this email already exists",
    });
    expect(createUser(asSession(f.users.managerA), { name: "X", email: "new@test.nhs.uk", role: "admin" })).toMatchObject({ ok: false });
    expect(createUser(asSession(f.users.lead), { name: "X", email: "new@test.nhs.uk", role: "admin" })).toMatchObject({ ok: false });
    expect(everything()).toEqual(before);
  });
});

describe("creating a manager with their teams", () => {
  const managersOf = (teamId: string) =>
    db.select({ userId: teamManagers.userId }).from(teamManagers).where(eq(teamManagers.teamId, teamId)).all().map((r) => r.userId);

  it("makes them a manager of the chosen teams, so they see those teams' workers, and audits it", () => {
    const f = twoTeams();
    const result = createUser(asSession(f.users.admin), { name: "Sam Okafor", email: "sam.okafor@test.nhs.uk", role: "manager", teamIds: [f.teamA.id, f.teamB.id] });
    if (!result.ok) throw new Error(result.message);
    expect(managersOf(f.teamA.id)).toContain(result.userId);
    expect(managersOf(f.teamB.id)).toContain(result.userId);
    expect(actions("user.create")).toMatchObject([{ entityId: result.userId, summary: JSON.stringify({ role: "manager", teams: [f.teamA.id, f.teamB.id] }) }]);
  });

  it("refuses another organisation's team, an archived one, and teams for anyone but a manager, writing nothing", () => {
    const f = twoTeams();
    const other = db.select({ teamId: workers.teamId }).from(workers).where(eq(workers.id, f.workers.otherOrgWorker.id)).get()!.teamId;
    db.update(teams).set({ archivedAt: new Date() }).where(eq(teams.id, f.teamB.id)).run();
    const before = everything();
    const add = (role: "manager" | "lead", teamIds: string[]) => createUser(asSession(f.users.admin), { name: "Sam Okafor", email: "sam.okafor@test.nhs.uk", role, teamIds });
    expect(add("manager", [f.teamA.id, other])).toEqual({ ok: false, code: "invalid", field: "teamIds", message: "Select teams from the list" });
    expect(add("manager", [f.teamB.id])).toMatchObject({ ok: false, field: "teamIds" });
    expect(add("lead", [f.teamA.id])).toEqual({ ok: false, code: "invalid", field: "teamIds", message: "Only managers manage teams" });
    expect(everything()).toEqual(before);
    expect(managersOf(f.teamA.id)).toEqual([f.users.managerA.id]);
  });

  it("addUserAction: a manager's ticked teams are kept; ticks left when another role is chosen are dropped", async () => {
    const { addUserAction } = await import("@/app/(app)/admin/users/actions");
    const f = twoTeams();
    actAs(asSession(f.users.admin));
    const form = (email: string, role: string) => {
      const data = formData({ name: "Sam Okafor", email, role });
      for (const id of [f.teamA.id, f.teamB.id]) data.append("teamIds", id);
      return data;
    };
    expect(await addUserAction({}, form("sam.manager@test.nhs.uk", "manager"))).toMatchObject({ ok: true });
    expect(await addUserAction({}, form("sam.lead@test.nhs.uk", "lead"))).toMatchObject({ ok: true });
    const byEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get()!.id;
    expect(managersOf(f.teamB.id).sort()).toEqual([f.users.managerB.id, byEmail("sam.manager@test.nhs.uk")].sort());
    expect(managersOf(f.teamA.id)).not.toContain(byEmail("sam.lead@test.nhs.uk"));
  });
});

describe("changing a role", () => {
  it("bumps the session version, so resolveSession refuses the session they had", () => {
    const f = twoTeams();
    const session = startLoginSession(f.users.lead.id, "password")!;
    expect(resolveSession(session.sessionId, session.sessionVersion).ok).toBe(true);

    expect(changeUserRole(asSession(f.users.admin), f.users.lead.id, "manager")).toEqual({ ok: true, userId: f.users.lead.id });
    expect(userRow(f.users.lead.id)).toMatchObject({ role: "manager", sessionVersion: session.sessionVersion + 1 });
    expect(resolveSession(session.sessionId, session.sessionVersion)).toMatchObject({ ok: false });
    const audit = actions("user.role_change")[0]!;
    expect(JSON.parse(audit.summary)).toEqual({ from: "lead", to: "manager" });

    // A new sign-in gets the new role.
    const again = startLoginSession(f.users.lead.id, "password")!;
    expect(resolveSession(again.sessionId, again.sessionVersion)).toMatchObject({ ok: true, user: { role: "manager" } });
  });

  it("takes a former manager off the teams they managed", () => {
    const f = twoTeams();
    expect(changeUserRole(asSession(f.users.admin), f.users.managerA.id, "lead").ok).toBe(true);
    expect(db.select().from(teamManagers).where(eq(teamManagers.userId, f.users.managerA.id)).all()).toEqual([]);
    expect(JSON.parse(actions("user.role_change")[0]!.summary)).toEqual({ from: "manager", to: "lead", noLongerManages: [f.teamA.id] });
  });

  it("refuses the admin's own role, the same role, support worker without a worker record, and other organisations", () => {
    const f = twoTeams();
    const admin = asSession(f.users.admin);
    const before = everything();
    expect(changeUserRole(admin, admin.id, "lead")).toMatchObject({ ok: false, field: "role", message: expect.stringMatching(/your own role/) });
    expect(changeUserRole(admin, f.users.lead.id, "lead")).toMatchObject({ ok: false, message: `${f.users.lead.name} is already a lead` });
    expect(changeUserRole(admin, f.users.lead.id, "support_worker")).toMatchObject({ ok: false, field: "role", message: expect.stringMatching(/worker record/) });
    expect(changeUserRole(admin, f.users.otherLead.id, "admin")).toEqual({ ok: false, code: "not_found", message: "User not found" });
    expect(changeUserRole(asSession(f.users.managerA), f.users.lead.id, "admin")).toEqual({ ok: false, code: "not_found", message: "User not found" });
    expect(everything()).toEqual(before);
  });

  it("never leaves the organisation without an active administrator", () => {
    const f = twoTeams();
    const second = makeUser(f.org.id, "admin", "Second Admin");
    // The second admin's request passed its checks just before the first admin disabled them.
    expect(setUserStatus(asSession(f.users.admin), second.id, "disabled").ok).toBe(true);
    const result = changeUserRole(asSession(second), f.users.admin.id, "lead");
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/only active administrator/) });
    expect(setUserStatus(asSession(second), f.users.admin.id, "disabled")).toMatchObject({ ok: false, message: expect.stringMatching(/only active administrator/) });
    expect(userRow(f.users.admin.id)).toMatchObject({ role: "admin", status: "active" });
  });
});

describe("disabling and re-enabling", () => {
  it("signs them out at once, kills their unused links, and says so when done twice", () => {
    const f = twoTeams();
    const admin = asSession(f.users.admin);
    const session = startLoginSession(f.users.managerB.id, "password")!;
    const link = resetPassword(admin, f.users.managerB.id);
    if (!link.ok) throw new Error(link.message);

    expect(setUserStatus(admin, f.users.managerB.id, "disabled").ok).toBe(true);
    expect(resolveSession(session.sessionId, session.sessionVersion)).toMatchObject({ ok: false });
    expect(db.select().from(loginSessions).where(eq(loginSessions.id, session.sessionId)).get()?.endReason).toBe("revoked");
    expect(passwordLinkFor(link.token)).toBeUndefined();
    expect(setUserStatus(admin, f.users.managerB.id, "disabled")).toEqual({ ok: false, code: "conflict", message: "Manager B's account is already disabled" });
    expect(actions("user.disable")).toHaveLength(1);

    expect(setUserStatus(admin, f.users.managerB.id, "active").ok).toBe(true);
    expect(userRow(f.users.managerB.id).status).toBe("active");
    expect(setUserStatus(admin, f.users.managerB.id, "active")).toEqual({ ok: false, code: "conflict", message: "Manager B's account is already active" });
    expect(actions("user.enable")).toHaveLength(1);
  });

  it("refuses the admin's own account and a leaver's login", () => {
    const f = twoTeams();
    const admin = asSession(f.users.admin);
    expect(setUserStatus(admin, admin.id, "disabled")).toMatchObject({ ok: false, message: expect.stringMatching(/your own account/) });
    expect(recordLeaving(asSession(f.users.managerA), f.workers.workerA.id, { leftOn: "2026-10-31", reason: "Retired" }).ok).toBe(true);
    expect(setUserStatus(admin, f.users.workerUserA.id, "active")).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect(userRow(f.users.workerUserA.id).status).toBe("disabled");
  });
});

describe("resetting a password", () => {
  it("stops the old password at once, signs them out, and gives a reset link", () => {
    const f = twoTeams();
    db.update(users).set({ passwordHash: "$argon2id$old" }).where(eq(users.id, f.users.lead.id)).run();
    const session = startLoginSession(f.users.lead.id, "password")!;
    const result = resetPassword(asSession(f.users.admin), f.users.lead.id);
    if (!result.ok) throw new Error(result.message);
    expect(result.purpose).toBe("reset");
    expect(userRow(f.users.lead.id).passwordHash).toBeNull();
    expect(resolveSession(session.sessionId, session.sessionVersion)).toMatchObject({ ok: false });
    expect(redeemPasswordLink(result.token, "$argon2id$new").ok).toBe(true);
    expect(JSON.parse(actions("user.password_link")[0]!.summary)).toMatchObject({ purpose: "reset" });
  });

  it("refuses the admin's own password, a disabled account, and non-admins", () => {
    const f = twoTeams();
    const admin = asSession(f.users.admin);
    expect(resetPassword(admin, admin.id)).toMatchObject({ ok: false });
    setUserStatus(admin, f.users.lead.id, "disabled");
    expect(resetPassword(admin, f.users.lead.id)).toMatchObject({ ok: false, message: expect.stringMatching(/^Re-enable/) });
    expect(resetPassword(asSession(f.users.managerA), f.users.managerB.id)).toEqual({ ok: false, code: "not_found", message: "User not found" });
    expect(db.select().from(passwordTokens).all()).toEqual([]);
  });
});

describe("a worker's own login", () => {
  it("lets their manager create it, linked to their record, as a support worker", () => {
    const f = twoTeams();
    const worker = f.workers.lineManagedOnly;
    const result = giveWorkerLogin(asSession(f.users.managerA), worker.id, { email: "New.Worker@test.nhs.uk" });
    if (!result.ok) throw new Error(result.message);
    expect(userRow(result.userId)).toMatchObject({ role: "support_worker", email: "new.worker@test.nhs.uk", name: `${worker.firstName} ${worker.lastName}` });
    expect(db.select().from(workers).where(eq(workers.id, worker.id)).get()?.userId).toBe(result.userId);
    expect(actions("user.create")[0]).toMatchObject({ actorId: f.users.managerA.id, workerId: worker.id });
    expect(passwordLinkFor(result.token)?.purpose).toBe("set");
    expect(workerLoginTarget(asSession(f.users.managerA), worker.id)?.login).toMatchObject({ email: "new.worker@test.nhs.uk", passwordSet: false });
  });

  it("refuses another team's manager, a lead, a support worker, and changes nothing", () => {
    const f = twoTeams();
    const before = everything();
    for (const who of [f.users.managerB, f.users.lead, f.users.workerUserA, f.users.otherLead]) {
      expect(giveWorkerLogin(asSession(who), f.workers.workerA.id, { email: "x@test.nhs.uk" })).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    }
    const unlinked = makeWorker(f.org.id, f.ref, { teamId: f.teamA.id });
    expect(giveWorkerLogin(asSession(f.users.managerB), unlinked.id, { email: "x@test.nhs.uk" })).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
    expect(workerLoginTarget(asSession(f.users.managerB), unlinked.id)).toBeUndefined();
    expect(workerLoginTarget(asSession(f.users.lead), unlinked.id)).toBeUndefined();
    expect({ ...everything(), workers: before.workers }).toEqual(before);
    expect(db.select().from(workers).where(eq(workers.id, unlinked.id)).get()?.userId).toBeNull();
  });

  it("says so when the worker already has a login, has left, or the email is taken", () => {
    const f = twoTeams();
    const admin = asSession(f.users.admin);
    expect(giveWorkerLogin(admin, f.workers.workerB.id, { email: "x@test.nhs.uk" })).toEqual({
      ok: false,
      code: "conflict",
      message: `${f.workers.workerB.firstName} ${f.workers.workerB.lastName} already has a login (${f.users.workerUserB.email})`,
    });
    const leaver = makeWorker(f.org.id, f.ref, { teamId: f.teamB.id, status: "left" });
    expect(giveWorkerLogin(admin, leaver.id, { email: "x@test.nhs.uk" })).toMatchObject({ ok: false, message: expect.stringMatching(/has left/) });
    expect(giveWorkerLogin(admin, f.workers.lineManagedOnly.id, { email: f.users.managerA.email })).toEqual({
      ok: false,
      code: "conflict",
      field: "email",
      message: "A user with this email already exists",
    });
    expect(db.select().from(workers).where(eq(workers.id, f.workers.lineManagedOnly.id)).get()?.userId).toBeNull();
  });

  it("gives a fresh link for a login never used, and refuses once a password is set", () => {
    const f = twoTeams();
    const manager = asSession(f.users.managerA);
    const first = giveWorkerLogin(manager, f.workers.lineManagedOnly.id, { email: "w@test.nhs.uk" });
    if (!first.ok) throw new Error(first.message);
    const second = reissueWorkerLink(manager, f.workers.lineManagedOnly.id);
    if (!second.ok) throw new Error(second.message);
    expect(passwordLinkFor(first.token)).toBeUndefined();
    expect(redeemPasswordLink(second.token, "$argon2id$x").ok).toBe(true);
    expect(reissueWorkerLink(manager, f.workers.lineManagedOnly.id)).toMatchObject({ ok: false, message: expect.stringMatching(/already set a password/) });
    expect(reissueWorkerLink(asSession(f.users.managerB), f.workers.workerA.id)).toEqual({ ok: false, code: "not_found", message: "Worker not found" });
  });
});

describe("the users list and history", () => {
  it("searches by name or email and filters by role and status, within the organisation, for admins only", () => {
    const f = twoTeams();
    const admin = asSession(f.users.admin);
    const all = listUsers(admin, parseUserFilters({}));
    expect(all.total).toBe(6); // not the other organisation's lead
    expect(all.rows.find((r) => r.id === f.users.workerUserA.id)).toMatchObject({ workerId: f.workers.workerA.id });
    expect(listUsers(admin, parseUserFilters({ q: "manager a" })).rows.map((r) => r.id)).toEqual([f.users.managerA.id]);
    expect(listUsers(admin, parseUserFilters({ q: f.users.lead.email.toUpperCase() })).rows.map((r) => r.id)).toEqual([f.users.lead.id]);
    expect(listUsers(admin, parseUserFilters({ role: "manager" })).total).toBe(2);
    setUserStatus(admin, f.users.managerB.id, "disabled");
    expect(listUsers(admin, parseUserFilters({ status: "disabled" })).rows.map((r) => r.id)).toEqual([f.users.managerB.id]);
    expect(listUsers(admin, parseUserFilters({ q: "%" })).total).toBe(0);
    expect(listUsers(asSession(f.users.lead), parseUserFilters({})).total).toBe(0);
    expect(parseUserFilters({ role: "emperor", status: "gone", page: "-1" })).toEqual({ q: undefined, role: undefined, status: undefined, page: 1 });
  });

  it("shows a user's history, newest first", () => {
    const f = twoTeams();
    const admin = asSession(f.users.admin);
    changeUserRole(admin, f.users.lead.id, "manager");
    setUserStatus(admin, f.users.lead.id, "disabled");
    expect(userHistory(admin, f.users.lead.id).map((e) => e.action)).toEqual(["user.disable", "user.role_change"]);
    expect(userHistory(asSession(f.users.otherLead), f.users.lead.id)).toEqual([]);
  });
});

describe("the user actions", () => {
  let f: ReturnType<typeof twoTeams>;
  beforeEach(() => {
    f = twoTeams();
  });

  it("addUserAction: an admin gets the link to show; a lead and a manager get 404 and nothing is written", async () => {
    const { addUserAction } = await import("@/app/(app)/admin/users/actions");
    const form = () => formData({ name: "Jo Bloggs", email: "jo.bloggs@test.nhs.uk", role: "manager" });
    const before = everything();
    for (const who of [f.users.lead, f.users.managerA, f.users.workerUserA]) {
      actAs(asSession(who));
      await expect(addUserAction({}, form())).rejects.toThrow(NOT_FOUND);
    }
    expect(everything()).toEqual(before);

    actAs(asSession(f.users.admin));
    const state = await addUserAction({}, form());
    expect(state).toMatchObject({ ok: true, message: "Login created for Jo Bloggs", link: { email: "jo.bloggs@test.nhs.uk", name: "Jo Bloggs", emailed: "not_configured" } });
    const token = state.link!.url!.replace(`${APP}/set-password/`, "");
    expect(passwordLinkFor(token)?.email).toBe("jo.bloggs@test.nhs.uk");
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
    const before = everything();
    actAs(asSession(f.users.lead));
    await expect(changeUserRoleAction(target, {}, formData({ role: "admin" }))).rejects.toThrow(NOT_FOUND);
    await expect(changeUserStatusAction(target, {}, formData({ status: "disabled" }))).rejects.toThrow(NOT_FOUND);
    await expect(issuePasswordLinkAction(target, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(everything()).toEqual(before);

    actAs(asSession(f.users.admin));
    expect(await changeUserRoleAction(target, {}, formData({ role: "wizard" }))).toMatchObject({ ok: false, fieldErrors: { role: "Select a role" } });
    expect(await changeUserRoleAction(target, {}, formData({ role: "lead" }))).toMatchObject({ ok: true });
    expect(await changeUserStatusAction(target, {}, formData({ status: "disabled" }))).toMatchObject({ ok: true });
    expect(await changeUserStatusAction(target, {}, formData({ status: "disabled" }))).toMatchObject({ ok: false, message: "Manager B's account is already disabled" });
    expect(await issuePasswordLinkAction(target, {}, formData({}))).toMatchObject({ ok: false, message: expect.stringMatching(/^Re-enable/) });
    await changeUserStatusAction(target, {}, formData({ status: "active" }));
    expect(await issuePasswordLinkAction(target, {}, formData({}))).toMatchObject({ ok: true, link: { url: expect.stringContaining(`${APP}/set-password/`) } });
    await expect(changeUserRoleAction("no-such-user", {}, formData({ role: "lead" }))).rejects.toThrow(NOT_FOUND);
    expect(userRow(target)).toMatchObject({ role: "lead", status: "active" });
  });

  it("createWorkerLoginAction: the worker's manager creates it but never sees the link; an administrator does; others get 404", async () => {
    const { createWorkerLoginAction, renewWorkerLinkAction } = await import("@/app/(app)/workers/[id]/login/actions");
    const id = f.workers.lineManagedOnly.id;
    const before = everything();
    actAs(asSession(f.users.workerUserA));
    await expect(createWorkerLoginAction(id, {}, formData({ email: "w@test.nhs.uk" }))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.lead));
    await expect(createWorkerLoginAction(id, {}, formData({ email: "w@test.nhs.uk" }))).rejects.toThrow(NOT_FOUND);
    actAs(asSession(f.users.managerB));
    await expect(createWorkerLoginAction(f.workers.workerA.id, {}, formData({ email: "w@test.nhs.uk" }))).rejects.toThrow(NOT_FOUND);
    await expect(renewWorkerLinkAction(f.workers.workerA.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(everything()).toEqual(before);

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
    expect(passwordLinkFor(forAdmin.link!.url!.replace(`${APP}/set-password/`, ""))?.email).toBe("w@test.nhs.uk");
  });
});
