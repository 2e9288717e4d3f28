// Apprenticeship standards as data: the administrator's list, adding and changing standards, their options and
// gateway checklists, each change audited; everyone else refused. Reference data from the real seed.
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { apprenticeshipOptions, apprenticeshipStandards, auditEvents, gatewayRequirements, professions } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import * as q from "@/db/queries/apprenticeship-standards";
import { StandardChangeFields, StandardFields } from "@/lib/apprenticeship-standard-schema";
import { navFor } from "@/lib/roles";
import { asSession, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

function setup() {
  const f = twoTeams();
  seedReference(db);
  const hsw = db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216")).get()!;
  const senior = db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0217")).get()!;
  const admin = asSession(f.users.admin);
  const others = [f.users.managerA, f.users.lead, f.users.workerUserA].map(asSession);
  return { ...f, hsw, senior, admin, others };
}

const fields = { title: "Pharmacy services assistant (test)", level: "2", typicalDurationMonths: "12", otjMinimumHours: "200", professionId: "" };
const newStandard = (over: Record<string, string> = {}) => StandardFields.parse({ reference: "ST9001", ...fields, ...over });
const change = (over: Record<string, string> = {}) => StandardChangeFields.parse({ ...fields, ...over });

const audits = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action)).all();
const gatewayOf = (standardId: string) =>
  q.standardForAdmin(asSession({ id: "x", orgId: "x", name: "x", email: "x", role: "admin" }), standardId)!.gateway.filter((g) => !g.retiredAt).map((g) => g.label);

describe("the list", () => {
  it("shows every seeded standard with its options and gateway count, and the off-the-job rules by date, to admins only", () => {
    const f = setup();
    const list = q.standardAdminList(f.admin);
    expect(list.length).toBeGreaterThanOrEqual(10);
    const senior = list.find((s) => s.reference === "ST0217")!;
    expect(senior).toMatchObject({ title: "Senior healthcare support worker", level: 3, typicalDurationMonths: 18, otjMinimumHours: 375 });
    expect(senior.options).toContain("Allied health profession – therapy support");
    expect(senior.gatewayCount).toBe(db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id)).all().length);
    // Level then title.
    expect(list.map((s) => s.level)).toEqual([...list.map((s) => s.level)].sort((a, b) => a - b));
    expect(q.otjRuleList(f.admin).map((r) => [r.effectiveFrom, r.effectiveTo, r.kind])).toEqual([
      ["2017-05-01", "2022-08-01", "percent_of_hours"],
      ["2022-08-01", "2025-08-01", "hours_per_week"],
      ["2025-08-01", null, "standard_minimum"],
    ]);
    for (const who of f.others) {
      expect(q.standardAdminList(who)).toEqual([]);
      expect(q.otjRuleList(who)).toEqual([]);
      expect(q.standardForAdmin(who, f.hsw.id)).toBeUndefined();
    }
  });

  it("is in the admin's navigation only", () => {
    expect(navFor("admin")).toContainEqual({ href: "/admin/apprenticeships", label: "Apprenticeships" });
    for (const role of ["manager", "lead", "support_worker"] as const) expect(navFor(role).map((n) => n.href)).not.toContain("/admin/apprenticeships");
  });
});

