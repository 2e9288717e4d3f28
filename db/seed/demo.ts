// The demo organisation: an invented NHS trust with teams, managers and support workers whose records
// (positions, PDPs, appraisals, career conversations, competencies, apprenticeships, CPD, supervision,
// delegation) read like a real service's. Deterministic for a seed; every date is relative to `today`, so
// what is overdue stays overdue whenever it runs. Bulk rows go through the bulk writer (./bulk.ts) in one
// transaction: prepared statements on SQLite, so a 50,000-worker organisation takes seconds rather than minutes;
// multi-row inserts through the transaction's connection on PostgreSQL.
import type Database from "better-sqlite3";
import { and, desc, eq, getTableName, isNull } from "drizzle-orm";
import type { DB } from "../client";
import * as s from "../schema";
import { audit } from "../audit";
import { BulkWriter, idMaker } from "./bulk";
import { random, type Random } from "./random";
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, LOCALITIES } from "./demo-names";
import {
  contentFor,
  GENERIC_GOALS,
  OBJECTIVE_REVIEW_COMMENTS,
  APPRAISAL_TEXT,
  PROGRESS_NOTES,
  REFLECTIONS,
  PDP_REVIEW_SUMMARIES,
  BARRIER_DETAILS,
  CAREER_DETAIL,
  OPTIONS_DISCUSSED,
  CAREER_STEPS,
  GENERIC_CPD,
  GENERIC_COURSES,
  CPD_REFLECTIONS,
  DECLINE_DETAILS,
  SUPERVISION_TEXT,
  LEAVING_REASONS,
  PROVIDERS,
  OTJ_ACTIVITIES,
  BREAK_REASONS,
  WITHDRAWAL_REASONS,
  TRIPARTITE,
  EVIDENCE_TEXT,
  type GoalTemplate,
  type ProfessionContent,
  type CpdTemplate,
} from "./demo-content";
import type { ProfessionCode, StageCode, CareSettingCode } from "./reference/types";
import { hee2021 } from "./reference/framework";
import { todayInLondon, isIsoDate } from "../../lib/rules/dates";
import { databaseKind, first, rawSqlite, transaction } from "../client";
import {
  EVIDENCE_TYPES,
  type Role,
  type FrameworkStage,
  type GoalStatus,
  type BarrierCategory,
  type Aspiration,
  type ApprenticeshipStatus,
  type TrainingRequestStatus,
  type DeclineReason,
  type CpdType,
} from "../../lib/vocabulary";

export const DEMO_ORG_NAME = "Northbrook Community and Acute NHS Foundation Trust";
export const DEMO_PASSWORD = "pathways-demo";
/** The demo logins `npm start` lists, one a role (the login page lists them too). */
export const DEMO_EMAILS = ["admin@demo.test", "lead@demo.test", "manager@demo.test", "manager2@demo.test", "worker@demo.test", "worker2@demo.test"] as const;

export interface DemoOptions {
  /** Support workers to create (default 60, at least 12). */
  workers?: number;
  /** PRNG seed (default 2021, the year of the HEE framework). */
  seed?: number;
  /** YYYY-MM-DD; defaults to today's date in London. */
  today?: string;
  /** argon2id hash set on every demo login. */
  passwordHash: string;
}

export interface DemoLogin {
  email: string;
  role: Role;
  name: string;
  note: string;
}

export interface DemoSummary {
  orgId: string;
  orgName: string;
  today: string;
  workers: number;
  teams: number;
  managers: number;
  /** Rows inserted, per table. */
  counts: Record<string, number>;
  logins: DemoLogin[];
}

/* ------------------------------------------------------------------ dates as day numbers */

const DAY_MS = 86_400_000;
const isoCache = new Map<number, string>();

function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}
function iso(day: number): string {
  let v = isoCache.get(day);
  if (v === undefined) {
    v = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, v);
  }
  return v;
}
function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS;
}
/** A moment on that day (UTC), for timestamp columns. */
function at(day: number, hour = 10, minute = 0): Date {
  return new Date(day * DAY_MS + hour * 3_600_000 + minute * 60_000);
}
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const isHoliday = (day: number) => {
  const dow = (day + 4) % 7; // 1 January 1970 was a Thursday; 0 = Sunday
  const md = iso(day).slice(5);
  return dow === 0 || dow === 6 || md === "12-25" || md === "12-26" || md === "01-01";
};
/** Meetings happen on working days: a past date moves back to one, a future date forward. */
function workdayBefore(day: number): number {
  let d = day;
  while (isHoliday(d)) d--;
  return d;
}
function workdayAfter(day: number): number {
  let d = day;
  while (isHoliday(d)) d++;
  return d;
}

/* ------------------------------------------------------------------ the organisation's shape */

interface TeamSpec {
  name: string;
  service: string;
  prof: ProfessionCode;
  setting: CareSettingCode;
}

const NAMED_TEAMS: TeamSpec[] = [
  { name: "Acute Physiotherapy", service: "Acute therapies", prof: "physio", setting: "acute-inpatient" },
  { name: "Community Occupational Therapy", service: "Adult community therapy", prof: "ot", setting: "community" },
  { name: "Speech and Language Therapy – Children's", service: "Children's therapies", prof: "slt", setting: "community" },
  { name: "Dietetics", service: "Nutrition and dietetics", prof: "dietetics", setting: "outpatient" },
  { name: "Diagnostic Radiography", service: "Imaging", prof: "radiography-diagnostic", setting: "acute-inpatient" },
  { name: "Emergency Ambulance Support", service: "Urgent and emergency care", prof: "ambulance", setting: "emergency-care" },
];

/** Further teams for larger organisations, by weight. */
const TEAM_TEMPLATES: [TeamSpec, number][] = [
  [{ name: "Inpatient Physiotherapy", service: "Acute therapies", prof: "physio", setting: "acute-inpatient" }, 6],
  [{ name: "Community Physiotherapy", service: "Adult community therapy", prof: "physio", setting: "community" }, 5],
  [{ name: "MSK Physiotherapy Outpatients", service: "Musculoskeletal services", prof: "physio", setting: "outpatient" }, 4],
  [{ name: "Stroke Rehabilitation", service: "Neurorehabilitation", prof: "physio", setting: "rehabilitation" }, 3],
  [{ name: "Critical Care Physiotherapy", service: "Acute therapies", prof: "physio", setting: "critical-care" }, 1],
  [{ name: "Acute Occupational Therapy", service: "Acute therapies", prof: "ot", setting: "acute-inpatient" }, 5],
  [{ name: "Community Occupational Therapy", service: "Adult community therapy", prof: "ot", setting: "community" }, 4],
  [{ name: "Mental Health Occupational Therapy", service: "Adult mental health", prof: "ot", setting: "mental-health" }, 3],
  [{ name: "Learning Disability Occupational Therapy", service: "Learning disability services", prof: "ot", setting: "learning-disability" }, 1],
  [{ name: "Adult Speech and Language Therapy", service: "Acute therapies", prof: "slt", setting: "acute-inpatient" }, 2],
  [{ name: "Children's Speech and Language Therapy", service: "Children's therapies", prof: "slt", setting: "community" }, 3],
  [{ name: "Community Dietetics", service: "Nutrition and dietetics", prof: "dietetics", setting: "community" }, 2],
  [{ name: "Acute Dietetics", service: "Nutrition and dietetics", prof: "dietetics", setting: "acute-inpatient" }, 2],
  [{ name: "General Radiography", service: "Imaging", prof: "radiography-diagnostic", setting: "outpatient" }, 3],
  [{ name: "CT and MRI", service: "Imaging", prof: "radiography-diagnostic", setting: "acute-inpatient" }, 2],
  [{ name: "Radiotherapy", service: "Cancer services", prof: "radiography-therapeutic", setting: "outpatient" }, 1],
  [{ name: "Community Podiatry", service: "Podiatry", prof: "podiatry", setting: "community" }, 2],
  [{ name: "Diabetic Foot Podiatry", service: "Podiatry", prof: "podiatry", setting: "outpatient" }, 1],
  [{ name: "Main Theatres", service: "Surgery and theatres", prof: "odp", setting: "acute-inpatient" }, 2],
  [{ name: "Orthoptics", service: "Ophthalmology", prof: "orthoptics", setting: "outpatient" }, 1],
  [{ name: "Orthotics", service: "Rehabilitation engineering", prof: "prosthetics-orthotics", setting: "outpatient" }, 1],
  [{ name: "Arts Therapies", service: "Adult mental health", prof: "art-therapy", setting: "mental-health" }, 1],
  [{ name: "Emergency Ambulance Support", service: "Urgent and emergency care", prof: "ambulance", setting: "emergency-care" }, 3],
  [{ name: "Patient Transport Service", service: "Patient transport", prof: "ambulance", setting: "patient-transport" }, 2],
  [{ name: "Emergency Operations Centre", service: "Urgent and emergency care", prof: "ambulance", setting: "call-handling" }, 1],
];

interface Person {
  first: string;
  last: string;
  female: boolean;
}

const NAMED_PEOPLE = {
  admin: { first: "Sam", last: "Whitfield", female: false },
  lead: { first: "Aisha", last: "Rahman", female: true },
  educator: { first: "Bethan", last: "Morgan", female: true },
  manager: { first: "Claire", last: "Donnelly", female: true },
  manager2: { first: "Tunde", last: "Adebayo", female: false },
  manager3: { first: "Mei", last: "Chen", female: true },
  manager4: { first: "Gareth", last: "Hughes", female: false },
  worker: { first: "Chloe", last: "Mensah", female: true },
  worker2: { first: "Daniel", last: "Kowalski", female: false },
} satisfies Record<string, Person>;

/** The goals agreed in worker@demo.test's last appraisal, which became their PDP. */
const SPECIAL_GOALS: GoalTemplate[] = [
  {
    title: "Lead the ward's falls-prevention exercise group",
    why: "Patients on the elderly care wards lose strength while they wait for discharge; a regular group keeps them moving and frees physiotherapist time.",
    success: "The group runs twice a week for eight weeks, with attendance and Timed Up and Go scores recorded and reviewed with the band 6 physiotherapist.",
    domains: [2, 6],
    support: ["practice_educator", "protected_time", "formal_course"],
    actions: [
      ["Observe two groups run by the band 6 physiotherapist", "worker"],
      ["Complete the Otago Exercise Programme leader training", "worker"],
      ["Protect one hour each Tuesday and Thursday on the rota", "manager"],
      ["Agree a session plan and risk assessment with the supervising physiotherapist", "worker"],
    ],
  },
  {
    title: "Complete the acute respiratory competencies for senior support workers",
    why: "The team needs more senior support workers who can help with airway clearance at weekends.",
    success: "All respiratory support competencies signed off by a respiratory physiotherapist.",
    domains: [3],
    support: ["supervision", "formal_course"],
    actions: [
      ["Attend the trust's respiratory skills afternoon", "worker"],
      ["Complete three supervised sessions on the respiratory ward", "worker"],
      ["Arrange sign-off with the respiratory lead", "manager"],
    ],
  },
  {
    title: "Get ready to apply for the assistant practitioner apprenticeship",
    why: "Chloe wants to become an assistant practitioner; the September intake needs level 2 maths and a supporting statement.",
    success: "Level 2 functional skills maths passed and an application submitted for the next intake.",
    domains: [1, 7],
    support: ["protected_time", "funding", "practice_educator"],
    actions: [
      ["Enrol on level 2 functional skills maths with the learning hub", "worker"],
      ["Agree two hours a week of study time", "manager"],
      ["Draft the supporting statement and share it with the practice educator", "worker"],
    ],
  },
];

/**
 * worker@demo.test's current PDP, day by day relative to today: each goal's target and each action's due and done
 * days (null = not done). One of the manager's actions is overdue; the Otago course was attended last month.
 */
const SPECIAL_SCHEDULE: { target: number; actions: [due: number, done: number | null][] }[] = [
  { target: 60, actions: [[-200, -205], [-30, -39], [-14, null], [21, null]] },
  { target: -100, actions: [[-240, -245], [-180, -176], [-120, -118]] },
  { target: 120, actions: [[-150, -160], [-140, -138], [35, null]] },
];
const SPECIAL_OTAGO_DAY = -39;

/** worker@demo.test's career steps towards assistant practitioner: first done, the others due soon. */
const SPECIAL_STEPS = [
  "Talk to the practice educator about the September assistant practitioner apprenticeship intake",
  "Complete level 2 functional skills maths",
  "Shadow an assistant practitioner on the orthopaedic ward for two shifts",
];

/* ------------------------------------------------------------------ reference look-ups */

