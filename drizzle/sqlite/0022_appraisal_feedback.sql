CREATE TABLE `appraisal_feedback_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`appraisal_id` text NOT NULL,
	`invitee_id` text NOT NULL,
	`invited_by` text NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`does_well` text DEFAULT '' NOT NULL,
	`could_develop` text DEFAULT '' NOT NULL,
	`anything_else` text DEFAULT '' NOT NULL,
	`anonymous` integer,
	`responded_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`invitee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appraisal_feedback_requests_uq` ON `appraisal_feedback_requests` (`appraisal_id`,`invitee_id`);--> statement-breakpoint
CREATE INDEX `appraisal_feedback_requests_invitee_idx` ON `appraisal_feedback_requests` (`invitee_id`,`status`);