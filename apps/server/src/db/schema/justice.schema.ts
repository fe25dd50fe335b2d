import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, users } from './accounts.schema.ts';
import { createdAt } from './columns.ts';
import { persons } from './records.schema.ts';

/**
 * Justice and redress (issue #11, migration 0019): criminal cases and their defendants, the
 * victims in them (interviews, protective measures), and per person the right to compensation
 * explained, civil claims, awards and payments, and legal aid. The criminal-procedure track is
 * independent of social identification (DOMAIN.md §2.2): a proceeding victim need have no NRM
 * case. Dates of procedure are civil dates (`YYYY-MM-DD`, Kazakhstan's day) stored as text;
 * amounts are whole tenge (bigint, `mode: 'number'`: at most MAX_AMOUNT_TENGE, well inside 2^53).
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenge = (name: string) => bigint(name, { mode: 'number' });

export const criminalCases = pgTable(
  'criminal_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    /** The registration number in the Unified Register of Pre-trial Investigations (ERDR). */
    erdrNumber: text('erdr_number').notNull(),
    /** Criminal Code article codes (core criminal-articles.ts), of `articles_version`. */
    articles: text('articles').array().notNull(),
    articlesVersion: text('articles_version').notNull(),
    /** HTCDS exploitation types (core EXPLOITATION_TYPES). */
    exploitationTypes: text('exploitation_types').array().notNull().default(sql`'{}'::text[]`),
    /** A short account of the case: personal data (names, places), AES-256-GCM ciphertext. */
    summaryEnc: text('summary_enc'),
    regionCode: text('region_code').notNull(),
    /** The registering unit (investigative body or prosecutor's office): the owner. */
    ownerAgencyId: uuid('owner_agency_id')
      .notNull()
      .references(() => agencies.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    investigatorId: uuid('investigator_id').references(() => users.id),
    prosecutorId: uuid('prosecutor_id').references(() => users.id),
    /** core CRIMINAL_STAGES; the date it was entered; the reason of a suspension or termination. */
    stage: text('stage').notNull(),
    stageOn: text('stage_on').notNull(),
    stageReason: text('stage_reason'),
    registeredOn: text('registered_on').notNull(),
    /** The pre-trial term's last day (core PRETRIAL_TERM_MONTHS; the prosecutor extends it). */
    deadlineOn: text('deadline_on'),
    /** The day the proceedings ended: the final judgement, or the termination. */
    endedOn: text('ended_on'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('criminal_cases_client_id_key').on(t.clientId),
    uniqueIndex('criminal_cases_erdr_key').on(t.erdrNumber),
    index('criminal_cases_region_idx').on(t.regionCode, t.stage, t.deadlineOn),
    index('criminal_cases_agency_idx').on(t.ownerAgencyId, t.stage),
    // The list's order, newest registration first (migration 0020).
    index('criminal_cases_registered_idx').on(t.registeredOn.desc(), t.createdAt.desc(), t.id),
    index('criminal_cases_investigator_idx').on(t.investigatorId).where(sql`investigator_id IS NOT NULL`),
    index('criminal_cases_prosecutor_idx').on(t.prosecutorId).where(sql`prosecutor_id IS NOT NULL`),
  ],
);

/** The history of a criminal case: one row per action; append-only. `details`: codes and dates only. */
export const criminalCaseEvents = pgTable(
  'criminal_case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    criminalCaseId: uuid('criminal_case_id')
      .notNull()
      .references(() => criminalCases.id),
    /** `registered`, or core CRIMINAL_CASE_ACTIONS. */
    type: text('type').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** A free-text note or reason: personal data, encrypted. */
    noteEnc: text('note_enc'),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    at: at('at').notNull(),
  },
  (t) => [uniqueIndex('criminal_case_events_client_id_key').on(t.clientId), index('criminal_case_events_case_idx').on(t.criminalCaseId, t.at)],
);

