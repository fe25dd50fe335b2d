import { customType, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { agencies, users } from './accounts.schema.ts';
import { consents, referrals } from './care.schema.ts';
import { cases, persons } from './records.schema.ts';

/** PostgreSQL bytea as a Buffer (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Documents (issue #10, migration 0017): attachments of a person (scanned identity documents,
 * signed consent, medical and legal papers). Append-only (database grants): evidence is never
 * changed; key rotation may re-wrap `dek_enc` and re-encrypt `filename_enc` only.
 *
 * Envelope encryption (crypto/blob-cipher.ts): `content_enc` is the file sealed with its own
 * random AES-256-GCM key; `dek_enc` is that key wrapped by the keyring (a field ciphertext), so
 * a rotation re-wraps 32 bytes instead of re-encrypting every file. `content_type` is decided
 * from the bytes (magic numbers), never from the name or the declared header. No hash of the
 * plaintext is stored: it would let anyone with the database confirm that a known document
 * (a given passport scan) is held, without the key.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    caseId: uuid('case_id').references(() => cases.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    consentId: uuid('consent_id').references(() => consents.id),
    /** core ATTACHMENT_KINDS. */
    kind: text('kind').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    filenameEnc: text('filename_enc').notNull(),
    dekEnc: text('dek_enc').notNull(),
    contentEnc: bytea('content_enc').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('attachments_client_id_key').on(t.clientId), index('attachments_person_idx').on(t.personId, t.createdAt)],
);
