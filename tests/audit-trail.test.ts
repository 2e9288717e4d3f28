// The audit trail an auditor would accept: every row chained to the one before by its hash, so an edit, a removal or
// a row slipped in is found (and named) by `npm run audit:verify` and the admin page; the address and session on
// every row; the administrator's trail scoped to their organisation, filtered and downloadable; and downloads of
// figures recorded without making the kept figures look out of date.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { asc, eq } from "drizzle-orm";
import { databaseKind, databaseTarget, db, first } from "@/db/client";
import { dropAuditTriggers, rawStatement, refusalOf } from "./support/sql-refusal";
import { auditEvents, organisations } from "@/db/schema";
import { audit, auditMany } from "@/db/audit";
import { verifyChain, rowHash } from "@/db/audit-chain";
import { auditChainStatus, auditTrail, auditTrailForDownload, recordAccess } from "@/db/queries/audit-trail";
import { keptInsight } from "@/db/insights-cache";
import { auditActionHasWords, auditActionWords } from "@/lib/audit-words";
import { GET as auditCsvGET } from "@/app/(app)/admin/audit/csv/route";
import { asSession, makeOrg, makeUser, twoTeams } from "./support/factory";
import { actAs, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const NO_FILTERS = { actor: null, worker: null, kind: null, from: null, to: null };

async function someEvents() {
  const org = await makeOrg();
  const admin = { ...asSession(await makeUser(org.id, "admin", "Alex Admin")), address: "203.0.113.9" };
  for (let i = 0; i < 5; i++) await audit(db, admin, { action: "team.update", entityType: "team", entityId: `t${i}`, summary: { name: `Team ${i}` } });
  return { org, admin };
}

/** Raw SQL past the ORM, with the append-only triggers taken away first: what someone with the file could do. */
async function tamper(statement: string) {
  await dropAuditTriggers();
  await rawStatement(statement);
}

describe("the hash chain", () => {
  it("numbers every row in order, chains its hash to the one before, and verifies", async () => {
    await someEvents();
    await auditMany(db, "system", [
      { action: "worker.import_create", entityType: "worker", entityId: "w1" },
      { action: "worker.import_create", entityType: "worker", entityId: "w2" },
    ]);
    const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.hash).toBe(rowHash(null, rows[0]!));
    expect(rows[3]!.hash).toBe(rowHash(rows[2]!.hash, rows[3]!));
    expect(await verifyChain(db)).toEqual({ ok: true, rows: rows.length, beforeChain: 0, head: { seq: rows.length, hash: rows.at(-1)!.hash } });
  });

  it("records the actor's address and session on every row, and an address given for a system event", async () => {
    const { admin } = await someEvents();
    await audit(db, "system", { action: "user.sign_in_failed", entityType: "user", entityId: "u1", address: "198.51.100.7" });
    const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(rows[0]).toMatchObject({ actorId: admin.id, address: "203.0.113.9", sessionId: "test-session" });
    expect(rows.at(-1)).toMatchObject({ actorId: null, address: "198.51.100.7", sessionId: null });
  });

  it("refuses INSERT OR REPLACE of an existing row, a row out of order and a row without its hash", async () => {
    await someEvents();
    // SQLite's INSERT OR REPLACE, PostgreSQL's upsert: either would rewrite row 2.
    const replace =
      databaseKind() === "postgres"
        ? `insert into audit_events (seq, at, actor_label, action, entity_type, entity_id, summary, hash)
            values (2, 0, 'Someone', 'team.update', 'team', 't1', '{}', 'x') on conflict (seq) do update set hash = excluded.hash`
        : `insert or replace into audit_events (seq, at, actor_label, action, entity_type, entity_id, summary, hash)
            values (2, 0, 'Someone', 'team.update', 'team', 't1', '{}', 'x')`;
    expect(await refusalOf(replace)).toMatch(/next row of its chain/);
    expect(await refusalOf(`insert into audit_events (seq, at, actor_label, action, entity_type, entity_id, summary, hash) values (9, 0, 'S', 'a.b', 't', 'e', '{}', 'x')`)).toMatch(
      /next row of its chain/,
    );
    expect(await refusalOf(`insert into audit_events (seq, at, actor_label, action, entity_type, entity_id, summary) values (6, 0, 'S', 'a.b', 't', 'e', '{}')`)).toMatch(
      /next row of its chain/,
    );
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it("names the first broken row when a row is edited, removed or its hash dropped, even with the triggers gone", async () => {
    await someEvents();
    await tamper(`update audit_events set summary = '{"name":"Renamed"}' where seq = 3`);
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringContaining("changed since it was written") });
  });

  it("finds a removed row, and a rewritten row whose own hash was recomputed (the next one breaks)", async () => {
    await someEvents();
    await tamper("delete from audit_events where seq = 2");
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBroken: 3, reason: "row 2 is missing" });
  });

  it("finds a row rewritten with its own hash recomputed: the row after it no longer follows", async () => {
    await someEvents();
    const row = (await first(db.select().from(auditEvents).where(eq(auditEvents.seq, 2))))!;
    const previous = (await first(db.select().from(auditEvents).where(eq(auditEvents.seq, 1))))!;
    const forged = { ...row, summary: '{"name":"Forged"}' };
    await tamper(`update audit_events set summary = '{"name":"Forged"}', hash = '${rowHash(previous.hash, forged)}' where seq = 2`);
    expect(await verifyChain(db)).toMatchObject({ ok: false, firstBroken: 3 });
  });

  it("npm run audit:verify says it verifies, and after tampering names the row and exits 1", async () => {
    await someEvents();
    const target = databaseTarget();
    const onPostgres = databaseKind() === "postgres";
    const run = (where = target) =>
      spawnSync(process.execPath, [join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/audit-verify.ts"], {
        env: { ...process.env, ...(onPostgres ? { DATABASE_URL: where } : { DATABASE_PATH: where }) },
        encoding: "utf8",
      });
    const good = run();
    expect(good.stdout).toContain("The audit log verifies: 5 rows.");
    expect(good.status).toBe(0);
    await tamper("update audit_events set action = 'team.archive' where seq = 4");
    const bad = run();
    expect(bad.stderr).toContain("First broken row: 4");
    expect(bad.status).toBe(1);
    // A mistyped path or database name is not an empty log that verifies.
    const missing = `${target}_mistyped`;
    const none = run(missing);
    expect(none.stderr).toContain(`There is no database at ${missing}`);
    expect(none.status).toBe(1);
    if (!onPostgres) expect(existsSync(missing)).toBe(false);
  }, 30_000);
});

