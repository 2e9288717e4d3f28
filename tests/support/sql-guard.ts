// A guard on every statement the unit tests prepare. In a single-table select, drizzle writes columns unqualified,
// so inside a correlated subquery `"pdp_id" = "id"` compares the subquery's own columns and silently counts the
// wrong rows. Joining a second table makes drizzle qualify every column; this catches a query that forgot to.
import Database from "better-sqlite3";

// `count(*)` is allowed inside the subquery: the one that hid a bug in the competency status refresh had it.
const UNQUALIFIED_CORRELATION = /\(select(?:[^()]|\(\*\))*?\bwhere\b[^()]*?(?<![."\w])"[a-z_]+" = (?<![."\w])"[a-z_]+"/i;

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function guardedPrepare(this: Database.Database, source: string) {
  if (UNQUALIFIED_CORRELATION.test(source)) {
    throw new Error(`Unqualified columns in a correlated subquery (join a second table so drizzle qualifies them):\n${source}`);
  }
  return prepare.call(this, source);
} as typeof Database.prototype.prepare;
