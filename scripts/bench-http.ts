// What a person waits for, measured over HTTP: the production server (scripts/server.mjs, as `npm start` runs it) over
// a large organisation, each role signed in, each page loaded by autocannon for a few seconds, against the login
// page as a floor in the same run. A measurement, not a test: it prints a table and asserts nothing.
//   npm run bench:http                                  (SQLite, data/bench.db, made on first use)
//   npm run bench:http -- --database postgres --instances 1,2
//        (PostgreSQL: a database of its own, pathways_bench, on DATABASE_URL's server when it is set, else on a
//         throwaway one; the same load on one instance and then split across two over it, as behind a load balancer)
// Options: --workers N (default 50,000), --duration seconds per page (8), --connections (10), --pages a,b (by name),
// --no-append (print the table without appending it to docs/benchmarks.md), --profile DIR (the measured instances write
// V8 CPU profiles there as they stop; scripts/profile-summary.mjs lists where the time went), --show-sql (print the
// statements each page runs).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { startThrowawayPostgres, stopOnInterrupt } from "./postgres-server.mjs";
import { benchDatabaseOn } from "../db/bench-database";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const workers = Number(arg("--workers") ?? 50_000);
const duration = Number(arg("--duration") ?? 8);
const connections = Number(arg("--connections") ?? 10);
const database = arg("--database") ?? "sqlite";
const instanceCounts = (arg("--instances") ?? "1").split(",").map(Number);
if (database !== "sqlite" && database !== "postgres") throw new Error("--database is sqlite or postgres.");
if (instanceCounts.some((n) => n > 1) && database !== "postgres") throw new Error("Several instances share one database on PostgreSQL only.");

const profileDir = arg("--profile");
const showSql = args.includes("--show-sql");
const saveDir = arg("--save");
const PASSWORD = "pathways-demo";
const SECRET = "pathways-bench-secret-not-for-production-0123456789";
const BASE_PORT = Number(process.env.BENCH_PORT_BASE ?? 3400);

type Who = "none" | "worker" | "manager" | "lead";
const EMAILS: Record<Exclude<Who, "none">, string> = { worker: "worker@demo.test", manager: "manager@demo.test", lead: "lead@demo.test" };
/**
 * The pages measured, by name; the first is the floor every other page is compared with. `{worker}` is the support
 * worker's record (worker@demo.test), whose pages their manager opens.
 */
const ALL_PAGES: { name: string; path: string; who: Who }[] = [
  { name: "login", path: "/login", who: "none" },
  { name: "me", path: "/me", who: "worker" },
  { name: "worker-inbox", path: "/inbox", who: "worker" },
  { name: "team", path: "/team", who: "manager" },
  { name: "manager-inbox", path: "/inbox", who: "manager" },
  { name: "record", path: "/workers/{worker}", who: "manager" },
  { name: "pdp", path: "/workers/{worker}/pdp", who: "manager" },
  { name: "appraisals", path: "/workers/{worker}/appraisals", who: "manager" },
  { name: "conversations", path: "/workers/{worker}/conversations", who: "manager" },
  { name: "competencies", path: "/workers/{worker}/competencies", who: "manager" },
  { name: "cpd", path: "/workers/{worker}/cpd", who: "manager" },
  { name: "supervision", path: "/workers/{worker}/supervision", who: "manager" },
  { name: "workers", path: "/workers", who: "lead" },
  { name: "insights", path: "/insights", who: "lead" },
  { name: "measure", path: "/insights/appraised", who: "lead" },
  { name: "progression", path: "/insights/progression", who: "lead" },
  { name: "workforce", path: "/insights/workforce", who: "lead" },
  { name: "barriers", path: "/insights/barriers", who: "lead" },
  { name: "equity", path: "/insights/equity", who: "lead" },
  { name: "apprenticeships", path: "/apprenticeships", who: "lead" },
  { name: "scorecard-csv", path: "/insights/csv", who: "lead" },
  { name: "workforce-csv", path: "/insights/workforce/csv?table=by-band", who: "lead" },
  { name: "export-csv", path: "/workers/export", who: "lead" },
];
const wanted = arg("--pages")?.split(",");
const pages = ALL_PAGES.filter((p, i) => i === 0 || !wanted || wanted.includes(p.name));
const unknown = wanted?.filter((w) => !ALL_PAGES.some((p) => p.name === w));
if (unknown?.length) throw new Error(`No page named ${unknown.join(", ")}: the names are ${ALL_PAGES.map((p) => p.name).join(", ")}.`);

