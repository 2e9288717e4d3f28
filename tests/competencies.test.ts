// A worker's competencies: who may self-assess, add evidence, sign off and reopen (the worker on their own record,
// their manager; leads read; anyone else gets "not found"), the lock and the derived expiry, readiness for the next
// stage, assessments keeping their framework version, the team summary's counts, and an audit row for every change.
import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { db, first, one } from "@/db/client";
import {
  auditEvents,
  competencyAssessments,
  competencyEvidence,
  competencyReopenings,
  competencyStatements,
  frameworkDomains,
  frameworkVersions,
  stages,
  workers,
} from "@/db/schema";
import { seedReference } from "@/db/seed/reference";
import {
  addEvidence,
  competencyOverview,
  competencyStatementPage,
  progressionReadiness,
  publishedFrameworkVersion,
  reopen,
  selfAssess,
  signOff,
  type EvidenceFields,
  type SignOffFields,
} from "@/db/queries/competencies";
import { inboxReminders } from "@/db/queries/inbox";
import { developmentSummaries } from "@/db/queries/development";
import { asSession, twoTeams, SIGNED, freshSignOn } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import { addEvidenceAction, reopenCompetencyAction, selfAssessAction, signOffCompetencyAction } from "@/app/(app)/workers/[id]/competencies/actions";
import { initialFormState } from "@/lib/forms/state";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const TODAY = "2026-12-01";

async function setup() {
  await seedReference(db);
  const f = await twoTeams();
  const version = (await publishedFrameworkVersion())!;
  const statement = async (stage: string, number: string, versionId = version.id) =>
    (await first(db
      .select()
      .from(competencyStatements)
      .where(and(eq(competencyStatements.versionId, versionId), eq(competencyStatements.lineageKey, `${stage}:${number}`)))))!;
  return { ...f, version, statement };
}
type Fixture = Awaited<ReturnType<typeof setup>>;

const evidence = (over: Partial<EvidenceFields> = {}): EvidenceFields => ({
  type: "direct_observation",
  evidenceDate: "2026-11-20",
  description: "Observed a safe sit-to-stand transfer with a frame on the ward",
  link: null,
  ...over,
});
const assessor = (over: Partial<SignOffFields> = {}): SignOffFields => ({
  assessorName: "Priya Shah",
  assessorProfession: "Physiotherapist",
  assessorRegistration: "PH123456",
  signedOffOn: "2026-11-25",
  ...over,
});

const auditFor = async (entityId: string) => await db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
const assessmentOf = async (workerId: string, statementId: string) =>
  await first(db
    .select()
    .from(competencyAssessments)
    .where(and(eq(competencyAssessments.workerId, workerId), eq(competencyAssessments.statementId, statementId))));

