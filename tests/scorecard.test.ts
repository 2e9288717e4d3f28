// The call-to-action scorecard against a hand-built dataset with known answers: who is in the population (a leaver
// before the last day is not; a part-time worker counts once, and their CPD per FTE), what counts for each measure (an
// appraisal scheduled or unsigned does not), per team and overall, within the user's scope; thresholds and ratings.
import { describe, expect, it, vi } from "vitest";
import { db, first, one } from "@/db/client";
import { and, eq, isNull } from "drizzle-orm";
import {
  appraisals,
  apprenticeshipStandards,
  apprenticeships,
  auditEvents,
  careSettings,
  careerConversations,
  competencyAssessments,
  competencyStatements,
  cpdActivities,
  pdpReviews,
  pdps,
  supervisionSessions,
  teams,
  trainingCompletions,
  trainingRequests,
  trainingSubjectAudiences,
  trainingSubjects,
  workers,
} from "@/db/schema";
import { coverageWorkers, mandatoryTrainingWorkers, saveScorecardThresholds, scorecard, scorecardThresholds, scorecardWorkers, type ScorecardFilters } from "@/db/queries/scorecard";
import { DEFAULT_THRESHOLDS, orderTeams, parseTeamOrder, periodEnding, rag, thresholdsFrom, type ScorecardMeasure } from "@/lib/rules/scorecard";
import { addMonths, londonDayStartMs } from "@/lib/rules/dates";
import { seedReference } from "@/db/seed/reference";
import { publishedFrameworkVersion } from "@/db/queries/competencies";
import { publishVersion, startDraftVersion } from "@/db/queries/frameworks";
import { asSession, makeWorker, twoTeams } from "./support/factory";
import { actAs, formData, NOT_FOUND } from "./support/auth-mock";
import { saveThresholdsAction } from "@/app/(app)/admin/scorecard/actions";
import { GET as scorecardCsv } from "@/app/(app)/insights/csv/route";
import { GET as workersCsv } from "@/app/(app)/insights/[measure]/csv/route";
import { scorecardBase, scorecardTable } from "@/app/(app)/insights/scorecard-table";
import { tableCsv } from "@/lib/tables";

vi.mock("@/lib/auth", () => import("./support/auth-mock"));
vi.mock("next/cache", () => import("./support/next-cache-mock"));

const END = "2026-11-22";
const all = (over: Partial<ScorecardFilters> = {}): ScorecardFilters => ({ team: null, profession: null, setting: null, end: END, ...over });

async function dataset() {
  const f = await twoTeams();
  const { workerA, workerB, lineManagedOnly } = f.workers;
  // Team A: workerA (full time) and a part-timer; a leaver who left in the period; team B: workerB, lineManagedOnly.
  const partTime = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, fte: 0.5 });
  // Left in the period: not counted. Leaves after the last day: counted (in post on the last day).
  const leaver = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, status: "left" });
  await db.update(workers).set({ contractEnd: "2026-06-30" }).where(eq(workers.id, leaver.id));
  const leavesLater = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, status: "left" });
  await db.update(workers).set({ contractEnd: "2026-12-15" }).where(eq(workers.id, leavesLater.id));
  const now = new Date("2026-06-01T10:00:00Z");
  await db.insert(appraisals)
    .values([
      { workerId: workerA.id, scheduledFor: "2026-03-01", heldOn: "2026-03-01", status: "completed" },
      { workerId: partTime.id, scheduledFor: "2026-12-01", status: "scheduled" },
      { workerId: workerB.id, scheduledFor: "2026-05-01", heldOn: "2026-05-01", status: "awaiting_sign_off" },
      { workerId: lineManagedOnly.id, scheduledFor: "2025-11-22", heldOn: "2025-11-22", status: "completed" }, // a day too early
      { workerId: leaver.id, scheduledFor: "2026-04-01", heldOn: "2026-04-01", status: "completed" },
    ]);
  const pdpA = await one(db.insert(pdps).values({ workerId: workerA.id, periodStart: "2026-03-01", periodEnd: "2027-03-01", status: "active", workerAgreedAt: now, managerAgreedAt: now }).returning());
  const pdpB = await one(db.insert(pdps).values({ workerId: workerB.id, periodStart: "2026-03-01", periodEnd: "2027-03-01", status: "active", workerAgreedAt: now }).returning());
  await db.insert(pdpReviews)
    .values([
      { pdpId: pdpA.id, reviewedOn: "2026-09-01", summary: "Good" },
      // Reviewed, but never agreed by the manager: does not count.
      { pdpId: pdpB.id, reviewedOn: "2026-09-01", summary: "Not agreed yet" },
    ]);
  await db.insert(careerConversations)
    .values([
      { workerId: workerA.id, heldOn: "2025-11-23", aspiration: "stay_and_grow", apprenticeshipInterest: "maybe" },
      { workerId: workerB.id, heldOn: "2026-10-01", aspiration: "stay_and_grow", apprenticeshipInterest: "no" },
    ]);
  await db.insert(supervisionSessions)
    .values([
      { workerId: workerA.id, heldOn: "2026-08-23", supervisorName: "R", type: "clinical" }, // the first day of the last 3 months
      { workerId: workerB.id, heldOn: "2026-08-22", supervisorName: "R", type: "clinical" }, // a day too early
    ]);
  await db.insert(cpdActivities)
    .values([
      { workerId: workerA.id, activityOn: "2026-02-01", title: "Course", type: "course", learning: "formal", hours: 12 },
      { workerId: partTime.id, activityOn: "2026-02-01", title: "Reading", type: "reading", learning: "informal", hours: 5 },
      { workerId: workerB.id, activityOn: "2025-11-01", title: "Too early", type: "course", learning: "formal", hours: 20 },
    ]);
  const standard = await one(db.insert(apprenticeshipStandards).values({ reference: "ST9217", title: "Senior", level: 3, typicalDurationMonths: 18 }).returning());
  await db.insert(apprenticeships)
    .values([
      { workerId: lineManagedOnly.id, standardId: standard.id, provider: "College", startDate: "2024-01-05", plannedEndDate: "2025-07-05", actualEndDate: "2025-12-01", status: "completed" },
      { workerId: workerB.id, standardId: standard.id, provider: "College", startDate: "2027-01-05", plannedEndDate: "2028-07-05", status: "planned" },
    ]);
  const decided = new Date(londonDayStartMs("2026-07-01") + 3_600_000);
  await db.insert(trainingRequests)
    .values([
      { workerId: partTime.id, title: "Approved", status: "approved", startsOn: "2026-12-10", decidedAt: decided },
      { workerId: workerA.id, title: "Declined", status: "declined", declineReason: "funding", decidedAt: decided },
      { workerId: workerB.id, title: "Attended", status: "attended", startsOn: "2026-07-10", decidedAt: decided },
      { workerId: workerB.id, title: "Pending", status: "pending" },
    ]);
  return { ...f, partTime, leaver, leavesLater };
}

