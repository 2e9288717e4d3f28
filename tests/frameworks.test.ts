// Competency frameworks as data: a draft version copied from the published one, edited, published or discarded;
// published and superseded versions never change; every change is the admin's alone and is audited.
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first } from "@/db/client";
import { auditEvents, competencyAssessments, competencyStatements, frameworkDomains, frameworks, frameworkVersions, professions } from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import {
  addStatement,
  discardDraftVersion,
  domainForAdmin,
  frameworkDetail,
  frameworkList,
  frameworkVersionView,
  publishVersion,
  restoreStatement,
  retireStatement,
  startDraftVersion,
  statementForAdmin,
  updateDomain,
  updateStatement,
  type FrameworkChange,
} from "@/db/queries/frameworks";
import * as actions from "@/app/(app)/admin/frameworks/actions";
import { PublishFields, StatementEditFields, StatementNewFields, type StatementEdit, type StatementNew } from "@/lib/forms/framework";
import { RENEWAL_MAX_MONTHS } from "@/lib/rules/competencies";
import { navFor } from "@/lib/roles";
import type { FrameworkStage } from "@/lib/vocabulary";
import { asSession, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

/** Two teams and the shipped HEE framework (version 1, published). */
async function setup() {
  const f = await twoTeams();
  await seedReference(db);
  const framework = (await first(db.select().from(frameworks).where(eq(frameworks.key, "hee-ahp-sw-2021"))))!;
  const v1 = (await first(db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, framework.id))))!;
  const physio = (await first(db.select().from(professions).where(eq(professions.code, "physio"))))!;
  const admin = asSession(f.users.admin);
  const others = [f.users.managerA, f.users.lead, f.users.workerUserA].map(asSession);
  return { ...f, framework, v1, physio, admin, others };
}

function ok(result: FrameworkChange) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Starts a draft (version 2) as the admin. */
async function withDraft() {
  const s = await setup();
  const draftId = ok(await startDraftVersion(s.admin, s.framework.id)).versionId;
  return { ...s, draftId };
}

const statementsOf = async (versionId: string) => await db.select().from(competencyStatements).where(eq(competencyStatements.versionId, versionId));
const statement = async (versionId: string, lineageKey: string) =>
  (await first(db.select().from(competencyStatements).where(and(eq(competencyStatements.versionId, versionId), eq(competencyStatements.lineageKey, lineageKey)))))!;
const domain = async (versionId: string, number: number) =>
  (await first(db.select().from(frameworkDomains).where(and(eq(frameworkDomains.versionId, versionId), eq(frameworkDomains.number, number)))))!;
const versionRow = async (id: string) => await first(db.select().from(frameworkVersions).where(eq(frameworkVersions.id, id)));
const audits = async (action: string) => await db.select().from(auditEvents).where(eq(auditEvents.action, action));

const edit = (s: { number: string; text: string; renewalMonths: number | null; sourceRef: string | null }, over: Partial<StatementEdit> = {}): StatementEdit => ({
  number: s.number,
  text: s.text,
  renewalMonths: s.renewalMonths,
  sourceRef: s.sourceRef,
  professionId: null,
  teamId: null,
  ...over,
});

const fresh = (domainId: string, stage: FrameworkStage, number: string, over: Partial<StatementNew> = {}): StatementNew => ({
  domainId,
  stage,
  number,
  text: "Explains the service's falls pathway to a patient and their family (test).",
  renewalMonths: null,
  sourceRef: null,
  bespoke: false,
  professionId: null,
  teamId: null,
  ...over,
});

