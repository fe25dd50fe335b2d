import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, users } from './accounts.schema.ts';
import { cases, persons } from './records.schema.ts';

/**
 * Entitlements (issue #10 item 4, migration 0015). The truth is core `deriveEntitlements` over
 * the rules in force and the person's facts; `entitlements` caches its outcome per person and
 * kind for queues, reminders and statistics (recomputed in the transaction that changes a fact
 * and by the daily sweep), and `entitlement_actions` is the append-only record of what users
 * recorded on an entitlement (who pays for medical care, an extension) and of the proceedings.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const entitlements = pgTable(
  'entitlements',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The case whose identification started the clocks (the latest case when none did). */
    caseId: uuid('case_id').references(() => cases.id),
    /** core ENTITLEMENT_KINDS. */
    kind: text('kind').notNull(),
    /** core ENTITLEMENT_STATES, as of `updated_at`. */
    state: text('state').notNull(),
    startsOn: text('starts_on'),
    /** The last day it holds; null = open-ended. */
    endsOn: text('ends_on'),
    /** core MEDICAL_PAYERS, for a service that is not free. */
    paidBy: text('paid_by'),
    rulesVersion: text('rules_version'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [uniqueIndex('entitlements_person_kind_key').on(t.personId, t.kind), index('entitlements_ends_idx').on(t.endsOn).where(sql`ends_on IS NOT NULL`)],
);

export const entitlementActions = pgTable(
  'entitlement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    kind: text('kind').notNull(),
    /** `record_medical_payer`, `record_extension`, `proceedings_recorded`. */
    type: text('type').notNull(),
    /** Non-identifying facts: payer, reason, until, open, finalOn. */
    details: jsonb('details').$type<Record<string, string | boolean | null>>().notNull(),
    /** Personal data: the note, AES-256-GCM ciphertext. */
    noteEnc: text('note_enc'),
    actorId: uuid('actor_id').references(() => users.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    at: at('at').notNull(),
  },
  (t) => [uniqueIndex('entitlement_actions_client_id_key').on(t.clientId), index('entitlement_actions_person_idx').on(t.personId, t.at)],
);
