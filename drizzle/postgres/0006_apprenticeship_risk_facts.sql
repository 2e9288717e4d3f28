-- The day each live apprenticeship is first at risk (decision record 0029), worked out on read by
-- db/queries/apprenticeship-pipeline.ts and labelled with the apprenticeship's tracking_version, which the triggers
-- below raise in the transaction of every write the tracking is worked out from, whoever writes: the apprenticeship's
-- dates, status, hours a week, standard and summaries (which the triggers of migration apprenticeship_summaries keep),
-- its status history, and its standard's minimum hours. tests/apprenticeship-summaries.test.ts checks them after
-- random writes.
CREATE TABLE "apprenticeship_risk_facts" (
	"apprenticeship_id" text PRIMARY KEY NOT NULL,
	"tracking_version" integer NOT NULL,
	"rules_key" text NOT NULL,
	"at_risk_from" text
);
--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD COLUMN "tracking_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apprenticeship_risk_facts" ADD CONSTRAINT "apprenticeship_risk_facts_apprenticeship_id_apprenticeships_id_fk" FOREIGN KEY ("apprenticeship_id") REFERENCES "public"."apprenticeships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION raise_tracking_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.tracking_version := OLD.tracking_version + 1;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE FUNCTION raise_tracking_of_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE apprenticeships SET tracking_version = tracking_version + 1 WHERE id = OLD.apprenticeship_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.apprenticeship_id IS DISTINCT FROM OLD.apprenticeship_id) THEN
    UPDATE apprenticeships SET tracking_version = tracking_version + 1 WHERE id = NEW.apprenticeship_id;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION raise_tracking_of_standard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE apprenticeships SET tracking_version = tracking_version + 1 WHERE standard_id = NEW.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION raise_every_tracking_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE apprenticeships SET tracking_version = tracking_version + 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER apprenticeships_tracking BEFORE UPDATE OF status, start_date, planned_end_date, weekly_hours, standard_id, otj_hours_logged, last_reviewed_on, next_review_agreed_on ON apprenticeships FOR EACH ROW EXECUTE FUNCTION raise_tracking_version();--> statement-breakpoint
CREATE TRIGGER apprenticeship_status_changes_tracking AFTER INSERT OR UPDATE OR DELETE ON apprenticeship_status_changes FOR EACH ROW EXECUTE FUNCTION raise_tracking_of_status_change();--> statement-breakpoint
CREATE TRIGGER apprenticeship_status_changes_tracking_truncate AFTER TRUNCATE ON apprenticeship_status_changes FOR EACH STATEMENT EXECUTE FUNCTION raise_every_tracking_version();--> statement-breakpoint
CREATE TRIGGER apprenticeship_standards_tracking AFTER UPDATE OF otj_minimum_hours ON apprenticeship_standards FOR EACH ROW EXECUTE FUNCTION raise_tracking_of_standard();