describe("the scorecard", () => {
  it("counts each measure per team and overall against known answers", async () => {
    const f = await dataset();
    const card = await scorecard(asSession(f.users.lead), all());
    expect(card.period).toMatchObject({ start: "2025-11-23", end: END, recentStart: "2026-08-23" });
    const [a, b] = card.rows;
    expect([a!.teamName, a!.headcount, a!.fte]).toEqual(["Team A", 3, 2.5]);
    expect([b!.teamName, b!.headcount]).toEqual(["Team B", 2]);
    expect(a!.counts).toEqual({ pdp_reviewed: 1, appraised: 1, career_conversation: 1, supervised: 1, structured_education: 0 });
    expect(b!.counts).toEqual({ pdp_reviewed: 0, appraised: 0, career_conversation: 1, supervised: 0, structured_education: 2 });
    expect(a!.values.cpd_per_fte).toBe(10); // 0, 10 (5 hours at 0.5 FTE), 12
    expect(b!.values.cpd_per_fte).toBe(0);
    expect([a!.trainingApproved, a!.trainingDecided, b!.trainingApproved, b!.trainingDecided]).toEqual([1, 2, 1, 1]);
    const o = card.overall;
    expect([o.headcount, o.fte]).toEqual([5, 4.5]);
    expect(o.values).toEqual({
      pdp_reviewed: 1 / 5,
      appraised: 1 / 5,
      career_conversation: 2 / 5,
      supervised: 1 / 5,
      cpd_per_fte: 0,
      structured_education: 2 / 5,
      training_approved: 2 / 3,
      competency_coverage: null, // no framework in this dataset, so nothing owed
      mandatory_training: null, // no mandatory training subjects either
    });
    expect(o.rags).toMatchObject({ appraised: "red", structured_education: "green", training_approved: "amber", cpd_per_fte: "red" });
  });

  it("moves with the period: a year earlier the leaver was in post and most of the records had not happened", async () => {
    const f = await dataset();
    const card = await scorecard(asSession(f.users.lead), all({ end: "2026-01-31" }));
    expect(card.overall.headcount).toBe(6);
    expect(card.overall.counts.appraised).toBe(1); // lineManagedOnly, 22 November 2025
    expect(card.overall.counts.career_conversation).toBe(1);
  });

  it("keeps to the user's scope and the filters", async () => {
    const f = await dataset();
    const mine = await scorecard(asSession(f.users.managerA), all());
    expect(mine.rows.map((r) => [r.teamName, r.headcount])).toEqual([
      ["Team A", 3],
      ["Team B", 1],
    ]);
    const teamB = await scorecard(asSession(f.users.lead), all({ team: f.teamB.id }));
    expect(teamB.rows.map((r) => r.teamName)).toEqual(["Team B"]);
    expect(teamB.overall.headcount).toBe(2);
    expect((await scorecard(asSession(f.users.otherLead), all())).overall.headcount).toBe(1);
    // A worker's scope is their own record only (the page itself is closed to them).
    expect((await scorecard(asSession(f.users.workerUserA), all())).overall.headcount).toBe(1);
  });

  it("has no figure, not a zero, where there is no one to count", async () => {
    const f = await twoTeams();
    const card = await scorecard(asSession(f.users.lead), all({ end: "2020-01-01" }));
    expect(card.rows).toEqual([]);
    expect(card.overall.values.appraised).toBeNull();
    expect(card.overall.rags.appraised).toBeNull();
    expect(card.overall.values.cpd_per_fte).toBeNull();
  });
});

