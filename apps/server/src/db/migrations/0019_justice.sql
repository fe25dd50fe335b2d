-- Justice and redress (issue #11): criminal cases, defendants, victims in proceedings (interviews,
-- protective measures), the right to compensation explained, civil claims, payments, legal aid.
CREATE TABLE "civil_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"criminal_case_id" uuid,
	"mode" text NOT NULL,
	"filed_on" text NOT NULL,
	"claimed_tenge" bigint NOT NULL,
	"awarded_tenge" bigint,
	"awarded_on" text,
	"filed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"informed_on" text NOT NULL,
	"language" text NOT NULL,
	"informed_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"criminal_case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"paid_on" text NOT NULL,
	"amount_tenge" bigint NOT NULL,
	"source" text NOT NULL,
	"over_award_reason_enc" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criminal_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"criminal_case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"details" jsonb NOT NULL,
	"note_enc" text,
	"actor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criminal_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"erdr_number" text NOT NULL,
	"articles" text[] NOT NULL,
	"articles_version" text NOT NULL,
	"exploitation_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary_enc" text,
	"region_code" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"investigator_id" uuid,
	"prosecutor_id" uuid,
	"stage" text NOT NULL,
	"stage_on" text NOT NULL,
	"stage_reason" text,
	"registered_on" text NOT NULL,
	"deadline_on" text,
	"ended_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "defendants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"criminal_case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"name_enc" text NOT NULL,
	"citizenship" text,
	"status" text NOT NULL,
	"official" boolean DEFAULT false NOT NULL,
	"official_agency_type" text,
	"articles" text[] NOT NULL,
	"outcome" text,
	"outcome_on" text,
	"sentence_kind" text,
	"sentence_months" integer,
	"fine_tenge" bigint,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"lawyer_id" uuid NOT NULL,
	"lawyer_agency_id" uuid NOT NULL,
	"funding" text NOT NULL,
	"criminal_case_id" uuid,
	"assigned_on" text NOT NULL,
	"ended_on" text,
	"assigned_by" uuid NOT NULL,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"delivered_on" text NOT NULL,
	"service" text NOT NULL,
	"hours" numeric,
	"note_enc" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proceeding_victims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"criminal_case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"procedural_role" text NOT NULL,
	"linked_on" text NOT NULL,
	"participated" boolean DEFAULT false NOT NULL,
	"left_country_on" text,
	"counsel_continues" boolean DEFAULT false NOT NULL,
	"employed_since" text,
	"linked_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "protective_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"proceeding_victim_id" uuid NOT NULL,
	"criminal_case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"status" text NOT NULL,
	"requested_on" text NOT NULL,
	"decided_on" text,
	"ended_on" text,
	"cost_tenge" bigint,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"proceeding_victim_id" uuid NOT NULL,
	"criminal_case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"held_on" text NOT NULL,
	"place" text NOT NULL,
	"video_recorded" boolean NOT NULL,
	"social_worker_present" boolean NOT NULL,
	"interpreter_present" boolean NOT NULL,
	"language" text,
	"repeat_reason_enc" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "civil_claims" ADD CONSTRAINT "civil_claims_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "civil_claims" ADD CONSTRAINT "civil_claims_criminal_case_id_criminal_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."criminal_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "civil_claims" ADD CONSTRAINT "civil_claims_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "compensation_notices" ADD CONSTRAINT "compensation_notices_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "compensation_notices" ADD CONSTRAINT "compensation_notices_informed_by_users_id_fk" FOREIGN KEY ("informed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "compensation_notices" ADD CONSTRAINT "compensation_notices_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "compensation_notices" ADD CONSTRAINT "compensation_notices_criminal_case_id_criminal_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."criminal_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "compensation_payments" ADD CONSTRAINT "compensation_payments_claim_id_civil_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."civil_claims"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "compensation_payments" ADD CONSTRAINT "compensation_payments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "compensation_payments" ADD CONSTRAINT "compensation_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "criminal_case_events" ADD CONSTRAINT "criminal_case_events_criminal_case_id_criminal_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."criminal_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "criminal_case_events" ADD CONSTRAINT "criminal_case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "criminal_case_events" ADD CONSTRAINT "criminal_case_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "criminal_cases" ADD CONSTRAINT "criminal_cases_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "criminal_cases" ADD CONSTRAINT "criminal_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "criminal_cases" ADD CONSTRAINT "criminal_cases_investigator_id_users_id_fk" FOREIGN KEY ("investigator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "criminal_cases" ADD CONSTRAINT "criminal_cases_prosecutor_id_users_id_fk" FOREIGN KEY ("prosecutor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "defendants" ADD CONSTRAINT "defendants_criminal_case_id_criminal_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."criminal_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "defendants" ADD CONSTRAINT "defendants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_aid_assignments" ADD CONSTRAINT "legal_aid_assignments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_aid_assignments" ADD CONSTRAINT "legal_aid_assignments_lawyer_id_users_id_fk" FOREIGN KEY ("lawyer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_aid_assignments" ADD CONSTRAINT "legal_aid_assignments_lawyer_agency_id_agencies_id_fk" FOREIGN KEY ("lawyer_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_aid_assignments" ADD CONSTRAINT "legal_aid_assignments_criminal_case_id_criminal_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."criminal_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_aid_assignments" ADD CONSTRAINT "legal_aid_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_aid_assignments" ADD CONSTRAINT "legal_aid_assignments_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_services" ADD CONSTRAINT "legal_services_assignment_id_legal_aid_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."legal_aid_assignments"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_services" ADD CONSTRAINT "legal_services_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "legal_services" ADD CONSTRAINT "legal_services_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proceeding_victims" ADD CONSTRAINT "proceeding_victims_criminal_case_id_criminal_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."criminal_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proceeding_victims" ADD CONSTRAINT "proceeding_victims_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proceeding_victims" ADD CONSTRAINT "proceeding_victims_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "protective_measures" ADD CONSTRAINT "protective_measures_proceeding_victim_id_proceeding_victims_id_fk" FOREIGN KEY ("proceeding_victim_id") REFERENCES "public"."proceeding_victims"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "protective_measures" ADD CONSTRAINT "protective_measures_criminal_case_id_criminal_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."criminal_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "protective_measures" ADD CONSTRAINT "protective_measures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "protective_measures" ADD CONSTRAINT "protective_measures_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "protective_measures" ADD CONSTRAINT "protective_measures_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "victim_interviews" ADD CONSTRAINT "victim_interviews_proceeding_victim_id_proceeding_victims_id_fk" FOREIGN KEY ("proceeding_victim_id") REFERENCES "public"."proceeding_victims"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "victim_interviews" ADD CONSTRAINT "victim_interviews_criminal_case_id_criminal_cases_id_fk" FOREIGN KEY ("criminal_case_id") REFERENCES "public"."criminal_cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "victim_interviews" ADD CONSTRAINT "victim_interviews_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "victim_interviews" ADD CONSTRAINT "victim_interviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "civil_claims_client_id_key" ON "civil_claims" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "civil_claims_person_idx" ON "civil_claims" USING btree ("person_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_notices_client_id_key" ON "compensation_notices" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "compensation_notices_person_idx" ON "compensation_notices" USING btree ("person_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "compensation_payments_client_id_key" ON "compensation_payments" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "compensation_payments_claim_idx" ON "compensation_payments" USING btree ("claim_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "criminal_case_events_client_id_key" ON "criminal_case_events" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "criminal_case_events_case_idx" ON "criminal_case_events" USING btree ("criminal_case_id","at");
--> statement-breakpoint
CREATE UNIQUE INDEX "criminal_cases_client_id_key" ON "criminal_cases" USING btree ("client_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "criminal_cases_erdr_key" ON "criminal_cases" USING btree ("erdr_number");
--> statement-breakpoint
CREATE INDEX "criminal_cases_region_idx" ON "criminal_cases" USING btree ("region_code","stage","deadline_on");
--> statement-breakpoint
CREATE INDEX "criminal_cases_agency_idx" ON "criminal_cases" USING btree ("owner_agency_id","stage");
--> statement-breakpoint
CREATE INDEX "criminal_cases_investigator_idx" ON "criminal_cases" USING btree ("investigator_id") WHERE investigator_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "criminal_cases_prosecutor_idx" ON "criminal_cases" USING btree ("prosecutor_id") WHERE prosecutor_id IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "defendants_client_id_key" ON "defendants" USING btree ("client_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "defendants_case_seq_key" ON "defendants" USING btree ("criminal_case_id","seq");
--> statement-breakpoint
CREATE INDEX "defendants_official_idx" ON "defendants" USING btree ("criminal_case_id") WHERE official;
--> statement-breakpoint
CREATE UNIQUE INDEX "legal_aid_assignments_client_id_key" ON "legal_aid_assignments" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "legal_aid_assignments_person_idx" ON "legal_aid_assignments" USING btree ("person_id");
--> statement-breakpoint
CREATE INDEX "legal_aid_assignments_open_idx" ON "legal_aid_assignments" USING btree ("lawyer_id","person_id") WHERE ended_on IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "legal_services_client_id_key" ON "legal_services" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "legal_services_assignment_idx" ON "legal_services" USING btree ("assignment_id","delivered_on");
--> statement-breakpoint
CREATE UNIQUE INDEX "proceeding_victims_client_id_key" ON "proceeding_victims" USING btree ("client_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "proceeding_victims_case_person_key" ON "proceeding_victims" USING btree ("criminal_case_id","person_id");
--> statement-breakpoint
CREATE INDEX "proceeding_victims_person_idx" ON "proceeding_victims" USING btree ("person_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "protective_measures_client_id_key" ON "protective_measures" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "protective_measures_victim_idx" ON "protective_measures" USING btree ("proceeding_victim_id");
--> statement-breakpoint
CREATE INDEX "protective_measures_requested_idx" ON "protective_measures" USING btree ("requested_on") WHERE status = 'requested';
--> statement-breakpoint
CREATE UNIQUE INDEX "victim_interviews_client_id_key" ON "victim_interviews" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "victim_interviews_victim_idx" ON "victim_interviews" USING btree ("proceeding_victim_id","held_on");
--> statement-breakpoint
-- The database's own guards behind the core rules (criminal-stage.ts, MAX_AMOUNT_TENGE).
ALTER TABLE criminal_cases ADD CONSTRAINT criminal_cases_stage_check CHECK (stage IN ('registered', 'investigation', 'suspended', 'terminated', 'sent_to_court', 'first_instance_verdict', 'appeal', 'final'));
--> statement-breakpoint
ALTER TABLE criminal_cases ADD CONSTRAINT criminal_cases_dates_check CHECK (stage_on >= registered_on AND (ended_on IS NULL OR ended_on >= registered_on));
--> statement-breakpoint
ALTER TABLE defendants ADD CONSTRAINT defendants_sentence_check CHECK ((sentence_months IS NULL OR sentence_months >= 0) AND (fine_tenge IS NULL OR fine_tenge >= 0));
--> statement-breakpoint
ALTER TABLE protective_measures ADD CONSTRAINT protective_measures_cost_check CHECK (cost_tenge IS NULL OR cost_tenge >= 0);
--> statement-breakpoint
ALTER TABLE civil_claims ADD CONSTRAINT civil_claims_amounts_check CHECK (claimed_tenge >= 0 AND (awarded_tenge IS NULL OR awarded_tenge >= 0));
--> statement-breakpoint
ALTER TABLE compensation_payments ADD CONSTRAINT compensation_payments_amount_check CHECK (amount_tenge > 0);
--> statement-breakpoint
ALTER TABLE legal_aid_assignments ADD CONSTRAINT legal_aid_assignments_dates_check CHECK (ended_on IS NULL OR ended_on >= assigned_on);
--> statement-breakpoint
-- History is append-only: what happened in a case, each interview, each notice of the right to
-- compensation, each payment and each legal service (the statistics rest on them).
REVOKE UPDATE, DELETE, TRUNCATE ON criminal_case_events FROM qorgau_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON victim_interviews FROM qorgau_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON compensation_notices FROM qorgau_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON compensation_payments FROM qorgau_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON legal_services FROM qorgau_app;
--> statement-breakpoint
-- A case ends, a measure ends, an assignment ends: facts with a date, never deletions.
REVOKE DELETE, TRUNCATE ON criminal_cases FROM qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON defendants FROM qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON proceeding_victims FROM qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON protective_measures FROM qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON civil_claims FROM qorgau_app;
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON legal_aid_assignments FROM qorgau_app;
--> statement-breakpoint
COMMENT ON COLUMN defendants.name_enc IS 'personal data: AES-256-GCM ciphertext of the suspect''s or defendant''s name';
--> statement-breakpoint
COMMENT ON COLUMN criminal_cases.summary_enc IS 'personal data: AES-256-GCM ciphertext of the case summary';
