-- Each victim's first standing positive identification, kept on write (issue #13, ADR 0013).
-- The statistics year rule puts a victim (a linkage cluster, or a record no cluster holds) in
-- the year of her first positive identification decision that still stands. Counting that on
-- read meant, for every victim of a year, probing all her records' earlier decisions: seconds
-- at a national register. Here it is one row per victim, so a year's victims are a range scan
-- of this table and the records behind a figure page in SQL.
--
-- The row is derived data, never entered: statement-level triggers on every table the rule
-- reads (case_actions, cases, person_clusters) recompute the rows of exactly the victims a
-- statement touched, inside the same transaction, so the table can never disagree with the
-- register (a reversed decision, a late entry, a re-clustering all move the row at once).
-- Set-based through transition tables: a bulk re-clustering recomputes its victims in one
-- statement, not one per row.
CREATE TABLE "victim_first_identifications" (
  "victim_key" uuid PRIMARY KEY,
  "person_id" uuid NOT NULL,
  "case_id" uuid NOT NULL,
  "region_code" text NOT NULL,
  "agency_id" uuid NOT NULL,
  "seq" integer NOT NULL,
  "on_day" text NOT NULL
);--> statement-breakpoint
CREATE INDEX "victim_first_identifications_day_idx" ON "victim_first_identifications" USING btree ("on_day");--> statement-breakpoint
-- The victims `keys` (a cluster id, or the id of a record no cluster holds), recomputed: a key
-- that is no longer a victim, or no longer a victim's key (its record joined a cluster), loses
-- its row. The order (day taken, then case, then action) is the rule's tie-break.
CREATE OR REPLACE FUNCTION victim_first_identifications_refresh(keys uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM victim_first_identifications f USING (SELECT DISTINCT unnest(keys) AS k) d WHERE f.victim_key = d.k;
  INSERT INTO victim_first_identifications (victim_key, person_id, case_id, region_code, agency_id, seq, on_day)
  SELECT DISTINCT ON (m.v) m.v, c.person_id, c.id, c.region_code, a.agency_id, a.seq, a.occurred_on
  FROM (
    SELECT pc.cluster_id AS v, pc.person_id FROM (SELECT DISTINCT unnest(keys) AS k) d JOIN person_clusters pc ON pc.cluster_id = d.k
    UNION ALL
    SELECT d.k, d.k FROM (SELECT DISTINCT unnest(keys) AS k) d WHERE NOT EXISTS (SELECT 1 FROM person_clusters pc WHERE pc.person_id = d.k)
  ) m
  JOIN cases c ON c.person_id = m.person_id AND c.trafficking_status = 'ActualVictimOfTrafficking'
  JOIN case_actions a ON a.case_id = c.id
  WHERE a.type IN ('identification_decided', 'identification_reviewed') AND a.details->>'outcome' = 'ActualVictimOfTrafficking'
  ORDER BY m.v, a.occurred_on, c.id, a.seq;
END
$$;--> statement-breakpoint
-- A record's victim key today: its cluster's id, or its own.
CREATE OR REPLACE FUNCTION victim_key_of(person uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT cluster_id FROM person_clusters WHERE person_id = person), person)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION victim_first_identifications_on_actions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys uuid[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT victim_key_of(c.person_id)) INTO keys FROM old_rows o JOIN cases c ON c.id = o.case_id
    WHERE o.type IN ('identification_decided', 'identification_reviewed');
  ELSE
    SELECT array_agg(DISTINCT victim_key_of(c.person_id)) INTO keys FROM new_rows n JOIN cases c ON c.id = n.case_id
    WHERE n.type IN ('identification_decided', 'identification_reviewed');
  END IF;
  IF keys IS NOT NULL THEN PERFORM victim_first_identifications_refresh(keys); END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION victim_first_identifications_on_cases() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys uuid[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT victim_key_of(o.person_id)) INTO keys FROM old_rows o;
  ELSE
    -- Only a change of status or of person moves a victim; most case updates change neither.
    SELECT array_agg(DISTINCT k) INTO keys FROM (
      SELECT victim_key_of(o.person_id) AS k FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.trafficking_status IS DISTINCT FROM n.trafficking_status OR o.person_id IS DISTINCT FROM n.person_id
      UNION ALL
      SELECT victim_key_of(n.person_id) FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o.trafficking_status IS DISTINCT FROM n.trafficking_status OR o.person_id IS DISTINCT FROM n.person_id
    ) changed;
  END IF;
  IF keys IS NOT NULL THEN PERFORM victim_first_identifications_refresh(keys); END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A record joining or leaving a cluster changes two victims: the cluster, and the record as a
-- person of her own.
CREATE OR REPLACE FUNCTION victim_first_identifications_on_clusters() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(k) INTO keys FROM (SELECT cluster_id AS k FROM new_rows UNION SELECT person_id FROM new_rows) t;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(k) INTO keys FROM (SELECT cluster_id AS k FROM old_rows UNION SELECT person_id FROM old_rows) t;
  ELSE
    SELECT array_agg(k) INTO keys FROM (
      SELECT cluster_id AS k FROM old_rows UNION SELECT person_id FROM old_rows
      UNION SELECT cluster_id FROM new_rows UNION SELECT person_id FROM new_rows
    ) t;
  END IF;
  IF keys IS NOT NULL THEN PERFORM victim_first_identifications_refresh(keys); END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "case_actions_first_identification_ins" AFTER INSERT ON "case_actions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION victim_first_identifications_on_actions();--> statement-breakpoint
CREATE TRIGGER "case_actions_first_identification_upd" AFTER UPDATE ON "case_actions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION victim_first_identifications_on_actions();--> statement-breakpoint
CREATE TRIGGER "case_actions_first_identification_del" AFTER DELETE ON "case_actions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION victim_first_identifications_on_actions();--> statement-breakpoint
CREATE TRIGGER "cases_first_identification_upd" AFTER UPDATE ON "cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION victim_first_identifications_on_cases();--> statement-breakpoint
CREATE TRIGGER "cases_first_identification_del" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION victim_first_identifications_on_cases();--> statement-breakpoint
CREATE TRIGGER "person_clusters_first_identification_ins" AFTER INSERT ON "person_clusters" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION victim_first_identifications_on_clusters();--> statement-breakpoint
CREATE TRIGGER "person_clusters_first_identification_upd" AFTER UPDATE ON "person_clusters" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION victim_first_identifications_on_clusters();--> statement-breakpoint
CREATE TRIGGER "person_clusters_first_identification_del" AFTER DELETE ON "person_clusters" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION victim_first_identifications_on_clusters();--> statement-breakpoint
-- The register as it stands today.
INSERT INTO victim_first_identifications (victim_key, person_id, case_id, region_code, agency_id, seq, on_day)
SELECT DISTINCT ON (coalesce(pc.cluster_id, c.person_id)) coalesce(pc.cluster_id, c.person_id), c.person_id, c.id, c.region_code, a.agency_id, a.seq, a.occurred_on
FROM case_actions a
JOIN cases c ON c.id = a.case_id AND c.trafficking_status = 'ActualVictimOfTrafficking'
LEFT JOIN person_clusters pc ON pc.person_id = c.person_id
WHERE a.type IN ('identification_decided', 'identification_reviewed') AND a.details->>'outcome' = 'ActualVictimOfTrafficking'
ORDER BY coalesce(pc.cluster_id, c.person_id), a.occurred_on, c.id, a.seq;
