// `npm run backup -- --out FILE [--force] [--without-secret]` and `npm run restore -- FILE [--force] [--check]`
// (db/backup.ts, decision record 0018). The database is DATABASE_PATH, or data/pathways.db; the auth secret is
// AUTH_SECRET or the .auth-secret file beside the database, as `npm start` finds it.
import { backupDatabase, currentAuthSecret, inspectBackup, restoreDatabase, type BackupInfo } from "./backup";
import { parseArgs } from "node:util";
import { databasePath } from "../lib/env";

const USAGE = [
  "Usage: npm run backup -- --out FILE [--force] [--without-secret]",
  "       npm run restore -- FILE [--force] [--check]",
].join("\n");

type Args = { command: "backup" | "restore"; file?: string; force: boolean; withoutSecret: boolean; check: boolean };

/** The command line, read by Node's own parser (node:util parseArgs): unknown options and missing values are refused. */
function readArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h") {
    console.log(USAGE);
    process.exit(0);
  }
  if (command !== "backup" && command !== "restore") throw new Error(USAGE);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: command === "restore",
      options: {
        out: { type: "string" },
        force: { type: "boolean", default: false },
        "without-secret": { type: "boolean", default: false },
        check: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (command === "backup" && values.check) throw new Error(`--check belongs to restore.\n${USAGE}`);
  if (command === "restore" && (values.out !== undefined || values["without-secret"])) throw new Error(`--out and --without-secret belong to backup.\n${USAGE}`);
  if (positionals.length > 1) throw new Error(`Name one backup to restore.\n${USAGE}`);
  const file = command === "backup" ? values.out : positionals[0];
  if (!file) throw new Error(command === "backup" ? `Say where to write the backup with --out FILE.\n${USAGE}` : `Say which backup to restore.\n${USAGE}`);
  return { command, file, force: values.force, withoutSecret: values["without-secret"], check: values.check };
}

const rows = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0).toLocaleString("en-GB");

function describe(info: BackupInfo): string {
  return [
    `  taken      ${info.createdAt} by Pathways ${info.appVersion} (SQLite ${info.sqliteVersion}), backup format ${info.formatVersion}`,
    `  schema     migration ${info.migration}`,
    `  rows       ${rows(info.rowCounts)} in ${Object.keys(info.rowCounts).length} tables (digest ${info.digest.slice(0, 16)}…)`,
    `  secret     ${info.authSecretSource === "none" ? "not included" : `AUTH_SECRET included (from the ${info.authSecretSource === "environment" ? "environment" : ".auth-secret file"})`}`,
  ].join("\n");
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const database = databasePath();
  const file = args.file ?? "";

  if (args.command === "backup") {
    const secret = currentAuthSecret(database);
    if (!secret && !args.withoutSecret) {
      throw new Error(
        "No auth secret found (neither AUTH_SECRET nor an .auth-secret file beside the database). Run the backup with the app's AUTH_SECRET set, or pass --without-secret to back up the data alone (everyone signs in again after a restore).",
      );
    }
    const done = await backupDatabase({ databasePath: database, out: file, authSecret: secret ?? "none", overwrite: args.force });
    if (!done.ok) throw new Error(done.message);
    console.log(`Backed up ${database} to ${done.out} (${(done.bytes / 1048576).toFixed(1)} MB, ${done.milliseconds} ms), verified, readable by this user only.`);
    console.log(describe(done.info));
    return;
  }

  if (args.check) {
    const inspected = inspectBackup(file);
    if (!inspected.ok) throw new Error(inspected.message);
    console.log(`${file} is a complete Pathways backup that this version can restore:`);
    console.log(describe(inspected.info));
    return;
  }

  const done = await restoreDatabase({ file, databasePath: database, force: args.force });
  if (!done.ok) throw new Error(done.message);
  console.log(`Restored ${file} to ${done.databasePath} (${done.milliseconds} ms); its rows match the backup's digest.`);
  console.log(describe(done.info));
  if (done.authSecretFile) console.log(`  The auth secret is in ${done.authSecretFile} (readable by this user only).`);
  for (const note of done.notes) console.log(`Note: ${note}`);
  console.log("Migrations newer than the backup apply when the app next starts (npm start).");
}

main().catch((err: unknown) => {
  console.error(`${process.argv[2] === "restore" ? "Restore" : "Backup"} failed: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof Error && err.stack && process.env.DEBUG) console.error(err.stack);
  process.exitCode = 1;
});
