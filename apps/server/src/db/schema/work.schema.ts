import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { users } from './accounts.schema.ts';

/**
 * Work that reaches a person (issue #10, migration 0013): in-app notifications (the bell) and
 * the e-mail/SMS messages sent for them. Neither holds personal data of a victim: a
 * notification names its subject by kind and id (the reader opens it within her own scope),
 * and its `facts` are non-identifying (a reference, a date, a count).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The i18n key suffix of the sentence (notifications.kind.<kind>), e.g. `referral_escalated`. */
    kind: text('kind').notNull(),
    /** What it is about: `referral`, `case`, `protection_case`, `entitlement`, `follow_up`, `person`. */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    facts: jsonb('facts').$type<Record<string, string | number>>().notNull(),
    /** One notice per (user, kind, subject, dedupe key): a job that runs twice does not repeat it. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
    // The bell's unread count (migration 0016).
    index('notifications_unread_idx').on(t.userId, t.createdAt).where(sql`read_at IS NULL`),
  ],
);

/**
 * E-mail and SMS behind an adapter (issue #10): the default adapter only records the message
 * here (`status = 'recorded'`); a real gateway marks it `sent` or `failed`.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id'),
    channel: text('channel').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The rendered text, in the recipient's language; never a victim's name. */
    body: text('body').notNull(),
    status: text('status').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('outbound_messages_user_idx').on(t.userId, t.createdAt)],
);
