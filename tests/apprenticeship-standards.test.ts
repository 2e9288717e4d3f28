// Apprenticeship standards as data: the administrator's list, adding and changing standards, their options and
// gateway checklists, and the off-the-job rules (changed, succeeded from a date, a scheduled one taken away), each
// change audited; everyone else refused. Reference data from the real seed.
import { describe, expect, it, vi } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { addDays, todayInLondon } from "@/lib/rules/dates";
import { db, first as firstRow } from "@/db/client";
import { apprenticeshipOptions, apprenticeships, apprenticeshipStandards, auditEvents, gatewayRequirements, otjRules, professions } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import * as q from "@/db/queries/apprenticeship-standards";
import { StandardChangeFields, StandardFields } from "@/lib/forms/apprenticeship-standard";
import { newOtjRuleProblem, otjRangesProblem, otjRuleChangeFields, otjRuleNewFields, type OtjRuleNew } from "@/lib/forms/otj-rule";
import { requiredOtjHours, ruleFor } from "@/lib/rules/off-the-job";
import { navFor } from "@/lib/roles";
import { asSession, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

async function setup() {
  const f = await twoTeams();
  await seedReference(db);
  const hsw = (await firstRow(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0216"))))!;
  const senior = (await firstRow(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.reference, "ST0217"))))!;
  const admin = asSession(f.users.admin);
  const others = [f.users.managerA, f.users.lead, f.users.workerUserA].map(asSession);
  return { ...f, hsw, senior, admin, others };
}

const fields = { title: "Pharmacy services assistant (test)", level: "2", typicalDurationMonths: "12", otjMinimumHours: "200", professionId: "" };
const newStandard = (over: Record<string, string> = {}) => StandardFields.parse({ reference: "ST9001", ...fields, ...over });
const change = (over: Record<string, string> = {}) => StandardChangeFields.parse({ ...fields, ...over });

const audits = async (action: string) => await db.select().from(auditEvents).where(eq(auditEvents.action, action));
const gatewayOf = async (standardId: string) =>
  (await q.standardForAdmin(asSession({ id: "x", orgId: "x", name: "x", email: "x", role: "admin" }), standardId))!.gateway.filter((g) => !g.retiredAt).map((g) => g.label);

describe("the list", () => {
  it("shows every seeded standard with its options and gateway count, and the off-the-job rules by date, to admins only", async () => {
    const f = await setup();
    const list = await q.standardAdminList(f.admin);
    expect(list.length).toBeGreaterThanOrEqual(10);
    const senior = list.find((s) => s.reference === "ST0217")!;
    expect(senior).toMatchObject({ title: "Senior healthcare support worker", level: 3, typicalDurationMonths: 18, otjMinimumHours: 375 });
    expect(senior.options).toContain("Allied health profession – therapy support");
    expect(senior.gatewayCount).toBe((await db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id))).length);
    // Level then title.
    expect(list.map((s) => s.level)).toEqual([...list.map((s) => s.level)].sort((a, b) => a - b));
    expect((await q.otjRuleList(f.admin)).map((r) => [r.effectiveFrom, r.effectiveTo, r.kind])).toEqual([
      ["2017-05-01", "2022-08-01", "percent_of_hours"],
      ["2022-08-01", "2025-08-01", "hours_per_week"],
      ["2025-08-01", null, "standard_minimum"],
    ]);
    for (const who of f.others) {
      expect(await q.standardAdminList(who)).toEqual([]);
      expect(await q.otjRuleList(who)).toEqual([]);
      expect(await q.standardForAdmin(who, f.hsw.id)).toBeUndefined();
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
  it("an admin adds one, audited; a duplicate reference, a minimum below the 187-hour floor and a retired profession are refused", async () => {
    const f = await setup();
    const added = await q.createStandard(f.admin, newStandard());
    if (!added.ok) throw new Error(added.message);
    expect(await firstRow(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, added.standardId)))).toMatchObject({ reference: "ST9001", level: 2, otjMinimumHours: 200 });
    expect(await audits("apprenticeship_standard.create")).toEqual([expect.objectContaining({ entityId: added.standardId, actorId: f.admin.id })]);

    expect(await q.createStandard(f.admin, newStandard({ reference: "ST0216" }))).toEqual({ ok: false, code: "conflict", field: "reference", message: "ST0216 is already recorded, as Healthcare support worker" });
    expect(await q.createStandard(f.admin, newStandard({ reference: "ST9002", otjMinimumHours: "186" }))).toEqual({ ok: false, code: "invalid", field: "otjMinimumHours", message: "No standard's off-the-job minimum is below 187 hours" });
    await db.update(professions).set({ retiredAt: new Date() }).where(eq(professions.id, f.ref.profession.id));
    expect(await q.createStandard(f.admin, newStandard({ reference: "ST9002", professionId: f.ref.profession.id }))).toMatchObject({ ok: false, field: "professionId" });
    expect(await audits("apprenticeship_standard.create")).toHaveLength(1);
  });

  it("an admin changes one with an audit of before and after; saving nothing new writes no audit", async () => {
    const f = await setup();
    const same = change({ title: f.hsw.title, level: "2", typicalDurationMonths: "12", otjMinimumHours: String(f.hsw.otjMinimumHours) });
    expect(await q.updateStandard(f.admin, f.hsw.id, same)).toEqual({ ok: true, standardId: f.hsw.id });
    expect(await audits("apprenticeship_standard.update")).toHaveLength(0);
    expect(await q.updateStandard(f.admin, f.hsw.id, { ...same, otjMinimumHours: 300, typicalDurationMonths: 15 })).toEqual({ ok: true, standardId: f.hsw.id });
    expect(await firstRow(db.select().from(apprenticeshipStandards).where(eq(apprenticeshipStandards.id, f.hsw.id)))).toMatchObject({ otjMinimumHours: 300, typicalDurationMonths: 15, reference: "ST0216" });
    const [event] = await audits("apprenticeship_standard.update");
    expect(JSON.parse(event!.summary)).toEqual({
      reference: "ST0216",
      changed: ["typicalDurationMonths", "otjMinimumHours"],
      from: { typicalDurationMonths: 12, otjMinimumHours: 278 },
      to: { typicalDurationMonths: 15, otjMinimumHours: 300 },
    });
    expect(await q.updateStandard(f.admin, f.hsw.id, { ...same, otjMinimumHours: null })).toMatchObject({ ok: true });
    expect(await q.updateStandard(f.admin, f.hsw.id, { ...same, otjMinimumHours: 100 })).toMatchObject({ ok: false, field: "otjMinimumHours" });
    expect(await q.updateStandard(f.admin, "no-such-id", same)).toEqual({ ok: false, code: "not_found", message: "Apprenticeship standard not found" });
  });
});