describe("counting only those for whom a thing is due", () => {
  /** Two new starters beside the three long-serving workers of twoTeams (started 2022); worker A appraised in the year. */
  async function starters(end: string, counted: string, notYet: string) {
    const f = await twoTeams();
    const dueStarter = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, contractStart: counted });
    const newStarter = await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, lineManagerId: f.users.managerA.id, contractStart: notYet });
    const heldOn = addMonths(end, -3);
    await db.insert(appraisals).values({ workerId: f.workers.workerA.id, scheduledFor: heldOn, heldOn, status: "completed" });
    return { ...f, dueStarter, newStarter };
  }

  it.each([
    // end of period, a starter whose first appraisal falls due on the last day, one whose falls due the day after
    ["2026-12-31", "2025-12-31", "2026-01-01", "2026-12-31"],
    ["2028-02-29", "2027-02-28", "2027-03-01", "2028-02-28"],
    ["2029-02-28", "2028-02-29", "2028-03-01", "2029-02-28"],
  ])("on %s, counts the appraisal of a starter of %s and not of %s", async (end, counted, notYet, dueOn) => {
    const f = await starters(end, counted, notYet);
    const lead = asSession(f.users.lead);
    const card = await scorecard(lead, all({ end }));
    const o = card.overall;
    expect(o.headcount).toBe(5);
    // Out of the four whose appraisal had fallen due; worker A is the one appraised.
    expect([o.counts.appraised, o.due.appraised, o.values.appraised]).toEqual([1, 4, 1 / 4]);
    expect(scorecardBase(o, "appraised")).toBe("1 of 4 due");
    // A first career conversation is due from the start: everyone counts.
    expect([o.due.career_conversation, scorecardBase(o, "career_conversation")]).toEqual([5, "0 of 5"]);

    const list = await scorecardWorkers(lead, all({ end }), "appraised");
    expect([list.total, list.met]).toEqual([4, 1]);
    expect(list.rows.map((r) => r.id)).not.toContain(f.newStarter.id);
    const byId = new Map(list.rows.map((r) => [r.id, r]));
    expect(byId.get(f.dueStarter.id)).toMatchObject({ met: false, dueOn });
    expect(byId.get(f.workers.workerB.id)).toMatchObject({ met: false, dueOn: "2023-04-01" });
    expect(byId.get(f.workers.workerA.id)).toMatchObject({ met: true, dueOn: addMonths(end, 9) });
    expect((await scorecardWorkers(lead, all({ end }), "career_conversation")).total).toBe(5);
  });

  it("has no appraisal figure, not a zero, for a team of new starters only", async () => {
    const f = await twoTeams();
    await makeWorker(f.org.id, f.ref, { teamId: f.teamA.id, contractStart: "2026-06-01" });
    const teamA = await scorecard(asSession(f.users.lead), all({ team: f.teamA.id, end: "2026-11-22" }));
    // workerA (2022) is due; the starter is not.
    expect([teamA.overall.headcount, teamA.overall.due.appraised]).toEqual([2, 1]);
    await db.update(workers).set({ contractStart: "2026-01-01" }).where(eq(workers.id, f.workers.workerA.id));
    const none = await scorecard(asSession(f.users.lead), all({ team: f.teamA.id, end: "2026-11-22" }));
    expect([none.overall.due.appraised, none.overall.values.appraised, none.overall.rags.appraised]).toEqual([0, null, null]);
  });
});

describe("the workers behind a figure", () => {
  it("lists the population with who meets the measure, those still to do first, within the user's scope", async () => {
    const f = await dataset();
    const appraised = await scorecardWorkers(asSession(f.users.lead), all(), "appraised");
    expect([appraised.total, appraised.met]).toEqual([5, 1]);
    expect(appraised.rows.map((r) => r.met)).toEqual([false, false, false, false, true]);
    expect(appraised.rows.at(-1)!.id).toBe(f.workers.workerA.id);
    expect(appraised.rows.map((r) => r.id)).not.toContain(f.leaver.id);
    const education = await scorecardWorkers(asSession(f.users.managerA), all(), "structured_education");
    expect(education.rows.filter((r) => r.met).map((r) => r.id)).toEqual([f.workers.lineManagedOnly.id]);
    expect(education.rows.map((r) => r.id)).not.toContain(f.workers.workerB.id);
    expect((await scorecardWorkers(asSession(f.users.lead), all(), "supervised", 2)).rows).toHaveLength(2);
    // Pages of two, from an offset, make up the whole list in its order, with the totals of all of them.
    const whole = (await scorecardWorkers(asSession(f.users.lead), all(), "appraised")).rows.map((r) => r.id);
    const paged = [];
    for (let offset = 0; offset < whole.length; offset += 2) {
      const page = await scorecardWorkers(asSession(f.users.lead), all(), "appraised", 2, offset);
      expect([page.total, page.met]).toEqual([5, 1]);
      paged.push(...page.rows.map((r) => r.id));
    }
    expect(paged).toEqual(whole);
  });
});

