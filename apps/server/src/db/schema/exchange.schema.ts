import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, users } from './accounts.schema.ts';

/** One HTCDS file taken in or checked (issue #14, migration 0030); the row report encrypted. */
export const htcdsImports = pgTable(
  'htcds_imports',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sha256: text('sha256').notNull(),
    format: text('format').notNull(),
    dryRun: boolean('dry_run').notNull(),
    rowsRead: integer('rows_read').notNull(),
    created: integer('created').notNull(),
    alreadyImported: integer('already_imported').notNull(),
    linked: integer('linked').notNull(),
    rejected: integer('rejected').notNull(),
    reportEnc: text('report_enc'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('htcds_imports_agency_idx').on(t.agencyId, t.at)],
);

/** A field device's key (issue #14, migration 0031): only its SHA-256 is kept; revoked, it opens nothing. */
export const deviceKeys = pgTable(
  'device_keys',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    label: text('label').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('device_keys_key_hash_key').on(t.keyHash), index('device_keys_user_idx').on(t.userId)],
);
