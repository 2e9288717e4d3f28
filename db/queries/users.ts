import "server-only";
// Logins: the administrator's user management, and giving a support worker a login from their record. Every change
// is audited in its transaction, and a change that must take effect at once (role, disabling, a password reset)
// signs the user out everywhere (db/sessions.ts).
import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { caseless, never } from "../dialect";
import { db, type DB, first, one, isUniqueViolation } from "../client";
import { users, workers, auditEvents, teamManagers, teams } from "../schema";
import { editableWorkers } from "../access";
import { audit } from "../audit";
import { signOutEverywhere } from "../sessions";
import { issuePasswordLink, expireOpenLinks, type IssuedLink } from "./password-links";
import { roleWords, type Role, type UserStatus } from "../../lib/vocabulary";
import { USERS_PAGE_SIZE, type UserFilters } from "../../lib/forms/user";
import type { SessionUser } from "../../lib/session-user";
import { type Refusal, type Result } from "../result";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export type UserChange = Result<{ userId: string }>;
export type LinkChange = Result<{ userId: string; name: string; email: string; purpose: "set" | "reset" } & IssuedLink>;

const NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "User not found" };
const EMAIL_TAKEN: Refusal = { ok: false, code: "conflict", field: "email", message: "A user with this email already exists" };

/** Users of the admin's organisation; nobody's for anyone else. */
function administeredBy(user: SessionUser): SQL {
  return user.role === "admin" ? eq(users.orgId, user.orgId) : never;
}

const workerName = sql<string>`${workers.firstName} || ' ' || ${workers.lastName}`;

function userRows() {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
      passwordSet: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean),
      workerId: workers.id,
      workerName,
      workerStatus: workers.status,
    })
    .from(users)
    .leftJoin(workers, eq(workers.userId, users.id));
}

/** One page of the organisation's users, searched by name or email and filtered by role and status. */
export async function listUsers(admin: SessionUser, f: UserFilters) {
  const conditions: (SQL | undefined)[] = [administeredBy(admin)];
  if (f.role) conditions.push(eq(users.role, f.role));
  if (f.status) conditions.push(eq(users.status, f.status));
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`lower(${users.name}) like ${like} escape '\\'`, sql`${users.email} like ${like} escape '\\'`));
  }
  const where = and(...conditions);
  const total = (await first(db.select({ n: sql<number>`count(*)` }).from(users).where(where)))?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const rows = await userRows()
    .where(where)
    .orderBy(caseless(users.name), asc(users.email))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE);
  return { rows, total, page, pages };
}

export async function userForAdmin(admin: SessionUser, userId: string) {
  return await first(userRows()
    .where(and(eq(users.id, userId), administeredBy(admin))));
}

/** The latest audit events about a user: created, role changes, disabling, links, sign-ins. */
export async function userHistory(admin: SessionUser, userId: string, limit = 20) {
  return await db
    .select({ seq: auditEvents.seq, at: auditEvents.at, actor: auditEvents.actorLabel, action: auditEvents.action, summary: auditEvents.summary })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.entityId))
    .where(and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, userId), administeredBy(admin)))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}

async function emailTaken(tx: Tx, email: string): Promise<boolean> {
  return !!await first(tx.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())));
}


/** Runs a transaction that creates a user; a race on the same email lands on the unique index and reads the same. */
async function creatingUser<T>(run: () => Promise<T | Refusal>): Promise<T | Refusal> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return EMAIL_TAKEN;
    throw error;
  }
}

/**
 * An administrator adds a login for a member of staff, with a one-time link to set its password; a manager with the
 * teams they manage (live teams of the organisation; none for any other role).
 */
export async function createUser(admin: SessionUser, input: { name: string; email: string; role: Role; teamIds?: readonly string[] }, now = new Date()): Promise<LinkChange> {
  if (admin.role !== "admin") return { ok: false, code: "read_only", message: "Only administrators add users" };
  const teamIds = [...new Set(input.teamIds ?? [])];
  if (teamIds.length > 0 && input.role !== "manager") return { ok: false, code: "invalid", field: "teamIds", message: "Only managers manage teams" };
  return await creatingUser(async () =>
    await db.transaction(async (tx): Promise<LinkChange> => {
      if (await emailTaken(tx, input.email)) return EMAIL_TAKEN;
      if (teamIds.length > 0) {
        const live = await tx
          .select({ id: teams.id })
          .from(teams)
          .where(and(inArray(teams.id, teamIds), eq(teams.orgId, admin.orgId), isNull(teams.archivedAt)));
        if (live.length !== teamIds.length) return { ok: false, code: "invalid", field: "teamIds", message: "Select teams from the list" };
      }
      const email = input.email.trim().toLowerCase();
      const user = await one(tx
        .insert(users)
        .values({ orgId: admin.orgId, email, name: input.name, role: input.role, passwordHash: null, createdAt: now, updatedAt: now })
        .returning({ id: users.id }));
      for (const teamId of teamIds) await tx.insert(teamManagers).values({ teamId, userId: user.id });
      await audit(tx, admin, { action: "user.create", entityType: "user", entityId: user.id, summary: teamIds.length ? { role: input.role, teams: teamIds } : { role: input.role } });
      const link = await issuePasswordLink(tx, admin, user.id, "set", now);
      return { ok: true, userId: user.id, name: input.name, email, purpose: "set", ...link };
    }),
  );
}

