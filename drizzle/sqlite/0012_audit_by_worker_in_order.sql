-- A worker's latest audited change is the last entry of their range in this index: what a person's kept inbox is
-- checked against on every page (db/queries/inbox.ts, decision record 0026).
DROP INDEX `audit_events_worker_idx`;--> statement-breakpoint
CREATE INDEX `audit_events_worker_idx` ON `audit_events` (`worker_id`,`seq`);
