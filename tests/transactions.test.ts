// The asynchronous transaction on SQLite (db/client.ts, decision record 0025): one connection, BEGIN IMMEDIATE, the
// process's transactions one at a time, and a query from outside an open transaction kept out of it.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first, openDatabase, rawSqlite, transaction } from "@/db/client";
import { organisations } from "@/db/schema";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const named = async (name: string) => (await first(db.select().from(organisations).where(eq(organisations.name, name)))) ?? null;

describe("an asynchronous transaction", () => {
  it("commits what it wrote, and a failure rolls all of it back", async () => {
    await transaction(async (tx) => {
      await tx.insert(organisations).values({ name: "Kept" });
    });
    await expect(
      transaction(async (tx) => {
        await tx.insert(organisations).values({ name: "Gone" });
        await later(5);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await named("Kept")).not.toBeNull();
    expect(await named("Gone")).toBeNull();
    expect(rawSqlite().inTransaction).toBe(false);
  });

  it("keeps a query made outside it waiting until it ends, so it never reads what is later rolled back", async () => {
    let began!: () => void;
    const begun = new Promise<void>((resolve) => (began = resolve));
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    const tx = transaction(async (t) => {
      await t.insert(organisations).values({ name: "Uncommitted" });
      began();
      await finishing; // waiting on something while the transaction is open
      throw new Error("roll back");
    });
    await begun;
    // Another request reads while the transaction is open.
    let outsideSaw: unknown = "not yet";
    const outside = named("Uncommitted").then((row) => (outsideSaw = row));
    await later(20);
    expect(outsideSaw).toBe("not yet");
    finish();
    await expect(tx).rejects.toThrow("roll back");
    await outside;
    expect(outsideSaw).toBeNull();
  });

  it("does not let a query that waited fall into the next transaction of the queue, which then rolls back", async () => {
    let began!: () => void;
    const begun = new Promise<void>((resolve) => (began = resolve));
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => (finish = resolve));
    const first = transaction(async () => {
      began();
      await finishing;
    });
    await begun;
    // Queued behind the first: it will take the connection the moment the first ends, and then fail.
    const second = transaction(async (t) => {
      await t.insert(organisations).values({ name: "In the second" });
      throw new Error("the second rolls back");
    });
    // Another request's write, waiting for the connection too.
    const outside = Promise.resolve(db.insert(organisations).values({ name: "Written outside" }));
    await later(5);
    finish();
    await first;
    await expect(second).rejects.toThrow("the second rolls back");
    await outside;
    expect(await named("Written outside")).not.toBeNull();
    expect(await named("In the second")).toBeNull();
  });

  it("runs the transactions of the process one at a time, in the order they were asked for", async () => {
    const steps: string[] = [];
    const run = (name: string) =>
      transaction(async (t) => {
        steps.push(`${name} begins`);
        await t.insert(organisations).values({ name });
        await later(5);
        steps.push(`${name} ends`);
      });
    await Promise.all([run("A"), run("B"), run("C")]);
    expect(steps).toEqual(["A begins", "A ends", "B begins", "B ends", "C begins", "C ends"]);
  });

  it("makes a transaction inside another a savepoint: its failure undoes only its own writes", async () => {
    await transaction(async (outer) => {
      await outer.insert(organisations).values({ name: "Outer" });
      await expect(
        transaction(async (inner) => {
          await inner.insert(organisations).values({ name: "Inner" });
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
      // The outer transaction's own queries go straight through, from db as from its tx.
      expect(await named("Outer")).not.toBeNull();
    });
    expect(await named("Outer")).not.toBeNull();
    expect(await named("Inner")).toBeNull();
  });

  it("works when the bundler has given a route its own copy of the module (one queue and one mark per process)", async () => {
    vi.resetModules();
    const copy = (await import("@/db/client")) as typeof import("@/db/client");
    expect(copy.transaction).not.toBe(transaction);
    // The connection was opened by the first copy; a transaction through the second must not wait on itself.
    const done = copy.transaction(async (tx) => {
      await tx.insert(organisations).values({ name: "From the copy" });
      return named("From the copy");
    });
    const result = await Promise.race([done, later(2_000).then(() => "deadlocked")]);
    expect(result).not.toBe("deadlocked");
    expect(result).not.toBeNull();
  });

  it("refuses a PostgreSQL database while the tables are SQLite's (DATABASE_URL decides them), keeping the open one", async () => {
    expect(() => openDatabase("postgres://pathways@localhost/pathways")).toThrow(/DATABASE_URL/);
    await db.insert(organisations).values({ name: "Still open" });
    expect(await named("Still open")).not.toBeNull();
  });
});
