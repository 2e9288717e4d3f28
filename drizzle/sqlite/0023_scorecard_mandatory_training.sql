-- The scorecard's measure of mandatory training in date (decision records 0028 and 0033): each worker's facts and each
-- team's sums count the current subjects a worker needs and how many are in date on the period's last day. A
-- completion raises its worker's version in fact_versions; a subject or who needs it, the shared version; a team's
-- care setting (a worker without one of their own needs what their team's asks), the versions of its workers who have
-- none. The facts kept before this migration counted no mandatory training: the shared version is raised once, so
-- every one is worked out again on its next view.
ALTER TABLE `team_scorecard_facts` ADD `mandatory_owed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `team_scorecard_facts` ADD `mandatory_in_date` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `worker_scorecard_facts` ADD `mandatory_owed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `worker_scorecard_facts` ADD `mandatory_in_date` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `training_completions_facts_insert` AFTER INSERT ON `training_completions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_completions_facts_update` AFTER UPDATE ON `training_completions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_completions_facts_delete` AFTER DELETE ON `training_completions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_subjects_facts_insert` AFTER INSERT ON `training_subjects`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_subjects_facts_update` AFTER UPDATE ON `training_subjects`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_subjects_facts_delete` AFTER DELETE ON `training_subjects`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_subject_audiences_facts_insert` AFTER INSERT ON `training_subject_audiences`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_subject_audiences_facts_update` AFTER UPDATE ON `training_subject_audiences`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `training_subject_audiences_facts_delete` AFTER DELETE ON `training_subject_audiences`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
DROP TRIGGER `teams_facts_update`;--> statement-breakpoint
CREATE TRIGGER `teams_facts_update` AFTER UPDATE OF `org_id`, `care_setting_id` ON `teams`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT 'team:' || NEW.`id`, 1 WHERE true
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT `id`, 1 FROM `workers`
    WHERE `team_id` = NEW.`id` AND `care_setting_id` IS NULL AND NEW.`care_setting_id` IS NOT OLD.`care_setting_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
INSERT INTO `fact_versions` (`subject`, `version`) VALUES ('shared', 1)
  ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