interface Statement {
  id: string;
  domainNumber: number;
  renewalMonths: number | null;
}
interface Standard {
  id: string;
  reference: string;
  level: number;
  months: number;
  otjMinimumHours: number | null;
  options: Map<string, string>;
  gateway: string[];
  professionCode: string | null;
}
interface Ref {
  profession: Map<string, string>;
  professionCodeById: Map<string, string>;
  setting: Map<string, string>;
  stage: Map<string, string>;
  band: Map<string, string>;
  domain: Map<number, string>;
  statements: Record<FrameworkStage, Statement[]>;
  standards: Map<string, Standard>;
  /** The mandatory training subjects needed by everyone, with their renewal periods. */
  subjects: { id: string; renewalMonths: number | null }[];
}

async function loadReference(db: DB): Promise<Ref> {
  const need = <T>(rows: T[], what: string): T[] => {
    if (rows.length === 0) throw new Error(`No ${what} found: run seedReference(db) before seedDemo.`);
    return rows;
  };
  const professions = need(await db.select().from(s.professions), "professions");
  const settings = need(await db.select().from(s.careSettings), "care settings");
  const stages = need(await db.select().from(s.stages), "stages");
  const bands = need(await db.select().from(s.bands), "bands");

  const framework = await first(db.select().from(s.frameworks).where(eq(s.frameworks.key, hee2021.key)));
  if (!framework) throw new Error("The HEE framework is missing: run seedReference(db) before seedDemo.");
  const version = await first(db
    .select()
    .from(s.frameworkVersions)
    .where(and(eq(s.frameworkVersions.frameworkId, framework.id), eq(s.frameworkVersions.status, "published")))
    .orderBy(desc(s.frameworkVersions.version)));
  if (!version) throw new Error("The HEE framework has no published version.");
  const domains = await db.select().from(s.frameworkDomains).where(eq(s.frameworkDomains.versionId, version.id));
  const domainNumber = new Map(domains.map((d) => [d.id, d.number]));
  const statements: Record<FrameworkStage, Statement[]> = { entry: [], intermediate: [], assistant_practitioner: [] };
  for (const st of await db
    .select()
    .from(s.competencyStatements)
    .where(and(eq(s.competencyStatements.versionId, version.id), isNull(s.competencyStatements.retiredAt), eq(s.competencyStatements.bespoke, false)))
    .orderBy(s.competencyStatements.sort)) {
    statements[st.stage].push({ id: st.id, domainNumber: domainNumber.get(st.domainId) ?? 0, renewalMonths: st.renewalMonths });
  }

  const professionCodeById = new Map(professions.map((p) => [p.id, p.code]));
  const standards = new Map<string, Standard>();
  for (const st of await db.select().from(s.apprenticeshipStandards)) {
    standards.set(st.reference, {
      id: st.id,
      reference: st.reference,
      level: st.level,
      months: st.typicalDurationMonths,
      otjMinimumHours: st.otjMinimumHours,
      options: new Map(),
      gateway: [],
      professionCode: st.professionId ? (professionCodeById.get(st.professionId) ?? null) : null,
    });
  }
  const byId = new Map([...standards.values()].map((st) => [st.id, st]));
  for (const o of await db.select().from(s.apprenticeshipOptions)) byId.get(o.standardId)?.options.set(o.name, o.id);
  for (const g of await db.select().from(s.gatewayRequirements).where(isNull(s.gatewayRequirements.retiredAt)).orderBy(s.gatewayRequirements.sort)) {
    byId.get(g.standardId)?.gateway.push(g.id);
  }

  const everyone = new Set((await db.select({ id: s.trainingSubjectAudiences.subjectId }).from(s.trainingSubjectAudiences).where(eq(s.trainingSubjectAudiences.kind, "everyone"))).map((a) => a.id));
  const subjects = (await db.select().from(s.trainingSubjects).where(isNull(s.trainingSubjects.retiredAt)).orderBy(s.trainingSubjects.sort))
    .filter((t) => everyone.has(t.id))
    .map((t) => ({ id: t.id, renewalMonths: t.renewalMonths }));

  return {
    subjects,
    profession: new Map(professions.map((p) => [p.code, p.id])),
    professionCodeById,
    setting: new Map(settings.map((x) => [x.code, x.id])),
    stage: new Map(stages.map((x) => [x.code, x.id])),
    band: new Map(bands.map((x) => [x.code, x.id])),
    domain: new Map(domains.map((d) => [d.number, d.id])),
    statements,
    standards,
  };
}

