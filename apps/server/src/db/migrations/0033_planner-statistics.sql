-- The planner's statistics of the register's tables, refreshed by a large write inside its own
-- transaction (issue #14: an HTCDS import of 100,000 rows into a new register). Statistics are
-- gathered by autovacuum after a commit; until then the planner takes a table the transaction
-- has filled for nearly empty, and the triggers' statements (the first identifications,
-- migrations 0027 and 0032) chose plans that re-read every identification decision per victim:
-- 8 s a statement of 5,000 actions at 100,000 rows. ANALYZE inside the transaction samples its
-- own new rows as live, and the statistics it writes roll back with it.
--
-- ANALYZE needs the tables' owner, so this runs as the owner (SECURITY DEFINER) for the
-- application role, on the tables a bulk import writes and nothing else. It holds the tables'
-- SHARE UPDATE EXCLUSIVE lock until the transaction ends: ordinary reads and writes go on,
-- autovacuum waits, and a second import's refresh waits for the first import to commit.
CREATE OR REPLACE FUNCTION refresh_planner_statistics(tables text[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY tables LOOP
    IF t NOT IN ('persons', 'cases', 'case_actions', 'person_clusters', 'person_link_proposals', 'htcds_imported_rows') THEN
      RAISE EXCEPTION 'refresh_planner_statistics: % is not a table a bulk import writes', t;
    END IF;
    EXECUTE format('ANALYZE %I', t);
  END LOOP;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION refresh_planner_statistics(text[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION refresh_planner_statistics(text[]) TO qorgau_app;