describe("validating a standard", () => {
  const issues = (input: Record<string, string>) => StandardFields.safeParse({ reference: "ST9001", ...fields, ...input }).error?.issues.map((i) => [i.path[0], i.message]);

  it("needs a reference like ST0217, a title, a level from 2 to 7 and a duration of at least a month", () => {
    expect(issues({})).toBeUndefined();
    expect(newStandard({ reference: " st9001 " }).reference).toBe("ST9001");
    expect(issues({ reference: "" })).toEqual([["reference", "Enter the standard's reference"]]);
    expect(issues({ reference: "9001" })).toEqual([["reference", "Enter the reference as two letters and four digits, like ST0217"]]);
    expect(issues({ title: "  " })).toEqual([["title", "Enter a title"]]);
    expect(issues({ level: "1" })).toEqual([["level", "Enter a level from 2 to 7"]]);
    expect(issues({ level: "8" })).toEqual([["level", "Enter a level from 2 to 7"]]);
    expect(issues({ level: "" })).toEqual([["level", "Enter the level, from 2 to 7"]]);
    expect(issues({ level: "three" })).toEqual([["level", "Enter a whole number"]]);
    expect(issues({ typicalDurationMonths: "0" })).toEqual([["typicalDurationMonths", "The typical duration must be at least 1 month"]]);
    expect(issues({ typicalDurationMonths: "-3" })).toEqual([["typicalDurationMonths", "The typical duration must be at least 1 month"]]);
    expect(issues({ typicalDurationMonths: "1.5" })).toEqual([["typicalDurationMonths", "Enter a whole number"]]);
  });

  it("takes an empty off-the-job minimum as not recorded; refuses a negative, fractional or huge one", () => {
    expect(newStandard({ otjMinimumHours: "" }).otjMinimumHours).toBeNull();
    expect(newStandard({ otjMinimumHours: " 278 " }).otjMinimumHours).toBe(278);
    expect(issues({ otjMinimumHours: "-1" })).toEqual([["otjMinimumHours", "The off-the-job minimum cannot be negative"]]);
    expect(issues({ otjMinimumHours: "12.5" })).toEqual([["otjMinimumHours", "Enter the off-the-job minimum as a whole number of hours"]]);
    expect(issues({ otjMinimumHours: "10001" })).toEqual([["otjMinimumHours", "The off-the-job minimum must be 10,000 hours or fewer"]]);
  });
});

describe("adding and changing a standard", () => {
  it("an admin adds one, audited; a duplicate reference, a minimum below the 187-hour floor and a retired profession are refused", () => {
    const f = setup();
    const added = q.createStandard(f.admin, newStandard());
    if (!added.ok) throw new Error(added.message);
    expect(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, added.standardId)).get()).toMatchObject({ reference: "ST9001", level: 2, otjMinimumHours: 200 });
    expect(audits("apprenticeship_standard.create")).toEqual([expect.objectContaining({ entityId: added.standardId, actorId: f.admin.id })]);

    expect(q.createStandard(f.admin, newStandard({ reference: "ST0216" }))).toEqual({ ok: false, field: "reference", message: "ST0216 is already recorded, as Healthcare support worker" });
    expect(q.createStandard(f.admin, newStandard({ reference: "ST9002", otjMinimumHours: "186" }))).toEqual({ ok: false, field: "otjMinimumHours", message: "No standard's off-the-job minimum is below 187 hours" });
    db.update(professions).set({ retiredAt: new Date() }).where(eq(professions.id, f.ref.profession.id)).run();
    expect(q.createStandard(f.admin, newStandard({ reference: "ST9002", professionId: f.ref.profession.id }))).toMatchObject({ ok: false, field: "professionId" });
    expect(audits("apprenticeship_standard.create")).toHaveLength(1);
  });

  it("an admin changes one with an audit of before and after; saving nothing new writes no audit", () => {
    const f = setup();
    const same = change({ title: f.hsw.title, level: "2", typicalDurationMonths: "12", otjMinimumHours: String(f.hsw.otjMinimumHours) });
    expect(q.updateStandard(f.admin, f.hsw.id, same)).toEqual({ ok: true, standardId: f.hsw.id });
    expect(audits("apprenticeship_standard.update")).toHaveLength(0);
    expect(q.updateStandard(f.admin, f.hsw.id, { ...same, otjMinimumHours: 300, typicalDurationMonths: 15 })).toEqual({ ok: true, standardId: f.hsw.id });
    expect(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, f.hsw.id)).get()).toMatchObject({ otjMinimumHours: 300, typicalDurationMonths: 15, reference: "ST0216" });
    const [event] = audits("apprenticeship_standard.update");
    expect(JSON.parse(event!.summary)).toEqual({
      reference: "ST0216",
      changed: ["typicalDurationMonths", "otjMinimumHours"],
      from: { typicalDurationMonths: 12, otjMinimumHours: 278 },
      to: { typicalDurationMonths: 15, otjMinimumHours: 300 },
    });
    expect(q.updateStandard(f.admin, f.hsw.id, { ...same, otjMinimumHours: null })).toMatchObject({ ok: true });
    expect(q.updateStandard(f.admin, f.hsw.id, { ...same, otjMinimumHours: 100 })).toMatchObject({ ok: false, field: "otjMinimumHours" });
    expect(q.updateStandard(f.admin, "no-such-id", same)).toEqual({ ok: false, message: "Apprenticeship standard not found" });
  });
});

