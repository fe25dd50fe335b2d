-- An HTCDS import's write path made lighter (issue #14, docs/benchmarks.md §10, ADR 0018).
--
-- 1. The key of the row a case was imported from lives on the case. It was a table of its own
-- (migration 0030) with four foreign keys: per imported row a heap tuple, a primary-key entry
-- and four key checks, for a value that belongs to exactly one case. The key is a keyed hash of
-- the importing agency and the row's values, so it is unique on its own: one agency's keys
-- never meet another's, and a case handed over keeps the key of the agency that imported it.
-- The import a row came from stays on the case's actions (`details.htcdsImport`).
ALTER TABLE "cases" ADD COLUMN "htcds_row_key" text;--> statement-breakpoint
UPDATE "cases" c SET "htcds_row_key" = r."row_key" FROM "htcds_imported_rows" r WHERE r."case_id" = c."id";--> statement-breakpoint
CREATE UNIQUE INDEX "cases_htcds_row_key" ON "cases" USING btree ("htcds_row_key") WHERE htcds_row_key IS NOT NULL;--> statement-breakpoint
DROP TABLE "htcds_imported_rows";--> statement-breakpoint
-- 2. No planner statistics gathered inside an import's transaction (migration 0033). The
-- triggers' statements no longer depend on them (migration 0034), and each ANALYZE cost more
-- than it saved: a 100,000-row import is as fast without, and no second import waits on its lock.
-- The owner's function the application could call is gone with it.
DROP FUNCTION "refresh_planner_statistics"(text[]);
