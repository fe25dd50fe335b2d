-- National statistics keep what they counted in memory until the data changes (issue #13,
-- migration 0026). Two gaps closed here:
--
-- 1. The version advanced when a writing STATEMENT ran, before its transaction committed: a
--    figure counted in between (on the old rows) was kept under the new version, and served
--    until the next write. Now every such statement also notifies 'qorgau_statistics'. A
--    notification is delivered only when its transaction commits (and once per transaction),
--    so a server listening to it (db/commit-notices.ts) forgets everything counted before the
--    commit became visible. The sequence stays: it is what a single-connection embedded
--    database (PGlite, whose transactions never interleave) needs, and a cheap first check.
-- 2. The version now covers every table a cached figure reads: screenings, self-reports,
--    services, shelter stays, providers, the justice tables, and the assignments and grants a
--    reader's scope follows.
CREATE OR REPLACE FUNCTION statistics_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('statistics_data_version');
  PERFORM pg_notify('qorgau_statistics', '');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "screenings_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "screenings" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "self_reports_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "self_reports" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "service_deliveries_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "service_deliveries" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "shelter_stays_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "shelter_stays" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "providers_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "providers" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "criminal_cases_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "criminal_cases" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "criminal_case_events_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "criminal_case_events" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "defendants_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "defendants" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "protective_measures_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "protective_measures" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "compensation_notices_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "compensation_notices" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "civil_claims_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "civil_claims" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "compensation_payments_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "compensation_payments" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "legal_aid_assignments_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "legal_aid_assignments" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "legal_services_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "legal_services" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "case_assignments_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "case_assignments" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "case_access_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "case_access" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();--> statement-breakpoint
CREATE TRIGGER "official_figures_statistics_version" AFTER INSERT OR UPDATE OR DELETE ON "official_figures" FOR EACH STATEMENT EXECUTE FUNCTION statistics_data_changed();
