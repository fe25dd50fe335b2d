import { and, asc, count, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor, Permission } from '@qorgau/core';
import { scopeCondition, type ScopedColumns } from '../../auth/scope-filter.ts';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import {
  cases,
  followUps,
  persons,
  protectionCases,
  protectionEvents,
  providers,
  referrals,
  serviceDeliveries,
  shelterStays,
  supportPlans,
} from '../../db/schema.ts';
import { personScope } from '../persons/persons.repository.ts';

/** Drizzle queries of the protection case (issue #10 item 3); every read of a case takes the scope. */

export type ProtectionCaseRow = typeof protectionCases.$inferSelect;

/**
 * The scope columns of a protection case: the owner is the provider's agency, the region the
 * provider's; the opener is its creator. Nobody is assigned by name, and a care worker never
 * hands a protection case over, so the creator's access never ends (a constant, not a column).
 */
const protectionColumns: ScopedColumns = {
  createdBy: protectionCases.openedBy,
  ownerAgencyId: protectionCases.agencyId,
  regionCode: protectionCases.regionCode,
  creatorAccessEnded: sql`false` as unknown as PgColumn,
  personId: protectionCases.personId,
  assigned: sql`false`,
};

export const protectionScope = (actor: Actor, permission: Permission = 'protection.read'): SQL => scopeCondition(actor, permission, protectionColumns);

