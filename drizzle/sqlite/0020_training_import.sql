ALTER TABLE `import_batches` ADD `kind` text DEFAULT 'workers' NOT NULL;--> statement-breakpoint
ALTER TABLE `training_completions` ADD `import_batch_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `training_completions_once_a_day_uq` ON `training_completions` (`worker_id`,`subject_id`,`completed_on`) WHERE "training_completions"."removed_at" is null;