describe("ordering the scorecard's teams", () => {
  const row = (teamName: string, appraised: number | null) => ({ teamName, values: { appraised } as Record<ScorecardMeasure, number | null> });
  const rows = [row("Ward 10", 0.5), row("ward 2", 0.9), row("Physio", null), row("Ark", 0.5)];
  const names = (sort: string, dir?: string) => orderTeams(rows, parseTeamOrder(sort, dir)).map((r) => r.teamName);

  it("orders by name (numbers as numbers, case aside), or by a measure with no figure last either way", () => {
    expect(names("team")).toEqual(["Ark", "Physio", "ward 2", "Ward 10"]);
    expect(names("team", "desc")).toEqual(["Ward 10", "ward 2", "Physio", "Ark"]);
    expect(names("appraised")).toEqual(["Ark", "Ward 10", "ward 2", "Physio"]);
    expect(names("appraised", "desc")).toEqual(["ward 2", "Ark", "Ward 10", "Physio"]);
  });

  it("falls back to team name, ascending, for anything else in the address", () => {
    expect(parseTeamOrder("drop table", "sideways")).toEqual({ sort: "team", dir: "asc" });
    expect(parseTeamOrder(undefined, undefined)).toEqual({ sort: "team", dir: "asc" });
    expect(parseTeamOrder("competency_coverage", "desc")).toEqual({ sort: "competency_coverage", dir: "desc" });
  });
});

describe("thresholds", () => {
  it("rates at the thresholds, and falls back to the defaults for anything malformed", () => {
    expect([rag(0.9, { green: 0.9, amber: 0.75 }), rag(0.75, { green: 0.9, amber: 0.75 }), rag(0.7499, { green: 0.9, amber: 0.75 }), rag(null, { green: 1, amber: 0 })]).toEqual([
      "green",
      "amber",
      "red",
      null,
    ]);
    expect(thresholdsFrom({ appraised: { green: 0.5, amber: 0.9 }, supervised: { green: 0.7, amber: 0.5 }, nonsense: 1 })).toEqual({
      ...DEFAULT_THRESHOLDS,
      supervised: { green: 0.7, amber: 0.5 },
    });
    expect(periodEnding("2024-02-29")).toMatchObject({ start: "2023-03-01", recentStart: "2023-11-30" });
  });

  it("are saved by an administrator only, audited, and used by the scorecard", async () => {
    const f = await dataset();
    const next = { ...DEFAULT_THRESHOLDS, appraised: { green: 0.2, amber: 0.1 } };
    expect(await saveScorecardThresholds(asSession(f.users.lead), next)).toMatchObject({ ok: false });
    expect(await saveScorecardThresholds(asSession(f.users.managerA), next)).toMatchObject({ ok: false });
    expect(await scorecardThresholds()).toEqual(DEFAULT_THRESHOLDS);
    expect(await saveScorecardThresholds(asSession(f.users.admin), next)).toEqual({ ok: true });
    expect((await scorecardThresholds()).appraised).toEqual({ green: 0.2, amber: 0.1 });
    expect((await scorecard(asSession(f.users.lead), all())).overall.rags.appraised).toBe("green");
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "setting.update"))).toHaveLength(1);
  });
});

describe("the thresholds form", () => {
  const form = (over: Record<string, string> = {}) =>
    formData({
      "pdp_reviewed.green": "90",
      "pdp_reviewed.amber": "75",
      "appraised.green": "95",
      "appraised.amber": "80",
      "career_conversation.green": "80",
      "career_conversation.amber": "60",
      "supervised.green": "80",
      "supervised.amber": "60",
      "cpd_per_fte.green": "25",
      "cpd_per_fte.amber": "12.5",
      "structured_education.green": "20",
      "structured_education.amber": "10",
      "training_approved.green": "80",
      "training_approved.amber": "60",
      "competency_coverage.green": "85",
      "competency_coverage.amber": "65",
      "mandatory_training.green": "95",
      "mandatory_training.amber": "85",
      ...over,
    });

  it("saves percentages as shares for an admin, and refuses amber above green with the input kept", async () => {
    const f = await twoTeams();
    actAs(asSession(f.users.admin));
    const bad = await saveThresholdsAction({}, form({ "appraised.amber": "99", "cpd_per_fte.green": "lots" }));
    expect(bad.fieldErrors).toMatchObject({ "appraised.amber": expect.stringMatching(/amber cannot start above green/), "cpd_per_fte.green": expect.stringMatching(/from 0 to 1000/) });
    expect(bad.values?.["appraised.amber"]).toBe("99");
    expect(await saveThresholdsAction({}, form())).toMatchObject({ ok: true });
    expect(await scorecardThresholds()).toMatchObject({ appraised: { green: 0.95, amber: 0.8 }, cpd_per_fte: { green: 25, amber: 12.5 }, competency_coverage: { green: 0.85, amber: 0.65 }, mandatory_training: { green: 0.95, amber: 0.85 } });
  });

  it("answers 404 to a lead and a manager", async () => {
    const f = await twoTeams();
    for (const who of [f.users.lead, f.users.managerA]) {
      actAs(asSession(who));
      await expect(saveThresholdsAction({}, form())).rejects.toThrow(NOT_FOUND);
    }
    expect(await scorecardThresholds()).toEqual(DEFAULT_THRESHOLDS);
  });
});