/** A suspect, accused or defendant: a person or a business. The name is personal data. */
export const defendants = pgTable(
  'defendants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    criminalCaseId: uuid('criminal_case_id')
      .notNull()
      .references(() => criminalCases.id),
    /** 1, 2, …: "Defendant 2" to whoever may not see names. */
    seq: integer('seq').notNull(),
    /** core DEFENDANT_KINDS. */
    kind: text('kind').notNull(),
    /** Full name (or a business's name), AES-256-GCM ciphertext. */
    nameEnc: text('name_enc').notNull(),
    /** ISO 3166-1 alpha-2 (a business: its country of registration). */
    citizenship: text('citizenship'),
    /** core DEFENDANT_STATUSES. */
    status: text('status').notNull(),
    /** A public official complicit in the offence, and her agency type (core OFFICIAL_AGENCY_TYPES). */
    official: boolean('official').notNull().default(false),
    officialAgencyType: text('official_agency_type'),
    /** The current charges (article codes); their history is in criminal_case_events (`charge`). */
    articles: text('articles').array().notNull(),
    /** core OUTCOMES, SENTENCE_KINDS; months of a custodial/suspended/restricted sentence; a fine. */
    outcome: text('outcome'),
    outcomeOn: text('outcome_on'),
    sentenceKind: text('sentence_kind'),
    sentenceMonths: integer('sentence_months'),
    fineTenge: tenge('fine_tenge'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('defendants_client_id_key').on(t.clientId),
    uniqueIndex('defendants_case_seq_key').on(t.criminalCaseId, t.seq),
    index('defendants_official_idx').on(t.criminalCaseId).where(sql`official`),
  ],
);

