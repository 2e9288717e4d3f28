// `npm run audit:verify`: walks the audit log (the SQLite file at DATABASE_PATH, or the PostgreSQL database at
// DATABASE_URL) and checks its hash chain (db/audit-chain.ts). Prints the chain's head (note it somewhere else, such as
// the board's IG report, to show later that nothing was rewritten since) or the first broken row; exits 1 when the
// chain is broken or the database is not there.
import { existsSync } from "node:fs";
import { databasePath, databaseUrl } from "../lib/env";

const url = databaseUrl();
// Opening a SQLite database creates it when it is not there: a mistyped path would "verify" an empty log.
if (!url && !existsSync(databasePath())) {
  console.error(`There is no database at ${databasePath()}. Set DATABASE_PATH to the live one.`);
  process.exit(1);
}
const { auditChainCheck } = await import("../db/queries/audit-trail");
// Never the password in a postgres:// address.
const { printableTarget } = await import("../db/migrate-cli");
const { closeDatabaseAndWait } = await import("../db/client");
const check = await auditChainCheck().catch((error: unknown) => {
  // PostgreSQL's "database does not exist", "connection refused" and the like: nothing verified.
  const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  console.error(`There is no database at ${printableTarget(url ?? databasePath())} that can be read (${reason}).`);
  process.exit(1);
});
await closeDatabaseAndWait();
if (check.ok) {
  console.log(`The audit log verifies: ${check.rows} rows${check.beforeChain ? ` (the first ${check.beforeChain} written before the chain began)` : ""}.`);
  console.log(`Head of the chain: row ${check.head.seq}, hash ${check.head.hash ?? "none"}`);
} else {
  console.error(`The audit log does NOT verify. First broken row: ${check.firstBroken}: ${check.reason}.`);
  process.exitCode = 1;
}
