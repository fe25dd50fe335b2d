-- Entitlements (issue #10 item 4): the derived entitlements per person and kind, and the
-- append-only record of what was recorded on them.
CREATE TABLE "entitlements" (
	"person_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"starts_on" text,
	"ends_on" text,
	"paid_by" text,
	"rules_version" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entitlement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"details" jsonb NOT NULL,
	"note_enc" text,
	"actor_id" uuid,
	"agency_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_actions" ADD CONSTRAINT "entitlement_actions_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_actions" ADD CONSTRAINT "entitlement_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_actions" ADD CONSTRAINT "entitlement_actions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entitlements_person_kind_key" ON "entitlements" USING btree ("person_id","kind");--> statement-breakpoint
CREATE INDEX "entitlements_ends_idx" ON "entitlements" USING btree ("ends_on") WHERE ends_on IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "entitlement_actions_client_id_key" ON "entitlement_actions" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "entitlement_actions_person_idx" ON "entitlement_actions" USING btree ("person_id","at");
--> statement-breakpoint
-- What was recorded on an entitlement is history: never deleted. UPDATE stays granted, as for
-- case_actions: key rotation (crypto/rotate-keys.ts) re-encrypts the note in place.
REVOKE DELETE, TRUNCATE ON entitlement_actions FROM qorgau_app;
--> statement-breakpoint
COMMENT ON COLUMN entitlement_actions.note_enc IS 'personal data: AES-256-GCM ciphertext of the note recorded with the action';
