// Times the register's and homes' queries against a large organisation (default 50,000 workers).
//   npm run bench                 (makes data/bench.db on first run; later runs reuse it)
//   npm run bench -- --workers 10000 --fresh
//   DATABASE_URL=postgres://… npm run bench      (the same on PostgreSQL, in a database of its own on that server,
//                                  pathways_bench, seeded when it has no workers: never DATABASE_URL's own database)
//   npm run bench -- --compare    (SQLite, then PostgreSQL, one after the other, side by side with the ratio; on
//                                  DATABASE_URL's server when it is set, else on a throwaway one from Debian's binaries)
// A measurement, not a test: it prints timings and asserts nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openBenchDatabase, closeBenchDatabase, benchSession, benchWorkerCount, gatewayApprenticeId, openBenchCopy, touchOneApprenticeship, rewriteUserName, firstTeamNames, touchOneRecord } from "../db/bench";
import { listWorkers, allWorkersMatching } from "../db/queries/workers";
import { developmentSummaries, activeGoals, actionsDueSoon, conversationHistory, appraisalHistory } from "../db/queries/development";
import { ownWorkerRecord } from "../db/queries/workers";
import { pdpPage } from "../db/queries/pdps";
import { appraisalsPage } from "../db/queries/appraisals";
import { conversationsPage } from "../db/queries/conversations";
import { competencyOverview, competencyStatementPage, progressionReadiness } from "../db/queries/competencies";
import { headlineMeasures } from "../db/queries/insights";
import { apprenticeshipPage } from "../db/queries/apprenticeships";
import { apprenticeshipPipeline, apprenticeshipPipelinePage, forgetRiskFacts, type PipelineShow } from "../db/queries/apprenticeship-pipeline";
import { coverageWorkers, forgetScorecardFacts, scorecard, scorecardFilterChoices, scorecardWorkers } from "../db/queries/scorecard";
import { forgetProgressionFacts, progression } from "../db/queries/progression";
import { workforceComposition } from "../db/queries/workforce";
import { barriersAndEnablers } from "../db/queries/barriers";
import { equityFigures, forgetEquityFacts } from "../db/queries/equality";
import { equityPeriodFor } from "../lib/rules/equity";
import { clearInsightCache } from "../db/insights-cache";
import { forgetKeptInboxes, inboxReminders } from "../db/queries/inbox";
import { parseWorkerFilters } from "../lib/worker-filters";
import { checkWorkerImport, applyWorkerImport } from "../db/queries/worker-import";
import { todayInLondon } from "../lib/rules/dates";
import { databaseUrl } from "../lib/env";
import { printableTarget } from "../db/migrate-cli";
import { startThrowawayPostgres, stopOnInterrupt } from "./postgres-server.mjs";
import { benchDatabaseOn } from "../db/bench-database";
import type { SessionUser } from "../lib/session-user";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const workers = Number(arg("--workers") ?? 50_000);
const path = arg("--db") ?? "data/bench.db";
/** Where to write the timings as JSON as well (the --compare run reads them). */
const jsonOut = arg("--json");

type Line = { label: string; median: number; p90?: number; rows?: number };
const lines: Line[] = [];

if (args.includes("--compare")) {
  await compare();
  process.exit(0);
}

