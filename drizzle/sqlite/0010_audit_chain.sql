ALTER TABLE `audit_events` ADD `address` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `session_id` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `hash` text;