// The audit trail in words a person reads: "signed off a competency" rather than "competency_assessment.signed_off".
// Each action the code writes has its words here; one not listed reads from its own code, so nothing shows blank.

/** What kind of record an event is about, in words ("a PDP goal"). */
const ENTITY_WORDS: Record<string, string> = {
  appraisal: "an appraisal",
  appraisal_feedback: "feedback for an appraisal",
  apprenticeship: "an apprenticeship",
  apprenticeship_review: "an apprenticeship review",
  apprenticeship_standard: "an apprenticeship standard",
  barrier: "a barrier or enabler",
  career_conversation: "a career conversation",
  career_step: "a career step",
  competency_assessment: "a competency",
  competency_evidence: "competency evidence",
  competency_statement: "a competency statement",
  cpd_activity: "a CPD entry",
  delegated_task: "a delegated task",
  equity: "the equity figures",
  framework: "a competency framework",
  framework_domain: "a framework domain",
  gateway_check: "a gateway check",
  gateway_requirement: "a gateway requirement",
  insights: "an insights table",
  organisation: "the organisation",
  otj_log: "off-the-job hours",
  otj_rule: "an off-the-job rule",
  pdp: "a PDP",
  pdp_action: "a PDP action",
  pdp_goal: "a PDP goal",
  pdp_note: "a PDP note",
  reference: "a reference list entry",
  resource: "a resource",
  setting: "a setting",
  supervision_session: "a supervision session",
  team: "a team",
  training_request: "a training request",
  training_completion: "a mandatory training completion",
  training_reminder: "a mandatory training reminder",
  training_subject: "a mandatory training subject",
  user: "a login",
  worker: "a worker's record",
  workers: "the workers list",
  worker_list: "the workers list",
  audit_trail: "the audit trail",
};

/** The verb part of an action code, in words. */
const VERB_WORDS: Record<string, string> = {
  agreed: "agreed",
  archive: "archived",
  attendance_removed: "removed the attendance of",
  attended: "marked as attended",
  cancelled: "cancelled",
  close: "closed",
  closed: "closed",
  create: "added",
  created: "added",
  delete: "removed",
  delivered: "delivered",
  download: "downloaded",
  draft_discarded: "discarded a draft of",
  draft_started: "started a draft of",
  ended: "ended",
  export: "exported",
  import: "imported",
  import_create: "added by import",
  import_update: "updated by import",
  leave: "recorded the leaving of",
  linked: "linked",
  move: "moved",
  moved_to_version: "moved to a new framework version",
  new_version: "started a new version of",
  objectives_to_pdp: "copied objectives into the PDP from",
  position_change: "changed the position in",
  print: "printed",
  published: "published",
  recorded: "recorded",
  remove: "removed",
  reopen: "reopened",
  reopened: "reopened",
  restore: "restored",
  restored: "restored",
  retire: "retired",
  retired: "retired",
  returned: "sent back",
  reviewed: "reviewed",
  role_change: "changed the role of",
  saved: "saved",
  scheduled: "booked",
  self_assessed: "self-assessed",
  sent_for_sign_off: "sent for sign-off",
  signed_off: "signed off",
  started: "started",
  status_change: "changed the status of",
  status_changed: "changed the status of",
  to_pdp_goal: "made a PDP goal from",
  update: "changed",
  updated: "changed",
  view: "opened",
  withdrawn: "withdrew",
};

/** Whole actions whose words do not follow "verb entity". */
const ACTION_WORDS: Record<string, string> = {
  "user.sign_in": "signed in",
  "user.sign_out": "signed out",
  "user.sign_in_failed": "failed to sign in",
  "user.sign_in_locked": "had signing in paused after repeated failures",
  "user.sign_in_throttled": "was stopped from signing in (too many attempts)",
  "user.password_link": "issued a set-password link for",
  "user.password_link_delivered": "delivered a set-password link for",
  "user.password_set": "set the password of",
  "user.password_reset_requested": "asked for a link to reset the password of",
  "user.password_reset_paused": "was stopped from asking for a password link (too many requests)",
  "setup.first_admin": "set up Pathways as its first administrator",
  "demo.seed": "filled the demo organisation",
  "workers.export": "downloaded the workers list",
  "workers.import": "imported a staff list",
  "training_reminder.sent": "reminded about out-of-date mandatory training",
  "training_completions.export": "downloaded mandatory training compliance",
  "training_completions.import": "imported a file of mandatory training completions",
  "appraisal.rescheduled": "moved an appraisal to another date",
  "appraisal.appraiser_signed": "signed an appraisal as its appraiser",
  "appraisal.preparation_saved": "saved their preparation for an appraisal",
  "appraisal.preparation_submitted": "shared their preparation for an appraisal",
  "appraisal.preparation_view": "opened the preparation for an appraisal",
  "appraisal.feedback_requested": "asked a colleague for feedback for an appraisal",
  "appraisal.feedback_given": "gave feedback for an appraisal",
  "appraisal.feedback_declined": "declined to give feedback for an appraisal",
};

/** Whether an action has words of its own, rather than its code with the underscores taken out. */
export function auditActionHasWords(action: string): boolean {
  return action in ACTION_WORDS || (action.includes(".") && action.slice(action.indexOf(".") + 1) in VERB_WORDS);
}

const humanise = (code: string) => code.replace(/_/g, " ");

/** An action in words: "signed off a competency". */
export function auditActionWords(action: string, entityType: string): string {
  const whole = ACTION_WORDS[action];
  if (whole) return whole;
  const verb = action.includes(".") ? action.slice(action.indexOf(".") + 1) : action;
  const entity = ENTITY_WORDS[entityType] ?? humanise(entityType);
  return `${VERB_WORDS[verb] ?? humanise(verb)} ${entity}`;
}

/** The kinds of record, for the trail's filter: [entity type, words], in order of the words. */
export const AUDIT_RECORD_KINDS: ReadonlyArray<readonly [string, string]> = Object.entries(ENTITY_WORDS)
  .map(([key, words]) => [key, words.replace(/^(an?|the) /, "")] as const)
  .map(([key, words]) => [key, words.charAt(0).toUpperCase() + words.slice(1)] as const)
  .sort((a, b) => a[1].localeCompare(b[1]));
