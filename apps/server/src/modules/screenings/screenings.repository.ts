import { and, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { agencies, screenings, users } from '../../db/schema.ts';

export type ScreeningRow = typeof screenings.$inferSelect;
export interface ScreeningWithNames {
  screening: ScreeningRow;
  screenerName: string;
  agencyName: string;
  toAgencyName: string | null;
}

export async function nextScreeningReference(tx: DbOrTx, year: number): Promise<string> {
  const [row] = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('screening_reference_seq') AS n`));
  return `SCR-${year}-${String(row?.n).padStart(6, '0')}`;
}

export async function insertScreening(tx: DbOrTx, row: typeof screenings.$inferInsert): Promise<void> {
  await tx.insert(screenings).values(row);
}

export async function findScreeningIdByClientId(db: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await db.select({ id: screenings.id }).from(screenings).where(eq(screenings.clientId, clientId));
  return row?.id ?? null;
}

const toAgency = alias(agencies, 'to_agency');
const withNames = (db: DbOrTx) =>
  db
    .select({ screening: screenings, screenerName: users.displayName, agencyName: agencies.name, toAgencyName: toAgency.name })
    .from(screenings)
    .innerJoin(users, eq(users.id, screenings.screenerId))
    .innerJoin(agencies, eq(agencies.id, screenings.agencyId))
    .leftJoin(toAgency, eq(toAgency.id, screenings.handedOverTo));

/** A screening is the screener's own record: only its author reads it here. */
export async function getOwnScreening(db: DbOrTx, screenerId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ScreeningWithNames | null> {
  const q = withNames(db).where(and(eq(screenings.id, id), eq(screenings.screenerId, screenerId)));
  const [row] = opts.forUpdate ? await q.for('update', { of: screenings }) : await q;
  return row ?? null;
}

export async function listOwnScreenings(db: DbOrTx, screenerId: string, page: number, pageSize: number) {
  const where = eq(screenings.screenerId, screenerId);
  const [rows, [total]] = await Promise.all([
    withNames(db).where(where).orderBy(desc(screenings.createdAt), desc(screenings.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(screenings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function markHandedOver(tx: DbOrTx, id: string, toAgencyId: string, at: Date): Promise<void> {
  await tx.update(screenings).set({ handedOverTo: toAgencyId, handedOverAt: at }).where(eq(screenings.id, id));
}
