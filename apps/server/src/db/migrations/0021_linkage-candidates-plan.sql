-- Intake duplicate check at national scale (issue #12, docs/benchmarks.md §5). On a freshly
-- loaded 1,000,000-person database (no statistics yet: autovacuum off, or not yet round) the
-- planner priced `linkage_keys && <probe keys>` at 1 - 0.995^keys of the table, and for probes
-- with many keys read every row (2 s) instead of the few dozen that share a key.
--
-- person_linkage_hits: the records sharing each probe key, at most `per_key` of them per key,
-- plus those with the identity number; per record the number of keys it shares (`shared`) and
-- the size of the smallest key list it was found through (`rarest`). Sequential scans are off
-- for this function's own statement only (the SET clause is undone on return), so every key is
-- one GIN index lookup whatever the statistics; the caller joins the ids back to `persons` by
-- primary key (ROWS 200: a bounded list) and applies the reader's scope there.
CREATE OR REPLACE FUNCTION person_linkage_hits(keys text[], identity_index text, per_key integer)
  RETURNS TABLE (person_id uuid, shared integer, rarest integer)
  LANGUAGE sql STABLE
  SET enable_seqscan = off
  SET jit = off
  ROWS 200
AS $$
  SELECT h.id, sum(h.w)::integer, min(h.n)::integer
  FROM (
    SELECT s.id, 1 AS w, count(*) OVER (PARTITION BY k.key) AS n
    FROM unnest(keys) AS k(key)
    CROSS JOIN LATERAL (SELECT p.id FROM persons p WHERE p.linkage_keys @> ARRAY[k.key] LIMIT per_key) s
    UNION ALL
    SELECT p.id, 0, count(*) OVER () FROM persons p WHERE p.identity_number_index = identity_index
  ) h
  GROUP BY h.id
$$;
--> statement-breakpoint
-- Every GIN lookup also reads the index's pending list (fast-update entries not yet merged),
-- which without vacuum grows to 4 MB: ~500 pages read per key. 128 kB keeps that to ~16 pages;
-- the merge just happens in smaller batches (the keys are keyed hashes, nearly all distinct, so
-- large batches save little). The list already there is merged once, now.
ALTER INDEX "persons_linkage_keys_idx" SET (gin_pending_list_limit = 128);
--> statement-breakpoint
SELECT gin_clean_pending_list('persons_linkage_keys_idx'::regclass);
