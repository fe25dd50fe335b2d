-- Documents (issue #10): attachments (scanned documents, signed consent) stored encrypted.
-- Envelope encryption: the file is sealed with its own random key (AES-256-GCM, `content_enc`),
-- that key is wrapped by the keyring's active data key (`dek_enc`, a field ciphertext).
-- No hash of the plaintext is kept: it would be a fingerprint that confirms whether a known
-- document (a passport scan) is stored, without the key.
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid,
	"referral_id" uuid,
	"consent_id" uuid,
	"kind" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"filename_enc" text NOT NULL,
	"dek_enc" text NOT NULL,
	"content_enc" bytea NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_client_id_key" ON "attachments" USING btree ("client_id");
--> statement-breakpoint
CREATE INDEX "attachments_person_idx" ON "attachments" USING btree ("person_id","created_at");
--> statement-breakpoint
-- An attachment is evidence: never changed or deleted by the application. Only the wrapped key
-- and the file name may be re-encrypted, by key rotation (`npx qorgau keys rotate`).
REVOKE UPDATE, DELETE, TRUNCATE ON attachments FROM qorgau_app;
--> statement-breakpoint
GRANT UPDATE (dek_enc, filename_enc) ON attachments TO qorgau_app;
--> statement-breakpoint
COMMENT ON COLUMN attachments.content_enc IS 'personal data: AES-256-GCM ciphertext (iv || ciphertext || tag) of the file under its own key';
--> statement-breakpoint
COMMENT ON COLUMN attachments.dek_enc IS 'the file key, wrapped by the keyring data key (field ciphertext)';
--> statement-breakpoint
COMMENT ON COLUMN attachments.filename_enc IS 'personal data: AES-256-GCM ciphertext of the uploaded file name';
