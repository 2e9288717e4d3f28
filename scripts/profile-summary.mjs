// Where a V8 CPU profile's time went (node --cpu-prof; npm run bench:http -- --profile DIR): the functions that took
// the most time themselves, and the source files by the time spent in them and all they called.
//   node scripts/profile-summary.mjs FILE.cpuprofile [how many lines, 40]
import { readFileSync } from "node:fs";

const [file, many = "40"] = process.argv.slice(2);
if (!file) throw new Error("Usage: node scripts/profile-summary.mjs FILE.cpuprofile [lines]");
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
const bySelf = new Map();
const byFile = new Map();
for (const [id, us] of self) {
  const n = nodes.get(id);
  bySelf.set(where(n), (bySelf.get(where(n)) ?? 0) + us);
  // Inclusive by file: each sample counts once for every file on its stack.
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const url = nodes.get(at).callFrame.url.replace(/^.*\/(node_modules\/[^/]+|\.next\/server\/chunks\/[^/]+)?.*$/, (m, g) => g ?? m) || "(native)";
    if (!seen.has(url)) {
      seen.add(url);
      byFile.set(url, (byFile.get(url) ?? 0) + us);
    }
  }
}
const show = (title, map) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(many))) console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
};
show("Self time", bySelf);
show("Time in a file and what it called", byFile);
