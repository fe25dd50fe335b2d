-- Cases written many at a time (issue #14: an HTCDS import of 100,000 rows) kept their
-- persons' scope columns row by row: each inserted case ran an UPDATE of its person, and with it
-- the person's triggers and GIN index updates (5 ms a case; 56 s for 10,000). An INSERT now
-- updates, in one statement, only the persons whose columns do not already hold the new case's
-- region and agency: a case adds those two values to the union `persons_scope_columns`
-- recomputes, so a person who already holds both would be recomputed to the same arrays.
-- Updates and deletes keep the row trigger (a case moved or removed can take values away).
CREATE OR REPLACE FUNCTION cases_person_scope_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE persons p SET scope_regions = '{}'
  WHERE p.id IN (
    SELECT n.person_id FROM new_rows n JOIN persons q ON q.id = n.person_id
    WHERE NOT (q.scope_regions @> ARRAY[n.region_code] AND q.scope_agencies @> ARRAY[n.owner_agency_id]));
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER cases_person_scope_insert ON "cases";--> statement-breakpoint
CREATE TRIGGER cases_person_scope_delete AFTER DELETE ON "cases"
  FOR EACH ROW EXECUTE FUNCTION cases_person_scope();--> statement-breakpoint
CREATE TRIGGER cases_person_scope_inserted AFTER INSERT ON "cases" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cases_person_scope_inserted();
--> statement-breakpoint
-- The first identifications of the victims a statement touched (migration 0027), recomputed
-- from those victims outward: their records, then each record's cases and decisions through the
-- indexes. The planner, without statistics on rows written in the same transaction (a first
-- import into a new register), started from every decision in the register and filtered them
-- against the victims: 1.2 s a statement at 5,000 victims, growing with the register. The result
-- is the same rows; the property test in victim-first-identifications.int.test.ts checks it.
CREATE OR REPLACE FUNCTION victim_first_identifications_refresh(keys uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM victim_first_identifications f USING (SELECT DISTINCT unnest(keys) AS k) d WHERE f.victim_key = d.k;
  INSERT INTO victim_first_identifications (victim_key, person_id, case_id, region_code, agency_id, seq, on_day)
  WITH m AS MATERIALIZED (
    SELECT pc.cluster_id AS v, pc.person_id FROM (SELECT DISTINCT unnest(keys) AS k) d JOIN person_clusters pc ON pc.cluster_id = d.k
    UNION ALL
    SELECT d.k, d.k FROM (SELECT DISTINCT unnest(keys) AS k) d WHERE NOT EXISTS (SELECT 1 FROM person_clusters pc WHERE pc.person_id = d.k)
  )
  SELECT DISTINCT ON (m.v) m.v, x.person_id, x.id, x.region_code, x.agency_id, x.seq, x.occurred_on
  FROM m
  CROSS JOIN LATERAL (
    SELECT c.person_id, c.id, c.region_code, a.agency_id, a.seq, a.occurred_on
    FROM cases c JOIN case_actions a ON a.case_id = c.id
    WHERE c.person_id = m.person_id AND c.trafficking_status = 'ActualVictimOfTrafficking'
      AND a.type IN ('identification_decided', 'identification_reviewed') AND a.details->>'outcome' = 'ActualVictimOfTrafficking'
  ) x
  ORDER BY m.v, x.occurred_on, x.id, x.seq;
END
$$;
