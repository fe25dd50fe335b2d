import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import {
  type CapacityBoard,
  type CapacityRow,
  freePlaces,
  KZ_REGIONS,
  type PlacementNeed,
  PROVIDER_ELIGIBILITY,
  type Provider,
  type ProviderListQuery,
  type ProviderService,
  providerTakes,
} from '@qorgau/core';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { agencies, providers } from '../../db/schema.ts';
import { agencyNameSelect } from '../agencies/agency-name.ts';

/** A provider as stored, with its agency's name: the view without the reader's allowed actions. */
export type ProviderRecord = Omit<Provider, 'allowedActions'>;

const columns = { p: providers, agencyName: agencyNameSelect(agencies) };
type Row = { p: typeof providers.$inferSelect; agencyName: Provider['agencyName'] };

export const providerRecordOf = ({ p, agencyName }: Row): ProviderRecord => ({
  id: p.id,
  name: { kk: p.nameKk, ru: p.nameRu, en: p.nameEn },
  kind: p.kind as Provider['kind'],
  services: p.services as Provider['services'],
  regionCode: p.regionCode as Provider['regionCode'],
  district: p.district,
  settlement: p.settlement as Provider['settlement'],
  eligibility: p.eligibility as Provider['eligibility'],
  capacity: p.capacity,
  occupancy: p.occupancy,
  free: freePlaces(p),
  languages: p.languages,
  funding: p.funding as Provider['funding'],
  contacts: { phone: p.phone, email: p.email, address: p.address },
  answerWithinHours: p.answerWithinHours,
  active: p.active,
  agencyId: p.agencyId,
  agencyName,
  updatedAt: p.updatedAt.toISOString(),
});