describe("starting a draft", () => {
  it("copies the published version's domains and current statements with their lineage keys, as version 2, audited", async () => {
    const s = await setup();
    // A retired statement of version 1 is not carried into the draft.
    const gone = await statement(s.v1.id, "assistant_practitioner:8.2");
    await db.update(competencyStatements).set({ retiredAt: new Date() }).where(eq(competencyStatements.id, gone.id));

    const result = ok(await startDraftVersion(s.admin, s.framework.id));
    const draft = (await versionRow(result.versionId))!;
    expect(draft).toMatchObject({ frameworkId: s.framework.id, version: 2, status: "draft", publishedAt: null, publishedBy: null });

    const before = (await statementsOf(s.v1.id)).filter((x) => !x.retiredAt);
    const after = await statementsOf(draft.id);
    expect(after).toHaveLength(before.length);
    expect(after.map((x) => x.lineageKey).sort()).toEqual(before.map((x) => x.lineageKey).sort());
    expect(after.some((x) => x.lineageKey === gone.lineageKey)).toBe(false);
    const original = await statement(s.v1.id, "entry:4.2");
    const copy = await statement(draft.id, "entry:4.2");
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({ text: original.text, number: "4.2", stage: "entry", renewalMonths: original.renewalMonths, retiredAt: null });
    // Each copy sits in the draft's own domain with the same number.
    expect(copy.domainId).toBe((await domain(draft.id, 4)).id);
    expect(await db.select().from(frameworkDomains).where(eq(frameworkDomains.versionId, draft.id))).toHaveLength(8);

    const [event] = await audits("framework.draft_started");
    expect(event).toMatchObject({ entityType: "framework_version", entityId: draft.id, actorId: s.admin.id });
    expect(JSON.parse(event!.summary)).toMatchObject({ version: 2, from: 1, domains: 8, statements: before.length });
  });

  it("allows one draft at a time", async () => {
    const s = await withDraft();
    expect(await startDraftVersion(s.admin, s.framework.id)).toEqual({ ok: false, code: "conflict", message: "Version 2 is already a draft: continue it, or discard it first" });
    expect(await db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, s.framework.id))).toHaveLength(2);
    expect(await startDraftVersion(s.admin, "no-such-framework")).toEqual({ ok: false, code: "not_found", message: "Framework not found" });
  });

  it("is shown on the framework's page and in the list", async () => {
    const s = await withDraft();
    const [row] = await frameworkList(s.admin);
    expect(row).toMatchObject({ id: s.framework.id, published: { id: s.v1.id, version: 1 }, draft: { id: s.draftId, version: 2 }, bespoke: 0 });
    const total = (await statementsOf(s.v1.id)).length;
    expect(row!.counts.entry + row!.counts.intermediate + row!.counts.assistant_practitioner).toBe(total);
    expect(row!.counts.entry).toBe((await statementsOf(s.v1.id)).filter((x) => x.stage === "entry").length);
    const detail = (await frameworkDetail(s.admin, s.framework.id))!;
    expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
      [2, "draft"],
      [1, "published"],
    ]);
    expect(detail.draft?.id).toBe(s.draftId);
  });
});

