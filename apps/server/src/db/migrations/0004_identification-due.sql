ALTER TABLE "cases" ADD COLUMN "identification_due" text;--> statement-breakpoint
CREATE INDEX "cases_identification_due_idx" ON "cases" USING btree ("identification_due") WHERE "identification_due" IS NOT NULL AND "status" = 'open';
