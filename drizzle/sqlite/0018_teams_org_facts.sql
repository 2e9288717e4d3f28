-- A team moved to another organisation raises its own version in fact_versions (decision records 0028 and 0032), so
-- its kept scorecard sums and progression events stop counting for the organisation it left, and nothing of that
-- organisation's workers is counted for the one it joined. The app never moves a team; a change made by hand may.
CREATE TRIGGER `teams_facts_update` AFTER UPDATE OF `org_id` ON `teams`
BEGIN
  INSERT INTO `fact_versions` (`subject`, `version`) SELECT 'team:' || NEW.`id`, 1 WHERE true
    ON CONFLICT (`subject`) DO UPDATE SET `version` = `version` + 1;
END;