describe("options", () => {
  it("an admin adds, renames, retires and restores an option, each audited; duplicates among current options are refused", () => {
    const f = setup();
    expect(q.addOption(f.admin, f.hsw.id, "Therapy support")).toEqual({ ok: true, standardId: f.hsw.id });
    const option = db.select().from(apprenticeshipOptions).where(and(eq(apprenticeshipOptions.standardId, f.hsw.id), eq(apprenticeshipOptions.name, "Therapy support"))).get()!;
    expect(q.addOption(f.admin, f.hsw.id, "therapy SUPPORT")).toEqual({ ok: false, field: "name", message: "This standard already has an option with that name" });
    expect(q.addOption(f.admin, "no-such-id", "X")).toEqual({ ok: false, message: "Apprenticeship standard not found" });
    expect(q.renameOption(f.admin, option.id, "Allied health therapy support")).toMatchObject({ ok: true });
    expect(q.optionForAdmin(f.admin, f.hsw.id, option.id)).toMatchObject({ text: "Allied health therapy support" });
    // An option belongs to its own standard's pages only.
    expect(q.optionForAdmin(f.admin, f.senior.id, option.id)).toBeUndefined();
    expect(q.setOptionRetired(f.admin, option.id, true)).toMatchObject({ ok: true });
    expect(q.setOptionRetired(f.admin, option.id, true)).toEqual({ ok: false, message: "Allied health therapy support is already retired" });
    expect(q.standardAdminList(f.admin).find((s) => s.id === f.hsw.id)!.options).toEqual([]);
    // While retired, its name is free; restoring it then clashes.
    q.addOption(f.admin, f.hsw.id, "Allied health therapy support");
    expect(q.setOptionRetired(f.admin, option.id, false)).toMatchObject({ ok: false, message: expect.stringContaining("Rename or retire that one first") });
    expect(db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, option.id)).all().map((e) => e.action)).toEqual([
      "apprenticeship_option.create",
      "apprenticeship_option.rename",
      "apprenticeship_option.retire",
    ]);
  });
});

describe("the gateway checklist", () => {
  it("an admin adds a requirement at the end, rewords, moves and retires one, each audited", () => {
    const f = setup();
    const seeded = gatewayOf(f.hsw.id);
    expect(q.addGatewayRequirement(f.admin, f.hsw.id, "Mentor's statement received")).toMatchObject({ ok: true });
    expect(gatewayOf(f.hsw.id)).toEqual([...seeded, "Mentor's statement received"]);
    expect(q.addGatewayRequirement(f.admin, f.hsw.id, "mentor's statement RECEIVED")).toMatchObject({ ok: false, field: "label" });
    const added = db.select().from(gatewayRequirements).where(eq(gatewayRequirements.label, "Mentor's statement received")).get()!;

    expect(q.moveGatewayRequirement(f.admin, added.id, "down")).toEqual({ ok: false, message: "This requirement is already last" });
    expect(q.moveGatewayRequirement(f.admin, added.id, "up")).toMatchObject({ ok: true });
    expect(gatewayOf(f.hsw.id).slice(-2)).toEqual(["Mentor's statement received", seeded.at(-1)]);
    const first = db.select().from(gatewayRequirements).where(eq(gatewayRequirements.label, seeded[0]!)).get()!;
    expect(q.moveGatewayRequirement(f.admin, first.id, "up")).toEqual({ ok: false, message: "This requirement is already first" });

    expect(q.rewordGatewayRequirement(f.admin, added.id, "Workplace mentor's statement received")).toMatchObject({ ok: true });
    expect(q.rewordGatewayRequirement(f.admin, added.id, seeded[0]!)).toMatchObject({ ok: false, field: "label" });
    expect(q.setRequirementRetired(f.admin, added.id, true)).toMatchObject({ ok: true });
    expect(gatewayOf(f.hsw.id)).toEqual(seeded);
    expect(q.moveGatewayRequirement(f.admin, added.id, "up")).toMatchObject({ ok: false, message: expect.stringContaining("retired") });
    expect(q.setRequirementRetired(f.admin, added.id, false)).toMatchObject({ ok: true });
    expect(gatewayOf(f.hsw.id)).toEqual([...seeded, "Workplace mentor's statement received"]);
    expect(q.standardAdminList(f.admin).find((s) => s.id === f.hsw.id)!.gatewayCount).toBe(seeded.length + 1);
    expect(db.select({ action: auditEvents.action, summary: auditEvents.summary }).from(auditEvents).where(eq(auditEvents.entityId, added.id)).all().map((e) => e.action)).toEqual([
      "gateway_requirement.create",
      "gateway_requirement.move",
      "gateway_requirement.reword",
      "gateway_requirement.retire",
      "gateway_requirement.restore",
    ]);
    expect(q.requirementForAdmin(f.admin, f.senior.id, added.id)).toBeUndefined();
  });
});

