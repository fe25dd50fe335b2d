import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { agencies, users } from './accounts.schema.ts';

/** What a field app's submission leaves on its screening (migration 0031). */
export interface FormSubmission {
  formId: string;
  version: string;
  instanceId: string;
  unknownIndicators: string[];
}

/** Victims' records: persons, cases and their history, screenings, public self-reports. */

export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    pseudonym: text('pseudonym').notNull(),
    firstNameEnc: text('first_name_enc').notNull(),
    secondNameEnc: text('second_name_enc').notNull(),
    middleNameEnc: text('middle_name_enc'),
    birthdateEnc: text('birthdate_enc'),
    identityDocumentType: text('identity_document_type'),
    identityNumberEnc: text('identity_number_enc'),
    mobilePhoneEnc: text('mobile_phone_enc'),
    addressEnc: text('address_enc'),
    /** Keyed hashes (HMAC) of normalised name tokens: search without storing names in clear. */
    nameIndex: text('name_index').array().notNull(),
    /** Keyed hash of the normalised identity number, for exact matching only. */
    identityNumberIndex: text('identity_number_index'),
    /**
     * Keyed hashes (HMAC) of core `linkageKeys`: record-linkage candidates in one indexed query,
     * without names in clear. `linkage_keys_version` is the core key version they were made with.
     */
    linkageKeys: text('linkage_keys').array().notNull().default(sql`'{}'::text[]`),
    linkageKeysVersion: smallint('linkage_keys_version').notNull().default(0),
    nameScript: text('name_script').notNull(),
    gender: text('gender').notNull(),
    birthYear: smallint('birth_year'),
    citizenship: text('citizenship').notNull(),
    regionCode: text('region_code').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** Minimal disclosure: set when the creator handed the record over and lost access to it. */
    creatorAccessEnded: boolean('creator_access_ended').notNull().default(false),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    /**
     * Derived, never written by the app (migration 0018's triggers recompute them on every
     * change of the person or of any of her cases): her own region and owner agency plus those
     * of each of her cases, so the scope predicate answers "in scope through a case" with one
     * GIN index instead of a subquery per row (auth/scope-filter.ts `personScopeOf`).
     */
    scopeRegions: text('scope_regions').array().notNull().default(sql`'{}'::text[]`),
    scopeAgencies: uuid('scope_agencies').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('persons_client_id_key').on(t.clientId),
    uniqueIndex('persons_pseudonym_key').on(t.pseudonym),
    index('persons_name_index_idx').using('gin', t.nameIndex),
    index('persons_identity_number_index_idx').on(t.identityNumberIndex),
    // A short pending list: every intake lookup reads it once per key (migration 0021).
    index('persons_linkage_keys_idx').using('gin', t.linkageKeys).with({ gin_pending_list_limit: 128 }),
    index('persons_region_idx').on(t.regionCode),
    index('persons_owner_agency_idx').on(t.ownerAgencyId),
    index('persons_created_by_idx').on(t.createdBy),
    index('persons_scope_regions_idx').using('gin', t.scopeRegions),
    index('persons_scope_agencies_idx').using('gin', t.scopeAgencies),
    // The persons list's order (newest first): a page walks it instead of sorting the scope.
    index('persons_created_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    reference: text('reference').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    regionCode: text('region_code').notNull(),
    exploitationTypes: text('exploitation_types').array().notNull(),
    /** Derived from case_actions by core deriveCaseState; cached here for lists and statistics. */
    status: text('status').notNull(),
    traffickingStatus: text('trafficking_status').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** Minimal disclosure: set when the creator handed the case over and lost access to it. */
    creatorAccessEnded: boolean('creator_access_ended').notNull().default(false),
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Formal identification is due by this date (working days from the referral, issue #3). */
    identificationDue: text('identification_due'),
    /** The HTCDS fields of an imported record Qorgau has no column for (issue #14), encrypted JSON. */
    htcdsExtraEnc: text('htcds_extra_enc'),
    /**
     * The HTCDS row an import made this case from (issue #14, migration 0035): a keyed hash of
     * the importing agency and the row's values, so a re-import of the row makes nothing new.
     */
    htcdsRowKey: text('htcds_row_key'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_client_id_key').on(t.clientId),
    uniqueIndex('cases_reference_key').on(t.reference),
    index('cases_person_idx').on(t.personId),
    index('cases_region_idx').on(t.regionCode),
    index('cases_owner_agency_idx').on(t.ownerAgencyId),
    index('cases_created_by_idx').on(t.createdBy),
    // The persons of the cases a user recorded and still holds as author (scope predicate, from the index).
    index('cases_creator_open_idx').on(t.createdBy, t.personId).where(sql`NOT creator_access_ended`),
    index('cases_updated_idx').on(t.updatedAt),
    index('cases_created_idx').on(t.createdAt),
    // The identification queue (open cases by due date): walked in order, the scope a cheap filter.
    index('cases_identification_queue_idx').on(t.identificationDue, t.id).where(sql`status = 'open' AND identification_due IS NOT NULL`),
    uniqueIndex('cases_htcds_row_key').on(t.htcdsRowKey).where(sql`htcds_row_key IS NOT NULL`),
  ],
);

export const caseAssignments = pgTable(
  'case_assignments',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('case_assignments_key').on(t.caseId, t.userId), index('case_assignments_user_idx').on(t.userId)],
);

