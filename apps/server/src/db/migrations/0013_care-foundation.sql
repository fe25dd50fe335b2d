-- Referral and protection (issue #10): providers, consents, referrals with their history, the
-- access a referral opens (case_access), notifications and outbound messages.
CREATE TABLE "case_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"consent_id" uuid,
	"shares" text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"until" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"shares" text[] NOT NULL,
	"valid_until" text NOT NULL,
	"given_by" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"services" text[] NOT NULL,
	"region_code" text NOT NULL,
	"district" text,
	"settlement" text NOT NULL,
	"eligibility" text[] NOT NULL,
	"capacity" integer DEFAULT 0 NOT NULL,
	"occupancy" integer DEFAULT 0 NOT NULL,
	"languages" text[] NOT NULL,
	"funding" text NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"answer_within_hours" integer,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"details" jsonb NOT NULL,
	"text_enc" text,
	"actor_id" uuid,
	"agency_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"provider_agency_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"services" text[] NOT NULL,
	"consent_id" uuid,
	"override_reason_enc" text,
	"emergency" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"referred_by" uuid NOT NULL,
	"referring_agency_id" uuid NOT NULL,
	"transferred_from" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid,
	"channel" text NOT NULL,
	"user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access" ADD CONSTRAINT "case_access_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "providers" ADD CONSTRAINT "providers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_actions" ADD CONSTRAINT "referral_actions_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_actions" ADD CONSTRAINT "referral_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_actions" ADD CONSTRAINT "referral_actions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_provider_agency_id_agencies_id_fk" FOREIGN KEY ("provider_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referred_by_users_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referring_agency_id_agencies_id_fk" FOREIGN KEY ("referring_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_open_case_idx" ON "case_access" USING btree ("case_id","agency_id") WHERE ends_at IS NULL AND revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX "case_access_open_person_idx" ON "case_access" USING btree ("person_id","agency_id") WHERE ends_at IS NULL AND revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX "case_access_referral_idx" ON "case_access" USING btree ("referral_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_client_id_key" ON "consents" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("person_id","provider_id");--> statement-breakpoint
CREATE INDEX "providers_region_idx" ON "providers" USING btree ("region_code","kind");--> statement-breakpoint
CREATE INDEX "providers_agency_idx" ON "providers" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_actions_client_id_key" ON "referral_actions" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_actions_referral_seq_key" ON "referral_actions" USING btree ("referral_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_client_id_key" ON "referrals" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_reference_key" ON "referrals" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_provider_queue_idx" ON "referrals" USING btree ("provider_agency_id","status","due_at");--> statement-breakpoint
CREATE INDEX "referrals_sender_queue_idx" ON "referrals" USING btree ("referring_agency_id","status","due_at");--> statement-breakpoint
CREATE INDEX "referrals_region_queue_idx" ON "referrals" USING btree ("region_code","status","due_at");--> statement-breakpoint
CREATE INDEX "referrals_waiting_idx" ON "referrals" USING btree ("due_at") WHERE status = 'sent' AND escalated_at IS NULL;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbound_messages_user_idx" ON "outbound_messages" USING btree ("user_id","created_at");
--> statement-breakpoint
CREATE SEQUENCE referral_reference_seq;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE referral_reference_seq TO qorgau_app;
--> statement-breakpoint
-- A referral's history is append-only, like a case's.
REVOKE UPDATE, DELETE, TRUNCATE ON referral_actions FROM qorgau_app;
--> statement-breakpoint
-- A consent is withdrawn (a fact with a time), never deleted; opened access is closed, never deleted.
REVOKE DELETE, TRUNCATE ON consents FROM qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON case_access FROM qorgau_app;
--> statement-breakpoint
COMMENT ON COLUMN referrals.override_reason_enc IS 'personal data: AES-256-GCM ciphertext of the reason for referring without consent';
--> statement-breakpoint
COMMENT ON COLUMN referral_actions.text_enc IS 'personal data: AES-256-GCM ciphertext of the answer or note';