async function targetOf(tx: Tx, admin: SessionUser, userId: string) {
  if (admin.role !== "admin") return undefined;
  return await first(tx
    .select({ user: users, workerId: workers.id, workerStatus: workers.status })
    .from(users)
    .leftJoin(workers, eq(workers.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.orgId, admin.orgId))));
}

async function otherActiveAdmins(tx: Tx, orgId: string, exceptUserId: string): Promise<number> {
  return (
    (await first(tx
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, exceptUserId)))))?.n ?? 0
  );
}

const article = (role: Role) => (role === "admin" ? "an" : "a");

export async function changeUserRole(admin: SessionUser, userId: string, role: Role, now = new Date()): Promise<UserChange> {
  return await db.transaction(async (tx): Promise<UserChange> => {
    const target = await targetOf(tx, admin, userId);
    if (!target) return NOT_FOUND;
    const { user } = target;
    if (user.id === admin.id) return { ok: false, code: "invalid", field: "role", message: "You cannot change your own role. Ask another administrator to do it." };
    if (user.role === role) return { ok: false, code: "conflict", field: "role", message: `${user.name} is already ${article(role)} ${roleWords.label(role).toLowerCase()}` };
    if (role === "support_worker" && !target.workerId) {
      return {
        ok: false,
        code: "invalid",
        field: "role",
        message: "Only someone with a worker record can be a support worker: give them a login from their worker record instead",
      };
    }
    if (user.role === "admin" && user.status === "active" && await otherActiveAdmins(tx, user.orgId, user.id) === 0) {
      return { ok: false, code: "invalid", field: "role", message: `${user.name} is the only active administrator. Make someone else an administrator first.` };
    }
    await tx.update(users).set({ role }).where(eq(users.id, user.id));
    // Someone who is no longer a manager stops managing teams (and seeing their workers).
    const teamsLeft =
      user.role === "manager"
        ? (await tx.delete(teamManagers).where(eq(teamManagers.userId, user.id)).returning({ teamId: teamManagers.teamId })).map((r) => r.teamId)
        : [];
    await signOutEverywhere(tx, user.id, now);
    await audit(tx, admin, {
      action: "user.role_change",
      entityType: "user",
      entityId: user.id,
      workerId: target.workerId,
      summary: { from: user.role, to: role, ...(teamsLeft.length ? { noLongerManages: teamsLeft } : {}) },
    });
    return { ok: true, userId: user.id };
  });
}

export async function setUserStatus(admin: SessionUser, userId: string, status: UserStatus, now = new Date()): Promise<UserChange> {
  return await db.transaction(async (tx): Promise<UserChange> => {
    const target = await targetOf(tx, admin, userId);
    if (!target) return NOT_FOUND;
    const { user } = target;
    if (user.id === admin.id) return { ok: false, code: "invalid", message: "You cannot disable or re-enable your own account. Ask another administrator." };
    if (user.status === status) {
      return { ok: false, code: "conflict", message: status === "disabled" ? `${user.name}'s account is already disabled` : `${user.name}'s account is already active` };
    }
    if (status === "disabled" && user.role === "admin" && await otherActiveAdmins(tx, user.orgId, user.id) === 0) {
      return { ok: false, code: "invalid", message: `${user.name} is the only active administrator, so their account cannot be disabled` };
    }
    if (status === "active" && target.workerStatus === "left") {
      return { ok: false, code: "read_only", message: `${user.name} has left (recorded on their worker record), so their login stays disabled` };
    }
    await tx.update(users).set({ status }).where(eq(users.id, user.id));
    if (status === "disabled") {
      await signOutEverywhere(tx, user.id, now);
      await expireOpenLinks(tx, user.id, now);
    }
    await audit(tx, admin, { action: status === "disabled" ? "user.disable" : "user.enable", entityType: "user", entityId: user.id, workerId: target.workerId });
    return { ok: true, userId: user.id };
  });
}

/**
 * A new set-password link. If they had a password it stops working now and they are signed out everywhere: a reset
 * is often because someone else may know it.
 */