function must<K, V>(map: Map<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Demo seed: no ${what} "${String(key)}" in the reference data.`);
  return v;
}

/* ------------------------------------------------------------------ the generator's own types */

interface Registrant {
  name: string;
  title: string;
  registration: string;
  userId: string | null;
}
interface Manager {
  id: string;
  name: string;
  email: string;
  registrant: Registrant;
}
interface Team {
  id: string;
  spec: TeamSpec;
  content: ProfessionContent;
  professionId: string;
  settingId: string;
  managers: Manager[];
  registrants: Registrant[];
  size: number;
}
interface Segment {
  from: number;
  stage: StageCode;
  band: string;
  title: string;
  team: Team;
  reason: string;
}

type Scenario = "a_new_l2" | "b_l3" | "c_ap" | "d_degree" | "e_break" | "f_gateway" | "g_completed" | "h_withdrawn" | "i_planned";
const FIRST_SCENARIOS: Scenario[] = ["a_new_l2", "f_gateway", "b_l3", "g_completed", "c_ap", "e_break", "h_withdrawn", "i_planned"];
const LATER_SCENARIOS: Scenario[] = ["a_new_l2", "b_l3", "c_ap", "d_degree", "a_new_l2", "b_l3", "c_ap", "e_break", "f_gateway", "g_completed", "g_completed", "h_withdrawn", "i_planned", "b_l3"];

interface ApprenticeshipPlan {
  standard: Standard;
  optionId: string | null;
  start: number;
  plannedEnd: number;
  status: ApprenticeshipStatus;
  /** Status history after planned → on_programme. */
  changes: { on: number; to: ApprenticeshipStatus; reason: string }[];
  actualEnd: number | null;
  withdrawnReason: string | null;
  epa: { result: "pass" | "merit" | "distinction"; on: number } | null;
  /** Off-the-job hours logged well below plan. */
  behind: boolean;
  /** Tripartite reviews stopped, so the next one is overdue. */
  reviewOverdue: boolean;
  provider: string;
}

type AppraisalState = "new" | "never" | "up" | "soon" | "overdue" | "awaiting" | "in_progress";

interface Plan {
  person: Person;
  team: Team;
  segs: Segment[];
  start: number;
  end: number | null;
  leavingReason: string | null;
  fte: number;
  userId: string | null;
  special: "worker" | "worker2" | null;
  apprenticeship: ApprenticeshipPlan | null;
  appraisal?: { state: AppraisalState; latestHeld?: number; scheduled?: number | null };
}

/* ------------------------------------------------------------------ entry point */

export async function seedDemo(db: DB, opts: DemoOptions): Promise<DemoSummary> {
  const N = opts.workers ?? 60;
  if (!Number.isInteger(N) || N < 12) throw new Error("The demo needs at least 12 workers.");
  const seed = opts.seed ?? 2021;
  const today = opts.today ?? todayInLondon();
  if (!isIsoDate(today)) throw new Error(`today must be a date like 2026-01-31, not "${today}".`);
  if (!opts.passwordHash) throw new Error("passwordHash is required.");

  const ref = await loadReference(db);
  const counts: Record<string, number> = {};
  const run = () => generate(db, ref, counts, { N, seed, today, passwordHash: opts.passwordHash });
  // PostgreSQL: the generation in one transaction, the bulk writer's rows going through its connection, with none of
  // SQLite's bulk-load tuning.
  return databaseKind() === "postgres" ? transaction(run) : seedSqlite(N >= LARGE, run);
}

/**
 * Runs the generation in one SQLite transaction, tuned for a bulk load. Statement journals and index sorts stay in
 * memory rather than in temporary files (millions of small writes). A large organisation is also a bulk load: a bigger
 * page cache; the secondary indexes of the tables written are dropped and rebuilt afterwards (a sort, not millions of
 * random B-tree inserts); and the file is written with a rollback journal, so each page is written once rather than
 * to the WAL and again at checkpoint. All of it inside, or undone after, the one transaction: a failure leaves the
 * database as it was. Measured: 50,000 workers (about 3.8 million rows) in about 35 s on a slow 2-core VM; 60
 * workers in 0.1 s.
 */
async function seedSqlite(large: boolean, run: () => Promise<DemoSummary>): Promise<DemoSummary> {
  const sqlite = rawSqlite(); // the bulk writer's prepared statements run on the connection `db` queries go through
  const cacheSize = sqlite.pragma("cache_size", { simple: true }) as number;
  const tempStore = sqlite.pragma("temp_store", { simple: true }) as number;
  const journal = String(sqlite.pragma("journal_mode", { simple: true }));
  sqlite.pragma("temp_store = MEMORY");
  if (large) {
    sqlite.pragma("cache_size = -262144");
    if (journal === "wal") {
      try {
        sqlite.pragma("journal_mode = DELETE");
      } catch {
        // Another connection has the file open: stay in WAL.
      }
    }
  }
  try {
    return await transaction(async () => {
      // The tables whose summaries triggers keep (decision record 0027) keep their indexes: each entry's trigger sums
      // its apprenticeship's entries through them, and without them every insert would read the whole table.
      const rebuild = large ? dropIndexes(sqlite, BULK_TABLES.filter((t) => !SUMMARISED_BY_TRIGGERS.includes(t)).map(getTableName)) : [];
      const restore = large ? dropFactTriggers(sqlite) : [];
      const summary = await run();
      for (const sql of rebuild) sqlite.exec(sql);
      for (const sql of restore) sqlite.exec(sql);
      // With the triggers away no version was raised: any scorecard or equity summaries there were are out of date.
      if (large) sqlite.exec("delete from team_scorecard_facts; delete from worker_scorecard_facts; delete from worker_equity_facts; delete from team_progression_facts");
      return summary;
    });
  } finally {
    sqlite.pragma(`temp_store = ${tempStore}`);
    if (large) {
      sqlite.pragma(`cache_size = ${cacheSize}`);
      if (String(sqlite.pragma("journal_mode", { simple: true })) !== journal) sqlite.pragma(`journal_mode = ${journal}`);
    }
  }
}

/* ------------------------------------------------------------------ the generator */

async function generate(
  db: DB,
  ref: Ref,
  counts: Record<string, number>,
  o: { N: number; seed: number; today: string; passwordHash: string },
): Promise<DemoSummary> {
  const r: Random = random(o.seed);
  // Work towards the next stage draws from its own stream, so adding it left every other seeded record as it was.
  const rNext: Random = random(o.seed + 1);
  // So does mandatory training.
  const rTraining: Random = random(o.seed + 2);
  const T = dayOf(o.today);
  const newId = idMaker();
  const bulk = new BulkWriter(counts);
  // Registered parents first: the writer flushes tables in this order.
  const ins = {
    organisations: bulk.table(s.organisations),
    users: bulk.table(s.users),
    teams: bulk.table(s.teams),
    teamProfessions: bulk.table(s.teamProfessions),
    teamManagers: bulk.table(s.teamManagers),
    workers: bulk.table(s.workers),
    positions: bulk.table(s.workerPositions),
    equality: bulk.table(s.equalityMonitoring),
    appraisals: bulk.table(s.appraisals),
    objectiveReviews: bulk.table(s.appraisalObjectiveReviews),
    objectives: bulk.table(s.appraisalObjectives),
    conversations: bulk.table(s.careerConversations),
    steps: bulk.table(s.careerSteps),
    pdps: bulk.table(s.pdps),
    goals: bulk.table(s.pdpGoals),
    goalDomains: bulk.table(s.pdpGoalDomains),
    goalStatements: bulk.table(s.pdpGoalStatements),
    goalSupport: bulk.table(s.pdpGoalSupport),
    actions: bulk.table(s.pdpActions),
    notes: bulk.table(s.pdpNotes),
    reviews: bulk.table(s.pdpReviews),
    barriers: bulk.table(s.barriers),
    assessments: bulk.table(s.competencyAssessments),
    evidence: bulk.table(s.competencyEvidence),
    apprenticeships: bulk.table(s.apprenticeships),
    statusChanges: bulk.table(s.apprenticeshipStatusChanges),
    otj: bulk.table(s.otjLogs),
    tripartite: bulk.table(s.apprenticeshipReviews),
    gateway: bulk.table(s.gatewayChecks),
    training: bulk.table(s.trainingRequests),
    cpd: bulk.table(s.cpdActivities),
    supervision: bulk.table(s.supervisionSessions),
    delegated: bulk.table(s.delegatedTasks),
    completions: bulk.table(s.trainingCompletions),
  };

  const stageId = (code: StageCode) => must(ref.stage, code, "stage");
  const bandId = (code: string) => must(ref.band, code, "band");
  const domainId = (n: number) => must(ref.domain, n, "framework domain");
  const standard = (reference: string) => must(ref.standards, reference, "apprenticeship standard");
  const statementsFor = (stage: StageCode): Statement[] => {
    const fs = FRAMEWORK_STAGE_OF[stage];
    return fs ? ref.statements[fs] : [];
  };

  /* ---------------------------------------------- people */

  const usedNames = new Set<string>();
  function person(): Person {
    for (let tries = 0; ; tries++) {
      const female = r.chance(0.78);
      const first = r.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      const last = r.pick(SURNAMES);
      const key = `${first} ${last}`;
      // Repeats are fine in a big organisation, as in life; avoid them in a small one.
      if (!usedNames.has(key) || tries > 5) {
        usedNames.add(key);
        return { first, last, female };
      }
    }
  }
  const fullName = (p: Person) => `${p.first} ${p.last}`;
  const registration = (prefix: string) => `${prefix}${String(r.int(10000, 199999)).padStart(6, "0")}`;

  /* ---------------------------------------------- organisation and named logins */

  const orgId = newId();
  ins.organisations({ id: orgId, name: DEMO_ORG_NAME, odsCode: "RXX", createdAt: at(T - 400) });
  for (const p of Object.values(NAMED_PEOPLE)) usedNames.add(fullName(p));

  const logins: DemoLogin[] = [];
  function user(email: string, role: Role, p: Person, note: string | null, since: number): string {
    const id = newId();
    ins.users({
      id,
      orgId,
      email: email.toLowerCase(),
      name: fullName(p),
      role,
      passwordHash: o.passwordHash,
      status: "active",
      createdAt: at(since),
      updatedAt: at(since),
    });
    if (note !== null) logins.push({ email: email.toLowerCase(), role, name: fullName(p), note });
    return id;
  }
  user("admin@demo.test", "admin", NAMED_PEOPLE.admin, "System administrator: users, teams, framework, settings, audit log", T - 400);
  user("lead@demo.test", "lead", NAMED_PEOPLE.lead, "AHP professional lead: reads across the organisation", T - 400);
  user("educator@demo.test", "lead", NAMED_PEOPLE.educator, "Practice education lead", T - 390);

  function manager(email: string, p: Person, content: ProfessionContent, note: string | null): Manager {
    const id = user(email, "manager", p, note, T - r.int(200, 390));
    return { id, name: fullName(p), email, registrant: { name: fullName(p), title: content.registrant.title, registration: registration(content.registrant.prefix), userId: id } };
  }

  /* ---------------------------------------------- teams and their managers */

  const nTeams = Math.max(6, Math.round(o.N / 12));
  const specs: TeamSpec[] = [...NAMED_TEAMS];
  const teamNames = new Set(specs.map((t) => t.name));
  while (specs.length < nTeams) {
    const base = r.weighted(TEAM_TEMPLATES);
    let name = `${base.name} – ${r.pick(LOCALITIES)}`;
    for (let k = 2; teamNames.has(name); k++) name = `${base.name} – ${r.pick(LOCALITIES)} ${k}`;
    teamNames.add(name);
    specs.push({ ...base, name });
  }

  // Sizes: even, then jittered so teams differ, never below 2.
  const sizes = specs.map((_, i) => Math.floor(o.N / nTeams) + (i < o.N % nTeams ? 1 : 0));
  for (let k = 0; k < nTeams; k++) {
    const a = r.int(0, nTeams - 1);
    const b = r.int(0, nTeams - 1);
    const move = Math.min(r.int(0, 2), (sizes[a] ?? 0) - 2);
    if (a !== b && move > 0) {
      sizes[a] = (sizes[a] ?? 0) - move;
      sizes[b] = (sizes[b] ?? 0) + move;
    }
  }

  const managerNotes = [
    "Manages Acute Physiotherapy and Community Occupational Therapy (worker@demo.test's line manager)",
    "Manages Speech and Language Therapy – Children's and Dietetics",
    "Manages Diagnostic Radiography",
    "Manages Emergency Ambulance Support",
  ];
  const named = [
    manager("manager@demo.test", NAMED_PEOPLE.manager, contentFor("physio"), managerNotes[0] ?? ""),
    manager("manager2@demo.test", NAMED_PEOPLE.manager2, contentFor("slt"), managerNotes[1] ?? ""),
    manager("manager3@demo.test", NAMED_PEOPLE.manager3, contentFor("radiography-diagnostic"), managerNotes[2] ?? ""),
    manager("manager4@demo.test", NAMED_PEOPLE.manager4, contentFor("ambulance"), managerNotes[3] ?? ""),
  ] as const;
  const managersOfNamed: Manager[] = [named[0], named[0], named[1], named[1], named[2], named[3]];
  let managerCount = 4;
  let currentExtra: Manager | null = null;
  let extraLeft = 0;

  const teams: Team[] = specs.map((spec, i) => {
    const content = contentFor(spec.prof);
    let mgr = managersOfNamed[i];
    if (!mgr) {
      if (!currentExtra || extraLeft === 0) {
        managerCount++;
        currentExtra = manager(`manager${managerCount}@demo.test`, person(), content, null);
        extraLeft = r.weighted([[1, 3], [2, 5], [3, 2]] as const);
      }
      extraLeft--;
      mgr = currentExtra;
    }
    const registrants = [mgr.registrant];
    for (let k = 0; k < 2; k++) {
      registrants.push({ name: fullName(person()), title: content.registrant.title, registration: registration(content.registrant.prefix), userId: null });
    }
    const team: Team = {
      id: newId(),
      spec,
      content,
      professionId: must(ref.profession, spec.prof, "profession"),
      settingId: must(ref.setting, spec.setting, "care setting"),
      managers: [mgr],
      registrants,
      size: sizes[i] ?? 0,
    };
    ins.teams({ id: team.id, orgId, name: spec.name, service: spec.service, careSettingId: team.settingId, createdAt: at(T - 400), updatedAt: at(T - 400) });
    ins.teamProfessions({ teamId: team.id, professionId: team.professionId });
    ins.teamManagers({ teamId: team.id, userId: mgr.id });
    return team;
  });
  const teamsByProfession = new Map<ProfessionCode, Team[]>();
  for (const t of teams) teamsByProfession.set(t.spec.prof, [...(teamsByProfession.get(t.spec.prof) ?? []), t]);

  const workerUser = user("worker@demo.test", "support_worker", NAMED_PEOPLE.worker, "Senior physiotherapy assistant in Acute Physiotherapy", T - 380);
  const worker2User = user("worker2@demo.test", "support_worker", NAMED_PEOPLE.worker2, "Speech and language therapy assistant in the children's team", T - 300);
  // The educator and lead logins read across the organisation; list the two workers last.
  logins.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));

  /* ---------------------------------------------- who is who: slots, specials, apprenticeships, stages */

  const slots: Team[] = [];
  for (const t of teams) for (let k = 0; k < t.size; k++) slots.push(t);
  const firstSlotOf = (teamIndex: number) => slots.indexOf(teams[teamIndex] as Team);
  const specialAt = new Map<number, "worker" | "worker2">([
    [firstSlotOf(0), "worker"],
    [firstSlotOf(2), "worker2"],
  ]);

  const candidates = slots.map((_, i) => i).filter((i) => !specialAt.has(i));
  const nApprenticeships = o.N <= 60 ? Math.min(8, Math.floor(o.N / 6)) : Math.round(o.N * 0.13);
  const scenarioAt = new Map<number, Scenario>();
  for (let k = 0; k < nApprenticeships; k++) {
    const slot = candidates[Math.floor(((k + 0.5) * candidates.length) / nApprenticeships)];
    const scenario = k < FIRST_SCENARIOS.length ? FIRST_SCENARIOS[k] : LATER_SCENARIOS[(k - FIRST_SCENARIOS.length) % LATER_SCENARIOS.length];
    if (slot !== undefined && scenario) scenarioAt.set(slot, scenario);
  }

  // Everyone else draws a stage from a shuffled deck, so every stage appears even in a small organisation.
  const rest = candidates.filter((i) => !scenarioAt.has(i));
  const deck = stageDeck(rest.length, r);
  // About 6% have left, spread across teams.
  const nLeavers = Math.max(3, Math.round(o.N * 0.06));
  const leaverAt = new Set<number>();
  for (let k = 0; k < nLeavers; k++) {
    const slot = rest[Math.floor(((k + 0.7) * rest.length) / nLeavers)];
    if (slot !== undefined) leaverAt.add(slot);
  }

  /* ---------------------------------------------- build and write each worker */

  let employeeBase = 20_000_000 + r.int(0, 999_999);
  // Guarantees for a small demo: at least two appraisals awaiting the worker's sign-off and one overdue tripartite review.
  let forceAwaiting = 2;
  let overdueReviews = 0;
  // Training request statuses and decline reasons come round in a fixed cycle, so a small demo shows each.
  let requestCount = 0;
  let declineCount = 0;
  const summaryCounts = { leavers: 0 };
  let restIndex = 0;
  for (let i = 0; i < slots.length; i++) {
    const team = slots[i] as Team;
    const special = specialAt.get(i) ?? null;
    const scenario = scenarioAt.get(i);
    let plan: Plan;
    if (special === "worker") plan = planWorkerOne(team);
    else if (special === "worker2") plan = planWorkerTwo(team);
    else if (scenario) plan = planApprentice(team, scenario);
    else plan = planOrdinary(team, deck[restIndex++] ?? "support_worker", leaverAt.has(i));
    if (plan.end !== null) summaryCounts.leavers++;
    employeeBase += r.int(1, 40);
    writeWorker(plan, String(employeeBase));
    // PostgreSQL's writes are asynchronous: they go out here, between workers, whenever enough rows wait (on SQLite
    // the writer has already written them, and `full` is never true).
    if (bulk.full) await bulk.flush();
  }

  /* ---------------------------------------------- plans */

  function titleFor(content: ProfessionContent, stage: StageCode): string {
    return r.pick(content.titles[stage]);
  }

  function planOrdinary(team: Team, stage: StageCode, leaver: boolean): Plan {
    const c = team.content;
    const p = person();
    const tenureStart = (minYears: number, maxYears: number) => T - r.int(Math.round(minYears * 365), Math.round(maxYears * 365));
    let start: number;
    switch (stage) {
      case "trainee":
        start = T - r.int(20, 420);
        break;
      case "support_worker":
        start = r.chance(0.28) ? T - r.int(10, 360) : tenureStart(1, 10);
        break;
      case "senior_support_worker":
        start = tenureStart(1.5, 10);
        break;
      case "assistant_practitioner":
      case "apprentice":
      case "level4":
        start = tenureStart(3, 10);
    }
    if (leaver) start = Math.min(start, T - r.int(420, 3000));
    const segs: Segment[] = [];
    const tenure = T - start;
    const recent = (earliest: number) => Math.max(earliest, T - r.int(20, 720));
    const seg = (from: number, st: StageCode, band: string, reason: string, title?: string) =>
      segs.push({ from, stage: st, band, title: title ?? titleFor(c, st), team, reason });

    if (stage === "trainee") {
      seg(start, "trainee", "2", "Started");
    } else if (stage === "support_worker") {
      const band3 = r.chance(0.5);
      if (tenure > 800 && r.chance(0.12)) {
        // Started as a trainee.
        seg(start, "trainee", "2", "Started");
        seg(start + r.int(180, 400), "support_worker", band3 ? "3" : "2", "Completed trainee programme");
      } else if (band3 && tenure > 400 && r.chance(0.6)) {
        const title = titleFor(c, "support_worker");
        seg(start, "support_worker", "2", "Started", title);
        seg(recent(start + 200), "support_worker", "3", "Band 2 to 3 regrading after job evaluation", title);
      } else {
        seg(start, "support_worker", band3 ? "3" : "2", "Started");
      }
    } else {
      const from: StageCode = stage === "senior_support_worker" ? "support_worker" : "senior_support_worker";
      const reasons: Record<string, string> = {
        senior_support_worker: "Promoted to senior support worker after completing the Level 3 Diploma in Healthcare Support",
        level4: "Appointed to a level 4 role",
        assistant_practitioner: "Completed foundation degree; appointed assistant practitioner",
      };
      const pRecent = stage === "senior_support_worker" ? 0.45 : stage === "level4" ? 0.4 : 0.35;
      let changeOn: number | null = null;
      if (tenure > 500 && r.chance(pRecent)) changeOn = recent(start + 270);
      else if (tenure > 1500 && r.chance(0.5)) changeOn = start + r.int(365, tenure - 800);
      if (changeOn !== null) {
        seg(start, from, from === "support_worker" ? r.pick(["2", "3"]) : "3", "Started");
        seg(changeOn, stage, bandOf(stage, r), reasons[stage] ?? "Promotion");
      } else {
        seg(start, stage, bandOf(stage, r), "Started");
      }
    }

    // A few move team within their profession.
    const others = (teamsByProfession.get(team.spec.prof) ?? []).filter((t) => t !== team);
    if (others.length > 0 && tenure > 550 && r.chance(0.12)) {
      const moveOn = Math.max(start + 180, T - r.int(30, 700));
      const old = r.pick(others);
      splitAt(segs, moveOn, `Moved to ${team.spec.name}`);
      for (const sg of segs) if (sg.from < moveOn) sg.team = old;
    }

    // Some have left.
    let end: number | null = null;
    let leavingReason: string | null = null;
    if (leaver) {
      end = Math.max(start + 200, T - r.int(15, 540));
      leavingReason = r.pick(LEAVING_REASONS);
      while (segs.length > 1 && (segs[segs.length - 1] as Segment).from >= end) segs.pop();
    }
    return { person: p, team, segs, start, end, leavingReason, fte: fteOf(r), userId: null, special: null, apprenticeship: null };
  }

  /** Splits the segment covering `on` so a change (e.g. a team move) starts there. */
  function splitAt(segs: Segment[], on: number, reason: string) {
    let k = segs.length - 1;
    while (k > 0 && (segs[k] as Segment).from > on) k--;
    const cur = segs[k] as Segment;
    if (cur.from === on) {
      cur.reason = cur.reason === "Started" ? cur.reason : `${cur.reason}; ${reason}`;
      return;
    }
    segs.splice(k + 1, 0, { ...cur, from: on, reason });
  }

  function planWorkerOne(team: Team): Plan {
    const start = addMonths(T, -75);
    const promoted = addMonths(T, -20);
    const segs: Segment[] = [
      { from: start, stage: "support_worker", band: "2", title: "Physiotherapy Assistant", team, reason: "Started" },
      {
        from: promoted,
        stage: "senior_support_worker",
        band: "3",
        title: "Senior Physiotherapy Assistant",
        team,
        reason: "Promoted to senior physiotherapy assistant after completing the Level 3 Diploma in Healthcare Support",
      },
    ];
    const held = addMonths(T, -11) - 5;
    return {
      person: NAMED_PEOPLE.worker,
      team,
      segs,
      start,
      end: null,
      leavingReason: null,
      fte: 1,
      userId: workerUser,
      special: "worker",
      apprenticeship: null,
      appraisal: { state: "soon", latestHeld: held, scheduled: T + 18 },
    };
  }

  function planWorkerTwo(team: Team): Plan {
    const start = addMonths(T, -38);
    const title = "Speech and Language Therapy Assistant";
    const segs: Segment[] = [
      { from: start, stage: "support_worker", band: "2", title, team, reason: "Started" },
      { from: addMonths(T, -14), stage: "support_worker", band: "3", title, team, reason: "Band 2 to 3 regrading after job evaluation" },
    ];
    return {
      person: NAMED_PEOPLE.worker2,
      team,
      segs,
      start,
      end: null,
      leavingReason: null,
      fte: 0.8,
      userId: worker2User,
      special: "worker2",
      apprenticeship: null,
      appraisal: { state: "up", latestHeld: T - r.int(100, 130), scheduled: null },
    };
  }

  function planApprentice(team: Team, wanted: Scenario): Plan {
    const c = team.content;
    const prof = team.spec.prof;
    const amb = prof === "ambulance";
    const degree = [...ref.standards.values()].find((st) => st.level === 6 && st.professionCode === (amb ? "paramedic" : prof));
    const scenario: Scenario = wanted === "d_degree" && !degree ? "c_ap" : wanted;
    const l2 = standard(amb ? "ST0489" : "ST0216");
    const l3 = standard(amb ? "ST0489" : "ST0217");
    const ap = standard(amb ? "ST0287" : "ST0215");
    const apStage: StageCode = amb ? "level4" : "assistant_practitioner";
    const l3Option = c.seniorOption ? (l3.options.get(c.seniorOption) ?? null) : null;
    const provider = r.pick(PROVIDERS);
    const p = person();
    const segs: Segment[] = [];
    const seg = (from: number, st: StageCode, band: string, reason: string, title?: string) =>
      segs.push({ from, stage: st, band, title: title ?? titleFor(c, st), team, reason });
    const trainingTitle = amb ? "Trainee Associate Ambulance Practitioner" : `Trainee Assistant Practitioner (${PROFESSION_SHORT[prof] ?? "Therapies"})`;

    let start: number;
    let appr: ApprenticeshipPlan;
    const base = (st: Standard, optionId: string | null, aStart: number): ApprenticeshipPlan => ({
      standard: st,
      optionId,
      start: aStart,
      plannedEnd: addMonths(aStart, st.months),
      status: "on_programme",
      changes: [],
      actualEnd: null,
      withdrawnReason: null,
      epa: null,
      behind: false,
      reviewOverdue: false,
      provider: st.level === 6 ? "Eastfield University" : provider,
    });

    switch (scenario) {
      case "a_new_l2": {
        const aStart = T - r.int(60, 300);
        start = aStart - r.int(0, 14);
        seg(start, "apprentice", amb ? "3" : "2", "Started as an apprentice");
        appr = base(amb ? l3 : l2, null, aStart);
        break;
      }
      case "b_l3": {
        start = T - r.int(700, 2500);
        seg(start, "support_worker", r.pick(["2", "3"]), "Started");
        appr = base(l3, l3Option, T - r.int(200, 420));
        appr.reviewOverdue = overdueReviews === 0 || r.chance(0.25);
        if (appr.reviewOverdue) overdueReviews++;
        break;
      }
      case "c_ap": {
        start = T - r.int(1200, 3000);
        const aStart = T - r.int(90, 500);
        seg(start, "senior_support_worker", "3", "Started");
        seg(aStart, "senior_support_worker", "3", `Started the ${ap.level === 4 ? "level 4" : "assistant practitioner"} apprenticeship`, trainingTitle);
        appr = base(ap, null, aStart);
        appr.behind = true;
        break;
      }
      case "d_degree": {
        start = T - r.int(1500, 3400);
        seg(start, apStage, "4", "Started");
        appr = base(degree ?? ap, null, T - r.int(150, 800));
        break;
      }
      case "e_break": {
        start = T - r.int(900, 2800);
        const useAp = r.chance(0.5);
        const aStart = T - r.int(200, 420);
        if (useAp) {
          seg(start, "senior_support_worker", "3", "Started");
          seg(aStart, "senior_support_worker", "3", "Started the assistant practitioner apprenticeship", trainingTitle);
        } else {
          seg(start, "support_worker", "2", "Started");
        }
        appr = base(useAp ? ap : l3, useAp ? null : l3Option, aStart);
        const breakOn = T - r.int(30, 90);
        appr.status = "break_in_learning";
        appr.changes.push({ on: breakOn, to: "break_in_learning", reason: r.pick(BREAK_REASONS) });
        appr.plannedEnd = addMonths(appr.plannedEnd, 4);
        break;
      }
      case "f_gateway": {
        start = T - r.int(900, 2600);
        seg(start, "support_worker", r.pick(["2", "3"]), "Started");
        const aStart = addMonths(T, -l3.months) - r.int(20, 45);
        appr = base(l3, l3Option, aStart);
        appr.status = "gateway";
        appr.changes.push({ on: T - r.int(7, 25), to: "gateway", reason: "All gateway requirements nearly met; provider agreed to proceed" });
        break;
      }
      case "g_completed": {
        const completedOn = T - r.int(60, 540);
        if (r.chance(o.N <= 60 ? 0 : 0.4)) {
          // Level 2 apprentice who became a support worker.
          const aStart = addMonths(completedOn, -l2.months) - r.int(10, 40);
          start = aStart - r.int(0, 10);
          seg(start, "apprentice", "2", "Started as an apprentice");
          seg(completedOn + r.int(1, 14), "support_worker", "2", "Completed healthcare support worker apprenticeship");
          appr = base(l2, null, aStart);
        } else {
          const aStart = addMonths(completedOn, -ap.months) - r.int(20, 60);
          start = aStart - r.int(400, 2000);
          seg(start, "senior_support_worker", "3", "Started");
          seg(aStart, "senior_support_worker", "3", "Started the assistant practitioner apprenticeship", trainingTitle);
          seg(
            completedOn + r.int(7, 28),
            apStage,
            "4",
            amb ? "Completed the associate ambulance practitioner apprenticeship" : "Completed the assistant practitioner apprenticeship; appointed assistant practitioner",
          );
          appr = base(ap, null, aStart);
        }
        const gatewayOn = completedOn - r.int(60, 100);
        appr.status = "completed";
        appr.changes.push(
          { on: gatewayOn, to: "gateway", reason: "Ready for end-point assessment" },
          { on: gatewayOn + r.int(14, 30), to: "end_point_assessment", reason: "Gateway passed" },
          { on: completedOn, to: "completed", reason: "End-point assessment passed" },
        );
        appr.actualEnd = completedOn;
        appr.epa = { result: r.weighted([["pass", 40], ["merit", 35], ["distinction", 25]] as const), on: completedOn };
        break;
      }
      case "h_withdrawn": {
        start = T - r.int(800, 2600);
        seg(start, "support_worker", "2", "Started");
        const withdrawnOn = T - r.int(60, 240);
        appr = base(l3, l3Option, withdrawnOn - r.int(150, 360));
        appr.status = "withdrawn";
        appr.withdrawnReason = r.pick(WITHDRAWAL_REASONS);
        appr.changes.push({ on: withdrawnOn, to: "withdrawn", reason: appr.withdrawnReason });
        appr.actualEnd = withdrawnOn;
        break;
      }
      case "i_planned": {
        const senior = r.chance(0.4);
        start = T - r.int(700, 2400);
        seg(start, senior ? "senior_support_worker" : "support_worker", senior ? "3" : "2", "Started");
        appr = base(senior ? ap : l3, senior ? null : l3Option, T + r.int(20, 75));
        appr.status = "planned";
        break;
      }
    }
    segs.sort((a, b) => a.from - b.from);
    return { person: p, team, segs, start, end: null, leavingReason: null, fte: r.chance(0.85) ? 1 : 0.8, userId: null, special: null, apprenticeship: appr };
  }

  /* ---------------------------------------------- writing a worker's records */

  /**
   * Each subject needed by everyone: mostly in date, some expiring within the month, some expired, a few never done
   * (most trusts report between 85% and 95% compliance). A completion falls within the renewal period before the
   * last day in post; a subject done once was done in the first weeks.
   */
  function writeMandatoryTraining(workerId: string, plan: Plan, mgr: Manager, endDay: number) {
    for (const subject of ref.subjects) {
      const roll = rTraining.next();
      if (roll < 0.04) continue;
      const months = subject.renewalMonths;
      let done: number;
      if (months === null) done = plan.start + rTraining.int(0, 30);
      else {
        // When it runs out: gone by (expired), within 30 days (expiring), or later (in date).
        const expires = roll < 0.1 ? endDay - rTraining.int(1, 120) : roll < 0.15 ? endDay + rTraining.int(0, 29) : endDay + rTraining.int(31, Math.max(31, Math.round(months * 30.4)));
        done = addMonths(expires, -months);
      }
      if (done > endDay) done = endDay;
      const completedOn = iso(done);
      ins.completions({
        id: newId(),
        workerId,
        subjectId: subject.id,
        completedOn,
        expiresOn: months === null ? null : iso(addMonths(done, months)),
        source: "recorded",
        recordedBy: mgr.id,
        createdAt: at(done, 16),
      });
    }
  }

  function writeWorker(plan: Plan, employeeNumber: string) {
    const workerId = newId();
    const last = plan.segs[plan.segs.length - 1] as Segment;
    const team = last.team;
    const mgr = team.managers[0] as Manager;
    const c = team.content;
    const endDay = plan.end ?? T;
    const inPost = plan.end === null;
    const created = Math.max(plan.start, T - 400);

    ins.workers({
      id: workerId,
      orgId,
      userId: plan.userId,
      employeeNumber,
      firstName: plan.person.first,
      lastName: plan.person.last,
      jobTitle: last.title,
      professionId: team.professionId,
      stageId: stageId(last.stage),
      bandId: bandId(last.band),
      careSettingId: team.settingId,
      teamId: team.id,
      lineManagerId: mgr.id,
      fte: plan.fte,
      contractStart: iso(plan.start),
      contractEnd: plan.end === null ? null : iso(plan.end),
      status: inPost ? "in_post" : "left",
      leavingReason: plan.leavingReason,
      createdAt: at(created),
      updatedAt: at(inPost ? Math.max(created, last.from) : endDay),
    });

    plan.segs.forEach((sg, k) => {
      const next = plan.segs[k + 1];
      ins.positions({
        id: newId(),
        workerId,
        effectiveFrom: iso(sg.from),
        effectiveTo: next ? iso(next.from) : plan.end === null ? null : iso(plan.end),
        stageId: stageId(sg.stage),
        bandId: bandId(sg.band),
        jobTitle: sg.title,
        teamId: sg.team.id,
        reason: sg.reason,
        recordedBy: (sg.team.managers[0] as Manager).id,
        createdAt: at(Math.max(sg.from, created), 9),
      });
    });

    const stageStart = stageStartOf(plan.segs);
    const who = { workerId, plan, team, mgr, c, endDay, inPost, stage: last.stage, stageStart };
    writeMandatoryTraining(workerId, plan, mgr, endDay);

    if (plan.special || r.chance(0.7)) writeEquality(workerId, plan);
    const appraisal = writeAppraisals(who);
    const goals = inPost ? writePdps(who, appraisal) : [];
    if (inPost && (plan.special || plan.apprenticeship || r.chance(0.5))) writeCareer(who, appraisal);
    writeCompetencies(who);
    writeNextStage(who);
    const cpdGoals = goals.filter((g) => g.active);
    writeLearning(who, cpdGoals);
    if (inPost) writeSupervision(who);
    writeDelegation(who);
    if (plan.apprenticeship) writeApprenticeship(who, plan.apprenticeship);
  }

  type Who = {
    workerId: string;
    plan: Plan;
    team: Team;
    mgr: Manager;
    c: ProfessionContent;
    endDay: number;
    inPost: boolean;
    stage: StageCode;
    stageStart: number;
  };

  function writeEquality(workerId: string, plan: Plan) {
    const age = plan.segs[0]?.stage === "apprentice" || plan.segs[0]?.stage === "trainee" ? r.int(18, 45) : r.int(20, 63);
    ins.equality({
      workerId,
      ethnicGroup: r.weighted([["white", 64], ["asian", 14], ["black", 9], ["mixed", 4], ["other", 3], ["prefer_not_to_say", 6]] as const),
      disability: r.weighted([["no", 78], ["yes", 12], ["prefer_not_to_say", 10]] as const),
      sex: r.chance(0.05) ? "prefer_not_to_say" : plan.person.female ? "female" : "male",
      ageBand: r.chance(0.05)
        ? "prefer_not_to_say"
        : age < 25
          ? "under_25"
          : age < 35
            ? "25_34"
            : age < 45
              ? "35_44"
              : age < 55
                ? "45_54"
                : age < 65
                  ? "55_64"
                  : "65_plus",
      updatedAt: at(Math.max(plan.start, T - 400) + r.int(1, 30)),
    });
  }

  /* ---------------------------------------------- goals */

  function goalPool(w: Who): GoalTemplate[] {
    const newish = w.stage === "trainee" || w.stage === "apprentice" || T - w.plan.start < 365;
    const generic = GENERIC_GOALS.filter((g) => {
      if (g.title === "Complete the Care Certificate") return newish;
      if (g.title.startsWith("Complete level 2 functional skills")) return w.stage === "support_worker" || w.stage === "senior_support_worker";
      if (g.title.startsWith("Mentor")) return !newish;
      return true;
    });
    // Clinical goals of the profession come up about twice as often as the general ones.
    return [...w.c.goals, ...w.c.goals, ...w.c.goals, ...generic];
  }
  function pickGoals(w: Who, n: number, avoid: Set<string> = new Set()): GoalTemplate[] {
    const out: GoalTemplate[] = [];
    if (n <= 0) return out;
    const pool = goalPool(w).filter((g) => !avoid.has(g.title));
    const seen = new Set<string>();
    for (const g of r.sample(pool, pool.length)) {
      if (seen.has(g.title)) continue;
      seen.add(g.title);
      out.push(g);
      if (out.length === n) break;
    }
    return out;
  }

  /* ---------------------------------------------- appraisals */

  interface Objective {
    id: string;
    template: GoalTemplate;
  }
  interface AppraisalOut {
    /** The latest completed appraisal. */
    latest: { id: string; held: number; objectives: Objective[] } | null;
  }

  function writeAppraisals(w: Who): AppraisalOut {
    const tenure = w.endDay - w.plan.start;
    const forced = w.plan.appraisal;
    let state: AppraisalState;
    let latestHeld = 0;
    if (forced) {
      state = forced.state;
      latestHeld = forced.latestHeld ?? 0;
    } else if (tenure < 365) state = "new";
    else if (forceAwaiting > 0 && w.inPost && tenure > 800 && !w.plan.apprenticeship) {
      state = "awaiting";
      latestHeld = T - r.int(5, 20);
      forceAwaiting--;
    }
    else if (tenure < 600 && r.chance(0.3)) state = "never";
    else {
      state = w.inPost
        ? r.weighted([["up", 56], ["soon", 12], ["overdue", 18], ["awaiting", 3], ["in_progress", 2]] as const)
        : "up";
      const earliest = w.plan.start + 300;
      if (state === "up") latestHeld = w.endDay - r.int(30, 320);
      else if (state === "soon") latestHeld = addMonths(T, -12) + r.int(5, 27);
      else if (state === "overdue") latestHeld = T - r.int(395, 600);
      else latestHeld = T - r.int(5, 20);
      if (latestHeld < earliest) state = "never";
    }

    let latest: AppraisalOut["latest"] = null;
    const completed: { held: number; objectives: Objective[] }[] = [];

    // The completed appraisals, oldest first: the current cycle's and, for some, the year before.
    if (latestHeld) latestHeld = workdayBefore(latestHeld);
    const currentHeld = state === "awaiting" || state === "in_progress" ? latestHeld : null;
    const lastCompletedHeld =
      state === "up" || state === "soon" || state === "overdue"
        ? latestHeld
        : currentHeld !== null
          ? workdayBefore(currentHeld - r.int(350, 400))
          : null;
    const history: number[] = [];
    if (lastCompletedHeld !== null && lastCompletedHeld >= w.plan.start + 200) {
      const prev = workdayBefore(lastCompletedHeld - r.int(340, 395));
      if (prev >= w.plan.start + 250 && (w.plan.special || r.chance(0.6))) history.push(prev);
      history.push(lastCompletedHeld);
    }

    let previousObjectives: Objective[] | null = null;
    for (const held of history) {
      const a = writeAppraisal(w, held, "completed", previousObjectives);
      completed.push({ held, objectives: a.objectives });
      previousObjectives = a.objectives;
      latest = { id: a.id, held, objectives: a.objectives };
    }
    if (currentHeld !== null) {
      writeAppraisal(w, currentHeld, state === "awaiting" ? "awaiting_sign_off" : "in_progress", previousObjectives);
    }

    if (!w.inPost) return { latest };

    // Upcoming appraisals on the calendar.
    let scheduled: number | null = null;
    if (forced && forced.scheduled !== undefined) scheduled = forced.scheduled;
    else if (state === "new") {
      const due = addMonths(w.plan.start, 12);
      if (due - T <= 56 && r.chance(0.6)) scheduled = Math.max(T + 2, due - r.int(0, 14));
    } else if (state === "soon") scheduled = r.chance(0.65) ? T + r.int(3, 28) : null;
    else if (state === "overdue" || state === "never") {
      scheduled = r.chance(0.45) ? T + r.int(3, 21) : null;
      if (r.chance(0.15)) {
        const cancelledOn = workdayBefore(T - r.int(20, 90));
        ins.appraisals({
          id: newId(),
          workerId: w.workerId,
          appraiserId: w.mgr.id,
          scheduledFor: iso(cancelledOn),
          status: "cancelled",
          createdBy: w.mgr.id,
          createdAt: at(cancelledOn - 21),
          updatedAt: at(cancelledOn - 1),
        });
      }
    } else if (state === "up" && latestHeld < T - 270) scheduled = r.chance(0.4) ? T + r.int(5, 40) : null;
    if (scheduled !== null) {
      scheduled = workdayAfter(scheduled);
      ins.appraisals({
        id: newId(),
        workerId: w.workerId,
        appraiserId: w.mgr.id,
        scheduledFor: iso(scheduled),
        status: "scheduled",
        createdBy: w.mgr.id,
        createdAt: at(T - r.int(1, 20)),
        updatedAt: at(T - r.int(0, 1)),
      });
    }
    return { latest };
  }

  function writeAppraisal(
    w: Who,
    held: number,
    status: "completed" | "awaiting_sign_off" | "in_progress",
    previous: Objective[] | null,
  ): { id: string; objectives: Objective[] } {
    const id = newId();
    const signed = status === "completed" ? held + r.int(2, 12) : null;
    const full = status !== "in_progress";
    const row = {
      id,
      workerId: w.workerId,
      appraiserId: w.mgr.id,
      scheduledFor: iso(r.chance(0.8) ? held : workdayBefore(held - r.int(1, 14))),
      heldOn: iso(held),
      status,
      achievements: `${r.pick(w.c.achievements)} ${r.pick(w.c.achievements)}`.replace(/^(.+) \1$/, "$1"),
      wellbeing: r.pick(APPRAISAL_TEXT.wellbeing),
      feedback: full ? r.pick(APPRAISAL_TEXT.feedback) : "",
      trainingNeeds: full ? r.pick(APPRAISAL_TEXT.trainingNeeds) : "",
      appraiserSummary: full ? r.pick(APPRAISAL_TEXT.summary) : "",
      workerComments: signed !== null ? r.pick(APPRAISAL_TEXT.workerComments) : "",
      workerSignedAt: signed !== null ? at(signed, 16, r.int(0, 59)) : null,
      completedAt: signed !== null ? at(signed, 16, r.int(0, 59)) : null,
      createdBy: w.mgr.id,
      createdAt: at(held - r.int(14, 30)),
      updatedAt: at(signed ?? held),
    };
    // Both signed a completed one; the later signature (the appraiser's, here) completed it. Worked out after the
    // row, so the demo's random draws stay in the order they were.
    const lastSigned = row.workerSignedAt && row.completedAt && row.completedAt < row.workerSignedAt ? row.workerSignedAt : row.completedAt;
    ins.appraisals({ ...row, completedAt: lastSigned, appraiserSignedAt: lastSigned, appraiserSignedBy: lastSigned ? w.mgr.id : null });

    // Last year's objectives, reviewed.
    const reviewed = previous ? previous.map((p) => p.template.title) : pickGoals(w, r.int(2, 3)).map((g) => g.title);
    reviewed.forEach((objective, k) => {
      const outcome = r.weighted([["met", 55], ["partly_met", 30], ["not_met", 15]] as const);
      ins.objectiveReviews({ id: newId(), appraisalId: id, objective, outcome, comment: r.pick(OBJECTIVE_REVIEW_COMMENTS[outcome]), sort: k });
    });

    // New objectives (the special worker's are the goals of their PDP).
    const objectives: Objective[] = [];
    if (status !== "in_progress") {
      const templates =
        w.plan.special === "worker" && held === w.plan.appraisal?.latestHeld ? SPECIAL_GOALS : pickGoals(w, r.int(2, 3), new Set(reviewed));
      templates.forEach((template, k) => {
        const oid = newId();
        ins.objectives({ id: oid, appraisalId: id, title: template.title, successMeasure: template.success, targetDate: iso(addMonths(held, r.int(6, 12))), sort: k });
        objectives.push({ id: oid, template });
      });
    }
    return { id, objectives };
  }

  /* ---------------------------------------------- PDPs */

  interface GoalOut {
    id: string;
    active: boolean;
    from: number;
  }

  function writePdps(w: Who, appraisal: AppraisalOut): GoalOut[] {
    const out: GoalOut[] = [];
    if (T - w.plan.start < 45) return out;
    if (!w.plan.special && !r.chance(0.88)) return out;
    const basis = appraisal.latest && appraisal.latest.held >= T - 365 ? appraisal.latest : null;
    let start = basis ? basis.held + r.int(0, 14) : Math.max(w.plan.start + r.int(14, 45), T - r.int(20, 330));
    if (w.plan.special === "worker" && basis) start = basis.held + 7;
    start = Math.min(start, T - 1);
    // A PDP started in the last couple of months may still be waiting for agreement.
    const draft = !w.plan.special && start > T - 60 && r.chance(0.5);

    // An earlier, closed PDP for some longer-serving workers.
    const prevStart = addMonths(start, -12);
    if (prevStart >= w.plan.start + 30 && (w.plan.special === "worker" || r.chance(0.4))) {
      writePdp(w, prevStart, start - 1, "closed", pickGoals(w, 2).map((t) => ({ template: t, objectiveId: null })), false);
    }
    const fromObjectives: { template: GoalTemplate; objectiveId: string | null }[] = basis
      ? basis.objectives.map((ob) => ({ template: ob.template, objectiveId: ob.id }))
      : [];
    const want = w.plan.special === "worker" ? 3 : r.int(2, 4);
    const chosen = fromObjectives.slice(0, want);
    const extra = pickGoals(w, want - chosen.length, new Set(chosen.map((g) => g.template.title)));
    for (const t of extra) chosen.push({ template: t, objectiveId: null });
    out.push(...writePdp(w, start, addMonths(start, 12) - 1, draft ? "draft" : "active", chosen, true));
    return out;
  }

  function writePdp(
    w: Who,
    start: number,
    end: number,
    status: "draft" | "active" | "closed",
    goals: { template: GoalTemplate; objectiveId: string | null }[],
    current: boolean,
  ): GoalOut[] {
    const pdpId = newId();
    const agreed = status !== "draft";
    const workerAgreed = agreed || r.chance(0.5) ? start + r.int(1, 5) : null;
    const managerAgreed = agreed ? start + r.int(2, 8) : null;
    const now = status === "closed" ? end : T;

    // Reviews roughly every three months; some teams have let them slip.
    const reviews: { on: number; next: number }[] = [];
    let nextReview = start + r.int(80, 100);
    if (agreed) {
      const slipBy = status === "active" && r.chance(0.22) ? r.int(60, 120) : 0;
      let on = nextReview + r.int(-7, 10);
      while (on < now - slipBy && reviews.length < 4) {
        const next = on + r.int(80, 100);
        reviews.push({ on, next });
        nextReview = next;
        on = next + r.int(-7, 10);
      }
    }
    if (w.plan.special === "worker" && status === "active") {
      reviews.length = 0;
      reviews.push({ on: T - 160, next: T - 70 }, { on: T - 68, next: T + 20 });
      nextReview = T + 20;
    }
    const version = agreed && reviews.length > 1 && r.chance(0.15) ? 2 : 1;

    ins.pdps({
      id: pdpId,
      workerId: w.workerId,
      periodStart: iso(start),
      periodEnd: iso(end),
      status,
      version,
      workerAgreedAt: workerAgreed !== null ? at(workerAgreed, 14) : null,
      managerAgreedAt: managerAgreed !== null ? at(managerAgreed, 11) : null,
      managerAgreedBy: managerAgreed !== null ? w.mgr.id : null,
      nextReviewOn: status === "closed" ? null : iso(nextReview),
      closedAt: status === "closed" ? at(end + 1, 12) : null,
      createdBy: w.mgr.id,
      createdAt: at(start, 9),
      updatedAt: at(Math.min(now, reviews[reviews.length - 1]?.on ?? start)),
    });
    for (const rv of reviews) {
      ins.reviews({
        id: newId(),
        pdpId,
        reviewedOn: iso(workdayBefore(rv.on)),
        summary: r.pick(PDP_REVIEW_SUMMARIES),
        nextReviewOn: iso(rv.next),
        reviewerId: w.mgr.id,
        createdAt: at(workdayBefore(rv.on), 15),
      });
    }

    const elapsed = clamp((now - start) / 365, 0, 1);
    const statements = statementsFor(w.stage);
    const out: GoalOut[] = [];
    goals.forEach(({ template, objectiveId }, k) => {
      const goalId = newId();
      const schedule = w.plan.special === "worker" && current ? SPECIAL_SCHEDULE[k] : undefined;
      const target = schedule ? T + schedule.target : Math.min(end, start + r.int(90, 360));
      let gs: GoalStatus;
      if (w.plan.special === "worker" && current) gs = (["in_progress", "achieved", "in_progress"] as const)[k] ?? "in_progress";
      else if (status === "closed") gs = r.weighted([["achieved", 70], ["deferred", 20], ["dropped", 10]] as const);
      else if (status === "draft") gs = "not_started";
      else
        gs = r.weighted([
          ["achieved", 10 + 45 * elapsed],
          ["in_progress", 55],
          ["not_started", 25 * (1 - elapsed) + 3],
          ["deferred", 5],
          ["dropped", 2],
        ] as const);
      const statusReason =
        gs === "deferred" ? "Deferred to next year: course not available until the autumn." : gs === "dropped" ? "No longer relevant after the service changed." : null;
      const proposedBy = r.chance(0.4) ? "worker" : "manager";
      ins.goals({
        id: goalId,
        pdpId,
        title: template.title,
        why: template.why,
        successMeasure: template.success,
        targetDate: iso(target),
        status: gs,
        statusReason,
        proposedBy,
        agreedAt: managerAgreed !== null ? at(managerAgreed, 11) : null,
        sourceObjectiveId: objectiveId,
        sort: k,
        createdBy: w.mgr.id,
        createdAt: at(start, 9),
        updatedAt: at(Math.min(now, start + r.int(10, 200))),
      });
      for (const n of new Set(template.domains)) ins.goalDomains({ goalId, domainId: domainId(n) });
      for (const kind of new Set(template.support)) ins.goalSupport({ goalId, kind });
      const inDomain = statements.filter((st) => st.domainNumber === template.domains[0]);
      if (inDomain.length > 0 && r.chance(0.35)) ins.goalStatements({ goalId, statementId: r.pick(inDomain).id });

      // Actions spread between the start and the target; some overdue.
      const span = Math.max(14, target - start);
      template.actions.forEach(([description, owner], j) => {
        const fixed = schedule?.actions[j];
        const due = fixed ? T + fixed[0] : start + Math.round((span * (j + 1)) / (template.actions.length + 0.5)) + r.int(-5, 5);
        const done = fixed
          ? fixed[1] === null
            ? null
            : T + fixed[1]
          : gs === "achieved" || (due < now - 3 && r.chance(gs === "in_progress" ? 0.8 : 0.5))
            ? Math.min(now - 1, due - r.int(-10, 10))
            : null;
        ins.actions({
          id: newId(),
          goalId,
          description,
          owner,
          dueOn: iso(due),
          doneOn: done !== null && done > start ? iso(done) : null,
          createdAt: at(start, 9),
        });
      });

      // Notes: progress from the manager, reflections from the worker.
      if (status !== "draft") {
        const nNotes = gs === "not_started" ? 0 : r.int(0, 2) + (w.plan.special ? 1 : 0);
        for (let j = 0; j < nNotes; j++) {
          const reflection = r.chance(0.45);
          const on = start + r.int(10, Math.max(11, now - start - 1));
          ins.notes({
            id: newId(),
            goalId,
            kind: reflection ? "reflection" : "progress",
            body: r.pick(reflection ? REFLECTIONS : PROGRESS_NOTES),
            authorId: reflection ? w.plan.userId : w.mgr.id,
            createdAt: at(Math.min(on, now - 1), r.int(9, 17), r.int(0, 59)),
          });
        }
      }

      // Barriers on some goals that are not yet achieved.
      const special = w.plan.special === "worker" && current && k === 2;
      if (special || (gs !== "achieved" && status !== "draft" && r.chance(0.22))) {
        const category: BarrierCategory = special ? "time_constraints" : barrierCategory(r);
        ins.barriers({
          id: newId(),
          workerId: w.workerId,
          goalId,
          category,
          detail: special ? "Study time for maths keeps being cancelled when the ward is short-staffed." : r.pick(BARRIER_DETAILS[category]),
          recordedOn: iso(Math.min(now - 1, start + r.int(20, 200))),
          recordedBy: w.mgr.id,
          createdAt: at(Math.min(now - 1, start + 30)),
        });
      }
      out.push({ id: goalId, active: status === "active", from: start });
    });
    return out;
  }

  /* ---------------------------------------------- career conversations */

  function writeCareer(w: Who, appraisal: AppraisalOut) {
    if (T - w.plan.start < 90) return;
    const special = w.plan.special;
    let held: number;
    let appraisalId: string | null = null;
    if (special === "worker") held = T - 120;
    else if (appraisal.latest && appraisal.latest.held > T - 300 && r.chance(0.35)) {
      held = appraisal.latest.held;
      appraisalId = appraisal.latest.id;
    } else held = workdayBefore(Math.max(w.plan.start + 60, T - r.int(14, 330)));

    let aspiration: Aspiration;
    if (special === "worker") aspiration = "assistant_practitioner";
    else if (special === "worker2") aspiration = "senior_support_worker";
    else {
      const a = w.plan.apprenticeship;
      if (a && a.standard.level === 6) aspiration = "degree_apprenticeship";
      else if (a && a.standard.level >= 4) aspiration = "assistant_practitioner";
      else aspiration = r.weighted(ASPIRATION_WEIGHTS[w.stage]);
    }
    const interest =
      aspiration === "stay_and_grow"
        ? r.weighted([["no", 55], ["maybe", 35], ["yes", 10]] as const)
        : aspiration === "registered_professional" || aspiration === "other"
          ? r.weighted([["maybe", 50], ["yes", 30], ["no", 20]] as const)
          : special
            ? "yes"
            : r.weighted([["yes", 60], ["maybe", 30], ["no", 10]] as const);
    const targetProfession =
      aspiration === "degree_apprenticeship" || aspiration === "registered_professional"
        ? (ref.profession.get(w.team.spec.prof === "ambulance" ? "paramedic" : w.team.spec.prof) ?? null)
        : null;
    const next = special === "worker" ? T + 60 : addMonths(held, r.pick([6, 6, 9, 12]));
    const id = newId();
    ins.conversations({
      id,
      workerId: w.workerId,
      appraisalId,
      heldOn: iso(held),
      heldBy: w.mgr.id,
      aspiration,
      aspirationDetail:
        special === "worker"
          ? "Wants to become an assistant practitioner in acute physiotherapy and take on a delegated caseload on the orthopaedic wards."
          : r.pick(CAREER_DETAIL[aspiration] ?? CAREER_DETAIL.other ?? [""]),
      targetProfessionId: targetProfession,
      apprenticeshipInterest: interest,
      optionsDiscussed: special === "worker" ? (OPTIONS_DISCUSSED[1] ?? "") : r.pick(OPTIONS_DISCUSSED),
      nextConversationOn: iso(next),
      createdAt: at(held, 15),
      updatedAt: at(held, 15),
    });
    const steps = special === "worker" ? SPECIAL_STEPS : (CAREER_STEPS[aspiration] ?? []);
    const nSteps = special ? steps.length : r.int(1, Math.min(3, steps.length));
    steps.slice(0, nSteps).forEach((description, k) => {
      const due = special === "worker" ? [held + 60, T + 45, T + 20][k] ?? T + 30 : held + r.int(30, 180);
      const done = special === "worker" ? (k === 0 ? held + 40 : null) : due < T && r.chance(0.6) ? due - r.int(0, 20) : null;
      ins.steps({ id: newId(), conversationId: id, description, dueOn: iso(due), doneOn: done !== null ? iso(done) : null, sort: k });
    });
    if (special === "worker" || r.chance(0.25)) {
      const category: BarrierCategory = special === "worker" ? "financial" : barrierCategory(r);
      ins.barriers({
        id: newId(),
        workerId: w.workerId,
        conversationId: id,
        category,
        detail: special === "worker" ? "Worried about the cost of travel to university study days." : r.pick(BARRIER_DETAILS[category]),
        recordedOn: iso(held),
        recordedBy: w.mgr.id,
        createdAt: at(held, 15),
      });
    }
  }

  /* ---------------------------------------------- competencies */

  function writeCompetencies(w: Who) {
    const statements = statementsFor(w.stage);
    if (statements.length === 0) return;
    const months = Math.max(0, (w.endDay - w.stageStart) / 30.4);
    const n = clamp(Math.round(4 + months * 0.3 + r.int(-2, 3)), 3, Math.min(20, statements.length));
    const pSigned = clamp(0.1 + months / 40, 0.1, 0.8) * (w.stage === "trainee" || w.stage === "apprentice" ? 0.5 : 1);
    const assessors = w.team.registrants;
    for (const st of r.sample(statements, n)) {
      const id = newId();
      const earliest = w.stageStart + 14;
      if (r.chance(pSigned) && w.endDay - earliest > 10) {
        let signed: number;
        if (st.renewalMonths) signed = w.endDay - r.int(5, Math.round(st.renewalMonths * 30.4) + 75);
        else signed = earliest + r.int(0, w.endDay - earliest - 3);
        signed = clamp(signed, earliest, w.endDay - 1);
        const expires = st.renewalMonths ? addMonths(signed, st.renewalMonths) : null;
        const assessor = r.chance(0.55) ? (assessors[0] as Registrant) : r.pick(assessors);
        ins.assessments({
          id,
          workerId: w.workerId,
          statementId: st.id,
          status: expires !== null && expires < T ? "expired" : "signed_off",
          confidence: r.int(4, 5),
          selfAssessedAt: at(signed - r.int(3, 40), 13),
          signedOffOn: iso(signed),
          signedOffBy: assessor.userId,
          assessorName: assessor.name,
          assessorProfession: assessor.title,
          assessorRegistration: assessor.registration,
          expiresOn: expires !== null ? iso(expires) : null,
          createdAt: at(signed - r.int(40, 80)),
          updatedAt: at(signed, 16),
        });
        if (r.chance(0.2)) writeEvidence(id, signed - r.int(0, 20), assessor.userId, r.chance(0.25) ? 2 : 1);
      } else {
        const assessed = Math.min(w.endDay - 1, w.stageStart + r.int(7, Math.max(8, w.endDay - w.stageStart)));
        const withEvidence = r.chance(0.25);
        ins.assessments({
          id,
          workerId: w.workerId,
          statementId: st.id,
          status: withEvidence ? "evidence_added" : "self_assessed",
          confidence: r.weighted([[1, 5], [2, 20], [3, 40], [4, 25], [5, 10]] as const),
          selfAssessedAt: at(assessed, 13),
          createdAt: at(assessed, 13),
          updatedAt: at(assessed, 13),
        });
        if (withEvidence) writeEvidence(id, assessed, w.plan.userId, 1);
      }
    }
  }

  /** A worker settled in their stage starts on the next one's statements: a few rated, some with evidence, a few signed off. */
  function writeNextStage(w: Who) {
    // Trainees and apprentices hold no stage yet (frameworkStagesFor): their entry work is their next stage already.
    if (w.stage === "trainee" || w.stage === "apprentice") return;
    const current = FRAMEWORK_STAGE_OF[w.stage];
    const order: FrameworkStage[] = ["entry", "intermediate", "assistant_practitioner"];
    const next = current ? order[order.indexOf(current) + 1] : undefined;
    if (!next) return;
    const months = (w.endDay - w.stageStart) / 30.4;
    if (months < 9 || !rNext.chance(0.6)) return;
    const statements = ref.statements[next].filter((st) => !st.renewalMonths);
    const assessors = w.team.registrants;
    const n = clamp(Math.round(rNext.int(1, 4) + months / 12), 1, Math.min(10, statements.length));
    for (const st of rNext.sample(statements, n)) {
      const id = newId();
      const assessed = w.endDay - rNext.int(5, Math.max(6, Math.round(Math.min(months, 18) * 30.4) - 10));
      if (rNext.chance(0.3)) {
        const signed = clamp(assessed + rNext.int(7, 60), w.stageStart + 30, w.endDay - 1);
        const assessor = rNext.pick(assessors);
        ins.assessments({
          id,
          workerId: w.workerId,
          statementId: st.id,
          status: "signed_off",
          confidence: rNext.int(4, 5),
          selfAssessedAt: at(assessed, 13),
          signedOffOn: iso(signed),
          signedOffBy: assessor.userId,
          assessorName: assessor.name,
          assessorProfession: assessor.title,
          assessorRegistration: assessor.registration,
          createdAt: at(assessed, 13),
          updatedAt: at(signed, 16),
        });
        writeNextEvidence(id, signed - rNext.int(0, 14), assessor.userId);
      } else {
        const withEvidence = rNext.chance(0.35);
        ins.assessments({
          id,
          workerId: w.workerId,
          statementId: st.id,
          status: withEvidence ? "evidence_added" : "self_assessed",
          confidence: rNext.weighted([[1, 10], [2, 35], [3, 40], [4, 15]] as const),
          selfAssessedAt: at(assessed, 13),
          createdAt: at(assessed, 13),
          updatedAt: at(assessed, 13),
        });
        if (withEvidence) writeNextEvidence(id, assessed, w.plan.userId);
      }
    }
  }

  function writeNextEvidence(assessmentId: string, on: number, addedBy: string | null) {
    const type = rNext.pick(EVIDENCE_TYPES);
    ins.evidence({
      id: newId(),
      assessmentId,
      type,
      evidenceDate: iso(on),
      description: rNext.pick(EVIDENCE_TEXT[type] ?? ["Evidence recorded."]),
      addedBy,
      createdAt: at(on, 15),
    });
  }

  function writeEvidence(assessmentId: string, on: number, addedBy: string | null, n: number) {
    for (const type of r.sample(EVIDENCE_TYPES, n)) {
      ins.evidence({
        id: newId(),
        assessmentId,
        type,
        evidenceDate: iso(on),
        description: r.pick(EVIDENCE_TEXT[type] ?? ["Evidence recorded."]),
        addedBy,
        createdAt: at(on, 15),
      });
    }
  }

  /* ---------------------------------------------- CPD and training requests */

  function writeLearning(w: Who, goals: GoalOut[]) {
    const from = Math.max(w.plan.start + 7, T - 730);
    if (w.endDay - from < 7) return;
    const span = w.endDay - from;
    const nCpd = w.plan.special === "worker" ? 6 : Math.max(1, Math.round(r.int(2, 7) * Math.min(1, span / 365)));
    const pool: CpdTemplate[] = [...w.c.cpd, ...GENERIC_CPD];
    for (const t of r.sample(pool, nCpd)) {
      const on = from + r.int(0, span - 1);
      const goal = goals.length > 0 && r.chance(0.2) ? r.pick(goals) : null;
      writeCpd(w, on, t.title, t.type, cpdHours(t.type, r), goal && goal.from <= on ? goal.id : null, null);
    }

    // Training requests.
    const statuses: TrainingRequestStatus[] =
      w.plan.special === "worker" ? ["attended", "approved"] : r.chance(w.inPost ? 0.35 : 0.15) ? (r.chance(0.2) ? [pickRequestStatus(), pickRequestStatus()] : [pickRequestStatus()]) : [];
    const courses = [...w.c.courses, ...GENERIC_COURSES];
    statuses.forEach((status, k) => {
      if (!w.inPost && (status === "pending" || status === "approved")) return;
      let course = w.plan.special === "worker" ? (w.c.courses[k] ?? r.pick(courses)) : r.pick(courses);
      if (status === "attended" && course.days > 3) course = r.pick(courses.filter((x) => x.days <= 3));
      let requested: number;
      let starts: number;
      if (status === "pending") {
        requested = T - r.int(1, 20);
        starts = T + r.int(20, 120);
      } else if (status === "approved") {
        requested = T - r.int(10, 60);
        starts = T + r.int(7, 90);
      } else if (status === "attended") {
        starts = w.plan.special === "worker" ? T + SPECIAL_OTAGO_DAY : Math.min(w.endDay, T) - r.int(14, 300);
        requested = starts - r.int(20, 70);
      } else {
        requested = Math.min(w.endDay, T) - r.int(20, 300);
        starts = requested + r.int(20, 90);
      }
      if (requested < w.plan.start) return;
      const decided = status === "pending" || status === "withdrawn" ? null : requested + r.int(2, 14);
      const declineReason: DeclineReason | null = status === "declined" ? (DECLINE_CYCLE[declineCount++ % DECLINE_CYCLE.length] ?? "funding") : null;
      const goal = w.plan.special === "worker" ? (goals[0] ?? null) : goals.length > 0 && r.chance(0.4) ? r.pick(goals) : null;
      const id = newId();
      ins.training({
        id,
        workerId: w.workerId,
        title: course.title,
        provider: course.provider,
        costPence: course.costPence,
        startsOn: iso(starts),
        endsOn: iso(starts + course.days - 1),
        pdpGoalId: goal?.id ?? null,
        why: goal ? "Needed for a goal in my PDP." : "Would help me work to the full scope of my role.",
        status,
        requestedBy: w.plan.userId ?? w.mgr.id,
        requestedAt: at(requested, 11),
        decidedBy: decided !== null ? w.mgr.id : null,
        decidedAt: decided !== null ? at(decided, 15) : null,
        declineReason,
        declineDetail: declineReason ? r.pick(DECLINE_DETAILS[declineReason]) : null,
        createdAt: at(requested, 11),
        updatedAt: at(decided ?? requested, 15),
      });
      if (status === "attended") {
        writeCpd(w, starts, course.title, "course", Math.min(22.5, course.days * 7.5), goal?.id ?? null, id);
      }
    });
  }

  function pickRequestStatus(): TrainingRequestStatus {
    return REQUEST_CYCLE[requestCount++ % REQUEST_CYCLE.length] ?? "pending";
  }

  function writeCpd(w: Who, on: number, title: string, type: CpdType, hours: number, goalId: string | null, requestId: string | null) {
    const reflect = r.chance(0.7);
    ins.cpd({
      id: newId(),
      workerId: w.workerId,
      activityOn: iso(on),
      title,
      type,
      learning: FORMAL_TYPES.has(type) ? "formal" : "informal",
      hours,
      reflectionWhat: reflect ? r.pick(CPD_REFLECTIONS.what) : "",
      reflectionSoWhat: reflect ? r.pick(CPD_REFLECTIONS.soWhat) : "",
      reflectionNowWhat: reflect ? r.pick(CPD_REFLECTIONS.nowWhat) : "",
      pdpGoalId: goalId,
      trainingRequestId: requestId,
      createdBy: w.plan.userId ?? w.mgr.id,
      createdAt: at(on + r.int(0, 5), 17),
      updatedAt: at(on + r.int(0, 5), 17),
    });
  }

  /* ---------------------------------------------- supervision and delegation */

  function writeSupervision(w: Who) {
    const lapsed = !w.plan.special && r.chance(0.12);
    const from = Math.max(w.plan.start + 14, T - 180);
    const until = lapsed ? T - r.int(95, 200) : T - 1;
    const write = (type: "clinical" | "managerial", gap: () => number) => {
      for (let day = from + r.int(0, 20); day <= until; day += gap()) {
        const on = workdayBefore(day);
        if (on < w.plan.start) continue;
        const sup = type === "managerial" ? (w.team.registrants[0] as Registrant) : r.pick(w.team.registrants);
        const text = SUPERVISION_TEXT[type];
        ins.supervision({
          id: newId(),
          workerId: w.workerId,
          heldOn: iso(on),
          supervisorId: sup.userId,
          supervisorName: sup.name,
          type,
          summary: r.pick(text.summary),
          actions: r.pick(text.actions),
          recordedBy: w.mgr.id,
          createdAt: at(on, 16),
        });
      }
    };
    write("clinical", () => r.int(35, 60));
    write("managerial", () => r.int(42, 75));
  }

  function writeDelegation(w: Who) {
    const n =
      w.stage === "trainee" || w.stage === "apprentice"
        ? r.int(0, 1)
        : w.stage === "assistant_practitioner" || w.stage === "level4"
          ? r.int(2, 4)
          : r.int(1, 3);
    for (const task of r.sample(w.c.tasks, n)) {
      const competent = w.stageStart + r.int(20, Math.max(21, w.endDay - w.stageStart - 10));
      const ended = !w.inPost ? w.endDay : r.chance(0.05) ? T - r.int(1, 60) : null;
      const review = r.chance(0.12) ? T - r.int(1, 75) : T + r.int(10, 360);
      const by = r.pick(w.team.registrants);
      const level =
        w.stage === "support_worker" || w.stage === "trainee" || w.stage === "apprentice"
          ? r.weighted([["direct", 40], ["indirect", 60]] as const)
          : w.stage === "senior_support_worker"
            ? r.weighted([["indirect", 80], ["direct", 10], ["remote", 10]] as const)
            : r.weighted([["indirect", 60], ["remote", 40]] as const);
      const competentSince = Math.min(competent, (ended ?? T) - 1);
      ins.delegated({
        id: newId(),
        workerId: w.workerId,
        task,
        delegatedByName: by.name,
        delegatedByProfession: by.title,
        delegatedByRegistration: by.registration,
        supervisionLevel: w.stage === "trainee" || w.stage === "apprentice" ? "direct" : level,
        competentSince: iso(competentSince),
        reviewOn: iso(Math.max(review, competentSince + 30)),
        endedOn: ended !== null ? iso(ended) : null,
        recordedBy: w.mgr.id,
        createdAt: at(competentSince, 12),
        updatedAt: at(ended ?? competentSince, 12),
      });
    }
  }

  /* ---------------------------------------------- apprenticeships */

  function writeApprenticeship(w: Who, a: ApprenticeshipPlan) {
    const id = newId();
    const weeklyHours = Math.round(37.5 * w.plan.fte * 10) / 10;
    const created = Math.min(a.start, T) - r.int(20, 60);
    ins.apprenticeships({
      id,
      workerId: w.workerId,
      standardId: a.standard.id,
      optionId: a.optionId,
      provider: a.provider,
      startDate: iso(a.start),
      plannedEndDate: iso(a.plannedEnd),
      actualEndDate: a.actualEnd !== null ? iso(a.actualEnd) : null,
      status: a.status,
      withdrawnReason: a.withdrawnReason,
      weeklyHours,
      epaResult: a.epa?.result ?? null,
      epaResultOn: a.epa ? iso(a.epa.on) : null,
      createdBy: w.mgr.id,
      createdAt: at(created),
      updatedAt: at(Math.min(T, a.changes[a.changes.length - 1]?.on ?? a.start)),
    });

    // Status history.
    let from: ApprenticeshipStatus | null = null;
    const change = (on: number, to: ApprenticeshipStatus, reason: string) => {
      ins.statusChanges({ id: newId(), apprenticeshipId: id, fromStatus: from, toStatus: to, effectiveOn: iso(on), reason, changedBy: w.mgr.id, createdAt: at(on, 12) });
      from = to;
    };
    change(created, "planned", "Place agreed with the training provider");
    if (a.status === "planned") return;
    change(a.start, "on_programme", "Started the programme");
    for (const ch of a.changes) change(ch.on, ch.to, ch.reason);

    // Off-the-job hours while on programme.
    const active = a.changes.find((ch) => ch.to !== "on_programme")?.on ?? T;
    const stopLogging = Math.min(active, T - 1);
    for (let on = a.start + r.int(1, 6); on <= stopLogging; on += a.behind ? r.int(10, 16) : r.int(6, 8)) {
      const [activity, note] = r.pick(OTJ_ACTIVITIES);
      ins.otj({
        id: newId(),
        apprenticeshipId: id,
        activityOn: iso(on),
        hours: a.behind ? r.step(2, 5, 0.5) : r.step(4.5, 7.5, 0.5),
        activityType: activity,
        note,
        loggedBy: w.plan.userId ?? w.mgr.id,
        createdAt: at(on, 17),
      });
    }

    // Tripartite reviews every 8–12 weeks; one apprentice's are overdue.
    const reviewUntil = a.reviewOverdue ? T - r.int(100, 130) : stopLogging;
    const attendees = `${fullName(w.plan.person)} (apprentice), ${w.mgr.name} (line manager), tutor from ${a.provider}`;
    for (let day = a.start + r.int(42, 70); day <= reviewUntil; day += r.int(56, 84)) {
      const on = workdayBefore(day);
      ins.tripartite({
        id: newId(),
        apprenticeshipId: id,
        reviewedOn: iso(on),
        attendees,
        progress: a.behind ? (TRIPARTITE.progress[3] ?? "") : r.pick(TRIPARTITE.progress.slice(0, 3)),
        concerns: a.behind ? (TRIPARTITE.concerns[2] ?? "") : r.pick(TRIPARTITE.concerns),
        actions: r.pick(TRIPARTITE.actions),
        nextReviewOn: iso(on + r.int(70, 84)),
        recordedBy: w.mgr.id,
        createdAt: at(on, 15),
      });
    }

    // Gateway checks: all done for the completed apprenticeship, most for the one at gateway.
    const gatewayOn = a.changes.find((ch) => ch.to === "gateway")?.on;
    if (gatewayOn !== undefined) {
      const reqs = a.standard.gateway;
      const done = a.status === "gateway" ? reqs.slice(0, Math.max(1, reqs.length - r.int(1, 2))) : reqs;
      done.forEach((requirementId, k) => {
        const on = Math.min(T - 1, gatewayOn - r.int(0, 40) + k);
        ins.gateway({
          id: newId(),
          apprenticeshipId: id,
          requirementId,
          completedOn: iso(on),
          evidence: r.pick(["Certificate seen and copied to the file.", "Confirmed by the training provider.", "Portfolio reviewed with the tutor.", "Signed off at the tripartite review."]),
          checkedBy: w.mgr.id,
          createdAt: at(on, 14),
        });
      });
    }
  }

  /* ---------------------------------------------- the audit row */

  const result: DemoSummary = {
    orgId,
    orgName: DEMO_ORG_NAME,
    today: o.today,
    workers: o.N,
    teams: teams.length,
    managers: managerCount,
    counts,
    logins,
  };
  await bulk.flush();
  await audit(db, "system", {
    action: "demo.seed",
    entityType: "organisation",
    entityId: orgId,
    summary: { seed: o.seed, today: o.today, workers: o.N, leavers: summaryCounts.leavers, teams: teams.length, managers: managerCount, rows: { ...counts } },
  });
  counts.audit_events = (counts.audit_events ?? 0) + 1;
  return result;
}

/* ------------------------------------------------------------------ small pure helpers */

/** Organisations at least this big are seeded as a bulk load (see seedDemo). */
const LARGE = 5000;

/** Bulk tables that triggers read back on every insert, to keep an apprenticeship's summaries (decision record 0027). */
const SUMMARISED_BY_TRIGGERS: readonly unknown[] = [s.otjLogs, s.apprenticeshipReviews];

/** The tables the demo writes in bulk. */
const BULK_TABLES = [
  s.workers,
  s.workerPositions,
  s.equalityMonitoring,
  s.appraisals,
  s.appraisalObjectiveReviews,
  s.appraisalObjectives,
  s.careerConversations,
  s.careerSteps,
  s.pdps,
  s.pdpGoals,
  s.pdpGoalDomains,
  s.pdpGoalStatements,
  s.pdpGoalSupport,
  s.pdpActions,
  s.pdpNotes,
  s.pdpReviews,
  s.barriers,
  s.competencyAssessments,
  s.competencyEvidence,
  s.apprenticeships,
  s.apprenticeshipStatusChanges,
  s.otjLogs,
  s.apprenticeshipReviews,
  s.gatewayChecks,
  s.trainingRequests,
  s.cpdActivities,
  s.supervisionSessions,
  s.delegatedTasks,
  s.trainingCompletions,
];

/** Drops the explicit indexes (not primary keys) of `tables`, returning the SQL that recreates them. */
function dropIndexes(sqlite: Database.Database, tables: string[]): string[] {
  const rows = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => "?").join(", ")})`)
    .all(...tables) as { name: string; sql: string }[];
  for (const r of rows) sqlite.exec(`drop index "${r.name}"`);
  return rows.map((r) => r.sql);
}

