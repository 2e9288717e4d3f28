// Raw SQL straight to the database, as someone past the app could send it, and why the database refused it: SQLite
// throws its own error; drizzle wraps PostgreSQL's (db/client.ts), whose message is then the cause's.
import { sql } from "drizzle-orm";
import { databaseKind, execute } from "@/db/client";

export function rawStatement(statement: string): Promise<void> {
  return execute(sql.raw(statement));
}

/** The database's reason for refusing `statement`, or null when it ran. */
export async function refusalOf(statement: string): Promise<string | null> {
  try {
    await rawStatement(statement);
    return null;
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return e.cause?.message ?? e.message;
  }
}

/** Takes the audit log's protecting triggers away, as someone with the database's own access could. */
export async function dropAuditTriggers(): Promise<void> {
  if (databaseKind() === "postgres") await rawStatement("alter table audit_events disable trigger user");
  else await rawStatement("drop trigger audit_events_no_update");
  if (databaseKind() === "sqlite") {
    await rawStatement("drop trigger audit_events_no_delete");
    await rawStatement("drop trigger audit_events_in_order");
  }
}