describe("competency sign-off coverage", () => {
  it("counts the statements at each worker's current stage signed off and not expired on the last day", async () => {
    await seedReference(db);
    const f = await dataset();
    const version = (await publishedFrameworkVersion())!;
    const entry = await db
      .select()
      .from(competencyStatements)
      .where(and(eq(competencyStatements.versionId, version.id), eq(competencyStatements.stage, "entry"), isNull(competencyStatements.retiredAt), isNull(competencyStatements.professionId), isNull(competencyStatements.teamId)));
    expect(entry.length).toBeGreaterThan(3);
    const [s1, s2, s3, s4] = entry;
    const { workerA, workerB } = f.workers;
    await db.insert(competencyAssessments)
      .values([
        { workerId: workerA.id, statementId: s1!.id, status: "signed_off", signedOffOn: "2026-10-01" },
        { workerId: workerA.id, statementId: s2!.id, status: "signed_off", signedOffOn: "2026-10-01", expiresOn: "2026-11-30" }, // still in date on the last day
        { workerId: workerA.id, statementId: s3!.id, status: "signed_off", signedOffOn: "2025-10-01", expiresOn: "2026-11-21" }, // lapsed the day before
        { workerId: workerA.id, statementId: s4!.id, status: "signed_off", signedOffOn: "2026-11-23" }, // after the last day
        { workerId: workerB.id, statementId: s1!.id, status: "evidence_added" }, // not signed off
        { workerId: f.leaver.id, statementId: s1!.id, status: "signed_off", signedOffOn: "2026-01-01" }, // not in the population
      ]);
    const card = await scorecard(asSession(f.users.lead), all());
    const [a, b] = card.rows;
    // Every worker here holds the entry stage: each owes every entry statement.
    expect([a!.competencySignedOff, a!.competencyRequired]).toEqual([2, 3 * entry.length]);
    expect([b!.competencySignedOff, b!.competencyRequired]).toEqual([0, 2 * entry.length]);
    expect(card.overall.values.competency_coverage).toBeCloseTo(2 / (5 * entry.length));
    expect(card.overall.rags.competency_coverage).toBe("red");
    // A month later the fourth sign-off counts and the second has lapsed.
    const later = await scorecard(asSession(f.users.lead), all({ end: "2026-12-22" }));
    expect(later.rows[0]!.competencySignedOff).toBe(2);
    // The manager of team A sees their own team's figure and not team B's whole count.
    const mine = await scorecard(asSession(f.users.managerA), all());
    expect(mine.overall.competencySignedOff).toBe(2);
    expect(mine.overall.competencyRequired).toBe(4 * entry.length);

    // The workers behind it: the least covered first, workerA last with their 2; totals of everyone.
    const behind = await coverageWorkers(asSession(f.users.lead), all());
    expect([behind.total, behind.signedOff, behind.required]).toEqual([5, 2, 5 * entry.length]);
    expect(behind.rows.at(-1)).toMatchObject({ id: workerA.id, signedOff: 2, required: entry.length });
    expect(behind.rows.slice(0, -1).every((r) => r.signedOff === 0)).toBe(true);
    // A page from an offset is that part of the list, with the totals of everyone.
    const second = await coverageWorkers(asSession(f.users.lead), all(), 2, 2);
    expect(second.rows.map((r) => r.id)).toEqual(behind.rows.slice(2, 4).map((r) => r.id));
    expect([second.total, second.signedOff, second.required]).toEqual([5, 2, 5 * entry.length]);
    // Another organisation's lead sees none of these workers.
    expect((await coverageWorkers(asSession(f.users.otherLead), all())).rows.map((r) => r.id)).not.toContain(workerA.id);
    // Team B's workers are not listed for team A's manager unless line-managed by them.
    const managerA = (await coverageWorkers(asSession(f.users.managerA), all())).rows.map((r) => r.id);
    expect(managerA).toContain(workerA.id);
    expect(managerA).not.toContain(workerB.id);
  });
});