/**
 * Drops the triggers that raise the scorecard summaries' versions (decision record 0028: named "<table>_facts_<event>"),
 * returning the SQL that recreates them: a bulk load's workers have no summaries to mark out of date, and the two
 * writes each trigger makes per row took a third off the seed's speed.
 */
function dropFactTriggers(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare(`select name, sql from sqlite_master where type = 'trigger' and name like '%\\_facts\\_%' escape '\\'`)
    .all() as { name: string; sql: string }[];
  for (const r of rows) sqlite.exec(`drop trigger "${r.name}"`);
  return rows.map((r) => r.sql);
}

const ROLE_ORDER: Role[] = ["admin", "lead", "manager", "support_worker"];

const FRAMEWORK_STAGE_OF: Record<StageCode, FrameworkStage | null> = {
  // Trainees and apprentices work towards the entry stage; the HEE framework has no level 4 stage, so the demo
  // assesses level 4 workers against the intermediate statements they hold.
  trainee: "entry",
  apprentice: "entry",
  support_worker: "entry",
  senior_support_worker: "intermediate",
  level4: "intermediate",
  assistant_practitioner: "assistant_practitioner",
};

const PROFESSION_SHORT: Partial<Record<ProfessionCode, string>> = {
  physio: "Physiotherapy",
  ot: "Occupational Therapy",
  slt: "Speech and Language Therapy",
  dietetics: "Dietetics",
  "radiography-diagnostic": "Radiography",
  "radiography-therapeutic": "Radiotherapy",
  podiatry: "Podiatry",
  odp: "Theatres",
  orthoptics: "Orthoptics",
  "prosthetics-orthotics": "Orthotics",
};

