// Runs a command against a PostgreSQL server of its own (scripts/postgres-server.mjs), with DATABASE_URL set for the
// command, and the server stopped and its folder removed afterwards, however the command ends. For the tests
// (npm run test:unit:postgres) and for trying the app on PostgreSQL on a laptop.
//   node scripts/with-postgres.mjs <command> [args…]
import { spawn } from "node:child_process";
import { startThrowawayPostgres } from "./postgres-server.mjs";

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: node scripts/with-postgres.mjs <command> [args…]");
  process.exit(2);
}

let server;
let code = 1;
try {
  server = await startThrowawayPostgres();
  console.log(`PostgreSQL ${server.version} on a socket in ${server.dir} for: ${command.join(" ")}`);
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, DATABASE_URL: server.url } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  code = 1;
} finally {
  server?.stop();
}
process.exit(code);
