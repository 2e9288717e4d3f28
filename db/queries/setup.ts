import "server-only";
// First-admin setup for a production start with an empty database.
import { always } from "../dialect";
import { db, first, lockFor, one } from "../client";
import { organisations, users } from "../schema";
import { audit } from "../audit";

export async function createFirstAdmin(input: { organisation: string; name: string; email: string; passwordHash: string }) {
  return await db.transaction(async (tx) => {
    // Checked inside the transaction, under a lock every instance takes: two people racing to set up get one admin.
    await lockFor("first_admin");
    if (await first(tx.select({ one: always }).from(users).limit(1))) return { ok: false as const, code: "conflict" as const };
    const org =
      await first(tx.select({ id: organisations.id }).from(organisations).limit(1)) ??
      await one(tx.insert(organisations).values({ name: input.organisation }).returning({ id: organisations.id }));
    const admin = await one(tx
      .insert(users)
      .values({ orgId: org.id, email: input.email, name: input.name, role: "admin", passwordHash: input.passwordHash })
      .returning());
    await audit(tx, admin, { action: "setup.first_admin", entityType: "user", entityId: admin.id, summary: { organisation: input.organisation } });
    return { ok: true as const, userId: admin.id };
  });
}
