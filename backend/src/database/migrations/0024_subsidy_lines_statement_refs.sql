-- subsidy_lines.period_id and run_id: every line a statement writes references the same period
-- and run (a chunk's lines). As foreign keys they were checked once per line, each check locking
-- the run's row, which every chunk also updates (progress): under concurrent chunks that cost
-- ~3 ms of PostgreSQL CPU per chunk of 100 lines. The same rule is now kept once per statement:
-- the distinct referenced rows are locked FOR KEY SHARE (as the foreign key did) and a missing
-- one is refused; deleting a period or run that lines still reference is refused, as before.
-- (Unlike a foreign key, TRUNCATE ... CASCADE of subsidy_runs no longer reaches subsidy_lines.)
ALTER TABLE "subsidy_lines" DROP CONSTRAINT "subsidy_lines_period_id_subsidy_periods_id_fk";
--> statement-breakpoint
ALTER TABLE "subsidy_lines" DROP CONSTRAINT "subsidy_lines_run_id_subsidy_runs_id_fk";
--> statement-breakpoint
CREATE FUNCTION "subsidy_lines_check_refs"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted int;
  locked int;
BEGIN
  SELECT count(DISTINCT n.period_id) INTO wanted FROM new_lines n;
  SELECT count(*) INTO locked FROM (
    SELECT 1 FROM subsidy_periods p WHERE p.id IN (SELECT n.period_id FROM new_lines n) FOR KEY SHARE) x;
  IF locked <> wanted THEN
    RAISE EXCEPTION 'subsidy_lines references a subsidy period that does not exist'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'subsidy_lines_period_id_fk';
  END IF;
  SELECT count(DISTINCT n.run_id) INTO wanted FROM new_lines n;
  SELECT count(*) INTO locked FROM (
    SELECT 1 FROM subsidy_runs r WHERE r.id IN (SELECT n.run_id FROM new_lines n) FOR KEY SHARE) x;
  IF locked <> wanted THEN
    RAISE EXCEPTION 'subsidy_lines references a subsidy run that does not exist'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'subsidy_lines_run_id_fk';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "subsidy_lines_refs_on_insert" AFTER INSERT ON "subsidy_lines"
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION "subsidy_lines_check_refs"();
--> statement-breakpoint
CREATE TRIGGER "subsidy_lines_refs_on_update" AFTER UPDATE ON "subsidy_lines"
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION "subsidy_lines_check_refs"();
--> statement-breakpoint
CREATE FUNCTION "subsidy_lines_keep_referenced"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'subsidy_runs' AND EXISTS (SELECT 1 FROM subsidy_lines l WHERE l.run_id = OLD.id)
     OR TG_TABLE_NAME = 'subsidy_periods' AND EXISTS (SELECT 1 FROM subsidy_lines l WHERE l.period_id = OLD.id) THEN
    RAISE EXCEPTION '% % is still referenced from subsidy_lines', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "subsidy_runs_keep_referenced" BEFORE DELETE ON "subsidy_runs"
  FOR EACH ROW EXECUTE FUNCTION "subsidy_lines_keep_referenced"();
--> statement-breakpoint
CREATE TRIGGER "subsidy_periods_keep_referenced" BEFORE DELETE ON "subsidy_periods"
  FOR EACH ROW EXECUTE FUNCTION "subsidy_lines_keep_referenced"();
