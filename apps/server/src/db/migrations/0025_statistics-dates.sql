-- A year's screenings (5 per person at national scale) and referrals are counted by their
-- dates (issue #13): a range scan of the year, not a pass over every screening ever made.
CREATE INDEX IF NOT EXISTS "screenings_encounter_date_idx" ON "screenings" USING btree ("encounter_date");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "referrals_created_idx" ON "referrals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "service_deliveries_date_idx" ON "service_deliveries" USING btree ("date");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cases_created_idx" ON "cases" USING btree ("created_at");
