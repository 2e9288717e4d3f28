// Runs a command against a PostgreSQL server of its own: initdb in a temporary folder, the server listening only on a
// Unix socket in that folder (0700: no other local user can reach a server that trusts its connections), DATABASE_URL
// set for the command, and the server stopped and its folder removed afterwards, however the command ends. For the tests (npm run test:unit:postgres) and for trying the app on PostgreSQL on a laptop.
//   node scripts/with-postgres.mjs <command> [args…]
// Needs Debian's (or any) PostgreSQL server binaries: apt-get install postgresql. POSTGRES_BIN names their folder
// when they are somewhere else.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function binaries() {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) {
    console.error("No PostgreSQL server found: install it (apt-get install postgresql) or set POSTGRES_BIN to the folder of initdb and pg_ctl.");
    process.exit(1);
  }
  return join(root, versions[0], "bin");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: node scripts/with-postgres.mjs <command> [args…]");
  process.exit(2);
}

const bin = binaries();
const dir = mkdtempSync(join(tmpdir(), "pathways-postgres-"));
const data = join(dir, "data");
// PostgreSQL refuses to run as root: as root (CI, a container), the server runs as the postgres user.
const asRoot = process.getuid?.() === 0;
if (asRoot) {
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (id.status !== 0) {
    console.error("Running as root needs the postgres user that Debian's package creates.");
    process.exit(1);
  }
  chownSync(dir, Number(id.stdout), Number(gid.stdout));
}
const as = (args) => (asRoot ? ["runuser", ["-u", "postgres", "--", ...args]] : [args[0], args.slice(1)]);
const run = (args, what) => {
  const [cmd, rest] = as(args);
  const r = spawnSync(cmd, rest, { encoding: "utf8" });
  if (r.status !== 0) {
    console.error(`${what} failed:\n${r.stdout}${r.stderr}`);
    return false;
  }
  return true;
};

const port = await freePort();
let started = false;
function stop() {
  if (started) run([join(bin, "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"], "Stopping PostgreSQL");
  started = false;
  rmSync(dir, { recursive: true, force: true });
}

let code = 1;
try {
  if (!run([join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"], "initdb")) throw new Error("initdb failed");
  // Durability is the server's business in production; a throwaway test server skips fsync.
  const options = `-p ${port} -k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  // Marked started first: a server that came up but missed pg_ctl's wait is still stopped below.
  started = true;
  if (!run([join(bin, "pg_ctl"), "-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"], "Starting PostgreSQL")) throw new Error("PostgreSQL did not start");
  const url = `postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`;
  console.log(`PostgreSQL ${bin.split("/").at(-2)} on a socket in ${dir} for: ${command.join(" ")}`);
  const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  code = 1;
} finally {
  stop();
}
process.exit(code);
