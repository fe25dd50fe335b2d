-- The day a referral was made (issue #13 item 7: an event recorded after the fact carries the
-- day it happened, and the year rule uses that day). A late referral kept its day only in its
-- first action's details, so the year's referral figures, the map and "referred by whom"
-- counted it in the year it was typed in. Now the referral holds the day: the service writes it
-- (the day recorded for a late entry, else today in Kazakhstan), and a trigger fills it for any
-- other writer from the moment it was recorded (UTC+5, like case_actions.occurred_on).
ALTER TABLE "referrals" ADD COLUMN "referred_on" text;--> statement-breakpoint
CREATE OR REPLACE FUNCTION referral_referred_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.referred_on := coalesce(NEW.referred_on, to_char(timezone(interval '5 hours', NEW.created_at), 'YYYY-MM-DD'));
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "referrals_referred_on" BEFORE INSERT ON "referrals" FOR EACH ROW EXECUTE FUNCTION referral_referred_on();--> statement-breakpoint
UPDATE "referrals" r SET "referred_on" = coalesce(
  (SELECT a."details"->>'occurredOn' FROM "referral_actions" a WHERE a."referral_id" = r."id" AND a."type" = 'sent' ORDER BY a."seq" LIMIT 1),
  to_char(timezone(interval '5 hours', r."created_at"), 'YYYY-MM-DD'));--> statement-breakpoint
ALTER TABLE "referrals" ALTER COLUMN "referred_on" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "referrals_referred_on_idx" ON "referrals" USING btree ("referred_on");