describe("options", () => {
  it("an admin adds, renames, retires and restores an option, each audited; duplicates among current options are refused", async () => {
    const f = await setup();
    expect(await q.addOption(f.admin, f.hsw.id, "Therapy support")).toEqual({ ok: true, standardId: f.hsw.id });
    const option = (await firstRow(db.select().from(apprenticeshipOptions).where(and(eq(apprenticeshipOptions.standardId, f.hsw.id), eq(apprenticeshipOptions.name, "Therapy support")))))!;
    expect(await q.addOption(f.admin, f.hsw.id, "therapy SUPPORT")).toEqual({ ok: false, code: "conflict", field: "name", message: "This standard already has an option with that name" });
    expect(await q.addOption(f.admin, "no-such-id", "X")).toEqual({ ok: false, code: "not_found", message: "Apprenticeship standard not found" });
    expect(await q.renameOption(f.admin, option.id, "Allied health therapy support")).toMatchObject({ ok: true });
    expect(await q.optionForAdmin(f.admin, f.hsw.id, option.id)).toMatchObject({ text: "Allied health therapy support" });
    // An option belongs to its own standard's pages only.
    expect(await q.optionForAdmin(f.admin, f.senior.id, option.id)).toBeUndefined();
    expect(await q.setOptionRetired(f.admin, option.id, true)).toMatchObject({ ok: true });
    expect(await q.setOptionRetired(f.admin, option.id, true)).toEqual({ ok: false, code: "conflict", message: "Allied health therapy support is already retired" });
    expect((await q.standardAdminList(f.admin)).find((s) => s.id === f.hsw.id)!.options).toEqual([]);
    // While retired, its name is free; restoring it then clashes.
    await q.addOption(f.admin, f.hsw.id, "Allied health therapy support");
    expect(await q.setOptionRetired(f.admin, option.id, false)).toMatchObject({ ok: false, message: expect.stringContaining("Rename or retire that one first") });
    expect((await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, option.id))).map((e) => e.action)).toEqual([
      "apprenticeship_option.create",
      "apprenticeship_option.rename",
      "apprenticeship_option.retire",
    ]);
  });
});

