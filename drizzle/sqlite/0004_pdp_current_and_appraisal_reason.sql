ALTER TABLE `appraisals` ADD `status_reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `pdps_one_current_uq` ON `pdps` (`worker_id`) WHERE "pdps"."status" <> 'closed';