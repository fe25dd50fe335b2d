-- HTCDS import (issue #14): each file taken in (or checked, for a dry run) is one row of
-- `htcds_imports`: who, for which agency, the file's SHA-256, the counts, and the row report
-- encrypted (a bad cell's text is quoted back, and a cell may hold a name typed in the wrong
-- column). `htcds_imported_rows` makes a re-import idempotent: one row per agency and row key
-- (a keyed hash of the row's values, never a plain hash a dictionary could reverse), naming the
-- person and case it made. The HTCDS fields Qorgau has no column for are kept with the case,
-- encrypted, so an export gives back what the import took in.
CREATE TABLE "htcds_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL REFERENCES "agencies"("id"),
	"user_id" uuid NOT NULL REFERENCES "users"("id"),
	"sha256" text NOT NULL,
	"format" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"rows_read" integer NOT NULL,
	"created" integer NOT NULL,
	"already_imported" integer NOT NULL,
	"linked" integer NOT NULL,
	"rejected" integer NOT NULL,
	"report_enc" text,
	"at" timestamp with time zone NOT NULL
);--> statement-breakpoint
CREATE INDEX "htcds_imports_agency_idx" ON "htcds_imports" USING btree ("agency_id","at");--> statement-breakpoint
CREATE TABLE "htcds_imported_rows" (
	"agency_id" uuid NOT NULL REFERENCES "agencies"("id"),
	"row_key" text NOT NULL,
	"import_id" uuid NOT NULL REFERENCES "htcds_imports"("id"),
	"person_id" uuid NOT NULL REFERENCES "persons"("id"),
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	PRIMARY KEY ("agency_id","row_key")
);--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "htcds_extra_enc" text;
