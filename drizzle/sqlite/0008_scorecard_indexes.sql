CREATE INDEX `appraisals_held_idx` ON `appraisals` (`status`,`held_on`);--> statement-breakpoint
CREATE INDEX `career_conversations_held_idx` ON `career_conversations` (`held_on`);--> statement-breakpoint
CREATE INDEX `pdp_reviews_reviewed_idx` ON `pdp_reviews` (`reviewed_on`);--> statement-breakpoint
CREATE INDEX `supervision_sessions_held_idx` ON `supervision_sessions` (`held_on`);