/**
 * Kazakhstan keeps one time zone, UTC+5, since 1 March 2024. Legal deadlines are counted in its
 * days and people read its wall clock, whatever the zone of the server or the phone. A fixed
 * offset rather than the `Asia/Almaty` zone: devices with time-zone data older than 2024a still
 * put Almaty at UTC+6. The one definition for server, browser and seed.
 */
export const KAZAKHSTAN_UTC_OFFSET_MS = 5 * 3_600_000;

/** The wall clock in Kazakhstan at an instant, read with the getUTC* methods of the result. */
export function kazakhstanWallClock(instant: Date | number): Date {
  return new Date((typeof instant === 'number' ? instant : instant.getTime()) + KAZAKHSTAN_UTC_OFFSET_MS);
}

/** The date in Kazakhstan at an instant, as YYYY-MM-DD. */
export function kazakhstanDate(now: Date): string {
  return kazakhstanWallClock(now).toISOString().slice(0, 10);
}

/**
 * The year in Kazakhstan, for year-based reference numbers (QRG-2026-…): from 19:00 UTC on
 * 31 December it is already the new year in Astana, and a reference must say so.
 */
export function kazakhstanYear(now: Date): number {
  return kazakhstanWallClock(now).getUTCFullYear();
}