describe("the gateway checklist", () => {
  it("an admin adds a requirement at the end, rewords, moves and retires one, each audited", async () => {
    const f = await setup();
    const seeded = await gatewayOf(f.hsw.id);
    expect(await q.addGatewayRequirement(f.admin, f.hsw.id, "Mentor's statement received")).toMatchObject({ ok: true });
    expect(await gatewayOf(f.hsw.id)).toEqual([...seeded, "Mentor's statement received"]);
    expect(await q.addGatewayRequirement(f.admin, f.hsw.id, "mentor's statement RECEIVED")).toMatchObject({ ok: false, field: "label" });
    const added = (await firstRow(db.select().from(gatewayRequirements).where(eq(gatewayRequirements.label, "Mentor's statement received"))))!;

    expect(await q.moveGatewayRequirement(f.admin, added.id, "down")).toEqual({ ok: false, code: "conflict", message: "This requirement is already last" });
    expect(await q.moveGatewayRequirement(f.admin, added.id, "up")).toMatchObject({ ok: true });
    expect((await gatewayOf(f.hsw.id)).slice(-2)).toEqual(["Mentor's statement received", seeded.at(-1)]);
    const first = (await firstRow(db.select().from(gatewayRequirements).where(eq(gatewayRequirements.label, seeded[0]!))))!;
    expect(await q.moveGatewayRequirement(f.admin, first.id, "up")).toEqual({ ok: false, code: "conflict", message: "This requirement is already first" });

    expect(await q.rewordGatewayRequirement(f.admin, added.id, "Workplace mentor's statement received")).toMatchObject({ ok: true });
    expect(await q.rewordGatewayRequirement(f.admin, added.id, seeded[0]!)).toMatchObject({ ok: false, field: "label" });
    expect(await q.setRequirementRetired(f.admin, added.id, true)).toMatchObject({ ok: true });
    expect(await gatewayOf(f.hsw.id)).toEqual(seeded);
    expect(await q.moveGatewayRequirement(f.admin, added.id, "up")).toMatchObject({ ok: false, message: expect.stringContaining("retired") });
    expect(await q.setRequirementRetired(f.admin, added.id, false)).toMatchObject({ ok: true });
    expect(await gatewayOf(f.hsw.id)).toEqual([...seeded, "Workplace mentor's statement received"]);
    expect((await q.standardAdminList(f.admin)).find((s) => s.id === f.hsw.id)!.gatewayCount).toBe(seeded.length + 1);
    expect((await db.select({ action: auditEvents.action, summary: auditEvents.summary }).from(auditEvents).where(eq(auditEvents.entityId, added.id))).map((e) => e.action)).toEqual([
      "gateway_requirement.create",
      "gateway_requirement.move",
      "gateway_requirement.reword",
      "gateway_requirement.retire",
      "gateway_requirement.restore",
    ]);
    expect(await q.requirementForAdmin(f.admin, f.senior.id, added.id)).toBeUndefined();
  });
});

describe("everyone but an admin", () => {
  it("is refused every change, and nothing changes or is audited", async () => {
    const f = await setup();
    const option = (await firstRow(db.select().from(apprenticeshipOptions).where(eq(apprenticeshipOptions.standardId, f.senior.id))))!;
    const requirement = (await firstRow(db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id))))!;
    const snapshot = async () => [await db.select().from(apprenticeshipStandards), await db.select().from(apprenticeshipOptions), await db.select().from(gatewayRequirements)];
    const before = await snapshot();
    const auditsBefore = (await db.select().from(auditEvents)).length;
    for (const who of f.others) {
      const refused = { ok: false, code: "read_only", message: "Only administrators change apprenticeship standards" };
      expect(await q.createStandard(who, newStandard())).toEqual(refused);
      expect(await q.updateStandard(who, f.hsw.id, change())).toEqual(refused);
      expect(await q.addOption(who, f.hsw.id, "X")).toEqual(refused);
      expect(await q.renameOption(who, option.id, "X")).toEqual(refused);
      expect(await q.setOptionRetired(who, option.id, true)).toEqual(refused);
      expect(await q.addGatewayRequirement(who, f.hsw.id, "X")).toEqual(refused);
      expect(await q.rewordGatewayRequirement(who, requirement.id, "X")).toEqual(refused);
      expect(await q.moveGatewayRequirement(who, requirement.id, "down")).toEqual(refused);
      expect(await q.setRequirementRetired(who, requirement.id, true)).toEqual(refused);
      expect(await q.optionForAdmin(who, f.senior.id, option.id)).toBeUndefined();
      expect(await q.requirementForAdmin(who, f.senior.id, requirement.id)).toBeUndefined();
    }
    expect(await snapshot()).toEqual(before);
    expect(await db.select().from(auditEvents)).toHaveLength(auditsBefore);
  });
});

