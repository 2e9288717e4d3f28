// Types for the reference seed data in this folder.
// Data only: the seeder reads these modules and writes them to the reference tables.
// An admin can edit, retire or add to any of these lists after seeding; the literal unions
// below only keep the shipped seed data consistent with itself (e.g. a resource's
// professionCode must name a seeded profession).

/* ------------------------------------------------------------------ professions */

export type ProfessionKind = "ahp" | "ambulance" | "other";

export type ProfessionCode =
  | "art-therapy"
  | "drama-therapy"
  | "music-therapy"
  | "podiatry"
  | "dietetics"
  | "ot"
  | "odp"
  | "orthoptics"
  | "osteopathy"
  | "paramedic"
  | "physio"
  | "prosthetics-orthotics"
  | "radiography-diagnostic"
  | "radiography-therapeutic"
  | "slt"
  | "ambulance";

export interface ProfessionSeed {
  code: ProfessionCode;
  /** The profession or service, e.g. "Physiotherapy", not the job title. */
  name: string;
  kind: ProfessionKind;
}

/* ------------------------------------------------------------------ care settings */

export type CareSettingCode =
  | "acute-inpatient"
  | "outpatient"
  | "community"
  | "mental-health"
  | "learning-disability"
  | "primary-care"
  | "rehabilitation"
  | "critical-care"
  | "emergency-care"
  | "patient-transport"
  | "call-handling"
  | "hazardous-area-response"
  | "education";

export interface CareSettingSeed {
  code: CareSettingCode;
  name: string;
}

/* ------------------------------------------------------------------ stages */

/** The three stages of the HEE AHP support worker framework. */
export type FrameworkStage = "entry" | "intermediate" | "assistant_practitioner";

export type StageCode =
  | "trainee"
  | "apprentice"
  | "support_worker"
  | "senior_support_worker"
  | "level4"
  | "assistant_practitioner";

export interface StageSeed {
  code: StageCode;
  name: string;
  /** Regulated Qualifications Framework level typical of the role; null where it varies. */
  educationLevel: number | null;
  /** The framework stage whose statements apply to someone at this stage, if any. */
  frameworkStage: FrameworkStage | null;
  /** Position on the progression ladder; a move to a higher rank counts as progression. */
  rank: number;
  description: string;
}

/* ------------------------------------------------------------------ Agenda for Change bands */

export type BandCode = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8a" | "8b" | "8c" | "8d" | "9";

export interface BandSeed {
  code: BandCode;
  name: string;
  sort: number;
  /** Set on the bands typical of support roles; absent otherwise. */
  typicalFor?: string;
}

/* ------------------------------------------------------------------ competency framework */

/** Statement numbering within a domain, e.g. "1.1"; the same number recurs at each stage. */
export type StatementNumber = `${number}.${number}`;

export interface FrameworkStatementSeed {
  stage: FrameworkStage;
  number: StatementNumber;
  text: string;
  /** Months after sign-off before the statement must be evidenced again; null if it does not expire. */
  renewalMonths?: number | null;
}

export interface FrameworkDomainSeed {
  number: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  title: string;
  description: string;
  statements: FrameworkStatementSeed[];
}

export interface FrameworkSeed {
  key: string;
  name: string;
  source: string;
  sourceUrl?: string;
  description: string;
  domains: FrameworkDomainSeed[];
}

/* ------------------------------------------------------------------ apprenticeships */

export interface ApprenticeshipStandardSeed {
  /** Institute for Apprenticeships and Technical Education reference, e.g. "ST0216". */
  reference: string;
  title: string;
  level: number;
  typicalDurationMonths: number;
  /** Minimum off-the-job training hours published for the standard (starts from 1 August 2025). */
  otjMinimumHours: number | null;
  professionCode: ProfessionCode | null;
  /** Occupational options; empty when the standard has none. */
  options: string[];
  /** Gateway readiness checklist. */
  gateway: string[];
}

/* ------------------------------------------------------------------ off-the-job training rules */

export type OtjRuleKind = "percent_of_hours" | "hours_per_week" | "standard_minimum";

export interface OtjRuleSeed {
  /** First apprenticeship start date the rule applies to (inclusive), YYYY-MM-DD. */
  effectiveFrom: string;
  /** Last apprenticeship start date the rule applies to (inclusive), YYYY-MM-DD; null if current. */
  effectiveTo: string | null;
  kind: OtjRuleKind;
  /**
   * percent_of_hours: percentage of working hours;
   * hours_per_week: hours a week for a full-time apprentice;
   * standard_minimum: the floor in hours below which no standard's minimum may fall.
   */
  value: number;
  /** A floor in hours, where the rule has one. */
  minimumHours: number | null;
  description: string;
}

/* ------------------------------------------------------------------ resources */

export type ResourceType =
  | "professional_body"
  | "union"
  | "role_guide"
  | "supervision_delegation"
  | "career_framework"
  | "cpd"
  | "other";

export interface ResourceSeed {
  title: string;
  /** One to three plain sentences on what a support worker will find there. */
  body: string;
  /** The profession the resource is for; null if it is for all. */
  professionCode: ProfessionCode | null;
  type: ResourceType;
  url: string;
}
