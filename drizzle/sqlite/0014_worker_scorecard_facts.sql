-- The scorecard's summaries (decision record 0028): each worker's facts for a period and each team's sums of them,
-- worked out on read by db/queries/scorecard.ts and labelled with versions in fact_versions (a worker's id, "team:"
-- and a team's id, or "shared"), which the triggers below raise in the transaction of every write the facts come from,
-- whoever writes (the app, the seed, an import, a fix made by hand). Facts whose label no longer matches are worked out
-- again. Derived, so left out of PostgreSQL's data version.
CREATE TABLE `fact_versions` (
	`subject` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `team_scorecard_facts` (
	`team_id` text NOT NULL,
	`period_end` text NOT NULL,
	`team_version` integer NOT NULL,
	`shared_version` integer NOT NULL,
	`headcount` integer NOT NULL,
	`fte` real NOT NULL,
	`due_appraised` integer NOT NULL,
	`pdp_reviewed` integer NOT NULL,
	`appraised` integer NOT NULL,
	`career_conversation` integer NOT NULL,
	`supervised` integer NOT NULL,
	`structured_education` integer NOT NULL,
	`competency_owed` integer NOT NULL,
	`competency_signed` integer NOT NULL,
	`competency_owing` integer NOT NULL,
	`training_decided` integer NOT NULL,
	`training_approved` integer NOT NULL,
	`cpd_per_fte` text NOT NULL,
	PRIMARY KEY(`period_end`, `team_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_scorecard_facts_team_idx` ON `team_scorecard_facts` (`team_id`);--> statement-breakpoint
CREATE TABLE `worker_scorecard_facts` (
	`worker_id` text NOT NULL,
	`period_end` text NOT NULL,
	`worker_version` integer NOT NULL,
	`shared_version` integer NOT NULL,
	`pdp_reviewed` integer NOT NULL,
	`appraised` integer NOT NULL,
	`career_conversation` integer NOT NULL,
	`supervised` integer NOT NULL,
	`structured_education` integer NOT NULL,
	`last_appraisal_on` text,
	`cpd_hours` real NOT NULL,
	`competency_owed` integer NOT NULL,
	`competency_signed` integer NOT NULL,
	`training_decided` integer NOT NULL,
	`training_approved` integer NOT NULL,
	PRIMARY KEY(`period_end`, `worker_id`),
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `worker_scorecard_facts_worker_idx` ON `worker_scorecard_facts` (`worker_id`);--> statement-breakpoint
CREATE TRIGGER `pdps_facts_insert` AFTER INSERT ON `pdps`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `pdps_facts_update` AFTER UPDATE ON `pdps`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `pdps_facts_delete` AFTER DELETE ON `pdps`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `appraisals_facts_insert` AFTER INSERT ON `appraisals`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `appraisals_facts_update` AFTER UPDATE ON `appraisals`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `appraisals_facts_delete` AFTER DELETE ON `appraisals`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `career_conversations_facts_insert` AFTER INSERT ON `career_conversations`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `career_conversations_facts_update` AFTER UPDATE ON `career_conversations`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `career_conversations_facts_delete` AFTER DELETE ON `career_conversations`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `supervision_sessions_facts_insert` AFTER INSERT ON `supervision_sessions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `supervision_sessions_facts_update` AFTER UPDATE ON `supervision_sessions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `supervision_sessions_facts_delete` AFTER DELETE ON `supervision_sessions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeships_facts_insert` AFTER INSERT ON `apprenticeships`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeships_facts_update` AFTER UPDATE OF `worker_id`, `status`, `start_date`, `actual_end_date` ON `apprenticeships`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeships_facts_delete` AFTER DELETE ON `apprenticeships`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_requests_facts_insert` AFTER INSERT ON `training_requests`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_requests_facts_update` AFTER UPDATE ON `training_requests`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_requests_facts_delete` AFTER DELETE ON `training_requests`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `cpd_activities_facts_insert` AFTER INSERT ON `cpd_activities`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `cpd_activities_facts_update` AFTER UPDATE ON `cpd_activities`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `cpd_activities_facts_delete` AFTER DELETE ON `cpd_activities`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `competency_assessments_facts_insert` AFTER INSERT ON `competency_assessments`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `competency_assessments_facts_update` AFTER UPDATE ON `competency_assessments`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `competency_assessments_facts_delete` AFTER DELETE ON `competency_assessments`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `pdp_reviews_facts_insert` AFTER INSERT ON `pdp_reviews`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT `worker_id`, 1 FROM `pdps` WHERE `id` = NEW.`pdp_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `pdp_reviews_facts_update` AFTER UPDATE ON `pdp_reviews`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT `worker_id`, 1 FROM `pdps` WHERE `id` = OLD.`pdp_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT `worker_id`, 1 FROM `pdps` WHERE `id` = NEW.`pdp_id` AND NEW.`pdp_id` IS NOT OLD.`pdp_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `pdp_reviews_facts_delete` AFTER DELETE ON `pdp_reviews`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT `worker_id`, 1 FROM `pdps` WHERE `id` = OLD.`pdp_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `workers_facts_insert` AFTER INSERT ON `workers`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`id`, 1 WHERE true
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `workers_facts_update` AFTER UPDATE ON `workers`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`id`, 1 WHERE true
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT 'team:' || OLD.`team_id`, 1 WHERE OLD.`team_id` IS NOT NEW.`team_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `workers_facts_delete` AFTER DELETE ON `workers`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT 'team:' || OLD.`team_id`, 1 WHERE true
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `fact_versions_team_insert` AFTER INSERT ON `fact_versions` WHEN NEW.`subject` <> 'shared' AND NEW.`subject` NOT LIKE 'team:%'
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT 'team:' || `team_id`, 1 FROM `workers` WHERE `id` = NEW.`subject`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `fact_versions_team_update` AFTER UPDATE ON `fact_versions` WHEN NEW.`subject` <> 'shared' AND NEW.`subject` NOT LIKE 'team:%'
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT 'team:' || `team_id`, 1 FROM `workers` WHERE `id` = NEW.`subject`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `competency_statements_facts_insert` AFTER INSERT ON `competency_statements`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `competency_statements_facts_update` AFTER UPDATE ON `competency_statements`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `competency_statements_facts_delete` AFTER DELETE ON `competency_statements`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `framework_versions_facts_insert` AFTER INSERT ON `framework_versions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `framework_versions_facts_update` AFTER UPDATE ON `framework_versions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `framework_versions_facts_delete` AFTER DELETE ON `framework_versions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `frameworks_facts_insert` AFTER INSERT ON `frameworks`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `frameworks_facts_update` AFTER UPDATE ON `frameworks`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `frameworks_facts_delete` AFTER DELETE ON `frameworks`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `stages_facts_insert` AFTER INSERT ON `stages`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `stages_facts_update` AFTER UPDATE ON `stages`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `stages_facts_delete` AFTER DELETE ON `stages`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `settings_facts_insert` AFTER INSERT ON `settings` WHEN NEW.`key` = 'assessed_framework'
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `settings_facts_update` AFTER UPDATE ON `settings` WHEN NEW.`key` = 'assessed_framework' OR OLD.`key` = 'assessed_framework'
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `settings_facts_delete` AFTER DELETE ON `settings` WHEN OLD.`key` = 'assessed_framework'
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;
