// PostgreSQL's own guarantees, run only against a real server (npm run test:unit:postgres): what tests/migrations,
// tests/transactions and the audit log's triggers prove on SQLite (decision record 0025).
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { databaseKind, db, execute, first, selectRows, transaction } from "@/db/client";
import { audit } from "@/db/audit";
import { auditEvents, organisations } from "@/db/schema";

const named = async (name: string) => (await first(db.select().from(organisations).where(eq(organisations.name, name)))) ?? null;

const versionNow = async () => (await selectRows<{ n: number }>(sql`select n from data_version where id = 1`))[0]!.n;

describe("on PostgreSQL", () => {
  it("is the database in use, with every migration of drizzle/postgres applied", async () => {
    expect(databaseKind()).toBe("postgres");
    const journal = JSON.parse(readFileSync(join(process.cwd(), "drizzle/postgres/meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const applied = await selectRows<{ n: number }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
    expect(applied[0]!.n).toBe(journal.entries.length);
  });

  it("runs the app's queries without JIT compilation, on every connection of the pool", async () => {
    // Ten at once, so the pool opens several connections: each must have it off before its first query.
    const settings = await Promise.all(Array.from({ length: 10 }, async () => await selectRows<{ jit: string }>(sql`select current_setting('jit') as jit, pg_sleep(0.05)`)));
    expect(settings.map((rows) => rows[0]!.jit)).toEqual(Array(10).fill("off"));
  });

  it("keeps the audit log append-only: no update, delete or truncate, and only the next row of the chain", async () => {
    await audit(db, "system", { action: "demo.seed", entityType: "organisation", entityId: "x" });
    const refused = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(db.update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.action, "demo.seed"))).rejects.toMatchObject(refused);
    await expect(db.delete(auditEvents).where(eq(auditEvents.action, "demo.seed"))).rejects.toMatchObject(refused);
    await expect(execute(sql`truncate audit_events`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    await expect(
      db.insert(auditEvents).values({ seq: 7, at: new Date(), actorLabel: "x", action: "slipped.in", entityType: "x", entityId: "x", summary: "{}", hash: "h" }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/next row of its chain/) } });
    const rows = await db.select().from(auditEvents);
    expect(rows.map((r) => r.action)).toEqual(["demo.seed"]);
  });

  it("commits a transaction, rolls a failed one back whole, and makes a nested one a savepoint", async () => {
    await transaction(async (tx) => {
      await tx.insert(organisations).values({ name: "Kept" });
      await expect(
        transaction(async (inner) => {
          await inner.insert(organisations).values({ name: "Inner" });
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
    });
    await expect(
      transaction(async (tx) => {
        await tx.insert(organisations).values({ name: "Gone" });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await named("Kept")).not.toBeNull();
    expect(await named("Inner")).toBeNull();
    expect(await named("Gone")).toBeNull();
  });

  it("runs what a transaction reads through `db` inside that transaction, where its uncommitted writes are", async () => {
    await transaction(async (tx) => {
      await tx.insert(organisations).values({ name: "Not yet committed" });
      // A helper that takes no tx and uses db must see the transaction's own write, not the pool's view.
      expect(await named("Not yet committed")).not.toBeNull();
    });
  });

  it("counts every write to a table the figures come from in the shared data version, and no sign-in or audit row", async () => {
    const untriggered = await selectRows<{ name: string }>(sql`
      select t.tablename as name from pg_tables t
      where t.schemaname = current_schema()
        and not exists (select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
                        where c.relname = t.tablename and g.tgname = t.tablename || '_data_version')
      order by 1`);
    // A new table is counted unless it is added to this list (a table made after 0002_data_version is counted only if
    // its migration adds the trigger). The scorecard summaries and their versions come from counted tables: writing them changes no figure.
    expect(untriggered.map((r) => r.name)).toEqual(["apprenticeship_risk_facts", "audit_events", "data_version", "fact_versions", "login_sessions", "login_throttle", "password_tokens", "reminder_deliveries", "team_progression_facts", "team_scorecard_facts", "worker_equity_facts", "worker_scorecard_facts"]);
    const before = await versionNow();
    await db.insert(organisations).values({ name: "Counted" });
    expect(await versionNow()).toBe(before + 1);
    // An audit row changes no figure: a sign-in's is not counted. (One about no worker that is not such a record marks
    // a shared change in a setting, db/audit.ts, and that is counted like the change it comes with.)
    await audit(db, "system", { action: "user.sign_in", entityType: "user", entityId: "x" });
    expect(await versionNow()).toBe(before + 1);
  });
});
