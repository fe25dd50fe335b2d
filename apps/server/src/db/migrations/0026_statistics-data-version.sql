-- National statistics are counted from the register on request (issue #13); a year's victims
-- cube is kept in memory until the data it is counted from changes. This sequence is that
-- data's version: every statement that writes one of the tables the cube reads advances it
-- (statement-level triggers, one nextval per statement, never per row). A sequence is not
-- transactional, so a rolled-back write advances it too: that only empties the cache.
CREATE SEQUENCE IF NOT EXISTS "statistics_data_version";--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('statistics_data_version');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "case_actions_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "case_actions" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "cases_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "cases" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "persons_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "persons" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "person_clusters_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "person_clusters" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "referrals_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "referrals" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "proceeding_victims_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "proceeding_victims" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "agencies_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "agencies" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE statistics_data_version TO qorgau_app;
