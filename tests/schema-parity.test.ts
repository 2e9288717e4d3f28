// The two schemas are one design (decision record 0025): db/schema/*.ts for SQLite and db/schema/postgres/*.ts for
// PostgreSQL must define the same tables, columns (name, kind, nullability, default, allowed values), keys, foreign
// keys, indexes (partial ones with the same condition) and checks. A change made to one only fails here.
import { describe, expect, it } from "vitest";
import { is, SQL, Column, getTableName } from "drizzle-orm";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig as pgConfig, PgTable } from "drizzle-orm/pg-core";
import * as sqlite from "@/db/schema/sqlite";
import * as pg from "@/db/schema/postgres";

/** The words of a condition, column references by name: the same text whatever the dialect's quoting. */
function words(chunk: unknown): string {
  if (chunk === undefined || chunk === null) return "";
  if (is(chunk, SQL)) return chunk.queryChunks.map(words).join("");
  if (is(chunk, Column)) return chunk.name;
  if (typeof chunk === "object" && "value" in chunk) return ([] as unknown[]).concat((chunk as { value: unknown }).value).join("");
  // PostgreSQL's index columns are IndexedColumn objects, named like columns.
  if (typeof chunk === "object" && typeof (chunk as { name?: unknown }).name === "string") return (chunk as { name: string }).name;
  return String(chunk);
}

/** A column's kind in words both dialects share. */
function kind(column: Column): string {
  const type = column.getSQLType().toLowerCase();
  if (column.columnType === "SQLiteTimestamp" || (column.columnType === "PgCustomColumn" && type === "bigint")) return "moment";
  if (column.columnType === "SQLiteBoolean" || type === "boolean") return "boolean";
  if (column.columnType === "SQLiteTextJson" || type === "jsonb") return "json";
  if (type === "real" || type === "double precision") return "real";
  if (type === "integer") return "integer";
  if (type === "text") return "text";
  return `unknown ${column.columnType} ${type}`;
}

type Shape = {
  columns: Record<string, { kind: string; notNull: boolean; primary: boolean; default: string; values: readonly string[] | undefined }>;
  primaryKeys: string[][];
  foreignKeys: string[];
  indexes: string[];
  checks: string[];
  uniques: string[];
};

function describeDefault(column: Column): string {
  if (column.defaultFn) return "function";
  if (column.hasDefault && column.default !== undefined) return words(column.default);
  return "none";
}

function shape(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>): Shape {
  const columns: Shape["columns"] = {};
  for (const c of config.columns as Column[]) {
    columns[c.name] = { kind: kind(c), notNull: c.notNull, primary: c.primary, default: describeDefault(c), values: c.enumValues };
  }
  return {
    columns,
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const r = fk.reference();
        const target = getTableName(r.foreignTable);
        return `${r.columns.map((c) => c.name).join(",")} -> ${target}(${r.foreignColumns.map((c) => c.name).join(",")}) on delete ${fk.onDelete ?? "no action"}`;
      })
      .sort(),
    indexes: config.indexes
      .map((i) => {
        const c = i.config as { name: string; unique: boolean; columns: unknown[]; where?: SQL };
        return `${c.name}${c.unique ? " unique" : ""} (${c.columns.map(words).join(",")})${c.where ? ` where ${words(c.where)}` : ""}`;
      })
      .sort(),
    checks: config.checks.map((c) => `${c.name}: ${words(c.value)}`).sort(),
    uniques: config.uniqueConstraints.map((u) => `${u.getName()} (${u.columns.map((c) => c.name).join(",")})`).sort(),
  };
}

const sqliteTables = Object.fromEntries(
  Object.values(sqlite)
    .filter((t: unknown): t is SQLiteTable => is(t, SQLiteTable))
    .map((t) => [sqliteConfig(t).name, t]),
);
const pgTables = Object.fromEntries(
  Object.values(pg)
    .filter((t: unknown): t is PgTable => is(t, PgTable))
    .map((t) => [pgConfig(t).name, t]),
);

describe("the SQLite and PostgreSQL schemas", () => {
  it("name the same tables, exported under the same names", () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    const exported = (m: object, core: typeof SQLiteTable | typeof PgTable) =>
      Object.entries(m)
        .filter(([, t]) => is(t, core))
        .map(([name]) => name)
        .sort();
    expect(exported(pg, PgTable)).toEqual(exported(sqlite, SQLiteTable));
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(50);
  });

  it.each(Object.keys(sqliteTables).sort())("define %s alike: columns, keys, foreign keys, indexes and checks", (name) => {
    const expected = shape(sqliteConfig(sqliteTables[name]!));
    const actual = shape(pgConfig(pgTables[name]!));
    expect(Object.values(expected.columns).every((c) => !c.kind.startsWith("unknown"))).toBe(true);
    expect(actual).toEqual(expected);
  });
});
