import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { xid8 } from './columns.ts';

/** The audit log and its keyed chain (ADR 0007). */

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
