// Debian's Chromium (`npx playwright install` cannot download here), and the flags every e2e browser starts with.
// Its headless shell (package chromium-headless-shell) first: the same engine without the browser's own UI, so three
// of them beside three servers leave the two cores to the pages under test. The full browser is the fallback.
import { existsSync } from "node:fs";

const INSTALLED = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? INSTALLED;

export const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", ...(process.env.E2E_EXTRA_ARGS?.split(" ").filter(Boolean) ?? [])],
};