describe("editing the draft", () => {
  it("changes the draft's copy only: version 1 keeps its wording; the audit has the text before and after", async () => {
    const s = await withDraft();
    const original = await statement(s.v1.id, "entry:2.1");
    const copy = await statement(s.draftId, "entry:2.1");
    const text = "Greets each service user by name and explains who they are and what they will do (reworded).";
    ok(await updateStatement(s.admin, copy.id, edit(copy, { text, renewalMonths: 24 })));
    expect(await statement(s.draftId, "entry:2.1")).toMatchObject({ text, renewalMonths: 24, lineageKey: "entry:2.1" });
    expect(await statement(s.v1.id, "entry:2.1")).toEqual(original);
    const [event] = await audits("competency_statement.updated");
    expect(JSON.parse(event!.summary)).toMatchObject({
      changed: ["text", "renewalMonths"],
      before: { text: original.text, renewalMonths: original.renewalMonths },
      after: { text, renewalMonths: 24 },
    });
    // Saving nothing new writes no audit row.
    ok(await updateStatement(s.admin, copy.id, edit(await statement(s.draftId, "entry:2.1"))));
    expect(await audits("competency_statement.updated")).toHaveLength(1);
  });

  it("renumbers within the domain, keeping the lineage key", async () => {
    const s = await withDraft();
    const copy = await statement(s.draftId, "intermediate:3.1");
    ok(await updateStatement(s.admin, copy.id, edit(copy, { number: "3.1a" })));
    expect(await statement(s.draftId, "intermediate:3.1")).toMatchObject({ number: "3.1a", sort: 30_011 });
  });

  it("retires and restores a statement, each audited; retiring twice or restoring a current one is refused", async () => {
    const s = await withDraft();
    const copy = await statement(s.draftId, "assistant_practitioner:8.2");
    ok(await retireStatement(s.admin, copy.id));
    expect((await statement(s.draftId, copy.lineageKey)).retiredAt).toBeInstanceOf(Date);
    expect(await retireStatement(s.admin, copy.id)).toEqual({ ok: false, code: "conflict", message: "Statement 8.2 is already retired" });
    expect((await statement(s.v1.id, copy.lineageKey)).retiredAt).toBeNull();
    ok(await restoreStatement(s.admin, copy.id));
    expect((await statement(s.draftId, copy.lineageKey)).retiredAt).toBeNull();
    expect(await restoreStatement(s.admin, copy.id)).toEqual({ ok: false, code: "conflict", message: "Statement 8.2 is not retired" });
    expect(await audits("competency_statement.retired")).toHaveLength(1);
    expect(await audits("competency_statement.restored")).toHaveLength(1);
    expect(JSON.parse((await audits("competency_statement.retired"))[0]!.summary)).toMatchObject({ number: "8.2", lineageKey: copy.lineageKey });
  });

  it("refuses to restore a statement whose number a current one now has", async () => {
    const s = await withDraft();
    const copy = await statement(s.draftId, "entry:8.5");
    ok(await retireStatement(s.admin, copy.id));
    ok(await addStatement(s.admin, s.draftId, fresh((await domain(s.draftId, 8)).id, "entry", "8.5")));
    expect(await restoreStatement(s.admin, copy.id)).toMatchObject({ ok: false, message: expect.stringContaining("There is already a current statement 8.5") });
  });

  it("adds a bespoke statement for one profession with its own lineage key", async () => {
    const s = await withDraft();
    const result = ok(await addStatement(s.admin, s.draftId, fresh((await domain(s.draftId, 3)).id, "entry", "3.9", { bespoke: true, professionId: s.physio.id, renewalMonths: 12 })));
    const row = (await first(db.select().from(competencyStatements).where(eq(competencyStatements.id, result.id))))!;
    expect(row).toMatchObject({ versionId: s.draftId, bespoke: true, professionId: s.physio.id, teamId: null, number: "3.9", renewalMonths: 12, sort: 30_090 });
    expect(row.lineageKey).toMatch(/^bespoke:[0-9a-f-]{36}$/);
    const [event] = await audits("competency_statement.created");
    expect(JSON.parse(event!.summary)).toMatchObject({ bespoke: true, professionId: s.physio.id, text: row.text });
    // A bespoke 3.1 for one profession may sit beside the framework's 3.1; a second one for the same profession may not.
    ok(await addStatement(s.admin, s.draftId, fresh((await domain(s.draftId, 3)).id, "entry", "3.1", { bespoke: true, professionId: s.physio.id })));
    expect(await addStatement(s.admin, s.draftId, fresh((await domain(s.draftId, 3)).id, "entry", "3.1", { bespoke: true, professionId: s.physio.id }))).toMatchObject({ ok: false, field: "number" });
    // For one team of the admin's organisation, shown by name on the version page.
    const forTeam = ok(await addStatement(s.admin, s.draftId, fresh((await domain(s.draftId, 3)).id, "entry", "3.10", { bespoke: true, teamId: s.teamA.id })));
    const view = (await frameworkVersionView(s.admin, s.framework.id, s.draftId))!;
    const shown = view.domains.find((d) => d.number === 3)!.stages.find((g) => g.stage === "entry")!.statements;
    expect(shown.find((x) => x.id === forTeam.id)).toMatchObject({ teamName: "Team A", bespoke: true });
    expect(shown.find((x) => x.id === result.id)).toMatchObject({ professionName: "Physiotherapy" });
  });

  it("gives a new statement `${stage}:${number}`, or a suffixed key when any version already used it", async () => {
    const s = await withDraft();
    const d7 = (await domain(s.draftId, 7)).id;
    const added = ok(await addStatement(s.admin, s.draftId, fresh(d7, "entry", "7.9")));
    expect((await first(db.select().from(competencyStatements).where(eq(competencyStatements.id, added.id))))!.lineageKey).toBe("entry:7.9");
    // Retire 7.1 and add a new 7.1: a different competency, so a different lineage.
    ok(await retireStatement(s.admin, (await statement(s.draftId, "entry:7.1")).id));
    const again = ok(await addStatement(s.admin, s.draftId, fresh(d7, "entry", "7.1")));
    expect((await first(db.select().from(competencyStatements).where(eq(competencyStatements.id, again.id))))!.lineageKey).toMatch(/^entry:7\.1:[0-9a-f]{8}$/);
  });

  it("changes a domain's title and description, audited; version 1's domain is unchanged", async () => {
    const s = await withDraft();
    const d = await domain(s.draftId, 6);
    ok(await updateDomain(s.admin, d.id, { title: "Leadership and team working (revised)", description: "Revised." }));
    expect(await domain(s.draftId, 6)).toMatchObject({ title: "Leadership and team working (revised)", description: "Revised." });
    expect((await domain(s.v1.id, 6)).title).toBe(d.title);
    expect(JSON.parse((await audits("framework_domain.updated"))[0]!.summary)).toMatchObject({ before: { title: d.title }, after: { title: "Leadership and team working (revised)" } });
    expect(await updateDomain(s.admin, d.id, { title: "  ", description: "" })).toEqual({ ok: false, code: "invalid", field: "title", message: "Enter the domain's title" });
  });
});