const node = (script: string[], env: NodeJS.ProcessEnv) => execFileSync(process.execPath, script, { stdio: "inherit", env });

/** A running instance, and how many SQL statements it has logged (PATHWAYS_LOG_STATEMENTS=1). */
type Instance = { server: ChildProcess; statements: number; log: string[] };

async function startServer(port: number, env: NodeJS.ProcessEnv, profile?: string): Promise<Instance> {
  const server = spawn(process.execPath, [...(profile ? ["--cpu-prof", "--cpu-prof-dir", profile] : []), "scripts/server.mjs"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
  const instance: Instance = { server, statements: 0, log: [] };
  let partial = "";
  server.stdout!.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith("[sql] ")) {
        instance.statements++;
        if (showSql) instance.log.push(line);
      }
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server on port ${port} stopped (exit ${server.exitCode}).`);
    try {
      if ((await fetch(`http://localhost:${port}/login`, { redirect: "manual" })).status < 500) return instance;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill("SIGKILL");
  throw new Error(`The server on port ${port} did not answer within 120 s.`);
}

/** The SQL statements one request for the page runs, alone on the instance: its whole body read, then its log. */
async function statementsFor(instance: Instance, url: string, cookie: string): Promise<{ statements: number; bytes: number }> {
  const before = instance.statements;
  instance.log.length = 0;
  const body = await (await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" })).arrayBuffer();
  const bytes = body.byteLength;
  if (saveDir) writeFileSync(`${saveDir}/${new URL(url).pathname.replaceAll("/", "_") || "_"}.html`, Buffer.from(body));
  await new Promise((r) => setTimeout(r, 100)); // the log's last lines reach us just after the response
  if (showSql) console.log(`${url}:\n${instance.log.join("\n")}\n`);
  return { statements: instance.statements - before, bytes };
}

async function stopServer({ server }: Instance) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

/** The support worker's record, found when they sign in. */
let workerId = "";

/** Each role's cookies, signed in through the real form; sessions live in the database, so they work on every instance. */
async function signIn(origin: string): Promise<Record<Who, string>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell" });
  const cookies: Record<Who, string> = { none: "", worker: "", manager: "", lead: "" };
  try {
    for (const who of Object.keys(EMAILS) as (keyof typeof EMAILS)[]) {
      const context = await browser.newContext({ baseURL: origin });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email address").fill(EMAILS[who]);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 60_000 });
      cookies[who] = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      if (who === "worker") {
        // The worker's own record, linked from their home.
        const href = await page.locator('a[href^="/workers/"]').first().getAttribute("href");
        workerId = /^\/workers\/([^/?#]+)/.exec(href ?? "")?.[1] ?? "";
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return cookies;
}

type Measured = { requests: number; perSecond: number; p50: number; p99: number; bad: number };

/** The same load (`connections` in all) on one page, split evenly across the instances, all at once. */
async function load(origins: string[], path: string, cookie: string, seconds: number): Promise<Measured> {
  const share = Math.max(1, Math.round(connections / origins.length));
  const results = await Promise.all(
    origins.map(
      async (origin) =>
        await autocannon({ url: `${origin}${path}`, connections: share, duration: seconds, headers: cookie ? { cookie } : {} }),
    ),
  );
  return {
    requests: results.reduce((n, r) => n + r.requests.total, 0),
    perSecond: results.reduce((n, r) => n + r.requests.average, 0),
    // Latency: the slower instance's percentile, as a person behind the load balancer may get either.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    bad: results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
  };
}

/** A single request's time, alone on the instance: the median of five in a row, each read to its last byte. */
async function alone(url: string, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await (await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" })).arrayBuffer();
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[2]!);
}

async function main() {
  node(["scripts/build-if-needed.mjs"], process.env);
  const throwaway = database === "postgres" && !process.env.DATABASE_URL ? await startThrowawayPostgres() : undefined;
  if (throwaway) stopOnInterrupt(throwaway);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: SECRET,
    PATHWAYS_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    // npm run bench's 50,000 workers, or a file of its own for another size (--if-empty seeds only an empty one).
    DATABASE_PATH: process.env.DATABASE_PATH ?? (workers === 50_000 ? "data/bench.db" : `data/bench-${workers}.db`),
    // On PostgreSQL, the benchmarks' own database beside DATABASE_URL's (never that one: it is seeded with the demo).
    DATABASE_URL: database === "postgres" ? await benchDatabaseOn(process.env.DATABASE_URL ?? throwaway!.url) : "",
  };
  const servers: Instance[] = [];
  try {
    console.log(`Seeding ${workers.toLocaleString("en-GB")} workers unless the database has data already…`);
    node(["node_modules/tsx/dist/cli.mjs", "db/seed/cli.ts", "--if-empty", "--workers", String(workers)], env);
    const rows: string[] = [];
    // The statements each page runs, counted on an instance of its own with the statement log on (PATHWAYS_LOG_STATEMENTS),
    // so that the measured instances spend nothing on printing them. Sessions live in the database: one sign-in serves all.
    const counter = await startServer(BASE_PORT + 50, { ...env, PATHWAYS_LOG_STATEMENTS: "1" });
    const counterOrigin = `http://localhost:${BASE_PORT + 50}`;
    const cookies = await signIn(counterOrigin);
    if (!workerId && pages.some((p) => p.path.includes("{worker}"))) throw new Error("worker@demo.test's home links no record of theirs.");
    const measured = pages.map((p) => ({ ...p, path: p.path.replace("{worker}", workerId) }));
    const statementCounts = new Map<string, { statements: number; bytes: number }>();
    try {
      for (const page of measured) {
        await fetch(`${counterOrigin}${page.path}`, { headers: cookies[page.who] ? { cookie: cookies[page.who] } : {}, redirect: "manual" });
        statementCounts.set(page.path, await statementsFor(counter, `${counterOrigin}${page.path}`, cookies[page.who]));
      }
    } finally {
      await stopServer(counter);
    }
    for (const count of instanceCounts) {
      while (servers.length < count) servers.push(await startServer(BASE_PORT + servers.length, env, profileDir));
      const origins = servers.slice(0, count).map((_, i) => `http://localhost:${BASE_PORT + i}`);
      let floor: number | undefined;
      for (const page of measured) {
        // Warm, one request at a time on each instance: its code, its caches and its kept insights (a lead's first view
        // at 50,000 workers takes seconds; ten of them at once would all time out). The first view's cost is in
        // npm run bench; this measures the page as people use it once it is warm.
        for (const origin of origins) await fetch(`${origin}${page.path}`, { headers: cookies[page.who] ? { cookie: cookies[page.who] } : {}, redirect: "manual" });
        const { statements, bytes } = statementCounts.get(page.path)!;
        const single = await alone(`${origins[0]}${page.path}`, cookies[page.who]);
        const m = await load(origins, page.path, cookies[page.who], duration);
        floor ??= m.perSecond;
        const shown = workerId ? page.path.replaceAll(`/${workerId}`, "/[id]") : page.path;
        // A request longer than the run (ten whole exports at once) completes none in it: say so, not 0 ms.
        const latency = (ms: number) => (m.requests > 0 ? `${ms} ms` : `none in ${duration} s`);
        const line = `| ${shown} (${page.who === "none" ? "no session" : page.who}) | ${count} | ${single} ms | ${latency(m.p50)} | ${latency(m.p99)} | ${m.perSecond.toFixed(1)} | ${(m.perSecond / floor).toFixed(2)} | ${statements} | ${Math.round(bytes / 1024)} KB |${m.bad ? ` ${m.bad} not 2xx |` : ""}`;
        console.log(line);
        rows.push(line);
      }
    }
    const title = `${new Date().toISOString().slice(0, 10)}, \`npm run bench:http\`: ${database === "postgres" ? "PostgreSQL" : "SQLite"}, ${workers.toLocaleString("en-GB")} workers`;
    const report = [
      `## ${title}`,
      "",
      `${connections} connections for ${duration} s a page after one warming request per instance; "alone" is one request with nothing else running, the median of five in a row on the first instance; with several instances the connections are split between them, requests per second are their sum and p50 and p99 the slower instance's. "SQL" is the statements one request runs and "size" its uncompressed HTML, alone, on an instance of its own that logs them (the measured ones do not). The machine's own figures (cores, what else ran) are not known to the script: say them below the table.`,
      "",
      "| page (user) | instances | alone | p50 | p99 | requests/s | against the login page | SQL | size |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...rows,
      "",
    ].join("\n");
    console.log(`\n${report}`);
    if (!args.includes("--no-append")) {
      appendFileSync("docs/benchmarks.md", `\n${report}`);
      console.log("Appended to docs/benchmarks.md (--no-append to leave it).");
    }
  } finally {
    for (const server of servers) await stopServer(server);
    throwaway?.stop();
  }
}

await main();
