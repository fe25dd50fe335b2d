/**
 * Today's date in Kazakhstan (one time zone, UTC+5, since 1 March 2024), as YYYY-MM-DD: the
 * day legal deadlines are counted in, whatever the server's own time zone.
 */
export function kazakhstanDate(now: Date): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The year in Kazakhstan, for year-based reference numbers (CASE-2026-…): from 19:00 UTC on
 * 31 December it is already the new year in Astana, and a reference must say so.
 */
export function kazakhstanYear(now: Date): number {
  return Number(kazakhstanDate(now).slice(0, 4));
}
