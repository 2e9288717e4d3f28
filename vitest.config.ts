import { configDefaults, defineConfig } from "vitest/config";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

// On PostgreSQL (DATABASE_URL set, npm run test:unit:postgres) every test runs but these, which test SQLite's own file:
// its online backup and restore, durability under kill -9 in WAL mode, its migration files and file permissions, the
// start script's SQLite file, and the one-connection transaction queue. PostgreSQL's counterparts are in
// tests/postgres.test.ts.
const SQLITE_ONLY = ["tests/backup.test.ts", "tests/crash.test.ts", "tests/migrations.test.ts", "tests/start.test.ts", "tests/transactions.test.ts"];
const onPostgres = !!process.env.DATABASE_URL;

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // "server-only" throws outside React Server Components; unit tests run query modules directly.
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts", "db/**/*.test.ts"],
    // tests/postgres/ holds what only a PostgreSQL server can show; it joins the run when there is one.
    exclude: [...configDefaults.exclude, ...(onPostgres ? SQLITE_ONLY : ["tests/postgres/**"])],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/sql-guard.ts", "tests/support/next-request-mock.ts", "tests/support/fresh-db.ts"],
    pool: "forks",
    // Files share one module graph per worker (30 s instead of 77 s on 2 cores): every test opens its own fresh
    // database (tests/support/fresh-db.ts) and the mocks of "@/lib/auth" and "next/cache" are the same shared modules
    // in every file (tests/support/*-mock.ts), so no file depends on what another loaded. Checked with
    // --sequence.shuffle at two seeds and on the awkward day.
    isolate: false,
    // Vitest leaves a core free by default, which is half of a 2-core machine: one worker per core takes the unit run
    // from 37 s to 24 s there.
    maxWorkers: availableParallelism(),
  },
});
