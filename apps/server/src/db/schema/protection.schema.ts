import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { agencies, users } from './accounts.schema.ts';
import { providers, referrals } from './care.schema.ts';
import { cases, persons } from './records.schema.ts';

/**
 * The protection case (issue #10 item 3, migration 0014): needs, support plan, services with
 * their cost, shelter stays, closure and the follow-up after it. Owned by the provider's agency
 * (`agency_id`), whose case workers and shelter managers run it (core protection-authority.ts).
 * Dates of care are civil dates (`YYYY-MM-DD`, Kazakhstan's day) stored as text, like
 * `consents.valid_until`: a stay's nights do not move with a time zone.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const protectionCases = pgTable(
  'protection_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    /** QRG-P-<year>-<6 digits> from `protection_reference_seq`. */
    reference: text('reference').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The NRM case the person's protection belongs to. */
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The accepted referral it came from; null when opened directly for a person the agency holds. */
    referralId: uuid('referral_id').references(() => referrals.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    /** The provider's agency: the owner. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The provider's region (where the person is protected). */
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    /** The needs assessment: AES-256-GCM ciphertext of JSON [{ area, level, note }] (core NEED_AREAS). */
    needsEnc: text('needs_enc'),
    needsAssessedAt: at('needs_assessed_at'),
    /** core CLOSURE_REASONS. */
    closureReason: text('closure_reason'),
    closedAt: at('closed_at'),
    /** The Kazakhstan date of closure (the last day a service may be dated). */
    closedOn: text('closed_on'),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    /** The Kazakhstan date the case opened (the first day a service or stay may be dated). */
    openedOn: text('opened_on').notNull(),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('protection_cases_client_id_key').on(t.clientId),
    uniqueIndex('protection_cases_reference_key').on(t.reference),
    index('protection_cases_person_idx').on(t.personId),
    index('protection_cases_agency_idx').on(t.agencyId, t.status),
    index('protection_cases_region_idx').on(t.regionCode, t.status),
    uniqueIndex('protection_cases_referral_key').on(t.referralId).where(sql`referral_id IS NOT NULL`),
  ],
);

/** The history of a protection case: one row per action (idempotency on `client_id`); append-only. */
export const protectionEvents = pgTable(
  'protection_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    protectionCaseId: uuid('protection_case_id')
      .notNull()
      .references(() => protectionCases.id),
    /** core PROTECTION_ACTIONS, or `opened`. */
    type: text('type').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    at: at('at').notNull(),
  },
  (t) => [uniqueIndex('protection_events_client_id_key').on(t.clientId), index('protection_events_case_idx').on(t.protectionCaseId, t.at)],
);

/** HTCDS `spl_*`: each version is a row (the latest is in force); append-only. Free text encrypted. */
export const supportPlans = pgTable(
  'support_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protectionCaseId: uuid('protection_case_id')
      .notNull()
      .references(() => protectionCases.id),
    /** spl_Type (core SUPPORT_PLAN_TYPES). */
    type: text('type').notNull(),
    /** spl_Objectives, encrypted. */
    objectivesEnc: text('objectives_enc').notNull(),
    /** spl_ActionPlan, encrypted. */
    actionPlanEnc: text('action_plan_enc').notNull(),
    /** spl_PlannedEndDate. */
    plannedEndDate: text('planned_end_date').notNull(),
    /** spl_ActualEndDate. */
    actualEndDate: text('actual_end_date'),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('support_plans_case_idx').on(t.protectionCaseId, t.createdAt)],
);

/** A service delivered: statistics of what protection costs and who paid. Append-only. */
export const serviceDeliveries = pgTable(
  'service_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protectionCaseId: uuid('protection_case_id')
      .notNull()
      .references(() => protectionCases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    date: text('date').notNull(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    /** core PROVIDER_SERVICES. */
    service: text('service').notNull(),
    quantity: numeric('quantity', { mode: 'number' }).notNull(),
    /** core SERVICE_UNITS. */
    unit: text('unit').notNull(),
    /** Whole tenge, 0 ≤ cost ≤ core MAX_SERVICE_COST_TENGE (also a CHECK in the database). */
    costTenge: integer('cost_tenge').notNull(),
    /** core PAID_BY. */
    paidBy: text('paid_by').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('service_deliveries_case_idx').on(t.protectionCaseId, t.date),
    index('service_deliveries_provider_idx').on(t.providerId, t.date),
    index('service_deliveries_date_idx').on(t.date),
  ],
);

/** A shelter stay: the person's nights in one shelter. `discharged_on` set once; never deleted. */
export const shelterStays = pgTable(
  'shelter_stays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protectionCaseId: uuid('protection_case_id')
      .notNull()
      .references(() => protectionCases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    admittedOn: text('admitted_on').notNull(),
    dischargedOn: text('discharged_on'),
    /** Emergency placement pending identification. */
    emergency: boolean('emergency').notNull().default(false),
    admittedBy: uuid('admitted_by')
      .notNull()
      .references(() => users.id),
    dischargedBy: uuid('discharged_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('shelter_stays_person_idx').on(t.personId, t.admittedOn),
    index('shelter_stays_case_idx').on(t.protectionCaseId),
    index('shelter_stays_open_idx').on(t.providerId).where(sql`discharged_on IS NULL`),
  ],
);

/** The follow-up after closure (core FOLLOW_UP_SCHEDULE): scheduled at closure, recorded once done. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protectionCaseId: uuid('protection_case_id')
      .notNull()
      .references(() => protectionCases.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** Copied from the case so the work queue is one indexed scan. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    dueOn: text('due_on').notNull(),
    /** core FOLLOW_UP_KINDS. */
    kind: text('kind').notNull(),
    /** The last case worker: who closed the case. */
    assignedTo: uuid('assigned_to')
      .notNull()
      .references(() => users.id),
    doneAt: at('done_at'),
    doneBy: uuid('done_by').references(() => users.id),
    contacted: boolean('contacted'),
    /** core RISK_LEVELS: the re-trafficking risk found. */
    riskLevel: text('risk_level'),
    /** What was found, encrypted (it describes the person). */
    outcomeEnc: text('outcome_enc'),
    createdAt: createdAt(),
  },
  (t) => [index('follow_ups_case_idx').on(t.protectionCaseId), index('follow_ups_due_idx').on(t.agencyId, t.dueOn).where(sql`done_at IS NULL`)],
);
