import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { FundingPurpose } from '@qorgau/core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { exchangeRates, fundingAllocations, providers } from '../../db/schema.ts';
import { identifiedInYearCte, LABOUR_FORMS_SQL } from './identified-cases.sql.ts';

export type AllocationRecord = {
  id: string;
  year: number;
  purpose: FundingPurpose;
  providerId: string | null;
  providerName: { kk: string; ru: string; en: string } | null;
  regionCode: string;
  amountTenge: number;
  casesBasis: number | null;
  source: string;
  createdAt: Date;
};

const allocationColumns = {
  id: fundingAllocations.id,
  year: fundingAllocations.year,
  purpose: fundingAllocations.purpose,
  providerId: fundingAllocations.providerId,
  nameKk: providers.nameKk,
  nameRu: providers.nameRu,
  nameEn: providers.nameEn,
  regionCode: fundingAllocations.regionCode,
  amountTenge: fundingAllocations.amountTenge,
  casesBasis: fundingAllocations.casesBasis,
  source: fundingAllocations.source,
  createdAt: fundingAllocations.createdAt,
};

type AllocationRow = { [K in keyof typeof allocationColumns]: unknown };
const toRecord = (r: AllocationRow): AllocationRecord => ({
  id: r.id as string,
  year: Number(r.year),
  purpose: r.purpose as FundingPurpose,
  providerId: (r.providerId as string | null) ?? null,
  providerName: r.nameKk ? { kk: r.nameKk as string, ru: r.nameRu as string, en: r.nameEn as string } : null,
  regionCode: r.regionCode as string,
  amountTenge: Number(r.amountTenge),
  casesBasis: r.casesBasis === null ? null : Number(r.casesBasis),
  source: r.source as string,
  createdAt: r.createdAt as Date,
});

export async function listAllocations(q: DbOrTx, year: number, regions: string[] | null): Promise<AllocationRecord[]> {
  const where: SQL[] = [eq(fundingAllocations.year, year)];
  if (regions) where.push(inArray(fundingAllocations.regionCode, regions.length ? regions : ['-']));
  const rows = await q
    .select(allocationColumns)
    .from(fundingAllocations)
    .leftJoin(providers, eq(providers.id, fundingAllocations.providerId))
    .where(and(...where))
    .orderBy(fundingAllocations.regionCode, desc(fundingAllocations.amountTenge), fundingAllocations.id);
  return rows.map(toRecord);
}

export async function allocationByClientId(q: DbOrTx, clientId: string): Promise<AllocationRecord | null> {
  const [row] = await q
    .select(allocationColumns)
    .from(fundingAllocations)
    .leftJoin(providers, eq(providers.id, fundingAllocations.providerId))
    .where(eq(fundingAllocations.clientId, clientId));
  return row ? toRecord(row) : null;
}

export async function providerFacts(q: DbOrTx, id: string) {
  const [p] = await q.select({ kind: providers.kind, regionCode: providers.regionCode }).from(providers).where(eq(providers.id, id));
  return p ?? null;
}

export async function insertAllocation(q: DbOrTx, values: typeof fundingAllocations.$inferInsert): Promise<boolean> {
  const inserted = await q
    .insert(fundingAllocations)
    .values(values)
    .onConflictDoNothing({ target: fundingAllocations.clientId })
    .returning({ id: fundingAllocations.id });
  return inserted.length > 0;
}

export async function listRates(q: DbOrTx) {
  return q
    .select({ year: exchangeRates.year, tengePerUsd: exchangeRates.tengePerUsd, source: exchangeRates.source, setAt: exchangeRates.setAt })
    .from(exchangeRates)
    .orderBy(desc(exchangeRates.year));
}

export async function rateOf(q: DbOrTx, year: number) {
  const [r] = await q.select({ tengePerUsd: exchangeRates.tengePerUsd, source: exchangeRates.source }).from(exchangeRates).where(eq(exchangeRates.year, year));
  return r ? { tengePerUsd: Number(r.tengePerUsd), source: r.source } : null;
}

export async function upsertRate(q: DbOrTx, row: { year: number; tengePerUsd: number; source: string; setBy: string; setAt: Date }) {
  await q
    .insert(exchangeRates)
    .values(row)
    .onConflictDoUpdate({ target: exchangeRates.year, set: { tengePerUsd: row.tengePerUsd, source: row.source, setBy: row.setBy, setAt: row.setAt } });
}

export interface RegionLoad {
  region: string;
  cases: number;
  victims: number;
  labourVictims: number;
  bedDays: number;
  personsSheltered: number;
  providersUrban: number;
  providersRural: number;
  shelterBeds: number;
}

