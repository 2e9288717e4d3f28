// A guard on every statement the unit tests prepare. In a single-table select, drizzle writes columns unqualified,
// so inside a correlated subquery `"pdp_id" = "id"` compares the subquery's own columns and silently counts the
// wrong rows. Joining a second table makes drizzle qualify every column; this catches a query that forgot to.
import Database from "better-sqlite3";

// Simple calls (count(*), max(x), coalesce(a, b)) may stand inside the subquery: a count(*) once hid a bug from it.
const UNQUALIFIED_CORRELATION = /\(select(?:[^()]|\w+\([^()]*\))*?\bwhere\b[^()]*?(?<![."\w])"[a-z_]+" = (?<![."\w])"[a-z_]+"/i;

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function guardedPrepare(this: Database.Database, source: string) {
  if (UNQUALIFIED_CORRELATION.test(source)) {
    throw new Error(`Unqualified columns in a correlated subquery (join a second table so drizzle qualifies them):\n${source}`);
  }
  return prepare.call(this, source);
} as typeof Database.prototype.prepare;