/** Runs this benchmark on SQLite and then on PostgreSQL in child processes, and prints their figures side by side. */
async function compare() {
  const dir = mkdtempSync(join(tmpdir(), "pathways-bench-"));
  const passOn = args.filter((a, i) => a !== "--compare" && args[i - 1] !== "--json" && a !== "--json");
  const run = (label: string, env: Record<string, string>): Line[] => {
    const out = join(dir, `${label}.json`);
    console.log(`\n== ${label} ==`);
    execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/benchmark.ts", ...passOn, "--json", out], {
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    return JSON.parse(readFileSync(out, "utf8")) as Line[];
  };
  const server = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
  if (server) stopOnInterrupt(server);
  try {
    const sqlite = run("SQLite", { DATABASE_URL: "" });
    const postgres = run("PostgreSQL", { DATABASE_URL: process.env.DATABASE_URL ?? server!.url });
    const byLabel = new Map(postgres.map((l) => [l.label, l]));
    console.log(`\n| query | SQLite, ms | PostgreSQL, ms | PostgreSQL / SQLite |\n| --- | ---: | ---: | ---: |`);
    for (const l of sqlite) {
      const p = byLabel.get(l.label);
      const ratio = p && l.median >= 0.5 ? (p.median / l.median).toFixed(2) : "— (under 0.5 ms)";
      console.log(`| ${l.label} | ${l.median.toFixed(1)} | ${p ? p.median.toFixed(1) : "—"} | ${p ? ratio : "—"} |`);
    }
  } finally {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const server = databaseUrl();
const postgresUrl = server ? await benchDatabaseOn(server) : undefined;
const target = postgresUrl ?? path;
if (postgresUrl) {
  await openBenchDatabase(postgresUrl);
  if (args.includes("--fresh") || (await benchWorkerCount()) === 0) {
    await closeBenchDatabase();
    console.log(`Seeding ${workers.toLocaleString("en-GB")} workers into ${printableTarget(postgresUrl)}…`);
    execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "db/seed/cli.ts", "--reset", "--workers", String(workers)], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: postgresUrl },
    });
    await openBenchDatabase(postgresUrl);
  }
} else {
  if (args.includes("--fresh") && existsSync(path)) for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  if (!existsSync(path)) {
    console.log(`Seeding ${workers.toLocaleString("en-GB")} workers into ${path}…`);
    execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "db/seed/cli.ts", "--reset", "--workers", String(workers)], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_PATH: path },
    });
  }
  await openBenchDatabase(path);
}

/** Each query is awaited: what a page waits for, the asynchronous data layer included (decision record 0025). */
async function time(label: string, fn: () => unknown, runs = 15) {
  await fn(); // warm the page cache and statement cache
  const samples: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const out = await fn();
    samples.push(performance.now() - t);
    size = Array.isArray(out) ? out.length : typeof out === "object" && out && "rows" in out ? (out as { rows: unknown[] }).rows.length : 1;
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p90 = samples[Math.floor(samples.length * 0.9)]!;
  console.log(`${label.padEnd(52)} median ${median.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms   rows ${size}`);
  lines.push({ label, median, p90, rows: size });
}

const today = todayInLondon();
const lead = await benchSession("lead@demo.test");
const manager = await benchSession("manager@demo.test");
const f = (q: Record<string, string> = {}) => parseWorkerFilters(q);

