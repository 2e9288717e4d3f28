-- The day each live apprenticeship is first at risk (decision record 0029), worked out on read by
-- db/queries/apprenticeship-pipeline.ts and labelled with the apprenticeship's tracking_version, which the triggers
-- below raise in the transaction of every write the tracking is worked out from, whoever writes: the apprenticeship's
-- dates, status, hours a week, standard and summaries (which the triggers of migration apprenticeship_summaries keep),
-- its status history, and its standard's minimum hours. tests/apprenticeship-summaries.test.ts checks them after
-- random writes.
CREATE TABLE `apprenticeship_risk_facts` (
	`apprenticeship_id` text PRIMARY KEY NOT NULL,
	`tracking_version` integer NOT NULL,
	`rules_key` text NOT NULL,
	`at_risk_from` text,
	FOREIGN KEY (`apprenticeship_id`) REFERENCES `apprenticeships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `apprenticeships` ADD `tracking_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE TRIGGER `apprenticeships_tracking_update` AFTER UPDATE OF `status`, `start_date`, `planned_end_date`, `weekly_hours`, `standard_id`, `otj_hours_logged`, `last_reviewed_on`, `next_review_agreed_on` ON `apprenticeships`
BEGIN
  UPDATE `apprenticeships` SET `tracking_version` = `tracking_version` + 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeship_status_changes_tracking_insert` AFTER INSERT ON `apprenticeship_status_changes`
BEGIN
  UPDATE `apprenticeships` SET `tracking_version` = `tracking_version` + 1 WHERE `id` = NEW.`apprenticeship_id`;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeship_status_changes_tracking_update` AFTER UPDATE ON `apprenticeship_status_changes`
BEGIN
  UPDATE `apprenticeships` SET `tracking_version` = `tracking_version` + 1 WHERE `id` IN (OLD.`apprenticeship_id`, NEW.`apprenticeship_id`);
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeship_status_changes_tracking_delete` AFTER DELETE ON `apprenticeship_status_changes`
BEGIN
  UPDATE `apprenticeships` SET `tracking_version` = `tracking_version` + 1 WHERE `id` = OLD.`apprenticeship_id`;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeship_standards_tracking_update` AFTER UPDATE OF `otj_minimum_hours` ON `apprenticeship_standards`
BEGIN
  UPDATE `apprenticeships` SET `tracking_version` = `tracking_version` + 1 WHERE `standard_id` = NEW.`id`;
END;