describe("bad input", () => {
  const parseNew = (over: Record<string, string>) =>
    StatementNewFields.safeParse({ domainId: "d", stage: "entry", number: "3.2", text: "Does a thing.", renewalMonths: "", sourceRef: "", bespoke: "no", professionId: "", teamId: "", ...over });
  const errorOn = (r: ReturnType<typeof parseNew>, field: string) => (r.success ? undefined : r.error.issues.find((i) => i.path[0] === field)?.message);

  it("needs wording that is not only spaces", () => {
    expect(errorOn(parseNew({ text: "" }), "text")).toBe("Enter the statement's wording");
    expect(errorOn(parseNew({ text: "   " }), "text")).toBe("Enter the statement's wording");
    expect(StatementEditFields.safeParse({ number: "3.2", text: " \n ", renewalMonths: "" }).success).toBe(false);
  });

  it("needs a renewal period of whole months from 1 to the maximum, or empty", () => {
    for (const bad of ["0", "-3", "1.5", "twelve", String(RENEWAL_MAX_MONTHS + 1)]) expect(errorOn(parseNew({ renewalMonths: bad }), "renewalMonths"), bad).toBeTruthy();
    expect(errorOn(parseNew({ renewalMonths: "0" }), "renewalMonths")).toMatch(/at least 1 month/);
    const good = parseNew({ renewalMonths: String(RENEWAL_MAX_MONTHS) });
    expect(good.success && good.data.renewalMonths).toBe(RENEWAL_MAX_MONTHS);
    const never = parseNew({ renewalMonths: "" });
    expect(never.success && never.data.renewalMonths).toBeNull();
  });

  it("keeps a profession or team to bespoke statements, and one of them at most", () => {
    expect(errorOn(parseNew({ professionId: "p" }), "bespoke")).toBe("Only a bespoke statement can be for one profession or team");
    expect(errorOn(parseNew({ bespoke: "yes", professionId: "p", teamId: "t" }), "teamId")).toBe("Choose a profession or a team, not both");
    expect(parseNew({ bespoke: "yes", professionId: "p" }).success).toBe(true);
  });

  it("the data layer refuses empty wording and a renewal period out of range, whoever calls it", async () => {
    const s = await withDraft();
    const copy = await statement(s.draftId, "entry:1.1");
    expect(await updateStatement(s.admin, copy.id, edit(copy, { text: "  " }))).toMatchObject({ ok: false, field: "text" });
    expect(await updateStatement(s.admin, copy.id, edit(copy, { renewalMonths: 0 }))).toMatchObject({ ok: false, field: "renewalMonths" });
    expect(await addStatement(s.admin, s.draftId, fresh((await domain(s.draftId, 1)).id, "entry", "1.9", { renewalMonths: -1 }))).toMatchObject({ ok: false, field: "renewalMonths" });
    expect(await addStatement(s.admin, s.draftId, fresh((await domain(s.draftId, 1)).id, "entry", "1.9", { renewalMonths: RENEWAL_MAX_MONTHS + 1 }))).toMatchObject({ ok: false, field: "renewalMonths" });
    expect((await statement(s.draftId, "entry:1.1")).text).toBe(copy.text);
  });

  it("refuses a number that is not in the domain, and a duplicate number at the same stage", async () => {
    const s = await withDraft();
    const d3 = (await domain(s.draftId, 3)).id;
    expect(await addStatement(s.admin, s.draftId, fresh(d3, "entry", "4.1"))).toEqual({ ok: false, code: "invalid", field: "number", message: "A statement in domain 3 is numbered 3.something" });
    expect(await addStatement(s.admin, s.draftId, fresh(d3, "entry", "three"))).toMatchObject({ ok: false, field: "number" });
    expect(await addStatement(s.admin, s.draftId, fresh(d3, "entry", "3.2"))).toEqual({
      ok: false,
      code: "conflict",
      field: "number",
      message: "There is already a current statement 3.2 at the entry (support worker) stage in this version",
    });
    // The same number at another stage is the framework's usual shape.
    const copy = await statement(s.draftId, "entry:3.3");
    expect(await updateStatement(s.admin, copy.id, edit(copy, { number: "3.2" }))).toMatchObject({ ok: false, field: "number" });
    expect(await updateStatement(s.admin, copy.id, edit(copy, { number: "4.3" }))).toMatchObject({ ok: false, field: "number", message: "A statement in domain 3 is numbered 3.something" });
    // A retired 3.2 frees the number.
    ok(await retireStatement(s.admin, (await statement(s.draftId, "entry:3.2")).id));
    ok(await updateStatement(s.admin, copy.id, edit(copy, { number: "3.2" })));
    // A domain of another version, a retired profession or another organisation's team is refused.
    expect(await addStatement(s.admin, s.draftId, fresh((await domain(s.v1.id, 3)).id, "entry", "3.9"))).toMatchObject({ ok: false, field: "domainId" });
    await db.update(professions).set({ retiredAt: new Date() }).where(eq(professions.id, s.physio.id));
    expect(await addStatement(s.admin, s.draftId, fresh(d3, "entry", "3.9", { bespoke: true, professionId: s.physio.id }))).toMatchObject({ ok: false, field: "professionId" });
    const otherTeam = s.workers.otherOrgWorker.teamId;
    expect(await addStatement(s.admin, s.draftId, fresh(d3, "entry", "3.9", { bespoke: true, teamId: otherTeam }))).toMatchObject({ ok: false, field: "teamId" });
  });

  it("refuses to publish without notes, or a draft with no current statements", async () => {
    const s = await withDraft();
    expect(PublishFields.safeParse({ notes: "   " }).success).toBe(false);
    expect(await publishVersion(s.admin, s.draftId, { notes: " " })).toEqual({ ok: false, code: "invalid", field: "notes", message: "Say what changed in this version" });
    await db.update(competencyStatements).set({ retiredAt: new Date() }).where(eq(competencyStatements.versionId, s.draftId));
    expect(await publishVersion(s.admin, s.draftId, { notes: "Everything retired" })).toEqual({ ok: false, code: "invalid", message: "Version 2 has no current statements. Add or restore one before publishing." });
    expect((await versionRow(s.draftId))!.status).toBe("draft");
    expect((await versionRow(s.v1.id))!.status).toBe("published");
  });
});

