import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { refusalOf } from "./support/sql-refusal";
import { auditEvents } from "@/db/schema";
import { audit } from "@/db/audit";
import { makeOrg, makeUser } from "./support/factory";

describe("the audit log", () => {
  it("records who did what to which record", async () => {
    const org = await makeOrg();
    const admin = await makeUser(org.id, "admin", "Alex Admin");
    await audit(db, admin, { action: "user.disable", entityType: "user", entityId: "u1", summary: { status: "disabled" } });
    const row = await first(db.select().from(auditEvents).where(eq(auditEvents.action, "user.disable")));
    expect(row).toMatchObject({ actorId: admin.id, actorLabel: "Alex Admin (Administrator)", entityType: "user", entityId: "u1" });
    expect(JSON.parse(row!.summary)).toEqual({ status: "disabled" });
    expect(row!.at).toBeInstanceOf(Date);
  });

  it("refuses UPDATE and DELETE: it is append-only", async () => {
    await audit(db, "system", { action: "demo.seed", entityType: "organisation", entityId: "o1" });
    // drizzle names the query that failed; SQLite's own message is the cause.
    const refused = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(db.update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.action, "demo.seed"))).rejects.toMatchObject(refused);
    await expect(db.delete(auditEvents).where(eq(auditEvents.action, "demo.seed"))).rejects.toMatchObject(refused);
    // Below the ORM too: the trigger is in the database itself.
    expect(await refusalOf("delete from audit_events")).toMatch(/append-only/);
    expect(await db.select().from(auditEvents)).toHaveLength(1);
  });
});
