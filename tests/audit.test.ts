import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db, rawSqlite } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { audit } from "@/db/audit";
import { makeOrg, makeUser } from "./support/factory";

describe("the audit log", () => {
  it("records who did what to which record", () => {
    const org = makeOrg();
    const admin = makeUser(org.id, "admin", "Alex Admin");
    audit(db, admin, { action: "user.disable", entityType: "user", entityId: "u1", summary: { status: "disabled" } });
    const row = db.select().from(auditEvents).where(eq(auditEvents.action, "user.disable")).get();
    expect(row).toMatchObject({ actorId: admin.id, actorLabel: "Alex Admin (Administrator)", entityType: "user", entityId: "u1" });
    expect(JSON.parse(row!.summary)).toEqual({ status: "disabled" });
    expect(row!.at).toBeInstanceOf(Date);
  });

  it("refuses UPDATE and DELETE: it is append-only", () => {
    audit(db, "system", { action: "demo.seed", entityType: "organisation", entityId: "o1" });
    expect(() => db.update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.action, "demo.seed")).run()).toThrow(/append-only/);
    expect(() => db.delete(auditEvents).where(eq(auditEvents.action, "demo.seed")).run()).toThrow(/append-only/);
    // Below the ORM too: the trigger is in the database itself.
    expect(() => rawSqlite().exec("delete from audit_events")).toThrow(/append-only/);
    expect(db.select().from(auditEvents).all()).toHaveLength(1);
  });
});
