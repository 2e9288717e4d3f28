// Fast inserts for seeding. Rows are buffered per table and written with multi-row prepared INSERTs; values
// are encoded by the drizzle columns themselves (dates to epoch ms, booleans to 0/1) and drizzle's JS-side
// defaults ($defaultFn, .default) are applied, so a row object reads exactly like a drizzle insert.
import type Database from "better-sqlite3";
import { getTableColumns, getTableName, type Column } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { randomBytes } from "node:crypto";

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

/** Rows per multi-row INSERT: enough to amortise the per-statement cost, well under SQLite's variable limit. */
const BATCH = 50;
/** Buffered rows (all tables) before everything is written out. */
const FLUSH_AT = 20_000;

interface TableBuffer {
  name: string;
  width: number;
  values: unknown[];
  one: Database.Statement;
  many: Database.Statement;
}

/**
 * Buffers rows for many tables in one transaction. Tables are flushed in the order they were registered, so
 * register parents before children and foreign keys (checked per statement) always find their parent row.
 */
export class BulkWriter {
  private readonly tables: TableBuffer[] = [];
  private buffered = 0;

  constructor(
    private readonly sqlite: Database.Database,
    /** Rows written, per table (SQL name). */
    readonly counts: Record<string, number> = {},
  ) {}

  table<T extends SQLiteTable>(table: T): Insert<T> {
    const name = getTableName(table);
    const entries = Object.entries(getTableColumns(table)) as [string, AnyColumn][];
    const keys = entries.map(([k]) => k);
    const cols = entries.map(([, c]) => c);
    const width = cols.length;
    const tuple = `(${cols.map(() => "?").join(", ")})`;
    const head = `insert into "${name}" (${cols.map((c) => `"${c.name}"`).join(", ")}) values `;
    const buffer: TableBuffer = {
      name,
      width,
      values: [],
      one: this.sqlite.prepare(head + tuple),
      many: this.sqlite.prepare(head + Array.from({ length: BATCH }, () => tuple).join(", ")),
    };
    this.tables.push(buffer);
    this.counts[name] = this.counts[name] ?? 0;
    const out = buffer.values;

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
      if (++this.buffered >= FLUSH_AT) this.flush();
    };
  }

  /** Writes every buffered row, parents first. Call before reading what was written, and at the end. */
  flush(): void {
    for (const t of this.tables) {
      const v = t.values;
      const chunk = BATCH * t.width;
      let at = 0;
      for (; at + chunk <= v.length; at += chunk) t.many.run(v.slice(at, at + chunk));
      for (; at < v.length; at += t.width) t.one.run(v.slice(at, at + t.width));
      v.length = 0;
    }
    this.buffered = 0;
  }
}
