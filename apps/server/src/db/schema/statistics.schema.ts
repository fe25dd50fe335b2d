import { bigint, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, users } from './accounts.schema.ts';
import { providers } from './care.schema.ts';
import { createdAt } from './columns.ts';

/**
 * National statistics (issue #13, migration 0023): the data the annual report needs that no
 * victim's record holds. Nothing here is personal data: amounts, rates, official aggregates and
 * recommendation statuses.
 */

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenge = (name: string) => bigint(name, { mode: 'number' });

/**
 * Tenge per US dollar for a year, as the report states it (the TIP report gives dollar figures
 * at one stated rate). Kept as data, with its source, never a constant in code.
 */
export const exchangeRates = pgTable('exchange_rates', {
  year: smallint('year').primaryKey(),
  tengePerUsd: numeric('tenge_per_usd', { precision: 12, scale: 4, mode: 'number' }).notNull(),
  source: text('source').notNull(),
  setBy: uuid('set_by')
    .notNull()
    .references(() => users.id),
  setAt: at('set_at').notNull().defaultNow(),
});

/**
 * Government funding allocated for a year: to one shelter (`provider_id`), or to a region's
 * shelters as a whole, or to the victim-witness programme. `cases_basis` is the number of cases
 * today's per-case formula allocated it for, when the allocating body stated it.
 */
export const fundingAllocations = pgTable(
  'funding_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    year: smallint('year').notNull(),
    /** core FUNDING_PURPOSES: `shelter` or `victim_witness`. */
    purpose: text('purpose').notNull(),
    providerId: uuid('provider_id').references(() => providers.id),
    regionCode: text('region_code').notNull(),
    amountTenge: tenge('amount_tenge').notNull(),
    casesBasis: integer('cases_basis'),
    source: text('source').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('funding_allocations_client_id_key').on(t.clientId), index('funding_allocations_year_idx').on(t.year, t.regionCode)],
);

/**
 * Official figures of years before the register (issue #13 item 7), entered by the coordinator
 * or imported from CSV: an aggregate with its breakdown and its source. Used in comparisons and
 * trends, and always marked as official there. `dimension` and `category` are empty strings for
 * the figure's total (so the unique key holds without NULLs).
 */
export const officialFigures = pgTable(
  'official_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    /** core OFFICIAL_FIGURE_KEYS, e.g. `victims_identified`, `shelter_funding_tenge`. */
    figure: text('figure').notNull(),
    dimension: text('dimension').notNull().default(''),
    category: text('category').notNull().default(''),
    value: bigint('value', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => users.id),
    enteredAt: at('entered_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('official_figures_key').on(t.year, t.figure, t.dimension, t.category)],
);

/**
 * The prioritized recommendations (TIP 2023) and national action plan items (issue #13 item 5):
 * each with an owner and, where the data can say, the indicator computed for it.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    /** `tip_2023` or `action_plan`. */
    source: text('source').notNull(),
    textKk: text('text_kk').notNull(),
    textRu: text('text_ru').notNull(),
    textEn: text('text_en').notNull(),
    ownerAgencyId: uuid('owner_agency_id').references(() => agencies.id),
    /** core RECOMMENDATION_INDICATORS key, or null when the data cannot measure it. */
    indicator: text('indicator'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recommendations_code_key').on(t.code)],
);

/** A recommendation's status in a year; the latest row per year is current, earlier ones are its history. */
export const recommendationStatuses = pgTable(
  'recommendation_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id),
    year: smallint('year').notNull(),
    /** core RECOMMENDATION_STATUSES. */
    status: text('status').notNull(),
    note: text('note'),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: at('set_at').notNull().defaultNow(),
  },
  (t) => [index('recommendation_statuses_idx').on(t.recommendationId, t.year, t.setAt)],
);

/**
 * Each victim's first standing positive identification (migration 0027): derived data, kept by
 * triggers on case_actions, cases and person_clusters in the same transaction as the write, and
 * never written by the application. `victim_key` is the linkage cluster's id, or the id of a
 * record no cluster holds; `on_day` the day the decision was taken (the statistics year rule).
 */
export const victimFirstIdentifications = pgTable(
  'victim_first_identifications',
  {
    victimKey: uuid('victim_key').primaryKey(),
    personId: uuid('person_id').notNull(),
    caseId: uuid('case_id').notNull(),
    regionCode: text('region_code').notNull(),
    agencyId: uuid('agency_id').notNull(),
    seq: integer('seq').notNull(),
    onDay: text('on_day').notNull(),
  },
  (t) => [index('victim_first_identifications_day_idx').on(t.onDay)],
);
