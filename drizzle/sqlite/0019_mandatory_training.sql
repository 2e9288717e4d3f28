CREATE TABLE `training_completions` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`completed_on` text NOT NULL,
	`expires_on` text,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` text,
	`removed_at` integer,
	`removed_by` text,
	`removed_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`subject_id`) REFERENCES `training_subjects`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "training_completions_expiry" CHECK("training_completions"."expires_on" is null or "training_completions"."expires_on" >= "training_completions"."completed_on")
);
--> statement-breakpoint
CREATE INDEX `training_completions_worker_idx` ON `training_completions` (`worker_id`,`subject_id`,`completed_on`);--> statement-breakpoint
CREATE INDEX `training_completions_subject_idx` ON `training_completions` (`subject_id`,`expires_on`);--> statement-breakpoint
CREATE TABLE `training_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`sent_by` text,
	`sent_at` integer NOT NULL,
	`subjects` text NOT NULL,
	`delivery` text NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `training_reminders_worker_idx` ON `training_reminders` (`worker_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `training_subject_audiences` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text,
	FOREIGN KEY (`subject_id`) REFERENCES `training_subjects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "training_subject_audiences_ref" CHECK(("training_subject_audiences"."kind" = 'everyone') = ("training_subject_audiences"."ref_id" is null))
);
--> statement-breakpoint
CREATE INDEX `training_subject_audiences_subject_idx` ON `training_subject_audiences` (`subject_id`);--> statement-breakpoint
CREATE TABLE `training_subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`renewal_months` integer,
	`framework` integer DEFAULT false NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "training_subjects_renewal_range" CHECK("training_subjects"."renewal_months" is null or ("training_subjects"."renewal_months" >= 1 and "training_subjects"."renewal_months" <= 120))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_subjects_code_uq` ON `training_subjects` (`code`);