-- Summaries of each apprenticeship's off-the-job log and progress reviews on its own row, as on SQLite
-- (drizzle/sqlite/0013; decision record 0027): kept by triggers in the writer's transaction, whoever writes, each
-- working its value out again from the rows it summarises. tests/apprenticeship-summaries.test.ts recomputes them.
ALTER TABLE "apprenticeships" ADD COLUMN "otj_hours_logged" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD COLUMN "last_reviewed_on" text;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD COLUMN "next_review_agreed_on" text;--> statement-breakpoint
-- Each locks the apprenticeship's row first, then works its value out in a statement of its own: under READ COMMITTED
-- that statement sees every entry committed by a writer that held the lock before, so two writers at once cannot
-- leave a total that misses the other's entry. FOR NO KEY UPDATE, the lock the UPDATE takes anyway: the entry's
-- foreign key check holds a KEY SHARE lock on the same row, which FOR UPDATE would wait on (a deadlock between two
-- writers).
CREATE FUNCTION apprenticeship_otj_summary(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM apprenticeships WHERE id = target FOR NO KEY UPDATE;
  UPDATE apprenticeships SET otj_hours_logged = (SELECT coalesce(sum(hours), 0) FROM otj_logs WHERE apprenticeship_id = target)
  WHERE id = target;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION apprenticeship_review_summary(target text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM apprenticeships WHERE id = target FOR NO KEY UPDATE;
  UPDATE apprenticeships SET
    last_reviewed_on = (SELECT max(reviewed_on) FROM apprenticeship_reviews WHERE apprenticeship_id = target),
    next_review_agreed_on = (SELECT next_review_on FROM apprenticeship_reviews WHERE apprenticeship_id = target
      ORDER BY reviewed_on DESC, created_at DESC, id DESC LIMIT 1)
  WHERE id = target;
END;
$$;
--> statement-breakpoint
UPDATE apprenticeships SET
  otj_hours_logged = (SELECT coalesce(sum(hours), 0) FROM otj_logs WHERE apprenticeship_id = apprenticeships.id),
  last_reviewed_on = (SELECT max(reviewed_on) FROM apprenticeship_reviews WHERE apprenticeship_id = apprenticeships.id),
  next_review_agreed_on = (SELECT next_review_on FROM apprenticeship_reviews WHERE apprenticeship_id = apprenticeships.id
    ORDER BY reviewed_on DESC, created_at DESC, id DESC LIMIT 1);
--> statement-breakpoint
CREATE FUNCTION otj_logs_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM apprenticeship_otj_summary(OLD.apprenticeship_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM apprenticeship_otj_summary(NEW.apprenticeship_id); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER otj_logs_summary AFTER INSERT OR DELETE OR UPDATE OF apprenticeship_id, hours ON otj_logs FOR EACH ROW EXECUTE FUNCTION otj_logs_summary();
--> statement-breakpoint
CREATE FUNCTION otj_logs_summary_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE apprenticeships SET otj_hours_logged = 0 WHERE otj_hours_logged <> 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER otj_logs_summary_truncate AFTER TRUNCATE ON otj_logs FOR EACH STATEMENT EXECUTE FUNCTION otj_logs_summary_truncate();
--> statement-breakpoint
CREATE FUNCTION apprenticeship_reviews_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM apprenticeship_review_summary(OLD.apprenticeship_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM apprenticeship_review_summary(NEW.apprenticeship_id); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER apprenticeship_reviews_summary AFTER INSERT OR DELETE OR UPDATE OF apprenticeship_id, reviewed_on, next_review_on, created_at ON apprenticeship_reviews FOR EACH ROW EXECUTE FUNCTION apprenticeship_reviews_summary();
--> statement-breakpoint
CREATE FUNCTION apprenticeship_reviews_summary_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE apprenticeships SET last_reviewed_on = NULL, next_review_agreed_on = NULL WHERE last_reviewed_on IS NOT NULL OR next_review_agreed_on IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER apprenticeship_reviews_summary_truncate AFTER TRUNCATE ON apprenticeship_reviews FOR EACH STATEMENT EXECUTE FUNCTION apprenticeship_reviews_summary_truncate();
