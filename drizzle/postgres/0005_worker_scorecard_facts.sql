-- The scorecard's summaries (decision record 0028): each worker's facts for a period and each team's sums of them,
-- worked out on read by db/queries/scorecard.ts and labelled with versions in fact_versions (a worker's id, "team:"
-- and a team's id, or "shared"), which the triggers below raise in the transaction of every write the facts come from,
-- whoever writes (the app, the seed, an import, a fix made by hand). Facts whose label no longer matches are worked out
-- again. Derived, so left out of PostgreSQL's data version.
CREATE TABLE "fact_versions" (
	"subject" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_scorecard_facts" (
	"team_id" text NOT NULL,
	"period_end" text NOT NULL,
	"team_version" integer NOT NULL,
	"shared_version" integer NOT NULL,
	"headcount" integer NOT NULL,
	"fte" double precision NOT NULL,
	"due_appraised" integer NOT NULL,
	"pdp_reviewed" integer NOT NULL,
	"appraised" integer NOT NULL,
	"career_conversation" integer NOT NULL,
	"supervised" integer NOT NULL,
	"structured_education" integer NOT NULL,
	"competency_owed" integer NOT NULL,
	"competency_signed" integer NOT NULL,
	"competency_owing" integer NOT NULL,
	"training_decided" integer NOT NULL,
	"training_approved" integer NOT NULL,
	"cpd_per_fte" text NOT NULL,
	CONSTRAINT "team_scorecard_facts_pk" PRIMARY KEY("period_end","team_id")
);
--> statement-breakpoint
CREATE TABLE "worker_scorecard_facts" (
	"worker_id" text NOT NULL,
	"period_end" text NOT NULL,
	"worker_version" integer NOT NULL,
	"shared_version" integer NOT NULL,
	"pdp_reviewed" integer NOT NULL,
	"appraised" integer NOT NULL,
	"career_conversation" integer NOT NULL,
	"supervised" integer NOT NULL,
	"structured_education" integer NOT NULL,
	"last_appraisal_on" text,
	"cpd_hours" double precision NOT NULL,
	"competency_owed" integer NOT NULL,
	"competency_signed" integer NOT NULL,
	"training_decided" integer NOT NULL,
	"training_approved" integer NOT NULL,
	CONSTRAINT "worker_scorecard_facts_pk" PRIMARY KEY("period_end","worker_id")
);
--> statement-breakpoint
ALTER TABLE "team_scorecard_facts" ADD CONSTRAINT "team_scorecard_facts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_scorecard_facts" ADD CONSTRAINT "worker_scorecard_facts_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_scorecard_facts_team_idx" ON "team_scorecard_facts" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "worker_scorecard_facts_worker_idx" ON "worker_scorecard_facts" USING btree ("worker_id");--> statement-breakpoint
CREATE FUNCTION bump_worker_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.worker_id IS NOT NULL THEN
    INSERT INTO fact_versions (subject, version) VALUES (OLD.worker_id, 1)
      ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.worker_id IS NOT NULL THEN
      INSERT INTO fact_versions (subject, version) VALUES (NEW.worker_id, 1)
        ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW.worker_id IS NOT NULL AND NEW.worker_id IS DISTINCT FROM OLD.worker_id THEN
      INSERT INTO fact_versions (subject, version) VALUES (NEW.worker_id, 1)
        ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION bump_pdp_review_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO fact_versions (subject, version) SELECT worker_id, 1 FROM pdps WHERE id = OLD.pdp_id
      ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO fact_versions (subject, version) SELECT worker_id, 1 FROM pdps WHERE id = NEW.pdp_id
      ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW.pdp_id IS DISTINCT FROM OLD.pdp_id THEN
      INSERT INTO fact_versions (subject, version) SELECT worker_id, 1 FROM pdps WHERE id = NEW.pdp_id
        ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION bump_worker_row_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO fact_versions (subject, version) VALUES (NEW.id, 1)
      ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO fact_versions (subject, version) VALUES ('team:' || OLD.team_id, 1)
      ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW.team_id IS DISTINCT FROM OLD.team_id THEN
      INSERT INTO fact_versions (subject, version) VALUES ('team:' || OLD.team_id, 1)
        ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION bump_team_of_worker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fact_versions (subject, version) SELECT 'team:' || team_id, 1 FROM workers WHERE id = NEW.subject
    ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION bump_shared_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fact_versions (subject, version) VALUES ('shared', 1)
    ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER pdps_facts AFTER INSERT OR UPDATE OR DELETE ON pdps FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER appraisals_facts AFTER INSERT OR UPDATE OR DELETE ON appraisals FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER career_conversations_facts AFTER INSERT OR UPDATE OR DELETE ON career_conversations FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER supervision_sessions_facts AFTER INSERT OR UPDATE OR DELETE ON supervision_sessions FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER apprenticeships_facts AFTER INSERT OR UPDATE OF worker_id, status, start_date, actual_end_date OR DELETE ON apprenticeships FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER training_requests_facts AFTER INSERT OR UPDATE OR DELETE ON training_requests FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER cpd_activities_facts AFTER INSERT OR UPDATE OR DELETE ON cpd_activities FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER competency_assessments_facts AFTER INSERT OR UPDATE OR DELETE ON competency_assessments FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER pdp_reviews_facts AFTER INSERT OR UPDATE OR DELETE ON pdp_reviews FOR EACH ROW EXECUTE FUNCTION bump_pdp_review_facts();--> statement-breakpoint
CREATE TRIGGER workers_facts AFTER INSERT OR UPDATE OR DELETE ON workers FOR EACH ROW EXECUTE FUNCTION bump_worker_row_facts();--> statement-breakpoint
CREATE TRIGGER fact_versions_team AFTER INSERT OR UPDATE ON fact_versions FOR EACH ROW WHEN (NEW.subject <> 'shared' AND NEW.subject NOT LIKE 'team:%') EXECUTE FUNCTION bump_team_of_worker();--> statement-breakpoint
CREATE TRIGGER competency_statements_facts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON competency_statements FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER framework_versions_facts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON framework_versions FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER frameworks_facts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON frameworks FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER stages_facts AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON stages FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER settings_facts_insert AFTER INSERT ON settings FOR EACH ROW WHEN (NEW.key = 'assessed_framework') EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER settings_facts_update AFTER UPDATE ON settings FOR EACH ROW WHEN (NEW.key = 'assessed_framework' OR OLD.key = 'assessed_framework') EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER settings_facts_delete AFTER DELETE ON settings FOR EACH ROW WHEN (OLD.key = 'assessed_framework') EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
-- A TRUNCATE fires no row trigger: it makes every worker's facts out of date at once.
CREATE TRIGGER pdps_facts_truncate AFTER TRUNCATE ON pdps FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER appraisals_facts_truncate AFTER TRUNCATE ON appraisals FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER career_conversations_facts_truncate AFTER TRUNCATE ON career_conversations FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER supervision_sessions_facts_truncate AFTER TRUNCATE ON supervision_sessions FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER apprenticeships_facts_truncate AFTER TRUNCATE ON apprenticeships FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER training_requests_facts_truncate AFTER TRUNCATE ON training_requests FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER cpd_activities_facts_truncate AFTER TRUNCATE ON cpd_activities FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER competency_assessments_facts_truncate AFTER TRUNCATE ON competency_assessments FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER pdp_reviews_facts_truncate AFTER TRUNCATE ON pdp_reviews FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER workers_facts_truncate AFTER TRUNCATE ON workers FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();--> statement-breakpoint
CREATE TRIGGER settings_facts_truncate AFTER TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();
