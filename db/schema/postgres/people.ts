// People and structure: teams, users (logins), support workers, their position history, equality monitoring.
// PostgreSQL's copy of db/schema/people.ts (decision record 0025): the same tables, columns, keys and indexes, checked by
// tests/schema-parity.test.ts. Change both together.
import { pgTable, text, integer, doublePrecision, index, uniqueIndex, primaryKey, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, timestamp, date, createdAt, updatedAt } from "./_shared";
import { organisations, professions, careSettings, stages, bands } from "./reference";
import {
  ROLES,
  USER_STATUSES,
  WORKER_STATUSES,
  ETHNIC_GROUPS,
  DISABILITY_ANSWERS,
  SEX_ANSWERS,
  AGE_BANDS,
} from "../../../lib/vocabulary";

export const users = pgTable(
  "users",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Always stored lower-case and trimmed. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** argon2id; null until the user sets a password (or for single-sign-on-only users). */
    passwordHash: text("password_hash"),
    status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
    /** Bumped whenever role, status or password changes: older sessions stop working on their next request. */
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestamp("last_sign_in_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_org_role_idx").on(t.orgId, t.role)],
);

/** One row per sign-in. The JWT carries its id; idle and absolute limits are checked here on every request. */
export const loginSessions = pgTable(
  "login_sessions",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: text("method", { enum: ["password", "oidc"] }).notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at").notNull().$defaultFn(() => new Date()),
    endedAt: timestamp("ended_at"),
    endReason: text("end_reason", { enum: ["logout", "idle", "expired", "revoked"] }),
  },
  (t) => [index("login_sessions_user_idx").on(t.userId)],
);

/** Failed sign-in counts per account and per client address, kept in SQLite so restarts do not reset them. */
export const loginThrottle = pgTable("login_throttle", {
  /** "account:<email>" or "address:<ip>". */
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at").notNull(),
  lockedUntil: timestamp("locked_until"),
});

/** One-time links to set or reset a password. Only a hash of the token is stored. */
export const passwordTokens = pgTable(
  "password_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    purpose: text("purpose", { enum: ["set", "reset"] }).notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_tokens_hash_uq").on(t.tokenHash), index("password_tokens_user_idx").on(t.userId)],
);

export const teams = pgTable(
  "teams",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    /** The service the team belongs to, e.g. "Adult community therapy". */
    service: text("service").notNull().default(""),
    careSettingId: text("care_setting_id").references(() => careSettings.id, { onDelete: "restrict" }),
    archivedAt: timestamp("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("teams_org_name_uq").on(t.orgId, t.name)],
);

export const teamProfessions = pgTable(
  "team_professions",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    professionId: text("profession_id")
      .notNull()
      .references(() => professions.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.professionId] })],
);

export const teamManagers = pgTable(
  "team_managers",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_managers_user_idx").on(t.userId)],
);

/**
 * A support worker. The current stage, band, job title and team are kept here for fast lists; every change
 * to them is also a row in worker_positions, which is how progression is measured.
 */
export const workers = pgTable(
  "workers",
  {
    id: id(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** The worker's own login, when they have one. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    employeeNumber: text("employee_number").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    jobTitle: text("job_title").notNull(),
    professionId: text("profession_id")
      .notNull()
      .references(() => professions.id, { onDelete: "restrict" }),
    stageId: text("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "restrict" }),
    bandId: text("band_id").references(() => bands.id, { onDelete: "restrict" }),
    careSettingId: text("care_setting_id").references(() => careSettings.id, { onDelete: "restrict" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    lineManagerId: text("line_manager_id").references(() => users.id, { onDelete: "set null" }),
    /** Full-time equivalent, greater than 0 and at most 1. */
    fte: doublePrecision("fte").notNull(),
    contractStart: date("contract_start").notNull(),
    contractEnd: date("contract_end"),
    status: text("status", { enum: WORKER_STATUSES }).notNull().default("in_post"),
    leavingReason: text("leaving_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("workers_org_employee_number_uq").on(t.orgId, t.employeeNumber),
    uniqueIndex("workers_user_uq").on(t.userId),
    index("workers_team_idx").on(t.teamId, t.status),
    index("workers_line_manager_idx").on(t.lineManagerId),
    index("workers_org_status_idx").on(t.orgId, t.status),
    index("workers_profession_idx").on(t.professionId),
    index("workers_stage_idx").on(t.stageId),
    index("workers_name_idx").on(t.lastName, t.firstName),
    check("workers_fte_range", sql`${t.fte} > 0 and ${t.fte} <= 1`),
  ],
);

/** Position history: one row per period in a stage/band/job title/team. The open row has effective_to null. */
export const workerPositions = pgTable(
  "worker_positions",
  {
    id: id(),
    workerId: text("worker_id")
      .notNull()
      .references(() => workers.id, { onDelete: "restrict" }),
    effectiveFrom: date("effective_from").notNull(),
    effectiveTo: date("effective_to"),
    stageId: text("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "restrict" }),
    bandId: text("band_id").references(() => bands.id, { onDelete: "restrict" }),
    jobTitle: text("job_title").notNull(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    /** Why the position changed: "Started", "Completed level 3 apprenticeship", "Regrading", ... */
    reason: text("reason").notNull().default(""),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("worker_positions_worker_idx").on(t.workerId, t.effectiveFrom),
    index("worker_positions_from_idx").on(t.effectiveFrom),
  ],
);

/**
 * Optional, self-declared equality monitoring: special-category data under UK GDPR. Kept apart from the
 * profile; entered only by the worker; never shown to their manager; leaves the record only as suppressed aggregates.
 */
export const equalityMonitoring = pgTable("equality_monitoring", {
  workerId: text("worker_id")
    .primaryKey()
    .references(() => workers.id, { onDelete: "cascade" }),
  ethnicGroup: text("ethnic_group", { enum: ETHNIC_GROUPS }),
  disability: text("disability", { enum: DISABILITY_ANSWERS }),
  sex: text("sex", { enum: SEX_ANSWERS }),
  ageBand: text("age_band", { enum: AGE_BANDS }),
  updatedAt: updatedAt(),
});
