-- Field teams' own apps (issue #14): ODK Collect, KoboCollect or Enketo submit screenings over
-- OpenRosa, which cannot do our two-factor sign-in. A user with full sign-in creates a key for
-- her device (shown once; only its SHA-256 is kept: 256 random bits need no slow hash), and
-- the device authenticates with her username and that key. Revoking a key ends the device's
-- access at once. A screening that came from such a form keeps the form's id, version and
-- instance id (a resubmission is recognised by it), and the indicators an outdated version
-- asked that the lists in force no longer hold.
CREATE TABLE "device_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id"),
	"label" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);--> statement-breakpoint
CREATE UNIQUE INDEX "device_keys_key_hash_key" ON "device_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "device_keys_user_idx" ON "device_keys" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "screenings" ADD COLUMN "form_submission" jsonb;
