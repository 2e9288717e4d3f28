// Reference lists an organisation edits: professions, care settings, stages, bands, settings, resources.
// PostgreSQL's copy of db/schema/reference.ts (decision record 0025): the same tables, columns, keys and indexes, checked by
// tests/schema-parity.test.ts. Change both together.
// A value in use is retired (retired_at), never deleted, so history keeps its meaning.
import { pgTable, text, integer, uniqueIndex, index, jsonb } from "drizzle-orm/pg-core";
import { id, timestamp, createdAt } from "./_shared";
import { FRAMEWORK_STAGES, PROFESSION_KINDS, RESOURCE_TYPES } from "../../../lib/vocabulary";
import { now as clockNow } from "../../../lib/rules/dates";

export const organisations = pgTable("organisations", {
  id: id(),
  name: text("name").notNull(),
  /** NHS ODS code, e.g. "RXX". */
  odsCode: text("ods_code"),
  createdAt: createdAt(),
});

export const professions = pgTable(
  "professions",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: PROFESSION_KINDS }).notNull(),
    sort: integer("sort").notNull().default(0),
    retiredAt: timestamp("retired_at"),
  },
  (t) => [uniqueIndex("professions_code_uq").on(t.code)],
);

export const careSettings = pgTable(
  "care_settings",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    sort: integer("sort").notNull().default(0),
    retiredAt: timestamp("retired_at"),
  },
  (t) => [uniqueIndex("care_settings_code_uq").on(t.code)],
);

/** Support roles and levels: support worker (L2), senior (L3), level 4, assistant practitioner (L5), trainee, apprentice. */
export const stages = pgTable(
  "stages",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    educationLevel: integer("education_level"),
    /** Which stage of the competency framework applies to someone at this stage, if any. */
    frameworkStage: text("framework_stage", { enum: FRAMEWORK_STAGES }),
    /** Position on the progression ladder; a move to a higher rank counts as progression. */
    rank: integer("rank").notNull(),
    description: text("description").notNull().default(""),
    sort: integer("sort").notNull().default(0),
    retiredAt: timestamp("retired_at"),
  },
  (t) => [uniqueIndex("stages_code_uq").on(t.code)],
);

/** Agenda for Change pay bands. */
export const bands = pgTable(
  "bands",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    sort: integer("sort").notNull().default(0),
    retiredAt: timestamp("retired_at"),
  },
  (t) => [uniqueIndex("bands_code_uq").on(t.code)],
);

/** Organisation-wide settings as key/value JSON (scorecard thresholds, feature switches). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at").notNull().$defaultFn(() => clockNow()),
});

/** The resources hub: professional-body and union hubs, role guides, supervision and delegation guidance. */
export const resources = pgTable(
  "resources",
  {
    id: id(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    professionId: text("profession_id").references(() => professions.id, { onDelete: "restrict" }),
    type: text("type", { enum: RESOURCE_TYPES }).notNull(),
    url: text("url").notNull(),
    sort: integer("sort").notNull().default(0),
    retiredAt: timestamp("retired_at"),
    createdAt: createdAt(),
  },
  (t) => [index("resources_profession_idx").on(t.professionId)],
);
