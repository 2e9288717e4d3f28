// Reads and changes the running spec's own database, whichever kind it is (a SQLite file, or a database on the
// PostgreSQL server of the "postgres" project), so tests find ids and work out expected figures independently of the
// app's own queries. SQL with `?` placeholders, written to run on both (quote camel-case aliases: PostgreSQL folds
// unquoted names to lower case). Rows come back alike from both: whole numbers (counts included) as numbers,
// booleans as 1 or 0, JSON as its text.
import Database from "better-sqlite3";
import pg from "pg";
import { currentTrust } from "./trust";

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const JSON_OID = 114;
const JSONB = 3802;

/** PostgreSQL's values in SQLite's shapes. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === BOOL) return (v: string) => (v === "t" ? 1 : 0);
    if (oid === JSON_OID || oid === JSONB) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** `?` placeholders as PostgreSQL's `$1`, `$2`… */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

async function onSpecDatabase<T>(sqlite: (db: Database.Database) => T, postgres: (client: pg.Client) => Promise<T>, write = false): Promise<T> {
  const trust = currentTrust();
  if (trust.databaseUrl) {
    const client = new pg.Client({ connectionString: trust.databaseUrl, types });
    await client.connect();
    try {
      return await postgres(client);
    } finally {
      await client.end();
    }
  }
  const db = new Database(trust.dbPath, { readonly: !write, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return sqlite(db);
  } finally {
    db.close();
  }
}

/** Every row the query answers. */
export async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return onSpecDatabase(
    (db) => db.prepare(sql).all(...params) as T[],
    async (client) => (await client.query(numbered(sql), params)).rows as T[],
  );
}

/** The query's first row, if any. */
export async function row<T>(sql: string, ...params: unknown[]): Promise<T | undefined> {
  return (await rows<T>(sql, ...params))[0];
}

/** Runs a change; answers how many rows it changed. */
export async function change(sql: string, ...params: unknown[]): Promise<number> {
  return onSpecDatabase(
    (db) => db.prepare(sql).run(...params).changes,
    async (client) => (await client.query(numbered(sql), params)).rowCount ?? 0,
    true,
  );
}

/** The worker record of the person with this email. */
export async function workerId(email: string): Promise<string> {
  const found = await row<{ id: string }>("select w.id from workers w join users u on u.id = w.user_id where u.email = ?", email);
  if (!found) throw new Error(`No worker record for ${email}`);
  return found.id;
}
