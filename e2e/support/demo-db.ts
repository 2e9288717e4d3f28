// Read-only access to the e2e run's demo database, so tests can find ids and compute expected figures
// independently of the app's own queries.
import Database from "better-sqlite3";

const PATH = ".e2e/demo/pathways.db";

export function demoDb() {
  return new Database(PATH, { readonly: true, fileMustExist: true });
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
