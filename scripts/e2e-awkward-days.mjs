// Runs the date-sensitive end-to-end specs on awkward days, with the clock far from London, so the demo data, the
// app and the tests keep agreeing whatever the date: a leap day, the last day of a year, the day the clocks change.
// `npm test` runs it after the full suite (which runs on today's real date); pass spec names to run others.
import { spawnSync } from "node:child_process";

const DAYS = [
  { today: "2028-02-29", tz: "Pacific/Kiritimati", why: "a leap day, 14 hours ahead of UTC" },
  { today: "2026-12-31", tz: "America/Los_Angeles", why: "the last day of a year, 8 hours behind" },
  { today: "2027-03-28", tz: "Asia/Kolkata", why: "the day the clocks go forward in London" },
];

// The specs whose figures and reminders turn on today's date.
const SPECS = process.argv.slice(2).length ? process.argv.slice(2) : ["inbox", "development-year", "apprenticeships"];

let failed = 0;
for (const { today, tz, why } of DAYS) {
  console.log(`\n== e2e on ${today} (${why}), TZ=${tz}: ${SPECS.join(", ")}`);
  const result = spawnSync("npx", ["playwright", "test", ...SPECS.map((s) => `e2e/${s}.spec.ts`)], {
    stdio: "inherit",
    env: { ...process.env, PATHWAYS_TODAY: today, TZ: tz },
  });
  if (result.status !== 0) failed++;
}
if (failed) {
  console.error(`\nThe date-sensitive specs failed on ${failed} of ${DAYS.length} days.`);
  process.exit(1);
}
