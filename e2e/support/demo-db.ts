// Read access to the running spec's own copy of the demo database, so tests can find ids and compute expected figures
// independently of the app's own queries.
import Database from "better-sqlite3";
import { currentDbPath } from "./trust";

export function demoDb() {
  return new Database(currentDbPath(), { readonly: true, fileMustExist: true });
}

export function workerIdFor(email: string): string {
  const db = demoDb();
  try {
    const row = db.prepare("select w.id from workers w join users u on u.id = w.user_id where u.email = ?").get(email) as { id: string } | undefined;
    if (!row) throw new Error(`No worker record for ${email}`);
    return row.id;
  } finally {
    db.close();
  }
}

/**
 * Changes a user the way an administrator would, straight in this spec's own database, for the session tests that
 * must not wait on the admin screens.
 */
export function setUserAccess(email: string, change: { status?: "active" | "disabled"; role?: string }) {
  const db = new Database(currentDbPath(), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const sets = [
      ...(change.status ? ["status = @status"] : []),
      ...(change.role ? ["role = @role"] : []),
      "session_version = session_version + 1",
    ];
    db.prepare(`update users set ${sets.join(", ")} where email = @email`).run({ email, status: change.status, role: change.role });
  } finally {
    db.close();
  }
}

/**
 * Moves a person's open login sessions back in time, straight in this spec's own database: the app measures idleness
 * from login_sessions.last_seen_at and the 12-hour limit from created_at, on the real clock, so a test ages the rows
 * rather than waiting (db/queries/sign-in.ts).
 */
function ageOpenSessions(email: string, column: "last_seen_at" | "created_at", minutes: number) {
  const db = new Database(currentDbPath(), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const changed = db
      .prepare(`update login_sessions set ${column} = @at where ended_at is null and user_id = (select id from users where email = @email)`)
      .run({ email, at: Date.now() - minutes * 60_000 }).changes;
    if (changed === 0) throw new Error(`No open login session for ${email}`);
  } finally {
    db.close();
  }
}

/** As if the person's last request was some minutes ago. */
export const idleFor = (email: string, minutes: number) => ageOpenSessions(email, "last_seen_at", minutes);

/** As if the person signed in some minutes ago. */
export const sessionStartedAgo = (email: string, minutes: number) => ageOpenSessions(email, "created_at", minutes);
