import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './accounts.schema.ts';

/** Installation facts and reference data replaced by administrators. */

/** Small key/value facts about this installation (e.g. the key-check ciphertext). */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Reference data replaced by a national administrator (issue #3): a new version of an
 * indicator list or of the rules, or the same version marked verified. The newest row per
 * (kind, doc_id) wins over the file shipped in reference/; rows are never edited.
 */
export const referenceDocuments = pgTable(
  'reference_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    docId: text('doc_id').notNull(),
    version: text('version').notNull(),
    verification: text('verification').notNull(),
    content: jsonb('content').$type<unknown>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('reference_documents_doc_idx').on(t.kind, t.docId, t.createdAt)],
);
