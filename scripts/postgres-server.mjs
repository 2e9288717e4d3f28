// A throwaway PostgreSQL server: initdb in a temporary folder, the server listening only on a Unix socket in that
// folder (0700: no other local user can reach a server that trusts its connections), stopped and its folder removed
// by stop(). For the tests (scripts/with-postgres.mjs for the unit suite, e2e/global-setup.ts for the end-to-end
// specs on PostgreSQL) and for trying the app on PostgreSQL on a laptop.
// Needs Debian's (or any) PostgreSQL server binaries: apt-get install postgresql. POSTGRES_BIN names their folder
// when they are somewhere else.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The folder of initdb and pg_ctl: POSTGRES_BIN, or the newest of Debian's. */
export function postgresBinaries() {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error("No PostgreSQL server found: install it (apt-get install postgresql) or set POSTGRES_BIN to the folder of initdb and pg_ctl.");
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

/** Runs a server binary, as the postgres user when this process is root (PostgreSQL refuses to run as root). */
function runner(asRoot) {
  return (args, what) => {
    const [cmd, rest] = asRoot ? ["runuser", ["-u", "postgres", "--", ...args]] : [args[0], args.slice(1)];
    const r = spawnSync(cmd, rest, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${what} failed:\n${r.stdout}${r.stderr}`);
  };
}

/** Stops a server an interrupted run left in `dir` (its data folder is dir/data), and removes the folder. */
export function stopLeftoverPostgres(dir) {
  if (!existsSync(join(dir, "data", "postmaster.pid"))) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  try {
    runner(process.getuid?.() === 0)([join(postgresBinaries(), "pg_ctl"), "-D", join(dir, "data"), "-m", "immediate", "-w", "stop"], "Stopping PostgreSQL");
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts a server of its own on a free port; answers its address (the `postgres` database, as the superuser
 * `postgres`), its folder, and stop().
 */
export async function startThrowawayPostgres() {
  const bin = postgresBinaries();
  const dir = mkdtempSync(join(tmpdir(), "pathways-postgres-"));
  const data = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (id.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error("Running as root needs the postgres user that Debian's package creates.");
    }
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
  }
  const run = runner(asRoot);
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run([join(bin, "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"], "Stopping PostgreSQL");
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run([join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"], "initdb");
    const port = await freePort();
    // Durability is the server's business in production; a throwaway test server skips fsync.
    const options = `-p ${port} -k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    // Marked started first: a server that came up but missed pg_ctl's wait is still stopped.
    started = true;
    run([join(bin, "pg_ctl"), "-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"], "Starting PostgreSQL");
    const url = `postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`;
    return { url, dir, version: bin.split("/").at(-2), stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Stops the server when this process is interrupted (Ctrl-C, or a SIGTERM from whatever runs it). */
export function stopOnInterrupt(server) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      server.stop();
      process.exit(130);
    });
  }
}