describe("everyone but an admin", () => {
  it("is refused every change, and nothing changes or is audited", () => {
    const f = setup();
    const option = db.select().from(apprenticeshipOptions).where(eq(apprenticeshipOptions.standardId, f.senior.id)).get()!;
    const requirement = db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id)).get()!;
    const snapshot = () => [db.select().from(apprenticeshipStandards).all(), db.select().from(apprenticeshipOptions).all(), db.select().from(gatewayRequirements).all()];
    const before = snapshot();
    const auditsBefore = db.select().from(auditEvents).all().length;
    for (const who of f.others) {
      const refused = { ok: false, message: "Only administrators change apprenticeship standards" };
      expect(q.createStandard(who, newStandard())).toEqual(refused);
      expect(q.updateStandard(who, f.hsw.id, change())).toEqual(refused);
      expect(q.addOption(who, f.hsw.id, "X")).toEqual(refused);
      expect(q.renameOption(who, option.id, "X")).toEqual(refused);
      expect(q.setOptionRetired(who, option.id, true)).toEqual(refused);
      expect(q.addGatewayRequirement(who, f.hsw.id, "X")).toEqual(refused);
      expect(q.rewordGatewayRequirement(who, requirement.id, "X")).toEqual(refused);
      expect(q.moveGatewayRequirement(who, requirement.id, "down")).toEqual(refused);
      expect(q.setRequirementRetired(who, requirement.id, true)).toEqual(refused);
      expect(q.optionForAdmin(who, f.senior.id, option.id)).toBeUndefined();
      expect(q.requirementForAdmin(who, f.senior.id, requirement.id)).toBeUndefined();
    }
    expect(snapshot()).toEqual(before);
    expect(db.select().from(auditEvents).all()).toHaveLength(auditsBefore);
  });
});