const ASPIRATION_WEIGHTS: Record<StageCode, (readonly [Aspiration, number])[]> = {
  trainee: [["stay_and_grow", 3], ["senior_support_worker", 4], ["assistant_practitioner", 2]],
  apprentice: [["stay_and_grow", 3], ["senior_support_worker", 4], ["assistant_practitioner", 2]],
  support_worker: [["stay_and_grow", 3], ["senior_support_worker", 4], ["assistant_practitioner", 2], ["degree_apprenticeship", 1], ["other", 0.5]],
  senior_support_worker: [["stay_and_grow", 2], ["assistant_practitioner", 4], ["degree_apprenticeship", 2], ["registered_professional", 1], ["other", 0.5]],
  level4: [["assistant_practitioner", 3], ["degree_apprenticeship", 3], ["stay_and_grow", 1]],
  assistant_practitioner: [["stay_and_grow", 3], ["degree_apprenticeship", 4], ["registered_professional", 2], ["other", 1]],
};

/** 25% pending, 25% approved, 20% declined, 25% attended, 5% withdrawn. */
const REQUEST_CYCLE: TrainingRequestStatus[] = [
  "attended", "pending", "declined", "approved", "attended", "pending", "declined", "approved", "withdrawn", "attended",
  "pending", "approved", "declined", "attended", "pending", "approved", "declined", "attended", "approved", "pending",
];
/** Funding and cover most often, as the source report finds. */
const DECLINE_CYCLE: DeclineReason[] = [
  "funding", "time_or_cover", "availability_of_training", "funding", "time_or_cover",
  "not_relevant", "funding", "time_or_cover", "other", "availability_of_training",
];

