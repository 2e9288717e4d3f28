ALTER TABLE `competency_assessments` ADD `self_assessment_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `competency_statements_version_lineage_uq` ON `competency_statements` (`version_id`,`lineage_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `framework_versions_one_draft_uq` ON `framework_versions` (`framework_id`) WHERE "framework_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX `framework_versions_one_published_uq` ON `framework_versions` (`framework_id`) WHERE "framework_versions"."status" = 'published';