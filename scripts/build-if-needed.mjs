// Builds Pathways with `next build` when there is no build yet or a source is newer than it. Used by `npm start`
// and by the end-to-end suite's global setup, so both serve what the sources say.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const SOURCES = ["app", "components", "lib", "db", "public", "proxy.ts", "instrumentation-client.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Runs `next build` if needed; exits the process if the build fails. */
export function buildIfNeeded(env = process.env) {
  const buildId = join(root, ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (builtAt !== 0 && Math.max(...SOURCES.map((s) => newestMtime(join(root, s)))) <= builtAt) return;
  console.log("Building Pathways (first start, or the sources changed)…");
  const result = spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env, cwd: root });
  if (result.status !== 0) {
    console.error(`The build failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildIfNeeded();
