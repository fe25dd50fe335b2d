import { aliasedTable, and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { scopeOf, type Actor, type ConsentShare, type LocalizedName } from '@qorgau/core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { agencies, caseAccess, cases, persons, providers, referralActions, referrals, users } from '../../db/schema.ts';
import { agencyNameSelect } from '../agencies/agency-name.ts';
import { personScope } from '../persons/persons.repository.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type ProviderRow = typeof providers.$inferSelect;

export async function nextReferralReference(tx: DbOrTx, year: number): Promise<string> {
  const rows = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT nextval('referral_reference_seq') AS n`));
  return `QRG-R-${year}-${String(rows[0]?.n).padStart(6, '0')}`;
}

/**
 * The SQL twin of core `mayOnReferral`: the two sides (the referring agency, the case's holding
 * unit, the provider's agency) for every grant; the regions of either end for a regional one;
 * everything for a national one. `null` scope: nothing.
 */
export function referralScope(actor: Actor, permission: 'referral.read' | 'referral.act'): SQL {
  const scope = scopeOf(actor.role, permission);
  if (!scope) return sql`false`;
  if (scope === 'national') return sql`true`;
  const me = actor.agencyId;
  const sides = sql`(${referrals.referringAgencyId} = ${me}::uuid OR ${referrals.providerAgencyId} = ${me}::uuid OR ${referrals.caseId} = ANY(${casesHeldBy(me)}))`;
  if (scope !== 'region') return sides;
  if (actor.jurisdiction.national) return sql`true`;
  const regions = sql.param(actor.jurisdiction.regions as string[]);
  const casesInRegions = sql`ARRAY(SELECT c.id FROM ${cases} c WHERE c.region_code = ANY(${regions}::text[]))`;
  return sql`(${sides} OR ${referrals.regionCode} = ANY(${regions}::text[]) OR ${referrals.caseId} = ANY(${casesInRegions}))`;
}

/**
 * The cases an agency holds, gathered once per statement. Why not `cases.owner_agency_id = me`
 * across the join: OR-ed with the referral's own columns it defeats every index, and the
 * lists scanned all 300,000 referrals (docs/benchmarks.md §8); as a set of ids each branch is
 * an index scan (BitmapOr).
 */
const casesHeldBy = (agencyId: string) => sql`ARRAY(SELECT c.id FROM ${cases} c WHERE c.owner_agency_id = ${agencyId}::uuid)`;

const referringAgencies = aliasedTable(agencies, 'referring_agency');

const summaryColumns = (actor: Actor) => ({
  referral: referrals,
  caseReference: cases.reference,
  caseOwnerAgencyId: cases.ownerAgencyId,
  caseRegionCode: cases.regionCode,
  person: persons,
  providerName: { kk: providers.nameKk, ru: providers.nameRu, en: providers.nameEn },
  referringAgencyName: agencyNameSelect(referringAgencies),
  // The person's name only within her identity scope, and through a referral only if its consent shares it.
  identityVisible: sql<boolean>`${personScope(actor, 'person.read_identity', 'identity')}`,
});
export type ReferralSummaryRow = {
  referral: ReferralRow;
  caseReference: string;
  caseOwnerAgencyId: string;
  caseRegionCode: string;
  person: typeof persons.$inferSelect;
  providerName: LocalizedName;
  referringAgencyName: LocalizedName;
  identityVisible: boolean;
};

function baseQuery(db: DbOrTx, actor: Actor) {
  return db
    .select(summaryColumns(actor))
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .innerJoin(persons, eq(persons.id, referrals.personId))
    .innerJoin(providers, eq(providers.id, referrals.providerId))
    .innerJoin(referringAgencies, eq(referringAgencies.id, referrals.referringAgencyId));
}

export async function getReferral(
  db: DbOrTx,
  actor: Actor,
  id: string,
  permission: 'referral.read' | 'referral.act' = 'referral.read',
  opts: { forUpdate?: boolean } = {},
): Promise<ReferralSummaryRow | null> {
  const q = baseQuery(db, actor).where(and(eq(referrals.id, id), referralScope(actor, permission)));
  const [row] = opts.forUpdate ? await q.for('update', { of: referrals }) : await q;
  return (row as ReferralSummaryRow | undefined) ?? null;
}

export interface ReferralFilter {
  box: 'sent' | 'received' | 'all';
  status?: string;
  caseId?: string;
}

export async function listReferrals(db: DbOrTx, actor: Actor, filter: ReferralFilter, page: number, pageSize: number) {
  const me = actor.agencyId;
  const conds: SQL[] = [referralScope(actor, 'referral.read')];
  if (filter.box === 'sent') conds.push(sql`(${referrals.referringAgencyId} = ${me}::uuid OR ${referrals.caseId} = ANY(${casesHeldBy(me)}))`);
  if (filter.box === 'received') conds.push(eq(referrals.providerAgencyId, me));
  if (filter.status) conds.push(eq(referrals.status, filter.status));
  if (filter.caseId) conds.push(eq(referrals.caseId, filter.caseId));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    baseQuery(db, actor)
      .where(where)
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(referrals).innerJoin(cases, eq(cases.id, referrals.caseId)).where(where),
  ]);
  return { rows: rows as ReferralSummaryRow[], total: total?.n ?? 0 };
}

export async function listReferralActions(db: DbOrTx, referralId: string) {
  return db
    .select({ action: referralActions, actorName: users.displayName, agencyName: { kk: agencies.nameKk, ru: agencies.nameRu, en: agencies.nameEn } })
    .from(referralActions)
    .leftJoin(users, eq(users.id, referralActions.actorId))
    .leftJoin(agencies, eq(agencies.id, referralActions.agencyId))
    .where(eq(referralActions.referralId, referralId))
    .orderBy(asc(referralActions.seq));
}

export async function insertReferral(tx: DbOrTx, row: typeof referrals.$inferInsert): Promise<void> {
  await tx.insert(referrals).values(row);
}

export async function insertReferralAction(tx: DbOrTx, row: typeof referralActions.$inferInsert): Promise<void> {
  await tx.insert(referralActions).values(row);
}

export async function setReferralStatus(tx: DbOrTx, id: string, status: string, at: Date): Promise<void> {
  await tx.update(referrals).set({ status, updatedAt: at }).where(eq(referrals.id, id));
}

export async function findReferralIdByClientId(db: DbOrTx, clientId: string): Promise<string | null> {
  const [r] = await db.select({ id: referrals.id }).from(referrals).where(eq(referrals.clientId, clientId));
  return r?.id ?? null;
}

export async function findActionReferralByClientId(db: DbOrTx, clientId: string): Promise<string | null> {
  const [r] = await db.select({ id: referralActions.referralId }).from(referralActions).where(eq(referralActions.clientId, clientId));
  return r?.id ?? null;
}

export async function transferredTo(db: DbOrTx, id: string): Promise<string | null> {
  const [r] = await db.select({ id: referrals.id }).from(referrals).where(eq(referrals.transferredFrom, id));
  return r?.id ?? null;
}

export async function getProvider(db: DbOrTx, id: string): Promise<ProviderRow | null> {
  const [r] = await db
    .select()
    .from(providers)
    .where(and(eq(providers.id, id), eq(providers.active, true)));
  return r ?? null;
}

export async function listActiveProviders(db: DbOrTx): Promise<ProviderRow[]> {
  return db.select().from(providers).where(eq(providers.active, true)).orderBy(asc(providers.regionCode), asc(providers.nameEn));
}

export async function insertCaseAccess(tx: DbOrTx, row: typeof caseAccess.$inferInsert): Promise<void> {
  await tx.insert(caseAccess).values(row);
}

/** Ends the open access a referral opened (the referral ended): `ends_at`, never a deletion. */
export async function endReferralAccess(tx: DbOrTx, referralId: string, at: Date): Promise<void> {
  await tx
    .update(caseAccess)
    .set({ endsAt: at })
    .where(and(eq(caseAccess.referralId, referralId), isNull(caseAccess.endsAt), isNull(caseAccess.revokedAt)));
}

/** What the referral's open access shares now (empty once it is closed or lapsed). */
export async function openShares(db: DbOrTx, referralId: string, now: Date): Promise<ConsentShare[]> {
  const rows = await db
    .select({ shares: caseAccess.shares })
    .from(caseAccess)
    .where(
      and(
        eq(caseAccess.referralId, referralId),
        isNull(caseAccess.endsAt),
        isNull(caseAccess.revokedAt),
        or(isNull(caseAccess.until), sql`${caseAccess.until} > ${now.toISOString()}::timestamptz`),
      ),
    );
  return [...new Set(rows.flatMap((r) => r.shares))] as ConsentShare[];
}

/** The users a referral's notices go to: the provider agency's receiving staff. */
export async function receivingStaff(db: DbOrTx, agencyId: string, roles: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), inArray(users.role, [...roles]), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

/** Referrals still waiting for an answer past their deadline, not yet escalated. */
export async function overdueReferralIds(db: DbOrTx, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.status, 'sent'), isNull(referrals.escalatedAt), lt(referrals.dueAt, now)))
    .orderBy(asc(referrals.dueAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Marks a referral escalated, only once: false when another sweep (or an answer) came first. */
export async function markEscalated(tx: DbOrTx, id: string, at: Date): Promise<ReferralRow | null> {
  const [r] = await tx
    .update(referrals)
    .set({ escalatedAt: at, updatedAt: at })
    .where(and(eq(referrals.id, id), eq(referrals.status, 'sent'), isNull(referrals.escalatedAt)))
    .returning();
  return r ?? null;
}

export async function actionCount(tx: DbOrTx, referralId: string): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(referralActions).where(eq(referralActions.referralId, referralId));
  return r?.n ?? 0;
}