describe("publishing", () => {
  it("supersedes the published version and publishes the draft in one step; the old statements keep their text", async () => {
    const s = await withDraft();
    const copy = await statement(s.draftId, "entry:5.1");
    const oldText = (await statement(s.v1.id, "entry:5.1")).text;
    ok(await updateStatement(s.admin, copy.id, edit(copy, { text: "New wording for 5.1 (test)." })));
    const at = new Date("2026-05-01T10:00:00Z");
    ok(await publishVersion(s.admin, s.draftId, { notes: "Reworded 5.1." }, at));
    expect(await versionRow(s.draftId)).toMatchObject({ status: "published", publishedAt: at, publishedBy: s.admin.id, notes: "Reworded 5.1." });
    expect(await versionRow(s.v1.id)).toMatchObject({ status: "superseded" });
    expect((await statement(s.v1.id, "entry:5.1")).text).toBe(oldText);
    expect((await statement(s.draftId, "entry:5.1")).text).toBe("New wording for 5.1 (test).");
    expect(JSON.parse((await audits("framework.published"))[0]!.summary)).toMatchObject({ version: 2, superseded: 1, notes: "Reworded 5.1." });
    const [row] = await frameworkList(s.admin);
    expect(row).toMatchObject({ published: { id: s.draftId, version: 2 }, draft: null });
    // The next draft is version 3, copied from version 2.
    const next = ok(await startDraftVersion(s.admin, s.framework.id));
    expect((await versionRow(next.versionId))!.version).toBe(3);
    expect((await statement(next.versionId, "entry:5.1")).text).toBe("New wording for 5.1 (test).");
  });

  it("refuses every change to a published or superseded version, and shows them read-only", async () => {
    const s = await withDraft();
    ok(await publishVersion(s.admin, s.draftId, { notes: "Version 2." }));
    const auditsBefore = (await db.select().from(auditEvents)).length;
    for (const versionId of [s.v1.id, s.draftId]) {
      const v = (await versionRow(versionId))!;
      const message = `Version ${v.version} is ${v.status}: it cannot be changed. Start a new version to make changes.`;
      const st = await statement(versionId, "entry:1.1");
      const before = await statementsOf(versionId);
      expect(await updateStatement(s.admin, st.id, edit(st, { text: "Forged" }))).toEqual({ ok: false, code: "read_only", message });
      expect(await retireStatement(s.admin, st.id)).toEqual({ ok: false, code: "read_only", message });
      expect(await restoreStatement(s.admin, st.id)).toEqual({ ok: false, code: "read_only", message });
      expect(await addStatement(s.admin, versionId, fresh((await domain(versionId, 1)).id, "entry", "1.9"))).toEqual({ ok: false, code: "read_only", message });
      expect(await updateDomain(s.admin, (await domain(versionId, 1)).id, { title: "Forged", description: "" })).toEqual({ ok: false, code: "read_only", message });
      expect(await publishVersion(s.admin, versionId, { notes: "Again" })).toEqual({ ok: false, code: "read_only", message });
      expect(await discardDraftVersion(s.admin, versionId)).toEqual({ ok: false, code: "read_only", message });
      expect(await statementsOf(versionId)).toEqual(before);
      expect((await frameworkVersionView(s.admin, s.framework.id, versionId))!.editable).toBe(false);
      expect((await statementForAdmin(s.admin, s.framework.id, versionId, st.id))!.editable).toBe(false);
      expect((await domainForAdmin(s.admin, s.framework.id, versionId, (await domain(versionId, 1)).id))!.editable).toBe(false);
    }
    expect(await db.select().from(auditEvents)).toHaveLength(auditsBefore);
  });
});

