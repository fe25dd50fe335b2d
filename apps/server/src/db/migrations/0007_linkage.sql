CREATE TABLE "linkage_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"phase" text NOT NULL,
	"cursor" uuid,
	"processed" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"pairs_scored" integer DEFAULT 0 NOT NULL,
	"proposals" integer DEFAULT 0 NOT NULL,
	"model" jsonb,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_clusters" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"cluster_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_link_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"decision" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_link_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"model_decision" text NOT NULL,
	"score" double precision NOT NULL,
	"probability" double precision NOT NULL,
	"explanation" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "linkage_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "linkage_keys_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "linkage_runs" ADD CONSTRAINT "linkage_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_clusters" ADD CONSTRAINT "person_clusters_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link_decisions" ADD CONSTRAINT "person_link_decisions_person_a_persons_id_fk" FOREIGN KEY ("person_a") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link_decisions" ADD CONSTRAINT "person_link_decisions_person_b_persons_id_fk" FOREIGN KEY ("person_b") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link_decisions" ADD CONSTRAINT "person_link_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link_decisions" ADD CONSTRAINT "person_link_decisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link_proposals" ADD CONSTRAINT "person_link_proposals_person_a_persons_id_fk" FOREIGN KEY ("person_a") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_link_proposals" ADD CONSTRAINT "person_link_proposals_person_b_persons_id_fk" FOREIGN KEY ("person_b") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "linkage_runs_one_running" ON "linkage_runs" USING btree ("status") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "person_clusters_cluster_idx" ON "person_clusters" USING btree ("cluster_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_link_decisions_client_id_key" ON "person_link_decisions" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "person_link_decisions_pair_idx" ON "person_link_decisions" USING btree ("person_a","person_b","at");--> statement-breakpoint
CREATE INDEX "person_link_decisions_b_idx" ON "person_link_decisions" USING btree ("person_b");--> statement-breakpoint
CREATE UNIQUE INDEX "person_link_proposals_pair_key" ON "person_link_proposals" USING btree ("person_a","person_b");--> statement-breakpoint
CREATE INDEX "person_link_proposals_b_idx" ON "person_link_proposals" USING btree ("person_b");--> statement-breakpoint
CREATE INDEX "person_link_proposals_status_idx" ON "person_link_proposals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "persons_linkage_keys_idx" ON "persons" USING gin ("linkage_keys");--> statement-breakpoint
-- Human linkage decisions are history: the application adds them and never changes or removes
-- one (a change of mind is a new, later decision), so merge and unmerge cannot lose anything.
REVOKE UPDATE, DELETE, TRUNCATE ON person_link_decisions FROM qorgau_app;
