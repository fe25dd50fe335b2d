/**
 * Today's date in Kazakhstan (one time zone, UTC+5, since 1 March 2024), as YYYY-MM-DD: the
 * day legal deadlines are counted in, whatever the server's own time zone.
 */
export function kazakhstanDate(now: Date): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}