describe("discarding the draft", () => {
  it("deletes the draft's statements and domains, audited; the published version is untouched", async () => {
    const s = await withDraft();
    const v1Before = await statementsOf(s.v1.id);
    ok(await discardDraftVersion(s.admin, s.draftId));
    expect(await versionRow(s.draftId)).toBeUndefined();
    expect(await statementsOf(s.draftId)).toEqual([]);
    expect(await db.select().from(frameworkDomains).where(eq(frameworkDomains.versionId, s.draftId))).toEqual([]);
    expect(await statementsOf(s.v1.id)).toEqual(v1Before);
    expect(JSON.parse((await audits("framework.draft_discarded"))[0]!.summary)).toMatchObject({ version: 2, domains: 8, statements: v1Before.length });
    // A new draft is version 2 again.
    expect((await versionRow(ok(await startDraftVersion(s.admin, s.framework.id)).versionId))!.version).toBe(2);
  });

  it("is refused when an assessment points at one of the draft's statements", async () => {
    const s = await withDraft();
    await db.insert(competencyAssessments).values({ workerId: s.workers.workerA.id, statementId: (await statement(s.draftId, "entry:1.1")).id });
    expect(await discardDraftVersion(s.admin, s.draftId)).toEqual({ ok: false, code: "invalid", message: "Version 2 cannot be discarded: 1 assessment or PDP goal point at it" });
    expect((await versionRow(s.draftId))!.status).toBe("draft");
    expect(await audits("framework.draft_discarded")).toHaveLength(0);
  });
});

