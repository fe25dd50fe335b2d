-- The home page's work queues and the bell (issue #10 item 5): each queue is one indexed scan.
-- (Identification deadlines already have theirs: cases_identification_due_idx, migration 0004.)
-- Non-punishment flags and their reviews, found per case without reading the whole log.
CREATE INDEX "case_actions_non_punishment_idx" ON "case_actions" USING btree ("case_id","seq") WHERE "type" IN ('non_punishment_flagged', 'non_punishment_reviewed');
--> statement-breakpoint
-- A screener's screenings still to hand over.
CREATE INDEX "screenings_to_hand_over_idx" ON "screenings" USING btree ("screener_id","created_at") WHERE "case_id" IS NOT NULL AND "handed_over_at" IS NULL;
--> statement-breakpoint
-- The bell's unread count.
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id","created_at") WHERE "read_at" IS NULL;
