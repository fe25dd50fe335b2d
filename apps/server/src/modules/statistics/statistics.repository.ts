import { sql } from 'drizzle-orm';
import { REGION_CODES, type Actor } from '@qorgau/core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { personScope } from '../persons/persons.repository.ts';
import { positiveDecisionsBetween } from './victims.repository.ts';

/**
 * The first year the register holds an identification (national, whoever asks): before it, a
 * year's count is not zero but unknown, and comparisons use official figures or say nothing.
 */
export async function firstRegisterYear(q: DbOrTx): Promise<number | null> {
  const [row] = rowsOf<{ first: string | null }>(await q.execute(sql`SELECT min(on_day) AS first FROM victim_first_identifications`));
  return row?.first ? Number(row.first.slice(0, 4)) : null;
}

/** Pseudonyms and case references of one page of records behind a figure (already scoped by the caller). */
export async function recordLabels(q: DbOrTx, personIds: string[], caseIds: string[]) {
  const people = personIds.length
    ? rowsOf<{ id: string; pseudonym: string }>(await q.execute(sql`SELECT id, pseudonym FROM persons WHERE id = ANY(${sql.param(personIds)}::uuid[])`))
    : [];
  const cases = caseIds.length
    ? rowsOf<{ id: string; reference: string }>(await q.execute(sql`SELECT id, reference FROM cases WHERE id = ANY(${sql.param(caseIds)}::uuid[])`))
    : [];
  return { pseudonyms: new Map(people.map((p) => [p.id, p.pseudonym])), references: new Map(cases.map((c) => [c.id, c.reference])) };
}

/**
 * Per region for the map: NRM cases opened in the year and referrals sent to providers there
 * (within the reader's scope), active providers and shelters (a public directory), and the
 * coverage gap: victims identified in a region where no provider works.
 */
export async function regionFacts(q: DbOrTx, actor: Actor, year: number, victimsByRegion: Map<string, number>) {
  const from = `${year}-01-01`;
  const people = personScope(actor, 'statistics.read');
  // The year in Kazakhstan time (UTC+5), as bounds an index on a timestamp can use.
  const startsAt = `${from}T00:00:00+05:00`;
  const endsAt = `${year + 1}-01-01T00:00:00+05:00`;
  const rows = rowsOf<{ region: string; cases: number; referrals: number; providers: number; shelters: number; rural: number }>(
    await q.execute(sql`
      WITH c AS (SELECT cs.region_code AS region, count(*)::int AS n FROM cases cs JOIN persons ON persons.id = cs.person_id
        WHERE cs.created_at >= ${startsAt}::timestamptz AND cs.created_at < ${endsAt}::timestamptz AND ${people} GROUP BY 1),
      r AS (SELECT x.region_code AS region, count(*)::int AS n FROM referrals x JOIN persons ON persons.id = x.person_id
        WHERE x.referred_on BETWEEN ${from} AND ${`${year}-12-31`} AND ${people} GROUP BY 1),
      p AS (SELECT region_code AS region, count(*)::int AS n, count(*) FILTER (WHERE kind = 'shelter')::int AS shelters,
          count(*) FILTER (WHERE settlement = 'rural')::int AS rural
        FROM providers WHERE active GROUP BY 1)
      SELECT g.region, coalesce(c.n, 0) AS cases, coalesce(r.n, 0) AS referrals, coalesce(p.n, 0) AS providers,
        coalesce(p.shelters, 0) AS shelters, coalesce(p.rural, 0) AS rural
      FROM unnest(${sql.param(REGION_CODES)}::text[]) AS g(region)
      LEFT JOIN c ON c.region = g.region LEFT JOIN r ON r.region = g.region LEFT JOIN p ON p.region = g.region`),
  );
  return rows.map((r) => {
    const victims = victimsByRegion.get(r.region) ?? 0;
    return {
      region: r.region,
      victims,
      cases: Number(r.cases),
      referrals: Number(r.referrals),
      providers: Number(r.providers),
      shelters: Number(r.shelters),
      ruralProviders: Number(r.rural),
      victimsWithoutLocalService: Number(r.providers) === 0 ? victims : 0,
    };
  });
}

/** Whether anything of the year is recorded: an identification, a screening, a criminal case, funding or an official figure. */
export async function yearHasData(q: DbOrTx, year: number): Promise<boolean> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [row] = rowsOf<{ any: boolean }>(
    await q.execute(sql`SELECT (
      EXISTS (SELECT 1 FROM screenings WHERE encounter_date BETWEEN ${from} AND ${to})
      OR EXISTS (SELECT 1 FROM criminal_cases WHERE registered_on BETWEEN ${from} AND ${to})
      OR EXISTS (SELECT 1 FROM funding_allocations WHERE year = ${year})
      OR EXISTS (SELECT 1 FROM official_figures WHERE year = ${year})
      OR EXISTS (SELECT 1 FROM (${positiveDecisionsBetween(from, to)}) d)
    ) AS any`),
  );
  return Boolean(row?.any);
}
