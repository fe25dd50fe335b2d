import { sql, type SQL } from 'drizzle-orm';
import { LABOUR_FORMS } from '@qorgau/core';
import { firstIdentifications } from '../statistics/victims.repository.ts';

/** The labour forms (core LABOUR_FORMS) as a text array for `&&`. */
export const LABOUR_FORMS_SQL = sql.raw(`ARRAY[${LABOUR_FORMS.map((f) => `'${f}'`).join(', ')}]::text[]`);

/**
 * `firsts`: the persons first identified in `year`, by the statistics engine's own rule (a
 * cluster counted once, on the day its first standing positive decision was taken; see
 * statistics/victims.repository.ts), with the region and forms of that first case. The funding
 * formulas and the recommendation indicators count the same victims the dashboard and the
 * report count; callers narrow by region themselves.
 */
export function identifiedInYearCte(year: number): SQL {
  return sql`firsts AS (
      SELECT f.v AS who, f.person_id, f.region_code, c.exploitation_types AS forms, f.on_day::date AS identified_on
      FROM (${firstIdentifications(sql`true`, `${year}-01-01`, `${year}-12-31`)}) f
      JOIN cases c ON c.id = f.case_id)`;
}