/** A person in a criminal case with her procedural role (DOMAIN.md §2.5). */
export const proceedingVictims = pgTable(
  'proceeding_victims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    criminalCaseId: uuid('criminal_case_id')
      .notNull()
      .references(() => criminalCases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** core PROCEDURAL_ROLES. */
    proceduralRole: text('procedural_role').notNull(),
    linkedOn: text('linked_on').notNull(),
    /** She took part in the investigation (testimony, confrontation): the seeds count these victims. */
    participated: boolean('participated').notNull().default(false),
    /** She left Kazakhstan on this day; the case continues under her counsel if `counsel_continues`. */
    leftCountryOn: text('left_country_on'),
    counselContinues: boolean('counsel_continues').notNull().default(false),
    /** She took a job during the proceedings (DOMAIN.md §2.5), from this day. */
    employedSince: text('employed_since'),
    linkedBy: uuid('linked_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('proceeding_victims_client_id_key').on(t.clientId),
    uniqueIndex('proceeding_victims_case_person_key').on(t.criminalCaseId, t.personId),
    index('proceeding_victims_person_idx').on(t.personId),
  ],
);

/** An interview of a victim. Once one was video-recorded, a repeat needs a reason (avoid re-traumatising). */
export const victimInterviews = pgTable(
  'victim_interviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    proceedingVictimId: uuid('proceeding_victim_id')
      .notNull()
      .references(() => proceedingVictims.id),
    criminalCaseId: uuid('criminal_case_id')
      .notNull()
      .references(() => criminalCases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    heldOn: text('held_on').notNull(),
    /** core INTERVIEW_PLACES. */
    place: text('place').notNull(),
    videoRecorded: boolean('video_recorded').notNull(),
    socialWorkerPresent: boolean('social_worker_present').notNull(),
    interpreterPresent: boolean('interpreter_present').notNull(),
    /** ISO 639-1 language of the interview. */
    language: text('language'),
    /** Why a victim whose testimony was video-recorded is interviewed again: encrypted. */
    repeatReasonEnc: text('repeat_reason_enc'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('victim_interviews_client_id_key').on(t.clientId), index('victim_interviews_victim_idx').on(t.proceedingVictimId, t.heldOn)],
);

/** A protective measure for a victim in proceedings, with its cost (the PPCP programme's spending). */
export const protectiveMeasures = pgTable(
  'protective_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    proceedingVictimId: uuid('proceeding_victim_id')
      .notNull()
      .references(() => proceedingVictims.id),
    criminalCaseId: uuid('criminal_case_id')
      .notNull()
      .references(() => criminalCases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** core PROTECTIVE_MEASURES; core MEASURE_STATUSES. */
    measure: text('measure').notNull(),
    status: text('status').notNull(),
    requestedOn: text('requested_on').notNull(),
    decidedOn: text('decided_on'),
    endedOn: text('ended_on'),
    costTenge: tenge('cost_tenge'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('protective_measures_client_id_key').on(t.clientId),
    index('protective_measures_victim_idx').on(t.proceedingVictimId),
    // The prosecutor's queue: victims awaiting a decision on a measure, oldest first.
    index('protective_measures_requested_idx').on(t.requestedOn).where(sql`status = 'requested'`),
  ],
);

/** The victim was told of her right to seek compensation: when, in which language, by whom. */
export const compensationNotices = pgTable(
  'compensation_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    informedOn: text('informed_on').notNull(),
    /** ISO 639-1. */
    language: text('language').notNull(),
    informedBy: uuid('informed_by')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    criminalCaseId: uuid('criminal_case_id').references(() => criminalCases.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('compensation_notices_client_id_key').on(t.clientId), index('compensation_notices_person_idx').on(t.personId)],
);

/** A civil claim for compensation: with the criminal case or separately; claimed and awarded amounts. */
export const civilClaims = pgTable(
  'civil_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    criminalCaseId: uuid('criminal_case_id').references(() => criminalCases.id),
    /** core CLAIM_MODES. */
    mode: text('mode').notNull(),
    filedOn: text('filed_on').notNull(),
    claimedTenge: tenge('claimed_tenge').notNull(),
    awardedTenge: tenge('awarded_tenge'),
    awardedOn: text('awarded_on'),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('civil_claims_client_id_key').on(t.clientId), index('civil_claims_person_idx').on(t.personId)],
);

/** Compensation paid on a claim; beyond the award only with a reason. Append-only. */
export const compensationPayments = pgTable(
  'compensation_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => civilClaims.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    paidOn: text('paid_on').notNull(),
    amountTenge: tenge('amount_tenge').notNull(),
    /** core PAYMENT_SOURCES. */
    source: text('source').notNull(),
    overAwardReasonEnc: text('over_award_reason_enc'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('compensation_payments_client_id_key').on(t.clientId), index('compensation_payments_claim_idx').on(t.claimId)],
);

/** A lawyer assigned to a victim: the lawyer sees her client through this row only, while it is open. */
export const legalAidAssignments = pgTable(
  'legal_aid_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    lawyerId: uuid('lawyer_id')
      .notNull()
      .references(() => users.id),
    lawyerAgencyId: uuid('lawyer_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** core LAWYER_FUNDING. */
    funding: text('funding').notNull(),
    criminalCaseId: uuid('criminal_case_id').references(() => criminalCases.id),
    assignedOn: text('assigned_on').notNull(),
    endedOn: text('ended_on'),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    endedBy: uuid('ended_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('legal_aid_assignments_client_id_key').on(t.clientId),
    index('legal_aid_assignments_person_idx').on(t.personId),
    // The lawyer's scope: her open assignments, read once per statement.
    index('legal_aid_assignments_open_idx').on(t.lawyerId, t.personId).where(sql`ended_on IS NULL`),
  ],
);

/** A legal service delivered under an assignment: the legal-aid statistics. Append-only. */
export const legalServices = pgTable(
  'legal_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => legalAidAssignments.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    deliveredOn: text('delivered_on').notNull(),
    /** core LEGAL_SERVICES. */
    service: text('service').notNull(),
    hours: numeric('hours'),
    noteEnc: text('note_enc'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('legal_services_client_id_key').on(t.clientId), index('legal_services_assignment_idx').on(t.assignmentId, t.deliveredOn)],
);
