-- Coherent clusters (issue #12): a bulk run records the sizes of the clusters it formed and
-- how many model 'same' pairs it refused to join (conflicting records, or a cluster grown too
-- large), which became 'review' proposals.
ALTER TABLE "linkage_runs" ADD COLUMN "cluster_sizes" jsonb;--> statement-breakpoint
ALTER TABLE "linkage_runs" ADD COLUMN "refused_merges" integer DEFAULT 0 NOT NULL;
