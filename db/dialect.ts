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
