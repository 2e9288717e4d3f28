-- The audit log is a chain (db/audit-chain.ts): a row goes only at the end, numbered next, with its hash. This refuses
-- `INSERT OR REPLACE` of an existing row (which deletes and inserts without firing the delete trigger), a row slipped
-- in between two others, and a row written without its hash.
CREATE TRIGGER `audit_events_in_order` BEFORE INSERT ON `audit_events`
WHEN NEW.`hash` IS NULL OR NEW.`seq` IS NULL OR NEW.`seq` <> (SELECT coalesce(max(`seq`), 0) FROM `audit_events`) + 1
BEGIN
  SELECT RAISE(ABORT, 'audit_events takes only the next row of its chain');
END;
