-- The protection case (issue #10 item 3): needs, support plan (HTCDS spl_*), services with
-- their cost, shelter stays, closure and follow-up; its history (protection_events).
CREATE TABLE "protection_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"referral_id" uuid,
	"provider_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"needs_enc" text,
	"needs_assessed_at" timestamp with time zone,
	"closure_reason" text,
	"closed_at" timestamp with time zone,
	"closed_on" text,
	"opened_by" uuid NOT NULL,
	"opened_on" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protection_cases_status_check" CHECK (status IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "protection_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"protection_case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protection_case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"objectives_enc" text NOT NULL,
	"action_plan_enc" text NOT NULL,
	"planned_end_date" text NOT NULL,
	"actual_end_date" text,
	"set_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protection_case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"date" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"service" text NOT NULL,
	"quantity" numeric NOT NULL,
	"unit" text NOT NULL,
	"cost_tenge" integer NOT NULL,
	"paid_by" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	-- The database's own guard behind core costIssues (MAX_SERVICE_COST_TENGE).
	CONSTRAINT "service_deliveries_cost_check" CHECK (cost_tenge >= 0 AND cost_tenge <= 10000000),
	CONSTRAINT "service_deliveries_quantity_check" CHECK (quantity > 0)
);
--> statement-breakpoint
CREATE TABLE "shelter_stays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protection_case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"admitted_on" text NOT NULL,
	"discharged_on" text,
	"emergency" boolean DEFAULT false NOT NULL,
	"admitted_by" uuid NOT NULL,
	"discharged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shelter_stays_dates_check" CHECK (discharged_on IS NULL OR discharged_on >= admitted_on)
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protection_case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"due_on" text NOT NULL,
	"kind" text NOT NULL,
	"assigned_to" uuid NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"contacted" boolean,
	"risk_level" text,
	"outcome_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "protection_cases" ADD CONSTRAINT "protection_cases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_cases" ADD CONSTRAINT "protection_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_cases" ADD CONSTRAINT "protection_cases_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_cases" ADD CONSTRAINT "protection_cases_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_cases" ADD CONSTRAINT "protection_cases_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_cases" ADD CONSTRAINT "protection_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_events" ADD CONSTRAINT "protection_events_protection_case_id_protection_cases_id_fk" FOREIGN KEY ("protection_case_id") REFERENCES "public"."protection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_events" ADD CONSTRAINT "protection_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protection_events" ADD CONSTRAINT "protection_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_protection_case_id_protection_cases_id_fk" FOREIGN KEY ("protection_case_id") REFERENCES "public"."protection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_protection_case_id_protection_cases_id_fk" FOREIGN KEY ("protection_case_id") REFERENCES "public"."protection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_deliveries" ADD CONSTRAINT "service_deliveries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_protection_case_id_protection_cases_id_fk" FOREIGN KEY ("protection_case_id") REFERENCES "public"."protection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_admitted_by_users_id_fk" FOREIGN KEY ("admitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shelter_stays" ADD CONSTRAINT "shelter_stays_discharged_by_users_id_fk" FOREIGN KEY ("discharged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_protection_case_id_protection_cases_id_fk" FOREIGN KEY ("protection_case_id") REFERENCES "public"."protection_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "protection_cases_client_id_key" ON "protection_cases" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "protection_cases_reference_key" ON "protection_cases" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "protection_cases_person_idx" ON "protection_cases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "protection_cases_agency_idx" ON "protection_cases" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "protection_cases_region_idx" ON "protection_cases" USING btree ("region_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "protection_cases_referral_key" ON "protection_cases" USING btree ("referral_id") WHERE referral_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "protection_events_client_id_key" ON "protection_events" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "protection_events_case_idx" ON "protection_events" USING btree ("protection_case_id","at");--> statement-breakpoint
CREATE INDEX "support_plans_case_idx" ON "support_plans" USING btree ("protection_case_id","created_at");--> statement-breakpoint
CREATE INDEX "service_deliveries_case_idx" ON "service_deliveries" USING btree ("protection_case_id","date");--> statement-breakpoint
CREATE INDEX "service_deliveries_provider_idx" ON "service_deliveries" USING btree ("provider_id","date");--> statement-breakpoint
CREATE INDEX "shelter_stays_person_idx" ON "shelter_stays" USING btree ("person_id","admitted_on");--> statement-breakpoint
CREATE INDEX "shelter_stays_case_idx" ON "shelter_stays" USING btree ("protection_case_id");--> statement-breakpoint
CREATE INDEX "shelter_stays_open_idx" ON "shelter_stays" USING btree ("provider_id") WHERE discharged_on IS NULL;--> statement-breakpoint
CREATE INDEX "follow_ups_case_idx" ON "follow_ups" USING btree ("protection_case_id");--> statement-breakpoint
CREATE INDEX "follow_ups_due_idx" ON "follow_ups" USING btree ("agency_id","due_on") WHERE done_at IS NULL;
--> statement-breakpoint
CREATE SEQUENCE protection_reference_seq;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE protection_reference_seq TO qorgau_app;
--> statement-breakpoint
-- History is append-only: the case's events, the plan's versions and the services delivered
-- (the cost statistics rest on them) are never changed or deleted.
REVOKE UPDATE, DELETE, TRUNCATE ON protection_events FROM qorgau_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON support_plans FROM qorgau_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON service_deliveries FROM qorgau_app;
--> statement-breakpoint
-- A case closes, a stay ends, a follow-up is done: facts with a time, never deletions.
REVOKE DELETE, TRUNCATE ON protection_cases FROM qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON shelter_stays FROM qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON follow_ups FROM qorgau_app;
--> statement-breakpoint
COMMENT ON COLUMN protection_cases.needs_enc IS 'personal data: AES-256-GCM ciphertext of the needs assessment (JSON)';
--> statement-breakpoint
COMMENT ON COLUMN support_plans.objectives_enc IS 'personal data: AES-256-GCM ciphertext of spl_Objectives';
--> statement-breakpoint
COMMENT ON COLUMN support_plans.action_plan_enc IS 'personal data: AES-256-GCM ciphertext of spl_ActionPlan';
--> statement-breakpoint
COMMENT ON COLUMN follow_ups.outcome_enc IS 'personal data: AES-256-GCM ciphertext of the follow-up outcome';
