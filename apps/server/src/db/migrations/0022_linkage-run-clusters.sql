-- Coherent clusters (issue #12): a bulk run records the sizes of the clusters it formed and
-- how many model 'same' pairs it refused to join (conflicting records, or a cluster grown too
-- large), which became 'review' proposals; a proposal says why a pair the score alone would
-- call the same person waits for a person ('evidence', 'conflict' or 'cluster').
ALTER TABLE "linkage_runs" ADD COLUMN "cluster_sizes" jsonb;--> statement-breakpoint
ALTER TABLE "linkage_runs" ADD COLUMN "refused_merges" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "person_link_proposals" ADD COLUMN "review_reason" text;
