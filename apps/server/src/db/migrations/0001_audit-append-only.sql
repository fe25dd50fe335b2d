-- Security measures drizzle-kit does not generate. Written for PostgreSQL 15 (server) and 18 (PGlite).

-- The application runs as qorgau_app (the server does SET ROLE qorgau_app on every connection;
-- docs/deploying.md: GRANT qorgau_app TO <login user>). Created idempotently: roles are
-- cluster-wide and parallel test databases may race to create it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qorgau_app') THEN
    CREATE ROLE qorgau_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO qorgau_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO qorgau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO qorgau_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO qorgau_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO qorgau_app;
--> statement-breakpoint
-- Audit entries can be added and read, never changed or removed, by the application.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM qorgau_app;
--> statement-breakpoint
-- A second line of defence for any role without the grant check (e.g. a careless superuser
-- session): changing history must be a deliberate act (disabling this trigger), and even then
-- the hash chain exposes it.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Eight chain heads, each starting from the genesis hash (64 zeros).
INSERT INTO audit_heads (lane, seq, hash)
  SELECT g, 0, repeat('0', 64) FROM generate_series(0, 7) AS g;
--> statement-breakpoint
COMMENT ON COLUMN persons.first_name_enc IS 'personal data: AES-256-GCM ciphertext';
--> statement-breakpoint
COMMENT ON COLUMN persons.second_name_enc IS 'personal data: AES-256-GCM ciphertext';
--> statement-breakpoint
COMMENT ON COLUMN persons.middle_name_enc IS 'personal data: AES-256-GCM ciphertext';
--> statement-breakpoint
COMMENT ON COLUMN persons.birthdate_enc IS 'personal data: AES-256-GCM ciphertext';
--> statement-breakpoint
COMMENT ON COLUMN persons.identity_number_enc IS 'personal data: AES-256-GCM ciphertext';
--> statement-breakpoint
COMMENT ON COLUMN persons.mobile_phone_enc IS 'personal data: AES-256-GCM ciphertext';
--> statement-breakpoint
COMMENT ON COLUMN persons.address_enc IS 'personal data: AES-256-GCM ciphertext';
--> statement-breakpoint
COMMENT ON COLUMN persons.name_index IS 'keyed HMAC-SHA-256 of normalised name tokens (blind index), no clear text';
--> statement-breakpoint
COMMENT ON COLUMN case_actions.text_enc IS 'personal data: AES-256-GCM ciphertext of free-text narrative';
--> statement-breakpoint
CREATE SEQUENCE case_reference_seq;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE case_reference_seq TO qorgau_app;
