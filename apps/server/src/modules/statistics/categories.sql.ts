import { sql, type SQL } from 'drizzle-orm';
import { EXPLOITATION_TYPES, GENDERS, sexCategoryOf } from '@qorgau/core';

/**
 * Core's published categories (domain/statistics/categories.ts) as SQL expressions, so that the
 * records behind a figure can be filtered and paged in the database instead of loading a
 * year's victims. Core stays the rule: the sex mapping is read from core's own function, and
 * categories.sql.int.test.ts evaluates each expression over every input and compares it with
 * core's function, so the two cannot drift apart.
 */

const literal = (s: string) => sql.raw(`'${s.replace(/'/g, "''")}'`);

/** formCategoryOf over a text[] of forms (unknown values ignored, one form, `Multiple` or `Unknown`). */
export function formCategorySql(forms: SQL): SQL {
  const known = sql.raw(`ARRAY[${EXPLOITATION_TYPES.map((f) => `'${f}'`).join(', ')}]::text[]`);
  return sql`(SELECT CASE count(DISTINCT t) WHEN 0 THEN 'Unknown' WHEN 1 THEN min(t) ELSE 'Multiple' END
    FROM unnest(coalesce(${forms}, '{}'::text[])) t WHERE t = ANY(${known}))`;
}

/** sexCategoryOf, built from core's mapping of every HTCDS gender. */
export function sexCategorySql(gender: SQL): SQL {
  const whens = GENDERS.map((g) => sql`WHEN ${literal(g)} THEN ${literal(sexCategoryOf(g))}`);
  return sql`(CASE ${gender} ${sql.join(whens, sql` `)} ELSE 'unknown' END)`;
}

/** ageGroupOf: a child turns at most 17 in the year; no birth year, or one after the year, is unknown. */
export function ageGroupSql(birthYear: SQL, year: number): SQL {
  const y = sql.raw(String(Math.trunc(year)));
  return sql`(CASE WHEN ${birthYear} IS NULL OR ${birthYear} > ${y} THEN 'unknown' WHEN ${y} - ${birthYear} <= 17 THEN 'child' ELSE 'adult' END)`;
}

/** citizenGroupOf: Kazakhstani citizens; everyone else (stateless, unknown) is foreign. */
export function citizenGroupSql(citizenship: SQL): SQL {
  return sql`(CASE WHEN ${citizenship} = 'KZ' THEN 'citizen' ELSE 'foreign' END)`;
}
