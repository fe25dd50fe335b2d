import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { auditHeads, auditLog } from '../db/schema.ts';
import { AUDIT_LANES, chainHash, chainPayload, GENESIS_HASH } from './audit-chain.ts';

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBrokenId: number | null; lane: number; reason: string };

const BATCH = 5_000;

/**
 * Walks every lane from its genesis, recomputing each hash. Reports the earliest broken entry
 * (lowest id) across lanes: an edited row (hash mismatch), a removed row (gap in lane_seq or
 * prev_hash mismatch), or a removed tail (the lane head names a later entry).
 */
export async function verifyAuditChain(db: DbOrTx): Promise<AuditVerification> {
  let entries = 0;
  let worst: Extract<AuditVerification, { ok: false }> | null = null;
  const heads = await db.select().from(auditHeads);
  for (let lane = 0; lane < AUDIT_LANES; lane++) {
    const head = heads.find((h) => h.lane === lane);
    let prevHash = GENESIS_HASH;
    let prevSeq = 0;
    let broken: Extract<AuditVerification, { ok: false }> | null = null;
    for (;;) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.lane, lane), gt(auditLog.laneSeq, prevSeq)))
        .orderBy(asc(auditLog.laneSeq))
        .limit(BATCH);
      for (const r of rows) {
        entries++;
        if (broken) continue;
        const expected = chainHash(prevHash, r.laneSeq, chainPayload(r));
        const reason =
          r.laneSeq !== prevSeq + 1
            ? `entry missing before lane ${lane} seq ${r.laneSeq}`
            : r.prevHash !== prevHash
              ? 'previous-hash link broken'
              : r.hash !== expected
                ? 'content does not match its hash'
                : null;
        if (reason) broken = { ok: false, entries, firstBrokenId: r.id, lane, reason };
        prevHash = r.hash;
        prevSeq = r.laneSeq;
      }
      if (rows.length < BATCH) break;
    }
    if (!broken && head && (head.seq !== prevSeq || head.hash !== prevHash)) {
      broken = { ok: false, entries, firstBrokenId: null, lane, reason: `entries after lane ${lane} seq ${prevSeq} were removed` };
    }
    if (broken && (!worst || (broken.firstBrokenId ?? Infinity) < (worst.firstBrokenId ?? Infinity))) worst = broken;
  }
  return worst ? { ...worst, entries } : { ok: true, entries };
}
