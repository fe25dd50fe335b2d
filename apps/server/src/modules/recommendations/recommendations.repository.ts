import { asc, desc, eq, lte, and, sql, type SQL } from 'drizzle-orm';
import type { RecommendationIndicator } from '@qorgau/core';
import { rowsOf, type DbOrTx } from '../../db/client.ts';
import { agencies, recommendationStatuses, recommendations } from '../../db/schema.ts';
import { identifiedInYearCte, LABOUR_FORMS_SQL } from '../funding/identified-cases.sql.ts';
import { RECOMMENDATION_SEEDS } from './recommendations.seed.ts';

/**
 * Adds the shipped recommendations whose codes are not yet stored (idempotent, migration-free:
 * run before the tracker is read or written). A stored row is never overwritten: its id carries
 * the statuses, and an owner assigned in the register stays.
 */
export async function ensureRecommendations(q: DbOrTx): Promise<void> {
  await q
    .insert(recommendations)
    .values(
      RECOMMENDATION_SEEDS.map((s) => ({ code: s.code, source: s.source, textKk: s.text.kk, textRu: s.text.ru, textEn: s.text.en, indicator: s.indicator })),
    )
    .onConflictDoNothing({ target: recommendations.code });
}

export async function listRecommendationRows(q: DbOrTx) {
  return q
    .select({
      id: recommendations.id,
      code: recommendations.code,
      source: recommendations.source,
      textKk: recommendations.textKk,
      textRu: recommendations.textRu,
      textEn: recommendations.textEn,
      indicator: recommendations.indicator,
      ownerId: agencies.id,
      ownerKk: agencies.nameKk,
      ownerRu: agencies.nameRu,
      ownerEn: agencies.nameEn,
    })
    .from(recommendations)
    .leftJoin(agencies, eq(agencies.id, recommendations.ownerAgencyId))
    .orderBy(asc(recommendations.source), asc(recommendations.code));
}

/** Every status set for the year or before, newest first (the first per year is that year's current one). */
export async function statusesUpTo(q: DbOrTx, year: number) {
  return q
    .select({
      recommendationId: recommendationStatuses.recommendationId,
      year: recommendationStatuses.year,
      status: recommendationStatuses.status,
      note: recommendationStatuses.note,
      setAt: recommendationStatuses.setAt,
    })
    .from(recommendationStatuses)
    .where(lte(recommendationStatuses.year, year))
    .orderBy(desc(recommendationStatuses.year), desc(recommendationStatuses.setAt), desc(recommendationStatuses.id));
}

export async function recommendationExists(q: DbOrTx, id: string): Promise<boolean> {
  const [r] = await q.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.id, id));
  return Boolean(r);
}

export async function agencyExists(q: DbOrTx, id: string): Promise<boolean> {
  const [r] = await q.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
  return Boolean(r);
}

export async function insertStatus(q: DbOrTx, row: typeof recommendationStatuses.$inferInsert) {
  await q.insert(recommendationStatuses).values(row);
}

export async function setOwner(q: DbOrTx, id: string, ownerAgencyId: string | null) {
  await q
    .update(recommendations)
    .set({ ownerAgencyId })
    .where(and(eq(recommendations.id, id)));
}

/**
 * The indicators of one year (RECOMMENDATION_INDICATORS), each counted by the date of its own
 * fact, within `regions` (null: the whole country): persons by the region of their first
 * identified case, convictions by the criminal case's region, referrals and non-punishment
 * flags by the case's region, compensation notices by the person's region.
 */
export async function indicatorValues(q: DbOrTx, year: number, regions: string[] | null): Promise<Record<RecommendationIndicator, number>> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const inRegions = (col: SQL) => (regions === null ? sql`true` : sql`${col} = ANY(${`{${regions.join(',')}}`}::text[])`);
  const kzDate = (col: SQL) => sql`((${col} AT TIME ZONE 'UTC') + interval '5 hours')::date`;
  const inYear = (col: SQL) => sql`(${col} >= ${from}::date AND ${col} < ${to}::date)`;
  const [r] = rowsOf<Record<string, number>>(
    await q.execute(sql`
    WITH ${identifiedInYearCte(year)},
    fy AS (SELECT f.*, p.citizenship FROM firsts f JOIN persons p ON p.id = f.person_id WHERE ${inYear(sql`f.identified_on`)} AND ${inRegions(sql`f.region_code`)})
    SELECT
      (SELECT count(*) FROM fy)::int AS victims_identified,
      (SELECT count(*) FROM fy WHERE fy.citizenship IS DISTINCT FROM 'KZ')::int AS foreign_victims_identified,
      (SELECT count(*) FROM fy WHERE fy.forms && ${LABOUR_FORMS_SQL})::int AS labour_victims_identified,
      (SELECT count(*) FROM defendants d JOIN criminal_cases cc ON cc.id = d.criminal_case_id
        WHERE d.outcome = 'convicted' AND ${inYear(sql`d.outcome_on::date`)} AND cc.exploitation_types && ${LABOUR_FORMS_SQL} AND ${inRegions(sql`cc.region_code`)})::int AS labour_trafficking_convictions,
      (SELECT count(*) FROM defendants d JOIN criminal_cases cc ON cc.id = d.criminal_case_id
        WHERE d.outcome = 'convicted' AND ${inYear(sql`d.outcome_on::date`)} AND cc.articles && ARRAY['128', '135']::text[] AND ${inRegions(sql`cc.region_code`)})::int AS trafficking_convictions,
      (SELECT count(DISTINCT coalesce(pc.cluster_id, n.person_id)) FROM compensation_notices n JOIN persons p ON p.id = n.person_id
        LEFT JOIN person_clusters pc ON pc.person_id = n.person_id
        WHERE ${inYear(sql`n.informed_on::date`)} AND ${inRegions(sql`p.region_code`)})::int AS victims_informed_of_compensation,
      (SELECT count(DISTINCT coalesce(pc.cluster_id, rf.person_id)) FROM referrals rf JOIN cases c ON c.id = rf.case_id
        LEFT JOIN person_clusters pc ON pc.person_id = rf.person_id
        WHERE ${inYear(sql`rf.referred_on::date`)} AND ${inRegions(sql`c.region_code`)})::int AS victims_referred_to_care,
      (SELECT count(DISTINCT a.case_id) FROM case_actions a JOIN cases c ON c.id = a.case_id
        WHERE a.type = 'non_punishment_flagged' AND ${inYear(kzDate(sql`a.at`))} AND ${inRegions(sql`c.region_code`)})::int AS non_punishment_flags
  `),
  );
  const n = (k: RecommendationIndicator) => Number(r?.[k] ?? 0);
  return {
    victims_identified: n('victims_identified'),
    foreign_victims_identified: n('foreign_victims_identified'),
    labour_victims_identified: n('labour_victims_identified'),
    labour_trafficking_convictions: n('labour_trafficking_convictions'),
    trafficking_convictions: n('trafficking_convictions'),
    victims_informed_of_compensation: n('victims_informed_of_compensation'),
    victims_referred_to_care: n('victims_referred_to_care'),
    non_punishment_flags: n('non_punishment_flags'),
  };
}