const FORMAL_TYPES = new Set<CpdType>(["course", "e_learning", "in_house", "conference"]);

function barrierCategory(r: Random): BarrierCategory {
  return r.weighted([
    ["time_constraints", 35],
    ["availability_of_training", 25],
    ["organisational_support", 20],
    ["financial", 15],
    ["other", 5],
  ] as const);
}

function cpdHours(type: CpdType, r: Random): number {
  switch (type) {
    case "e_learning":
      return r.step(0.5, 2, 0.5);
    case "in_house":
      return r.step(1, 3.5, 0.5);
    case "course":
      return r.step(3, 7.5, 0.5);
    case "conference":
      return r.step(6, 7.5, 0.5);
    case "shadowing":
      return r.step(2, 7.5, 0.5);
    case "reading":
      return r.step(0.5, 2, 0.5);
    case "reflective_practice":
      return r.step(0.5, 1.5, 0.5);
    case "supervision":
      return 1;
  }
}

function bandOf(stage: StageCode, r: Random): string {
  switch (stage) {
    case "trainee":
    case "apprentice":
      return "2";
    case "support_worker":
      return r.chance(0.5) ? "3" : "2";
    case "senior_support_worker":
      return "3";
    case "level4":
      return r.chance(0.75) ? "4" : "3";
    case "assistant_practitioner":
      return "4";
  }
}

