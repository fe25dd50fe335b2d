CREATE TABLE "self_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"language" text NOT NULL,
	"reporter" text NOT NULL,
	"region_code" text,
	"situation" text[] NOT NULL,
	"what_happened_enc" text NOT NULL,
	"contact_enc" text,
	"safe_to_contact" boolean NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"assigned_to" uuid,
	"screening_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "public"."screenings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "self_reports_reference_key" ON "self_reports" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "self_reports_queue_idx" ON "self_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE SEQUENCE self_report_reference_seq;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE self_report_reference_seq TO qorgau_app;