describe("who may", () => {
  it("only an administrator reads or changes frameworks: the others read nothing and change nothing", async () => {
    const s = await withDraft();
    const st = await statement(s.draftId, "entry:1.1");
    const d = await domain(s.draftId, 1);
    const before = { statements: await statementsOf(s.draftId), audits: (await db.select().from(auditEvents)).length };
    for (const who of s.others) {
      expect(await frameworkList(who)).toEqual([]);
      expect(await frameworkDetail(who, s.framework.id)).toBeUndefined();
      expect(await frameworkVersionView(who, s.framework.id, s.draftId)).toBeUndefined();
      expect(await statementForAdmin(who, s.framework.id, s.draftId, st.id)).toBeUndefined();
      expect(await domainForAdmin(who, s.framework.id, s.draftId, d.id)).toBeUndefined();
      const refused = { ok: false, code: "read_only", message: "Only administrators change competency frameworks" };
      expect(await startDraftVersion(who, s.framework.id)).toEqual(refused);
      expect(await addStatement(who, s.draftId, fresh(d.id, "entry", "1.9"))).toEqual(refused);
      expect(await updateStatement(who, st.id, edit(st, { text: "X" }))).toEqual(refused);
      expect(await retireStatement(who, st.id)).toEqual(refused);
      expect(await restoreStatement(who, st.id)).toEqual(refused);
      expect(await updateDomain(who, d.id, { title: "X", description: "" })).toEqual(refused);
      expect(await publishVersion(who, s.draftId, { notes: "X" })).toEqual(refused);
      expect(await discardDraftVersion(who, s.draftId)).toEqual(refused);
    }
    expect(await statementsOf(s.draftId)).toEqual(before.statements);
    expect(await db.select().from(auditEvents)).toHaveLength(before.audits);
  });

  it("a version is only found under its own framework", async () => {
    const s = await withDraft();
    expect(await frameworkVersionView(s.admin, "another-framework", s.draftId)).toBeUndefined();
    expect(await statementForAdmin(s.admin, s.framework.id, s.v1.id, (await statement(s.draftId, "entry:1.1")).id)).toBeUndefined();
  });

  it("is linked from the administrator's navigation", () => {
    expect(navFor("admin")).toContainEqual({ href: "/admin/frameworks", label: "Frameworks" });
    expect(navFor("manager").some((i) => i.href === "/admin/frameworks")).toBe(false);
  });
});

