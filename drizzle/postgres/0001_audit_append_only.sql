-- The audit log is append-only and a chain (db/audit-chain.ts), as on SQLite (drizzle/sqlite/0001, 0011): no row is
-- changed or removed, TRUNCATE included, and a row goes only at the end, numbered next, with its hash.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE FUNCTION audit_events_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.hash IS NULL OR NEW.seq IS NULL OR NEW.seq <> (SELECT coalesce(max(seq), 0) FROM audit_events) + 1 THEN
    RAISE EXCEPTION 'audit_events takes only the next row of its chain' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_in_order BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_in_order();
