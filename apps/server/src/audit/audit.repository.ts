import { and, count, desc, eq, gte, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditOperation, AuditOutcome } from '@qorgau/core';
import type { DbOrTx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

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

/** The stored row of an event (`at` from the application clock). */
function entryOf(ctx: AuditContext, event: AuditEvent) {
  return {
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
}

/** The parameters of `audit_ins`, as bound to the statement (`at` ISO, `details` JSON text). */
export type AuditValues = Record<
  'at' | 'operation' | 'outcome' | 'actorId' | 'actorUsername' | 'actorRole' | 'agencyId' | 'recordType' | 'recordId' | 'ip' | 'details',
  string | null
>;

export function auditValues(ctx: AuditContext, event: AuditEvent): AuditValues {
  const f = entryOf(ctx, event);
  return { ...f, at: f.at.toISOString(), details: JSON.stringify(f.details) };
}

/**
 * The common-table expression (`audit_ins`) that appends one entry, for use inside a larger
 * statement, from values or `sql.placeholder`s of the same names (a statement compiled once).
 * A plain insert: no lock and no hash on the request path; the background chainer
 * (audit-chainer.ts) links the entry once it has committed (ADR 0007). With `onlyIf`, nothing
 * is appended unless that condition holds (an audited read of a record that turned out not to
 * be visible).
 */
export function auditInsertCteOf(f: AuditValues | Record<keyof AuditValues, Placeholder>, onlyIf: SQL): SQL {
  return sql`audit_ins AS (
    INSERT INTO ${auditLog} (at, operation, outcome, actor_id, actor_username, actor_role, agency_id, record_type, record_id, ip, details)
    SELECT ${f.at}::timestamptz, ${f.operation}::text, ${f.outcome}::text, ${f.actorId}::uuid, ${f.actorUsername}::text,
           ${f.actorRole}::text, ${f.agencyId}::uuid, ${f.recordType}::text, ${f.recordId}::text, ${f.ip}::text, ${f.details}::jsonb
     WHERE ${onlyIf})`;
}

/** Appends one entry in the caller's transaction: one plain INSERT, chained in the background. */
export async function appendAudit(tx: DbOrTx, ctx: AuditContext, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values(entryOf(ctx, event));
}

export interface AuditFilter {
  operation?: string;
  outcome?: string;
  actorId?: string;
  recordId?: string;
  from?: string;
  to?: string;
}

/** An entry as stored; the audit module adds what a reader needs to read it (names, references, labelled facts). */
export type StoredAuditEntry = Omit<AuditEntry, 'actorName' | 'record' | 'facts'>;

export async function listAudit(db: DbOrTx, filter: AuditFilter, page: number, pageSize: number): Promise<{ items: StoredAuditEntry[]; total: number }> {
  const conds: SQL[] = [];
  if (filter.operation) conds.push(eq(auditLog.operation, filter.operation));
  if (filter.outcome) conds.push(eq(auditLog.outcome, filter.outcome));
  if (filter.actorId) conds.push(eq(auditLog.actorId, filter.actorId));
  if (filter.recordId) conds.push(eq(auditLog.recordId, filter.recordId));
  // Days of Kazakhstan's calendar (UTC+5), as the reader picked them.
  if (filter.from) conds.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00+05:00`)));
  if (filter.to) conds.push(lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00+05:00`).getTime() + 86_400_000)));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
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
