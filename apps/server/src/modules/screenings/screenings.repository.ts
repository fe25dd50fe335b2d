import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { IDENTIFYING_AGENCY_TYPES, type Agency, type HandoverTarget, type LocalizedName } from '@qorgau/core';
import { alias } from 'drizzle-orm/pg-core';
import { handedOverBy } from '../../auth/scope-filter.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { agencies, cases, screenings, users } from '../../db/schema.ts';
import { agencyNameSelect } from '../agencies/agency-name.ts';

export type ScreeningRow = typeof screenings.$inferSelect;
export interface ScreeningWithNames {
  screening: ScreeningRow;
  screenerName: string;
  agencyName: LocalizedName;
  toAgencyName: LocalizedName | null;
  /** The screener has handed this screening's person over (from this or another screening). */
  personHandedOver: boolean;
}

export async function nextScreeningReference(tx: DbOrTx, year: number): Promise<string> {
  const [row] = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('screening_reference_seq') AS n`));
  return `SCR-${year}-${String(row?.n).padStart(6, '0')}`;
}

export async function insertScreening(tx: DbOrTx, row: typeof screenings.$inferInsert): Promise<void> {
  await tx.insert(screenings).values(row);
}

export async function findScreeningByClientId(db: DbOrTx, clientId: string): Promise<{ id: string; reference: string } | null> {
  const [row] = await db.select({ id: screenings.id, reference: screenings.reference }).from(screenings).where(eq(screenings.clientId, clientId));
  return row ?? null;
}

const toAgency = alias(agencies, 'to_agency');
const withNames = (db: DbOrTx) =>
  db
    .select({
      screening: screenings,
      screenerName: users.displayName,
      agencyName: agencyNameSelect(agencies),
      toAgencyName: agencyNameSelect(toAgency),
      personHandedOver: sql<boolean>`${handedOverBy(screenings.screenerId, screenings.personId)}`,
    })
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
    withNames(db)
      .where(where)
      .orderBy(desc(screenings.createdAt), desc(screenings.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(screenings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function markHandedOver(tx: DbOrTx, id: string, toAgencyId: string, at: Date): Promise<void> {
  await tx.update(screenings).set({ handedOverTo: toAgencyId, handedOverAt: at }).where(eq(screenings.id, id));
}

/**
 * The case a screening opened, locked for its handover. Read by id, not through the screener's
 * scope: the screening is hers, and her access to the person may already have ended by the
 * handover of another screening of the same person (its case must not be stranded).
 */
export async function lockScreeningCase(tx: DbOrTx, caseId: string) {
  const [row] = await tx
    .select({ id: cases.id, regionCode: cases.regionCode, identificationDue: cases.identificationDue })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for('update');
  return row ?? null;
}

export async function getHandoverTarget(db: DbOrTx, agencyId: string): Promise<HandoverTarget | null> {
  const [row] = await db
    .select({ type: agencies.type, regionCode: agencies.regionCode, disabled: agencies.disabled })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  return row ?? null;
}

/** The agencies that may receive a handover of a case in `regionCode` (core `mayReceiveHandover`). */
export async function listHandoverTargets(db: DbOrTx, regionCode: string): Promise<Agency[]> {
  const rows = await db
    .select({ id: agencies.id, name: agencyNameSelect(agencies), type: agencies.type, regionCode: agencies.regionCode, disabled: agencies.disabled })
    .from(agencies)
    .where(
      and(
        inArray(agencies.type, [...IDENTIFYING_AGENCY_TYPES]),
        eq(agencies.disabled, false),
        or(isNull(agencies.regionCode), eq(agencies.regionCode, regionCode)),
      ),
    )
    .orderBy(asc(agencies.nameKk), asc(agencies.id));
  return rows as Agency[];
}