/** The worker proposes, the manager observes and signs off: the usual path to a sign-off. */
async function signedOff(f: Fixture, statementId: string, over: Partial<SignOffFields> = {}) {
  const workerA = f.workers.workerA.id;
  const on = over.signedOffOn ?? assessor().signedOffOn;
  expect((await selfAssess(asSession(f.users.workerUserA), workerA, statementId, { confidence: 4, note: "" }, TODAY)).ok).toBe(true);
  expect((await addEvidence(asSession(f.users.managerA), workerA, statementId, evidence({ evidenceDate: on }), TODAY)).ok).toBe(true);
  const result = await signOff(asSession(f.users.managerA), workerA, statementId, assessor(over), SIGNED, TODAY);
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Publishes a version 2 that rewords entry 1.4 and drops nothing else: the admin screens' job, done by hand here. */
async function publishVersion2(f: Fixture, reword: Record<string, string> = {}) {
  const v2 = await one(db.insert(frameworkVersions).values({ frameworkId: f.version.frameworkId, version: 2, status: "draft" }).returning());
  const domains = await db.select().from(frameworkDomains).where(eq(frameworkDomains.versionId, f.version.id));
  for (const d of domains) {
    const copy = await one(db.insert(frameworkDomains).values({ versionId: v2.id, number: d.number, title: d.title, description: d.description }).returning());
    for (const s of await db.select().from(competencyStatements).where(eq(competencyStatements.domainId, d.id))) {
      const { id: _id, ...rest } = s;
      await db.insert(competencyStatements).values({ ...rest, versionId: v2.id, domainId: copy.id, text: reword[s.lineageKey] ?? s.text });
    }
  }
  await db.update(frameworkVersions).set({ status: "superseded" }).where(eq(frameworkVersions.id, f.version.id));
  await db.update(frameworkVersions).set({ status: "published", publishedAt: new Date() }).where(eq(frameworkVersions.id, v2.id));
  return v2;
}

describe("the competency page", () => {
  it("shows an entry-stage worker their stage's statements by domain and the intermediate ones as the next stage", async () => {
    const f = await setup();
    const o = (await competencyOverview(asSession(f.users.managerA), f.workers.workerA.id, TODAY))!;
    expect(o.current?.stage).toBe("entry");
    expect(o.next?.stage).toBe("intermediate");
    const entryCount = (await db
      .select()
      .from(competencyStatements)
      .where(and(eq(competencyStatements.versionId, f.version.id), eq(competencyStatements.stage, "entry")))).length;
    expect(o.current!.readiness.total).toBe(entryCount);
    expect(o.current!.domains.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(o.next!.readiness).toMatchObject({ signedOff: 0, percent: 0 });
    expect(o.ladder.position).toBe("entry");
  });

  it("answers undefined to another team's manager and another organisation's lead, and reads for a lead", async () => {
    const f = await setup();
    expect(await competencyOverview(asSession(f.users.managerB), f.workers.workerA.id, TODAY)).toBeUndefined();
    expect(await competencyOverview(asSession(f.users.otherLead), f.workers.workerA.id, TODAY)).toBeUndefined();
    expect(await competencyOverview(asSession(f.users.workerUserB), f.workers.workerA.id, TODAY)).toBeUndefined();
    const st = await f.statement("entry", "1.4");
    const page = (await competencyStatementPage(asSession(f.users.lead), f.workers.workerA.id, st.id, TODAY))!;
    expect(page).toMatchObject({ canSelfAssess: false, canAddEvidence: false, canSignOff: false, canReopen: false });
  });

  it("gives the worker the self-assessment and evidence forms, and the manager evidence and sign-off, never the worker a sign-off", async () => {
    const f = await setup();
    const st = await f.statement("entry", "1.4");
    const own = (await competencyStatementPage(asSession(f.users.workerUserA), f.workers.workerA.id, st.id, TODAY))!;
    expect(own).toMatchObject({ canSelfAssess: true, canAddEvidence: true, canSignOff: false, canReopen: false });
    const manager = (await competencyStatementPage(asSession(f.users.managerA), f.workers.workerA.id, st.id, TODAY))!;
    expect(manager).toMatchObject({ canSelfAssess: false, canAddEvidence: true, canSignOff: true });
    expect(manager.assessorDefaults).toEqual({ assessorName: "Manager A", assessorProfession: "", assessorRegistration: "" });
  });
});

describe("one set of figures for each stage", () => {
  it("gives the stage held and the next their own signed off, of how many and still to achieve, which add up, as the team page counts them", async () => {
    const f = await setup();
    const workerA = f.workers.workerA.id;
    await signedOff(f, (await f.statement("entry", "1.4")).id);
    await signedOff(f, (await f.statement("entry", "2.1")).id);
    await signedOff(f, (await f.statement("intermediate", "3.1")).id);
    const r = (await progressionReadiness(asSession(f.users.workerUserA), workerA, TODAY))!;
    expect([r.current!.stage, r.current!.signedOff, r.next!.stage, r.next!.signedOff]).toEqual(["entry", 2, "intermediate", 1]);
    for (const s of [r.current!, r.next!]) {
      expect(s.signedOff + s.gapCount).toBe(s.total);
      expect(s.percent).toBe(Math.floor((100 * s.signedOff) / s.total));
    }
    // The team page (and the profile's summary) count the same statements the same way.
    const row = (await developmentSummaries(asSession(f.users.managerA), TODAY, { workerIds: [workerA] }))[0]!;
    expect([row.competenciesSignedOff, row.competenciesAtStage, row.nextStageSignedOff, row.nextStageTotal]).toEqual([
      r.current!.signedOff,
      r.current!.total,
      r.next!.signedOff,
      r.next!.total,
    ]);
  });
});

describe("self-assessment, evidence and sign-off", () => {
  it("moves a statement from self-assessed to evidence added to signed off, and raises readiness for the next stage", async () => {
    const f = await setup();
    const st = await f.statement("intermediate", "3.1");
    const workerA = f.workers.workerA.id;
    const before = (await progressionReadiness(asSession(f.users.workerUserA), workerA, TODAY))!.next!;

    const rated = await selfAssess(asSession(f.users.workerUserA), workerA, st.id, { confidence: 3, note: "Need one more observed session" }, TODAY);
    expect(rated.ok).toBe(true);
    expect(await assessmentOf(workerA, st.id)).toMatchObject({ status: "self_assessed", confidence: 3, selfAssessmentNote: "Need one more observed session" });
    expect((await addEvidence(asSession(f.users.workerUserA), workerA, st.id, evidence({ type: "reflective_account" }), TODAY)).ok).toBe(true);
    expect((await assessmentOf(workerA, st.id))!.status).toBe("evidence_added");

    const result = await signOff(asSession(f.users.managerA), workerA, st.id, assessor(), SIGNED, TODAY);
    expect(result.ok).toBe(true);
    expect(await assessmentOf(workerA, st.id)).toMatchObject({
      status: "signed_off",
      signedOffOn: "2026-11-25",
      signedOffBy: f.users.managerA.id,
      assessorRegistration: "PH123456",
    });
    const after = (await progressionReadiness(asSession(f.users.workerUserA), workerA, TODAY))!.next!;
    expect(after.signedOff).toBe(before.signedOff + 1);
    expect(after.gapCount).toBe(before.gapCount - 1);
    expect(after.percent).toBe(Math.floor(((before.signedOff + 1) / before.total) * 100));

    const id = (await assessmentOf(workerA, st.id))!.id;
    expect((await auditFor(id)).map((e) => e.action)).toEqual(["competency_assessment.self_assessed", "competency_assessment.signed_off"]);
    expect(JSON.parse((await auditFor(id))[1]!.summary)).toMatchObject({ assessorName: "Priya Shah", assessorRegistration: "PH123456", version: 1, reauthenticated: "password" });
    // The next sign-off offers the same assessor.
    const next = (await competencyStatementPage(asSession(f.users.managerA), workerA, (await f.statement("intermediate", "3.2")).id, TODAY))!;
    expect(next.assessorDefaults).toEqual({ assessorName: "Priya Shah", assessorProfession: "Physiotherapist", assessorRegistration: "PH123456" });
  });

  it("refuses a sign-off with no evidence, in the future or before the worker started", async () => {
    const f = await setup();
    const st = await f.statement("entry", "2.1");
    const workerA = f.workers.workerA.id;
    const manager = asSession(f.users.managerA);
    expect(await signOff(manager, workerA, st.id, assessor(), SIGNED, TODAY)).toMatchObject({ ok: false, message: /evidence/ });
    expect((await addEvidence(manager, workerA, st.id, evidence(), TODAY)).ok).toBe(true);
    expect(await signOff(manager, workerA, st.id, assessor({ signedOffOn: "2026-12-02" }), SIGNED, TODAY)).toMatchObject({ ok: false, field: "signedOffOn" });
    expect(await signOff(manager, workerA, st.id, assessor({ signedOffOn: "2020-01-01" }), SIGNED, TODAY)).toMatchObject({ ok: false, field: "signedOffOn" });
    expect(await signOff(manager, workerA, st.id, assessor({ signedOffOn: "2026-11-19" }), SIGNED, TODAY)).toMatchObject({
      ok: false,
      field: "signedOffOn",
      message: "The sign-off cannot be dated before the evidence it rests on (20 November 2026)",
    });
    expect((await assessmentOf(workerA, st.id))!.status).toBe("evidence_added");
  });

  it("refuses evidence dated in the future", async () => {
    const f = await setup();
    const st = await f.statement("entry", "2.1");
    const result = await addEvidence(asSession(f.users.workerUserA), f.workers.workerA.id, st.id, evidence({ evidenceDate: "2026-12-02" }), TODAY);
    expect(result).toMatchObject({ ok: false, field: "evidenceDate", message: /future/ });
    expect(await assessmentOf(f.workers.workerA.id, st.id)).toBeUndefined();
  });

  it("lets only the worker rate themselves and only their manager sign off", async () => {
    const f = await setup();
    const st = await f.statement("entry", "2.1");
    const workerA = f.workers.workerA.id;
    expect(await selfAssess(asSession(f.users.managerA), workerA, st.id, { confidence: 5, note: "" }, TODAY)).toMatchObject({ ok: false, message: /Only the worker/ });
    expect(await selfAssess(asSession(f.users.managerB), workerA, st.id, { confidence: 5, note: "" }, TODAY)).toMatchObject({ code: "not_found" });
    expect(await selfAssess(asSession(f.users.workerUserB), workerA, st.id, { confidence: 5, note: "" }, TODAY)).toMatchObject({ code: "not_found" });
    expect(await addEvidence(asSession(f.users.workerUserB), workerA, st.id, evidence(), TODAY)).toMatchObject({ code: "not_found" });
    expect(await addEvidence(asSession(f.users.lead), workerA, st.id, evidence(), TODAY)).toMatchObject({ ok: false, message: /Leads read/ });
    // An admin may add evidence but not sign off.
    expect((await addEvidence(asSession(f.users.admin), workerA, st.id, evidence(), TODAY)).ok).toBe(true);
    expect(await signOff(asSession(f.users.admin), workerA, st.id, assessor(), SIGNED, TODAY)).toMatchObject({ ok: false, message: /Only the worker's manager/ });
    expect(await signOff(asSession(f.users.workerUserA), workerA, st.id, assessor(), SIGNED, TODAY)).toMatchObject({ code: "not_found" });
    expect(await signOff(asSession(f.users.managerB), workerA, st.id, assessor(), SIGNED, TODAY)).toMatchObject({ code: "not_found" });
    expect(await signOff(asSession(f.users.lead), workerA, st.id, assessor(), SIGNED, TODAY)).toMatchObject({ ok: false, message: /Leads read/ });
    expect((await assessmentOf(workerA, st.id))!.status).toBe("evidence_added");
  });

  it("refuses statements outside the worker's current and next stage, and changes to a leaver's record", async () => {
    const f = await setup();
    const ap = await f.statement("assistant_practitioner", "2.1");
    expect(await addEvidence(asSession(f.users.managerA), f.workers.workerA.id, ap.id, evidence(), TODAY)).toMatchObject({ ok: false, message: /not one of the worker's/ });
    expect(await competencyStatementPage(asSession(f.users.managerA), f.workers.workerA.id, ap.id, TODAY)).toBeUndefined();
    await db.update(workers).set({ status: "left", contractEnd: "2026-11-30" }).where(eq(workers.id, f.workers.workerA.id));
    const st = await f.statement("entry", "2.1");
    expect(await addEvidence(asSession(f.users.managerA), f.workers.workerA.id, st.id, evidence(), TODAY)).toMatchObject({ ok: false, message: /has left/ });
  });
});

describe("readiness gaps", () => {
  it("lists the gaps nearest to a sign-off first", async () => {
    const f = await setup();
    const workerA = f.workers.workerA.id;
    const late = await f.statement("intermediate", "8.1");
    const rated = await f.statement("intermediate", "7.1");
    expect((await selfAssess(asSession(f.users.workerUserA), workerA, rated.id, { confidence: 2, note: "" }, TODAY)).ok).toBe(true);
    expect((await addEvidence(asSession(f.users.workerUserA), workerA, late.id, evidence(), TODAY)).ok).toBe(true);
    const gaps = (await progressionReadiness(asSession(f.users.managerA), workerA, TODAY))!.next!.gaps;
    expect(gaps.slice(0, 2).map((g) => [g.id, g.status])).toEqual([
      [late.id, "evidence_added"],
      [rated.id, "self_assessed"],
    ]);
    expect(gaps[2]!.status).toBe("not_started");
  });
});

describe("the lock, reopening and expiry", () => {
  it("locks a signed-off statement until the manager reopens it with a reason, which is kept and audited", async () => {
    const f = await setup();
    const st = await f.statement("entry", "3.1");
    const workerA = f.workers.workerA.id;
    await signedOff(f, st.id);
    expect(await selfAssess(asSession(f.users.workerUserA), workerA, st.id, { confidence: 2, note: "" }, TODAY)).toMatchObject({ ok: false, message: /locked/ });
    expect(await addEvidence(asSession(f.users.managerA), workerA, st.id, evidence(), TODAY)).toMatchObject({ ok: false, message: /locked/ });
    expect(await reopen(asSession(f.users.managerA), workerA, st.id, "   ", TODAY)).toMatchObject({ ok: false, field: "reason" });
    expect(await reopen(asSession(f.users.workerUserA), workerA, st.id, "I want to", TODAY)).toMatchObject({ code: "not_found" });
    expect(await reopen(asSession(f.users.managerB), workerA, st.id, "Not mine", TODAY)).toMatchObject({ code: "not_found" });

    expect((await reopen(asSession(f.users.managerA), workerA, st.id, "Signed off against the wrong statement", TODAY)).ok).toBe(true);
    const a = (await assessmentOf(workerA, st.id))!;
    expect(a).toMatchObject({ status: "evidence_added", signedOffOn: null, assessorRegistration: null, expiresOn: null });
    expect(await db.select().from(competencyReopenings).where(eq(competencyReopenings.assessmentId, a.id))).toEqual([
      expect.objectContaining({ reason: "Signed off against the wrong statement", reopenedBy: f.users.managerA.id }),
    ]);
    const reopened = (await auditFor(a.id)).find((e) => e.action === "competency_assessment.reopened")!;
    expect(JSON.parse(reopened.summary)).toMatchObject({ reason: "Signed off against the wrong statement", wasRegistration: "PH123456" });
    expect(await reopen(asSession(f.users.managerA), workerA, st.id, "Again", TODAY)).toMatchObject({ ok: false, message: /Only a competency that is signed off/ });
    expect((await selfAssess(asSession(f.users.workerUserA), workerA, st.id, { confidence: 2, note: "" }, TODAY)).ok).toBe(true);
  });

  it("expires a sign-off after its renewal period, counts it as expired, and lets it be renewed", async () => {
    const f = await setup();
    const renewable = (await db.select().from(competencyStatements).where(and(eq(competencyStatements.versionId, f.version.id), eq(competencyStatements.stage, "entry")))).find((s) => s.renewalMonths !== null)!;
    expect(renewable).toBeDefined();
    const workerA = f.workers.workerA.id;
    const longAgo = `${Number(TODAY.slice(0, 4)) - 4}${TODAY.slice(4)}`;
    await signedOff(f, renewable.id, { signedOffOn: longAgo });
    const o = (await competencyOverview(asSession(f.users.managerA), workerA, TODAY))!;
    const row = o.current!.domains.flatMap((d) => d.statements).find((s) => s.id === renewable.id)!;
    expect(row.status).toBe("expired");
    expect(o.current!.readiness).toMatchObject({ signedOff: 0, expired: 1 });
    const lapsed = (await developmentSummaries(asSession(f.users.managerA), TODAY, { workerIds: [workerA] }))[0]!;
    expect(lapsed).toMatchObject({ competenciesSignedOff: 0, competenciesExpired: 1 });
    expect((await inboxReminders(asSession(f.users.managerA), TODAY)).filter((r) => r.workerId === workerA && r.kind === "competency_expiring")).toMatchObject([
      { urgency: "overdue", href: `/workers/${workerA}/competencies/${renewable.id}` },
    ]);
    // Expired is unlocked, but a renewal needs evidence dated after the lapsed sign-off.
    expect(await signOff(asSession(f.users.managerA), workerA, renewable.id, assessor({ signedOffOn: TODAY }), SIGNED, TODAY)).toMatchObject({ ok: false, message: /fresh evidence/ });
    expect((await competencyStatementPage(asSession(f.users.managerA), workerA, renewable.id, TODAY))!.signOffBlocker).toMatch(/fresh evidence/);
    expect((await addEvidence(asSession(f.users.workerUserA), workerA, renewable.id, evidence({ evidenceDate: TODAY }), TODAY)).ok).toBe(true);
    // Gathering fresh evidence does not hide that the sign-off has lapsed.
    expect((await assessmentOf(workerA, renewable.id))!.status).toBe("expired");
    expect((await competencyOverview(asSession(f.users.managerA), workerA, TODAY))!.current!.readiness.expired).toBe(1);
    expect((await competencyStatementPage(asSession(f.users.managerA), workerA, renewable.id, TODAY))!.signOffBlocker).toBeNull();
    expect((await signOff(asSession(f.users.managerA), workerA, renewable.id, assessor({ signedOffOn: TODAY }), SIGNED, TODAY)).ok).toBe(true);
    const renewed = (await assessmentOf(workerA, renewable.id))!;
    expect(renewed.expiresOn! > TODAY).toBe(true);
    expect(JSON.parse((await auditFor(renewed.id)).at(-1)!.summary)).toMatchObject({ renewedAfterExpiry: true });
    expect((await developmentSummaries(asSession(f.users.managerA), TODAY, { workerIds: [workerA] }))[0]!.competenciesSignedOff).toBe(1);
  });
});

describe("a sign-off that no longer applies", () => {
  it("can still be reopened, though nothing else can be done to it", async () => {
    const f = await setup();
    const st = await f.statement("entry", "5.1");
    const workerA = f.workers.workerA.id;
    await signedOff(f, st.id);
    // The worker steps up to assistant practitioner: entry is neither their stage nor their next.
    const ap = await one(db.insert(stages).values({ code: "ap-test", name: "Assistant practitioner", rank: 9, frameworkStage: "assistant_practitioner" }).returning());
    await db.update(workers).set({ stageId: ap.id }).where(eq(workers.id, workerA));
    const page = (await competencyStatementPage(asSession(f.users.managerA), workerA, st.id, TODAY))!;
    expect(page).toMatchObject({ applies: false, canReopen: true, canAddEvidence: false, canSignOff: false });
    expect(await addEvidence(asSession(f.users.managerA), workerA, st.id, evidence(), TODAY)).toMatchObject({ ok: false, message: /not one of the worker's/ });
    expect((await reopen(asSession(f.users.managerA), workerA, st.id, "Signed off by mistake", TODAY)).ok).toBe(true);
    expect((await assessmentOf(workerA, st.id))!.status).toBe("evidence_added");
  });
});

describe("framework versions", () => {
  it("keeps a sign-off on the version it was made against and says a newer one exists; open work follows the new version", async () => {
    const f = await setup();
    const workerA = f.workers.workerA.id;
    const signedV1 = await f.statement("entry", "1.4");
    const openV1 = await f.statement("entry", "2.1");
    await signedOff(f, signedV1.id);
    expect((await selfAssess(asSession(f.users.workerUserA), workerA, openV1.id, { confidence: 2, note: "" }, TODAY)).ok).toBe(true);

    const v2 = await publishVersion2(f, { "entry:1.4": "Completes the induction and the Care Certificate within 12 weeks." });
    const o = (await competencyOverview(asSession(f.users.workerUserA), workerA, TODAY))!;
    expect(o.framework?.version).toBe(2);
    const rows = o.current!.domains.flatMap((d) => d.statements);
    const s14 = rows.find((s) => s.lineageKey === "entry:1.4")!;
    expect(s14).toMatchObject({ status: "signed_off", assessedVersion: 1, wordingChanged: true });
    expect(s14.text).toBe("Completes the induction and the Care Certificate within 12 weeks.");
    // One sign-off on version 1 (the open self-assessment on version 1 is not a sign-off).
    expect(o.olderVersions).toBe(1);
    expect(o.current!.readiness.signedOff).toBe(1);

    // The v2 statement's page shows the v1 wording it was signed off against; the assessment row still points at v1.
    const v2s14 = await f.statement("entry", "1.4", v2.id);
    const page = (await competencyStatementPage(asSession(f.users.workerUserA), workerA, v2s14.id, TODAY))!;
    expect(page.assessment).toMatchObject({ version: 1, statementText: signedV1.text });
    expect(page.statement.version).toBe(2);
    expect(await assessmentOf(workerA, signedV1.id)).toBeDefined();
    // An old link (the v1 id) opens the current statement.
    expect((await competencyStatementPage(asSession(f.users.workerUserA), workerA, signedV1.id, TODAY))!.statement.id).toBe(v2s14.id);

    // Open work moves to version 2 when the worker next acts on it, and says so in the audit trail.
    const v2s21 = await f.statement("entry", "2.1", v2.id);
    expect((await selfAssess(asSession(f.users.workerUserA), workerA, v2s21.id, { confidence: 3, note: "" }, TODAY)).ok).toBe(true);
    expect(await assessmentOf(workerA, openV1.id)).toBeUndefined();
    const moved = (await assessmentOf(workerA, v2s21.id))!;
    expect(moved.confidence).toBe(3);
    expect((await auditFor(moved.id)).map((e) => e.action)).toContain("competency_assessment.moved_to_version");
    // The team summary counts the version 1 sign-off under version 2's statements.
    expect((await developmentSummaries(asSession(f.users.managerA), TODAY, { workerIds: [workerA] }))[0]).toMatchObject({
      competenciesSignedOff: 1,
      competenciesAtStage: o.current!.readiness.total,
    });
  });
});

describe("the actions", () => {
  const statementOf = async (f: Fixture) => await f.statement("entry", "4.1");

  it("self-assessment: the worker may; another worker gets 404; a missing rating keeps the note", async () => {
    const f = await setup();
    const st = await statementOf(f);
    actAs(asSession(f.users.workerUserA));
    const bad = await selfAssessAction(f.workers.workerA.id, st.id, initialFormState, formData({ note: "My note" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { confidence: "Select how confident you are" }, values: { note: "My note" } });
    expect(await selfAssessAction(f.workers.workerA.id, st.id, initialFormState, formData({ confidence: "4", note: "" }))).toMatchObject({ ok: true });
    actAs(asSession(f.users.workerUserB));
    await expect(selfAssessAction(f.workers.workerA.id, st.id, initialFormState, formData({ confidence: "4" }))).rejects.toThrow(NOT_FOUND);
  });

  it("evidence: the worker and their manager may; another team's manager gets 404; a future date is refused with the text kept", async () => {
    const f = await setup();
    const st = await statementOf(f);
    actAs(asSession(f.users.workerUserA));
    const future = await addEvidenceAction(
      f.workers.workerA.id,
      st.id,
      initialFormState,
      formData({ type: "reflective_account", evidenceDate: "2999-01-01", description: "What I learnt" }),
    );
    expect(future).toMatchObject({ ok: false, fieldErrors: { evidenceDate: "The date of the evidence cannot be in the future" }, values: { description: "What I learnt" } });
    expect(
      await addEvidenceAction(f.workers.workerA.id, st.id, initialFormState, formData({ type: "reflective_account", evidenceDate: "2026-01-05", description: "What I learnt", link: "not a link" })),
    ).toMatchObject({ ok: false, fieldErrors: { link: expect.stringMatching(/web address/) } });
    // An address typed from "www." is kept with the https:// it left out.
    expect(
      await addEvidenceAction(f.workers.workerA.id, st.id, initialFormState, formData({ type: "document", evidenceDate: "2026-01-05", description: "Certificate", link: " www.e-lfh.org.uk/certificates/123 " })),
    ).toMatchObject({ ok: true });
    expect(await first(db.select({ link: competencyEvidence.link }).from(competencyEvidence).where(eq(competencyEvidence.description, "Certificate")))).toEqual({
      link: "https://www.e-lfh.org.uk/certificates/123",
    });
    actAs(asSession(f.users.managerA));
    expect(
      await addEvidenceAction(f.workers.workerA.id, st.id, initialFormState, formData({ type: "direct_observation", evidenceDate: "2026-01-05", description: "Seen on the ward" })),
    ).toMatchObject({ ok: true });
    actAs(asSession(f.users.managerB));
    await expect(
      addEvidenceAction(f.workers.workerA.id, st.id, initialFormState, formData({ type: "direct_observation", evidenceDate: "2026-01-05", description: "x" })),
    ).rejects.toThrow(NOT_FOUND);
  });

  it("sign-off: the manager may (and is sent back to the statement); registration details are required; the worker's forged request gets 404", async () => {
    const f = await setup();
    const st = await statementOf(f);
    expect((await addEvidence(asSession(f.users.managerA), f.workers.workerA.id, st.id, evidence(), TODAY)).ok).toBe(true);
    actAs(freshSignOn(asSession(f.users.managerA)));
    const missing = await signOffCompetencyAction(f.workers.workerA.id, st.id, initialFormState, formData({ assessorName: "Priya Shah", assessorProfession: "Physiotherapist", assessorRegistration: "", signedOffOn: "2026-11-25" }));
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { assessorRegistration: expect.stringMatching(/registration number/) },
      values: { assessorName: "Priya Shah", assessorProfession: "Physiotherapist" },
    });
    expect((await assessmentOf(f.workers.workerA.id, st.id))!.status).toBe("evidence_added");

    actAs(freshSignOn(asSession(f.users.workerUserA)));
    await expect(
      signOffCompetencyAction(f.workers.workerA.id, st.id, initialFormState, formData({ assessorName: "Me", assessorProfession: "Physiotherapist", assessorRegistration: "PH123456", signedOffOn: "2026-11-25" })),
    ).rejects.toThrow(NOT_FOUND);
    expect((await assessmentOf(f.workers.workerA.id, st.id))!.status).toBe("evidence_added");

    actAs(freshSignOn(asSession(f.users.managerA)));
    await expect(
      signOffCompetencyAction(f.workers.workerA.id, st.id, initialFormState, formData({ assessorName: "Priya Shah", assessorProfession: "Physiotherapist", assessorRegistration: "ph 123456", signedOffOn: "2026-11-25" })),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await assessmentOf(f.workers.workerA.id, st.id)).toMatchObject({ status: "signed_off", assessorRegistration: "PH123456" });
  });

  it("reopen: the manager may with a reason; a lead is told they only read", async () => {
    const f = await setup();
    const st = await statementOf(f);
    await signedOff(f, st.id);
    actAs(asSession(f.users.lead));
    expect(await reopenCompetencyAction(f.workers.workerA.id, st.id, initialFormState, formData({ reason: "Curious" }))).toMatchObject({ ok: false, message: /Leads read/ });
    actAs(asSession(f.users.managerA));
    expect(await reopenCompetencyAction(f.workers.workerA.id, st.id, initialFormState, formData({ reason: "" }))).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    await expect(reopenCompetencyAction(f.workers.workerA.id, st.id, initialFormState, formData({ reason: "Practice changed" }))).rejects.toThrow(/NEXT_REDIRECT/);
    expect((await assessmentOf(f.workers.workerA.id, st.id))!.status).toBe("evidence_added");
  });
});
