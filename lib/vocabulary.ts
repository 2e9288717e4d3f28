// The closed lists of the domain: values stored in the database and the words shown for them.
// Open lists that an organisation edits (professions, care settings, stages, bands, frameworks,
// apprenticeship standards, resources) are reference tables, not this file.

export function labels<const T extends readonly string[]>(values: T, words: Record<T[number], string>) {
  return { values, label: (v: T[number]) => words[v] } as const;
}

export const ROLES = ["support_worker", "manager", "lead", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleWords = labels(ROLES, {
  support_worker: "Support worker",
  manager: "Manager",
  lead: "Lead",
  admin: "Administrator",
});

export const USER_STATUSES = ["active", "disabled"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const WORKER_STATUSES = ["in_post", "left"] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];
export const workerStatusWords = labels(WORKER_STATUSES, { in_post: "In post", left: "Left" });

/** The three stages of the HEE AHP support worker framework. */
export const FRAMEWORK_STAGES = ["entry", "intermediate", "assistant_practitioner"] as const;
export type FrameworkStage = (typeof FRAMEWORK_STAGES)[number];
export const frameworkStageWords = labels(FRAMEWORK_STAGES, {
  entry: "Entry (support worker)",
  intermediate: "Intermediate (senior support worker)",
  assistant_practitioner: "Assistant practitioner",
});

/** What gets in the way: the disabling mechanisms of the source report's theory of change. */
export const BARRIER_CATEGORIES = [
  "availability_of_training",
  "financial",
  "time_constraints",
  "organisational_support",
  "other",
] as const;
export type BarrierCategory = (typeof BARRIER_CATEGORIES)[number];
export const barrierWords = labels(BARRIER_CATEGORIES, {
  availability_of_training: "Availability of training",
  financial: "Financial",
  time_constraints: "Time constraints",
  organisational_support: "Lack of organisational support or awareness",
  other: "Other",
});

export const PDP_STATUSES = ["draft", "active", "closed"] as const;
export type PdpStatus = (typeof PDP_STATUSES)[number];
export const pdpStatusWords = labels(PDP_STATUSES, { draft: "Draft, not yet agreed", active: "Active", closed: "Closed" });

export const GOAL_STATUSES = ["not_started", "in_progress", "achieved", "deferred", "dropped"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const goalStatusWords = labels(GOAL_STATUSES, {
  not_started: "Not started",
  in_progress: "In progress",
  achieved: "Achieved",
  deferred: "Deferred",
  dropped: "Dropped",
});

/** The support a goal needs: the enabling mechanisms a lead counts. */
export const SUPPORT_KINDS = [
  "formal_course",
  "informal_learning",
  "protected_time",
  "practice_educator",
  "funding",
  "supervision",
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const supportWords = labels(SUPPORT_KINDS, {
  formal_course: "Formal course",
  informal_learning: "Informal learning",
  protected_time: "Protected time",
  practice_educator: "Practice-educator support",
  funding: "Funding",
  supervision: "Supervision",
});

export const ACTION_OWNERS = ["worker", "manager"] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];
export const actionOwnerWords = labels(ACTION_OWNERS, { worker: "Support worker", manager: "Manager" });
/** The same, as the worker reads them on their own record. */
export const ownActionOwnerWords = labels(ACTION_OWNERS, { worker: "You", manager: "Your manager" });

export const NOTE_KINDS = ["progress", "reflection"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const noteKindWords = labels(NOTE_KINDS, { progress: "Progress note", reflection: "Reflection" });

export const APPRAISAL_STATUSES = ["scheduled", "in_progress", "awaiting_sign_off", "completed", "cancelled"] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];
export const appraisalStatusWords = labels(APPRAISAL_STATUSES, {
  scheduled: "Scheduled",
  in_progress: "In progress",
  awaiting_sign_off: "Awaiting signatures",
  completed: "Completed",
  cancelled: "Cancelled",
});
/** The same, as the worker reads them about their own appraisals. */
/** A colleague's feedback for an appraisal: asked for, then given or declined (once). */
export const FEEDBACK_REQUEST_STATUSES = ["requested", "given", "declined"] as const;
export type FeedbackRequestStatus = (typeof FEEDBACK_REQUEST_STATUSES)[number];

export const ownAppraisalStatusWords = labels(APPRAISAL_STATUSES, {
  scheduled: "Scheduled",
  in_progress: "In progress",
  awaiting_sign_off: "Awaiting your sign-off",
  completed: "Completed",
  cancelled: "Cancelled",
});

export const OBJECTIVE_OUTCOMES = ["met", "partly_met", "not_met"] as const;
export type ObjectiveOutcome = (typeof OBJECTIVE_OUTCOMES)[number];
export const objectiveOutcomeWords = labels(OBJECTIVE_OUTCOMES, { met: "Met", partly_met: "Partly met", not_met: "Not met" });

export const ASPIRATIONS = [
  "stay_and_grow",
  "senior_support_worker",
  "assistant_practitioner",
  "degree_apprenticeship",
  "registered_professional",
  "other",
] as const;
export type Aspiration = (typeof ASPIRATIONS)[number];
export const aspirationWords = labels(ASPIRATIONS, {
  stay_and_grow: "Grow in my current role",
  senior_support_worker: "Senior support worker",
  assistant_practitioner: "Assistant practitioner",
  degree_apprenticeship: "Degree apprenticeship",
  registered_professional: "Registered AHP",
  other: "Something else",
});

export const INTEREST_LEVELS = ["yes", "maybe", "no"] as const;
export type InterestLevel = (typeof INTEREST_LEVELS)[number];
export const interestWords = labels(INTEREST_LEVELS, { yes: "Yes", maybe: "Maybe", no: "Not at the moment" });

export const ASSESSMENT_STATUSES = ["not_started", "self_assessed", "evidence_added", "signed_off", "expired"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const assessmentStatusWords = labels(ASSESSMENT_STATUSES, {
  not_started: "Not started",
  self_assessed: "Self-assessed",
  evidence_added: "Evidence added",
  signed_off: "Signed off",
  expired: "Expired",
});

export const EVIDENCE_TYPES = [
  "direct_observation",
  "professional_discussion",
  "document",
  "reflective_account",
  "witness_testimony",
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const evidenceTypeWords = labels(EVIDENCE_TYPES, {
  direct_observation: "Direct observation",
  professional_discussion: "Professional discussion",
  document: "Document or certificate",
  reflective_account: "Reflective account",
  witness_testimony: "Witness testimony",
});

export const APPRENTICESHIP_STATUSES = [
  "planned",
  "on_programme",
  "break_in_learning",
  "gateway",
  "end_point_assessment",
  "completed",
  "withdrawn",
] as const;
export type ApprenticeshipStatus = (typeof APPRENTICESHIP_STATUSES)[number];
export const apprenticeshipStatusWords = labels(APPRENTICESHIP_STATUSES, {
  planned: "Planned",
  on_programme: "On programme",
  break_in_learning: "Break in learning",
  gateway: "Gateway",
  end_point_assessment: "End-point assessment",
  completed: "Completed",
  withdrawn: "Withdrawn",
});

export const EPA_RESULTS = ["pass", "merit", "distinction", "fail"] as const;
export type EpaResult = (typeof EPA_RESULTS)[number];
export const epaResultWords = labels(EPA_RESULTS, { pass: "Pass", merit: "Merit", distinction: "Distinction", fail: "Fail" });

/** Kinds of off-the-job training an apprentice logs (stored as the words). */
export const OTJ_ACTIVITY_TYPES = [
  "Taught session at college",
  "Online learning module",
  "Shadowing a registered practitioner",
  "Practical skills training",
  "Assignment writing",
  "Mentoring session",
  "Simulation",
  "Other",
] as const;

export const OTJ_RULE_KINDS = ["percent_of_hours", "hours_per_week", "standard_minimum"] as const;

export const CPD_TYPES = [
  "course",
  "e_learning",
  "in_house",
  "shadowing",
  "reading",
  "reflective_practice",
  "conference",
  "supervision",
] as const;
export type CpdType = (typeof CPD_TYPES)[number];
export const cpdTypeWords = labels(CPD_TYPES, {
  course: "Course",
  e_learning: "E-learning",
  in_house: "In-house training",
  shadowing: "Shadowing",
  reading: "Reading",
  reflective_practice: "Reflective practice",
  conference: "Conference",
  supervision: "Supervision",
});

export const LEARNING_KINDS = ["formal", "informal"] as const;

export const TRAINING_REQUEST_STATUSES = ["pending", "approved", "declined", "attended", "withdrawn"] as const;
export type TrainingRequestStatus = (typeof TRAINING_REQUEST_STATUSES)[number];

export const DECLINE_REASONS = ["funding", "time_or_cover", "availability_of_training", "not_relevant", "other"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const SUPERVISION_TYPES = ["clinical", "managerial"] as const;
export const SUPERVISION_LEVELS = ["direct", "indirect", "remote"] as const;

export const RESOURCE_TYPES = [
  "professional_body",
  "union",
  "role_guide",
  "supervision_delegation",
  "career_framework",
  "cpd",
  "other",
] as const;

export const PROFESSION_KINDS = ["ahp", "ambulance", "other"] as const;

/** Self-declared equality monitoring. "prefer_not_to_say" is always a valid answer. */
export const ETHNIC_GROUPS = ["asian", "black", "mixed", "white", "other", "prefer_not_to_say"] as const;
export const DISABILITY_ANSWERS = ["yes", "no", "prefer_not_to_say"] as const;
export const SEX_ANSWERS = ["female", "male", "prefer_not_to_say"] as const;
export const AGE_BANDS = ["under_25", "25_34", "35_44", "45_54", "55_64", "65_plus", "prefer_not_to_say"] as const;
export const ethnicGroupWords = labels(ETHNIC_GROUPS, {
  asian: "Asian or Asian British",
  black: "Black, Black British, Caribbean or African",
  mixed: "Mixed or multiple ethnic groups",
  white: "White",
  other: "Another ethnic group",
  prefer_not_to_say: "Prefer not to say",
});
export const disabilityWords = labels(DISABILITY_ANSWERS, { yes: "Yes", no: "No", prefer_not_to_say: "Prefer not to say" });
export const sexWords = labels(SEX_ANSWERS, { female: "Female", male: "Male", prefer_not_to_say: "Prefer not to say" });
export const ageBandWords = labels(AGE_BANDS, {
  under_25: "Under 25",
  "25_34": "25 to 34",
  "35_44": "35 to 44",
  "45_54": "45 to 54",
  "55_64": "55 to 64",
  "65_plus": "65 or over",
  prefer_not_to_say: "Prefer not to say",
});

/** What a CSV import would do with one row of the file (the dry run's verdict). */
export const IMPORT_VERDICTS = ["create", "update", "unchanged", "rejected"] as const;
export type ImportVerdict = (typeof IMPORT_VERDICTS)[number];
export const importVerdictWords = labels(IMPORT_VERDICTS, {
  create: "New",
  update: "Update",
  unchanged: "Unchanged",
  rejected: "Problem",
});

export const IMPORT_BATCH_STATUSES = ["checked", "applied"] as const;
/** What a checked file imports: workers (a staff list), or mandatory training completions (a learning system's file). */
export const IMPORT_KINDS = ["workers", "training_completions"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportBatchStatus = (typeof IMPORT_BATCH_STATUSES)[number];

/**
 * Statutory and mandatory training (decision record 0033): who a subject is for. A subject is needed by everyone, or by
 * anyone at one of its chosen stages (roles), in one of its chosen professions, or working in one of its care settings.
 */
export const TRAINING_AUDIENCE_KINDS = ["everyone", "stage", "profession", "care_setting"] as const;
export type TrainingAudienceKind = (typeof TRAINING_AUDIENCE_KINDS)[number];

/** Where a completion came from: typed in by a manager or an administrator, or a learning-system file. */
export const TRAINING_COMPLETION_SOURCES = ["recorded", "imported"] as const;
export type TrainingCompletionSource = (typeof TRAINING_COMPLETION_SOURCES)[number];

/** Where a worker stands on a subject they need (lib/rules/mandatory-training.ts). */
export const COMPLIANCE_STATUSES = ["expired", "never", "expiring", "in_date"] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
export const complianceStatusWords = labels(COMPLIANCE_STATUSES, {
  expired: "Expired",
  never: "Never done",
  expiring: "Expiring soon",
  in_date: "In date",
});
