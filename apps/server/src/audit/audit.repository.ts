import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditOperation, AuditOutcome } from '@qorgau/core';
import type { DbOrTx } from '../db/client.ts';
import { auditHeads, auditLog } from '../db/schema.ts';
import { chainPayload, pickLane } from './audit-chain.ts';

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
 * The two common-table expressions that append one entry (`audit_head`, `audit_ins`), for use
 * inside a larger statement: the lane head row is updated (its row lock makes concurrent
 * appenders to the lane queue until commit), PostgreSQL's sha256() chains the new hash to the
 * previous one, and the entry is inserted with both links. The formula is `chainHash` in
 * audit-chain.ts, which verification uses. With `onlyIf`, nothing is appended unless that
 * condition holds (an audited read of a record that turned out not to be visible).
 */
export function auditCtes(ctx: AuditContext, event: AuditEvent, onlyIf: SQL = sql`true`): SQL {
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
  const payload = chainPayload(fields);
  return sql`audit_head AS (
      UPDATE ${auditHeads}
         SET seq = seq + 1,
             prev_hash = hash,
             hash = encode(sha256(convert_to(hash || E'\n' || (seq + 1)::text || E'\n' || ${payload}::text, 'UTF8')), 'hex')
       WHERE lane = ${lane}::smallint AND ${onlyIf}
   RETURNING seq, prev_hash, hash),
    audit_ins AS (
    INSERT INTO ${auditLog} (lane, lane_seq, at, operation, outcome, actor_id, actor_username, actor_role, agency_id, record_type, record_id, ip, details, prev_hash, hash)
    SELECT ${lane}::smallint, seq, ${fields.at.toISOString()}::timestamptz, ${fields.operation}::text, ${fields.outcome}::text, ${fields.actorId}::uuid,
           ${fields.actorUsername}::text, ${fields.actorRole}::text, ${fields.agencyId}::uuid, ${fields.recordType}::text, ${fields.recordId}::text,
           ${fields.ip}::text, ${JSON.stringify(fields.details)}::jsonb, prev_hash, hash
      FROM audit_head)`;
}

/** Appends one entry in the caller's transaction (one statement). */
export async function appendAudit(tx: DbOrTx, ctx: AuditContext, event: AuditEvent): Promise<void> {
  await tx.execute(sql`WITH ${auditCtes(ctx, event)} SELECT 1`);
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
