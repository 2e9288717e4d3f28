CREATE TABLE `bands` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bands_code_uq` ON `bands` (`code`);--> statement-breakpoint
CREATE TABLE `care_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `care_settings_code_uq` ON `care_settings` (`code`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`ods_code` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `professions` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `professions_code_uq` ON `professions` (`code`);--> statement-breakpoint
CREATE TABLE `resources` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`profession_id` text,
	`type` text NOT NULL,
	`url` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`profession_id`) REFERENCES `professions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `resources_profession_idx` ON `resources` (`profession_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stages` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`education_level` integer,
	`framework_stage` text,
	`rank` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stages_code_uq` ON `stages` (`code`);--> statement-breakpoint
CREATE TABLE `equality_monitoring` (
	`worker_id` text PRIMARY KEY NOT NULL,
	`ethnic_group` text,
	`disability` text,
	`sex` text,
	`age_band` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `login_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`method` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`ended_at` integer,
	`end_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `login_sessions_user_idx` ON `login_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `password_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_tokens_hash_uq` ON `password_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_tokens_user_idx` ON `password_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `team_managers` (
	`team_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`team_id`, `user_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_managers_user_idx` ON `team_managers` (`user_id`);--> statement-breakpoint
CREATE TABLE `team_professions` (
	`team_id` text NOT NULL,
	`profession_id` text NOT NULL,
	PRIMARY KEY(`team_id`, `profession_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`profession_id`) REFERENCES `professions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`service` text DEFAULT '' NOT NULL,
	`care_setting_id` text,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`care_setting_id`) REFERENCES `care_settings`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_org_name_uq` ON `teams` (`org_id`,`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`status` text DEFAULT 'active' NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`last_sign_in_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_org_role_idx` ON `users` (`org_id`,`role`);--> statement-breakpoint
CREATE TABLE `worker_positions` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`stage_id` text NOT NULL,
	`band_id` text,
	`job_title` text NOT NULL,
	`team_id` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`band_id`) REFERENCES `bands`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `worker_positions_worker_idx` ON `worker_positions` (`worker_id`,`effective_from`);--> statement-breakpoint
CREATE INDEX `worker_positions_from_idx` ON `worker_positions` (`effective_from`);--> statement-breakpoint
CREATE TABLE `workers` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`user_id` text,
	`employee_number` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`job_title` text NOT NULL,
	`profession_id` text NOT NULL,
	`stage_id` text NOT NULL,
	`band_id` text,
	`care_setting_id` text,
	`team_id` text NOT NULL,
	`line_manager_id` text,
	`fte` real NOT NULL,
	`contract_start` text NOT NULL,
	`contract_end` text,
	`status` text DEFAULT 'in_post' NOT NULL,
	`leaving_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`profession_id`) REFERENCES `professions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`stage_id`) REFERENCES `stages`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`band_id`) REFERENCES `bands`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`care_setting_id`) REFERENCES `care_settings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`line_manager_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "workers_fte_range" CHECK("workers"."fte" > 0 and "workers"."fte" <= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workers_org_employee_number_uq` ON `workers` (`org_id`,`employee_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `workers_user_uq` ON `workers` (`user_id`);--> statement-breakpoint
CREATE INDEX `workers_team_idx` ON `workers` (`team_id`,`status`);--> statement-breakpoint
CREATE INDEX `workers_line_manager_idx` ON `workers` (`line_manager_id`);--> statement-breakpoint
CREATE INDEX `workers_org_status_idx` ON `workers` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `workers_profession_idx` ON `workers` (`profession_id`);--> statement-breakpoint
CREATE INDEX `workers_stage_idx` ON `workers` (`stage_id`);--> statement-breakpoint
CREATE INDEX `workers_name_idx` ON `workers` (`last_name`,`first_name`);--> statement-breakpoint
CREATE TABLE `competency_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`statement_id` text NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`confidence` integer,
	`self_assessed_at` integer,
	`signed_off_on` text,
	`signed_off_by` text,
	`assessor_name` text,
	`assessor_profession` text,
	`assessor_registration` text,
	`expires_on` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`statement_id`) REFERENCES `competency_statements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "competency_assessments_confidence" CHECK("competency_assessments"."confidence" is null or "competency_assessments"."confidence" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competency_assessments_uq` ON `competency_assessments` (`worker_id`,`statement_id`);--> statement-breakpoint
CREATE INDEX `competency_assessments_status_idx` ON `competency_assessments` (`status`,`signed_off_on`);--> statement-breakpoint
CREATE INDEX `competency_assessments_expiry_idx` ON `competency_assessments` (`expires_on`);--> statement-breakpoint
CREATE TABLE `competency_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`type` text NOT NULL,
	`evidence_date` text NOT NULL,
	`description` text NOT NULL,
	`link` text,
	`added_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `competency_assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `competency_evidence_assessment_idx` ON `competency_evidence` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `competency_reopenings` (
	`id` text PRIMARY KEY NOT NULL,
	`assessment_id` text NOT NULL,
	`reason` text NOT NULL,
	`reopened_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `competency_assessments`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `competency_reopenings_assessment_idx` ON `competency_reopenings` (`assessment_id`);--> statement-breakpoint
CREATE TABLE `competency_statements` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`domain_id` text NOT NULL,
	`stage` text NOT NULL,
	`number` text NOT NULL,
	`lineage_key` text NOT NULL,
	`text` text NOT NULL,
	`renewal_months` integer,
	`bespoke` integer DEFAULT false NOT NULL,
	`profession_id` text,
	`team_id` text,
	`source_ref` text,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`domain_id`) REFERENCES `framework_domains`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`profession_id`) REFERENCES `professions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "competency_statements_renewal_positive" CHECK("competency_statements"."renewal_months" is null or "competency_statements"."renewal_months" > 0)
);
--> statement-breakpoint
CREATE INDEX `competency_statements_version_stage_idx` ON `competency_statements` (`version_id`,`stage`);--> statement-breakpoint
CREATE INDEX `competency_statements_lineage_idx` ON `competency_statements` (`lineage_key`);--> statement-breakpoint
CREATE TABLE `framework_domains` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_domains_uq` ON `framework_domains` (`version_id`,`number`);--> statement-breakpoint
CREATE TABLE `framework_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`framework_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`published_at` integer,
	`published_by` text,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_versions_uq` ON `framework_versions` (`framework_id`,`version`);--> statement-breakpoint
CREATE TABLE `frameworks` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`source_url` text,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `frameworks_key_uq` ON `frameworks` (`key`);--> statement-breakpoint
CREATE TABLE `appraisal_objective_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`appraisal_id` text NOT NULL,
	`objective` text NOT NULL,
	`outcome` text,
	`comment` text DEFAULT '' NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `appraisal_objective_reviews_idx` ON `appraisal_objective_reviews` (`appraisal_id`);--> statement-breakpoint
