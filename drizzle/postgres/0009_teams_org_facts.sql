-- A team moved to another organisation raises its own version in fact_versions (decision records 0028 and 0032), so
-- its kept scorecard sums and progression events stop counting for the organisation it left, and nothing of that
-- organisation's workers is counted for the one it joined. The app never moves a team; a change made by hand may.
CREATE FUNCTION bump_team_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO fact_versions (subject, version) VALUES ('team:' || NEW.id, 1)
    ON CONFLICT (subject) DO UPDATE SET version = fact_versions.version + 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER teams_facts AFTER UPDATE OF org_id ON teams FOR EACH ROW EXECUTE FUNCTION bump_team_facts();
