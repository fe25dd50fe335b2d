-- Three triggers an HTCDS import of 100,000 rows runs for every row (issue #14,
-- docs/benchmarks.md §10), made to cost the same per row whatever the register's size.
--
-- 1. A person's scope columns (migration 0018) on INSERT: her own region and agency, without
-- looking for cases. None can name her yet: a case's person is a foreign key checked at once
-- (not deferrable), so no case can name a person not yet written; each case inserted later adds
-- its region and agency (`cases_person_scope_inserted`). Updates recompute the union over her
-- cases, as before. The two lookups of `cases` per person were 1.7 s of the import.
CREATE OR REPLACE FUNCTION persons_scope_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.scope_regions := ARRAY[NEW.region_code];
    NEW.scope_agencies := ARRAY[NEW.owner_agency_id];
  ELSE
    NEW.scope_regions := ARRAY(SELECT NEW.region_code UNION SELECT c.region_code FROM cases c WHERE c.person_id = NEW.id);
    NEW.scope_agencies := ARRAY(SELECT NEW.owner_agency_id UNION SELECT c.owner_agency_id FROM cases c WHERE c.person_id = NEW.id);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- 2. The persons of a statement's new cases (migration 0032), each looked up by her id. As a
-- join, the planner hashed the whole persons table for every statement of 5,000 cases: 80 ms
-- at 100,000 persons, ten times that at a million. A LATERAL lookup with LIMIT is never
-- flattened into a join: one index probe per case. The result is the same rows (id is the key).
CREATE OR REPLACE FUNCTION cases_person_scope_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE persons p SET scope_regions = '{}'
  WHERE p.id IN (
    SELECT n.person_id FROM new_rows n
    CROSS JOIN LATERAL (SELECT q.scope_regions, q.scope_agencies FROM persons q WHERE q.id = n.person_id LIMIT 1) q
    WHERE NOT (q.scope_regions @> ARRAY[n.region_code] AND q.scope_agencies @> ARRAY[n.owner_agency_id]));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- 3. The first identifications of the victims a statement touched (migrations 0027, 0032), found
-- from each record outward: her cases by person, each case's earliest decision by case. As
-- joins, the plan depended on statistics the import is still writing: with none yet on
-- `case_actions` (the first statement into a new register) the planner read every decision for
-- each record (5.4 s for 2,219 victims); later, guessing one decision in two hundred has the
-- outcome it counts (`details->>'outcome'` has no statistics), it hashed every decision in the
-- register for each statement (115 ms halfway through 100,000 rows, growing with the import).
-- A LATERAL with LIMIT is never flattened into a join, so each level is a probe of an index on
-- the key it is given; a case's actions are read whole by (case_id, seq) behind an OFFSET 0
-- fence, where no partial index of decisions applies (a case has a handful). The earliest
-- decision per case, then per record, then per victim, by the same total order (day, case id,
-- seq), is the earliest per victim: the same rows, checked by the property test in
-- victim-first-identifications.int.test.ts.
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
    FROM cases c
    CROSS JOIN LATERAL (
      SELECT a.agency_id, a.seq, a.occurred_on
      FROM (SELECT * FROM case_actions a WHERE a.case_id = c.id OFFSET 0) a
      WHERE a.type IN ('identification_decided', 'identification_reviewed') AND a.details->>'outcome' = 'ActualVictimOfTrafficking'
      ORDER BY a.occurred_on, a.seq
      LIMIT 1
    ) a
    WHERE c.person_id = m.person_id AND c.trafficking_status = 'ActualVictimOfTrafficking'
    ORDER BY a.occurred_on, c.id, a.seq
    LIMIT 1
  ) x
  ORDER BY m.v, x.occurred_on, x.id, x.seq;
END
$$;
