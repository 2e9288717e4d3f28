-- The scorecard's measure of mandatory training in date (decision records 0028 and 0033): each worker's facts and each
-- team's sums count the current subjects a worker needs and how many are in date on the period's last day. A
-- completion raises its worker's version in fact_versions; a subject or who needs it, the shared version; a team's
-- care setting (a worker without one of their own needs what their team's asks), the versions of its workers who have
-- none. The facts kept before this migration counted no mandatory training: the shared version is raised once, so
-- every one is worked out again on its next view.
ALTER TABLE "team_scorecard_facts" ADD COLUMN "mandatory_owed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_scorecard_facts" ADD COLUMN "mandatory_in_date" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_scorecard_facts" ADD COLUMN "mandatory_owed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_scorecard_facts" ADD COLUMN "mandatory_in_date" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_team_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fact_versions (subject, version) VALUES ('team:' || NEW.id, 1)
    ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  IF NEW.care_setting_id IS DISTINCT FROM OLD.care_setting_id THEN
    -- In the order of their ids, as the facts are worked out: two such writes at once wait in one order.
    INSERT INTO fact_versions (subject, version) SELECT id, 1 FROM workers WHERE team_id = NEW.id AND care_setting_id IS NULL ORDER BY id
      ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
DROP TRIGGER teams_facts ON teams;--> statement-breakpoint
CREATE TRIGGER teams_facts AFTER UPDATE OF org_id, care_setting_id ON teams FOR EACH ROW EXECUTE FUNCTION bump_team_facts();--> statement-breakpoint
CREATE TRIGGER training_completions_facts AFTER INSERT OR UPDATE OR DELETE ON training_completions FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER training_completions_facts_truncate AFTER TRUNCATE ON training_completions FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER training_subjects_facts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_subjects FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER training_subject_audiences_facts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_subject_audiences FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
-- The mandatory training tables were made after 0002_data_version without its trigger: a completion recorded on
-- PostgreSQL left every kept figure (the scorecard's, a team's) standing as current (decision record 0025).
CREATE TRIGGER training_subjects_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_subjects FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();--> statement-breakpoint
CREATE TRIGGER training_subject_audiences_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_subject_audiences FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();--> statement-breakpoint
CREATE TRIGGER training_completions_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_completions FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();--> statement-breakpoint
CREATE TRIGGER training_reminders_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON training_reminders FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();--> statement-breakpoint
-- So were the appraisal tables of decision records 0034 and 0035: a move, a preparation or a colleague's feedback left
-- a kept page (an inbox, a home) standing as current on another instance.
CREATE TRIGGER appraisal_reschedulings_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appraisal_reschedulings FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();--> statement-breakpoint
CREATE TRIGGER appraisal_preparations_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appraisal_preparations FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();--> statement-breakpoint
CREATE TRIGGER appraisal_feedback_requests_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON appraisal_feedback_requests FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();--> statement-breakpoint
INSERT INTO fact_versions (subject, version) VALUES ('shared', 1)
  ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