describe("the admin's actions", () => {
  it("admin only: managers, leads and support workers get 404 from every action and nothing changes", async () => {
    const a = await import("@/app/(app)/admin/apprenticeships/actions");
    const f = await setup();
    const option = (await firstRow(db.select().from(apprenticeshipOptions).where(eq(apprenticeshipOptions.standardId, f.senior.id))))!;
    const requirement = (await firstRow(db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id))))!;
    const before = await db.select().from(apprenticeshipStandards);
    for (const who of f.others) {
      actAs(who);
      await expect(a.createStandardAction({}, formData({ reference: "ST9001", ...fields }))).rejects.toThrow(NOT_FOUND);
      await expect(a.updateStandardAction(f.hsw.id, {}, formData(fields))).rejects.toThrow(NOT_FOUND);
      await expect(a.addOptionAction(f.hsw.id, {}, formData({ name: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.renameOptionAction(option.id, {}, formData({ name: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.setOptionRetiredAction(option.id, true, {}, formData({}))).rejects.toThrow(NOT_FOUND);
      await expect(a.addGatewayRequirementAction(f.hsw.id, {}, formData({ label: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.rewordGatewayRequirementAction(requirement.id, {}, formData({ label: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.moveGatewayRequirementAction(requirement.id, "down", {}, formData({}))).rejects.toThrow(NOT_FOUND);
      await expect(a.setGatewayRequirementRetiredAction(requirement.id, true, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    }
    expect(await db.select().from(apprenticeshipStandards)).toEqual(before);
  });

  it("bad input comes back with field messages and what was typed, never an exception; good input saves and redirects", async () => {
    const a = await import("@/app/(app)/admin/apprenticeships/actions");
    const f = await setup();
    actAs(f.admin);
    const typed = { reference: "ST9001", title: "", level: "9", typicalDurationMonths: "0", otjMinimumHours: "-5", professionId: "" };
    expect(await a.createStandardAction({}, formData(typed))).toMatchObject({
      ok: false,
      fieldErrors: {
        title: "Enter a title",
        level: "Enter a level from 2 to 7",
        typicalDurationMonths: "The typical duration must be at least 1 month",
        otjMinimumHours: "The off-the-job minimum cannot be negative",
      },
      values: typed,
    });
    expect(await a.createStandardAction({}, formData({ ...fields, reference: "ST0216" }))).toMatchObject({ ok: false, fieldErrors: { reference: expect.stringContaining("already recorded") }, values: { reference: "ST0216" } });
    // Fields missing altogether are bad input too, not a crash.
    expect(await a.createStandardAction({}, formData({}))).toMatchObject({ ok: false, fieldErrors: { reference: expect.any(String), title: expect.any(String), level: expect.any(String) } });
    await expect(a.createStandardAction({}, formData({ reference: "ST9001", ...fields }))).rejects.toThrow(/NEXT_REDIRECT/);

    expect(await a.updateStandardAction(f.hsw.id, {}, formData({ ...fields, otjMinimumHours: "lots" }))).toMatchObject({ fieldErrors: { otjMinimumHours: expect.stringContaining("whole number") }, values: { otjMinimumHours: "lots" } });
    await expect(a.updateStandardAction("", {}, formData(fields))).rejects.toThrow(NOT_FOUND);
    await expect(a.updateStandardAction("no-such-id", {}, formData(fields))).rejects.toThrow(NOT_FOUND);
    expect(await a.addOptionAction(f.hsw.id, {}, formData({ name: " " }))).toMatchObject({ fieldErrors: { name: "Enter the option's name" } });
    expect(await a.addGatewayRequirementAction(f.hsw.id, {}, formData({ label: "x".repeat(301) }))).toMatchObject({ fieldErrors: { label: expect.stringContaining("300 characters") } });
    await expect(a.moveGatewayRequirementAction("anything", "sideways", {}, formData({}))).rejects.toThrow(NOT_FOUND);
    await expect(a.addGatewayRequirementAction(f.hsw.id, {}, formData({ label: "Mentor's statement received" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await gatewayOf(f.hsw.id)).at(-1)).toBe("Mentor's statement received");
  });
});

describe("seeding the reference data again", () => {
  it("leaves a standard's options and checklist as the admin left them: nothing renamed, reworded or retired comes back", async () => {
    const f = await setup();
    const option = (await firstRow(db.select().from(apprenticeshipOptions).where(eq(apprenticeshipOptions.standardId, f.senior.id))))!;
    const [first, second] = await db.select().from(gatewayRequirements).where(eq(gatewayRequirements.standardId, f.senior.id)).orderBy(gatewayRequirements.sort);
    await q.renameOption(f.admin, option.id, `${option.name} (renamed)`);
    await q.rewordGatewayRequirement(f.admin, first!.id, `${first!.label} (reworded)`);
    await q.setRequirementRetired(f.admin, second!.id, true);
    const options = (await db.select().from(apprenticeshipOptions)).length;
    const live = await gatewayOf(f.senior.id);
    const again = await seedReference(db);
    expect(again.apprenticeship_options ?? 0).toBe(0);
    expect(again.gateway_requirements ?? 0).toBe(0);
    expect(await db.select().from(apprenticeshipOptions)).toHaveLength(options);
    expect(await gatewayOf(f.senior.id)).toEqual(live);
  });
});

describe("off-the-job rules", () => {
  const TODAY = "2026-11-22";
  const ruleAt = async (from: string) => (await firstRow(db.select().from(otjRules).where(eq(otjRules.effectiveFrom, from))))!;
  const ranges = async () => await db.select({ from: otjRules.effectiveFrom, to: otjRules.effectiveTo, kind: otjRules.kind }).from(otjRules).orderBy(otjRules.effectiveFrom);
  const ruleAudits = async () => await db.select().from(auditEvents).where(eq(auditEvents.entityType, "otj_rule")).orderBy(auditEvents.seq);
  async function startApprenticeship(f: Awaited<ReturnType<typeof setup>>, startDate: string, plannedEndDate: string) {
    await db.insert(apprenticeships).values({ workerId: f.workers.workerA.id, standardId: f.senior.id, provider: "Test College", startDate, plannedEndDate });
  }
  const newRule = (over: Partial<OtjRuleNew> = {}): OtjRuleNew => ({
    kind: "hours_per_week",
    effectiveFrom: "2027-08-01",
    value: 8,
    minimumHours: 200,
    description: "Starts from 1 August 2027: 8 hours a week (test)",
    ...over,
  });

  it("an admin changes a rule's description, figure and minimum, audited with the apprenticeships it touches; the required hours follow", async () => {
    const f = await setup();
    await startApprenticeship(f, "2023-01-09", "2024-07-08");
    await startApprenticeship(f, "2025-07-31", "2027-01-31");
    await startApprenticeship(f, "2025-08-01", "2027-02-01");
    const weekly = await ruleAt("2022-08-01");
    expect(await q.otjRuleForAdmin(f.admin, weekly.id, TODAY)).toMatchObject({ rule: { id: weekly.id }, apprenticeships: 2, scheduled: false });
    const before = requiredOtjHours(await q.otjRuleList(f.admin), { startDate: "2023-01-09", plannedEndDate: "2024-07-08", weeklyHours: 37.5, standardMinimumHours: 375 });

    const change = otjRuleChangeFields("hours_per_week").parse({ value: "7.5", minimumHours: "", description: "Seven and a half hours a week (test)" });
    expect(await q.updateOtjRule(f.admin, weekly.id, change)).toEqual({ ok: true, ruleId: weekly.id, apprenticeships: 2 });
    expect(await ruleAt("2022-08-01")).toMatchObject({ value: 7.5, minimumHours: null, description: "Seven and a half hours a week (test)", effectiveTo: "2025-08-01" });
    const [row] = await ruleAudits();
    expect(row).toMatchObject({ action: "otj_rule.update", actorId: f.admin.id, entityId: weekly.id });
    expect(JSON.parse(row!.summary)).toEqual({
      effectiveFrom: "2022-08-01",
      kind: "hours_per_week",
      changed: ["description", "value"],
      from: { description: weekly.description, value: 6 },
      to: { description: "Seven and a half hours a week (test)", value: 7.5 },
      apprenticeships: 2,
    });
    const after = requiredOtjHours(await q.otjRuleList(f.admin), { startDate: "2023-01-09", plannedEndDate: "2024-07-08", weeklyHours: 37.5, standardMinimumHours: 375 });
    expect(before.ok && after.ok && after.hours / before.hours).toBeCloseTo(7.5 / 6, 2);

    // The percentage is typed as a percentage and kept as a fraction; the standard's minimum has no figure to change.
    const percent = await ruleAt("2017-05-01");
    expect(await q.updateOtjRule(f.admin, percent.id, otjRuleChangeFields("percent_of_hours").parse({ value: "25", minimumHours: "", description: percent.description }))).toMatchObject({ ok: true, apprenticeships: 0 });
    expect((await ruleAt("2017-05-01")).value).toBe(0.25);
    const standard = await ruleAt("2025-08-01");
    expect(await q.updateOtjRule(f.admin, standard.id, otjRuleChangeFields("standard_minimum").parse({ value: "999", minimumHours: "190", description: standard.description }))).toMatchObject({ ok: true, apprenticeships: 1 });
    expect(await ruleAt("2025-08-01")).toMatchObject({ value: standard.value, minimumHours: 190 });
    // Saving what is already there writes nothing.
    const audited = (await ruleAudits()).length;
    expect(await q.updateOtjRule(f.admin, standard.id, otjRuleChangeFields("standard_minimum").parse({ minimumHours: "190", description: standard.description }))).toMatchObject({ ok: true });
    expect(await ruleAudits()).toHaveLength(audited);
    expect(await q.updateOtjRule(f.admin, "no-such-rule", change)).toEqual({ ok: false, code: "not_found", message: "Off-the-job rule not found" });
  });

  it("refuses absurd figures: a percentage outside 1 to 100, hours a week outside 0 to 40, a negative minimum, no description", () => {
    const issues = (kind: "percent_of_hours" | "hours_per_week", input: Record<string, string>) =>
      otjRuleChangeFields(kind).safeParse({ description: "A rule", minimumHours: "", ...input }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues("percent_of_hours", { value: "20" })).toBeUndefined();
    expect(issues("percent_of_hours", { value: "20%" })).toBeUndefined();
    expect(issues("percent_of_hours", { value: "0" })).toEqual([["value", "The percentage must be from 1 to 100"]]);
    expect(issues("percent_of_hours", { value: "101" })).toEqual([["value", "The percentage must be from 1 to 100"]]);
    expect(issues("percent_of_hours", { value: "0.2" })).toEqual([["value", "Enter the percentage as a whole number, like 20"]]);
    expect(issues("percent_of_hours", { value: "" })).toEqual([["value", "Enter the percentage of contracted hours, like 20"]]);
    expect(issues("hours_per_week", { value: "6" })).toBeUndefined();
    expect(issues("hours_per_week", { value: "40" })).toBeUndefined();
    expect(issues("hours_per_week", { value: "0" })).toEqual([["value", "The hours a week must be more than 0 and at most 40"]]);
    expect(issues("hours_per_week", { value: "40.5" })).toEqual([["value", "The hours a week must be more than 0 and at most 40"]]);
    expect(issues("hours_per_week", { value: "-6" })).toEqual([["value", "The hours a week must be more than 0 and at most 40"]]);
    expect(issues("hours_per_week", { value: "six" })).toEqual([["value", "Enter the hours a week as a number, like 6 or 7.5"]]);
    expect(issues("hours_per_week", { value: "6", minimumHours: "-1", description: " " })).toEqual([
      ["description", "Describe the rule as the funding rules state it"],
      ["minimumHours", "The minimum cannot be negative"],
    ]);
    expect(issues("hours_per_week", { value: "6", minimumHours: "187.5" })).toEqual([["minimumHours", "Enter the minimum as a whole number of hours"]]);
    expect(otjRuleChangeFields("percent_of_hours").parse({ value: "20", minimumHours: "", description: "x" })).toEqual({ value: 0.2, minimumHours: null, description: "x" });

    // A new rule reports every problem at once, the figure checked by the kind chosen.
    const all = otjRuleNewFields.safeParse({ kind: "percent_of_hours", effectiveFrom: "2027-02-30", value: "150", minimumHours: "", description: "" });
    expect(all.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["effectiveFrom", "The first start date the rule covers must be a real date"],
      ["description", "Describe the rule as the funding rules state it"],
      ["value", "The percentage must be from 1 to 100"],
    ]);
    expect(otjRuleNewFields.safeParse({ effectiveFrom: "2027-08-01", value: "6", description: "x" }).error?.issues.map((i) => i.path[0])).toEqual(["kind"]);
    expect(otjRuleNewFields.parse({ kind: "standard_minimum", effectiveFrom: "2027-08-01", value: "", minimumHours: "187", description: "x" })).toMatchObject({ value: null, minimumHours: 187 });
  });

  it("a new rule from a date closes the current one on that date, in one transaction with its audit; starts on either side get the right rule", async () => {
    const f = await setup();
    await startApprenticeship(f, "2027-09-06", "2029-03-05");
    await startApprenticeship(f, "2026-09-07", "2028-03-06");
    const current = await ruleAt("2025-08-01");
    const result = await q.addOtjRule(f.admin, newRule(), TODAY);
    expect(result).toMatchObject({ ok: true, apprenticeships: 1 });
    if (!result.ok) return;
    expect(await ranges()).toEqual([
      { from: "2017-05-01", to: "2022-08-01", kind: "percent_of_hours" },
      { from: "2022-08-01", to: "2025-08-01", kind: "hours_per_week" },
      { from: "2025-08-01", to: "2027-08-01", kind: "standard_minimum" },
      { from: "2027-08-01", to: null, kind: "hours_per_week" },
    ]);
    expect(otjRangesProblem(await q.otjRuleList(f.admin))).toBeUndefined();
    expect((await ruleAudits()).map((r) => [r.action, r.entityId])).toEqual([
      ["otj_rule.close", current.id],
      ["otj_rule.create", result.ruleId],
    ]);
    expect(JSON.parse((await ruleAudits())[0]!.summary)).toEqual({ effectiveFrom: "2025-08-01", kind: "standard_minimum", effectiveTo: "2027-08-01" });
    expect(JSON.parse((await ruleAudits())[1]!.summary)).toMatchObject({ effectiveFrom: "2027-08-01", kind: "hours_per_week", value: 8, minimumHours: 200, closes: current.id, apprenticeships: 1 });
    const rules = await q.otjRuleList(f.admin);
    expect(ruleFor(rules, "2027-07-31")).toMatchObject({ kind: "standard_minimum" });
    expect(ruleFor(rules, "2027-08-01")).toMatchObject({ kind: "hours_per_week", value: 8 });
    expect(await q.otjRuleForAdmin(f.admin, result.ruleId, TODAY)).toMatchObject({ apprenticeships: 1, scheduled: true });
    expect(await q.otjRuleForAdmin(f.admin, current.id, TODAY)).toMatchObject({ apprenticeships: 1, scheduled: false });
  });

  it("refuses a from-date not after the current rule's start, too far ahead, or rules already broken; nothing changes", async () => {
    const f = await setup();
    const before = await ranges();
    expect(await q.addOtjRule(f.admin, newRule({ effectiveFrom: "2025-08-01" }), TODAY)).toEqual({
      ok: false,
      code: "invalid",
      field: "effectiveFrom",
      message: "The new rule must start after 1 August 2025, when the current rule started",
    });
    expect(await q.addOtjRule(f.admin, newRule({ effectiveFrom: "2024-01-01" }), TODAY)).toMatchObject({ ok: false, field: "effectiveFrom" });
    expect(await q.addOtjRule(f.admin, newRule({ effectiveFrom: "2031-11-23" }), TODAY)).toMatchObject({ ok: false, field: "effectiveFrom", message: expect.stringMatching(/at most 5 years ahead/) });
    expect(await q.addOtjRule(f.admin, newRule({ effectiveFrom: "2031-11-22" }), TODAY)).toMatchObject({ ok: true });
    expect(await ranges()).toHaveLength(before.length + 1);

    // Rules with a gap or an overlap are reported, not built upon.
    expect(otjRangesProblem([{ effectiveFrom: "2020-01-01", effectiveTo: "2021-01-01" }, { effectiveFrom: "2021-02-01", effectiveTo: null }])).toBe(
      "No rule covers apprenticeships starting from 1 January 2021 to 31 January 2021",
    );
    expect(otjRangesProblem([{ effectiveFrom: "2020-01-01", effectiveTo: "2021-03-01" }, { effectiveFrom: "2021-02-01", effectiveTo: null }])).toBe(
      "The rules from 1 January 2020 and 1 February 2021 overlap",
    );
    expect(otjRangesProblem([{ effectiveFrom: "2020-01-01", effectiveTo: null }, { effectiveFrom: "2021-02-01", effectiveTo: null }])).toMatch(/overlap/);
    expect(otjRangesProblem([{ effectiveFrom: "2020-01-01", effectiveTo: "2021-01-01" }])).toBe("No rule covers apprenticeships starting from 1 January 2021");
    expect(newOtjRuleProblem([{ effectiveFrom: "2020-01-01", effectiveTo: "2021-01-01" }], "2022-01-01", TODAY)).toMatchObject({ message: expect.stringMatching(/need correcting first/) });
    await db.update(otjRules).set({ effectiveTo: "2022-07-01" }).where(eq(otjRules.effectiveFrom, "2017-05-01"));
    const broken = await ranges();
    expect(await q.addOtjRule(f.admin, newRule({ effectiveFrom: "2032-01-01" }), "2027-06-01")).toMatchObject({ ok: false, message: expect.stringMatching(/need correcting first: No rule covers apprenticeships starting from 1 July 2022 to 31 July 2022/) });
    expect(await ranges()).toEqual(broken);
  });

  it("a rule not yet in force can be taken away, opening the one before it again; a rule in force cannot", async () => {
    const f = await setup();
    const added = await q.addOtjRule(f.admin, newRule(), TODAY);
    if (!added.ok) throw new Error(added.message);
    const current = await ruleAt("2025-08-01");
    expect(await q.removeScheduledOtjRule(f.admin, current.id, TODAY)).toMatchObject({ ok: false, message: expect.stringMatching(/Only the newest rule, before it takes effect/) });
    // Once its date has come, it stays.
    expect(await q.removeScheduledOtjRule(f.admin, added.ruleId, "2027-08-01")).toMatchObject({ ok: false });
    expect(await q.removeScheduledOtjRule(f.admin, added.ruleId, TODAY)).toEqual({ ok: true, ruleId: current.id, apprenticeships: 0 });
    expect((await ranges()).at(-1)).toEqual({ from: "2025-08-01", to: null, kind: "standard_minimum" });
    expect((await ruleAudits()).map((r) => r.action)).toEqual(["otj_rule.close", "otj_rule.create", "otj_rule.remove", "otj_rule.reopen"]);
    expect(JSON.parse((await ruleAudits())[2]!.summary)).toMatchObject({ effectiveFrom: "2027-08-01", kind: "hours_per_week", value: 8, description: "Starts from 1 August 2027: 8 hours a week (test)" });
    expect(await q.removeScheduledOtjRule(f.admin, added.ruleId, TODAY)).toEqual({ ok: false, code: "not_found", message: "Off-the-job rule not found" });
  });

  it("is refused to everyone but an admin, and nothing changes or is audited", async () => {
    const f = await setup();
    const added = await q.addOtjRule(f.admin, newRule(), TODAY);
    if (!added.ok) throw new Error(added.message);
    const before = await db.select().from(otjRules);
    const audited = (await db.select().from(auditEvents)).length;
    const refused = { ok: false, code: "read_only", message: "Only administrators change the off-the-job rules" };
    for (const who of f.others) {
      expect(await q.otjRuleForAdmin(who, added.ruleId, TODAY)).toBeUndefined();
      expect(await q.updateOtjRule(who, added.ruleId, { value: 9, minimumHours: null, description: "x" })).toEqual(refused);
      expect(await q.addOtjRule(who, newRule({ effectiveFrom: "2028-01-01" }), TODAY)).toEqual(refused);
      expect(await q.removeScheduledOtjRule(who, added.ruleId, TODAY)).toEqual(refused);
    }
    expect(await db.select().from(otjRules)).toEqual(before);
    expect(await db.select().from(auditEvents)).toHaveLength(audited);
  });

  it("the actions: 404 for everyone but an admin; bad input comes back with what was typed; good input saves and redirects", async () => {
    const a = await import("@/app/(app)/admin/apprenticeships/actions");
    const f = await setup();
    const weekly = await ruleAt("2022-08-01");
    const before = await db.select().from(otjRules);
    for (const who of f.others) {
      actAs(who);
      await expect(a.updateOtjRuleAction(weekly.id, {}, formData({ value: "7", minimumHours: "", description: "x" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.addOtjRuleAction({}, formData({ kind: "hours_per_week", effectiveFrom: "2030-01-01", value: "7", description: "x" }))).rejects.toThrow(NOT_FOUND);
      await expect(a.removeScheduledOtjRuleAction(weekly.id, {}, formData({ confirm: "yes" }))).rejects.toThrow(NOT_FOUND);
    }
    expect(await db.select().from(otjRules)).toEqual(before);

    actAs(f.admin);
    const typed = { value: "45", minimumHours: "-3", description: "Kept description" };
    expect(await a.updateOtjRuleAction(weekly.id, {}, formData(typed))).toMatchObject({
      ok: false,
      fieldErrors: { value: "The hours a week must be more than 0 and at most 40", minimumHours: "The minimum cannot be negative" },
      values: typed,
    });
    await expect(a.updateOtjRuleAction("no-such-rule", {}, formData(typed))).rejects.toThrow(NOT_FOUND);
    await expect(a.updateOtjRuleAction(weekly.id, {}, formData({ ...typed, value: "6.5", minimumHours: "" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await ruleAt("2022-08-01")).toMatchObject({ value: 6.5, description: "Kept description" });

    const rule = { kind: "percent_of_hours", effectiveFrom: "2025-08-01", value: "20", minimumHours: "187", description: "Twenty per cent again (test)" };
    expect(await a.addOtjRuleAction({}, formData(rule))).toMatchObject({ ok: false, fieldErrors: { effectiveFrom: expect.stringMatching(/must start after 1 August 2025/) }, values: rule });
    expect(await a.addOtjRuleAction({}, formData({}))).toMatchObject({ ok: false, fieldErrors: { kind: expect.any(String), effectiveFrom: expect.any(String), description: expect.any(String) } });
    await expect(a.addOtjRuleAction({}, formData({ ...rule, effectiveFrom: addDays(todayInLondon(), 30) }))).rejects.toThrow(/NEXT_REDIRECT/);
    const added = (await firstRow(db.select().from(otjRules).where(isNull(otjRules.effectiveTo))))!;
    expect(added).toMatchObject({ kind: "percent_of_hours", value: 0.2, minimumHours: 187 });
    expect(await a.removeScheduledOtjRuleAction(added.id, {}, formData({}))).toMatchObject({ ok: false, fieldErrors: { confirm: expect.stringMatching(/Tick the box/) } });
    await expect(a.removeScheduledOtjRuleAction(added.id, {}, formData({ confirm: "yes" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await db.select().from(otjRules)).toHaveLength(before.length);
  });
});
