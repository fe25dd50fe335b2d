import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditOperation, AuditOutcome } from '@qorgau/core';
import type { DbOrTx } from '../db/client.ts';
import { auditHeads, auditLog } from '../db/schema.ts';
import { chainHash, chainPayload, pickLane } from './audit-chain.ts';

/** Who acted and from where; null actor for anonymous events (a failed sign-in). */
export interface AuditContext {
  actor: { id: string; username: string; role: string; agencyId: string } | null;
  ip: string | null;
}

export interface AuditEvent {
  operation: AuditOperation;
  outcome?: AuditOutcome;
  recordType?: string;
  recordId?: string;
  /** Non-identifying facts only: ids, counts, codes. Never names or free text. */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry in the caller's transaction. The lane head row is locked FOR UPDATE, so
 * concurrent appenders to the same lane queue for the microseconds between the head update
 * and commit, and the chain stays linear per lane.
 */
export async function appendAudit(tx: DbOrTx, ctx: AuditContext, event: AuditEvent): Promise<void> {
  const lane = pickLane();
  const fields = {
    lane,
    at: new Date(),
    operation: event.operation,
    outcome: event.outcome ?? 'success',
    actorId: ctx.actor?.id ?? null,
    actorUsername: ctx.actor?.username ?? null,
    actorRole: ctx.actor?.role ?? null,
    agencyId: ctx.actor?.agencyId ?? null,
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    ip: ctx.ip,
    details: event.details ?? {},
  };
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.lane, lane)).for('update');
  if (!head) throw new Error(`audit lane ${lane} has no head`);
  const laneSeq = Number(head.seq) + 1;
  const hash = chainHash(head.hash, laneSeq, chainPayload(fields));
  await tx.insert(auditLog).values({ ...fields, laneSeq, prevHash: head.hash, hash });
  await tx.update(auditHeads).set({ seq: laneSeq, hash }).where(eq(auditHeads.lane, lane));
}

export interface AuditFilter {
  operation?: string;
  outcome?: string;
  actorId?: string;
  recordId?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: DbOrTx, filter: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditEntry[]; total: number }> {
  const conds: SQL[] = [];
  if (filter.operation) conds.push(eq(auditLog.operation, filter.operation));
  if (filter.outcome) conds.push(eq(auditLog.outcome, filter.outcome));
  if (filter.actorId) conds.push(eq(auditLog.actorId, filter.actorId));
  if (filter.recordId) conds.push(eq(auditLog.recordId, filter.recordId));
  if (filter.from) conds.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) conds.push(lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    total: totalRow?.n ?? 0,
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      operation: r.operation as AuditEntry['operation'],
      outcome: r.outcome as AuditEntry['outcome'],
      actorId: r.actorId,
      actorUsername: r.actorUsername,
      actorRole: r.actorRole as AuditEntry['actorRole'],
      agencyId: r.agencyId,
      recordType: r.recordType,
      recordId: r.recordId,
      ip: r.ip,
      details: r.details,
    })),
  };
}
