-- National statistics (issue #13): exchange rates per year, funding allocations, official
-- figures of years before the register, and the recommendations tracker. No personal data.
CREATE TABLE "exchange_rates" (
	"year" smallint PRIMARY KEY NOT NULL,
	"tenge_per_usd" numeric(12, 4) NOT NULL,
	"source" text NOT NULL,
	"set_by" uuid NOT NULL REFERENCES "users"("id"),
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "funding_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"purpose" text NOT NULL,
	"provider_id" uuid REFERENCES "providers"("id"),
	"region_code" text NOT NULL,
	"amount_tenge" bigint NOT NULL,
	"cases_basis" integer,
	"source" text NOT NULL,
	"created_by" uuid NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "funding_allocations_client_id_key" ON "funding_allocations" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "funding_allocations_year_idx" ON "funding_allocations" USING btree ("year","region_code");--> statement-breakpoint
CREATE TABLE "official_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"figure" text NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"value" bigint NOT NULL,
	"source" text NOT NULL,
	"entered_by" uuid NOT NULL REFERENCES "users"("id"),
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "official_figures_key" ON "official_figures" USING btree ("year","figure","dimension","category");--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"source" text NOT NULL,
	"text_kk" text NOT NULL,
	"text_ru" text NOT NULL,
	"text_en" text NOT NULL,
	"owner_agency_id" uuid REFERENCES "agencies"("id"),
	"indicator" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_code_key" ON "recommendations" USING btree ("code");--> statement-breakpoint
CREATE TABLE "recommendation_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL REFERENCES "recommendations"("id"),
	"year" smallint NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"set_by" uuid NOT NULL REFERENCES "users"("id"),
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE INDEX "recommendation_statuses_idx" ON "recommendation_statuses" USING btree ("recommendation_id","year","set_at");--> statement-breakpoint
-- The year rule reads each positive identification's date (issue #13: the first positive
-- decision puts a person in a year; a decision recorded late carries the day it was taken).
CREATE INDEX "case_actions_identification_idx" ON "case_actions" USING btree ("case_id") WHERE "type" IN ('identification_decided', 'identification_reviewed') AND "details"->>'outcome' = 'ActualVictimOfTrafficking';