/** `%term%` for ILIKE with the pattern characters of the term taken literally. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type ProviderFilter = Omit<ProviderListQuery, 'page' | 'pageSize' | 'mine'> & { agencyId?: string };

function whereOf(f: ProviderFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.includeInactive ? undefined : eq(providers.active, true),
    f.regionCode ? eq(providers.regionCode, f.regionCode) : undefined,
    f.kind ? eq(providers.kind, f.kind) : undefined,
    f.service ? sql`${f.service} = ANY(${providers.services})` : undefined,
    f.eligibility ? sql`${f.eligibility} = ANY(${providers.eligibility})` : undefined,
    f.freeOnly ? sql`${providers.capacity} > ${providers.occupancy}` : undefined,
    f.agencyId ? eq(providers.agencyId, f.agencyId) : undefined,
    f.q ? or(ilike(providers.nameKk, contains(f.q)), ilike(providers.nameRu, contains(f.q)), ilike(providers.nameEn, contains(f.q))) : undefined,
  ];
  return and(...parts);
}

/** One page of the directory, in Kazakh alphabetical order (the web sorts a page by the reader's language). */
export async function listProviders(db: DbOrTx, f: ProviderFilter, page: number, pageSize: number): Promise<{ items: ProviderRecord[]; total: number }> {
  const where = whereOf(f);
  const [rows, counted] = await Promise.all([
    db
      .select(columns)
      .from(providers)
      .innerJoin(agencies, eq(agencies.id, providers.agencyId))
      .where(where)
      .orderBy(asc(providers.nameKk), asc(providers.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(providers).where(where),
  ]);
  return { items: rows.map(providerRecordOf), total: counted[0]?.n ?? 0 };
}

export async function getProvider(db: DbOrTx, id: string): Promise<ProviderRecord | null> {
  const [row] = await db.select(columns).from(providers).innerJoin(agencies, eq(agencies.id, providers.agencyId)).where(eq(providers.id, id));
  return row ? providerRecordOf(row) : null;
}

/** The row locked for an update (the rules are checked on the entry as it will be). */
export async function lockProvider(tx: DbOrTx, id: string): Promise<typeof providers.$inferSelect | null> {
  const [row] = await tx.select().from(providers).where(eq(providers.id, id)).for('update');
  return row ?? null;
}

export async function insertProvider(db: DbOrTx, values: typeof providers.$inferInsert): Promise<void> {
  await db.insert(providers).values(values);
}

export async function patchProvider(db: DbOrTx, id: string, patch: Partial<typeof providers.$inferInsert>): Promise<void> {
  await db.update(providers).set(patch).where(eq(providers.id, id));
}

export interface EligibleProviderFilter {
  /** The person to place: age group, sex, foreign national (core providerTakes). */
  need: PlacementNeed;
  regionCode?: string;
  kind?: Provider['kind'];
  /** Providers offering every one of these services. */
  services?: readonly ProviderService[];
  /** Shelters with at least one free place only. */
  freeOnly?: boolean;
}

/**
 * FOR THE REFERRAL WORKFLOW: the active providers that take this person (core `providerTakes`:
 * children only to child-eligible providers, adults never to child shelters, single-sex and
 * foreign-national eligibility), optionally in a region, of a kind, offering the services named,
 * with free places. The SQL narrows by age group (indexed columns, one query); `providerTakes`
 * then decides each row, so the rule has one definition. Ordered: most free places first, then name.
 */
export async function listEligibleProviders(db: DbOrTx, filter: EligibleProviderFilter): Promise<ProviderRecord[]> {
  const ageGroup = filter.need.age === 'child' ? 'children' : 'adults';
  const rows = await db
    .select(columns)
    .from(providers)
    .innerJoin(agencies, eq(agencies.id, providers.agencyId))
    .where(
      and(
        eq(providers.active, true),
        sql`${ageGroup} = ANY(${providers.eligibility})`,
        filter.regionCode ? eq(providers.regionCode, filter.regionCode) : undefined,
        filter.kind ? eq(providers.kind, filter.kind) : undefined,
        filter.services?.length
          ? sql`${providers.services} @> ${sql`ARRAY[${sql.join(
              filter.services.map((s) => sql`${s}`),
              sql`, `,
            )}]::text[]`}`
          : undefined,
        filter.freeOnly ? sql`${providers.capacity} > ${providers.occupancy}` : undefined,
      ),
    )
    .orderBy(sql`GREATEST(${providers.capacity} - ${providers.occupancy}, 0) DESC`, asc(providers.nameKk), asc(providers.id));
  return rows.map(providerRecordOf).filter((p) => providerTakes(p, filter.need));
}

/**
 * The capacity board in ONE aggregate statement: every region (zero rows included, in the order
 * of KZ_REGIONS) left-joined to its active shelters, with free places per eligibility group as
 * filtered sums. Totals are the sum of the rows.
 */
export async function capacityBoard(db: DbOrTx): Promise<CapacityBoard> {
  const codes = sql`ARRAY[${sql.join(
    KZ_REGIONS.map((r) => sql`${r.code}`),
    sql`, `,
  )}]::text[]`;
  const free = sql`GREATEST(p.capacity - p.occupancy, 0)`;
  const byGroup = PROVIDER_ELIGIBILITY.map(
    (g) => sql`COALESCE(SUM(${free}) FILTER (WHERE ${g} = ANY(p.eligibility)), 0)::int AS ${sql.identifier(`free_${g}`)}`,
  );
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
      SELECT r.code AS region_code, COUNT(p.id)::int AS shelters, COALESCE(SUM(p.capacity), 0)::int AS capacity,
        COALESCE(SUM(p.occupancy), 0)::int AS occupancy, COALESCE(SUM(${free}), 0)::int AS free, ${sql.join(byGroup, sql`, `)}
      FROM unnest(${codes}) WITH ORDINALITY AS r(code, ord)
      LEFT JOIN providers p ON p.region_code = r.code AND p.kind = 'shelter' AND p.active
      GROUP BY r.code, r.ord
      ORDER BY r.ord`),
  );
  const out: CapacityRow[] = rows.map((r) => ({
    regionCode: r.region_code as CapacityRow['regionCode'],
    shelters: Number(r.shelters),
    capacity: Number(r.capacity),
    occupancy: Number(r.occupancy),
    free: Number(r.free),
    freeBy: Object.fromEntries(PROVIDER_ELIGIBILITY.map((g) => [g, Number(r[`free_${g}`])])) as CapacityRow['freeBy'],
  }));
  const sum = (pick: (r: CapacityRow) => number) => out.reduce((a, r) => a + pick(r), 0);
  return {
    rows: out,
    totals: {
      shelters: sum((r) => r.shelters),
      capacity: sum((r) => r.capacity),
      occupancy: sum((r) => r.occupancy),
      free: sum((r) => r.free),
      freeBy: Object.fromEntries(PROVIDER_ELIGIBILITY.map((g) => [g, sum((r) => r.freeBy[g])])) as CapacityRow['freeBy'],
    },
  };
}
