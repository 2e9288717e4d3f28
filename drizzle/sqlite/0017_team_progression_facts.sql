-- Each team's progression events by month (decision record 0032), worked out on read by db/queries/progression.ts
-- and labelled with the team's and the shared versions in fact_versions, which the triggers of migration
-- worker_scorecard_facts and equity_facts already raise on every write the events come from (positions,
-- apprenticeships, competency sign-offs, the worker's own row, stages). Derived, so left out of PostgreSQL's data version.
CREATE TABLE `team_progression_facts` (
	`team_id` text NOT NULL,
	`period_end` text NOT NULL,
	`team_version` integer NOT NULL,
	`shared_version` integer NOT NULL,
	`figures` text NOT NULL,
	PRIMARY KEY(`period_end`, `team_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_progression_facts_team_idx` ON `team_progression_facts` (`team_id`);