import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { agencies, users } from './accounts.schema.ts';
import { cases, persons } from './records.schema.ts';

/**
 * Referral and protection (issue #10, migration 0013): the providers a person can be referred
 * to, the consent that lets her data go there, the referral itself and the access it opens.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A shelter or a service in the directory. `agency_id` is the organisation that runs it: its
 * shelter manager keeps the entry current, and its staff receive the referrals made to it.
 * Contacts are the organisation's (public), never a person's, so they are not encrypted.
 * `occupancy` is kept by admissions and discharges in the same transaction (and may be
 * corrected by the manager for persons not recorded here).
 */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    /** core PROVIDER_KINDS: a shelter (beds) or a service (no beds). */
    kind: text('kind').notNull(),
    /** core PROVIDER_SERVICES. */
    services: text('services').array().notNull(),
    regionCode: text('region_code').notNull(),
    district: text('district'),
    /** `urban` or `rural`: most labour-trafficking cases are rural, services urban (DOMAIN.md §6). */
    settlement: text('settlement').notNull(),
    /** core PROVIDER_ELIGIBILITY: adults, children (unaccompanied, placed separately), men, women, foreign nationals. */
    eligibility: text('eligibility').array().notNull(),
    capacity: integer('capacity').notNull().default(0),
    occupancy: integer('occupancy').notNull().default(0),
    /** ISO 639-1 codes. */
    languages: text('languages').array().notNull(),
    /** core PROVIDER_FUNDING: government-funded shelters take identified persons (rule as data). */
    funding: text('funding').notNull(),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    /** Hours a referral may wait for an answer before it escalates; null: the installation default. */
    answerWithinHours: integer('answer_within_hours'),
    active: boolean('active').notNull().default(true),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('providers_region_idx').on(t.regionCode, t.kind), index('providers_agency_idx').on(t.agencyId)],
);

/**
 * A person's consent to share her data with one provider (DOMAIN.md §2.3: recorded before any
 * personal data is shared). `shares`: what may be shared (core CONSENT_SHARES). A withdrawal
 * is a fact with a time, never a deletion: from `withdrawn_at` every read stops sharing.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    shares: text('shares').array().notNull(),
    /** Last day (Kazakhstan date, YYYY-MM-DD) the consent holds. */
    validUntil: text('valid_until').notNull(),
    /** `person`, or `guardian` for a child. */
    givenBy: text('given_by').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    recordedAt: at('recorded_at').notNull(),
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('consents_client_id_key').on(t.clientId), index('consents_person_idx').on(t.personId, t.providerId)],
);

/**
 * A referral is a record of its own (issue #10): sender, receiving provider, named services,
 * the consent it relies on (or an override with reasons), an answer deadline. Its status is
 * derived from `referral_actions` by core (cached here for queues); it never changes the
 * identification or justice tracks. `provider_agency_id` and `region_code` are copied from the
 * provider so a queue is one indexed scan, without a join per row.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    reference: text('reference').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    providerAgencyId: uuid('provider_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The provider's region (where the person goes). */
    regionCode: text('region_code').notNull(),
    services: text('services').array().notNull(),
    consentId: uuid('consent_id').references(() => consents.id),
    /** Why the referral went without consent (encrypted: it may describe the person). */
    overrideReasonEnc: text('override_reason_enc'),
    /** Emergency placement pending identification (the shelter eligibility rule allows it). */
    emergency: boolean('emergency').notNull().default(false),
    status: text('status').notNull(),
    dueAt: at('due_at').notNull(),
    escalatedAt: at('escalated_at'),
    referredBy: uuid('referred_by')
      .notNull()
      .references(() => users.id),
    referringAgencyId: uuid('referring_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** A transfer: the referral this one continues (the history stays on both). */
    transferredFrom: uuid('transferred_from'),
    /**
     * The day the referral was made (YYYY-MM-DD, Kazakhstan): the day recorded for a referral
     * entered after the fact, else the day it was recorded (migration 0029). Statistics count a
     * referral in the year of this day. Optional on insert: the trigger fills it for any writer
     * that does not say (the database has no default; `default` here only makes it optional).
     */
    referredOn: text('referred_on').notNull().default(sql`null`),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('referrals_client_id_key').on(t.clientId),
    uniqueIndex('referrals_reference_key').on(t.reference),
    index('referrals_person_idx').on(t.personId),
    index('referrals_case_idx').on(t.caseId),
    index('referrals_created_idx').on(t.createdAt),
    index('referrals_provider_queue_idx').on(t.providerAgencyId, t.status, t.dueAt),
    index('referrals_sender_queue_idx').on(t.referringAgencyId, t.status, t.dueAt),
    index('referrals_region_queue_idx').on(t.regionCode, t.status, t.dueAt),
    index('referrals_waiting_idx').on(t.dueAt).where(sql`status = 'sent' AND escalated_at IS NULL`),
  ],
);

/** The referral's history, append-only like `case_actions`. */
export const referralActions = pgTable(
  'referral_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    details: jsonb('details').$type<Record<string, string | string[]>>().notNull(),
    textEnc: text('text_enc'),
    /** Null for the system's own actions (an escalation by the deadline job). */
    actorId: uuid('actor_id').references(() => users.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    at: at('at').notNull(),
  },
  (t) => [uniqueIndex('referral_actions_client_id_key').on(t.clientId), uniqueIndex('referral_actions_referral_seq_key').on(t.referralId, t.seq)],
);

/**
 * Access a referral opened (issue #10): the receiving agency's staff see the person and the
 * case, within `shares` (copied from the consent; all for an override), from `starts_at`
 * until the referral ends (`ends_at`), the consent lapses (`until`) or is withdrawn (`revoked_at`). Rows are
 * closed, never deleted: who could see what, when, stays answerable. The scope predicate
 * reads only open rows (`referralAccess` in auth/scope-filter.ts).
 */
export const caseAccess = pgTable(
  'case_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    consentId: uuid('consent_id').references(() => consents.id),
    shares: text('shares').array().notNull(),
    startsAt: at('starts_at').notNull(),
    /** The consent's last moment (end of its valid-until day in Kazakhstan); null for an override. */
    until: at('until'),
    /** Set when the referral ended (declined, completed, withdrawn, transferred). */
    endsAt: at('ends_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    index('case_access_open_case_idx').on(t.caseId, t.agencyId).where(sql`ends_at IS NULL AND revoked_at IS NULL`),
    index('case_access_open_person_idx').on(t.personId, t.agencyId).where(sql`ends_at IS NULL AND revoked_at IS NULL`),
    index('case_access_referral_idx').on(t.referralId),
    // The scope predicate gathers an agency's open grants once per statement (migration 0018).
    // (covering: the grant's person, lapse and shares are read from the index, not the table).
    index('case_access_open_agency_idx').on(t.agencyId, t.caseId, t.personId, t.until, t.shares).where(sql`ends_at IS NULL AND revoked_at IS NULL`),
  ],
);
