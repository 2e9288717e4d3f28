DROP INDEX `competency_assessments_worker_status_idx`;--> statement-breakpoint
CREATE INDEX `competency_assessments_statement_idx` ON `competency_assessments` (`statement_id`);--> statement-breakpoint
CREATE INDEX `competency_assessments_worker_status_idx` ON `competency_assessments` (`worker_id`,`status`,`statement_id`,`signed_off_on`,`expires_on`);--> statement-breakpoint
DROP INDEX `cpd_activities_worker_idx`;--> statement-breakpoint
CREATE INDEX `cpd_activities_worker_idx` ON `cpd_activities` (`worker_id`,`activity_on`,`hours`,`learning`,`type`);