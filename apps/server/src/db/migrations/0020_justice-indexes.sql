-- Justice at national scale (issue #11, docs/benchmarks.md §8, "Justice at national scale"):
-- the list of criminal cases is ordered by registration, newest first. Without an index in that
-- order every page sorted all the cases in the reader's scope (50,000 for the coordinator:
-- 45 ms on a busy machine); with it a page reads its 20 rows in order (0.15 ms), and a
-- prosecutor's region filters the first ~100 entries.
CREATE INDEX "criminal_cases_registered_idx" ON "criminal_cases" USING btree ("registered_on" DESC, "created_at" DESC, "id");
