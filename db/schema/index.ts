// The tables every query names, in the dialect the deployment runs (decision record 0025): SQLite's (db/schema/sqlite.ts)
// by default, PostgreSQL's (db/schema/postgres) when DATABASE_URL is set. Both define the same design
// (tests/schema-parity.test.ts), so queries are typed against SQLite's and run unchanged on either.
import * as sqlite from "./sqlite";
import * as postgres from "./postgres";
import { databaseUrl } from "../../lib/env";

const tables = (databaseUrl() ? postgres : sqlite) as unknown as typeof sqlite;

export const { appraisalFeedbackRequests, appraisalObjectiveReviews, appraisalObjectives, appraisalPreparations, appraisalReopenings, appraisalReschedulings, appraisals, apprenticeshipOptions, apprenticeshipReviews, apprenticeshipStandards, apprenticeshipStatusChanges, apprenticeships, auditEvents, bands, barriers, careSettings, careerConversations, careerSteps, competencyAssessments, competencyEvidence, competencyReopenings, competencyStatements, cpdActivities, delegatedTasks, equalityMonitoring, frameworkDomains, frameworkVersions, frameworks, gatewayChecks, gatewayRequirements, importBatches, importRows, loginSessions, loginThrottle, organisations, otjLogs, otjRules, passwordTokens, pdpActions, pdpGoalDomains, pdpGoalStatements, pdpGoalSupport, pdpGoals, pdpNotes, pdpReviews, pdps, professions, reminderDeliveries, resources, settings, stages, supervisionSessions, teamManagers, teamProfessions, teams, trainingRequests, users, workerPositions, workerScorecardFacts, workers, factVersions, teamScorecardFacts, apprenticeshipRiskFacts, workerEquityFacts, teamProgressionFacts, trainingSubjects, trainingSubjectAudiences, trainingCompletions, trainingReminders } = tables;
