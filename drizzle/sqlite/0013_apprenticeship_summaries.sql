-- Summaries of each apprenticeship's off-the-job log and progress reviews on its own row (decision record 0027): the
-- pipeline and the inbox read one row an apprenticeship instead of totalling every log. Triggers keep them in the
-- writer's transaction, whoever writes (the app, the seed, an import, a fix made by hand), each working its value out
-- again from the rows it summarises rather than adding and taking away, so it can never drift.
-- tests/apprenticeship-summaries.test.ts recomputes them after random writes.
ALTER TABLE `apprenticeships` ADD `otj_hours_logged` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `apprenticeships` ADD `last_reviewed_on` text;--> statement-breakpoint
ALTER TABLE `apprenticeships` ADD `next_review_agreed_on` text;--> statement-breakpoint
UPDATE `apprenticeships` SET
  `otj_hours_logged` = (SELECT coalesce(sum(`hours`), 0) FROM `otj_logs` WHERE `apprenticeship_id` = `apprenticeships`.`id`),
  `last_reviewed_on` = (SELECT max(`reviewed_on`) FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = `apprenticeships`.`id`),
  `next_review_agreed_on` = (SELECT `next_review_on` FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = `apprenticeships`.`id`
    ORDER BY `reviewed_on` DESC, `created_at` DESC, `id` DESC LIMIT 1);--> statement-breakpoint
CREATE TRIGGER `otj_logs_summary_insert` AFTER INSERT ON `otj_logs`
BEGIN
  UPDATE `apprenticeships` SET `otj_hours_logged` = (SELECT coalesce(sum(`hours`), 0) FROM `otj_logs` WHERE `apprenticeship_id` = NEW.`apprenticeship_id`)
  WHERE `id` = NEW.`apprenticeship_id`;
END;--> statement-breakpoint
CREATE TRIGGER `otj_logs_summary_update` AFTER UPDATE OF `apprenticeship_id`, `hours` ON `otj_logs`
BEGIN
  UPDATE `apprenticeships` SET `otj_hours_logged` = (SELECT coalesce(sum(`hours`), 0) FROM `otj_logs` WHERE `apprenticeship_id` = OLD.`apprenticeship_id`)
  WHERE `id` = OLD.`apprenticeship_id`;
  UPDATE `apprenticeships` SET `otj_hours_logged` = (SELECT coalesce(sum(`hours`), 0) FROM `otj_logs` WHERE `apprenticeship_id` = NEW.`apprenticeship_id`)
  WHERE `id` = NEW.`apprenticeship_id`;
END;--> statement-breakpoint
CREATE TRIGGER `otj_logs_summary_delete` AFTER DELETE ON `otj_logs`
BEGIN
  UPDATE `apprenticeships` SET `otj_hours_logged` = (SELECT coalesce(sum(`hours`), 0) FROM `otj_logs` WHERE `apprenticeship_id` = OLD.`apprenticeship_id`)
  WHERE `id` = OLD.`apprenticeship_id`;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeship_reviews_summary_insert` AFTER INSERT ON `apprenticeship_reviews`
BEGIN
  UPDATE `apprenticeships` SET
    `last_reviewed_on` = (SELECT max(`reviewed_on`) FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = NEW.`apprenticeship_id`),
    `next_review_agreed_on` = (SELECT `next_review_on` FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = NEW.`apprenticeship_id`
      ORDER BY `reviewed_on` DESC, `created_at` DESC, `id` DESC LIMIT 1)
  WHERE `id` = NEW.`apprenticeship_id`;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeship_reviews_summary_update` AFTER UPDATE OF `apprenticeship_id`, `reviewed_on`, `next_review_on`, `created_at` ON `apprenticeship_reviews`
BEGIN
  UPDATE `apprenticeships` SET
    `last_reviewed_on` = (SELECT max(`reviewed_on`) FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = OLD.`apprenticeship_id`),
    `next_review_agreed_on` = (SELECT `next_review_on` FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = OLD.`apprenticeship_id`
      ORDER BY `reviewed_on` DESC, `created_at` DESC, `id` DESC LIMIT 1)
  WHERE `id` = OLD.`apprenticeship_id`;
  UPDATE `apprenticeships` SET
    `last_reviewed_on` = (SELECT max(`reviewed_on`) FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = NEW.`apprenticeship_id`),
    `next_review_agreed_on` = (SELECT `next_review_on` FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = NEW.`apprenticeship_id`
      ORDER BY `reviewed_on` DESC, `created_at` DESC, `id` DESC LIMIT 1)
  WHERE `id` = NEW.`apprenticeship_id`;
END;--> statement-breakpoint
CREATE TRIGGER `apprenticeship_reviews_summary_delete` AFTER DELETE ON `apprenticeship_reviews`
BEGIN
  UPDATE `apprenticeships` SET
    `last_reviewed_on` = (SELECT max(`reviewed_on`) FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = OLD.`apprenticeship_id`),
    `next_review_agreed_on` = (SELECT `next_review_on` FROM `apprenticeship_reviews` WHERE `apprenticeship_id` = OLD.`apprenticeship_id`
      ORDER BY `reviewed_on` DESC, `created_at` DESC, `id` DESC LIMIT 1)
  WHERE `id` = OLD.`apprenticeship_id`;
END;
