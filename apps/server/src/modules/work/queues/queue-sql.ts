import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { WORK_COUNT_CAP, type Urgency, type WorkCounts } from '@qorgau/core';
import { rowsOf, type DbOrTx } from '../../../db/client.ts';

/**
 * The counts of a queue by urgency, with bounded work: `inner` selects one column `u` (the
 * urgency, from `urgencySql`), most urgent first and LIMITed to `WORK_COUNT_CAP` rows, so a
 * national queue never counts a million rows to say "a lot". Overdue rows come first in the
 * inner order, so the overdue count is exact up to the cap. `cap`: the inner LIMIT, when a
 * queue counts less far (see the linkage queue).
 */
export async function boundedCounts(db: DbOrTx, inner: SQLWrapper, cap = WORK_COUNT_CAP): Promise<{ counts: WorkCounts; capped: boolean }> {
  const [row] = rowsOf<{ overdue: number; due_soon: number; waiting: number; n: number }>(
    await db.execute(sql`SELECT count(*) FILTER (WHERE s.u = 'overdue')::int AS overdue, count(*) FILTER (WHERE s.u = 'due_soon')::int AS due_soon,
      count(*) FILTER (WHERE s.u = 'waiting')::int AS waiting, count(*)::int AS n FROM (${inner}) s`),
  );
  const n = Number(row?.n ?? 0);
  return {
    counts: { overdue: Number(row?.overdue ?? 0), due_soon: Number(row?.due_soon ?? 0), waiting: Number(row?.waiting ?? 0) },
    capped: n >= cap,
  };
}

/** The urgency of a row whose work falls due at `due` (a column or expression of the same type as the bounds). */
export function urgencySql(due: PgColumn | SQL, bounds: { overdueBelow: string | Date; soonUpTo: string | Date }): SQL<Urgency> {
  return sql<Urgency>`CASE WHEN ${due} < ${bound(bounds.overdueBelow)} THEN 'overdue' WHEN ${due} <= ${bound(bounds.soonUpTo)} THEN 'due_soon' ELSE 'waiting' END`;
}

/** A bound as SQL: a date-time as timestamptz, a calendar date (`YYYY-MM-DD`, stored as text) as text. */
export const bound = (v: string | Date): SQL => (v instanceof Date ? sql`${v.toISOString()}::timestamptz` : sql`${v}::text`);

/** A row with no clock (a flag, a pair to review) is simply waiting. */
export const waitingSql = sql<Urgency>`'waiting'`;

/** The urgency of work due at `due`, now `now`, warned `soonMs` before (the twin of urgencySql for one row). */
export function urgencyAt(due: Date, now: Date, soonMs: number): Urgency {
  if (due.getTime() < now.getTime()) return 'overdue';
  return due.getTime() <= now.getTime() + soonMs ? 'due_soon' : 'waiting';
}

export const HOUR_MS = 3_600_000;
