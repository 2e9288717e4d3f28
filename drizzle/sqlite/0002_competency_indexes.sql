DROP INDEX `competency_assessments_status_idx`;--> statement-breakpoint
CREATE INDEX `competency_assessments_worker_status_idx` ON `competency_assessments` (`worker_id`,`status`);--> statement-breakpoint
CREATE INDEX `competency_assessments_signed_on_idx` ON `competency_assessments` (`signed_off_on`);