export const caseActions = pgTable(
  'case_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** Non-identifying facts of the action (outcome, deciding organisation, target agency). */
    details: jsonb('details').$type<Record<string, string | string[]>>().notNull(),
    textEnc: text('text_enc'),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The day it happened (details.occurredOn, else the Kazakhstan date of `at`); kept by a trigger (migration 0024). */
    occurredOn: text('occurred_on'),
  },
  (t) => [
    uniqueIndex('case_actions_client_id_key').on(t.clientId),
    uniqueIndex('case_actions_case_seq_key').on(t.caseId, t.seq),
    // The prosecutor's work queue (migration 0016): open non-punishment flags per case.
    index('case_actions_non_punishment_idx').on(t.caseId, t.seq).where(sql`type IN ('non_punishment_flagged', 'non_punishment_reviewed')`),
    // The statistics year rule reads each positive identification (migration 0023).
    index('case_actions_identification_idx')
      .on(t.caseId, t.occurredOn)
      .where(sql`type IN ('identification_decided', 'identification_reviewed') AND details->>'outcome' = 'ActualVictimOfTrafficking'`),
    index('case_actions_identification_day_idx')
      .on(t.occurredOn)
      .where(sql`type IN ('identification_decided', 'identification_reviewed') AND details->>'outcome' = 'ActualVictimOfTrafficking'`),
  ],
);

/**
 * A frontline screening (issue #3): the encounter, the indicators observed and the result the
 * core rule evaluator gave. An anonymous notification (an adult declined) has no person and no
 * case, only the non-identifying facts that statistics count.
 */
export const screenings = pgTable(
  'screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    reference: text('reference').notNull(),
    screenerId: uuid('screener_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    encounterDate: text('encounter_date').notNull(),
    regionCode: text('region_code').notNull(),
    setting: text('setting').notNull(),
    language: text('language').notNull(),
    interpreterUsed: boolean('interpreter_used').notNull(),
    ageGroup: text('age_group').notNull(),
    gender: text('gender').notNull(),
    citizenship: text('citizenship').notNull(),
    exploitationTypes: text('exploitation_types').array().notNull(),
    observed: text('observed').array().notNull(),
    /** The evaluator's result, with the list and rule versions it used. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    level: text('level').notNull(),
    anonymous: boolean('anonymous').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    caseId: uuid('case_id').references(() => cases.id),
    handedOverTo: uuid('handed_over_to').references(() => agencies.id),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true, mode: 'date' }),
    /** A screening submitted from a field app (issue #14): the form's id, version and instance id, and indicators its version had that the lists in force do not. */
    formSubmission: jsonb('form_submission').$type<FormSubmission>(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('screenings_client_id_key').on(t.clientId),
    uniqueIndex('screenings_reference_key').on(t.reference),
    index('screenings_screener_idx').on(t.screenerId, t.createdAt),
    index('screenings_region_idx').on(t.regionCode),
    // Statistics count a year's screenings by encounter date (migration 0025).
    index('screenings_encounter_date_idx').on(t.encounterDate),
    // Minimal disclosure: "did this user hand this person over?" in the scope predicate (ADR 0004).
    index('screenings_handed_over_person_idx').on(t.personId, t.screenerId).where(sql`handed_over_at IS NOT NULL`),
    // The screener's work queue (migration 0016): her screenings with a case still to hand over.
    index('screenings_to_hand_over_idx').on(t.screenerId, t.createdAt).where(sql`case_id IS NOT NULL AND handed_over_at IS NULL`),
  ],
);

/**
 * Public self-reports (issue #3 item 6): the hotline queue. No author and no owner agency; the
 * free text (`what_happened_enc`, `contact_enc`) is encrypted like any personal field.
 */
export const selfReports = pgTable(
  'self_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    language: text('language').notNull(),
    reporter: text('reporter').notNull(),
    regionCode: text('region_code'),
    situation: text('situation').array().notNull(),
    whatHappenedEnc: text('what_happened_enc').notNull(),
    contactEnc: text('contact_enc'),
    safeToContact: boolean('safe_to_contact').notNull(),
    status: text('status').notNull().default('new'),
    assignedTo: uuid('assigned_to').references(() => users.id),
    screeningId: uuid('screening_id').references(() => screenings.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('self_reports_reference_key').on(t.reference), index('self_reports_queue_idx').on(t.status, t.createdAt)],
);
