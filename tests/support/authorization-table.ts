// The authorization matrix's table: every exported server action and route handler in app/, by file and export, and
// who may run it. tests/authorization-matrix.test.ts checks each export's first check against it;
// tests/authorization-relations.test.ts runs each one that names a record against real records.
import type { Role } from "@/lib/vocabulary";

/** Who may run it: these roles; anyone signed in; or anyone (signing in, setting a password, first set-up, Auth.js). */
export type Who = readonly Role[] | "signed_in" | "public";

const ANY_ROLE: Who = ["support_worker", "manager", "lead", "admin"];
const STAFF: Who = ["manager", "lead", "admin"];
const MANAGER_ADMIN: Who = ["manager", "admin"];
const ADMIN: Who = ["admin"];

export const MATRIX: Record<string, Record<string, Who>> = {
  "app/(app)/admin/apprenticeships/actions.ts": {
    createStandardAction: ADMIN,
    updateStandardAction: ADMIN,
    addOptionAction: ADMIN,
    renameOptionAction: ADMIN,
    setOptionRetiredAction: ADMIN,
    addGatewayRequirementAction: ADMIN,
    rewordGatewayRequirementAction: ADMIN,
    moveGatewayRequirementAction: ADMIN,
    setGatewayRequirementRetiredAction: ADMIN,
    updateOtjRuleAction: ADMIN,
    addOtjRuleAction: ADMIN,
    removeScheduledOtjRuleAction: ADMIN,
  },
  "app/(app)/admin/audit/csv/route.ts": {
    GET: ADMIN,
  },
  "app/(app)/admin/mandatory-training/import/actions.ts": {
    confirmTrainingImportAction: ADMIN,
  },
  "app/(app)/admin/mandatory-training/import/upload/route.ts": {
    POST: ADMIN,
  },
  "app/(app)/admin/mandatory-training/actions.ts": {
    createSubjectAction: ADMIN,
    updateSubjectAction: ADMIN,
    retireSubjectAction: ADMIN,
  },
  "app/(app)/admin/frameworks/actions.ts": {
    startFrameworkDraftAction: ADMIN,
    discardFrameworkDraftAction: ADMIN,
    publishFrameworkDraftAction: ADMIN,
    saveDomainAction: ADMIN,
    addStatementAction: ADMIN,
    saveStatementAction: ADMIN,
    retireStatementAction: ADMIN,
    restoreStatementAction: ADMIN,
    chooseFrameworkAction: ADMIN,
  },
  "app/(app)/admin/reference/actions.ts": {
    addReferenceValueAction: ADMIN,
    saveReferenceValueAction: ADMIN,
    retireReferenceValueAction: ADMIN,
    restoreReferenceValueAction: ADMIN,
  },
  "app/(app)/admin/resources/actions.ts": {
    createResourceAction: ADMIN,
    updateResourceAction: ADMIN,
    retireResourceAction: ADMIN,
    restoreResourceAction: ADMIN,
  },
  "app/(app)/admin/appraisals/actions.ts": {
    saveFeedbackSettingAction: ADMIN,
  },
  "app/(app)/admin/scorecard/actions.ts": {
    saveThresholdsAction: ADMIN,
  },
  "app/(app)/admin/users/actions.ts": {
    addUserAction: ADMIN,
    changeUserRoleAction: ADMIN,
    changeUserStatusAction: ADMIN,
    issuePasswordLinkAction: ADMIN,
  },
  "app/(app)/insights/[measure]/csv/route.ts": {
    GET: STAFF,
  },
  "app/(app)/insights/barriers/csv/route.ts": {
    GET: STAFF,
  },
  "app/(app)/insights/barriers/people/csv/route.ts": {
    GET: STAFF,
  },
  "app/(app)/insights/csv/route.ts": {
    GET: STAFF,
  },
  "app/(app)/insights/equity/csv/route.ts": {
    GET: STAFF,
  },
  "app/(app)/insights/progression/csv/route.ts": {
    GET: STAFF,
  },
  "app/(app)/insights/progression/people/csv/route.ts": {
    GET: STAFF,
  },
  "app/(app)/insights/workforce/csv/route.ts": {
    GET: STAFF,
  },
  "app/(app)/me/equality/actions.ts": {
    saveEqualityAction: ["support_worker"],
  },
  "app/(app)/teams/actions.ts": {
    addTeamAction: ADMIN,
    saveTeamAction: ADMIN,
    archiveTeamAction: ADMIN,
    restoreTeamAction: ADMIN,
  },
  "app/(app)/workers/[id]/appraisals/actions.ts": {
    scheduleAppraisalAction: MANAGER_ADMIN,
    rescheduleAppraisalAction: MANAGER_ADMIN,
    startAppraisalAction: MANAGER_ADMIN,
    saveAppraisalAction: MANAGER_ADMIN,
    objectivesToPdpAction: MANAGER_ADMIN,
    signOffAppraisalAction: ANY_ROLE,
    signAsAppraiserAction: MANAGER_ADMIN,
    returnToManagerAction: ANY_ROLE,
    reopenAppraisalAction: MANAGER_ADMIN,
    cancelAppraisalAction: MANAGER_ADMIN,
    savePreparationAction: ["support_worker"],
    askForFeedbackAction: ["support_worker", "manager"],
    giveFeedbackAction: ["support_worker", "manager"],
    declineFeedbackAction: ["support_worker", "manager"],
  },
  "app/(app)/workers/[id]/apprenticeship/actions.ts": {
    startApprenticeshipAction: STAFF,
    changeApprenticeshipStatusAction: STAFF,
    logOtjAction: ANY_ROLE,
    deleteOtjLogAction: ANY_ROLE,
    recordReviewAction: STAFF,
    tickGatewayAction: STAFF,
    untickGatewayAction: STAFF,
    recordEpaAction: STAFF,
    recordPositionAction: STAFF,
  },
  "app/(app)/workers/[id]/competencies/actions.ts": {
    selfAssessAction: ANY_ROLE,
    addEvidenceAction: ANY_ROLE,
    signOffCompetencyAction: STAFF,
    reopenCompetencyAction: STAFF,
  },
  "app/(app)/workers/[id]/conversations/actions.ts": {
    recordConversationAction: MANAGER_ADMIN,
    updateConversationAction: MANAGER_ADMIN,
    addStepAction: MANAGER_ADMIN,
    setStepDoneAction: ["support_worker", "manager", "admin"],
    stepToPdpGoalAction: MANAGER_ADMIN,
  },
  "app/(app)/workers/[id]/cpd/actions.ts": {
    addCpdAction: ANY_ROLE,
    updateCpdAction: ANY_ROLE,
    deleteCpdAction: ANY_ROLE,
    requestTrainingAction: ANY_ROLE,
    withdrawRequestAction: ANY_ROLE,
    decideRequestAction: STAFF,
  },
  "app/(app)/workers/[id]/login/actions.ts": {
    createWorkerLoginAction: MANAGER_ADMIN,
    renewWorkerLinkAction: MANAGER_ADMIN,
  },
  "app/(app)/workers/[id]/pdp/actions.ts": {
    startPdpAction: MANAGER_ADMIN,
    agreePdpAction: ANY_ROLE,
    recordPdpReviewAction: MANAGER_ADMIN,
    closePdpAction: MANAGER_ADMIN,
  },
  "app/(app)/workers/[id]/pdp/goals/actions.ts": {
    createGoalAction: ANY_ROLE,
    updateGoalAction: ANY_ROLE,
    agreeGoalAction: ANY_ROLE,
    setGoalStatusAction: ANY_ROLE,
    addActionToGoalAction: ANY_ROLE,
    markGoalActionDoneAction: ANY_ROLE,
    addGoalNoteAction: ANY_ROLE,
    recordBarrierAction: ANY_ROLE,
  },
  "app/(app)/workers/[id]/mandatory-training/actions.ts": {
    recordCompletionAction: STAFF,
    removeCompletionAction: STAFF,
  },
  "app/(app)/workers/[id]/supervision/actions.ts": {
    recordSessionAction: STAFF,
    delegateTaskAction: STAFF,
    reviewTaskAction: STAFF,
    endTaskAction: STAFF,
  },
  "app/(app)/team/actions.ts": {
    remindOutOfDateAction: ["manager"],
  },
  "app/(app)/mandatory-training/export/route.ts": {
    GET: STAFF,
  },
  "app/(app)/workers/actions.ts": {
    addWorkerAction: MANAGER_ADMIN,
    saveWorkerAction: MANAGER_ADMIN,
    markLeavingAction: MANAGER_ADMIN,
  },
  "app/(app)/workers/export/route.ts": {
    GET: STAFF,
  },
  "app/(app)/workers/import/actions.ts": {
    confirmImportAction: MANAGER_ADMIN,
  },
  "app/(app)/workers/import/upload/route.ts": {
    POST: MANAGER_ADMIN,
  },
  "app/api/auth/[...nextauth]/route.ts": {
    GET: "public",
    POST: "public",
  },
  // How long the caller's own session has left: without one, that there is none (decision record 0023).
  "app/api/session/route.ts": {
    GET: "public",
  },
  "app/login/actions.ts": {
    logIn: "public",
    logInWithMicrosoft: "public",
  },
  // Never shows a link, and answers the same whether the email has an account (tests/forgotten-password.test.ts).
  "app/login/forgotten-password/actions.ts": {
    askForPasswordLink: "public",
  },
  "app/set-password/[token]/actions.ts": {
    choosePassword: "public",
  },
  "app/setup/actions.ts": {
    setUpFirstAdmin: "public",
  },
  "app/sign-on-again.ts": {
    signInAgainWithMicrosoft: "signed_in",
  },
  "app/sign-out.ts": {
    logOut: "public",
  },
  "app/stay-signed-in.ts": {
    staySignedInAction: ANY_ROLE,
  },
};
