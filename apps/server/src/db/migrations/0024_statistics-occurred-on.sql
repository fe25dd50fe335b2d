-- The day an action happened (issue #13): the statistics year rule counts a person in the year
-- of her first positive identification, on the day it was TAKEN. A decision recorded late
-- carries that day in details.occurredOn; otherwise it is the Kazakhstan date (UTC+5, as core's
-- kazakhstanDate) of the moment it was recorded. Kept by a trigger so every writer (the API,
-- the demo seed, bulk generators) fills it the same way (YYYY-MM-DD text, like every civil date here), and indexed for positive decisions so a
-- year's victims are a range scan instead of a pass over the whole register.
ALTER TABLE "case_actions" ADD COLUMN "occurred_on" text;--> statement-breakpoint
CREATE OR REPLACE FUNCTION case_action_occurred_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.occurred_on := coalesce(NEW.details->>'occurredOn', to_char(timezone(interval '5 hours', NEW.at), 'YYYY-MM-DD'));
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "case_actions_occurred_on" BEFORE INSERT OR UPDATE OF "details", "at" ON "case_actions" FOR EACH ROW EXECUTE FUNCTION case_action_occurred_on();--> statement-breakpoint
UPDATE "case_actions" SET "occurred_on" = coalesce("details"->>'occurredOn', to_char(timezone(interval '5 hours', "at"), 'YYYY-MM-DD'));--> statement-breakpoint
DROP INDEX IF EXISTS "case_actions_identification_idx";--> statement-breakpoint
CREATE INDEX "case_actions_identification_idx" ON "case_actions" USING btree ("case_id", "occurred_on") WHERE "type" IN ('identification_decided', 'identification_reviewed') AND "details"->>'outcome' = 'ActualVictimOfTrafficking';--> statement-breakpoint
CREATE INDEX "case_actions_identification_day_idx" ON "case_actions" USING btree ("occurred_on") WHERE "type" IN ('identification_decided', 'identification_reviewed') AND "details"->>'outcome' = 'ActualVictimOfTrafficking';