describe("the administrator's trail", () => {
  it("shows only the organisation's events, to an administrator only, newest first, filtered by who, record and date", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const manager = asSession(f.users.managerA);
    await audit(db, manager, { action: "pdp.created", entityType: "pdp", entityId: "p1", workerId: f.workers.workerA.id });
    await audit(db, admin, { action: "team.update", entityType: "team", entityId: f.teamA.id });
    // Another organisation's administrator acts on their own organisation.
    const otherAdmin = asSession(await makeUser(f.users.otherLead.orgId, "admin"));
    await audit(db, otherAdmin, { action: "team.update", entityType: "team", entityId: "other" });

    const all = (await auditTrail(admin, NO_FILTERS, 1))!;
    expect(all.rows.map((r) => r.action)).toEqual(["team.update", "pdp.created"]);
    expect(all.rows[1]).toMatchObject({ workerName: `${f.workers.workerA.firstName} ${f.workers.workerA.lastName}` });
    expect((await auditTrail(admin, { ...NO_FILTERS, actor: manager.id }, 1))!.rows.map((r) => r.action)).toEqual(["pdp.created"]);
    expect((await auditTrail(admin, { ...NO_FILTERS, worker: f.workers.workerA.id }, 1))!.total).toBe(1);
    expect((await auditTrail(admin, { ...NO_FILTERS, kind: "team" }, 1))!.total).toBe(1);
    expect((await auditTrail(admin, { ...NO_FILTERS, to: "2000-01-01" }, 1))!.total).toBe(0);
    for (const who of [manager, asSession(f.users.lead), asSession(f.users.workerUserA)]) {
      expect(await auditTrail(who, NO_FILTERS, 1)).toBeUndefined();
      expect(await auditTrailForDownload(who, NO_FILTERS)).toBeUndefined();
      expect(await auditChainStatus(who)).toBeUndefined();
    }
  });

  it("reads in words a person understands", () => {
    expect(auditActionWords("competency_assessment.signed_off", "competency_assessment")).toBe("signed off a competency");
    expect(auditActionWords("appraisal.scheduled", "appraisal")).toBe("booked an appraisal");
    expect(auditActionWords("user.sign_in", "user")).toBe("signed in");
    expect(auditActionWords("equity.view", "equity")).toBe("opened the equity figures");
    expect(auditActionWords("something.new_thing", "gadget")).toBe("new thing gadget");
  });

  it("has words for every action the code writes", () => {
    const codes = new Set<string>();
    const read = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) read(path);
        else if (/\.tsx?$/.test(entry.name)) for (const m of readFileSync(path, "utf8").matchAll(/action: "([a-z_]+\.[a-z_]+)"/g)) codes.add(m[1]!);
      }
    };
    for (const dir of ["app", "db", "lib"]) read(dir);
    expect(codes.size).toBeGreaterThan(50);
    expect([...codes].filter((code) => !auditActionHasWords(code))).toEqual([]);
  });

  it("downloads the filtered trail as CSV, recording the download itself; anyone but an administrator gets 404", async () => {
    const { admin } = await someEvents();
    actAs(admin);
    const res = await auditCsvGET(new Request("http://x/admin/audit/csv?kind=team&from=2000-01-01"));
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="pathways-audit-trail-2000-01-01\.csv"$/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toContain("When,Who,What,Record,Details,Address");
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain("changed a team");
    expect(lines[1]).toContain("203.0.113.9");
    const logged = (await first(db.select().from(auditEvents).where(eq(auditEvents.action, "audit_trail.download"))))!;
    expect(JSON.parse(logged.summary)).toMatchObject({ filters: { kind: "team", from: "2000-01-01" }, rows: 5 });
    const org = await makeOrg();
    actAs(asSession(await makeUser(org.id, "lead")));
    await expect(auditCsvGET(new Request("http://x/admin/audit/csv"))).rejects.toThrow(NOT_FOUND);
  });
});

describe("recording views and downloads", () => {
  it("does not make kept insights look out of date", async () => {
    const { admin } = await someEvents();
    let computed = 0;
    const figures = async () => await keptInsight("test-figures", admin, {}, async () => ++computed);
    await figures();
    await recordAccess(admin, { action: "equity.view", entityType: "equity", entityId: "2026-09-30" });
    await figures();
    expect(computed).toBe(1);
    // A change to the records the figures come from is seen at once.
    await db.insert(organisations).values({ name: "Another trust" });
    await figures();
    expect(computed).toBe(2);
  });
});
