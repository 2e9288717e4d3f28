// The framework workers are assessed against is a setting of the organisation: the seeded HEE framework until an
// administrator chooses another published one; the choice is audited and refused to anyone else.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import { auditEvents, frameworks, frameworkVersions, settings } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import { assessedFrameworkKey, chooseAssessedFramework, DEFAULT_FRAMEWORK_KEY } from "@/db/queries/assessed-framework";
import { publishedFrameworkVersion } from "@/db/queries/competencies";
import * as actions from "@/app/(app)/admin/frameworks/actions";
import { asSession, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

/** Two teams, the shipped HEE framework, and a trust's own framework with a published version and a draft-only one. */
async function setup() {
  const f = await twoTeams();
  await seedReference(db);
  const hee = (await first(db.select().from(frameworks).where(eq(frameworks.key, DEFAULT_FRAMEWORK_KEY))))!;
  const own = await one(db.insert(frameworks).values({ key: "trust-sw-2026", name: "Trust support worker framework" }).returning());
  await db.insert(frameworkVersions).values({ frameworkId: own.id, version: 1, status: "published", publishedAt: new Date() });
  const draftOnly = await one(db.insert(frameworks).values({ key: "trust-draft", name: "Trust framework in draft" }).returning());
  await db.insert(frameworkVersions).values({ frameworkId: draftOnly.id, version: 1, status: "draft" });
  const admin = asSession(f.users.admin);
  const others = [f.users.managerA, f.users.lead, f.users.workerUserA].map(asSession);
  return { hee, own, draftOnly, admin, others };
}

const settingChanges = async () => await db.select().from(auditEvents).where(eq(auditEvents.action, "setting.update"));

describe("the framework workers are assessed against", () => {
  it("is the seeded HEE framework until an administrator chooses another", async () => {
    const s = await setup();
    expect(await db.select().from(settings)).toHaveLength(0);
    expect(await assessedFrameworkKey()).toBe(DEFAULT_FRAMEWORK_KEY);
    expect((await publishedFrameworkVersion())?.frameworkId).toBe(s.hee.id);
  });

  it("changes when an administrator chooses a published framework, audited with the old and the new", async () => {
    const s = await setup();
    expect(await chooseAssessedFramework(s.admin, s.own.id)).toEqual({ ok: true, frameworkId: s.own.id });
    expect(await assessedFrameworkKey()).toBe("trust-sw-2026");
    expect((await publishedFrameworkVersion())?.frameworkId).toBe(s.own.id);
    const [event] = await settingChanges();
    expect(event).toMatchObject({ actorId: s.admin.id, entityType: "setting", entityId: "assessed_framework" });
    expect(JSON.parse(event!.summary)).toEqual({ from: DEFAULT_FRAMEWORK_KEY, to: "trust-sw-2026" });

    // Back again through the admin page's action; choosing the one already in force changes and audits nothing.
    actAs(s.admin);
    expect(await actions.chooseFrameworkAction({}, formData({ frameworkId: s.hee.id }))).toMatchObject({ ok: true });
    expect(await assessedFrameworkKey()).toBe(DEFAULT_FRAMEWORK_KEY);
    expect(await actions.chooseFrameworkAction({}, formData({ frameworkId: s.hee.id }))).toMatchObject({ ok: true });
    expect(await settingChanges()).toHaveLength(2);
  });

  it("must be a framework with a published version", async () => {
    const s = await setup();
    expect(await chooseAssessedFramework(s.admin, s.draftOnly.id)).toMatchObject({ ok: false, field: "frameworkId" });
    expect(await chooseAssessedFramework(s.admin, "no-such-framework")).toMatchObject({ ok: false, field: "frameworkId" });
    actAs(s.admin);
    expect(await actions.chooseFrameworkAction({}, formData({}))).toMatchObject({ ok: false, fieldErrors: { frameworkId: expect.any(String) } });
    expect(await assessedFrameworkKey()).toBe(DEFAULT_FRAMEWORK_KEY);
    expect(await settingChanges()).toHaveLength(0);
  });

  it("is refused to anyone but an administrator", async () => {
    const s = await setup();
    for (const who of s.others) {
      expect(await chooseAssessedFramework(who, s.own.id)).toMatchObject({ ok: false });
      actAs(who);
      await expect(actions.chooseFrameworkAction({}, formData({ frameworkId: s.own.id }))).rejects.toThrow(NOT_FOUND);
    }
    expect(await assessedFrameworkKey()).toBe(DEFAULT_FRAMEWORK_KEY);
    expect(await settingChanges()).toHaveLength(0);
  });
});
