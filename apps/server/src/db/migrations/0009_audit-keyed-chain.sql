-- Issue #8: the audit chain moves off the request path and becomes keyed (ADR 0007).
-- An audited request now does one plain INSERT into audit_log; a background chainer links
-- entries in the order it sees them commit, with HMAC-SHA-256 under a key held outside the
-- database, in audit_chain. Written for PostgreSQL 15 (server) and 18 (PGlite).

-- The lane columns of the old unkeyed scheme stay, filled for entries written before this
-- migration (evidence is never dropped) and empty from now on. Those entries are chained by
-- the chainer like any other, in id order, on its first run.
ALTER TABLE "audit_log" ALTER COLUMN "lane" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "lane_seq" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;
--> statement-breakpoint
-- The inserting transaction's id. Ids (bigserial) are taken at insert time, not at commit, so
-- an entry with a smaller id can commit after a larger one was chained; the transaction id
-- lets the chainer know which entries can no longer appear (every transaction older than its
-- snapshot's xmin has ended) and look only at newer ones. Added without a default first, so
-- existing rows stay NULL (no rewrite of the table).
ALTER TABLE "audit_log" ADD COLUMN "txid" xid8;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "txid" SET DEFAULT pg_current_xact_id();
--> statement-breakpoint
CREATE INDEX "audit_log_txid_idx" ON "audit_log" ("txid");
--> statement-breakpoint
-- One row per chained entry, in chain order (seq 1, 2, …). mac = HMAC-SHA-256(key, seq,
-- prev_mac, entry): see apps/server/src/audit/audit-chain.ts. `horizon` is the chainer's claim
-- that every entry of a transaction older than it is chained (where the next run starts);
-- `chained_at` is informative (not covered by the MAC).
CREATE TABLE "audit_chain" (
  "seq" bigint PRIMARY KEY,
  "entry_id" bigint NOT NULL REFERENCES "audit_log" ("id"),
  "prev_mac" text NOT NULL,
  "mac" text NOT NULL,
  "horizon" xid8,
  "chained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_entry_key" ON "audit_chain" ("entry_id");
--> statement-breakpoint
-- Append-only like audit_log: the application may add links and read them, never change them.
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_chain" FROM qorgau_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON "audit_chain" TO qorgau_app;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE OR DELETE ON "audit_chain"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON "audit_chain"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- The lane heads were the request path's lock; nothing reads them any more.
DROP TABLE "audit_heads";
