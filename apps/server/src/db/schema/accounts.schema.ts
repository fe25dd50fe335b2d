import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/** Accounts: agencies, users, four-eyes grants, sessions and sign-in failures. */

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The name in each working language (issue #9); the web shows the reader's. */
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  type: text('type').notNull(),
  regionCode: text('region_code'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    national: boolean('national').notNull().default(false),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** Last accepted TOTP time step: a code is never accepted twice (replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    disabled: boolean('disabled').notNull().default(false),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true, mode: 'date' }),
    /** With failedAttempts: failed sign-ins since the last successful one, from any address (told to the owner). */
    lastFailedSignInAt: timestamp('last_failed_sign_in_at', { withTimezone: true, mode: 'date' }),
    /** False until a second person approves the account (four eyes, `accessGrants`): it cannot sign in. */
    approved: boolean('approved').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username)],
);

/**
 * Four-eyes grants (issue #8, migration 0008): a new account that may see personal data, or a
 * role or jurisdiction change that gives an account more of it, is requested by one
 * administrator and takes effect only when another administrator or the national coordinator
 * approves it. Until then the account keeps its old role and jurisdiction (a new one cannot
 * sign in). Decided, never deleted.
 */
export const accessGrants = pgTable(
  'access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    newAccount: boolean('new_account').notNull(),
    /** A reset of the password and second factor (migration 0011): the account waits as if new. */
    reset: boolean('reset').notNull().default(false),
    role: text('role').notNull(),
    national: boolean('national').notNull(),
    regions: text('regions').array().notNull(),
    previousRole: text('previous_role'),
    previousNational: boolean('previous_national'),
    previousRegions: text('previous_regions').array(),
    /** A move to another agency (migration 0011): the agency asked for and the one it had; null when the agency stays. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    previousAgencyId: uuid('previous_agency_id').references(() => agencies.id),
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('access_grants_one_pending_key').on(t.userId).where(sql`status = 'pending'`),
    index('access_grants_status_idx').on(t.status, t.requestedAt),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not yield usable sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    stage: text('stage').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    /** Failed sign-ins between the previous sign-in and the one that opened this session (shown to the owner). */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lastFailedSignInAt: timestamp('last_failed_sign_in_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-ins per account and address (migration 0010): the lock is per pair, never per account. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ip: text('ip').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.ip] })],
);
