// SQL that is written differently by SQLite and PostgreSQL, in one place (decision record 0025). Everything else the
// queries say is standard SQL or drizzle's query builder, which writes each dialect's own.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { databaseUrl } from "../lib/env";

export type Dialect = "sqlite" | "postgres";

/** PostgreSQL when DATABASE_URL is set, else SQLite. */
export function dialect(): Dialect {
  return databaseUrl() ? "postgres" : "sqlite";
}

/** An expression to order or compare without regard to case: "smith" beside "Smith", not after "Young". */
export function caseless(expr: SQLWrapper): SQL {
  return dialect() === "postgres" ? sql`lower(${expr})` : sql`${expr} collate nocase`;
}

/** Whether `expr` is one of `values`, sent as one JSON parameter however many there are (a file of 10,000 rows). */
export function inJsonList(expr: SQLWrapper, values: readonly string[]): SQL {
  const json = JSON.stringify(values);
  return dialect() === "postgres"
    ? sql`${expr} in (select jsonb_array_elements_text(${json}::jsonb))`
    : sql`${expr} in (select value from json_each(${json}))`;
}

/** The UTC calendar day ("YYYY-MM-DD") of a moment stored as milliseconds since the epoch. */
export function utcDayOfMs(expr: SQLWrapper): SQL {
  return dialect() === "postgres"
    ? sql`to_char(to_timestamp(${expr} / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`
    : sql`date(${expr} / 1000, 'unixepoch')`;
}

/** A LIMIT clause, or nothing for "all of them". */
export function limitTo(n: number | null | undefined): SQL {
  return n === null || n === undefined ? sql.empty() : sql` limit ${n}`;
}

/** A condition that holds for no row, and one that holds for every row. */
export const never = sql`false`;
export const always = sql`true`;

/** How many rows meet a condition: SQLite sums a condition as 0 or 1, PostgreSQL will not sum a boolean. */
export function countWhere(condition: SQLWrapper): SQL<number> {
  return sql<number>`sum(case when ${condition} then 1 else 0 end)`;
}

/** The values of `expr` over the rows where `where` holds, as JSON array text ("[]" for none); in no particular order. */
export function jsonArrayWhere(expr: SQLWrapper, where: SQLWrapper): SQL<string> {
  return dialect() === "postgres"
    ? sql<string>`coalesce(cast(json_agg(${expr}) filter (where ${where}) as text), '[]')`
    : sql<string>`json_group_array(${expr}) filter (where ${where})`;
}

/** A number rounded to `digits` decimal places (PostgreSQL rounds only its exact numeric type to places). */
export function roundTo(expr: SQLWrapper, digits: number): SQL<number> {
  const places = sql.raw(String(Math.trunc(digits)));
  return dialect() === "postgres" ? sql<number>`round((${expr})::numeric, ${places})` : sql<number>`round(${expr}, ${places})`;
}

/**
 * The order rows were written in, to break a tie between rows written in the same millisecond: SQLite's rowid. On
 * PostgreSQL a row's physical position (ctid), which keeps insertion order for rows never updated since; a tie there
 * is rare (the same millisecond) and the order of equals is all it decides.
 */
export function insertionOrder(table: SQLWrapper): SQL {
  return dialect() === "postgres" ? sql`${table}.ctid` : sql`${table}.rowid`;
}

/**
 * An inner join that keeps the tables in the order written, the left one the outer loop: SQLite's `cross join … on`
 * (its planner never reorders a cross join; the queries use it where the planner's own choice measured slower).
 * PostgreSQL accepts no ON after a cross join and its planner chooses the order: an inner join there. The same rows.
 */
export function joinInOrder(table: SQLWrapper, on: SQLWrapper): SQL {
  return dialect() === "postgres" ? sql`join ${table} on ${on}` : sql`cross join ${table} on ${on}`;
}
