import { defineConfig } from "vitest/config";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

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
