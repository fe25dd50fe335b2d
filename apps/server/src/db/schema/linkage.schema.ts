import { sql } from 'drizzle-orm';
import type { ClusterSizeHistogram, LinkageModel } from '@qorgau/core';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { agencies, users } from './accounts.schema.ts';
import { persons } from './records.schema.ts';

/** Record linkage: proposed pairs, human decisions, clusters and bulk runs (ADR 0006). */

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
    personA: uuid('person_a')
      .notNull()
      .references(() => persons.id),
    personB: uuid('person_b')
      .notNull()
      .references(() => persons.id),
    modelDecision: text('model_decision').notNull(),
    /** Why a pair the score alone would call the same person is 'review': 'evidence', 'conflict' or 'cluster' (ADR 0012). */
    reviewReason: text('review_reason'),
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
    // The review queue's order (migration 0018): a page walks it, checking each pair's two records' scope.
    index('person_link_proposals_open_order_idx').on(sql`(${t.modelDecision} = 'review') DESC`, t.probability.desc(), t.id).where(sql`status = 'open'`),
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
    personA: uuid('person_a')
      .notNull()
      .references(() => persons.id),
    personB: uuid('person_b')
      .notNull()
      .references(() => persons.id),
    decision: text('decision').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
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
    personId: uuid('person_id')
      .primaryKey()
      .references(() => persons.id),
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
    /**
     * The model estimated in the 'estimate' phase: Fellegi–Sunter parameters, thresholds and the
     * register's name frequencies by keyed hash (no name in clear; unreadable without the key file).
     */
    model: jsonb('model').$type<LinkageModel>(),
    /** Sizes of the clusters the run formed (core `clusterSizeHistogram`). */
    clusterSizes: jsonb('cluster_sizes').$type<ClusterSizeHistogram>(),
    /** Model 'same' pairs the run's clustering refused; they became 'review' proposals. */
    refusedMerges: integer('refused_merges').notNull().default(0),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: createdAt(),
    /** Renewed after every batch: a run whose heartbeat is old has lost its process and may be taken over. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  // At most one run in progress: two "Link all records" pressed at once start one run.
  (t) => [uniqueIndex('linkage_runs_one_running').on(t.status).where(sql`status = 'running'`)],
);
