-- The equity figures' summaries (decision record 0030): each worker's part in a reporting period's figures and in
-- the periods they are checked against, worked out on read by db/queries/equality.ts and labelled with the worker's
-- and the shared versions in fact_versions (migration worker_scorecard_facts). Those triggers already raise a worker's
-- version on their appraisals, training requests, apprenticeships and own row; whether they moved up a stage comes
-- from their positions, so the triggers below raise it on those too. Derived, so left out of PostgreSQL's data version.
CREATE TABLE `worker_equity_facts` (
	`worker_id` text NOT NULL,
	`period_end` text NOT NULL,
	`worker_version` integer NOT NULL,
	`shared_version` integer NOT NULL,
	`figures` text NOT NULL,
	PRIMARY KEY(`period_end`, `worker_id`),
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `worker_equity_facts_worker_idx` ON `worker_equity_facts` (`worker_id`);--> statement-breakpoint
CREATE TRIGGER `worker_positions_facts_insert` AFTER INSERT ON `worker_positions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `worker_positions_facts_update` AFTER UPDATE ON `worker_positions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT NEW.`worker_id`, 1 WHERE NEW.`worker_id` IS NOT NULL AND NEW.`worker_id` IS NOT OLD.`worker_id`
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `worker_positions_facts_delete` AFTER DELETE ON `worker_positions`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT OLD.`worker_id`, 1 WHERE OLD.`worker_id` IS NOT NULL
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;