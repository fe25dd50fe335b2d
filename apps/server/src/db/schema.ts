/**
 * The database schema, one file per area under schema/ (drizzle-kit reads this index).
 *
 * Columns ending in `_enc` hold AES-256-GCM ciphertext (see crypto/field-cipher.ts); they are
 * personal data and never appear in statistics, logs or indexes. Statistics and search use
 * only the non-identifying columns documented in docs/keys-and-encryption.md.
 */
export * from './schema/accounts.schema.ts';
export * from './schema/records.schema.ts';
export * from './schema/audit.schema.ts';
export * from './schema/reference.schema.ts';
export * from './schema/linkage.schema.ts';
export * from './schema/care.schema.ts';
export * from './schema/work.schema.ts';
export * from './schema/documents.schema.ts';
export * from './schema/protection.schema.ts';
export * from './schema/entitlements.schema.ts';
export * from './schema/justice.schema.ts';
export * from './schema/statistics.schema.ts';
export * from './schema/exchange.schema.ts';