CREATE TABLE `appraisal_objectives` (
	`id` text PRIMARY KEY NOT NULL,
	`appraisal_id` text NOT NULL,
	`title` text NOT NULL,
	`success_measure` text DEFAULT '' NOT NULL,
	`target_date` text,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `appraisal_objectives_idx` ON `appraisal_objectives` (`appraisal_id`);--> statement-breakpoint
CREATE TABLE `appraisal_reopenings` (
	`id` text PRIMARY KEY NOT NULL,
	`appraisal_id` text NOT NULL,
	`reason` text NOT NULL,
	`reopened_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `appraisal_reopenings_idx` ON `appraisal_reopenings` (`appraisal_id`);--> statement-breakpoint
CREATE TABLE `appraisals` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`appraiser_id` text,
	`scheduled_for` text NOT NULL,
	`held_on` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`achievements` text DEFAULT '' NOT NULL,
	`wellbeing` text DEFAULT '' NOT NULL,
	`feedback` text DEFAULT '' NOT NULL,
	`training_needs` text DEFAULT '' NOT NULL,
	`appraiser_summary` text DEFAULT '' NOT NULL,
	`worker_comments` text DEFAULT '' NOT NULL,
	`worker_signed_at` integer,
	`completed_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`appraiser_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `appraisals_worker_idx` ON `appraisals` (`worker_id`,`status`,`held_on`);--> statement-breakpoint
CREATE INDEX `appraisals_scheduled_idx` ON `appraisals` (`status`,`scheduled_for`);--> statement-breakpoint
CREATE TABLE `barriers` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`goal_id` text,
	`conversation_id` text,
	`category` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`recorded_on` text NOT NULL,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`goal_id`) REFERENCES `pdp_goals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`conversation_id`) REFERENCES `career_conversations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "barriers_one_source" CHECK(("barriers"."goal_id" is null) <> ("barriers"."conversation_id" is null)),
	CONSTRAINT "barriers_other_has_detail" CHECK("barriers"."category" <> 'other' or length(trim("barriers"."detail")) > 0)
);
--> statement-breakpoint
CREATE INDEX `barriers_worker_idx` ON `barriers` (`worker_id`);--> statement-breakpoint
CREATE INDEX `barriers_category_idx` ON `barriers` (`category`,`recorded_on`);--> statement-breakpoint
CREATE INDEX `barriers_goal_idx` ON `barriers` (`goal_id`);--> statement-breakpoint
CREATE INDEX `barriers_conversation_idx` ON `barriers` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `career_conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`appraisal_id` text,
	`held_on` text NOT NULL,
	`held_by` text,
	`aspiration` text NOT NULL,
	`aspiration_detail` text DEFAULT '' NOT NULL,
	`target_profession_id` text,
	`apprenticeship_interest` text NOT NULL,
	`options_discussed` text DEFAULT '' NOT NULL,
	`next_conversation_on` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`held_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`target_profession_id`) REFERENCES `professions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `career_conversations_worker_idx` ON `career_conversations` (`worker_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `career_conversations_next_idx` ON `career_conversations` (`next_conversation_on`);--> statement-breakpoint
CREATE TABLE `career_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`description` text NOT NULL,
	`due_on` text,
	`done_on` text,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `career_conversations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `career_steps_conversation_idx` ON `career_steps` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `pdp_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text,
	`done_on` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `pdp_goals`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `pdp_actions_goal_idx` ON `pdp_actions` (`goal_id`);--> statement-breakpoint
CREATE INDEX `pdp_actions_due_idx` ON `pdp_actions` (`due_on`);--> statement-breakpoint
CREATE TABLE `pdp_goal_domains` (
	`goal_id` text NOT NULL,
	`domain_id` text NOT NULL,
	PRIMARY KEY(`goal_id`, `domain_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `pdp_goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`domain_id`) REFERENCES `framework_domains`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `pdp_goal_statements` (
	`goal_id` text NOT NULL,
	`statement_id` text NOT NULL,
	PRIMARY KEY(`goal_id`, `statement_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `pdp_goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`statement_id`) REFERENCES `competency_statements`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `pdp_goal_support` (
	`goal_id` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`goal_id`, `kind`),
	FOREIGN KEY (`goal_id`) REFERENCES `pdp_goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `pdp_goals` (
	`id` text PRIMARY KEY NOT NULL,
	`pdp_id` text NOT NULL,
	`title` text NOT NULL,
	`why` text DEFAULT '' NOT NULL,
	`success_measure` text DEFAULT '' NOT NULL,
	`target_date` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`status_reason` text,
	`proposed_by` text NOT NULL,
	`agreed_at` integer,
	`source_objective_id` text,
	`source_step_id` text,
	`sort` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pdp_id`) REFERENCES `pdps`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`source_objective_id`) REFERENCES `appraisal_objectives`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`source_step_id`) REFERENCES `career_steps`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pdp_goals_pdp_idx` ON `pdp_goals` (`pdp_id`,`status`);--> statement-breakpoint
CREATE INDEX `pdp_goals_target_idx` ON `pdp_goals` (`target_date`);--> statement-breakpoint
CREATE TABLE `pdp_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`author_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `pdp_goals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pdp_notes_goal_idx` ON `pdp_notes` (`goal_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `pdp_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`pdp_id` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`summary` text NOT NULL,
	`next_review_on` text,
	`reviewer_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pdp_id`) REFERENCES `pdps`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pdp_reviews_pdp_idx` ON `pdp_reviews` (`pdp_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `pdps` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`worker_agreed_at` integer,
	`manager_agreed_at` integer,
	`manager_agreed_by` text,
	`next_review_on` text,
	`closed_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`manager_agreed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "pdps_period_order" CHECK("pdps"."period_end" > "pdps"."period_start")
);
--> statement-breakpoint
CREATE INDEX `pdps_worker_idx` ON `pdps` (`worker_id`,`status`);--> statement-breakpoint
CREATE INDEX `pdps_next_review_idx` ON `pdps` (`status`,`next_review_on`);--> statement-breakpoint
CREATE TABLE `apprenticeship_options` (
	`id` text PRIMARY KEY NOT NULL,
	`standard_id` text NOT NULL,
	`name` text NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`standard_id`) REFERENCES `apprenticeship_standards`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `apprenticeship_options_standard_idx` ON `apprenticeship_options` (`standard_id`);--> statement-breakpoint
CREATE TABLE `apprenticeship_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`apprenticeship_id` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`attendees` text NOT NULL,
	`progress` text DEFAULT '' NOT NULL,
	`concerns` text DEFAULT '' NOT NULL,
	`actions` text DEFAULT '' NOT NULL,
	`next_review_on` text,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`apprenticeship_id`) REFERENCES `apprenticeships`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `apprenticeship_reviews_idx` ON `apprenticeship_reviews` (`apprenticeship_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `apprenticeship_standards` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`level` integer NOT NULL,
	`typical_duration_months` integer NOT NULL,
	`otj_minimum_hours` integer,
	`profession_id` text,
	`retired_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`profession_id`) REFERENCES `professions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `apprenticeship_standards_reference_uq` ON `apprenticeship_standards` (`reference`);--> statement-breakpoint
CREATE TABLE `apprenticeship_status_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`apprenticeship_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`effective_on` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`changed_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`apprenticeship_id`) REFERENCES `apprenticeships`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `apprenticeship_status_changes_idx` ON `apprenticeship_status_changes` (`apprenticeship_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `apprenticeships` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`standard_id` text NOT NULL,
	`option_id` text,
	`provider` text NOT NULL,
	`start_date` text NOT NULL,
	`planned_end_date` text NOT NULL,
	`actual_end_date` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`withdrawn_reason` text,
	`weekly_hours` real DEFAULT 37.5 NOT NULL,
	`epa_result` text,
	`epa_result_on` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`standard_id`) REFERENCES `apprenticeship_standards`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`option_id`) REFERENCES `apprenticeship_options`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "apprenticeships_dates" CHECK("apprenticeships"."planned_end_date" > "apprenticeships"."start_date")
);
--> statement-breakpoint
CREATE INDEX `apprenticeships_worker_idx` ON `apprenticeships` (`worker_id`,`status`);--> statement-breakpoint
CREATE INDEX `apprenticeships_status_idx` ON `apprenticeships` (`status`,`planned_end_date`);--> statement-breakpoint
CREATE INDEX `apprenticeships_standard_idx` ON `apprenticeships` (`standard_id`);--> statement-breakpoint
CREATE TABLE `gateway_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`apprenticeship_id` text NOT NULL,
	`requirement_id` text NOT NULL,
	`completed_on` text NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`checked_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`apprenticeship_id`) REFERENCES `apprenticeships`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`requirement_id`) REFERENCES `gateway_requirements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`checked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gateway_checks_uq` ON `gateway_checks` (`apprenticeship_id`,`requirement_id`);--> statement-breakpoint
CREATE TABLE `gateway_requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`standard_id` text NOT NULL,
	`label` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`standard_id`) REFERENCES `apprenticeship_standards`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `gateway_requirements_standard_idx` ON `gateway_requirements` (`standard_id`);--> statement-breakpoint
CREATE TABLE `otj_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`apprenticeship_id` text NOT NULL,
	`activity_on` text NOT NULL,
	`hours` real NOT NULL,
	`activity_type` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`logged_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`apprenticeship_id`) REFERENCES `apprenticeships`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`logged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "otj_logs_hours_range" CHECK("otj_logs"."hours" > 0 and "otj_logs"."hours" <= 24)
);
--> statement-breakpoint
CREATE INDEX `otj_logs_apprenticeship_idx` ON `otj_logs` (`apprenticeship_id`,`activity_on`);--> statement-breakpoint
CREATE TABLE `otj_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`kind` text NOT NULL,
	`value` real NOT NULL,
	`minimum_hours` integer,
	`description` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cpd_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`activity_on` text NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`learning` text NOT NULL,
	`hours` real NOT NULL,
	`reflection_what` text DEFAULT '' NOT NULL,
	`reflection_so_what` text DEFAULT '' NOT NULL,
	`reflection_now_what` text DEFAULT '' NOT NULL,
	`pdp_goal_id` text,
	`training_request_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`pdp_goal_id`) REFERENCES `pdp_goals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`training_request_id`) REFERENCES `training_requests`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "cpd_activities_hours_range" CHECK("cpd_activities"."hours" > 0 and "cpd_activities"."hours" <= 24)
);
--> statement-breakpoint
CREATE INDEX `cpd_activities_worker_idx` ON `cpd_activities` (`worker_id`,`activity_on`);--> statement-breakpoint
CREATE INDEX `cpd_activities_date_idx` ON `cpd_activities` (`activity_on`);--> statement-breakpoint
CREATE TABLE `delegated_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`task` text NOT NULL,
	`delegated_by_name` text NOT NULL,
	`delegated_by_profession` text DEFAULT '' NOT NULL,
	`delegated_by_registration` text,
	`supervision_level` text NOT NULL,
	`competent_since` text NOT NULL,
	`review_on` text NOT NULL,
	`ended_on` text,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `delegated_tasks_worker_idx` ON `delegated_tasks` (`worker_id`);--> statement-breakpoint
