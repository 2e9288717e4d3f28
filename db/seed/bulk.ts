// Fast inserts for seeding. Rows are buffered per table and written in multi-row INSERTs; values are encoded by the
// drizzle columns themselves (on SQLite dates to epoch ms and booleans to 0/1; on PostgreSQL, whose tables db/schema
// hands out there, dates to epoch ms and booleans stay booleans) and drizzle's JS-side defaults ($defaultFn, .default)
// are applied, so a row object reads exactly like a drizzle insert.
//
// SQLite: better-sqlite3 prepared statements on the app's one connection, written synchronously as rows come.
// PostgreSQL: one `insert … select * from unnest($1::text[], $2::bigint[], …)` per table and batch, through the open
// transaction's connection (execute()): one array parameter per column however many rows, so a statement never nears
// PostgreSQL's limit of 65,535 bound parameters, and the server parses a few arrays rather than a long VALUES list.
// Writing there is asynchronous: the generator awaits `flush()` whenever `full` says so, and once at the end.
import type Database from "better-sqlite3";
import { getTableColumns, getTableName, sql, type Column, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { randomBytes } from "node:crypto";
import { databaseKind, execute, rawSqlite } from "../client";

/** Random ids in the same shape as newId() (16 base64url chars from 12 random bytes), drawn in blocks. */
export function idMaker(): () => string {
  const BLOCK = 4096;
  let text = "";
  let at = 0;
  return () => {
    if (at >= text.length) {
      text = randomBytes(12 * BLOCK).toString("base64url");
      at = 0;
    }
    const id = text.slice(at, at + 16);
    at += 16;
    return id;
  };
}

export type Insert<T extends SQLiteTable> = (row: T["$inferInsert"]) => void;

type AnyColumn = Column & { defaultFn?: () => unknown; onUpdateFn?: () => unknown; default?: unknown };

/** Rows per multi-row INSERT on SQLite: enough to amortise the per-statement cost, well under its variable limit. */
const BATCH = 50;
/** Rows per INSERT on PostgreSQL (one array parameter per column, so no parameter limit to keep under). */
const POSTGRES_BATCH = 10_000;
/** Buffered rows (all tables) before everything is written out. */
const FLUSH_AT = 20_000;

interface TableBuffer {
  name: string;
  width: number;
  values: unknown[];
  /** SQLite: the prepared one-row and BATCH-row INSERTs. */
  one?: Database.Statement;
  many?: Database.Statement;
  /** PostgreSQL: the INSERT of `rows` rows given one array of values per column. */
  insert?: (columns: unknown[][]) => SQL;
}

/**
 * Buffers rows for many tables in one transaction, on the database in use (db/client.ts). Tables are written in the
 * order they were registered, so register parents before children and foreign keys (checked per statement) always
 * find their parent row. Call `flush()` inside the transaction the rows belong to, before reading what was written
 * and at the end; on PostgreSQL also whenever `full` is true, or the rows wait in memory until then.
 */
export class BulkWriter {
  private readonly tables: TableBuffer[] = [];
  private buffered = 0;
  private readonly sqlite: Database.Database | null;

  constructor(
    /** Rows written, per table (SQL name). */
    readonly counts: Record<string, number> = {},
  ) {
    this.sqlite = databaseKind() === "sqlite" ? rawSqlite() : null;
  }

  /**
   * Whether enough rows wait that `flush()` should be awaited now. Only ever true on PostgreSQL: SQLite writes them
   * out as they come, synchronously.
   */
  get full(): boolean {
    return this.buffered >= FLUSH_AT;
  }

  table<T extends SQLiteTable>(table: T): Insert<T> {
    const name = getTableName(table);
    const entries = Object.entries(getTableColumns(table)) as [string, AnyColumn][];
    const keys = entries.map(([k]) => k);
    const cols = entries.map(([, c]) => c);
    const width = cols.length;
    const buffer: TableBuffer = { name, width, values: [] };
    if (this.sqlite) {
      const tuple = `(${cols.map(() => "?").join(", ")})`;
      const head = `insert into "${name}" (${cols.map((c) => `"${c.name}"`).join(", ")}) values `;
      buffer.one = this.sqlite.prepare(head + tuple);
      buffer.many = this.sqlite.prepare(head + Array.from({ length: BATCH }, () => tuple).join(", "));
    } else {
      // The table is PostgreSQL's here (db/schema/index.ts), so each column names its own type for the array's cast.
      const names = sql.join(cols.map((c) => sql.identifier(c.name)), sql`, `);
      const casts = cols.map((c) => sql.raw(`::${c.getSQLType()}[]`));
      buffer.insert = (columns) =>
        sql`insert into ${table} (${names}) select * from unnest(${sql.join(columns.map((values, c) => sql`${sql.param(values)}${casts[c]}`), sql`, `)})`;
    }
    this.tables.push(buffer);
    this.counts[name] = this.counts[name] ?? 0;
    const out = buffer.values;
    const sqlite = this.sqlite !== null;

    return (row) => {
      const source = row as Record<string, unknown>;
      for (let i = 0; i < width; i++) {
        const col = cols[i]!;
        let v = source[keys[i]!];
        if (v === undefined) {
          if (col.defaultFn) v = col.defaultFn();
          else if (col.default !== undefined) v = col.default;
          else if (col.onUpdateFn) v = col.onUpdateFn();
          else v = null;
        }
        out.push(v === null || v === undefined ? null : col.mapToDriverValue(v));
      }
      this.counts[name]!++;
      if (++this.buffered >= FLUSH_AT && sqlite) this.writeSqlite();
    };
  }

  /** Writes every buffered row, parents first. Call before reading what was written, and at the end. */
  async flush(): Promise<void> {
    if (this.sqlite) this.writeSqlite();
    else await this.writePostgres();
  }

  private writeSqlite(): void {
    for (const t of this.tables) {
      const v = t.values;
      const chunk = BATCH * t.width;
      let at = 0;
      for (; at + chunk <= v.length; at += chunk) t.many!.run(v.slice(at, at + chunk));
      for (; at < v.length; at += t.width) t.one!.run(v.slice(at, at + t.width));
      v.length = 0;
    }
    this.buffered = 0;
  }

  private async writePostgres(): Promise<void> {
    for (const t of this.tables) {
      const v = t.values;
      const rows = v.length / t.width;
      for (let from = 0; from < rows; from += POSTGRES_BATCH) {
        const to = Math.min(rows, from + POSTGRES_BATCH);
        const columns = Array.from({ length: t.width }, () => new Array<unknown>(to - from));
        for (let r = from, at = from * t.width; r < to; r++) {
          for (let c = 0; c < t.width; c++) columns[c]![r - from] = v[at++];
        }
        await execute(t.insert!(columns));
      }
      v.length = 0;
    }
    this.buffered = 0;
  }
}
