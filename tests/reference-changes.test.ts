// Reference data: adding, renaming, retiring and restoring professions, care settings, bands and stages.
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { professions, bands, stages, careSettings, workers, auditEvents } from "@/db/schema";
import {
  referenceList,
  referenceValue,
  addReferenceValue,
  updateReferenceValue,
  retireReferenceValue,
  restoreReferenceValue,
} from "@/db/queries/reference-changes";
import { professionOptions, bandOptions } from "@/db/queries/reference";
import { referenceNewFields, referenceEditFields } from "@/lib/forms/reference";
import { twoTeams, asSession } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const snapshot = async () => ({
  professions: await db.select().from(professions),
  bands: await db.select().from(bands),
  stages: await db.select().from(stages),
  careSettings: await db.select().from(careSettings),
});

describe("the reference lists", () => {
  it("show every value with how many of the organisation's workers use it, retired ones last", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const spare = await addReferenceValue(admin, "professions", { name: "Orthoptics", code: "orthoptics-t", kind: "ahp" });
    if (!spare.ok) throw new Error(spare.message);
    await retireReferenceValue(admin, "professions", spare.id);
    const list = await referenceList(admin, "professions");
    // Three workers in the organisation; the other organisation's worker is not counted.
    expect(list.map((r) => [r.name, r.inUse, !!r.retiredAt])).toEqual([
      ["Physiotherapy", 3, false],
      ["Orthoptics", 0, true],
    ]);
    expect(await referenceList(asSession(f.users.lead), "professions")).toEqual([]);
    expect(await referenceValue(asSession(f.users.managerA), "bands", f.ref.band.id)).toBeUndefined();
  });
});

describe("adding a value", () => {
  it("adds it at the end of its list, audited, and it appears in forms", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const result = await addReferenceValue(admin, "bands", { name: "Band 4 (apprentice)", code: "4-apprentice" });
    if (!result.ok) throw new Error(result.message);
    expect((await bandOptions()).at(-1)).toEqual([result.id, "Band 4 (apprentice)"]);
    expect(await first(db.select().from(auditEvents).where(eq(auditEvents.action, "reference.create")))).toMatchObject({ entityType: "band", entityId: result.id });
    const stage = await addReferenceValue(admin, "stages", { name: "Lead support worker", code: "lead-sw", rank: 3, educationLevel: 4, frameworkStage: null, description: "" });
    if (!stage.ok) throw new Error(stage.message);
    expect(await first(db.select().from(stages).where(eq(stages.id, stage.id)))).toMatchObject({ rank: 3, educationLevel: 4, frameworkStage: null });
  });

  it("makes the code from the name when none is typed, numbered when another value (even a retired one) has it", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const codeOf = async (id: string) => (await first(db.select({ code: careSettings.code }).from(careSettings).where(eq(careSettings.id, id))))!.code;
    const hospice = await addReferenceValue(admin, "care-settings", { name: "Hospice and end of life", code: null });
    if (!hospice.ok) throw new Error(hospice.message);
    expect(await codeOf(hospice.id)).toBe("hospice-and-end-of-life");
    expect((await first(db.select().from(auditEvents).where(eq(auditEvents.entityId, hospice.id))))?.summary).toBe(JSON.stringify({ code: "hospice-and-end-of-life", name: "Hospice and end of life" }));
    await retireReferenceValue(admin, "care-settings", hospice.id);
    // Another name making the same code.
    const again = await addReferenceValue(admin, "care-settings", { name: "Hospice and end-of-life", code: null });
    if (!again.ok) throw new Error(again.message);
    expect(await codeOf(again.id)).toBe("hospice-and-end-of-life-2");
    // A typed code is kept as typed, and still refused when taken.
    expect(await addReferenceValue(admin, "care-settings", { name: "Hospice at home", code: "hospice-and-end-of-life" })).toMatchObject({ ok: false, field: "code" });
    expect(await addReferenceValue(admin, "care-settings", { name: "— ? —", code: null })).toMatchObject({ ok: false, field: "code" });
  });

  it("refuses a code already used and a name already used, in any case, even by a retired value", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const before = await snapshot();
    expect(await addReferenceValue(admin, "bands", { name: "Band 9", code: f.ref.band.code })).toEqual({ ok: false, code: "conflict", field: "code", message: `The code ${f.ref.band.code} is already used by Band 3` });
    expect(await addReferenceValue(admin, "bands", { name: "band 3", code: "b3" })).toEqual({ ok: false, code: "conflict", field: "name", message: "There is already a band called Band 3" });
    expect(await addReferenceValue(asSession(f.users.lead), "bands", { name: "Band 9", code: "9" })).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
    await db.update(bands).set({ retiredAt: new Date() }).where(eq(bands.id, f.ref.band.id));
    expect(await addReferenceValue(admin, "bands", { name: "BAND 3", code: "b3" })).toMatchObject({ field: "name", message: "There is already a retired band called Band 3: restore it instead" });
  });

  it("validates the form: names, codes, ranks and levels", () => {
    const issues = (kind: Parameters<typeof referenceNewFields>[0], input: Record<string, string>) =>
      referenceNewFields(kind)
        .safeParse(input)
        .error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues("care-settings", { name: "", code: "" })).toEqual([["name", "Enter a name"]]);
    // Left empty, the code is made from the name; a name with nothing to make it from needs one typed.
    expect(referenceNewFields("care-settings").parse({ name: "Hospice", code: "" })).toEqual({ name: "Hospice", code: null });
    expect(issues("care-settings", { name: "— ? —" })).toEqual([["code", "Enter a code: the name has no letters or numbers to make one from"]]);
    expect(issues("bands", { name: "x".repeat(121), code: "Band 9!" })).toEqual([
      ["name", "Name must be 120 characters or fewer"],
      ["code", "Code can only contain lower-case letters, numbers, hyphens and underscores, like acute-inpatient"],
    ]);
    expect(issues("professions", { name: "Podiatry", code: "pod", kind: "wizard" })).toEqual([["kind", "Select what kind of profession it is"]]);
    // In the form's order, so the error summary reads top to bottom.
    expect(issues("professions", { code: "Pod!" })).toEqual([
      ["name", "Enter a name"],
      ["code", "Code can only contain lower-case letters, numbers, hyphens and underscores, like acute-inpatient"],
      ["kind", "Select what kind of profession it is"],
    ]);
    expect(issues("stages", { name: "S", code: "s", rank: "two", educationLevel: "9" })).toEqual([
      ["rank", "Rank must be a whole number from 0 to 99"],
      ["educationLevel", "Education level must be a number from 1 to 8, or left empty"],
    ]);
    expect(referenceNewFields("bands").parse({ name: " Band 10 ", code: " B10 " })).toEqual({ name: "Band 10", code: "b10" });
    expect(referenceEditFields("stages").parse({ name: "S", rank: "2", educationLevel: "", frameworkStage: "" })).toEqual({
      name: "S",
      rank: 2,
      educationLevel: null,
      frameworkStage: null,
      description: "",
    });
  });
});

