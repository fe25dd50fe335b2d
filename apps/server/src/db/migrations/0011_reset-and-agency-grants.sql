-- Four-eyes resets (issue #8): an administrator's reset of an account that may see personal data
-- clears its password and second factor, so on her own she could take the account over (she is
-- shown the temporary password). Such a reset waits for a second person like a new account.
ALTER TABLE "access_grants" ADD COLUMN "reset" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Moving an account that may see personal data to another agency waits for a second person
-- too (it reaches that agency's records): the agency asked for, and the one it had.
ALTER TABLE "access_grants" ADD COLUMN "agency_id" uuid;
--> statement-breakpoint
ALTER TABLE "access_grants" ADD COLUMN "previous_agency_id" uuid;
--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_previous_agency_id_agencies_id_fk" FOREIGN KEY ("previous_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
