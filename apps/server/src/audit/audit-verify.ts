import { asc, desc, eq, gt, notExists, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db/client.ts';
import { auditChain, auditLog } from '../db/schema.ts';
import { checkLink, GENESIS_MAC, type ChainedEntry } from './audit-chain.ts';
import type { CheckpointStatement } from './audit-checkpoint.ts';
import { entryColumns } from './audit-chainer.ts';

export interface AuditVerification {
  ok: boolean;
  /** Links in the chain (positions 1…chained). */
  chained: number;
  /** Entries not linked yet: written since the chainer's last run, not tampering. */
  pending: number;
  /**
   * Unlinked entries the chainer had already passed (older than the horizon the last link
   * records): their links were removed. Counted in `pending` too.
   */
  stranded: number;
  head: { seq: number; mac: string };
  /** The first problem: its chain position, the entry it names (null if unknown), why. */
  broken: { seq: number; entryId: number | null; reason: string } | null;
  /** Set when a checkpoint was given: whether the chain still reaches and matches its head. */
  checkpoint: { seq: number; at: string; matches: boolean } | null;
}

const BATCH = 5_000;

/**
 * Walks audit_chain from position 1 with the MAC key, recomputing every link against its
 * audit_log entry: an edited entry or link (MAC mismatch), a removed entry (link without its
 * row), a removed or moved link (gap in positions, broken previous-MAC) are found. A removed
 * tail cannot be seen from the database alone; with a signed checkpoint it is: the chain must
 * still reach the checkpoint's position with the same MAC.
 */
export async function verifyAuditChain(db: DbOrTx, key: Buffer, checkpoint?: CheckpointStatement): Promise<AuditVerification> {
  let expected = { seq: 1, prevMac: GENESIS_MAC };
  let broken: AuditVerification['broken'] = null;
  let cpMatches: boolean | null = checkpoint?.seq === 0 ? checkpoint.mac === GENESIS_MAC : null;
  if (cpMatches === false) broken = { seq: 0, entryId: null, reason: 'chain differs from the signed checkpoint at its head' };
  let after = 0;
  walk: while (!broken) {
    const rows = await db
      .select({ seq: auditChain.seq, entryId: auditChain.entryId, prevMac: auditChain.prevMac, mac: auditChain.mac, entry: entryColumns })
      .from(auditChain)
      .leftJoin(auditLog, eq(auditLog.id, auditChain.entryId))
      .where(gt(auditChain.seq, after))
      .orderBy(asc(auditChain.seq))
      .limit(BATCH);
    for (const r of rows) {
      const link = { seq: Number(r.seq), entryId: Number(r.entryId), prevMac: r.prevMac, mac: r.mac };
      const entry = r.entry?.id == null ? null : ({ ...r.entry, id: Number(r.entry.id) } as ChainedEntry);
      const reason = checkLink(key, expected, link, entry);
      if (reason) {
        broken = { seq: expected.seq, entryId: link.seq === expected.seq ? link.entryId : null, reason };
        break walk;
      }
      if (checkpoint && link.seq === checkpoint.seq) {
        cpMatches = link.mac === checkpoint.mac;
        if (!cpMatches) {
          broken = { seq: link.seq, entryId: link.entryId, reason: 'chain differs from the signed checkpoint at its head' };
          break walk;
        }
      }
      expected = { seq: link.seq + 1, prevMac: link.mac };
      after = link.seq;
    }
    if (rows.length < BATCH) break;
  }
  const head = { seq: expected.seq - 1, mac: expected.prevMac };
  if (!broken && checkpoint && checkpoint.seq > head.seq) {
    cpMatches = false;
    broken = {
      seq: head.seq + 1,
      entryId: null,
      reason: `chain ends at position ${head.seq}, before the checkpoint's head ${checkpoint.seq}: links were removed`,
    };
  }
  const unlinked = notExists(db.select({ one: sql`1` }).from(auditChain).where(eq(auditChain.entryId, auditLog.id)));
  const [last] = await db.select({ horizon: auditChain.horizon }).from(auditChain).orderBy(desc(auditChain.seq)).limit(1);
  // A horizon from the future (a restore into another cluster) proves nothing here.
  const passed = last?.horizon
    ? sql`(${auditLog.txid} IS NULL OR (${auditLog.txid} < ${last.horizon}::xid8 AND ${last.horizon}::xid8 <= pg_snapshot_xmax(pg_current_snapshot())))`
    : sql`false`;
  // One statement: inside the caller's transaction there is one connection, and one snapshot.
  const [counts] = rowsOf<{ chained: string; pending: string; stranded: string }>(
    await db.execute(
      sql`SELECT (SELECT count(*) FROM ${auditChain}) AS chained, count(*) AS pending, count(*) FILTER (WHERE ${passed}) AS stranded FROM ${auditLog} WHERE ${unlinked}`,
    ),
  );
  const chained = Number(counts?.chained ?? 0);
  const pending = Number(counts?.pending ?? 0);
  const stranded = Number(counts?.stranded ?? 0);
  if (!broken && stranded > 0) {
    broken = { seq: head.seq, entryId: null, reason: `${stranded} entries the chainer had already linked are unlinked: links were removed` };
  }
  return {
    ok: broken === null,
    chained,
    pending,
    stranded,
    head,
    broken,
    checkpoint: checkpoint ? { seq: checkpoint.seq, at: checkpoint.at, matches: cpMatches ?? false } : null,
  };
}
