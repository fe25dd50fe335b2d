-- Visibility at national scale (issue #10, docs/benchmarks.md §8): the scope predicate no
-- longer runs subqueries per row (auth/scope-filter.ts). A person is in scope through her own
-- columns or through any of her cases; the cases' region and owner agency are carried onto the
-- person (scope_regions, scope_agencies, with her own) by triggers, so that branch is one GIN
-- index scan. The columns are derived: any write to them is replaced by the recomputed value.
ALTER TABLE "persons" ADD COLUMN "scope_regions" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "scope_agencies" uuid[] DEFAULT '{}'::uuid[] NOT NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION persons_scope_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.scope_regions := ARRAY(SELECT NEW.region_code UNION SELECT c.region_code FROM cases c WHERE c.person_id = NEW.id);
  NEW.scope_agencies := ARRAY(SELECT NEW.owner_agency_id UNION SELECT c.owner_agency_id FROM cases c WHERE c.person_id = NEW.id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_scope_columns BEFORE INSERT OR UPDATE OF region_code, owner_agency_id, scope_regions, scope_agencies ON "persons"
  FOR EACH ROW EXECUTE FUNCTION persons_scope_columns();
--> statement-breakpoint
-- A case inserted, moved to another agency or region, or (never in the app) re-pointed or
-- deleted: its person's columns are recomputed by the trigger above.
CREATE OR REPLACE FUNCTION cases_person_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE persons SET scope_regions = '{}' WHERE id = NEW.person_id;
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.person_id <> NEW.person_id) THEN
    UPDATE persons SET scope_regions = '{}' WHERE id = OLD.person_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cases_person_scope_insert AFTER INSERT OR DELETE ON "cases"
  FOR EACH ROW EXECUTE FUNCTION cases_person_scope();
--> statement-breakpoint
CREATE TRIGGER cases_person_scope_update AFTER UPDATE OF region_code, owner_agency_id, person_id ON "cases"
  FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.owner_agency_id IS DISTINCT FROM NEW.owner_agency_id
                     OR OLD.person_id IS DISTINCT FROM NEW.person_id)
  EXECUTE FUNCTION cases_person_scope();
--> statement-breakpoint
UPDATE "persons" SET "scope_regions" = '{}';
--> statement-breakpoint
CREATE INDEX "persons_scope_regions_idx" ON "persons" USING gin ("scope_regions");
--> statement-breakpoint
CREATE INDEX "persons_scope_agencies_idx" ON "persons" USING gin ("scope_agencies");
--> statement-breakpoint
CREATE INDEX "persons_created_idx" ON "persons" USING btree ("created_at" DESC, "id" DESC);
--> statement-breakpoint
CREATE INDEX "cases_identification_queue_idx" ON "cases" USING btree ("identification_due", "id") WHERE status = 'open' AND identification_due IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "case_access_open_agency_idx" ON "case_access" USING btree ("agency_id", "case_id", "person_id", "until", "shares") WHERE ends_at IS NULL AND revoked_at IS NULL;
--> statement-breakpoint
CREATE INDEX "cases_creator_open_idx" ON "cases" USING btree ("created_by", "person_id") WHERE NOT creator_access_ended;
--> statement-breakpoint
CREATE INDEX "person_link_proposals_open_order_idx" ON "person_link_proposals" USING btree ((model_decision = 'review') DESC, "probability" DESC, "id") WHERE status = 'open';
