import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { OfficialFigure, OfficialFigureKey, OfficialFigureRow } from '@qorgau/core';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { officialFigures as figuresTable } from '../../db/schema.ts';

/**
 * Official figures of years before the register (issue #13 item 7). Not personal data: the
 * aggregates a government published, each with its source.
 */

export type StoredOfficialFigure = OfficialFigure;

const viewOf = (r: typeof figuresTable.$inferSelect): StoredOfficialFigure => ({
  id: r.id,
  year: r.year,
  figure: r.figure as OfficialFigureKey,
  dimension: r.dimension,
  category: r.category,
  value: r.value,
  source: r.source,
  enteredAt: r.enteredAt.toISOString(),
});

const order = [asc(figuresTable.year), asc(figuresTable.figure), asc(figuresTable.dimension), asc(figuresTable.category)];

export async function listOfficialFigures(q: DbOrTx, range: { from?: number; to?: number; figure?: string } = {}): Promise<StoredOfficialFigure[]> {
  const conds: SQL[] = [];
  if (range.from !== undefined) conds.push(gte(figuresTable.year, range.from));
  if (range.to !== undefined) conds.push(lte(figuresTable.year, range.to));
  if (range.figure !== undefined) conds.push(eq(figuresTable.figure, range.figure));
  const rows = await q
    .select()
    .from(figuresTable)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(...order);
  return rows.map(viewOf);
}

/**
 * FOR THE STATISTICS ENGINE: one official figure of a year, its total (no dimension) or one
 * category of a breakdown; null when none was entered. Comparisons and trends mark it `official`.
 */
export async function officialFigure(
  q: DbOrTx,
  year: number,
  figure: OfficialFigureKey,
  dimension = '',
  category = '',
): Promise<{ value: number; source: string } | null> {
  const [r] = await q
    .select({ value: figuresTable.value, source: figuresTable.source })
    .from(figuresTable)
    .where(and(eq(figuresTable.year, year), eq(figuresTable.figure, figure), eq(figuresTable.dimension, dimension), eq(figuresTable.category, category)));
  return r ?? null;
}

/** FOR THE STATISTICS ENGINE: a figure's totals of the years from..to (inclusive), by year; years without one are absent. */
export async function officialFigures(
  q: DbOrTx,
  fromYear: number,
  toYear: number,
  figure: OfficialFigureKey,
): Promise<Map<number, { value: number; source: string }>> {
  const rows = await q
    .select({ year: figuresTable.year, value: figuresTable.value, source: figuresTable.source })
    .from(figuresTable)
    .where(
      and(
        eq(figuresTable.figure, figure),
        eq(figuresTable.dimension, ''),
        eq(figuresTable.category, ''),
        gte(figuresTable.year, fromYear),
        lte(figuresTable.year, toYear),
      ),
    )
    .orderBy(asc(figuresTable.year));
  return new Map(rows.map((r) => [r.year, { value: r.value, source: r.source }]));
}

export async function getOfficialFigureById(q: DbOrTx, id: string): Promise<StoredOfficialFigure | null> {
  const [r] = await q.select().from(figuresTable).where(eq(figuresTable.id, id));
  return r ? viewOf(r) : null;
}

export async function deleteOfficialFigure(q: DbOrTx, id: string): Promise<void> {
  await q.delete(figuresTable).where(eq(figuresTable.id, id));
}

/** Writes rows (insert or replace by year, figure, dimension, category). */
export async function upsertOfficialFigures(q: DbOrTx, rows: readonly OfficialFigureRow[], enteredBy: string, at: Date): Promise<void> {
  if (!rows.length) return;
  await q
    .insert(figuresTable)
    .values(
      rows.map((r) => ({
        year: r.year,
        figure: r.figure,
        dimension: r.dimension,
        category: r.category,
        value: r.value,
        source: r.source,
        enteredBy,
        enteredAt: at,
      })),
    )
    .onConflictDoUpdate({
      target: [figuresTable.year, figuresTable.figure, figuresTable.dimension, figuresTable.category],
      set: { value: sql`excluded.value`, source: sql`excluded.source`, enteredBy: sql`excluded.entered_by`, enteredAt: sql`excluded.entered_at` },
    });
}

/**
 * Years (of `years`) in which the register already holds a positive identification, dated as
 * the statistics date it (the day it happened when entered late, else the Kazakhstan day it was
 * recorded). An official victims figure for such a year is allowed, with a warning: the register
 * may have started mid-year (its count is then partial), and the official figure wins for a
 * year it exists (docs/statistics.md), so the coordinator should know she is overriding one.
 */
export async function registerYears(q: DbOrTx, years: readonly number[]): Promise<number[]> {
  if (!years.length) return [];
  const rows = rowsOf<{ y: number }>(
    await q.execute(sql`
      SELECT DISTINCT substr(coalesce(a.details->>'occurredOn', to_char(a.at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM-DD')), 1, 4)::int AS y
      FROM case_actions a
      WHERE a.type IN ('identification_decided', 'identification_reviewed') AND a.details->>'outcome' = 'ActualVictimOfTrafficking'`),
  );
  return rows
    .map((r) => Number(r.y))
    .filter((y) => years.includes(y))
    .sort();
}
