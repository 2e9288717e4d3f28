// PATHWAYS_LOG_STATEMENTS=1 prints each SQL statement the app runs, a line each, with its text but never its values
// (npm run bench:http counts them per page); unset, nothing is printed.
import { afterEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { databaseTarget, db, openDatabase } from "@/db/client";
import { users } from "@/db/schema";

/** Opens the test's database again, so the setting is read afresh. */
const reopen = () => openDatabase(databaseTarget());

afterEach(() => {
  delete process.env.PATHWAYS_LOG_STATEMENTS;
  vi.restoreAllMocks();
});

describe("the statement log", () => {
  it("prints each statement's text, never its values, when PATHWAYS_LOG_STATEMENTS is on", async () => {
    process.env.PATHWAYS_LOG_STATEMENTS = "1";
    reopen();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await db.select({ id: users.id }).from(users).where(eq(users.email, "someone.secret@example.test"));
    await db.select({ id: users.id }).from(users).limit(1);
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\[sql\] select "(users"\.")?id"? from "users"/);
    expect(lines.join("\n")).not.toContain("someone.secret");
  });

  it("prints nothing when it is unset", async () => {
    reopen();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await db.select({ id: users.id }).from(users).limit(1);
    expect(log).not.toHaveBeenCalled();
  });
});
