import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { screenings, selfReports } from '../../db/schema.ts';

export type SelfReportRow = typeof selfReports.$inferSelect;

/** Which reports a user may see: every one, those in some regions, or none. */
export type QueueScope = { kind: 'all' } | { kind: 'regions'; regions: string[] } | { kind: 'none' };

export async function nextSelfReportReference(tx: DbOrTx, year: number): Promise<string> {
  const [row] = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('self_report_reference_seq') AS n`));
  return `HR-${year}-${String(row?.n).padStart(6, '0')}`;
}

export async function insertSelfReport(tx: DbOrTx, row: typeof selfReports.$inferInsert): Promise<void> {
  await tx.insert(selfReports).values(row);
}

/** The scope as SQL, so an out-of-scope report is never loaded. */
function scopeWhere(scope: QueueScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'none' || scope.regions.length === 0) return sql`false`;
  return inArray(selfReports.regionCode, scope.regions);
}

export async function getSelfReport(db: DbOrTx, scope: QueueScope, id: string, opts: { forUpdate?: boolean } = {}): Promise<SelfReportRow | null> {
  const q = db
    .select()
    .from(selfReports)
    .where(and(eq(selfReports.id, id), scopeWhere(scope)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

/** The open queue (new and in progress), oldest first: nobody waits behind later reports. */
export async function listQueue(db: DbOrTx, scope: QueueScope, page: number, pageSize: number) {
  const where = and(or(eq(selfReports.status, 'new'), eq(selfReports.status, 'in_progress')), scopeWhere(scope));
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(selfReports)
      .where(where)
      .orderBy(asc(selfReports.createdAt), asc(selfReports.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(selfReports).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function updateStatus(tx: DbOrTx, id: string, set: Partial<Pick<SelfReportRow, 'status' | 'assignedTo' | 'screeningId'>>): Promise<void> {
  await tx.update(selfReports).set(set).where(eq(selfReports.id, id));
}

/** A screening the operator recorded themself, by id or by its SCR- reference. */
export async function findOwnScreeningId(db: DbOrTx, screenerId: string, idOrReference: string): Promise<string | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrReference);
  const match = isUuid ? eq(screenings.id, idOrReference) : eq(screenings.reference, idOrReference.toUpperCase());
  const [row] = await db
    .select({ id: screenings.id })
    .from(screenings)
    .where(and(match, eq(screenings.screenerId, screenerId)));
  return row?.id ?? null;
}