/**
 * What each region carried in the year, nationally (the formulas share the national total, so
 * they need every region; the service shows the reader only hers):
 * - cases: criminal cases under a trafficking article (128, 135) registered in the year, by the
 *   case's region. Why criminal cases, not NRM cases: the allocating body counts "trafficking
 *   cases in a region" (TIP 2023), and a criminal case holds several victims, while an NRM case
 *   is one person's, so "victims per case" would always be one and hide the very shortfall the
 *   rule causes. A region with victims and no criminal case gets nothing per case;
 * - victims: unique persons (linkage clusters) whose first positive identification ever was in
 *   the year, in the region of that case; labour victims: of them, those whose case records a labour form;
 * - bed-days: nights in the region's shelters within the year (open stays up to `today`), and
 *   the persons who spent them;
 * - providers: active ones by settlement, and the beds of active shelters.
 */
export async function regionLoads(q: DbOrTx, year: number, today: string): Promise<RegionLoad[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const rows = rowsOf<Record<string, string | number>>(
    await q.execute(sql`
    WITH ${identifiedInYearCte(year)},
    cases_y AS (SELECT region_code, count(*)::int AS n FROM criminal_cases
      WHERE registered_on >= ${from} AND registered_on < ${to} AND articles && ARRAY['128', '135']::text[] GROUP BY region_code),
    victims_y AS (SELECT region_code, count(*)::int AS n, count(*) FILTER (WHERE forms && ${LABOUR_FORMS_SQL})::int AS labour
      FROM firsts WHERE identified_on >= ${from}::date AND identified_on < ${to}::date GROUP BY region_code),
    stays AS (
      SELECT p.region_code, coalesce(pc.cluster_id, s.person_id) AS who,
        greatest(0, least(coalesce(s.discharged_on::date, ${today}::date), ${to}::date) - greatest(s.admitted_on::date, ${from}::date)) AS nights
      FROM shelter_stays s JOIN providers p ON p.id = s.provider_id LEFT JOIN person_clusters pc ON pc.person_id = s.person_id
      WHERE s.admitted_on < ${to} AND (s.discharged_on IS NULL OR s.discharged_on > ${from})),
    beds_y AS (SELECT region_code, sum(nights)::int AS nights, count(DISTINCT who) FILTER (WHERE nights > 0)::int AS persons FROM stays GROUP BY region_code),
    prov AS (SELECT region_code,
        count(*) FILTER (WHERE settlement = 'urban')::int AS urban,
        count(*) FILTER (WHERE settlement = 'rural')::int AS rural,
        coalesce(sum(capacity) FILTER (WHERE kind = 'shelter'), 0)::int AS beds
      FROM providers WHERE active GROUP BY region_code),
    regions AS (SELECT region_code FROM cases_y UNION SELECT region_code FROM victims_y UNION SELECT region_code FROM beds_y UNION SELECT region_code FROM prov)
    SELECT r.region_code AS region,
      coalesce(c.n, 0) AS cases, coalesce(v.n, 0) AS victims, coalesce(v.labour, 0) AS labour,
      coalesce(b.nights, 0) AS bed_days, coalesce(b.persons, 0) AS persons,
      coalesce(p.urban, 0) AS urban, coalesce(p.rural, 0) AS rural, coalesce(p.beds, 0) AS beds
    FROM regions r LEFT JOIN cases_y c USING (region_code) LEFT JOIN victims_y v USING (region_code)
      LEFT JOIN beds_y b USING (region_code) LEFT JOIN prov p USING (region_code)
    ORDER BY r.region_code`),
  );
  return rows.map((r) => ({
    region: String(r.region),
    cases: Number(r.cases),
    victims: Number(r.victims),
    labourVictims: Number(r.labour),
    bedDays: Number(r.bed_days),
    personsSheltered: Number(r.persons),
    providersUrban: Number(r.urban),
    providersRural: Number(r.rural),
    shelterBeds: Number(r.beds),
  }));
}

/** Persons who spent at least one night in a shelter in the year, nationally (a person in two regions counts once). */
export async function personsSheltered(q: DbOrTx, year: number, today: string): Promise<number> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const [r] = rowsOf<{ n: number }>(
    await q.execute(sql`
    SELECT count(DISTINCT coalesce(pc.cluster_id, s.person_id))::int AS n
    FROM shelter_stays s LEFT JOIN person_clusters pc ON pc.person_id = s.person_id
    WHERE least(coalesce(s.discharged_on::date, ${today}::date), ${to}::date) > greatest(s.admitted_on::date, ${from}::date)`),
  );
  return Number(r?.n ?? 0);
}