describe("the admin's actions", () => {
  it("admin only: managers, leads and support workers get 404 from every action and nothing changes", async () => {
    const a = await import("@/app/(app)/admin/apprenticeships/actions");
    const f = setup();
    const option = db.select().from(apprenticeshipOptions).where(eq(apprenticeshipOptions.standardId, f.senior.id)).get()!;
    const requirement = db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id)).get()!;
    const before = db.select().from(apprenticeshipStandards).all();
    for (const who of f.others) {
      actAs(who);
      await expect(a.createStandard({}, formData({ reference: "ST9001", ...fields }))).rejects.toThrow(NOT_FOUND);
      await expect(a.updateStandard(f.hsw.id, {}, formData(fields))).rejects.toThrow(NOT_FOUND);
      await expect(a.addOption(f.hsw.id, {}, formData({ name: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.renameOption(option.id, {}, formData({ name: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.setOptionRetired(option.id, true, {}, formData({}))).rejects.toThrow(NOT_FOUND);
      await expect(a.addGatewayRequirement(f.hsw.id, {}, formData({ label: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.rewordGatewayRequirement(requirement.id, {}, formData({ label: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.moveGatewayRequirement(requirement.id, "down", {}, formData({}))).rejects.toThrow(NOT_FOUND);
      await expect(a.setRequirementRetired(requirement.id, true, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    }
    expect(db.select().from(apprenticeshipStandards).all()).toEqual(before);
  });

  it("bad input comes back with field messages and what was typed, never an exception; good input saves and redirects", async () => {
    const a = await import("@/app/(app)/admin/apprenticeships/actions");
    const f = setup();
    actAs(f.admin);
    const typed = { reference: "ST9001", title: "", level: "9", typicalDurationMonths: "0", otjMinimumHours: "-5", professionId: "" };
    expect(await a.createStandard({}, formData(typed))).toMatchObject({
      ok: false,
      fieldErrors: {
        title: "Enter a title",
        level: "Enter a level from 2 to 7",
        typicalDurationMonths: "The typical duration must be at least 1 month",
        otjMinimumHours: "The off-the-job minimum cannot be negative",
      },
      values: typed,
    });
    expect(await a.createStandard({}, formData({ ...fields, reference: "ST0216" }))).toMatchObject({ ok: false, fieldErrors: { reference: expect.stringContaining("already recorded") }, values: { reference: "ST0216" } });
    // Fields missing altogether are bad input too, not a crash.
    expect(await a.createStandard({}, formData({}))).toMatchObject({ ok: false, fieldErrors: { reference: expect.any(String), title: expect.any(String), level: expect.any(String) } });
    await expect(a.createStandard({}, formData({ reference: "ST9001", ...fields }))).rejects.toThrow(/NEXT_REDIRECT/);

    expect(await a.updateStandard(f.hsw.id, {}, formData({ ...fields, otjMinimumHours: "lots" }))).toMatchObject({ fieldErrors: { otjMinimumHours: expect.stringContaining("whole number") }, values: { otjMinimumHours: "lots" } });
    expect(await a.updateStandard("", {}, formData(fields))).toMatchObject({ ok: false, message: "Apprenticeship standard not found" });
    expect(await a.updateStandard("no-such-id", {}, formData(fields))).toMatchObject({ ok: false, message: "Apprenticeship standard not found" });
    expect(await a.addOption(f.hsw.id, {}, formData({ name: " " }))).toMatchObject({ fieldErrors: { name: "Enter the option's name" } });
    expect(await a.addGatewayRequirement(f.hsw.id, {}, formData({ label: "x".repeat(301) }))).toMatchObject({ fieldErrors: { label: expect.stringContaining("300 characters") } });
    expect(await a.moveGatewayRequirement("anything", "sideways", {}, formData({}))).toMatchObject({ ok: false, message: "Gateway requirement not found" });
    await expect(a.addGatewayRequirement(f.hsw.id, {}, formData({ label: "Mentor's statement received" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(gatewayOf(f.hsw.id).at(-1)).toBe("Mentor's statement received");
  });
});

describe("seeding the reference data again", () => {
  it("leaves a standard's options and checklist as the admin left them: nothing renamed, reworded or retired comes back", () => {
    const f = setup();
    const option = db.select().from(apprenticeshipOptions).where(eq(apprenticeshipOptions.standardId, f.senior.id)).get()!;
    const [first, second] = db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id)).orderBy(gatewayRequirements.sort).all();
    q.renameOption(f.admin, option.id, `${option.name} (renamed)`);
    q.rewordGatewayRequirement(f.admin, first!.id, `${first!.label} (reworded)`);
    q.setRequirementRetired(f.admin, second!.id, true);
    const options = db.select().from(apprenticeshipOptions).all().length;
    const live = gatewayOf(f.senior.id);
    const again = seedReference(db);
    expect(again.apprenticeship_options ?? 0).toBe(0);
    expect(again.gateway_requirements ?? 0).toBe(0);
    expect(db.select().from(apprenticeshipOptions).all()).toHaveLength(options);
    expect(gatewayOf(f.senior.id)).toEqual(live);
  });
});