describe("competency sign-off coverage across framework versions", () => {
  it("counts a published statement once, by its own sign-off or an older version's, and adds a team's own statements", async () => {
    await seedReference(db);
    const f = await dataset();
    const admin = asSession(f.users.admin);
    const v1 = (await publishedFrameworkVersion())!;
    const entryOf = async (versionId: string) =>
      await db
        .select()
        .from(competencyStatements)
        .where(and(eq(competencyStatements.versionId, versionId), eq(competencyStatements.stage, "entry"), isNull(competencyStatements.retiredAt), isNull(competencyStatements.teamId)))
        .orderBy(competencyStatements.lineageKey);
    const publishNext = async () => {
      const draft = await startDraftVersion(admin, v1.frameworkId);
      if (!draft.ok) throw new Error(draft.message);
      const done = await publishVersion(admin, draft.versionId, { notes: "Reworded" });
      if (!done.ok) throw new Error(done.message);
      return draft.versionId;
    };
    const old1 = await entryOf(v1.id);
    const v2 = await publishNext();
    const old2 = await entryOf(v2);
    const v3 = await publishNext();
    const cur = await entryOf(v3);
    expect(cur.length).toBeGreaterThan(4);
    const { workerA, workerB } = f.workers;
    const signed = (workerId: string, statementId: string, over: Partial<typeof competencyAssessments.$inferInsert> = {}) =>
      ({ workerId, statementId, status: "signed_off" as const, signedOffOn: "2026-10-01", ...over });
    await db.insert(competencyAssessments)
      .values([
        // Statement 0: signed off on versions 1, 2 and 3: once.
        signed(workerA.id, old1[0]!.id),
        signed(workerA.id, old2[0]!.id),
        signed(workerA.id, cur[0]!.id),
        // Statement 1: on versions 1 and 2 only: once.
        signed(workerA.id, old1[1]!.id),
        signed(workerA.id, old2[1]!.id),
        // Statement 2: lapsed on version 3, standing on version 1: counts.
        signed(workerA.id, cur[2]!.id, { signedOffOn: "2025-01-01", expiresOn: "2026-01-01" }),
        signed(workerA.id, old1[2]!.id),
        // Statement 3: lapsed on every version: does not count.
        signed(workerA.id, old1[3]!.id, { expiresOn: "2026-11-01" }),
        signed(workerA.id, old2[3]!.id, { expiresOn: "2026-11-01" }),
        // Worker B: only version 1's sign-off of statement 0.
        signed(workerB.id, old1[0]!.id),
      ]);
    // Team A's own entry statement, owed by team A's workers only.
    const own = await one(db
      .insert(competencyStatements)
      .values({ versionId: v3, domainId: cur[0]!.domainId, stage: "entry", number: "T.1", lineageKey: "entry:team-a-1", text: "Uses the ward's hoist", bespoke: true, teamId: f.teamA.id })
      .returning());
    await db.insert(competencyAssessments).values(signed(f.partTime.id, own.id));

    const card = await scorecard(asSession(f.users.lead), all());
    const [a, b] = card.rows;
    // Team A: workerA, the part-timer and the one who leaves after the last day each owe the entry statements and team A's own.
    expect([a!.competencySignedOff, a!.competencyRequired]).toEqual([3 + 1, 3 * (cur.length + 1)]);
    expect([b!.competencySignedOff, b!.competencyRequired]).toEqual([1, 2 * cur.length]);
    const behind = await coverageWorkers(asSession(f.users.lead), all());
    expect(behind.rows.find((r) => r.id === workerA.id)).toMatchObject({ signedOff: 3, required: cur.length + 1 });
    expect(behind.rows.find((r) => r.id === f.partTime.id)).toMatchObject({ signedOff: 1, required: cur.length + 1 });
    expect(behind.rows.find((r) => r.id === workerB.id)).toMatchObject({ signedOff: 1, required: cur.length });
  });
});