export async function resetPassword(admin: SessionUser, userId: string, now = new Date()): Promise<LinkChange> {
  return await db.transaction(async (tx): Promise<LinkChange> => {
    const target = await targetOf(tx, admin, userId);
    if (!target) return NOT_FOUND;
    const { user } = target;
    if (user.id === admin.id) return { ok: false, code: "invalid", message: "You cannot reset your own password here. Ask another administrator." };
    if (user.status !== "active") return { ok: false, code: "invalid", message: `Re-enable ${user.name}'s account before giving them a new link` };
    const purpose = user.passwordHash ? "reset" : "set";
    if (user.passwordHash) {
      await tx.update(users).set({ passwordHash: null }).where(eq(users.id, user.id));
      await signOutEverywhere(tx, user.id, now);
    }
    const link = await issuePasswordLink(tx, admin, user.id, purpose, now);
    return { ok: true, userId: user.id, name: user.name, email: user.email, purpose, ...link };
  });
}

/* ------------------------------------------------------------------ a support worker's own login */

async function editableWorkerIn(tx: Tx | DB, actor: SessionUser, workerId: string) {
  return await first(tx
    .select({ worker: workers, login: users })
    .from(workers)
    .leftJoin(users, eq(users.id, workers.userId))
    .where(and(eq(workers.id, workerId), editableWorkers(actor))));
}

/** The worker and their login (if any), when the user may give them one: their managers and administrators. */
export async function workerLoginTarget(actor: SessionUser, workerId: string) {
  if (actor.role !== "manager" && actor.role !== "admin") return undefined;
  const row = await editableWorkerIn(db, actor, workerId);
  if (!row) return undefined;
  const { worker, login } = row;
  return {
    workerId: worker.id,
    name: `${worker.firstName} ${worker.lastName}`,
    status: worker.status,
    login: login ? { id: login.id, email: login.email, status: login.status, passwordSet: !!login.passwordHash } : null,
  };
}

const WORKER_NOT_FOUND: Refusal = { ok: false, code: "not_found", message: "Worker not found" };

/** Creates the worker's own login (role: support worker), linked to their record, with a one-time link. */
export async function giveWorkerLogin(actor: SessionUser, workerId: string, input: { email: string }, now = new Date()): Promise<LinkChange> {
  if (actor.role !== "manager" && actor.role !== "admin") return WORKER_NOT_FOUND;
  return await creatingUser(async () =>
    await db.transaction(async (tx): Promise<LinkChange> => {
      const row = await editableWorkerIn(tx, actor, workerId);
      if (!row) return WORKER_NOT_FOUND;
      const { worker, login } = row;
      const name = `${worker.firstName} ${worker.lastName}`;
      if (worker.status === "left") return { ok: false, code: "read_only", message: `${name} has left, so they cannot be given a login` };
      if (login) return { ok: false, code: "conflict", message: `${name} already has a login (${login.email})` };
      if (await emailTaken(tx, input.email)) return EMAIL_TAKEN;
      const email = input.email.trim().toLowerCase();
      const user = await one(tx
        .insert(users)
        .values({ orgId: worker.orgId, email, name, role: "support_worker", passwordHash: null, createdAt: now, updatedAt: now })
        .returning({ id: users.id }));
      await tx.update(workers).set({ userId: user.id }).where(eq(workers.id, worker.id));
      await audit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, workerId: worker.id, summary: { role: "support_worker" } });
      const link = await issuePasswordLink(tx, actor, user.id, "set", now);
      return { ok: true, userId: user.id, name, email, purpose: "set", ...link };
    }),
  );
}

/**
 * A fresh link for a worker whose login has never been used (the first link expired or went astray). Resetting a
 * password someone already uses is for an administrator.
 */
export async function reissueWorkerLink(actor: SessionUser, workerId: string, now = new Date()): Promise<LinkChange> {
  if (actor.role !== "manager" && actor.role !== "admin") return WORKER_NOT_FOUND;
  return await db.transaction(async (tx): Promise<LinkChange> => {
    const row = await editableWorkerIn(tx, actor, workerId);
    if (!row) return WORKER_NOT_FOUND;
    const { worker, login } = row;
    const name = `${worker.firstName} ${worker.lastName}`;
    if (!login) return { ok: false, code: "invalid", message: `${name} does not have a login yet` };
    if (login.status !== "active") return { ok: false, code: "read_only", message: `${name}'s login is disabled. Ask an administrator.` };
    if (login.passwordHash) return { ok: false, code: "conflict", message: `${name} has already set a password. If they have forgotten it, ask an administrator to reset it.` };
    const link = await issuePasswordLink(tx, actor, login.id, "set", now);
    return { ok: true, userId: login.id, name: login.name, email: login.email, purpose: "set", ...link };
  });
}
