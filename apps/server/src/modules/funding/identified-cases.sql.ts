import { sql, type SQL } from 'drizzle-orm';
import { LABOUR_FORMS } from '@qorgau/core';

/** The labour forms (core LABOUR_FORMS) as a text array for `&&`. */
export const LABOUR_FORMS_SQL = sql.raw(`ARRAY[${LABOUR_FORMS.map((f) => `'${f}'`).join(', ')}]::text[]`);

/**
 * Common table expressions for "identified in the year" (issue #13's year rule, as the funding
 * formulas and the recommendation indicators count it until the statistics engine serves them):
 * - `ic`: every NRM case with a positive identification, dated by its first positive decision
 *   (a decision or a review) on the Kazakhstan calendar (UTC+5);
 * - `firsts`: one row per person, linkage clusters counted once (`who`), dated by her first
 *   positive identification ever: a person identified again in a later year is not a new victim.
 *   She counts in the region and with the forms of that first case.
 */
export function identifiedCasesCte(): SQL {
  return sql`ident AS (
      SELECT a.case_id, min(a.at) AS at FROM case_actions a
      WHERE a.type IN ('identification_decided', 'identification_reviewed') AND a.details->>'outcome' = 'ActualVictimOfTrafficking'
      GROUP BY a.case_id),
    ic AS (
      SELECT c.id, c.person_id, coalesce(pc.cluster_id, c.person_id) AS who, c.region_code, c.exploitation_types AS forms,
        ((i.at AT TIME ZONE 'UTC') + interval '5 hours')::date AS identified_on
      FROM cases c JOIN ident i ON i.case_id = c.id LEFT JOIN person_clusters pc ON pc.person_id = c.person_id),
    firsts AS (SELECT DISTINCT ON (who) who, person_id, region_code, forms, identified_on FROM ic ORDER BY who, identified_on, id)`;
}
