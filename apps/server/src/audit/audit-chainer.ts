import { and, asc, desc, eq, gt, notExists, sql } from 'drizzle-orm';
import { rowsOf, type Db, type DbOrTx } from '../db/client.ts';
import { auditChain, auditLog } from '../db/schema.ts';
import { GENESIS_MAC, linkEntries, type ChainedEntry } from './audit-chain.ts';

/** Any number: the advisory lock held by the one process chaining at a time. */
const CHAIN_LOCK = 460_012_027;
const BATCH = 1_000;

export const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  operation: auditLog.operation,
  outcome: auditLog.outcome,
  actorId: auditLog.actorId,
  actorUsername: auditLog.actorUsername,
  actorRole: auditLog.actorRole,
  agencyId: auditLog.agencyId,
  recordType: auditLog.recordType,
  recordId: auditLog.recordId,
  ip: auditLog.ip,
  details: auditLog.details,
};

/** The last link (position and MAC); position 0 and the genesis MAC for an empty chain. */
export async function chainHead(db: DbOrTx): Promise<{ seq: number; mac: string; horizon: string | null }> {
  const [h] = await db
    .select({ seq: auditChain.seq, mac: auditChain.mac, horizon: auditChain.horizon })
    .from(auditChain)
    .orderBy(desc(auditChain.seq))
    .limit(1);
  return h ? { seq: Number(h.seq), mac: h.mac, horizon: h.horizon } : { seq: 0, mac: GENESIS_MAC, horizon: null };
}

/** What a chainer remembers between runs: the newest horizon it proved (see chainPending). */
export interface ChainerMemory {
  horizon: string | null;
}

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : BigInt(a) >= BigInt(b) ? a : b);

/**
 * Links every committed, unchained entry into audit_chain, in id order within a run, and
 * returns how many it linked (0 if another process holds the chain lock: it is doing the work).
 *
 * Which entries can still appear: ids are taken at insert, not at commit, so an entry with a
 * smaller id may commit after a larger one was chained; such late entries are simply linked by
 * a later run, so the chain's order is the order the chainer saw entries commit. To avoid
 * rescanning the whole log, a run records a *horizon*: the oldest transaction still running
 * when the run began (pg_snapshot_xmin). Every transaction older than that had ended, so every
 * entry it wrote was visible to the run and got linked; the next run looks only at entries of
 * transactions from the horizon on (audit_log.txid). Entries from before migration 0009 have
 * no txid and are linked by the first run, which has no horizon and looks at everything.
 */
export async function chainPending(db: Db, key: Buffer, memory: ChainerMemory = { horizon: null }, batch = BATCH): Promise<number> {
  let total = 0;
  let cursor = 0;
  let scanFrom: string | null | undefined;
  let runHorizon: string | null = null;
  for (;;) {
    const step = await db.transaction(async (tx) => {
      const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK}) AS ok`));
      if (!lock?.ok) return null;
      // Read after the lock (read committed: a new snapshot), so another chainer's links are seen.
      const head = await chainHead(tx);
      if (scanFrom === undefined) {
        const [snap] = rowsOf<{ xmin: string; xmax: string }>(
          await tx.execute(sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`),
        );
        runHorizon = snap?.xmin ?? null;
        const known = later(head.horizon, memory.horizon);
        // A horizon from the future: the database was restored into another cluster, whose
        // transaction ids start lower. Look at everything once.
        scanFrom = known !== null && snap && BigInt(known) > BigInt(snap.xmax) ? null : known;
      }
      const rows = await tx
        .select(entryColumns)
        .from(auditLog)
        .where(
          and(
            gt(auditLog.id, cursor),
            scanFrom === null ? undefined : sql`${auditLog.txid} >= ${scanFrom}::xid8`,
            notExists(tx.select({ one: sql`1` }).from(auditChain).where(eq(auditChain.entryId, auditLog.id))),
          ),
        )
        .orderBy(asc(auditLog.id))
        .limit(batch);
      const last = rows.length < batch;
      const links = linkEntries(key, head, rows as ChainedEntry[]);
      // Only the run's last batch may claim the new horizon: earlier ones repeat the old claim.
      if (links.length) await tx.insert(auditChain).values(links.map((l) => ({ ...l, horizon: last ? runHorizon : scanFrom })));
      return { n: links.length, last, cursor: rows.at(-1)?.id ?? cursor };
    });
    if (!step) return total;
    total += step.n;
    cursor = step.cursor;
    if (step.last) {
      memory.horizon = later(memory.horizon, runHorizon);
      return total;
    }
  }
}

export interface AuditChainer {
  /** One more run now (after the current one, if any); resolves with how many it linked. */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The background step of every server process: a run every `intervalMs` (and when flushed).
 * Several processes may run one each; the advisory lock lets one chain at a time.
 */
export function startAuditChainer(db: Db, key: Buffer, opts: { intervalMs?: number; onError: (e: unknown) => void }): AuditChainer {
  const memory: ChainerMemory = { horizon: null };
  const intervalMs = opts.intervalMs ?? 200;
  let current: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const run = (): Promise<number> => {
    current = current.then(
      () => chainPending(db, key, memory),
      () => chainPending(db, key, memory),
    );
    current.catch(opts.onError);
    return current;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void run()
        .catch(() => undefined)
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    flush: () => run(),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.catch(() => undefined);
    },
  };
}