describe("the server actions", () => {
  const REDIRECT = /NEXT_REDIRECT/;

  it("each answers 404 to a manager, a lead and a support worker, and changes nothing", async () => {
    const s = await withDraft();
    const st = await statement(s.draftId, "entry:1.1");
    const d = await domain(s.draftId, 1);
    const auditsBefore = (await db.select().from(auditEvents)).length;
    for (const who of s.others) {
      actAs(who);
      await expect(actions.startFrameworkDraftAction(s.framework.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
      await expect(actions.addStatementAction(s.draftId, {}, formData({ domainId: d.id, stage: "entry", number: "1.9", text: "X", bespoke: "no" }))).rejects.toThrow(NOT_FOUND);
      await expect(actions.saveStatementAction(st.id, {}, formData({ number: "1.1", text: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(actions.retireStatementAction(st.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
      await expect(actions.restoreStatementAction(st.id, {}, formData({}))).rejects.toThrow(NOT_FOUND);
      await expect(actions.saveDomainAction(d.id, {}, formData({ title: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(actions.publishFrameworkDraftAction(s.draftId, {}, formData({ notes: "X" }))).rejects.toThrow(NOT_FOUND);
      await expect(actions.discardFrameworkDraftAction(s.draftId, {}, formData({ confirm: "yes" }))).rejects.toThrow(NOT_FOUND);
    }
    expect(await db.select().from(auditEvents)).toHaveLength(auditsBefore);
    expect(await statement(s.draftId, "entry:1.1")).toEqual(st);
  });

  it("let an administrator make each change", async () => {
    const s = await setup();
    actAs(s.admin);
    await expect(actions.startFrameworkDraftAction(s.framework.id, {}, formData({}))).rejects.toThrow(REDIRECT);
    const draft = (await first(db.select().from(frameworkVersions).where(eq(frameworkVersions.status, "draft"))))!;
    const st = await statement(draft.id, "assistant_practitioner:8.1");
    const d8 = await domain(draft.id, 8);
    await expect(actions.saveStatementAction(st.id, {}, formData({ number: "8.1", text: "Reworded by the action test.", renewalMonths: "", sourceRef: "" }))).rejects.toThrow(REDIRECT);
    expect((await statement(draft.id, st.lineageKey)).text).toBe("Reworded by the action test.");
    await expect(
      actions.addStatementAction(draft.id, {}, formData({ domainId: d8.id, stage: "assistant_practitioner", number: "8.9", text: "Bespoke (action test).", renewalMonths: "24", bespoke: "yes", professionId: s.physio.id, teamId: "" })),
    ).rejects.toThrow(REDIRECT);
    expect((await statementsOf(draft.id)).find((x) => x.number === "8.9")).toMatchObject({ bespoke: true, professionId: s.physio.id, renewalMonths: 24 });
    await expect(actions.retireStatementAction(st.id, {}, formData({}))).rejects.toThrow(REDIRECT);
    await expect(actions.restoreStatementAction(st.id, {}, formData({}))).rejects.toThrow(REDIRECT);
    await expect(actions.saveDomainAction(d8.id, {}, formData({ title: d8.title, description: "Changed by the action test." }))).rejects.toThrow(REDIRECT);
    await expect(actions.publishFrameworkDraftAction(draft.id, {}, formData({ notes: "Action test." }))).rejects.toThrow(REDIRECT);
    expect((await versionRow(draft.id))!.status).toBe("published");
    await expect(actions.startFrameworkDraftAction(s.framework.id, {}, formData({}))).rejects.toThrow(REDIRECT);
    const third = (await first(db.select().from(frameworkVersions).where(eq(frameworkVersions.status, "draft"))))!;
    await expect(actions.discardFrameworkDraftAction(third.id, {}, formData({ confirm: "yes" }))).rejects.toThrow(REDIRECT);
    expect(await versionRow(third.id)).toBeUndefined();
    for (const action of ["framework.draft_started", "competency_statement.updated", "competency_statement.created", "competency_statement.retired", "competency_statement.restored", "framework_domain.updated", "framework.published", "framework.draft_discarded"]) {
      expect((await audits(action)).length, action).toBeGreaterThan(0);
    }
  });

  it("come back with what was typed and a message per field on bad input, never throwing", async () => {
    const s = await withDraft();
    actAs(s.admin);
    const st = await statement(s.draftId, "entry:2.2");
    const typed = { number: "2.2", text: "   ", renewalMonths: "0", sourceRef: "HEE" };
    const state = await actions.saveStatementAction(st.id, {}, formData(typed));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toMatchObject({ text: "Enter the statement's wording", renewalMonths: expect.stringMatching(/at least 1 month/) });
    expect(state.values).toMatchObject(typed);

    const wrongDomain = await actions.addStatementAction(s.draftId, {}, formData({ domainId: (await domain(s.draftId, 3)).id, stage: "entry", number: "4.1", text: "Kept text", renewalMonths: "", bespoke: "no" }));
    expect(wrongDomain).toMatchObject({ ok: false, fieldErrors: { number: "A statement in domain 3 is numbered 3.something" }, values: { text: "Kept text", number: "4.1" } });

    expect(await actions.publishFrameworkDraftAction(s.draftId, {}, formData({ notes: "" }))).toMatchObject({ ok: false, fieldErrors: { notes: "Say what changed in this version" } });
    expect(await actions.discardFrameworkDraftAction(s.draftId, {}, formData({}))).toMatchObject({ ok: false, fieldErrors: { confirm: expect.stringContaining("Tick the box") } });
    // A forged edit of the published version's statement is refused with a message, not a crash.
    const published = await statement(s.v1.id, "entry:2.2");
    expect(await actions.saveStatementAction(published.id, {}, formData({ number: "2.2", text: "Forged" }))).toMatchObject({ ok: false, message: expect.stringContaining("Version 1 is published") });
    await expect(actions.retireStatementAction("x".repeat(100), {}, formData({}))).rejects.toThrow(NOT_FOUND);
    expect(await statement(s.v1.id, "entry:2.2")).toEqual(published);
    expect((await versionRow(s.draftId))!.status).toBe("draft");
  });
});
