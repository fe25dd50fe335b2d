import { sql } from 'drizzle-orm';
import type { LinkageModel } from '@qorgau/core';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Columns ending in `_enc` hold AES-256-GCM ciphertext (see crypto/field-cipher.ts); they are
 * personal data and never appear in statistics, logs or indexes. Statistics and search use
 * only the non-identifying columns documented in docs/data-protection.md.
 */
/** PostgreSQL's 64-bit transaction id, as a decimal string. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
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
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('persons_client_id_key').on(t.clientId),
    uniqueIndex('persons_pseudonym_key').on(t.pseudonym),
    index('persons_name_index_idx').using('gin', t.nameIndex),
    index('persons_identity_number_index_idx').on(t.identityNumberIndex),
    index('persons_linkage_keys_idx').using('gin', t.linkageKeys),
    index('persons_region_idx').on(t.regionCode),
    index('persons_owner_agency_idx').on(t.ownerAgencyId),
    index('persons_created_by_idx').on(t.createdBy),
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
    index('cases_updated_idx').on(t.updatedAt),
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
  },
  (t) => [uniqueIndex('case_actions_client_id_key').on(t.clientId), uniqueIndex('case_actions_case_seq_key').on(t.caseId, t.seq)],
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
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('screenings_client_id_key').on(t.clientId),
    uniqueIndex('screenings_reference_key').on(t.reference),
    index('screenings_screener_idx').on(t.screenerId, t.createdAt),
    index('screenings_region_idx').on(t.regionCode),
    // Minimal disclosure: "did this user hand this person over?" in the scope predicate (ADR 0004).
    index('screenings_handed_over_person_idx').on(t.personId, t.screenerId).where(sql`handed_over_at IS NOT NULL`),
  ],
);

/**
 * Append-only (trigger + grants in migration 0001). A request inserts one row; the background
 * chainer links it into `audit_chain` with a keyed MAC (ADR 0007). `lane`…`hash` are the old
 * unkeyed lane chain (migration 0009): filled for entries written before it, null since.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    lane: smallint('lane'),
    laneSeq: bigint('lane_seq', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    operation: text('operation').notNull(),
    outcome: text('outcome').notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    agencyId: uuid('agency_id'),
    recordType: text('record_type'),
    recordId: text('record_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** The inserting transaction (default pg_current_xact_id()): how the chainer finds late commits. */
    txid: xid8('txid').default(sql`pg_current_xact_id()`),
  },
  (t) => [
    uniqueIndex('audit_log_lane_seq_key').on(t.lane, t.laneSeq),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_record_idx').on(t.recordId),
    index('audit_log_txid_idx').on(t.txid),
  ],
);

/**
 * The keyed chain over audit_log, in the chainer's order (migration 0009, ADR 0007): append-only
 * like the log. `mac` = HMAC-SHA-256 over seq, prev_mac and the entry (audit/audit-chain.ts).
 */
export const auditChain = pgTable(
  'audit_chain',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => auditLog.id),
    prevMac: text('prev_mac').notNull(),
    mac: text('mac').notNull(),
    /** Every entry of a transaction older than this is chained (where the next run looks). */
    horizon: xid8('horizon'),
    chainedAt: timestamp('chained_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_chain_entry_key').on(t.entryId)],
);

/** Small key/value facts about this installation (e.g. the key-check ciphertext). */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

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

/**
 * Pairs of person records the linkage engine scored as 'same' or 'review' (issue #4). Only
 * agreement levels and weights are kept (no names). `person_a` < `person_b`; one row a pair,
 * rescored in place by later runs. A model 'same' counts the pair as one person until a human
 * decides otherwise.
 */
export const personLinkProposals = pgTable(
  'person_link_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personA: uuid('person_a').notNull().references(() => persons.id),
    personB: uuid('person_b').notNull().references(() => persons.id),
    modelDecision: text('model_decision').notNull(),
    score: doublePrecision('score').notNull(),
    probability: doublePrecision('probability').notNull(),
    /** Per field: level and weight (`LinkageFieldExplanation[]`): the reasons shown to reviewers. */
    explanation: jsonb('explanation').$type<{ field: string; level: string; weight: number }[]>().notNull(),
    /** 'open' until a person decides the pair. */
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('person_link_proposals_pair_key').on(t.personA, t.personB),
    index('person_link_proposals_b_idx').on(t.personB),
    index('person_link_proposals_status_idx').on(t.status, t.createdAt),
  ],
);

/**
 * Human decisions on pairs, append-only: the latest for a pair wins over the model, and the
 * earlier ones stay as its history (so an unmerge is a new row, and nothing is ever lost).
 */
export const personLinkDecisions = pgTable(
  'person_link_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    personA: uuid('person_a').notNull().references(() => persons.id),
    personB: uuid('person_b').notNull().references(() => persons.id),
    decision: text('decision').notNull(),
    decidedBy: uuid('decided_by').notNull().references(() => users.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('person_link_decisions_client_id_key').on(t.clientId),
    index('person_link_decisions_pair_idx').on(t.personA, t.personB, t.at),
    index('person_link_decisions_b_idx').on(t.personB),
  ],
);

/**
 * Which person each linked record is (derived from proposals and decisions, rebuilt at will):
 * records without a row are a person of their own. Statistics count distinct
 * `coalesce(cluster_id, persons.id)`.
 */
export const personClusters = pgTable(
  'person_clusters',
  {
    personId: uuid('person_id').primaryKey().references(() => persons.id),
    clusterId: uuid('cluster_id').notNull(),
  },
  (t) => [index('person_clusters_cluster_idx').on(t.clusterId)],
);

/** The bulk linkage job: one row a run; progress and a cursor so a run resumes where it stopped. */
export const linkageRuns = pgTable(
  'linkage_runs',
  {
  id: uuid('id').primaryKey().defaultRandom(),
  status: text('status').notNull(),
  phase: text('phase').notNull(),
  /** Last person id done in the current phase: the resume point. */
  cursor: uuid('cursor'),
  processed: integer('processed').notNull().default(0),
  total: integer('total').notNull().default(0),
  pairsScored: integer('pairs_scored').notNull().default(0),
  proposals: integer('proposals').notNull().default(0),
  /** The model estimated in the 'estimate' phase: Fellegi–Sunter parameters and thresholds (no personal data). */
  model: jsonb('model').$type<LinkageModel>(),
  startedBy: uuid('started_by').references(() => users.id),
  startedAt: createdAt(),
  /** Renewed after every batch: a run whose heartbeat is old has lost its process and may be taken over. */
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  // At most one run in progress: two "Link all records" pressed at once start one run.
  (t) => [uniqueIndex('linkage_runs_one_running').on(t.status).where(sql`status = 'running'`)],
);
