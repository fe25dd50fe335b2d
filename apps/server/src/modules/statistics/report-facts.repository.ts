import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.ts';

/**
 * The report's facts that no victim's record holds (issue #13): the year's exchange rate,
 * shelter funding, official figures of years before the register, recommendation statuses.
 */

export async function tengePerUsd(q: DbOrTx, year: number): Promise<number | null> {
  const [row] = rowsOf<{ rate: string | number }>(await q.execute(sql`SELECT tenge_per_usd AS rate FROM exchange_rates WHERE year = ${year}`));
  return row ? Number(row.rate) : null;
}

/** Government funding of trafficking shelters in a year: the sum, and how many shelters it went to (null: none recorded). */
export async function shelterFunding(q: DbOrTx, year: number): Promise<{ tenge: number; count: number } | null> {
  const [row] = rowsOf<{ tenge: string | null; shelters: number; rows: number }>(
    await q.execute(sql`SELECT sum(amount_tenge) AS tenge, count(DISTINCT provider_id)::int AS shelters, count(*)::int AS rows
      FROM funding_allocations WHERE year = ${year} AND purpose = 'shelter'`),
  );
  if (!row || Number(row.rows) === 0) return null;
  return { tenge: Number(row.tenge ?? 0), count: Number(row.shelters) };
}

/** The first year the criminal-case register holds: before it, prosecution figures are unknown, not zero. */
export async function firstCriminalYear(q: DbOrTx): Promise<number | null> {
  const [row] = rowsOf<{ first: string | null }>(await q.execute(sql`SELECT min(registered_on) AS first FROM criminal_cases`));
  return row?.first ? Number(row.first.slice(0, 4)) : null;
}

/** Each recommendation's status for the year (its latest entry), in code order. */
export async function recommendationStatuses(q: DbOrTx, year: number): Promise<{ code: string; status: string }[]> {
  return rowsOf<{ code: string; status: string }>(
    await q.execute(sql`SELECT r.code, s.status FROM recommendations r
      JOIN LATERAL (SELECT status FROM recommendation_statuses s WHERE s.recommendation_id = r.id AND s.year = ${year} ORDER BY s.set_at DESC LIMIT 1) s ON true
      ORDER BY r.code`),
  );
}