export async function nextProtectionReference(tx: DbOrTx, year: number): Promise<string> {
  const rows = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('protection_reference_seq') AS n`));
  return `QRG-P-${year}-${String(rows[0]?.n).padStart(6, '0')}`;
}

export async function insertProtectionCase(tx: DbOrTx, row: typeof protectionCases.$inferInsert): Promise<void> {
  await tx.insert(protectionCases).values(row);
}

export async function findCaseByClientId(db: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await db.select({ id: protectionCases.id }).from(protectionCases).where(eq(protectionCases.clientId, clientId));
  return row?.id ?? null;
}

export async function findEventCaseByClientId(db: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await db.select({ id: protectionEvents.protectionCaseId }).from(protectionEvents).where(eq(protectionEvents.clientId, clientId));
  return row?.id ?? null;
}

const providerRef = {
  id: providers.id,
  nameKk: providers.nameKk,
  nameRu: providers.nameRu,
  nameEn: providers.nameEn,
  regionCode: providers.regionCode,
  kind: providers.kind,
};

/** A provider as the views name it. */
export const providerRefOf = (p: { id: string; nameKk: string; nameRu: string; nameEn: string; regionCode: string; kind: string }) => ({
  id: p.id,
  name: { kk: p.nameKk, ru: p.nameRu, en: p.nameEn },
  regionCode: p.regionCode,
  kind: p.kind,
});

const caseColumns = (actor: Actor) => ({
  pc: protectionCases,
  pseudonym: persons.pseudonym,
  person: persons,
  identityVisible: sql<boolean>`${personScope(actor, 'person.read_identity')}`,
  provider: providerRef,
  caseReference: cases.reference,
  inShelter: sql<boolean>`EXISTS (SELECT 1 FROM ${shelterStays} s WHERE s.protection_case_id = ${protectionCases.id} AND s.discharged_on IS NULL)`,
});
export type ProtectionCaseRead = Awaited<ReturnType<typeof getProtectionCase>> & {};

/** One case in the actor's read scope; `forUpdate` locks its row (actions see each other's status). */
export async function getProtectionCase(db: DbOrTx, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select(caseColumns(actor))
    .from(protectionCases)
    .innerJoin(persons, eq(persons.id, protectionCases.personId))
    .innerJoin(providers, eq(providers.id, protectionCases.providerId))
    .innerJoin(cases, eq(cases.id, protectionCases.caseId))
    .where(and(eq(protectionCases.id, id), protectionScope(actor)));
  const [row] = opts.forUpdate ? await q.for('update', { of: protectionCases }) : await q;
  return row ?? null;
}

export async function listProtectionCases(db: DbOrTx, actor: Actor, filter: { status?: string; personId?: string }, page: number, pageSize: number) {
  const where = and(
    protectionScope(actor),
    filter.status ? eq(protectionCases.status, filter.status) : undefined,
    filter.personId ? eq(protectionCases.personId, filter.personId) : undefined,
  );
  const base = db
    .select(caseColumns(actor))
    .from(protectionCases)
    .innerJoin(persons, eq(persons.id, protectionCases.personId))
    .innerJoin(providers, eq(providers.id, protectionCases.providerId))
    .innerJoin(cases, eq(cases.id, protectionCases.caseId));
  const rows = await base
    .where(where)
    .orderBy(asc(protectionCases.status), desc(protectionCases.createdAt), asc(protectionCases.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(protectionCases).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export const listServices = (db: DbOrTx, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ s: serviceDeliveries, provider: providerRef })
        .from(serviceDeliveries)
        .innerJoin(providers, eq(providers.id, serviceDeliveries.providerId))
        .where(inArray(serviceDeliveries.protectionCaseId, caseIds))
        .orderBy(desc(serviceDeliveries.date), desc(serviceDeliveries.createdAt));

export const listStays = (db: DbOrTx, caseIds: string[]) =>
  caseIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ s: shelterStays, provider: providerRef })
        .from(shelterStays)
        .innerJoin(providers, eq(providers.id, shelterStays.providerId))
        .where(inArray(shelterStays.protectionCaseId, caseIds))
        .orderBy(desc(shelterStays.admittedOn));

export const listFollowUps = (db: DbOrTx, caseId: string) =>
  db.select().from(followUps).where(eq(followUps.protectionCaseId, caseId)).orderBy(asc(followUps.dueOn), asc(followUps.kind));

export async function latestPlan(db: DbOrTx, caseId: string) {
  const [row] = await db.select().from(supportPlans).where(eq(supportPlans.protectionCaseId, caseId)).orderBy(desc(supportPlans.createdAt)).limit(1);
  return row ?? null;
}

/** Every stay of a person, in any case (one person sleeps in one place). */
export const staysOfPerson = (db: DbOrTx, personId: string) =>
  db
    .select({ id: shelterStays.id, admittedOn: shelterStays.admittedOn, dischargedOn: shelterStays.dischargedOn })
    .from(shelterStays)
    .where(eq(shelterStays.personId, personId));

/** The provider row, locked: admissions and discharges of one shelter serialise on it. */
export async function lockProvider(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(providers).where(eq(providers.id, id)).for('update');
  return row ?? null;
}

export async function getProvider(db: DbOrTx, id: string) {
  const [row] = await db.select().from(providers).where(eq(providers.id, id));
  return row ?? null;
}

/** Active shelters with a free place: the candidates for alternatives (core freeAlternatives picks). */
export const sheltersWithFreePlaces = (db: DbOrTx) =>
  db
    .select()
    .from(providers)
    .where(and(eq(providers.kind, 'shelter'), eq(providers.active, true), gt(providers.capacity, providers.occupancy)))
    .orderBy(asc(providers.id))
    .limit(500);

export async function addOccupancy(tx: DbOrTx, providerId: string, delta: number, at: Date): Promise<void> {
  await tx
    .update(providers)
    .set({ occupancy: sql`GREATEST(0, ${providers.occupancy} + ${delta})`, updatedAt: at })
    .where(eq(providers.id, providerId));
}

export async function getReferral(db: DbOrTx, id: string) {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
  return row ?? null;
}

/** Accepted referrals of a person to an agency that have no protection case yet. */
export const openableReferrals = (db: DbOrTx, personId: string, agencyId: string) =>
  db
    .select({ referralId: referrals.id, reference: referrals.reference, provider: providerRef })
    .from(referrals)
    .innerJoin(providers, eq(providers.id, referrals.providerId))
    .where(
      and(
        eq(referrals.personId, personId),
        eq(referrals.providerAgencyId, agencyId),
        eq(referrals.status, 'accepted'),
        sql`NOT EXISTS (SELECT 1 FROM ${protectionCases} p WHERE p.referral_id = ${referrals.id})`,
      ),
    )
    .orderBy(asc(referrals.createdAt));

export async function insertEvent(tx: DbOrTx, row: typeof protectionEvents.$inferInsert) {
  await tx.insert(protectionEvents).values(row);
}

export async function updateCase(tx: DbOrTx, id: string, set: Partial<typeof protectionCases.$inferInsert>) {
  await tx.update(protectionCases).set(set).where(eq(protectionCases.id, id));
}

export async function openFollowUp(tx: DbOrTx, caseId: string, id: string) {
  const [row] = await tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.id, id), eq(followUps.protectionCaseId, caseId), isNull(followUps.doneAt)))
    .for('update');
  return row ?? null;
}

/** The person's CLOSED protection cases, with who should hear of her: the latest follow-up's assignee, else the opener. */
export async function closedCasesOf(db: DbOrTx, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      id: protectionCases.id,
      reference: protectionCases.reference,
      openedBy: protectionCases.openedBy,
      lastWorker: sql<
        string | null
      >`(SELECT f.assigned_to FROM ${followUps} f WHERE f.protection_case_id = ${protectionCases.id} ORDER BY f.due_on DESC LIMIT 1)`,
    })
    .from(protectionCases)
    .where(and(inArray(protectionCases.personId, personIds), eq(protectionCases.status, 'closed')));
}