console.log(`\n${printableTarget(target)}: timings over 15 runs each\n`);
// The workers list is kept while nothing is written: each of these first views forgets what is kept.
await time("lead: workers list, first page", async () => (clearInsightCache(), await listWorkers(lead, f())));
await time("lead: workers list, search 'smith'", async () => (clearInsightCache(), await listWorkers(lead, f({ q: "smith" }))));
await time("lead: workers list, sorted by team, page 500", async () => (clearInsightCache(), await listWorkers(lead, f({ sort: "team", page: "500" }))));
await time("lead: workers list, on an apprenticeship", async () => (clearInsightCache(), await listWorkers(lead, f({ apprentice: "1" }))));
await time("lead: export of everyone (all rows)", async () => await allWorkersMatching(lead, f()), 3);
await time("manager: workers list", async () => (clearInsightCache(), await listWorkers(manager, f())));
// Kept while nothing is written (a lead paging back, or coming back to the list).
await time("lead: workers list, first page, nothing written since", async () => await listWorkers(lead, f()));
await time("manager: team page (development summaries)", async () => await developmentSummaries(manager, today));
{
  const worker = await benchSession("worker@demo.test");
  const me = await ownWorkerRecord(worker);
  if (!me) throw new Error("worker@demo.test has no worker record");
  await time("worker: My development (goals, actions, history)", async () => [
    ...await developmentSummaries(worker, today, { workerIds: [me.id] }),
    ...await activeGoals(worker, me.id),
    ...await actionsDueSoon(worker, me.id, today),
    ...await appraisalHistory(worker, me.id),
    ...await conversationHistory(worker, me.id),
  ]);
  await time("manager: a worker's PDP page", async () => await pdpPage(manager, me.id));
  await time("manager: a worker's appraisals page", async () => await appraisalsPage(manager, me.id, today));
  await time("manager: a worker's career conversations page", async () => await conversationsPage(manager, me.id));
  await time("manager: a worker's competencies page", async () => await competencyOverview(manager, me.id, today));
  const first = (await competencyOverview(manager, me.id, today))?.next?.domains[0]?.statements[0];
  if (first) await time("manager: one competency statement", async () => await competencyStatementPage(manager, me.id, first.id, today));
  await time("worker: readiness for the next stage (My development)", async () => await progressionReadiness(worker, me.id, today));
  // Worked out each time: the kept inbox (db/insights-cache.ts) would otherwise be timed, not the queries.
  await time("worker: inbox (also the nav count on every page)", async () => {
    forgetKeptInboxes();
    return await inboxReminders(worker, today);
  });
}
await time("manager: inbox (also the nav count on every page)", async () => {
  forgetKeptInboxes();
  return await inboxReminders(manager, today);
});
await time("lead: apprenticeship pipeline (everyone, every row tracked)", async () => await apprenticeshipPipeline(lead, today), 5);
await time("manager: apprenticeship pipeline (their teams)", async () => await apprenticeshipPipeline(manager, today));
{
  // The apprenticeships page (decision record 0029): counts, the at-risk count and one page of 50, from each
  // apprenticeship's first day at risk; with none kept (after a deployment or new rules), and just after one changes.
  // Kept while nothing is written: each first view forgets what is kept, but for the one that times a kept page.
  const pageOf = (user: SessionUser, show: PipelineShow) => apprenticeshipPipelinePage(user, today, { show, page: 1, pageSize: 50 });
  const firstView = (user: SessionUser, show: PipelineShow) => async () => (clearInsightCache(), await pageOf(user, show));
  await time("lead: apprenticeships page, first view (first day at risk kept)", firstView(lead, "live"));
  await time("lead: apprenticeships page, at risk, first view", firstView(lead, "at_risk"));
  await time("lead: apprenticeships page, nothing written since the last view", async () => await pageOf(lead, "live"));
  await time("lead: apprenticeships page, no first day at risk kept", async () => (await forgetRiskFacts(), clearInsightCache(), await pageOf(lead, "live")), 3);
  await time("lead: apprenticeships page, just after an apprenticeship changes", async () => (await touchOneApprenticeship(), await pageOf(lead, "live")), 5);
  await time("manager: apprenticeships page, first view", firstView(manager, "live"));
}
{
  const live = await gatewayApprenticeId();
  if (live) await time("lead: a worker's apprenticeship page", async () => await apprenticeshipPage(lead, live, today));
}
await time("lead: insights headline measures", async () => await headlineMeasures(lead, today));
{
  // Insights: each tab's first view (nothing kept), then a repeat view while the data is unchanged, and for the lead a
  // view just after a change, when a slow result is served as it was (db/insights-cache.ts).
  const all = { team: null, profession: null, setting: null, end: today };
  const fresh = (fn: () => unknown) => async () => {
    clearInsightCache();
    return await fn();
  };
  const change = async () => await rewriteUserName(lead);
  const tabs: [string, (u: SessionUser) => unknown][] = [
    ["call-to-action scorecard", async (u) => await scorecard(u, all)],
    ["team progression, 24 months", async (u) => await progression(u, all, 24)],
    ["workforce tables", async (u) => await workforceComposition(u, all)],
    ["barriers and enablers", async (u) => await barriersAndEnablers(u, all)],
    ["equity (a quarter, checked against the year before it)", async (u) => await equityFigures(u, equityPeriodFor(today, today))],
    ["the workers behind competency coverage (first 500)", async (u) => await coverageWorkers(u, all)],
  ];
  // The scorecard's summaries (decision record 0028): a first view with none (the first of a period a lead chooses,
  // and the work done once a day, after the day's first signed-in response, for the period ending today), and one
  // just after a worker's record changed, when only that worker's and team's are worked out again.
  await time("lead: call-to-action scorecard, no summaries yet (a period's first view)", async () => (await forgetScorecardFacts(), clearInsightCache(), await scorecard(lead, all)), 3);
  await time("lead: call-to-action scorecard, just after a record changes", async () => (await touchOneRecord(), clearInsightCache(), await scorecard(lead, all)), 5);
  // The equity figures' facts (decision record 0030): with none (a new quarter's first view, unless the day's run has
  // worked them out), and just after a worker's record changed, when only that worker's are worked out again.
  const quarter = equityPeriodFor(today, today);
  await time("lead: equity, no facts yet (a new quarter, before the day's run)", async () => (await forgetEquityFacts(), clearInsightCache(), await equityFigures(lead, quarter)), 3);
  await time("lead: equity, just after a record changes", async () => (await touchOneRecord(), clearInsightCache(), await equityFigures(lead, quarter)), 5);
  // Team progression's kept events (decision record 0032): with none (a period's first view, unless the day's run has
  // worked today's out), just after a worker's record changed (their team's worked out again), and a view filtered by
  // profession, which cuts across teams and is worked out from the events as before.
  await time("lead: team progression, 24 months, no kept events (a period's first view)", async () => (await forgetProgressionFacts(), clearInsightCache(), await progression(lead, all, 24)), 3);
  await time("lead: team progression, 24 months, just after a record changes", async () => (await touchOneRecord(), clearInsightCache(), await progression(lead, all, 24)), 5);
  const profession = (await scorecardFilterChoices(lead)).professions[0]?.id ?? null;
  await time("lead: team progression, 24 months, one profession (from the events)", fresh(() => progression(lead, { ...all, profession }, 24)), 3);
  for (const [name, fn] of tabs) {
    await time(`lead: ${name}, first view`, fresh(() => fn(lead)), 5);
    await time(`lead: ${name}, data unchanged`, () => fn(lead));
    await time(`lead: ${name}, just after a change`, async () => (await change(), fn(lead)));
    await time(`manager: ${name}, first view`, fresh(() => fn(manager)));
  }
  await time("lead: the workers behind appraisal (first 500)", fresh(() => scorecardWorkers(lead, all, "appraised")), 5);
  clearInsightCache();
}
// A 10,000-row staff list (new workers in the first 20 teams): the dry run, then applying it, on a copy of the
// benchmark database so that it stays as it was.
{
  const copy = await openBenchCopy();
  const admin = await benchSession("admin@demo.test");
  const teamNames = await firstTeamNames(20);
  const header = "Employee number,First name,Last name,Job title,Profession,Band,FTE,Team,Care setting,Start date,Line manager email";
  const rows = Array.from({ length: 10_000 }, (_, i) =>
    [`77${String(i).padStart(6, "0")}`, "Amara", `Okafor${i}`, "Physiotherapy Assistant", "Physiotherapy", String(2 + (i % 3)), "1", teamNames[i % teamNames.length], "", "01/09/2025", ""].join(","),
  );
  const file = new TextEncoder().encode(`${header}\r\n${rows.join("\r\n")}\r\n`);
  const t0 = performance.now();
  const checked = await checkWorkerImport(admin, { name: "bench.csv", bytes: file }, today);
  const t1 = performance.now();
  if (!checked.ok) throw new Error(checked.message);
  const applied = await applyWorkerImport(admin, checked.batchId, today);
  const t2 = performance.now();
  console.log(`${"import of 10,000 rows: dry run".padEnd(52)} ${(t1 - t0).toFixed(0).padStart(7)} ms`);
  console.log(`${"import of 10,000 rows: apply".padEnd(52)} ${(t2 - t1).toFixed(0).padStart(7)} ms   ${JSON.stringify(applied)}`);
  lines.push({ label: "import of 10,000 rows: dry run", median: t1 - t0 }, { label: "import of 10,000 rows: apply", median: t2 - t1 });
  await copy.remove();
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(lines));