CREATE INDEX `delegated_tasks_review_idx` ON `delegated_tasks` (`ended_on`,`review_on`);--> statement-breakpoint
CREATE TABLE `supervision_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`held_on` text NOT NULL,
	`supervisor_id` text,
	`supervisor_name` text NOT NULL,
	`type` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`actions` text DEFAULT '' NOT NULL,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`supervisor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `supervision_sessions_worker_idx` ON `supervision_sessions` (`worker_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `training_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`worker_id` text NOT NULL,
	`title` text NOT NULL,
	`provider` text DEFAULT '' NOT NULL,
	`cost_pence` integer,
	`starts_on` text,
	`ends_on` text,
	`pdp_goal_id` text,
	`why` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`requested_by` text,
	`requested_at` integer NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decline_reason` text,
	`decline_detail` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`worker_id`) REFERENCES `workers`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`pdp_goal_id`) REFERENCES `pdp_goals`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "training_requests_decline_has_reason" CHECK("training_requests"."status" <> 'declined' or "training_requests"."decline_reason" is not null),
	CONSTRAINT "training_requests_dates" CHECK("training_requests"."ends_on" is null or "training_requests"."starts_on" is null or "training_requests"."ends_on" >= "training_requests"."starts_on")
);
--> statement-breakpoint
CREATE INDEX `training_requests_worker_idx` ON `training_requests` (`worker_id`,`status`);--> statement-breakpoint
CREATE INDEX `training_requests_status_idx` ON `training_requests` (`status`,`requested_at`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`worker_id` text,
	`summary` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `audit_events_entity_idx` ON `audit_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_events_worker_idx` ON `audit_events` (`worker_id`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`);--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE TABLE `reminder_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`reminder_key` text NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_deliveries_uq` ON `reminder_deliveries` (`user_id`,`reminder_key`);