CREATE TABLE `appraisal_preparations` (
	`id` text PRIMARY KEY NOT NULL,
	`appraisal_id` text NOT NULL,
	`went_well` text DEFAULT '' NOT NULL,
	`was_hard` text DEFAULT '' NOT NULL,
	`want_to_learn` text DEFAULT '' NOT NULL,
	`wellbeing` text DEFAULT '' NOT NULL,
	`career_aspiration` text DEFAULT '' NOT NULL,
	`submitted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appraisal_preparations_appraisal_uq` ON `appraisal_preparations` (`appraisal_id`);--> statement-breakpoint
CREATE TABLE `appraisal_reschedulings` (
	`id` text PRIMARY KEY NOT NULL,
	`appraisal_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`reason` text NOT NULL,
	`rescheduled_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`rescheduled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "appraisal_reschedulings_moves" CHECK("appraisal_reschedulings"."to_date" <> "appraisal_reschedulings"."from_date")
);
--> statement-breakpoint
CREATE INDEX `appraisal_reschedulings_idx` ON `appraisal_reschedulings` (`appraisal_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `appraisals` ADD `appraiser_signed_at` integer;--> statement-breakpoint
ALTER TABLE `appraisals` ADD `appraiser_signed_by` text REFERENCES users(id);