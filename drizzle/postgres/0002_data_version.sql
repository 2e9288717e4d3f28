-- The data version several app instances share (db/insights-cache.ts, decision record 0025): every statement that
-- writes a table the figures are worked out from adds one, in the writer's transaction, so a figure kept by any
-- instance is known to be out of date as soon as the change commits. Sign-in bookkeeping and the audit log change no
-- figure and are left out (a page view writes them). tests/postgres checks every other table has the trigger.
CREATE TABLE data_version (
  id integer PRIMARY KEY CHECK (id = 1),
  n bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO data_version (id, n) VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
    AND tablename NOT IN ('data_version', 'audit_events', 'login_sessions', 'login_throttle', 'password_tokens', 'reminder_deliveries')
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()', t || '_data_version', t);
  END LOOP;
END;
$$;