describe("renaming, retiring and restoring", () => {
  it("renames a value everywhere it shows, keeping its code", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    expect((await updateReferenceValue(admin, "professions", f.ref.profession.id, { name: "Physiotherapy (MSK)", kind: "ahp" })).ok).toBe(true);
    expect(await first(db.select().from(professions).where(eq(professions.id, f.ref.profession.id)))).toMatchObject({ name: "Physiotherapy (MSK)", code: f.ref.profession.code });
    const audit = (await first(db.select().from(auditEvents).where(eq(auditEvents.action, "reference.update"))))!;
    expect(JSON.parse(audit.summary)).toEqual({ changed: ["name"], from: "Physiotherapy", to: "Physiotherapy (MSK)" });
    expect(await updateReferenceValue(admin, "professions", "nope", { name: "X", kind: "ahp" })).toEqual({ ok: false, code: "not_found", message: "Profession not found" });
  });

  it("retires a value in use: it leaves the forms, the workers keep it; retiring twice says so", async () => {
    const f = await twoTeams();
    const admin = asSession(f.users.admin);
    const spare = await addReferenceValue(admin, "professions", { name: "Dietetics", code: "dietetics-t", kind: "ahp" });
    if (!spare.ok) throw new Error(spare.message);
    expect((await retireReferenceValue(admin, "professions", f.ref.profession.id)).ok).toBe(true);
    expect((await professionOptions()).map(([id]) => id)).toEqual([spare.id]);
    expect((await first(db.select().from(workers).where(eq(workers.id, f.workers.workerA.id))))?.professionId).toBe(f.ref.profession.id);
    expect(JSON.parse((await first(db.select().from(auditEvents).where(eq(auditEvents.action, "reference.retire"))))!.summary)).toEqual({ name: "Physiotherapy", inUse: 3 });
    expect(await retireReferenceValue(admin, "professions", f.ref.profession.id)).toEqual({ ok: false, code: "conflict", message: "Physiotherapy is already retired" });

    expect((await restoreReferenceValue(admin, "professions", f.ref.profession.id)).ok).toBe(true);
    expect((await professionOptions()).map(([id]) => id)).toContain(f.ref.profession.id);
    expect(await restoreReferenceValue(admin, "professions", f.ref.profession.id)).toEqual({ ok: false, code: "conflict", message: "Physiotherapy is not retired" });
  });

  it("keeps at least one value of each list in use", async () => {
    const f = await twoTeams();
    expect(await retireReferenceValue(asSession(f.users.admin), "stages", f.ref.stage.id)).toEqual({
      ok: false,
      code: "invalid",
      message: "Support worker is the only current stage. Add another before retiring it.",
    });
  });

  it("lets nobody but an admin retire or restore", async () => {
    const f = await twoTeams();
    const before = await snapshot();
    for (const who of [f.users.lead, f.users.managerA, f.users.workerUserA]) {
      expect((await retireReferenceValue(asSession(who), "bands", f.ref.band.id)).ok).toBe(false);
      expect((await updateReferenceValue(asSession(who), "bands", f.ref.band.id, { name: "Hacked" })).ok).toBe(false);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the reference actions", () => {
  it("addReferenceValueAction: an admin adds; a lead gets 404; bad input and duplicates come back with what was typed", async () => {
    const { addReferenceValueAction } = await import("@/app/(app)/admin/reference/actions");
    const f = await twoTeams();
    const before = await snapshot();
    actAs(asSession(f.users.lead));
    await expect(addReferenceValueAction("care-settings", {}, formData({ name: "Prisons", code: "prisons" }))).rejects.toThrow(NOT_FOUND);
    expect(await snapshot()).toEqual(before);

    actAs(asSession(f.users.admin));
    const bad = await addReferenceValueAction("care-settings", {}, formData({ name: "", code: "Prison Health" }));
    expect(bad).toMatchObject({ ok: false, values: { code: "Prison Health" }, fieldErrors: { name: "Enter a name", code: expect.stringMatching(/^Code can only/) } });
    await expect(addReferenceValueAction("spells", {}, formData({ name: "x", code: "x" }))).rejects.toThrow(NOT_FOUND);
    await expect(addReferenceValueAction("care-settings", {}, formData({ name: "Prisons", code: "prisons" }))).rejects.toThrow(/NEXT_REDIRECT/);
    const again = await addReferenceValueAction("care-settings", {}, formData({ name: "Prison health", code: "prisons" }));
    expect(again.fieldErrors).toEqual({ code: "The code prisons is already used by Prisons" });
    expect((await snapshot()).careSettings.map((c) => c.name)).toEqual(["Prisons"]);
  });

  it("retireReferenceValueAction and restoreReferenceValueAction: a manager gets 404; retiring twice says it is already retired", async () => {
    const { retireReferenceValueAction, restoreReferenceValueAction, saveReferenceValueAction } = await import("@/app/(app)/admin/reference/actions");
    const f = await twoTeams();
    await db.insert(bands).values({ code: "2-t", name: "Band 2" });
    actAs(asSession(f.users.managerA));
    await expect(retireReferenceValueAction("bands", f.ref.band.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    await expect(saveReferenceValueAction("bands", f.ref.band.id, {}, formData({ name: "X" }))).rejects.toThrow(NOT_FOUND);
    expect((await first(db.select().from(bands).where(eq(bands.id, f.ref.band.id))))?.retiredAt).toBeNull();

    actAs(asSession(f.users.admin));
    await expect(retireReferenceValueAction("bands", f.ref.band.id, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await retireReferenceValueAction("bands", f.ref.band.id, {}, formData({}))).toMatchObject({ ok: false, message: "Band 3 is already retired" });
    await expect(restoreReferenceValueAction("bands", f.ref.band.id, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await saveReferenceValueAction("bands", f.ref.band.id, {}, formData({ name: "  " }))).toMatchObject({ fieldErrors: { name: "Enter a name" } });
  });

  it("saveReferenceValueAction and restoreReferenceValueAction: a lead gets 404 and nothing changes; an admin renames a stage and changes its rank", async () => {
    const { saveReferenceValueAction, restoreReferenceValueAction } = await import("@/app/(app)/admin/reference/actions");
    const f = await twoTeams();
    await db.update(stages).set({ retiredAt: new Date() }).where(eq(stages.id, f.ref.stage.id));
    const before = await snapshot();
    actAs(asSession(f.users.lead));
    await expect(saveReferenceValueAction("stages", f.ref.stage.id, {}, formData({ name: "X", rank: "3" }))).rejects.toThrow(NOT_FOUND);
    await expect(restoreReferenceValueAction("stages", f.ref.stage.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(await snapshot()).toEqual(before);

    actAs(asSession(f.users.admin));
    await expect(restoreReferenceValueAction("stages", f.ref.stage.id, {}, formData({}))).rejects.toThrow(/NEXT_REDIRECT/);
    await expect(
      saveReferenceValueAction("stages", f.ref.stage.id, {}, formData({ name: "Support worker (level 2)", rank: "1", educationLevel: "2", frameworkStage: "entry", description: "Entry level" })),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await first(db.select().from(stages).where(eq(stages.id, f.ref.stage.id)))).toMatchObject({
      name: "Support worker (level 2)",
      code: f.ref.stage.code,
      rank: 1,
      educationLevel: 2,
      frameworkStage: "entry",
      description: "Entry level",
      retiredAt: null,
    });
    expect(await saveReferenceValueAction("stages", f.ref.stage.id, {}, formData({ name: "S", rank: "" }))).toMatchObject({ fieldErrors: { rank: "Enter the rank" } });
  });
});