describe("the scorecard CSV download", () => {
  it("writes the page's figures for the user's scope and filters, and refuses a support worker", async () => {
    const f = await dataset();
    actAs(asSession(f.users.managerA));
    const res = await scorecardCsv(new Request(`http://x/insights/csv?team=${f.teamA.id}&end=${END}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="pathways-scorecard-team-a-12-months-to-${END}.csv"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const table = scorecardTable(await scorecard(asSession(f.users.managerA), all({ team: f.teamA.id })));
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(tableCsv(table));
    expect(table.rows[0]!.slice(0, 2)).toEqual(["All teams", 3]);
    // One number a cell, as a spreadsheet needs: no "59%" or "33 of 56" in a numeric column.
    table.columns.forEach((c, i) => {
      for (const row of table.rows) {
        if (c.numeric) expect(row[i] === null || typeof row[i] === "number", `${c.label}: ${String(row[i])}`).toBe(true);
        else if (i > 0) expect(String(row[i])).toMatch(/^(On track|Getting there|Behind|No data)$/);
      }
    });
    const appraisal = table.columns.findIndex((c) => c.label === "Annual appraisal (%)");
    expect(table.columns.slice(appraisal, appraisal + 4).map((c) => c.label)).toEqual([
      "Annual appraisal (%)",
      "Annual appraisal: counted",
      "Annual appraisal: out of",
      "Annual appraisal: rating",
    ]);
    // A team outside a manager's scope is not a filter they can use: team B's manager gets their own teams' figures.
    actAs(asSession(f.users.managerB));
    const other = await scorecardCsv(new Request(`http://x/insights/csv?team=${f.teamA.id}&end=${END}`));
    expect(other.headers.get("content-disposition")).toBe(`attachment; filename="pathways-scorecard-12-months-to-${END}.csv"`);
    expect(await other.text()).not.toContain("Team A");
    // The download keeps the page's order of teams: here by appraisal, lowest first (not the name order).
    actAs(asSession(f.users.lead));
    const ordered = await scorecardCsv(new Request(`http://x/insights/csv?end=${END}&sort=appraised&dir=asc`));
    const teamsInFile = (await ordered.text()).split("\r\n").slice(2).filter(Boolean).map((l) => l.split(",")[0]);
    const byAppraisal = orderTeams((await scorecard(asSession(f.users.lead), all())).rows, { sort: "appraised", dir: "asc" }).map((r) => r.teamName);
    expect(teamsInFile).toEqual(byAppraisal);
    expect(byAppraisal).toEqual(["Team B", "Team A"]);
    actAs(asSession(f.users.workerUserA));
    await expect(scorecardCsv(new Request("http://x/insights/csv"))).rejects.toThrow(NOT_FOUND);
  });
});

describe("the workers behind a figure, downloaded", () => {
  const get = async (measure: string, query: string) => await workersCsv(new Request(`http://x/insights/${measure}/csv?${query}`), { params: Promise.resolve({ measure }) });
  const text = async (res: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());

  it("lists every worker in the user's scope, those still to do first, with the filters in the file name", async () => {
    const f = await dataset();
    actAs(asSession(f.users.lead));
    const res = await get("appraised", `end=${END}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="pathways-annual-appraisal-workers-12-months-to-${END}.csv"`);
    const lines = (await text(res)).trim().split(/\r?\n/);
    expect(lines[0]).toBe("Worker,Team,Job title,Annual appraisal,Due");
    // The five in the population (all due), the one appraised last with their next due date; the leaver is not among them.
    expect(lines).toHaveLength(6);
    const standing = lines.slice(1).map((l) => l.split(",").slice(-2).join(" "));
    expect(standing.at(-1)).toBe("Done 2027-03-01");
    // lineManagedOnly was last appraised on 22 November 2025, a day before the 12 months: due again on the last day.
    expect(standing.slice(0, -1).sort()).toEqual(["Not yet 2023-04-01", "Not yet 2023-04-01", "Not yet 2023-04-01", "Not yet 2026-11-22"]);
    expect(lines.at(-1)).toContain(f.workers.workerA.lastName);

    // A manager gets their own teams' workers, whatever team the address names; supervision is over 3 months.
    actAs(asSession(f.users.managerB));
    const other = await get("supervised", `team=${f.teamA.id}&end=${END}`);
    expect(other.headers.get("content-disposition")).toBe(`attachment; filename="pathways-supervision-workers-3-months-to-${END}.csv"`);
    const body = await text(other);
    expect(body).toContain(f.workers.workerB.lastName);
    expect(body).not.toContain(f.workers.workerA.lastName);
  });

  it("answers 404 for a figure that lists no workers, and refuses a support worker", async () => {
    const f = await dataset();
    actAs(asSession(f.users.lead));
    expect((await get("cpd_per_fte", `end=${END}`)).status).toBe(404);
    actAs(asSession(f.users.workerUserA));
    await expect(get("appraised", "")).rejects.toThrow(NOT_FOUND);
  });

  it("downloads all the workers behind competency coverage, not only the page's first 500", async () => {
    await seedReference(db);
    const f = await dataset();
    actAs(asSession(f.users.lead));
    const res = await get("competency_coverage", `end=${END}`);
    expect(res.status).toBe(200);
    const lines = (await text(res)).trim().split(/\r?\n/);
    expect(lines[0]).toBe("Worker,Team,Job title,Competencies signed off,Competencies owed at their stage");
    const total = (await coverageWorkers(asSession(f.users.lead), all())).total;
    expect(total).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(total);
    // Two numbers, a column each: signed off, and owed (at least one, or the worker would not be listed).
    expect(lines.slice(1).every((l) => /,\d+,[1-9]\d*$/.test(l))).toBe(true);
  });
});

describe("mandatory training in date", () => {
  /**
   * Three subjects over the dataset's five workers in post, all of one stage and profession: one for everyone (renewed
   * yearly), one for their stage (done once), one for team A's care setting (which team A's workers, having none of
   * their own, take from it); a retired one for everyone and one for a care setting nobody has, which nobody needs.
   */
  async function withTraining() {
    const f = await dataset();
    const ward = await one(db.insert(careSettings).values({ code: "ward-sc", name: "Acute inpatient" }).returning());
    const other = await one(db.insert(careSettings).values({ code: "community-sc", name: "Community" }).returning());
    await db.update(teams).set({ careSettingId: ward.id }).where(eq(teams.id, f.teamA.id));
    const subject = async (code: string, renewalMonths: number | null, kind: "everyone" | "stage" | "care_setting", refId: string | null, retired = false) => {
      const s = await one(db.insert(trainingSubjects).values({ code, name: code, renewalMonths, retiredAt: retired ? new Date() : null }).returning());
      await db.insert(trainingSubjectAudiences).values({ subjectId: s.id, kind, refId });
      return s.id;
    };
    const everyone = await subject("fire", 12, "everyone", null);
    const stage = await subject("induction", null, "stage", f.ref.stage.id);
    const ward1 = await subject("ward-moving", 12, "care_setting", ward.id);
    const retired = await subject("old", 12, "everyone", null, true);
    await subject("community-only", 12, "care_setting", other.id);
    const { workerA, workerB } = f.workers;
    await db.insert(trainingCompletions).values([
      // Runs out on the last day itself: in date on it, not the day after.
      { workerId: workerA.id, subjectId: everyone, completedOn: "2025-11-22", expiresOn: END, source: "recorded" },
      { workerId: workerA.id, subjectId: stage, completedOn: "2026-01-01", expiresOn: null, source: "recorded" },
      // Removed in error: counts for nothing.
      { workerId: workerA.id, subjectId: ward1, completedOn: "2026-06-01", expiresOn: "2027-06-01", source: "recorded", removedAt: new Date(), removedReason: "Wrong person" },
      { workerId: workerA.id, subjectId: retired, completedOn: "2026-06-01", expiresOn: "2027-06-01", source: "recorded" },
      // Done after the last day: not yet in date on it.
      { workerId: workerB.id, subjectId: everyone, completedOn: "2026-11-23", expiresOn: "2027-11-23", source: "imported" },
      { workerId: workerB.id, subjectId: stage, completedOn: "2020-01-01", expiresOn: null, source: "imported" },
    ]);
    return f;
  }

  it("counts the subjects each worker in post needs and those in date on the last day: an expiry on that day counts, the day after it does not", async () => {
    const f = await withTraining();
    const lead = asSession(f.users.lead);
    // Team A: three workers needing three subjects each, worker A in date on two. Team B: two needing two, worker B on one.
    const card = await scorecard(lead, all());
    const [a, b] = card.rows;
    expect([a!.mandatoryInDate, a!.mandatoryOwed, b!.mandatoryInDate, b!.mandatoryOwed]).toEqual([2, 9, 1, 4]);
    expect(card.overall.values.mandatory_training).toBe(3 / 13);
    expect(card.overall.rags.mandatory_training).toBe("red");
    expect(scorecardBase(card.overall, "mandatory_training")).toBe("3 of 13 subjects needed");
    // The same from the workers' facts (a filtered view) as from the teams' sums.
    expect((await scorecard(lead, all({ profession: f.ref.profession.id }))).overall.values.mandatory_training).toBe(3 / 13);
    // The day after worker A's expiry: that one no longer counts, and worker B's completion of the day before now does.
    const next = await scorecard(lead, all({ end: "2026-11-23" }));
    expect([next.overall.mandatoryInDate, next.overall.mandatoryOwed]).toEqual([3, 13]);
    expect(next.rows[0]!.mandatoryInDate).toBe(1);
    // A manager's own teams' workers, from their facts.
    const mine = await scorecard(asSession(f.users.managerA), all());
    expect(mine.rows.map((r) => [r.teamName, r.mandatoryInDate, r.mandatoryOwed])).toEqual([
      ["Team A", 2, 9],
      ["Team B", 0, 2],
    ]);
    // Green at the default 90%, amber from 80%.
    expect(DEFAULT_THRESHOLDS.mandatory_training).toEqual({ green: 0.9, amber: 0.8 });
  });

  it("follows a completion recorded after the figure was kept (on PostgreSQL too, through the shared data version)", async () => {
    const f = await withTraining();
    const manager = asSession(f.users.managerB);
    const before = await scorecard(manager, all());
    expect([before.overall.mandatoryInDate, before.overall.mandatoryOwed]).toEqual([1, 4]);
    const everyone = (await first(db.select({ id: trainingSubjects.id }).from(trainingSubjects).where(eq(trainingSubjects.code, "fire"))))!.id;
    await db.insert(trainingCompletions).values({ workerId: f.workers.lineManagedOnly.id, subjectId: everyone, completedOn: "2026-10-01", expiresOn: "2027-10-01", source: "recorded" });
    const after = await scorecard(manager, all());
    expect([after.overall.mandatoryInDate, after.overall.mandatoryOwed]).toEqual([2, 4]);
  });

  it("lists the workers behind the figure, anything out of date first, within the user's scope", async () => {
    const f = await withTraining();
    const behind = await mandatoryTrainingWorkers(asSession(f.users.lead), all());
    expect([behind.total, behind.inDate, behind.needed, behind.outOfDate]).toEqual([5, 3, 13, 5]);
    // Nothing in date first (by name), then half, then two of three.
    expect(behind.rows.map((r) => r.inDate)).toEqual([0, 0, 0, 1, 2]);
    expect(behind.rows.slice(-2).map((r) => [r.id, r.needed])).toEqual([[f.workers.workerB.id, 2], [f.workers.workerA.id, 3]]);
    expect(behind.rows.at(-1)!.id).toBe(f.workers.workerA.id);
    const mine = await mandatoryTrainingWorkers(asSession(f.users.managerB), all());
    expect(mine.rows.map((r) => r.id).sort()).toEqual([f.workers.workerB.id, f.workers.lineManagedOnly.id].sort());
  });

  it("downloads the workers behind it for a lead, two numbers a worker, and refuses a support worker", async () => {
    const f = await withTraining();
    const get = async (query: string) => await workersCsv(new Request(`http://x/insights/mandatory_training/csv?${query}`), { params: Promise.resolve({ measure: "mandatory_training" }) });
    actAs(asSession(f.users.lead));
    const res = await get(`end=${END}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="pathways-mandatory-training-in-date-workers-12-months-to-${END}.csv"`);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()).trim().split(/\r?\n/);
    expect(lines[0]).toBe("Worker,Team,Job title,Subjects in date,Subjects needed");
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toMatch(/,2,3$/);
    // The scorecard's download has the measure's four columns.
    const table = scorecardTable(await scorecard(asSession(f.users.lead), all()));
    const at = table.columns.findIndex((c) => c.label === "Mandatory training in date (%)");
    expect(table.columns.slice(at, at + 4).map((c) => c.label)).toEqual([
      "Mandatory training in date (%)",
      "Mandatory training in date: counted",
      "Mandatory training in date: out of",
      "Mandatory training in date: rating",
    ]);
    expect(table.rows[0]!.slice(at, at + 4)).toEqual([23, 3, 13, "Behind"]);
    actAs(asSession(f.users.workerUserA));
    await expect(get("")).rejects.toThrow(NOT_FOUND);
  });
});
