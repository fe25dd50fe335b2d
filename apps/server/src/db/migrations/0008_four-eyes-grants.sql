-- Four-eyes grants (issue #8): an account that may see personal data, or a change that gives
-- an account more of it, waits for a second administrator or the national coordinator.
-- Existing accounts (and the bootstrap seed) are approved; the users service creates accounts
-- through this workflow with approved = false.
ALTER TABLE "users" ADD COLUMN "approved" boolean DEFAULT true NOT NULL;
--> statement-breakpoint
CREATE TABLE "access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"new_account" boolean NOT NULL,
	"role" text NOT NULL,
	"national" boolean NOT NULL,
	"regions" text[] NOT NULL,
	"previous_role" text,
	"previous_national" boolean,
	"previous_regions" text[],
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "access_grants_status_check" CHECK ("status" IN ('pending', 'approved', 'rejected')),
	-- A second line of defence for the service's rule: nobody decides a grant she asked for or
	-- one that widens her own account.
	CONSTRAINT "access_grants_four_eyes_check" CHECK ("decided_by" IS NULL OR ("decided_by" <> "requested_by" AND "decided_by" <> "user_id"))
);
--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "access_grants_one_pending_key" ON "access_grants" USING btree ("user_id") WHERE status = 'pending';
--> statement-breakpoint
CREATE INDEX "access_grants_status_idx" ON "access_grants" USING btree ("status","requested_at");
--> statement-breakpoint
-- Grants are decided, never deleted: the history of who gave whom access stays.
GRANT SELECT, INSERT, UPDATE ON "access_grants" TO qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON "access_grants" FROM qorgau_app;
--> statement-breakpoint
-- Minimal disclosure: the scope predicate asks "did this user hand this person over?" (ADR 0004).
CREATE INDEX "screenings_handed_over_person_idx" ON "screenings" USING btree ("person_id","screener_id") WHERE handed_over_at IS NOT NULL;
