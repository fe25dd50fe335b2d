CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"screener_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"encounter_date" text NOT NULL,
	"region_code" text NOT NULL,
	"setting" text NOT NULL,
	"language" text NOT NULL,
	"interpreter_used" boolean NOT NULL,
	"age_group" text NOT NULL,
	"gender" text NOT NULL,
	"citizenship" text NOT NULL,
	"exploitation_types" text[] NOT NULL,
	"observed" text[] NOT NULL,
	"result" jsonb NOT NULL,
	"level" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"person_id" uuid,
	"case_id" uuid,
	"handed_over_to" uuid,
	"handed_over_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "creator_access_ended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "creator_access_ended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_screener_id_users_id_fk" FOREIGN KEY ("screener_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_handed_over_to_agencies_id_fk" FOREIGN KEY ("handed_over_to") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_client_id_key" ON "screenings" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "screenings_reference_key" ON "screenings" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "screenings_screener_idx" ON "screenings" USING btree ("screener_id","created_at");--> statement-breakpoint
CREATE INDEX "screenings_region_idx" ON "screenings" USING btree ("region_code");--> statement-breakpoint
CREATE SEQUENCE screening_reference_seq;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE screening_reference_seq TO qorgau_app;