function fteOf(r: Random): number {
  return r.weighted([[1, 66], [0.8, 14], [0.6, 8], [0.5, 8], [0.4, 4]] as const);
}

/** The day the worker's current stage began (a change of band, title or team alone does not reset it). */
function stageStartOf(segs: Segment[]): number {
  const last = segs[segs.length - 1] as Segment;
  let from = last.from;
  for (let k = segs.length - 2; k >= 0; k--) {
    const sg = segs[k] as Segment;
    if (sg.stage !== last.stage) break;
    from = sg.from;
  }
  return from;
}

/** A shuffled deck of stages for ordinary workers, in realistic proportions, with every stage at least once. */
function stageDeck(n: number, r: Random): StageCode[] {
  const weights: [StageCode, number][] = [
    ["support_worker", 40],
    ["senior_support_worker", 29],
    ["assistant_practitioner", 14],
    ["level4", 5],
    ["trainee", 6],
  ];
  const total = weights.reduce((t, [, w]) => t + w, 0);
  const deck: StageCode[] = [];
  for (const [stage, w] of weights.slice(1)) {
    const k = Math.max(n >= 10 ? 1 : 0, Math.round((n * w) / total));
    for (let i = 0; i < k; i++) deck.push(stage);
  }
  while (deck.length < n) deck.push("support_worker");
  deck.length = n;
  return r.sample(deck, deck.length);
}
